// The whole computation from grids to figures: find the tables in every input, pair each
// ranking with the year before, compare. Deterministic: the same inputs give the same result.

import { Grid } from "./cells";
import { Problem, problem } from "./problems";
import { compareRankings, RankingSummary } from "./ranking";
import { RankingList, RankingTable, readRankingTables, TableOverrides } from "./ranking-table";
import { AnalysisOptions } from "./options";
import { isFullYear, periodLabel } from "./periods";
import { SourceRef, sourceName } from "./source";
import { isBlank } from "./cells";

/** One grid to analyse: where it came from, its cells, and the user's corrections. */
export interface AnalysisInput {
  readonly source: SourceRef;
  readonly grid: Grid;
  readonly overrides?: TableOverrides;
}

export interface Analysis {
  readonly options: AnalysisOptions;
  readonly tables: readonly RankingTable[];
  readonly rankings: readonly RankingSummary[];
  readonly problems: readonly Problem[];
}

/** Lists that can be compared: same metric, same span of months. */
function groupKey(list: RankingList): string {
  return `${list.metric}|${list.period.fromMonth}-${list.period.toMonth}`;
}

/**
 * Pairs each group's latest year with the year before and compares them.
 * Problems say what could not be paired and why.
 */
export function pairRankings(lists: readonly RankingList[], options: AnalysisOptions): { rankings: RankingSummary[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const groups = new Map<string, RankingList[]>();
  for (const list of lists) {
    const key = groupKey(list);
    groups.set(key, [...(groups.get(key) ?? []), list]);
  }

  const rankings: RankingSummary[] = [];
  for (const group of groups.values()) {
    // One list per year: the first found (sheet order); a second list for a year is reported.
    const byYear = new Map<number, RankingList>();
    for (const list of group) {
      const seen = byYear.get(list.period.year);
      if (seen === undefined) byYear.set(list.period.year, list);
      else problems.push(problem("year-listed-twice", "warning", list.range, { year: list.period.year, used: seen.range }));
    }
    const years = [...byYear.keys()].sort((a, b) => b - a);
    const current = byYear.get(years[0]) as RankingList;
    let previous: RankingList | null = null;
    if (years.length === 1) {
      problems.push(problem("no-previous-year", "warning", current.range, { year: current.period.year }));
    } else if (years[1] !== years[0] - 1) {
      problems.push(problem("years-not-consecutive", "warning", current.range, { year: years[0], other: years[1] }));
    } else {
      previous = byYear.get(years[1]) as RankingList;
      if (years.length > 2) {
        problems.push(problem("extra-years", "info", current.range, { years: [...years].reverse().join(", "), year: years[0], previousYear: years[1] }));
      }
      if (previous.sourceUnit !== current.sourceUnit) {
        const converted = [current, previous].filter((l) => l.sourceUnit !== l.unit);
        for (const l of converted) {
          problems.push(problem("unit-converted", "warning", l.range, { year: l.period.year, from: l.sourceUnit, to: l.unit }));
        }
      }
    }
    for (const list of [current, previous]) {
      if (list === null) continue;
      for (const n of options.topN) {
        if (list.entries.length < n) {
          problems.push(problem("top-incomplete", "warning", list.range, { year: list.period.year, enterprises: list.entries.length, n }));
        }
      }
    }
    rankings.push(compareRankings(current, previous, options));
  }

  // A year left unpaired because its span differs from the other year's (H1 against a full year).
  const lonely = rankings.filter((r) => r.previousYear === null);
  for (const r of lonely) {
    const other = lonely.find((o) => o !== r && o.metric === r.metric && o.year === r.year - 1);
    if (other !== undefined) {
      problems.push(problem("period-mismatch", "warning", r.range, { period: r.period, other: other.period }));
    }
  }
  // Latest first, sales value before area, full years before partial ones.
  rankings.sort(
    (a, b) =>
      b.year - a.year ||
      (a.metric === b.metric ? 0 : a.metric === "salesValue" ? -1 : 1) ||
      Number(isFullYear({ year: b.year, fromMonth: b.fromMonth, toMonth: b.toMonth, kind: "ytd" })) -
        Number(isFullYear({ year: a.year, fromMonth: a.fromMonth, toMonth: a.toMonth, kind: "ytd" })),
  );
  return { rankings, problems };
}

/**
 * Analyses inputs with checked options: reads the tables, pairs years, compares.
 * An input without any recognisable table is reported, not thrown.
 */
export function analyze(inputs: readonly AnalysisInput[], options: AnalysisOptions): Analysis {
  const problems: Problem[] = [];
  const tables: RankingTable[] = [];
  for (const input of inputs) {
    const name = sourceName(input.source);
    if (input.grid.length === 0 || input.grid.every((row) => row.every(isBlank))) {
      problems.push(problem("empty-input", "error", name || undefined, { source: name }));
      continue;
    }
    const found = readRankingTables(input.grid, input.source, input.overrides);
    if (found.length === 0) {
      problems.push(problem("no-table", "error", name || undefined, { source: name }));
      continue;
    }
    for (const t of found) {
      tables.push(t);
      problems.push(...t.problems);
    }
  }
  const lists = tables.flatMap((t) => t.lists);
  const paired = pairRankings(lists, options);
  problems.push(...paired.problems);
  return { options, tables, rankings: paired.rankings, problems };
}

/** The period of a ranking summary as a bulletin names it. */
export function rankingPeriodLabel(r: RankingSummary, language: "zh-CN" | "en-US"): string {
  return periodLabel({ year: r.year, fromMonth: r.fromMonth, toMonth: r.toMonth, kind: "ytd" }, language);
}
