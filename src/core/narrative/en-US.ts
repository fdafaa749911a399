// Bulletin sentences in English (en-US), from the same figures and rules as the Chinese ones:
// "year on year" at the first mention of a period, up/down/unchanged from the printed sign.

import { indicatorName, isFlow } from "../indicators";
import { RegionComparison, regionNameEn } from "../regions";
import { isFullYear } from "../periods";
import { PlanTarget, planFigureText } from "../plan";
import { CountChange, RankingSummary, spanOfKey } from "../ranking";
import { SHEET_LABELS } from "../summary/labels";
import { formatFixed, roundTo, RoundingRule } from "../rounding";
import { RateChange, SeriesPoint, SeriesSummary } from "../series";
import { coversYear, isWholeRelease, latestNational, printedDifference, printedRate, quotedRate, SeriesAt, regionSentenceInputs, writeRelease } from "./shared";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
function grouped(text: string): string {
  const negative = text.startsWith("-");
  const [integer, fraction] = (negative ? text.slice(1) : text).split(".");
  const withCommas = integer.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${negative ? "-" : ""}${fraction === undefined ? withCommas : `${withCommas}.${fraction}`}`;
}

/** Moves the decimal point of a fixed-point text left: shiftLeft("43547.3", 1) // => "4354.73". Exact, no re-rounding. */
function shiftLeft(text: string, places: number): string {
  const negative = text.startsWith("-");
  const [integer, fraction = ""] = (negative ? text.slice(1) : text).split(".");
  const digits = integer.padStart(places + 1, "0");
  const whole = digits.slice(0, digits.length - places).replace(/^0+(?=\d)/, "");
  return `${negative ? "-" : ""}${whole}.${digits.slice(digits.length - places)}${fraction}`;
}

/**
 * An amount as English reports state it: 亿元 in billions of yuan (43547.3亿元 → RMB 4,354.73 billion),
 * 万平方米 in millions of square metres (97385万平方米 → 973.85 million sq m); the printed digits
 * are the Chinese figure's, with the decimal point moved.
 */
function amount(x: number, decimals: number, unit: string, rule: RoundingRule): string {
  const text = formatFixed(x, decimals, rule);
  if (unit === "亿元") return `RMB ${grouped(shiftLeft(text, 1))} billion`;
  if (unit === "万平方米") return `${grouped(shiftLeft(text, 2))} million sq m`;
  return `${grouped(text)} ${unit}`;
}

/** A rate and what it is compared with: rateWith(-10.6, rule, " from the previous year") // => "down 10.6% from the previous year". */
function rateWith(value: number, rule: RoundingRule, against: string): string {
  const r = printedRate(value, 1, rule);
  if (r.direction === "flat") return `unchanged${against}`;
  return `${r.direction === "up" ? "up" : "down"} ${formatFixed(r.magnitude, 1, rule)}%${against}`;
}

function rateText(value: number, rule: RoundingRule, withYoy: boolean): string {
  return rateWith(value, rule, withYoy ? " year on year" : "");
}

function countChange(change: number): string {
  if (change === 0) return "the same as a year earlier";
  return `${Math.abs(change)} ${change > 0 ? "more" : "fewer"} than a year earlier`;
}

function seriesPeriod(s: SeriesSummary, p: SeriesPoint): string {
  if (s.frequency === "year" || (s.cumulative && p.toMonth === 12)) return `In ${p.year}`;
  if (s.cumulative) return `In January–${MONTHS[p.toMonth - 1]} ${p.year}`;
  return `In ${MONTHS[p.toMonth - 1]} ${p.year}`;
}

function previousPeriod(change: RateChange, point: SeriesPoint): string {
  const [year, month] = change.previousPeriod.split("-");
  if (month === undefined) return "the previous year";
  const span = `January–${MONTHS[Number(month) - 1]}`;
  return Number(year) === point.year ? span : `${span} ${year}`;
}

function trendText(change: RateChange, point: SeriesPoint, rule: RoundingRule): string {
  return trendWords(change, previousPeriod(change, point), rule);
}

/** How a rate moved against the previous period `prev` ("January–November"). */
function trendWords(change: RateChange, prev: string, rule: RoundingRule): string {
  const pts = formatFixed(Math.abs(change.changePts), 1, rule);
  switch (change.trend) {
    case "decline-narrowed":
      return `the decline narrowed by ${pts} percentage points from ${prev}`;
    case "decline-widened":
      return `the decline widened by ${pts} percentage points from ${prev}`;
    case "growth-widened":
      return `growth quickened by ${pts} percentage points from ${prev}`;
    case "growth-narrowed":
      return `growth slowed by ${pts} percentage points from ${prev}`;
    case "turned-up":
      return `turning from a decline in ${prev} to growth`;
    case "turned-down":
      return `turning from growth in ${prev} to a decline`;
    case "unchanged":
      return `the same rate as in ${prev}`;
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function quantitySentence(
  total: SeriesAt | undefined,
  residential: SeriesAt | undefined,
  opening: string | null,
  rule: RoundingRule,
  against = " year on year",
): string | null {
  if (total === undefined) return null;
  const { s, p } = total;
  const name = indicatorName({ category: "total", quantity: s.quantity }, "en-US", p.year);
  const { rate, computed } = quotedRate(p);
  const head = opening !== null ? `${opening}, ${name}` : capitalise(name);
  const verb = s.quantity === "salesValue" ? "were" : "was";
  const parts: string[] = [p.value !== null ? `${head} ${verb} ${amount(p.value, 0, s.unit, rule)}` : head];
  if (rate !== null) parts.push(`${rateWith(rate, rule, opening !== null ? against : "")}${computed ? " (computed from published levels)" : ""}`);
  if (residential !== undefined) {
    const r = quotedRate(residential.p).rate;
    if (r !== null) parts.push(`of which residential ${rateText(r, rule, false)}`);
  }
  if (p.rateChange !== null && p.rateChange.adjacent) parts.push(trendText(p.rateChange, p, rule));
  return `${parts.join(", ")}.`;
}

/** Sentences on national new-home sales for the latest period in the series, as since the first version. */
function salesSentences(series: readonly SeriesSummary[], rule: RoundingRule): string[] {
  const at = latestNational(series);
  if (at === undefined) return [];
  const opening = seriesPeriod(at.first.s, at.first.p);
  const sentences: string[] = [];
  const a = quantitySentence(at.area, at.residentialArea, opening, rule);
  if (a !== null) sentences.push(a);
  const v = quantitySentence(at.value, at.residentialValue, a === null ? opening : null, rule);
  if (v !== null) sentences.push(v);
  return sentences;
}

/** " from the previous year" for a full year, " year on year" for January–X, at the first mention of a period. */
function against(at: SeriesAt): string {
  return coversYear(at.s, at.p) ? " from the previous year" : " year on year";
}

/** A later part of the release opens with its period again, without the year when it is January–X. */
function laterPeriod(s: SeriesSummary, p: SeriesPoint): string {
  if (coversYear(s, p)) return `In ${p.year}`;
  return s.cumulative ? `In January–${MONTHS[p.toMonth - 1]}` : `In ${MONTHS[p.toMonth - 1]}`;
}

function rateClause(p: SeriesPoint, rule: RoundingRule, words: string): string | null {
  const { rate, computed } = quotedRate(p);
  return rate === null ? null : `${rateWith(rate, rule, words)}${computed ? " (computed from published levels)" : ""}`;
}

/** "residential RMB 7,604.0 billion, down 10.5%"; a source of funds by its name. */
function partClause(part: SeriesAt, rule: RoundingRule): string | null {
  // A part is named by itself after "of which" ("residential", "domestic loans"), as a source of funds is named.
  const name = indicatorName({ category: part.s.category, quantity: "funds" }, "en-US");
  const figure = part.p.value !== null ? ` ${amount(part.p.value, 0, part.s.unit, rule)}` : "";
  const rate = rateClause(part.p, rule, "");
  if (figure === "" && rate === null) return null;
  return `${name}${figure}${rate === null ? "" : `${figure === "" ? " " : ", "}${rate}`}`;
}

function wholeSentence(total: SeriesAt, parts: readonly (SeriesAt | undefined)[], opening: string | null, rule: RoundingRule): string {
  const { s, p } = total;
  const name = indicatorName({ category: "total", quantity: s.quantity }, "en-US", p.year);
  const verb = s.quantity === "funds" ? "were" : "was";
  const head = opening !== null ? `${opening}, ${name}` : capitalise(name);
  const clauses = [p.value !== null ? `${head} ${verb} ${amount(p.value, 0, s.unit, rule)}` : head];
  const rate = rateClause(p, rule, opening !== null ? against(total) : "");
  if (rate !== null) clauses.push(rate);
  if (p.rateChange !== null && p.rateChange.adjacent) clauses.push(trendText(p.rateChange, p, rule));
  const partTexts = parts.flatMap((part) => (part === undefined ? [] : [partClause(part, rule)])).filter((t): t is string => t !== null);
  return `${clauses.join(", ")}${partTexts.length > 0 ? `; of which ${partTexts.join("; ")}` : ""}.`;
}

function stockEnd(s: SeriesSummary, p: SeriesPoint, first: boolean): string {
  if (s.frequency === "year") return `At the end of ${p.year}`;
  return `At the end of ${MONTHS[p.toMonth - 1]}${first ? ` ${p.year}` : ""}`;
}

function stockSentence(total: SeriesAt, residential: SeriesAt | undefined, first: boolean, rule: RoundingRule): string {
  const { s, p } = total;
  const yearEnd = s.frequency === "year" || p.toMonth === 12;
  const name = indicatorName({ category: "total", quantity: s.quantity }, "en-US", p.year);
  const head = `${stockEnd(s, p, first)}, ${name}`;
  const clauses = [p.value !== null ? `${head} was ${amount(p.value, 0, s.unit, rule)}` : head];
  if (p.publishedYoyPct !== null) clauses.push(rateWith(p.publishedYoyPct, rule, yearEnd ? " from the end of the previous year" : " year on year"));
  if (residential !== undefined && residential.p.publishedYoyPct !== null) clauses.push(`of which residential ${rateWith(residential.p.publishedYoyPct, rule, "")}`);
  return `${clauses.join(", ")}.`;
}

/** The whole national release at its latest period, in the release's order (shared.writeRelease). */
function releaseSentences(series: readonly SeriesSummary[], rule: RoundingRule): string[] {
  return writeRelease(series, {
    opening: (x, first) => (first ? seriesPeriod(x.s, x.p) : laterPeriod(x.s, x.p)),
    whole: (x, parts, _role, opening) => wholeSentence(x, parts, opening, rule),
    sales: (x, residential, opening, first) => quantitySentence(x, residential, opening, rule, against(first)),
    stock: (x, residential, first) => stockSentence(x, residential, first, rule),
  });
}

/** Sentences on the national figures for the latest period: sales alone as since the first version, or the whole release. */
export function seriesSentences(series: readonly SeriesSummary[], rule: RoundingRule): string[] {
  return isWholeRelease(series) ? releaseSentences(series, rule) : salesSentences(series, rule);
}

/**
 * The region against the nation from the printed rates: both down — "y percentage points less
 * (more) than the national decline"; otherwise "y percentage points above (below) the national
 * growth rate" (both up) or "the national rate" (one up, one down); equal — "in line with the nation".
 */
export function comparedWithNation(c: RegionComparison, rule: RoundingRule): string | null {
  if (c.gapPts === null || c.yoyPct === null || c.nationalYoyPct === null) return null;
  if (c.gapPts === 0) return "in line with the national rate";
  const pts = formatFixed(Math.abs(c.gapPts), 1, rule);
  const r = roundTo(c.yoyPct, 1, rule);
  const n = roundTo(c.nationalYoyPct, 1, rule);
  if (r < 0 && n < 0) return `${pts} percentage points ${c.gapPts > 0 ? "less" : "more"} than the national decline`;
  return `${pts} percentage points ${c.gapPts > 0 ? "above" : "below"} the national ${r > 0 && n > 0 ? "growth rate" : "rate"}`;
}

function regionSentence(c: RegionComparison, at: SeriesAt, first: boolean, words: string, rule: RoundingRule): string {
  const { s, p } = at;
  const stock = !isFlow(s.quantity);
  const name = `${indicatorName({ category: c.category, quantity: c.quantity }, "en-US", p.year)} in ${regionNameEn(c.region)}`;
  const opening = stock ? `${stockEnd(s, p, first)}, ` : first ? `${seriesPeriod(s, p)}, ` : "";
  const verb = c.quantity === "salesValue" || c.quantity === "funds" ? "were" : "was";
  const head = opening === "" ? capitalise(name) : `${opening}${name}`;
  const clauses = [c.value !== null ? `${head} ${verb} ${amount(c.value, 0, c.unit, rule)}` : head];
  const rated = c.yoyPct !== null && (!stock || c.yoyBasis === "published");
  if (rated) {
    const against = stock ? (s.frequency === "year" || p.toMonth === 12 ? " from the end of the previous year" : " year on year") : first ? words : "";
    clauses.push(`${rateWith(c.yoyPct as number, rule, against)}${c.yoyBasis === "computed" ? " (computed from published levels)" : ""}`);
    const compared = comparedWithNation(c, rule);
    if (compared !== null) clauses.push(compared);
  }
  if (c.shareOfNationalPct !== null) clauses.push(`accounting for ${formatFixed(c.shareOfNationalPct, 1, rule)}% of the national total`);
  return `${clauses.join(", ")}.`;
}

/** Sentences on the regions read beside the nation (see zh-CN.ts). */
export function regionSentences(series: readonly SeriesSummary[], rule: RoundingRule): string[] {
  return regionSentenceInputs(series, rule).map((x) => regionSentence(x.c, x.at, x.first, x.fromPreviousYear ? " from the previous year" : " year on year", rule));
}

/** A ranking's months within its year: "January–November", "April–June", "December". */
function rankingSpan(fromMonth: number, toMonth: number): string {
  return fromMonth === toMonth ? MONTHS[toMonth - 1] : `${MONTHS[fromMonth - 1]}–${MONTHS[toMonth - 1]}`;
}

function previousSpan(key: string): string {
  const { fromMonth, toMonth } = spanOfKey(key);
  return rankingSpan(fromMonth, toMonth);
}

/** A count against the previous period of the year: ", 1 more than in January–November"; "" without one. */
function periodCountText(change: CountChange | null): string {
  if (change === null) return "";
  const prev = previousSpan(change.previousPeriod);
  if (change.change === 0) return `, the same as in ${prev}`;
  return `, ${Math.abs(change.change)} ${change.change > 0 ? "more" : "fewer"} than in ${prev}`;
}

/** Sentences on one ranking. */
export function rankingSentences(r: RankingSummary, rule: RoundingRule): string[] {
  const sentences: string[] = [];
  const period = isFullYear(r) ? `In ${r.year}` : `In ${rankingSpan(r.fromMonth, r.toMonth)} ${r.year}`;
  const noun = r.metric === "salesValue" ? "sales" : "floor area sold";
  const widest = [...r.top].reverse().find((t) => t.sum !== null);
  if (widest !== undefined && widest.sum !== null) {
    const yoy = widest.sumYoyPct !== null ? `, ${rateText(widest.sumYoyPct, rule, true)}` : "";
    const moved = widest.sumYoyPct !== null && widest.rateChange !== null ? `; ${trendWords(widest.rateChange, previousSpan(widest.rateChange.previousPeriod), rule)}` : "";
    sentences.push(`${period}, the TOP${widest.n} developers' ${noun} totalled ${amount(widest.sum, 1, r.unit, rule)}${yoy}${moved}.`);
  }
  for (const t of r.tiers) {
    const change = `${t.countChange !== null ? `, ${countChange(t.countChange)}` : ""}${periodCountText(t.periodCountChange)}`;
    const label = t.labelEn;
    if (t.count === 0) sentences.push(`No developer was in the ${label} tier${change}.`);
    else {
      const companies = t.count === 1 ? "1 developer was" : `${t.count} developers were`;
      sentences.push(`${companies} in the ${label} tier${change}, with mean sales of ${amount(t.mean as number, 1, r.unit, rule)}.`);
    }
  }
  if (r.hundredBillionCount !== null && r.tiers.length > 0 && Math.min(...r.tiers.map((t) => t.min)) === 100) {
    const change = `${r.previousHundredBillionCount !== null ? `, ${countChange(r.hundredBillionCount - r.previousHundredBillionCount)}` : ""}${periodCountText(r.hundredBillionPeriodChange)}`;
    sentences.push(`${r.hundredBillionCount} developers sold RMB 10 billion or more${change}.`);
  }
  const thresholds = r.top.filter((t) => t.threshold !== null);
  if (thresholds.length > 0) {
    const parts = thresholds.map((t) => {
      const yoy = t.thresholdYoyPct !== null ? ` (${rateText(t.thresholdYoyPct, rule, false)})` : "";
      return `TOP${t.n} ${amount(t.threshold as number, 1, r.unit, rule)}${yoy}`;
    });
    sentences.push(`Entry thresholds: ${parts.join("; ")}.`);
  }
  const groups = r.groups.filter((g) => g.mean !== null);
  if (groups.length > 0) {
    const parts = groups.map((g) => {
      const yoy = g.meanYoyPct !== null ? ` (${rateText(g.meanYoyPct, rule, false)})` : "";
      return `${SHEET_LABELS["en-US"].rankGroup(g.from, g.to)} ${amount(g.mean as number, 1, r.unit, rule)}${yoy}`;
    });
    sentences.push(`Mean sales by rank group: ${parts.join("; ")}.`);
  }
  const shared = [...r.top].reverse().find((t) => t.share !== null);
  if (shared !== undefined && shared.share !== null) {
    let change = "";
    if (shared.previousShare !== null) {
      const pts = printedDifference(shared.share, shared.previousShare, 1, rule);
      change = pts === 0 ? ", unchanged from the previous year" : `, ${pts > 0 ? "up" : "down"} ${formatFixed(Math.abs(pts), 1, rule)} percentage points from the previous year`;
    }
    const whole = r.metric === "salesValue" ? "national new-home sales" : "national new-home floor area sold";
    sentences.push(`The TOP${shared.n} developers accounted for ${formatFixed(shared.share, 1, rule)}% of ${whole}${change}.`);
  }
  return sentences;
}

/** Sentences on plan completion. */
export function planSentences(targets: readonly PlanTarget[], rule: RoundingRule): string[] {
  return targets
    .filter((t) => t.completionPct !== null)
    .map((t) => {
      const over = (t.completionPct as number) >= 100 ? ", exceeding the plan" : "";
      return `${t.item}: planned ${planFigureText(t.planText, t.unit)}, achieved ${planFigureText(t.actualText, t.unit)}, ${formatFixed(t.completionPct as number, 1, rule)}% of plan${over}.`;
    });
}
