// The JSON a summary is printed as (`statdesk summarize --json`). Keys are in the documented
// order and may be added to, never renamed; numbers are unrounded; nothing depends on the clock,
// so the same inputs always give byte-identical output.

import { Analysis } from "./analyze";
import { Language, problemMessage } from "./messages";
import { narratives } from "./narrative";
import { CountChange } from "./ranking";
import { rankingHistories } from "./ranking-history";
import { RateChange } from "./series";

/** A JSON value with keys in insertion order (what JSON.stringify prints). */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** JSON has no NaN or Infinity; the core never makes them, but a stray one must print as null. */
function num(x: number | null | undefined): number | null {
  return x === null || x === undefined || !Number.isFinite(x) ? null : x;
}

/** A rate's change against the previous period, as the series print it (no labels: the key says the period). */
function rateChangeJson(c: RateChange | null): Json {
  return c === null ? null : { previousPeriod: c.previousPeriod, previousRate: c.previousRate, rate: c.rate, changePts: c.changePts, trend: c.trend };
}

function countChangeJson(c: CountChange | null): Json {
  return c === null ? null : { previousPeriod: c.previousPeriod, previousCount: c.previousCount, count: c.count, change: c.change };
}

/** The documented report object. Problem messages are in `language`. */
export function reportJson(analysis: Analysis, language: Language): Json {
  const rule = analysis.options.rounding;
  return {
    rankings: analysis.rankings.map((r) => ({
      source: r.source,
      metric: r.metric,
      unit: r.unit,
      year: r.year,
      previousYear: r.previousYear,
      enterprises: r.enterprises,
      previousEnterprises: num(r.previousEnterprises),
      tiers: r.tiers.map((t) => ({
        label: t.label,
        min: t.min,
        max: t.max,
        count: t.count,
        previousCount: num(t.previousCount),
        countChange: num(t.countChange),
        sum: num(t.sum),
        mean: num(t.mean),
        previousMean: num(t.previousMean),
        meanYoyPct: num(t.meanYoyPct),
        previousSum: num(t.previousSum),
        sharePct: num(t.sharePct),
        labelEn: t.labelEn,
        periodCountChange: countChangeJson(t.periodCountChange),
      })),
      hundredBillionCount: num(r.hundredBillionCount),
      previousHundredBillionCount: num(r.previousHundredBillionCount),
      top: r.top.map((t) => ({
        n: t.n,
        sum: num(t.sum),
        previousSum: num(t.previousSum),
        sumYoyPct: num(t.sumYoyPct),
        threshold: num(t.threshold),
        previousThreshold: num(t.previousThreshold),
        thresholdYoyPct: num(t.thresholdYoyPct),
        share: num(t.share),
        shareChangePts: num(t.shareChangePts),
        previousShare: num(t.previousShare),
        complete: t.complete,
        rateChange: rateChangeJson(t.rateChange),
        thresholdRateChange: rateChangeJson(t.thresholdRateChange),
      })),
      groups: r.groups.map((g) => ({
        from: g.from,
        to: g.to,
        mean: num(g.mean),
        previousMean: num(g.previousMean),
        meanYoyPct: num(g.meanYoyPct),
        sum: num(g.sum),
        previousSum: num(g.previousSum),
      })),
      movers: r.movers.map((m) => ({
        name: m.name,
        rank: m.rank,
        previousRank: m.previousRank,
        rankChange: m.rankChange,
        value: num(m.value),
        previousValue: num(m.previousValue),
        valueYoyPct: num(m.valueYoyPct),
        writtenAs: m.writtenAs === undefined ? null : [...m.writtenAs],
      })),
      period: r.period,
      fromMonth: r.fromMonth,
      toMonth: r.toMonth,
      range: r.range,
      previousSource: r.previousSource,
      previousRange: r.previousRange,
      membership: r.membership.map((m) => ({ n: m.n, entrants: [...m.entrants], exits: [...m.exits] })),
      periodKey: r.periodKey,
      previousPeriod: r.previousPeriod,
      hundredBillionPeriodChange: countChangeJson(r.hundredBillionPeriodChange),
      basis: r.basis,
    })),
    series: analysis.series.map((s) => ({
      source: s.source,
      indicator: s.indicator,
      unit: s.unit,
      cumulative: s.cumulative,
      points: s.points.map((p) => ({
        period: p.period,
        label: p.label,
        value: num(p.value),
        previous: num(p.previous),
        yoyPct: num(p.yoyPct),
        publishedYoyPct: num(p.publishedYoyPct),
        basisGapPts: num(p.basisGapPts),
        basisFlag: p.basisFlag,
        rateChange:
          p.rateChange === null
            ? null
            : {
                previousPeriod: p.rateChange.previousPeriod,
                previousRate: p.rateChange.previousRate,
                rate: p.rateChange.rate,
                changePts: p.rateChange.changePts,
                trend: p.rateChange.trend,
              },
        ...(p.singleMonth !== undefined
          ? { singleMonth: num(p.singleMonth), singleMonthPrevious: num(p.singleMonthPrevious), singleMonthYoyPct: num(p.singleMonthYoyPct) }
          : {}),
        location: p.location,
      })),
      indicatorId: s.indicatorId,
      indicatorEn: s.indicatorEn,
      region: s.region,
      frequency: s.frequency,
      range: s.range,
      layout: s.layout,
    })),
    targets: analysis.targets.map((t) => ({
      item: t.item,
      unit: t.unit,
      plan: num(t.plan),
      actual: num(t.actual),
      completionPct: num(t.completionPct),
      location: t.location,
    })),
    narrative: narratives(analysis, rule),
    warnings: analysis.problems.map((p) => ({
      code: p.code,
      message: problemMessage(p, language),
      location: p.location ?? null,
      severity: p.severity,
    })),
    options: {
      tiers: analysis.options.tierPreset,
      tierBounds: [...analysis.options.tierBounds],
      topN: [...analysis.options.topN],
      nationalTotal: analysis.options.nationalTotal === null ? null : { current: analysis.options.nationalTotal.current, previous: analysis.options.nationalTotal.previous },
      rounding: rule,
      basisTolerancePts: analysis.options.basisTolerancePts,
    },
    regions: analysis.regions.map((r) => ({
      indicatorId: r.indicatorId,
      period: r.period,
      region: r.region,
      value: num(r.value),
      yoyPct: num(r.yoyPct),
      yoyBasis: r.yoyBasis,
      nationalYoyPct: num(r.nationalYoyPct),
      gapPts: num(r.gapPts),
      shareOfNationalPct: num(r.shareOfNationalPct),
      location: r.location,
      unit: r.unit,
      label: r.label,
      nationalValue: num(r.nationalValue),
      nationalYoyBasis: r.nationalYoyBasis,
    })),
    // Top-level, one entry per metric and basis (not per ranking, which would repeat it): every
    // period's TOP-N figures oldest first, as the summary's history table and chart show them.
    // The full figures of each period are in rankings[] (periodKey matches `period`).
    history: rankingHistories(analysis.rankings).map((h) => ({
      metric: h.metric,
      basis: h.basis,
      unit: h.unit,
      periods: h.periods.map((p) => ({
        period: p.periodKey,
        label: p.period,
        year: p.year,
        fromMonth: p.fromMonth,
        toMonth: p.toMonth,
        previousYear: p.previousYear,
        top: p.top.map((t) => ({
          n: t.n,
          sum: num(t.sum),
          sumYoyPct: num(t.sumYoyPct),
          threshold: num(t.threshold),
          thresholdYoyPct: num(t.thresholdYoyPct),
          rateChange: rateChangeJson(t.rateChange),
          thresholdRateChange: rateChangeJson(t.thresholdRateChange),
        })),
        hundredBillionCount: num(p.hundredBillionCount),
        hundredBillionPeriodChange: countChangeJson(p.hundredBillionPeriodChange),
        range: p.range,
      })),
    })),
  };
}
