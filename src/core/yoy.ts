// Year-on-year (同比) arithmetic. A change needs a base: without one the answer is null —
// shown blank — never 0 and never NaN. A result too large for a double (a base of 1e-320) is
// null too: it means nothing and Excel refuses to store Infinity.

/** A number or "no figure". */
export type Maybe = number | null;

/** The result, or null when it is not a finite number. */
function finite(x: number): Maybe {
  return Number.isFinite(x) ? x : null;
}

/**
 * Year-on-year change in per cent: (current / previous − 1) × 100.
 * Null when either figure is missing or not finite, or the base is zero or negative
 * (a growth rate off a non-positive base means nothing).
 * yoyPct(110, 100) // => 10; yoyPct(5, 0) // => null
 */
export function yoyPct(current: Maybe | undefined, previous: Maybe | undefined): Maybe {
  if (current === null || current === undefined || previous === null || previous === undefined) return null;
  if (!Number.isFinite(current) || !Number.isFinite(previous) || previous <= 0) return null;
  return finite((current / previous - 1) * 100);
}

/**
 * Difference of two figures, current − previous; null when either is missing.
 * difference(11, 16) // => -5
 */
export function difference(current: Maybe | undefined, previous: Maybe | undefined): Maybe {
  if (current === null || current === undefined || previous === null || previous === undefined) return null;
  if (!Number.isFinite(current) || !Number.isFinite(previous)) return null;
  return finite(current - previous);
}

/**
 * Share in per cent: part / whole × 100; null when the whole is missing, zero or negative.
 * sharePct(43547.3, 96750) // => 45.01...
 */
export function sharePct(part: Maybe | undefined, whole: Maybe | undefined): Maybe {
  if (part === null || part === undefined || whole === null || whole === undefined) return null;
  if (!Number.isFinite(part) || !Number.isFinite(whole) || whole <= 0) return null;
  return finite((part / whole) * 100);
}

/**
 * Mean of a list, or null for an empty list.
 * mean([1, 2, 3]) // => 2
 */
export function mean(values: ArrayLike<number>): Maybe {
  if (values.length === 0) return null;
  return sum(values) / values.length;
}

/**
 * Sum of a list with compensated (Kahan–Neumaier) summation, so that a hundred thousand
 * amounts with one decimal add up to what a desk calculator shows. An overflowing total stays
 * ±Infinity rather than becoming NaN through the compensation (Infinity − Infinity).
 * sum([]) // => 0
 */
export function sum(values: ArrayLike<number>): number {
  let total = 0;
  let compensation = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const t = total + v;
    compensation += Math.abs(total) >= Math.abs(v) ? total - t + v : v - t + total;
    total = t;
  }
  return Number.isFinite(total) ? total + compensation : total;
}
