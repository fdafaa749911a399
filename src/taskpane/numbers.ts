// Numbers as the pane shows them: rounded once by the desk's rule (core/rounding), then written
// with the display language's separators (Intl). A missing figure is a dash, never 0 or NaN.

import type { Language } from "../core/messages";
import { formatFixed, RoundingRule } from "../core/rounding";

export interface PaneNumbers {
  /** 43547.3 → "43,547.3" (decimals fixed). */
  fixed(x: number | null | undefined, decimals: number): string;
  /** A percentage with its sign: -30.64 → "-30.6%", 1.1 → "+1.1%", 0 → "0.0%". */
  signedPct(x: number | null | undefined, decimals?: number): string;
  /** A change in whole units with its sign: -5 → "-5", 4 → "+4", 0 → "0". */
  signedCount(x: number | null | undefined): string;
}

/** The dash shown for a figure that cannot be computed (no base year, fewer than N companies). */
export const MISSING = "—";

const isNumber = (x: number | null | undefined): x is number => typeof x === "number" && Number.isFinite(x);

/**
 * Formatting for one language and rounding rule.
 * paneNumbers("en-US", "half-away").fixed(2.675, 2) // => "2.68" (as Excel ROUND)
 */
export function paneNumbers(language: Language, rule: RoundingRule): PaneNumbers {
  const formatters = new Map<string, Intl.NumberFormat>();
  const formatter = (decimals: number, signed: boolean) => {
    const key = `${decimals}|${signed}`;
    let f = formatters.get(key);
    if (f === undefined) {
      f = new Intl.NumberFormat(language, {
        minimumFractionDigits: decimals,
        maximumFractionDigits: decimals,
        signDisplay: signed ? "exceptZero" : "auto",
      });
      formatters.set(key, f);
    }
    return f;
  };
  // Round by the desk's rule first; Intl then only places separators (the value already has `decimals` digits).
  const text = (x: number, decimals: number, signed: boolean) => formatter(decimals, signed).format(Number(formatFixed(x, decimals, rule)));
  return {
    fixed: (x, decimals) => (isNumber(x) ? text(x, decimals, false) : MISSING),
    signedPct: (x, decimals = 1) => (isNumber(x) ? `${text(x, decimals, true)}%` : MISSING),
    signedCount: (x) => (isNumber(x) ? text(x, 0, true) : MISSING),
  };
}
