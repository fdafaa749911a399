// Regions against the nation, as provincial releases compare them: a region's growth rate beside
// the nation's for the same indicator and period, the gap in 个百分点 from the rates as printed,
// and the region's share of the national level ("占全国的比重为5.1%").

import { Category, QUANTITIES, Quantity } from "./indicators";
import { ECONOMIC_REGIONS, isEconomicRegion, regionName } from "./regions-names";
import { roundTo, RoundingRule } from "./rounding";
import { SeriesPoint, SeriesSummary } from "./series";
import { Maybe, sharePct } from "./yoy";

/** Where a quoted rate comes from: as published (comparable basis) or computed from the two levels. */
export type RateBasis = "published" | "computed";

export interface RegionComparison {
  readonly indicatorId: string;
  readonly category: Category;
  readonly quantity: Quantity;
  readonly unit: string;
  /** The point's key, "2024-12" or "2024". */
  readonly period: string;
  readonly label: string;
  readonly labelEn: string;
  readonly region: string;
  readonly value: Maybe;
  /** The region's rate as a bulletin quotes it: the published one, else the one computed from levels. */
  readonly yoyPct: Maybe;
  /** Null when the region has no rate at all. */
  readonly yoyBasis: RateBasis | null;
  readonly nationalValue: Maybe;
  /**
   * The nation's rate on the region's basis (published beside published, computed beside
   * computed); when the nation has no rate on that basis, the rate it has.
   */
  readonly nationalYoyPct: Maybe;
  readonly nationalYoyBasis: RateBasis | null;
  /**
   * Region's rate − nation's rate in 个百分点, each rounded to one decimal as printed, then
   * subtracted (−8.24 printed −8.2 against −12.9: 4.7). Null when either rate is missing or the
   * two are on different bases: a computed rate against a comparable-basis one can differ by
   * ten points for no reason but the basis (2023 全年 sales area: −17.7 against −8.5).
   */
  readonly gapPts: Maybe;
  /** value / national value × 100; null without a positive national level. */
  readonly shareOfNationalPct: Maybe;
  readonly location: string | null;
}

/** The rate a bulletin quotes for a point and its basis: quotedRate({ publishedYoyPct: -8.2, yoyPct: -9 }) // => -8.2, published */
function quoted(p: Pick<SeriesPoint, "publishedYoyPct" | "yoyPct">): { rate: Maybe; basis: RateBasis | null } {
  if (p.publishedYoyPct !== null) return { rate: p.publishedYoyPct, basis: "published" };
  if (p.yoyPct !== null) return { rate: p.yoyPct, basis: "computed" };
  return { rate: null, basis: null };
}

/** The nation's rate on a basis, falling back to the rate it has. */
function onBasis(p: SeriesPoint | undefined, basis: RateBasis | null): { rate: Maybe; basis: RateBasis | null } {
  if (p === undefined) return { rate: null, basis: null };
  if (basis === "published" && p.publishedYoyPct !== null) return { rate: p.publishedYoyPct, basis };
  if (basis === "computed" && p.yoyPct !== null) return { rate: p.yoyPct, basis };
  return quoted(p);
}

/**
 * The gap between two rates as desks print it: each rounded to one decimal, then subtracted.
 * gapFromPrinted(-8.24, -12.9, "half-away") // => 4.7
 */
export function gapFromPrinted(rate: number, nationalRate: number, rule: RoundingRule): number {
  return roundTo(roundTo(rate, 1, rule) - roundTo(nationalRate, 1, rule), 1, rule);
}

/** Whether a series is the nation's: no region, or a region cell that names the nation (全国, 全国总计). */
export function isNational(s: Pick<SeriesSummary, "region">): boolean {
  return s.region === null || regionName(s.region) === null;
}

const CATEGORY_ORDER: readonly Category[] = [
  "total",
  "residential",
  "office",
  "commercial",
  "villa",
  "other",
  "domesticLoans",
  "foreignInvestment",
  "selfRaised",
  "otherFunds",
  "deposits",
  "mortgages",
];

/** Release order of an indicator: quantity as the release lists them, then the whole before its parts. */
export function releaseOrder(a: Pick<SeriesSummary, "quantity" | "category">, b: Pick<SeriesSummary, "quantity" | "category">): number {
  return QUANTITIES.indexOf(a.quantity) - QUANTITIES.indexOf(b.quantity) || CATEGORY_ORDER.indexOf(a.category) - CATEGORY_ORDER.indexOf(b.category);
}

/**
 * Every regional point beside the national point of the same indicator, frequency and period, in
 * release order, then period, then the order the regions were read. A region without a national
 * counterpart is kept with the national figures blank, so it can still be ranked.
 */
export function compareRegions(series: readonly SeriesSummary[], rule: RoundingRule): RegionComparison[] {
  const national = series.filter(isNational);
  const regional = series.filter((s) => !isNational(s));
  const rows: (RegionComparison & { readonly order: number })[] = [];
  regional.forEach((s, order) => {
    // The nation's figures may come from several tables (an export, a regional table's 全国总计 row):
    // the first that has the period answers.
    const nations = national.filter((n) => n.indicatorId === s.indicatorId && n.frequency === s.frequency && n.cumulative === s.cumulative);
    for (const p of s.points) {
      const np = nations.map((n) => n.points.find((x) => x.period === p.period)).find((x) => x !== undefined);
      const own = quoted(p);
      const theirs = onBasis(np, own.basis);
      const gapPts = own.rate !== null && theirs.rate !== null && own.basis === theirs.basis ? gapFromPrinted(own.rate, theirs.rate, rule) : null;
      rows.push({
        indicatorId: s.indicatorId,
        category: s.category,
        quantity: s.quantity,
        unit: s.unit,
        period: p.period,
        label: p.label,
        labelEn: p.labelEn,
        region: s.region as string,
        value: p.value,
        yoyPct: own.rate,
        yoyBasis: own.basis,
        nationalValue: np?.value ?? null,
        nationalYoyPct: theirs.rate,
        nationalYoyBasis: theirs.basis,
        gapPts,
        shareOfNationalPct: sharePct(p.value, np?.value),
        location: p.location,
        order,
      });
    }
  });
  rows.sort((a, b) => releaseOrder(a, b) || (a.period < b.period ? -1 : a.period > b.period ? 1 : 0) || a.order - b.order);
  return rows.map(({ order: _order, ...row }) => row);
}

/**
 * Regions in the order a regional table lists them: the four economic regions in the release's
 * order (东部, 中部, 西部, 东北: a desk never ranks them), then provinces and cities by rate, highest
 * first; a region without a rate goes last; equal rates keep the order they were read in.
 */
export function rankRegions(rows: readonly RegionComparison[]): RegionComparison[] {
  const economic = rows.filter((r) => isEconomicRegion(r.region)).sort((a, b) => ECONOMIC_REGIONS.indexOf(a.region) - ECONOMIC_REGIONS.indexOf(b.region));
  const others = rows
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => !isEconomicRegion(r.region))
    .sort((a, b) => {
      if (a.r.yoyPct === null || b.r.yoyPct === null) return (a.r.yoyPct === null ? 1 : 0) - (b.r.yoyPct === null ? 1 : 0) || a.i - b.i;
      return b.r.yoyPct - a.r.yoyPct || a.i - b.i;
    })
    .map(({ r }) => r);
  return [...economic, ...others];
}

/** Regions' names in English, for the en-US sentences and sheet; any other name stays as written. */
const REGION_EN: Readonly<Record<string, string>> = {
  东部地区: "the eastern region",
  中部地区: "the central region",
  西部地区: "the western region",
  东北地区: "the northeastern region",
  北京: "Beijing",
  天津: "Tianjin",
  河北: "Hebei",
  山西: "Shanxi",
  内蒙古: "Inner Mongolia",
  辽宁: "Liaoning",
  吉林: "Jilin",
  黑龙江: "Heilongjiang",
  上海: "Shanghai",
  江苏: "Jiangsu",
  浙江: "Zhejiang",
  安徽: "Anhui",
  福建: "Fujian",
  江西: "Jiangxi",
  山东: "Shandong",
  河南: "Henan",
  湖北: "Hubei",
  湖南: "Hunan",
  广东: "Guangdong",
  广西: "Guangxi",
  海南: "Hainan",
  重庆: "Chongqing",
  四川: "Sichuan",
  贵州: "Guizhou",
  云南: "Yunnan",
  西藏: "Tibet",
  陕西: "Shaanxi",
  甘肃: "Gansu",
  青海: "Qinghai",
  宁夏: "Ningxia",
  新疆: "Xinjiang",
};

/**
 * A region's English name: regionNameEn("北京市") // => "Beijing"; regionNameEn("内蒙古自治区") // => "Inner Mongolia";
 * regionNameEn("东部地区") // => "the eastern region"; a city or county not listed stays as written.
 */
export function regionNameEn(region: string): string {
  if (REGION_EN[region] !== undefined) return REGION_EN[region];
  const stem = region.replace(/(维吾尔自治区|壮族自治区|回族自治区|特别行政区|自治区|省|市)$/, "");
  return REGION_EN[stem] ?? region;
}
