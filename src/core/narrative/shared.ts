// What both languages' bulletin templates need: the rounded figure to print, its direction
// (taken from the printed value, so "下降0.0%" can never appear), and which rate to quote.

import { roundTo, RoundingRule } from "../rounding";
import { SeriesPoint } from "../series";
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
