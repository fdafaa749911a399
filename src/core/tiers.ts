// Tiers (阵营): companies grouped by sales between bounds, lower bound inclusive, upper exclusive
// ("以上…包括本数"), as China Index Academy publishes them.

import { Problem, problem } from "./problems";

/** Named presets; "custom" carries its own bounds. */
export type TierPresetName = "cia2023" | "cia2020";

/** Lower bounds of each tier in ascending order, in the report unit (亿元 for sales value). */
export const TIER_PRESETS: Readonly<Record<TierPresetName, readonly number[]>> = {
  // China Index Academy, 2023 onward: [1000,∞) [500,1000) [300,500) [100,300)
  cia2023: [100, 300, 500, 1000],
  // China Index Academy, 2020–2021: [1000,∞) [500,1000) [200,500) [100,200)
  cia2020: [100, 200, 500, 1000],
};

export const DEFAULT_TIER_PRESET: TierPresetName = "cia2023";

/** One tier: min inclusive, max exclusive (null for no upper bound). */
export interface TierBound {
  readonly min: number;
  readonly max: number | null;
}

/**
 * Checks a list of lower bounds: numbers, not negative, strictly ascending, no repeats.
 * Returns the problems found (none when the list is usable); `location` names where the
 * list came from (an option, a cell) for the message.
 * checkTierBounds([100, 300, 300]) // => [tier-bounds-duplicate]
 */
export function checkTierBounds(bounds: readonly number[], location?: string): Problem[] {
  if (bounds.length === 0) return [problem("tier-bounds-empty", "error", location)];
  const problems: Problem[] = [];
  bounds.forEach((b, i) => {
    if (!Number.isFinite(b)) problems.push(problem("tier-bounds-not-number", "error", location, { position: i + 1 }));
    else if (b < 0) problems.push(problem("tier-bounds-negative", "error", location, { bound: b }));
  });
  if (problems.length > 0) return problems;
  for (let i = 1; i < bounds.length; i++) {
    if (bounds[i] === bounds[i - 1]) {
      problems.push(problem("tier-bounds-duplicate", "error", location, { bound: bounds[i] }));
    } else if (bounds[i] < bounds[i - 1]) {
      problems.push(problem("tier-bounds-unordered", "error", location, { before: bounds[i - 1], after: bounds[i] }));
    }
  }
  return problems;
}

/**
 * Reads a tier option: a preset name ("cia2023", "cia2020") or a list of bounds "100,300,500,1000"
 * (commas, Chinese commas, spaces or semicolons). Returns the bounds or the problems.
 * parseTierOption("100,200,500") // => { bounds: [100, 200, 500], problems: [] }
 */
export function parseTierOption(text: string, location?: string): { bounds: number[]; problems: Problem[] } {
  const trimmed = text.trim();
  if (trimmed in TIER_PRESETS) return { bounds: [...TIER_PRESETS[trimmed as TierPresetName]], problems: [] };
  const parts = trimmed.split(/[,，;；、\s]+/).filter((p) => p !== "");
  const bounds = parts.map((p) => (/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(p) ? Number(p) : Number.NaN));
  return { bounds, problems: checkTierBounds(bounds, location) };
}

/**
 * Tiers from lower bounds, highest tier first, each up to the next bound.
 * tiersFromBounds([100, 300]) // => [{ min: 300, max: null }, { min: 100, max: 300 }]
 */
export function tiersFromBounds(bounds: readonly number[]): TierBound[] {
  const ascending = [...bounds].sort((a, b) => a - b);
  return ascending.map((min, i) => ({ min, max: i + 1 < ascending.length ? ascending[i + 1] : null })).reverse();
}

/** Does a value fall in the tier? Lower bound inclusive, upper exclusive. */
export function inTier(value: number, tier: TierBound): boolean {
  return value >= tier.min && (tier.max === null || value < tier.max);
}

function formatBound(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(12)));
}

/**
 * A tier's name as bulletins write it. Chinese in the report unit; English in billions of yuan
 * (1000亿元 = RMB 100 billion), the way English reports state it.
 * tierLabel({ min: 1000, max: null }, "亿元", "zh-CN") // => "1000亿以上"
 * tierLabel({ min: 500, max: 1000 }, "亿元", "zh-CN") // => "500-1000亿"
 * tierLabel({ min: 500, max: 1000 }, "亿元", "en-US") // => "RMB 50–100bn"
 */
export function tierLabel(tier: TierBound, unit: string, language: "zh-CN" | "en-US"): string {
  if (language === "zh-CN") {
    const short = unit === "亿元" ? "亿" : unit;
    return tier.max === null ? `${formatBound(tier.min)}${short}以上` : `${formatBound(tier.min)}-${formatBound(tier.max)}${short}`;
  }
  if (unit === "亿元") {
    const bn = (x: number) => formatBound(x / 10);
    return tier.max === null ? `RMB ${bn(tier.min)}bn and above` : `RMB ${bn(tier.min)}–${bn(tier.max)}bn`;
  }
  const english = unit === "万平方米" ? "10k sq m" : unit;
  return tier.max === null ? `${formatBound(tier.min)}+ (${english})` : `${formatBound(tier.min)}–${formatBound(tier.max)} (${english})`;
}
