// The choices a desk makes for an analysis, checked once at the edge so the statistics can
// trust them: tier bounds, TOP-N list, national total, rounding rule, basis-gap tolerance.

import { Problem, problem } from "./problems";
import { DEFAULT_ROUNDING, RoundingRule } from "./rounding";
import { DEFAULT_TIER_PRESET, parseTierOption, TIER_PRESETS, TierPresetName } from "./tiers";
import { DEFAULT_TOP_N } from "./ranking";
import type { Metric } from "./units";

/** One ranking the summary may show: a metric on a basis (null: a list whose basis is not named). */
export interface RankingChoice {
  readonly metric: Metric;
  /** "全口径", "权益", "操盘", "并表", or null. */
  readonly basis: string | null;
}

/** Options as a person gives them (CLI flags, task pane fields); every field optional. */
export interface AnalysisOptionsInput {
  /** "cia2023", "cia2020", or bounds such as "100,300,500,1000" or [100, 300, 500, 1000]. */
  readonly tiers?: string | readonly number[];
  /** "10,30,50,100" or [10, 30, 50, 100]. */
  readonly topN?: string | readonly number[];
  /** National sales for concentration: "96750" or "96750,116622" (current, previous), or numbers. */
  readonly nationalTotal?: string | { readonly current?: number | null; readonly previous?: number | null };
  readonly rounding?: RoundingRule;
  /** Flag a computed-vs-published growth-rate gap larger than this many percentage points. */
  readonly basisTolerancePts?: number;
  /** Derive single-month figures from cumulative NBS series. */
  readonly singleMonths?: boolean;
  /** The rankings (metric and basis) the summary shows; absent: every one found. */
  readonly rankingsShown?: readonly RankingChoice[];
}

/** Options after checking: complete and valid. */
export interface AnalysisOptions {
  /** The preset name when the bounds are a preset's, else "custom". */
  readonly tierPreset: TierPresetName | "custom";
  readonly tierBounds: readonly number[];
  readonly topN: readonly number[];
  readonly nationalTotal: { readonly current: number | null; readonly previous: number | null } | null;
  readonly rounding: RoundingRule;
  readonly basisTolerancePts: number;
  readonly singleMonths: boolean;
  /** The rankings the summary shows; null: every one found. */
  readonly rankingsShown: readonly RankingChoice[] | null;
}

export const DEFAULT_BASIS_TOLERANCE_PTS = 0.1;

function presetOf(bounds: readonly number[]): TierPresetName | "custom" {
  for (const [name, preset] of Object.entries(TIER_PRESETS) as [TierPresetName, readonly number[]][]) {
    if (preset.length === bounds.length && preset.every((b, i) => b === bounds[i])) return name;
  }
  return "custom";
}

/** National sales this year and, when given, last year, in the report unit. */
export interface NationalTotal {
  readonly current: number;
  readonly previous: number | null;
}

/** A number with thousands separators: "96,750", "1,234,567.8". */
const THOUSANDS = /^\d{1,3}(,\d{3})+(\.\d+)?$/;
const PLAIN_NUMBER = /^(\d+(\.\d*)?|\.\d+)$/;

/**
 * Reads a national total as typed (the task pane's field, the command line's --national-total):
 * "this year[;last year]" in 亿元. The years are separated by ";", "；",
 * "/" or whitespace; without one of those, a comma separates them unless the whole text is one
 * number with thousands separators (a comma followed by exactly three digits). Within a part,
 * commas may only group thousands.
 * parseNationalTotal("96,750")        // => { current: 96750, previous: null }
 * parseNationalTotal("96750,116622")  // => { current: 96750, previous: 116622 }
 * parseNationalTotal("1,2,3")         // => "too-many"
 */
export function parseNationalTotal(text: string): NationalTotal | "too-many" | "not-number" {
  const t = text.replace(/，/g, ",").trim();
  const parts = (/[;；/\s]/.test(t) ? t.split(/\s*[;；/]\s*|\s*,?\s+,?\s*/) : THOUSANDS.test(t) ? [t] : t.split(",")).filter((p) => p !== "");
  if (parts.length > 2) return "too-many";
  const numbers = parts.map((p) => (THOUSANDS.test(p) ? Number(p.replace(/,/g, "")) : PLAIN_NUMBER.test(p) ? Number(p) : Number.NaN));
  if (numbers.length === 0 || numbers.some((n) => !(n > 0))) return "not-number";
  return { current: numbers[0], previous: numbers[1] ?? null };
}

/**
 * Checks options; returns the complete options, or the problems that stop the analysis.
 * resolveOptions({ tiers: "100,300,300" }) // => { problems: [tier-bounds-duplicate] }
 */
export function resolveOptions(input: AnalysisOptionsInput = {}): { options: AnalysisOptions; problems: Problem[] } {
  const problems: Problem[] = [];

  let tierBounds: readonly number[] = TIER_PRESETS[DEFAULT_TIER_PRESET];
  if (input.tiers !== undefined) {
    const parsed = typeof input.tiers === "string" ? parseTierOption(input.tiers, "tiers") : parseTierOption(input.tiers.join(","), "tiers");
    problems.push(...parsed.problems);
    tierBounds = parsed.bounds;
  }

  let topN: readonly number[] = DEFAULT_TOP_N;
  if (input.topN !== undefined) {
    const parts = typeof input.topN === "string" ? input.topN.split(/[,，;；\s]+/).filter((p) => p !== "") : input.topN.map(String);
    const numbers = parts.map((p) => (/^\d+$/.test(p.trim()) ? Number(p) : Number.NaN));
    if (numbers.length === 0 || numbers.some((n) => !Number.isInteger(n) || n <= 0)) {
      problems.push(problem("top-n-invalid", "error", "top", { text: parts.join(",") }));
    } else {
      topN = [...new Set(numbers)].sort((a, b) => a - b);
    }
  }

  let nationalTotal: AnalysisOptions["nationalTotal"] = null;
  if (input.nationalTotal !== undefined) {
    if (typeof input.nationalTotal === "string") {
      const total = parseNationalTotal(input.nationalTotal);
      if (typeof total === "string") problems.push(problem("national-total-invalid", "error", "national-total", { text: input.nationalTotal }));
      else nationalTotal = total;
    } else {
      const { current = null, previous = null } = input.nationalTotal;
      const bad = [current, previous].find((n) => n !== null && !(Number.isFinite(n) && n > 0));
      if (bad !== undefined) problems.push(problem("national-total-invalid", "error", "national-total", { text: String(bad) }));
      else nationalTotal = { current, previous };
    }
  }

  return {
    options: {
      tierPreset: presetOf(tierBounds),
      tierBounds,
      topN,
      nationalTotal,
      rounding: input.rounding ?? DEFAULT_ROUNDING,
      basisTolerancePts: input.basisTolerancePts ?? DEFAULT_BASIS_TOLERANCE_PTS,
      singleMonths: input.singleMonths ?? false,
      rankingsShown: rankingChoices(input.rankingsShown),
    },
    problems,
  };
}

/**
 * The rankings chosen, as stored in the workbook: entries that are not a metric and a basis
 * (a setting edited by hand) are left out; absent stays null, every ranking found.
 * rankingChoices([{ metric: "salesValue", basis: "权益" }]) // => the same
 */
function rankingChoices(input: readonly RankingChoice[] | undefined): readonly RankingChoice[] | null {
  if (!Array.isArray(input)) return null;
  return input
    .filter((c): c is RankingChoice => (c?.metric === "salesValue" || c?.metric === "salesArea") && (c.basis === null || typeof c.basis === "string"))
    .map((c) => ({ metric: c.metric, basis: c.basis }));
}
