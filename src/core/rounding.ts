// Display rounding. StatDesk computes unrounded and rounds only what a person reads, once,
// with the rule the desk chose: 四舍五入 (as Excel ROUND) or GB/T 8170 round-half-even.

/**
 * "half-away" — 四舍五入, half away from zero on the decimal value, as Excel's ROUND does;
 * "half-even" — GB/T 8170-2008 四舍六入五成双: a 5 followed by nothing rounds to the even digit.
 */
export type RoundingRule = "half-away" | "half-even";

export const DEFAULT_ROUNDING: RoundingRule = "half-away";

/**
 * The decimal digits of |x| as Excel sees them: 15 significant digits.
 * Returns the digit string and the position of the decimal point within it.
 */
function decimalDigits(x: number): { digits: string; point: number } {
  const text = Math.abs(x).toPrecision(15);
  const match = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(text);
  if (match === null) throw new Error(`unexpected number text ${text}`);
  const integer = match[1];
  const fraction = match[2] ?? "";
  const exponent = match[3] === undefined ? 0 : Number(match[3]);
  return { digits: integer + fraction, point: integer.length + exponent };
}

/**
 * Rounds x to `decimals` decimal places (negative: to tens, hundreds…) by the rule, working on
 * the 15-significant-digit decimal value so that 2.675 rounds to 2.68 as in Excel, not 2.67.
 * roundTo(2.675, 2) // => 2.68; roundTo(2.665, 2, "half-even") // => 2.66; roundTo(-0.05, 1) // => -0.1
 * NaN and ±Infinity are returned unchanged.
 */
export function roundTo(x: number, decimals: number, rule: RoundingRule = DEFAULT_ROUNDING): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const { digits, point } = decimalDigits(x);
  const keep = point + decimals; // how many leading digits survive
  if (keep < 0) return 0;
  const kept = digits.slice(0, keep) || "0";
  const dropped = digits.slice(keep);
  let roundUp = false;
  if (dropped.length > 0) {
    const first = dropped.charCodeAt(0) - 48;
    const restIsZero = /^0*$/.test(dropped.slice(1));
    if (rule === "half-away") roundUp = first >= 5;
    else if (first > 5 || (first === 5 && !restIsZero)) roundUp = true;
    else if (first === 5) roundUp = (kept.charCodeAt(kept.length - 1) - 48) % 2 === 1;
  }
  const magnitude = BigInt(kept.padEnd(Math.max(keep, 1), "0")) + (roundUp ? 1n : 0n);
  const result = Number(`${magnitude}e${-decimals}`);
  return x < 0 ? -result : result;
}

/**
 * Fixed-point text of x rounded by the rule: formatFixed(704, 1) // => "704.0".
 * Never prints "-0.0": a value that rounds to zero is shown as zero.
 */
export function formatFixed(x: number, decimals: number, rule: RoundingRule = DEFAULT_ROUNDING): string {
  const rounded = roundTo(x, decimals, rule);
  const text = rounded.toFixed(Math.max(0, decimals));
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}
