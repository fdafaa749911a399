// What a desk computes from an NBS series: YoY from the two levels beside the published
// (comparable-basis) rate and the gap between them, the change of the rate in percentage points
// against the previous period (published rates only), and single months derived from cumulative figures.

import { Indicator, indicatorId, indicatorName } from "./indicators";
import { monthLabel, monthSpanLabel, Period, periodLabel, yearPeriod } from "./periods";
import { Problem, problem } from "./problems";
import { roundTo, RoundingRule } from "./rounding";
import { RawSeries, SeriesLayout } from "./series-table";
import { difference, Maybe, yoyPct } from "./yoy";

/** How a growth rate moved against the previous period's rate (desks' words in brackets). */
export type RateTrend =
  | "decline-narrowed" // 降幅收窄
  | "decline-widened" // 降幅扩大
  | "growth-widened" // 增幅扩大
  | "growth-narrowed" // 增幅回落
  | "turned-up" // 由降转增
  | "turned-down" // 由增转降
  | "unchanged"; // 持平

export interface RateChange {
  readonly previousPeriod: string;
  readonly previousLabel: string;
  /** The previous period's rate as published, rounded as printed. */
  readonly previousRate: number;
  /** This period's rate as published, rounded as printed. */
  readonly rate: number;
  /** rate − previousRate, from the rounded rates, in percentage points. */
  readonly changePts: number;
  readonly trend: RateTrend;
  /** Whether the previous period is the month just before (1—11月 for 1—12月). */
  readonly adjacent: boolean;
}

export interface SeriesPoint {
  /** "2024-12" (a month; cumulative figures are keyed by the month they run to) or "2024". */
  readonly period: string;
  /** "2024年1-12月", "2024年12月", "2024年". */
  readonly label: string;
  readonly labelEn: string;
  readonly year: number;
  readonly fromMonth: number;
  readonly toMonth: number;
  readonly value: Maybe;
  readonly previous: Maybe;
  /** YoY from the two published levels ("按公布数据计算"). */
  readonly yoyPct: Maybe;
  /** YoY as published (comparable basis, 按可比口径计算): authoritative. */
  readonly publishedYoyPct: Maybe;
  /** yoyPct − publishedYoyPct, in percentage points. */
  readonly basisGapPts: Maybe;
  /** Whether the gap is larger than the tolerance. */
  readonly basisFlag: boolean;
  /**
   * The change from the latest earlier period with a published rate; null unless this period's
   * rate is published too. Rates computed from levels are never compared: their bases differ
   * from the comparable-basis ones, so the change could even point the wrong way.
   */
  readonly rateChange: RateChange | null;
  /** Single month (cum(m) − cum(m−1), m >= 3), when asked for; negative when the cumulative figure fell. */
  readonly singleMonth?: Maybe;
  readonly singleMonthPrevious?: Maybe;
  /** Null when either single month is missing, zero-based or negative (a fall in the cumulative figure). */
  readonly singleMonthYoyPct?: Maybe;
  readonly location: string | null;
  /**
   * The cells the point's figures were read from, null where there is none: its level, the
   * year-earlier level, the published rate and, for single months, the month-before levels of
   * both years. A live summary's formulas reference them; absent for points made by hand.
   */
  readonly cells?: SeriesPointCells;
}

export interface SeriesPointCells {
  readonly level: string | null;
  readonly previous: string | null;
  readonly published: string | null;
  readonly monthBefore: string | null;
  readonly previousMonthBefore: string | null;
}

export interface SeriesSummary {
  readonly source: string;
  readonly range: string;
  readonly indicatorId: string;
  readonly indicator: string;
  readonly indicatorEn: string;
  readonly category: Indicator["category"];
  readonly quantity: Indicator["quantity"];
  readonly region: string | null;
  /** For the nation's figures: whether the data says they are the nation's (全国); else a bulletin says nothing of it. */
  readonly nationStated: boolean;
  /** Which layout recogniser read the series ("nbs-export", "hand-table" …). */
  readonly layout: SeriesLayout;
  readonly unit: string;
  readonly cumulative: boolean;
  readonly frequency: "month" | "year";
  readonly points: readonly SeriesPoint[];
}

export interface SeriesOptions {
  readonly basisTolerancePts: number;
  readonly singleMonths: boolean;
  readonly rounding: RoundingRule;
}

/** The label of a series point as desks write it: a cumulative figure always as "1-X月", even "1-12月". */
function labels(p: Period, cumulative: boolean, frequency: "month" | "year"): { zh: string; en: string } {
  const label = (language: "zh-CN" | "en-US"): string => {
    if (frequency === "year") return periodLabel(yearPeriod(p.year), language);
    if (cumulative || p.fromMonth !== p.toMonth) return monthSpanLabel(p.year, cumulative ? 1 : p.fromMonth, p.toMonth, language);
    return monthLabel(p.year, p.toMonth, language);
  };
  return { zh: label("zh-CN"), en: label("en-US") };
}

/**
 * The trend words for a rate against the previous one.
 * rateTrend(-12.9, -15.8) // => "decline-narrowed"; rateTrend(1.1, -3.6) // => "turned-up"
 */
export function rateTrend(rate: number, previousRate: number): RateTrend {
  if (rate === previousRate) return "unchanged";
  if (previousRate < 0 && rate >= 0) return rate === 0 ? "decline-narrowed" : "turned-up";
  if (previousRate > 0 && rate <= 0) return rate === 0 ? "growth-narrowed" : "turned-down";
  if (previousRate === 0) return rate > 0 ? "turned-up" : "turned-down";
  if (rate < 0) return rate > previousRate ? "decline-narrowed" : "decline-widened";
  return rate > previousRate ? "growth-widened" : "growth-narrowed";
}

/** The same key a year earlier: "2024-12" → "2023-12", "2024" → "2023". */
function yearEarlier(key: string): string {
  const [year, month] = key.split("-");
  return month === undefined ? String(Number(year) - 1) : `${Number(year) - 1}-${month}`;
}

/** The month before within the same year: "2024-12" → "2024-11"; undefined for years and January. */
function monthEarlier(key: string): string | undefined {
  const [year, month] = key.split("-");
  if (month === undefined || Number(month) <= 1) return undefined;
  return `${year}-${String(Number(month) - 1).padStart(2, "0")}`;
}

/**
 * Computes a series' points: every period with a level or a published rate, oldest first.
 * Rate changes use the published rates rounded as printed (desks subtract what they print); a
 * period without a published rate has none. A single month below zero is warned about and
 * given no YoY.
 */
export function computeSeries(raw: RawSeries, options: SeriesOptions): { summary: SeriesSummary; problems: Problem[] } {
  const problems: Problem[] = [];
  const keys = [...new Set([...raw.levels.keys(), ...raw.published.keys()])].sort();
  const name = indicatorName(raw.indicator, "zh-CN");
  const publishedRateOf = (key: string): number | null => {
    const published = raw.published.get(key)?.value;
    return published === undefined ? null : roundTo(published, 1, options.rounding);
  };
  const singleMonth = (key: string): Maybe => {
    const before = monthEarlier(key);
    if (!raw.cumulative || raw.frequency !== "month" || before === undefined || Number(key.split("-")[1]) < 3) return null;
    return difference(raw.levels.get(key)?.value, raw.levels.get(before)?.value);
  };

  const points: SeriesPoint[] = keys.map((key, i) => {
    const level = raw.levels.get(key);
    const published = raw.published.get(key);
    const period = (level ?? published)!.period;
    const previous = raw.levels.get(yearEarlier(key))?.value ?? null;
    const computed = yoyPct(level?.value, previous);
    const publishedRate = published?.value ?? null;
    const gap = difference(computed, publishedRate);
    const flagged = gap !== null && Math.abs(gap) > options.basisTolerancePts + 1e-9;
    const label = labels(period, raw.cumulative, raw.frequency);
    if (flagged) {
      problems.push(
        problem("series-gap-flagged", "info", level?.location ?? published?.location, {
          indicator: name,
          period: label.zh,
          computed: roundTo(computed as number, 1, options.rounding),
          published: publishedRate as number,
          gap: roundTo(gap as number, 2, options.rounding),
        }),
      );
    }
    let rateChange: RateChange | null = null;
    const rate = publishedRateOf(key);
    for (let j = i - 1; j >= 0 && rate !== null; j--) {
      const previousRate = publishedRateOf(keys[j]);
      if (previousRate === null) continue;
      const earlier = raw.levels.get(keys[j]) ?? raw.published.get(keys[j]);
      rateChange = {
        previousPeriod: keys[j],
        previousLabel: labels(earlier!.period, raw.cumulative, raw.frequency).zh,
        previousRate,
        rate,
        changePts: roundTo(rate - previousRate, 1, options.rounding),
        trend: rateTrend(rate, previousRate),
        adjacent: keys[j] === monthEarlier(key) || (raw.frequency === "year" && keys[j] === yearEarlier(key)),
      };
      break;
    }
    const point: SeriesPoint = {
      period: key,
      label: label.zh,
      labelEn: label.en,
      year: period.year,
      fromMonth: raw.cumulative ? 1 : period.fromMonth,
      toMonth: period.toMonth,
      value: level?.value ?? null,
      previous,
      yoyPct: computed,
      publishedYoyPct: publishedRate,
      basisGapPts: gap,
      basisFlag: flagged,
      rateChange,
      location: level?.location ?? published?.location ?? null,
      cells: {
        level: level?.location ?? null,
        previous: raw.levels.get(yearEarlier(key))?.location ?? null,
        published: published?.location ?? null,
        monthBefore: raw.levels.get(monthEarlier(key) ?? "")?.location ?? null,
        previousMonthBefore: raw.levels.get(monthEarlier(yearEarlier(key)) ?? "")?.location ?? null,
      },
    };
    if (!options.singleMonths) return point;
    const single = singleMonth(key);
    const singlePrevious = singleMonth(yearEarlier(key));
    const fell = single !== null && single < 0;
    // A negative single month has both cumulative figures (singleMonth needs them).
    const before = fell ? raw.levels.get(monthEarlier(key) ?? "") : undefined;
    if (level !== undefined && before !== undefined) {
      const beforeLabel = labels(before.period, raw.cumulative, raw.frequency);
      // A year-to-date figure below the month before's: a revision or a typing error. Its YoY
      // (−138% off a negative month) would mean nothing, so it is left blank and both cells named.
      problems.push(
        problem("series-cumulative-fell", "warning", level.location, {
          indicator: indicatorName(raw.indicator, "zh-CN", period.year),
          indicatorEn: indicatorName(raw.indicator, "en-US", period.year),
          period: label.zh,
          periodEn: label.en,
          value: level.value,
          previousPeriod: beforeLabel.zh,
          previousPeriodEn: beforeLabel.en,
          previousValue: before.value,
          previousLocation: before.location,
        }),
      );
    }
    const singleYoy = fell ? null : yoyPct(single, singlePrevious);
    return { ...point, singleMonth: single, singleMonthPrevious: singlePrevious, singleMonthYoyPct: singleYoy };
  });

  return {
    summary: {
      source: raw.source,
      range: raw.range,
      indicatorId: indicatorId(raw.indicator),
      indicator: name,
      indicatorEn: indicatorName(raw.indicator, "en-US"),
      category: raw.indicator.category,
      quantity: raw.indicator.quantity,
      region: raw.region ?? null,
      nationStated: raw.nationStated === true,
      layout: raw.layout,
      unit: raw.unit,
      cumulative: raw.cumulative,
      frequency: raw.frequency,
      points,
    },
    problems,
  };
}
