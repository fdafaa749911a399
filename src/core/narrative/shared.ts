// What both languages' bulletin templates need: the rounded figure to print, its direction
// (taken from the printed value, so "下降0.0%" can never appear), and which rate to quote.

import { roundTo, RoundingRule } from "../rounding";
import { SeriesPoint, SeriesSummary } from "../series";
import { Maybe } from "../yoy";

export type Direction = "up" | "down" | "flat";

/** A rate as it will be printed: rounded magnitude and the direction of the rounded value. */
export interface PrintedRate {
  readonly magnitude: number;
  readonly direction: Direction;
}

/**
 * Rounds a rate for print and says its direction from the rounded value:
 * printedRate(-30.62, 1) // => { magnitude: 30.6, direction: "down" }; printedRate(0.04, 1) // => flat
 */
export function printedRate(value: number, decimals: number, rule: RoundingRule): PrintedRate {
  const rounded = roundTo(value, decimals, rule);
  return { magnitude: Math.abs(rounded), direction: rounded > 0 ? "up" : rounded < 0 ? "down" : "flat" };
}

/** The growth rate a bulletin quotes for a point: the published one, else the computed one (and says which). */
export function quotedRate(point: SeriesPoint): { rate: Maybe; computed: boolean } {
  if (point.publishedYoyPct !== null) return { rate: point.publishedYoyPct, computed: false };
  return { rate: point.yoyPct, computed: point.yoyPct !== null };
}

/** Difference of two shares as desks compute it: from the printed (rounded) figures. */
export function printedDifference(a: number, b: number, decimals: number, rule: RoundingRule): number {
  return roundTo(roundTo(a, decimals, rule) - roundTo(b, decimals, rule), decimals, rule);
}

/** A point of a series, with the series it belongs to. */
export interface SeriesAt {
  readonly s: SeriesSummary;
  readonly p: SeriesPoint;
}

/**
 * What a bulletin's national paragraph is about: the latest period that the national total
 * area or value series reach, and those series' points there with their 住宅 parts.
 * Undefined when there is no national total series.
 */
export function latestNational(series: readonly SeriesSummary[]): { area?: SeriesAt; value?: SeriesAt; residentialArea?: SeriesAt; residentialValue?: SeriesAt; first: SeriesAt } | undefined {
  const national = series.filter((s) => s.region === null);
  const find = (category: string, quantity: string, key: string): SeriesAt | undefined => {
    const s = national.find((x) => x.category === category && x.quantity === quantity && x.points.some((p) => p.period === key));
    const p = s?.points.find((x) => x.period === key);
    return s !== undefined && p !== undefined ? { s, p } : undefined;
  };
  const totals = national.filter((s) => s.category === "total" && (s.quantity === "salesArea" || s.quantity === "salesValue"));
  const keys = totals.flatMap((s) => s.points.filter((p) => p.value !== null || p.publishedYoyPct !== null).map((p) => p.period)).sort();
  if (keys.length === 0) return undefined;
  const latest = keys[keys.length - 1];
  const area = find("total", "salesArea", latest);
  const value = find("total", "salesValue", latest);
  const first = area ?? value;
  if (first === undefined) return undefined;
  const residentialArea = find("residential", "salesArea", latest);
  const residentialValue = find("residential", "salesValue", latest);
  return {
    first,
    ...(area ? { area } : {}),
    ...(value ? { value } : {}),
    ...(residentialArea ? { residentialArea } : {}),
    ...(residentialValue ? { residentialValue } : {}),
  };
}
