// The whole computation from grids to figures: find the tables in every input, pair each
// ranking with the year before, compare. Deterministic: the same inputs give the same result.

import { Grid, gridWidth, isBlankRow } from "./cells";
import { Problem, problem } from "./problems";
import { compareRankings, RankingSummary } from "./ranking";
import { NumberFormats, RankingList, RankingTable, readRankingTables, TableOverrides } from "./ranking-table";
import { AnalysisOptions } from "./options";
import { isFullYear, Period } from "./periods";
import { rangeLocation, SourceRef, sourceName } from "./source";
import { seriesKey, SeriesTable } from "./series-table";
import { readSeriesTable, seriesRefusal } from "./layouts";
import { computeSeries, SeriesSummary } from "./series";
import { compareRegions, RegionComparison } from "./regions";
import { PlanTable, PlanTarget, readPlanTable } from "./plan";
import { Metric } from "./units";
import { Maybe } from "./yoy";
import { firstMissingPlace, topCovered } from "./ranking-entries";
import { roundTo } from "./rounding";
import { linkPeriods } from "./ranking-history";
import { aliasSuggestions, AliasList, unifyNames } from "./aliases";

/** One grid to analyse: where it came from, its cells, and the user's corrections. */
export interface AnalysisInput {
  readonly source: SourceRef;
  readonly grid: Grid;
  /** Range.numberFormat beside the grid, when read: a date-formatted figure is then not a figure. */
  readonly numberFormats?: NumberFormats;
  readonly overrides?: TableOverrides;
  /** What the person said the grid holds; absent: StatDesk finds out. */
  readonly kind?: "ranking" | "series" | "plan";
}

/** A table found in an input: a ranking, an NBS-style series table, or a plan table. */
export type FoundTable = RankingTable | SeriesTable | PlanTable;

export interface Analysis {
  readonly options: AnalysisOptions;
  readonly tables: readonly FoundTable[];
  readonly rankings: readonly RankingSummary[];
  readonly series: readonly SeriesSummary[];
  readonly targets: readonly PlanTarget[];
  /** Every regional series point beside the nation's (regions.ts), in release order. */
  readonly regions: readonly RegionComparison[];
  readonly problems: readonly Problem[];
}

/** National sales for a metric and period (from a series or the options), for concentration. */
export type NationalLookup = (metric: Metric, period: Period) => Maybe;

/** The middle figure of a list in order (by rank it is near enough); NaN for an empty list. */
function medianOf(entries: RankingList["entries"]): number {
  return entries.length === 0 ? Number.NaN : entries.values[entries.length >> 1];
}

/** Lists that can be compared: same metric, same span of months. */
function groupKey(list: RankingList): string {
  return `${list.metric}|${list.period.fromMonth}-${list.period.toMonth}`;
}

/**
 * A group of one metric and span, split by basis (口径) when some year holds lists of several
 * bases (one CRIC table with 全口径 and 权益 columns): each basis is then paired with the same
 * basis a year earlier. Otherwise the group stays whole, so a 全口径 list against last year's
 * 权益 one is still paired, with the basis-mismatch warning.
 */
function splitByBasis(group: readonly RankingList[]): RankingList[][] {
  const basesOfYear = new Map<number, Set<string | null>>();
  for (const l of group) basesOfYear.set(l.period.year, (basesOfYear.get(l.period.year) ?? new Set()).add(l.basis));
  if (![...basesOfYear.values()].some((b) => b.size > 1)) return [[...group]];
  const byBasis = new Map<string | null, RankingList[]>();
  for (const l of group) byBasis.set(l.basis, [...(byBasis.get(l.basis) ?? []), l]);
  return [...byBasis.values()];
}

/**
 * Pairs each group's latest year with the year before and compares them: a group is one metric,
 * basis and span of months, so four lists (2024 and 2023, 1—11月 and 1—12月) give two rankings.
 * Then each ranking is linked to the previous period of its year (ranking-history.ts): how its
 * YoY moved against 1—11月. Problems say what could not be paired and why.
 */
export function pairRankings(
  lists: readonly RankingList[],
  options: AnalysisOptions,
  national: NationalLookup = () => null,
): { rankings: RankingSummary[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const spans = new Map<string, RankingList[]>();
  for (const list of lists) {
    const key = groupKey(list);
    spans.set(key, [...(spans.get(key) ?? []), list]);
  }

  const rankings: RankingSummary[] = [];
  const groups = [...spans.values()].flatMap(splitByBasis);
  // Bases in the order they are first found, for a stable order of the rankings.
  const basisOrder = [...new Set(lists.map((l) => l.basis))];
  for (const group of groups) {
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
      if (current.basis !== null && previous.basis !== null && current.basis !== previous.basis) {
        problems.push(
          problem("basis-mismatch", "warning", current.range, { year: current.period.year, basis: current.basis, previousYear: previous.period.year, previousBasis: previous.basis }),
        );
      }
      // Medians of the two years a thousand times apart: one list is in 万元 while taken as 亿元
      // (or 元), and every change would read as a collapse or a boom.
      const ratio = medianOf(previous.entries) / medianOf(current.entries);
      if (Number.isFinite(ratio) && (ratio >= 1000 || ratio <= 1 / 1000)) {
        problems.push(
          problem("unit-scale-mismatch", "warning", previous.range, {
            year: previous.period.year,
            other: current.period.year,
            ratio: ratio >= 1 ? Math.round(ratio) : `1/${Math.round(1 / ratio)}`,
            unit: current.unit,
          }),
        );
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
      const missing = firstMissingPlace(list.entries);
      for (const n of options.topN) {
        if (list.entries.length < n) {
          problems.push(problem("top-incomplete", "warning", list.range, { year: list.period.year, enterprises: list.entries.length, n }));
        } else if (!topCovered(list.entries, n)) {
          problems.push(problem("top-place-missing", "warning", list.range, { year: list.period.year, place: missing ?? n, n }));
        }
      }
    }
    const previousPeriod: Period = { ...current.period, year: current.period.year - 1 };
    const nationalTotal = { current: national(current.metric, current.period), previous: national(current.metric, previousPeriod) };
    const summary = compareRankings(current, previous, { ...options, nationalTotal });
    // A TOP-N above national sales: the national figure (or its unit) is wrong; no share is shown.
    for (const t of summary.top) {
      for (const [sum, total, list] of [[t.sum, nationalTotal.current, current], [t.previousSum, nationalTotal.previous, previous]] as const) {
        if (sum !== null && total !== null && list !== null && sum > total) {
          problems.push(problem("national-below-top", "warning", list.range, { year: list.period.year, national: total, n: t.n, sum: roundTo(sum, 1), unit: list.unit }));
        }
      }
    }
    rankings.push(summary);
  }

  // A year left unpaired because its span differs from the other year's (H1 against a full year).
  const lonely = rankings.filter((r) => r.previousYear === null);
  for (const r of lonely) {
    const other = lonely.find((o) => o !== r && o.metric === r.metric && o.basis === r.basis && o.year === r.year - 1);
    if (other !== undefined) {
      problems.push(problem("period-mismatch", "warning", r.range, { period: r.period, other: other.period }));
    }
  }
  // Latest first, sales value before area, bases as found, then the latest period of the year
  // first (1—12月 before 1—11月; a full year before its second half).
  rankings.sort(
    (a, b) =>
      b.year - a.year ||
      (a.metric === b.metric ? 0 : a.metric === "salesValue" ? -1 : 1) ||
      basisOrder.indexOf(a.basis) - basisOrder.indexOf(b.basis) ||
      b.toMonth - a.toMonth ||
      b.toMonth - b.fromMonth - (a.toMonth - a.fromMonth),
  );
  return { rankings: linkPeriods(rankings, options.rounding), problems };
}

/**
 * National sales from the series read (商品房销售额 for sales value, 销售面积 for area) for the
 * months a ranking covers: the cumulative figure to its last month, or the annual figure.
 */
function nationalFrom(series: readonly SeriesSummary[]): NationalLookup {
  return (metric, period) => {
    // A metric is named as the quantity it measures ("salesValue", "salesArea").
    const candidates = series.filter((s) => s.category === "total" && s.quantity === metric && s.region === null);
    for (const s of candidates) {
      const key = seriesKey(period, s.frequency);
      const point = s.points.find((p) => p.period === key && (s.frequency === "year" ? isFullYear(period) : s.cumulative && period.fromMonth === 1));
      if (point?.value != null) return point.value;
    }
    return null;
  };
}

/**
 * Analyses inputs with checked options: reads the tables, pairs years, compares, computes series
 * and plan completion. An input without any recognisable table is reported, not thrown. With an
 * alias list (aliases.ts), the lists' names are unified before years are compared.
 */
export function analyze(inputs: readonly AnalysisInput[], options: AnalysisOptions, aliases: AliasList | null = null): Analysis {
  const problems: Problem[] = [];
  const tables: FoundTable[] = [];
  for (const input of inputs) {
    // Said at the cells read ("Sheet1!A1:D20"), so a person can be taken to them.
    const width = gridWidth(input.grid);
    const where = input.grid.length > 0 && width > 0 ? rangeLocation(input.source, 0, 0, input.grid.length, width) : sourceName(input.source) || undefined;
    const name = sourceName(input.source);
    if (input.grid.length === 0 || input.grid.every(isBlankRow)) {
      problems.push(problem("empty-input", "error", where, { source: name }));
      continue;
    }
    const found = findTables(input);
    if (found.length === 0) {
      // An NBS export of CPI or M2 is said to be one, not "no table found".
      problems.push(seriesRefusal(input) ?? problem("no-table", "error", where, { source: name }));
      continue;
    }
    for (const t of found) {
      tables.push(t);
      problems.push(...t.problems);
    }
  }

  const series: SeriesSummary[] = [];
  for (const t of tables) {
    if (t.kind !== "series") continue;
    for (const raw of t.series) {
      const computed = computeSeries(raw, options);
      series.push(computed.summary);
      problems.push(...computed.problems);
    }
  }
  const targets = tables.flatMap((t) => (t.kind === "plan" ? t.targets : []));

  // A workbook's notes sheet is not an error when its other sheets hold the tables.
  if (tables.length > 0) {
    for (let i = 0; i < problems.length; i++) {
      const p = problems[i];
      if (p.code === "no-table" || p.code === "empty-input" || p.code === "nbs-not-real-estate" || p.code === "price-index-not-ours") problems[i] = { ...p, severity: "info" };
    }
  }

  // One enterprise under two names: unified by the person's alias list, else likely pairs noted.
  const unified = unifyNames(tables.flatMap((t) => (t.kind === "ranking" ? t.lists : [])), aliases);
  const lists = unified.lists;
  problems.push(...unified.problems, ...aliasSuggestions(lists, Math.max(0, ...options.topN)));
  const fromSeries = nationalFrom(series);
  // A total given by the person (current[, previous]) is for the latest sales-value ranking year.
  const given = options.nationalTotal;
  const latest = Math.max(...lists.filter((l) => l.metric === "salesValue").map((l) => l.period.year));
  const national: NationalLookup = (metric, period) => {
    if (given !== null && metric === "salesValue") {
      if (period.year === latest) return given.current ?? fromSeries(metric, period);
      if (period.year === latest - 1) return given.previous ?? fromSeries(metric, period);
    }
    return fromSeries(metric, period);
  };
  const paired = pairRankings(lists, options, national);
  problems.push(...paired.problems);
  // The metrics and bases the person chose to show (the task pane); all found by default.
  const shown = options.rankingsShown;
  const rankings = shown === null ? paired.rankings : paired.rankings.filter((r) => shown.some((c) => c.metric === r.metric && c.basis === r.basis));
  return { options, tables, rankings, series, targets, regions: compareRegions(series, options.rounding), problems };
}

/**
 * The tables of one input: the kind the person named, or else an NBS export, rankings, a plan
 * table or a long series table, in that order.
 */
function findTables(input: AnalysisInput): FoundTable[] {
  const { grid, source } = input;
  if (input.kind === "ranking") return readRankingTables(grid, source, input.overrides, input.numberFormats);
  if (input.kind === "plan") {
    const plan = readPlanTable(grid, source);
    return plan === undefined ? [] : [plan];
  }
  const series = readSeriesTable({ grid, source }, input.overrides?.year !== undefined ? { year: input.overrides.year } : {});
  if (input.kind === "series") return series === undefined ? [] : [series];
  // Every layout but the long table names its indicators where no ranking has them.
  if (series !== undefined && series.layout !== "long-table") return [series];
  const rankings = readRankingTables(grid, source, input.overrides, input.numberFormats);
  if (rankings.length > 0) return rankings;
  const plan = readPlanTable(grid, source);
  if (plan !== undefined) return [plan];
  return series !== undefined ? [series] : [];
}

