// What both languages' bulletin templates need: the rounded figure to print, its direction
// (taken from the printed value, so "下降0.0%" can never appear), and which rate to quote.

import { Category, Quantity, QUANTITY_GROUP } from "../indicators";
import { compareRegions, isNational, RegionComparison } from "../regions";
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

/**
 * Whether the inputs hold more of the NBS release than sales (investment, construction, stock,
 * funds). Sentences then take the release's own words: 比上年 for a full year, each part of the
 * release opening with its period. A sales-only input keeps the words it has had since the first
 * version (同比 at the first mention, also for a full year), so bulletins already drafted from it
 * read the same.
 */
export function isWholeRelease(series: readonly SeriesSummary[]): boolean {
  return series.some((s) => QUANTITY_GROUP[s.quantity] !== "sales");
}

/** Whether a point covers a whole year: an annual figure, or a year-to-date one to December. */
export function coversYear(s: Pick<SeriesSummary, "frequency" | "cumulative">, p: Pick<SeriesPoint, "toMonth">): boolean {
  return s.frequency === "year" || (s.cumulative && p.toMonth === 12);
}

/** The national release at its latest period: the point of any indicator there. */
export interface NationalRelease {
  /** "2024-12" or "2024". */
  readonly period: string;
  readonly at: (category: Category, quantity: Quantity) => SeriesAt | undefined;
}

/**
 * The latest period any national total series reaches (with a level or a published rate), and a
 * look-up of every national indicator's point there. Undefined without a national total series.
 */
export function nationalRelease(series: readonly SeriesSummary[]): NationalRelease | undefined {
  const national = series.filter(isNational);
  const keys = national
    .filter((s) => s.category === "total")
    .flatMap((s) => s.points.filter((p) => p.value !== null || p.publishedYoyPct !== null).map((p) => p.period))
    .sort();
  if (keys.length === 0) return undefined;
  const period = keys[keys.length - 1];
  const at = (category: Category, quantity: Quantity): SeriesAt | undefined => {
    for (const s of national) {
      if (s.category !== category || s.quantity !== quantity) continue;
      const p = s.points.find((x) => x.period === period && (x.value !== null || x.publishedYoyPct !== null || x.yoyPct !== null));
      if (p !== undefined) return { s, p };
    }
    return undefined;
  };
  return { period, at };
}

/** Regions named one by one in the sentences; more (a table of every province) are left to the sheet's ranking. */
export const MAX_REGIONS_IN_SENTENCES = 8;

/** One regional sentence to write: its comparison, series and point, whether it opens the paragraph, and its words for the year. */
export interface RegionSentenceInput {
  readonly c: RegionComparison;
  readonly at: SeriesAt;
  readonly first: boolean;
  /** The whole year of a whole release: 比上年 / "from the previous year", not 同比. */
  readonly fromPreviousYear: boolean;
}

/**
 * What both languages say of the regions read beside the nation: at the latest period (the
 * release's, else the latest compared), the total indicators of each region in the order read;
 * none when there are more regions than a paragraph holds (the sheet's table has them all).
 */
export function regionSentenceInputs(series: readonly SeriesSummary[], rule: RoundingRule): RegionSentenceInput[] {
  const regional = series.filter((s) => !isNational(s));
  if (regional.length === 0) return [];
  const comparisons = compareRegions(series, rule);
  const period = nationalRelease(series)?.period ?? comparisons.map((c) => c.period).sort().pop();
  const latest = comparisons.filter((c) => c.period === period && c.category === "total");
  const regions = [...new Set(regional.map((s) => s.region as string))].filter((r) => latest.some((c) => c.region === r));
  if (regions.length === 0 || regions.length > MAX_REGIONS_IN_SENTENCES) return [];
  const release = isWholeRelease(series);
  const inputs: RegionSentenceInput[] = [];
  for (const region of regions) {
    for (const c of latest.filter((x) => x.region === region)) {
      const s = regional.find((x) => x.region === region && x.indicatorId === c.indicatorId) as SeriesSummary;
      const p = s.points.find((x) => x.period === c.period) as SeriesPoint;
      inputs.push({ c, at: { s, p }, first: inputs.length === 0, fromPreviousYear: release && coversYear(s, p) });
    }
  }
  return inputs;
}

/** Which of the release's wholes a sentence is about, for the words a language names it with. */
export type WholeRole = "investment" | "construction" | "construction-continued" | "funds";

/** How one language writes each kind of the release's sentences; the order is writeRelease's. */
export interface ReleaseWriter {
  /** A period's opening words: the first sentence's, or a later one's. */
  readonly opening: (at: SeriesAt, first: boolean) => string;
  /** A whole and its parts (其中住宅, the sources of funds); `opening` null continues the period's sentence. */
  readonly whole: (at: SeriesAt, parts: readonly (SeriesAt | undefined)[], role: WholeRole, opening: string | null) => string;
  /** Sales area or value and its 住宅 part; null when there is nothing to say. `first` is the first sales figure. */
  readonly sales: (at: SeriesAt | undefined, residential: SeriesAt | undefined, opening: string | null, first: SeriesAt) => string | null;
  /** Floor area for sale at the period's end. */
  readonly stock: (at: SeriesAt, residential: SeriesAt | undefined, first: boolean) => string;
}

/** The sources of funds the release names after the total, in its order (其他资金 itself it leaves out). */
const FUND_SOURCES: readonly Category[] = ["domesticLoans", "foreignInvestment", "selfRaised", "deposits", "mortgages"];
const CONSTRUCTION: readonly Quantity[] = ["underConstructionArea", "newStartsArea", "completedArea"];

/**
 * The whole national release at its latest period, in the release's order: investment (其中住宅),
 * floor space under construction, new starts and completed (each 其中住宅; the first opens the
 * period again), sales, floor area for sale at the period's end, funds in place with their
 * sources — each written by the language's writer.
 */
export function writeRelease(series: readonly SeriesSummary[], w: ReleaseWriter): string[] {
  const release = nationalRelease(series);
  if (release === undefined) return [];
  const sentences: string[] = [];
  const opening = (x: SeriesAt): string => w.opening(x, sentences.length === 0);

  const investment = release.at("total", "investment");
  if (investment !== undefined) sentences.push(w.whole(investment, [release.at("residential", "investment")], "investment", opening(investment)));

  let opened = false;
  for (const q of CONSTRUCTION) {
    const total = release.at("total", q);
    if (total === undefined) continue;
    sentences.push(w.whole(total, [release.at("residential", q)], opened ? "construction-continued" : "construction", opened ? null : opening(total)));
    opened = true;
  }

  const area = release.at("total", "salesArea");
  const value = release.at("total", "salesValue");
  const firstSales = area ?? value;
  if (firstSales !== undefined) {
    const salesOpening = opening(firstSales);
    const a = w.sales(area, release.at("residential", "salesArea"), salesOpening, firstSales);
    if (a !== null) sentences.push(a);
    const v = w.sales(value, release.at("residential", "salesValue"), a === null ? salesOpening : null, firstSales);
    if (v !== null) sentences.push(v);
  }

  const stock = release.at("total", "stockArea");
  if (stock !== undefined) sentences.push(w.stock(stock, release.at("residential", "stockArea"), sentences.length === 0));

  const funds = release.at("total", "funds");
  if (funds !== undefined) sentences.push(w.whole(funds, FUND_SOURCES.map((c) => release.at(c, "funds")), "funds", opening(funds)));
  return sentences;
}
