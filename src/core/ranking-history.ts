// A desk's lists over the year: each period's ranking against the previous period of the same
// year (1—12月 against 1—11月, 上半年 against 1—5月), how its YoY rates moved in 个百分点 and how
// its tier counts changed, and the histories (one per metric and basis) the summary charts.

import { CountChange, RankingSummary, rankingPeriodKey } from "./ranking";
import { roundTo, RoundingRule } from "./rounding";
import { RateChange, rateTrend } from "./series";
import { Maybe } from "./yoy";

type Span = Pick<RankingSummary, "year" | "fromMonth" | "toMonth">;

/** Rankings that belong to one history: the same metric and basis. */
export function historyKey(r: Pick<RankingSummary, "metric" | "basis">): string {
  return `${r.metric}|${r.basis ?? ""}`;
}

/**
 * Whether `earlier` is a period `later` follows within the same year: both run from January
 * (1—11月 before 1—12月, 1—5月 before 上半年), or both span as many months and `earlier` ends
 * before `later` begins (一季度 before 二季度, 11月 before 12月).
 */
function precedes(earlier: Span, later: Span): boolean {
  if (earlier.year !== later.year || earlier.toMonth >= later.toMonth) return false;
  if (earlier.fromMonth === 1 && later.fromMonth === 1) return true;
  return earlier.toMonth - earlier.fromMonth === later.toMonth - later.fromMonth && earlier.toMonth < later.fromMonth;
}

/** Whether `earlier` is the period just before `later` (1—11月 for 1—12月, 一季度 for 二季度). */
function adjacent(earlier: Span, later: Span): boolean {
  return later.fromMonth === 1 && earlier.fromMonth === 1 ? earlier.toMonth === later.toMonth - 1 : earlier.toMonth === later.fromMonth - 1;
}

/**
 * The change of a YoY rate against the previous period's, as desks compute it: both rates
 * rounded to one decimal by the rule first, then subtracted (and the difference rounded once
 * more, so 2.2999… prints 2.3). Null when either rate is missing.
 * periodRateChange(-30.62, -32.9, …) // => { rate: -30.6, previousRate: -32.9, changePts: 2.3, trend: "decline-narrowed", … }
 */
export function periodRateChange(rate: Maybe, previousRate: Maybe, current: Span, previous: Pick<RankingSummary, "year" | "fromMonth" | "toMonth" | "period">, rule: RoundingRule): RateChange | null {
  if (rate === null || previousRate === null) return null;
  const shown = roundTo(rate, 1, rule);
  const shownBefore = roundTo(previousRate, 1, rule);
  return {
    previousPeriod: rankingPeriodKey(previous),
    previousLabel: previous.period,
    previousRate: shownBefore,
    rate: shown,
    changePts: roundTo(shown - shownBefore, 1, rule),
    trend: rateTrend(shown, shownBefore),
    adjacent: adjacent(previous, current),
  };
}

function countChange(count: Maybe, previousCount: Maybe, previous: RankingSummary): CountChange | null {
  if (count === null || previousCount === null) return null;
  return { previousPeriod: previous.periodKey, previousLabel: previous.period, previousCount, count, change: count - previousCount };
}

/** The ranking compared with the previous period of its year: every change filled in. */
function againstPrevious(r: RankingSummary, before: RankingSummary, rule: RoundingRule): RankingSummary {
  const tierOf = (min: number, max: number | null) => before.tiers.find((t) => t.min === min && t.max === max);
  return {
    ...r,
    previousPeriod: before.periodKey,
    top: r.top.map((t) => {
      const b = before.top.find((x) => x.n === t.n);
      return {
        ...t,
        rateChange: periodRateChange(t.sumYoyPct, b?.sumYoyPct ?? null, r, before, rule),
        thresholdRateChange: periodRateChange(t.thresholdYoyPct, b?.thresholdYoyPct ?? null, r, before, rule),
      };
    }),
    tiers: r.tiers.map((t) => ({ ...t, periodCountChange: countChange(t.count, tierOf(t.min, t.max)?.count ?? null, before) })),
    hundredBillionPeriodChange: countChange(r.hundredBillionCount, before.hundredBillionCount, before),
  };
}

/**
 * Links every ranking to the previous period of the same year with the same metric and basis
 * (the latest such period: 1—11月 when there, else 1—10月 …), filling rateChange, tier and
 * 百亿 count changes. Rankings without one are returned unchanged. Order is kept.
 */
export function linkPeriods(rankings: readonly RankingSummary[], rule: RoundingRule): RankingSummary[] {
  return rankings.map((r) => {
    let before: RankingSummary | undefined;
    for (const o of rankings) {
      if (o === r || historyKey(o) !== historyKey(r) || !precedes(o, r)) continue;
      if (before === undefined || o.toMonth > before.toMonth) before = o;
    }
    return before === undefined ? r : againstPrevious(r, before, rule);
  });
}

/** One metric and basis over the periods the lists cover. */
export interface RankingHistory {
  readonly key: string;
  readonly metric: RankingSummary["metric"];
  readonly basis: string | null;
  readonly unit: string;
  /** Oldest first (by year, then by the month a period ends, longer spans after shorter). */
  readonly periods: readonly RankingSummary[];
}

/**
 * The histories of the rankings, in the order their latest periods come (rankings are latest
 * first). A history of one period is still one; the summary shows a table only for more.
 */
export function rankingHistories(rankings: readonly RankingSummary[]): RankingHistory[] {
  const byKey = new Map<string, RankingSummary[]>();
  for (const r of rankings) byKey.set(historyKey(r), [...(byKey.get(historyKey(r)) ?? []), r]);
  return [...byKey.entries()].map(([key, group]) => ({
    key,
    metric: group[0].metric,
    basis: group[0].basis,
    unit: group[0].unit,
    periods: [...group].sort((a, b) => a.year - b.year || a.toMonth - b.toMonth || b.fromMonth - a.fromMonth),
  }));
}

/** The latest period of each history: what the sentences and the detailed tables are about. */
export function latestRankings(rankings: readonly RankingSummary[]): RankingSummary[] {
  return rankingHistories(rankings).map((h) => h.periods[h.periods.length - 1]);
}
