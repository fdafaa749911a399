// Compares one year's ranking with the year before, each in its own order: tiers, TOP-N totals
// and thresholds, rank-group means, concentration and rank movement. All figures unrounded.

import { inTier, TierBound, tierLabel, tiersFromBounds } from "./tiers";
import { difference, Maybe, mean, sharePct, sum, yoyPct } from "./yoy";
import { RankingList } from "./ranking-table";
import { RankingEntries, rankAt, topCovered } from "./ranking-entries";
import { keyIndex } from "./key-index";
import { periodLabel } from "./periods";
import type { RateChange } from "./series";

export const DEFAULT_TOP_N: readonly number[] = [10, 30, 50, 100];

export interface RankingOptions {
  /** Lower bounds of the tiers, in the report unit. */
  readonly tierBounds: readonly number[];
  /** The N of each TOP-N, ascending; rank groups are the spans between them. */
  readonly topN: readonly number[];
  /** National sales (same metric and unit) for the current and the previous period, for concentration. */
  readonly nationalTotal?: { readonly current: Maybe; readonly previous: Maybe } | null;
}

export interface TierRow {
  readonly label: string;
  readonly labelEn: string;
  readonly min: number;
  readonly max: number | null;
  readonly count: number;
  readonly previousCount: Maybe;
  readonly countChange: Maybe;
  readonly sum: number;
  readonly previousSum: Maybe;
  readonly mean: Maybe;
  readonly previousMean: Maybe;
  readonly meanYoyPct: Maybe;
  /** The tier's sum as a share of the TOP-`shareBaseN` sum, in per cent. */
  readonly sharePct: Maybe;
  /** The count against the previous period of the same year (较1—11月增加N家); null without one. Set by ranking-history.ts. */
  readonly periodCountChange: CountChange | null;
}

/** A count (companies in a tier, 百亿 companies) against the previous period of the same year. */
export interface CountChange {
  /** "2024-11": the previous period's key (rankingPeriodKey). */
  readonly previousPeriod: string;
  readonly previousLabel: string;
  readonly previousCount: number;
  readonly count: number;
  /** count − previousCount. */
  readonly change: number;
}

export interface TopRow {
  readonly n: number;
  /** False when a year's list does not hold its TOP-N (fewer than N enterprises, or a ranked one left out); its figures are then null. */
  readonly complete: boolean;
  readonly sum: Maybe;
  readonly previousSum: Maybe;
  readonly sumYoyPct: Maybe;
  /** 门槛值: the N-th enterprise's figure. */
  readonly threshold: Maybe;
  readonly previousThreshold: Maybe;
  readonly thresholdYoyPct: Maybe;
  /** Concentration: the TOP-N sum as a share of national sales, in per cent. */
  readonly share: Maybe;
  readonly previousShare: Maybe;
  /** Change of the share in percentage points. */
  readonly shareChangePts: Maybe;
  /** The TOP-N total's YoY against the previous period of the same year, from the printed rates; null without one. Set by ranking-history.ts. */
  readonly rateChange: RateChange | null;
  /** The same for the threshold's YoY. */
  readonly thresholdRateChange: RateChange | null;
}

export interface GroupRow {
  readonly from: number;
  readonly to: number;
  readonly sum: Maybe;
  readonly previousSum: Maybe;
  readonly mean: Maybe;
  readonly previousMean: Maybe;
  readonly meanYoyPct: Maybe;
}

export interface Mover {
  readonly name: string;
  readonly rank: number | null;
  readonly previousRank: number | null;
  /** Places gained: previous rank − rank (positive = moved up); null when not in both lists. */
  readonly rankChange: number | null;
  readonly value: Maybe;
  readonly previousValue: Maybe;
  readonly valueYoyPct: Maybe;
  /**
   * The names as each year's sheet wrote them, when an alias list unified them to `name`
   * (aliases.ts): [this year's or null, last year's or null]; absent without an alias at work.
   */
  readonly writtenAs?: readonly [string | null, string | null];
}

export interface Membership {
  readonly n: number;
  /** In this year's TOP-N but not last year's. */
  readonly entrants: readonly string[];
  /** In last year's TOP-N but not this year's. */
  readonly exits: readonly string[];
}

export interface RankingSummary {
  readonly source: string;
  readonly previousSource: string | null;
  readonly range: string;
  readonly previousRange: string | null;
  readonly metric: RankingList["metric"];
  readonly unit: string;
  readonly year: number;
  readonly previousYear: number | null;
  readonly period: string;
  readonly periodEn: string;
  readonly fromMonth: number;
  readonly toMonth: number;
  readonly enterprises: number;
  readonly previousEnterprises: Maybe;
  readonly tiers: readonly TierRow[];
  readonly hundredBillionCount: Maybe;
  readonly previousHundredBillionCount: Maybe;
  readonly shareBaseN: number | null;
  readonly top: readonly TopRow[];
  readonly groups: readonly GroupRow[];
  readonly movers: readonly Mover[];
  readonly membership: readonly Membership[];
  /** The basis (口径: 全口径, 权益 …) the list names, or null. */
  readonly basis: string | null;
  /** "2024-12" for a span from January (1—12月, 上半年 "2024-06"), "2024-04~06" for another span: the period's key. */
  readonly periodKey: string;
  /** The key of the previous period of the same year this one is compared with ("2024-11"), or null. Set by ranking-history.ts. */
  readonly previousPeriod: string | null;
  /** 百亿企业 against the previous period of the same year; null without one. */
  readonly hundredBillionPeriodChange: CountChange | null;
}

/**
 * A ranking period's key: "2024-12" for a span from January (as NBS year-to-date keys are),
 * "2024-04~06" for any other span (a quarter, a single month "2024-12~12").
 * rankingPeriodKey({ year: 2024, fromMonth: 1, toMonth: 11 }) // => "2024-11"
 */
export function rankingPeriodKey(p: { readonly year: number; readonly fromMonth: number; readonly toMonth: number }): string {
  const mm = (m: number) => String(m).padStart(2, "0");
  return p.fromMonth === 1 ? `${p.year}-${mm(p.toMonth)}` : `${p.year}-${mm(p.fromMonth)}~${mm(p.toMonth)}`;
}

/** The months of a period key, the inverse of rankingPeriodKey: "2024-04~06" → 2024, 4, 6. */
export function spanOfKey(key: string): { year: number; fromMonth: number; toMonth: number } {
  const [year, months] = key.split("-");
  const [from, to] = months.includes("~") ? months.split("~") : ["1", months];
  return { year: Number(year), fromMonth: Number(from), toMonth: Number(to) };
}

/** The sum of the TOP-n, or null when the list does not hold them all (see topCovered). */
export function topSum(list: RankingEntries, n: number): Maybe {
  return topCovered(list, n) ? sum(list.values.subarray(0, n)) : null;
}

/** 门槛值: the n-th enterprise's figure, or null when the list does not hold the TOP-n. */
export function threshold(list: RankingEntries, n: number): Maybe {
  return topCovered(list, n) ? list.values[n - 1] : null;
}

/** Figures of places from..to (1-based, inclusive), or null when the list does not hold the TOP-`to`. */
function span(list: RankingEntries, from: number, to: number): Float64Array | null {
  return topCovered(list, to) ? list.values.subarray(from - 1, to) : null;
}

/**
 * Concentration: a TOP-N sum as a share of national sales, in per cent; null when either is
 * missing, or when the sum exceeds the national figure (a share over 100% is a wrong national
 * figure or unit, reported by the analysis, never printed).
 */
export function concentration(topSumValue: Maybe, national: Maybe | undefined): Maybe {
  if (topSumValue === null || national === null || national === undefined || topSumValue > national) return null;
  return sharePct(topSumValue, national);
}

/**
 * Counts, sums and means of every tier in one pass over the list (most of a long list is in no
 * tier), the figures of each tier summed with compensation as `sum` does.
 */
export function allTierFigures(list: RankingEntries, tiers: readonly TierBound[]): { count: number; sum: number; mean: Maybe }[] {
  const inside: number[][] = tiers.map(() => []);
  const { values } = list;
  // Below the lowest bound a figure is in no tier: the long tail of a long list is passed at once.
  const lowest = Math.min(...tiers.map((t) => t.min));
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value < lowest) continue;
    for (let t = 0; t < tiers.length; t++) {
      if (inTier(value, tiers[t])) {
        inside[t].push(value);
        break; // tiers do not overlap
      }
    }
  }
  return inside.map((values) => ({ count: values.length, sum: sum(values), mean: mean(values) }));
}

/**
 * Compares a year's list with the previous year's (null when there is none: changes are null).
 * Tier statistics are for sales value only (tiers are in 亿元); an area ranking has none.
 */
export function compareRankings(current: RankingList, previous: RankingList | null, options: RankingOptions): RankingSummary {
  const cur = current.entries;
  const prev = previous?.entries ?? null;
  const topN = [...new Set(options.topN)].sort((a, b) => a - b);
  const shareBaseN = [...topN].reverse().find((n) => cur.length >= n) ?? null;
  const shareBase = shareBaseN === null ? null : topSum(cur, shareBaseN);

  const bounds = tiersFromBounds(options.tierBounds);
  const nowFigures = current.metric === "salesValue" ? allTierFigures(cur, bounds) : [];
  const beforeFigures = current.metric === "salesValue" && prev !== null ? allTierFigures(prev, bounds) : null;
  const tiers: TierRow[] =
    current.metric === "salesValue"
      ? bounds.map((tier, t) => {
          const now = nowFigures[t];
          const before = beforeFigures === null ? null : beforeFigures[t];
          return {
            label: tierLabel(tier, current.unit, "zh-CN"),
            labelEn: tierLabel(tier, current.unit, "en-US"),
            min: tier.min,
            max: tier.max,
            count: now.count,
            previousCount: before?.count ?? null,
            countChange: before === null ? null : now.count - before.count,
            sum: now.sum,
            previousSum: before?.sum ?? null,
            mean: now.mean,
            previousMean: before?.mean ?? null,
            meanYoyPct: yoyPct(now.mean, before?.mean),
            sharePct: sharePct(now.sum, shareBase),
            periodCountChange: null,
          };
        })
      : [];

  // 百亿企业: every company at or above 100亿, which is the sum of the tier counts when the lowest bound is 100.
  const hundredBillion = (list: RankingEntries | null): Maybe => {
    if (list === null || current.metric !== "salesValue") return null;
    let count = 0;
    for (let i = 0; i < list.length; i++) if (list.values[i] >= 100) count++;
    return count;
  };

  const national = options.nationalTotal;
  const top: TopRow[] = topN.map((n) => {
    const s = topSum(cur, n);
    const ps = prev === null ? null : topSum(prev, n);
    const share = concentration(s, national?.current);
    const previousShare = concentration(ps, national?.previous);
    return {
      n,
      complete: topCovered(cur, n) && (prev === null || topCovered(prev, n)),
      sum: s,
      previousSum: ps,
      sumYoyPct: yoyPct(s, ps),
      threshold: threshold(cur, n),
      previousThreshold: prev === null ? null : threshold(prev, n),
      thresholdYoyPct: yoyPct(threshold(cur, n), prev === null ? null : threshold(prev, n)),
      share,
      previousShare,
      shareChangePts: difference(share, previousShare),
      rateChange: null,
      thresholdRateChange: null,
    };
  });

  const groups: GroupRow[] = topN.map((to, i) => {
    const from = i === 0 ? 1 : topN[i - 1] + 1;
    const now = span(cur, from, to);
    const before = prev === null ? null : span(prev, from, to);
    const m = now === null ? null : mean(now);
    const pm = before === null ? null : mean(before);
    return {
      from,
      to,
      sum: now === null ? null : sum(now),
      previousSum: before === null ? null : sum(before),
      mean: m,
      previousMean: pm,
      meanYoyPct: yoyPct(m, pm),
    };
  });

  const { movers, membership } = movement(cur, prev, topN);
  return {
    source: current.source,
    previousSource: previous?.source ?? null,
    range: current.range,
    previousRange: previous?.range ?? null,
    metric: current.metric,
    unit: current.unit,
    year: current.period.year,
    previousYear: previous?.period.year ?? null,
    period: periodLabel(current.period, "zh-CN"),
    periodEn: periodLabel(current.period, "en-US"),
    fromMonth: current.period.fromMonth,
    toMonth: current.period.toMonth,
    enterprises: cur.length,
    previousEnterprises: prev?.length ?? null,
    tiers,
    hundredBillionCount: hundredBillion(cur),
    previousHundredBillionCount: hundredBillion(prev),
    shareBaseN,
    top,
    groups,
    movers,
    membership,
    basis: current.basis,
    periodKey: rankingPeriodKey(current.period),
    previousPeriod: null,
    hundredBillionPeriodChange: null,
  };
}

/**
 * Rank movement of the enterprises in either year's largest TOP-N, matched by normalised name,
 * in this year's order (then last year's leavers); and who entered or left each TOP-N.
 */
function movement(
  cur: RankingEntries,
  prev: RankingEntries | null,
  topN: readonly number[],
): { movers: Mover[]; membership: Membership[] } {
  if (prev === null) return { movers: [], membership: [] };
  const widest = topN.length > 0 ? topN[topN.length - 1] : 100;
  // Only enterprises in either year's widest TOP-N move; each one's first place in both whole
  // lists comes from the lists' key indexes (built once per list, also for duplicates).
  const now = keyIndex(cur);
  const before = keyIndex(prev);

  const movers: Mover[] = [];
  const listed = new Set<string>();
  const add = (key: string) => {
    if (listed.has(key)) return;
    listed.add(key);
    const a = now.firstOf(key);
    const b = before.firstOf(key);
    const value = a < 0 ? null : cur.values[a];
    const previousValue = b < 0 ? null : prev.values[b];
    const rank = a < 0 ? null : rankAt(cur, a);
    const previousRank = b < 0 ? null : rankAt(prev, b);
    movers.push({
      name: a >= 0 ? cur.names[a] : b >= 0 ? prev.names[b] : key,
      rank,
      previousRank,
      rankChange: rank !== null && previousRank !== null ? previousRank - rank : null,
      value,
      previousValue,
      valueYoyPct: yoyPct(value, previousValue),
      ...writtenAs(cur, a, prev, b),
    });
  };
  for (let i = 0; i < Math.min(widest, cur.length); i++) add(cur.keys[i]);
  for (let i = 0; i < Math.min(widest, prev.length); i++) add(prev.keys[i]);

  const membership = topN.map((n) => {
    const inNow = new Set(cur.keys.slice(0, n));
    const inBefore = new Set(prev.keys.slice(0, n));
    const entrants: string[] = [];
    const exits: string[] = [];
    for (let i = 0; i < Math.min(n, cur.length); i++) if (!inBefore.has(cur.keys[i])) entrants.push(cur.names[i]);
    for (let i = 0; i < Math.min(n, prev.length); i++) if (!inNow.has(prev.keys[i])) exits.push(prev.names[i]);
    return { n, entrants, exits };
  });
  return { movers, membership };
}

/** A mover's names as written, when an alias list replaced either year's (see Mover.writtenAs). */
function writtenAs(cur: RankingEntries, a: number, prev: RankingEntries, b: number): { writtenAs?: readonly [string | null, string | null] } {
  const now = a >= 0 && cur.writtenNames !== undefined && cur.writtenNames[a] !== cur.names[a] ? cur.writtenNames[a] : null;
  const before = b >= 0 && prev.writtenNames !== undefined && prev.writtenNames[b] !== prev.names[b] ? prev.writtenNames[b] : null;
  if (now === null && before === null) return {};
  return { writtenAs: [a >= 0 ? (cur.writtenNames ?? cur.names)[a] : null, b >= 0 ? (prev.writtenNames ?? prev.names)[b] : null] };
}
