// Bulletin sentences in English (en-US), from the same figures and rules as the Chinese ones:
// "year on year" at the first mention of a period, up/down/unchanged from the printed sign.

import { indicatorName } from "../indicators";
import { isFullYear } from "../periods";
import { PlanTarget, planFigureText } from "../plan";
import { RankingSummary } from "../ranking";
import { SHEET_LABELS } from "../summary/labels";
import { formatFixed, RoundingRule } from "../rounding";
import { RateChange, SeriesPoint, SeriesSummary } from "../series";
import { latestNational, printedDifference, printedRate, quotedRate, SeriesAt } from "./shared";

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

function rateText(value: number, rule: RoundingRule, withYoy: boolean): string {
  const r = printedRate(value, 1, rule);
  const yoy = withYoy ? " year on year" : "";
  if (r.direction === "flat") return `unchanged${yoy}`;
  return `${r.direction === "up" ? "up" : "down"} ${formatFixed(r.magnitude, 1, rule)}%${yoy}`;
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
  const prev = previousPeriod(change, point);
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
): string | null {
  if (total === undefined) return null;
  const { s, p } = total;
  const name = indicatorName({ category: "total", quantity: s.quantity }, "en-US", p.year);
  const { rate, computed } = quotedRate(p);
  const head = opening !== null ? `${opening}, ${name}` : capitalise(name);
  const verb = s.quantity === "salesValue" ? "were" : "was";
  const parts: string[] = [p.value !== null ? `${head} ${verb} ${amount(p.value, 0, s.unit, rule)}` : head];
  if (rate !== null) parts.push(`${rateText(rate, rule, opening !== null)}${computed ? " (computed from published levels)" : ""}`);
  if (residential !== undefined) {
    const r = quotedRate(residential.p).rate;
    if (r !== null) parts.push(`of which residential ${rateText(r, rule, false)}`);
  }
  if (p.rateChange !== null && p.rateChange.adjacent) parts.push(trendText(p.rateChange, p, rule));
  return `${parts.join(", ")}.`;
}

/** Sentences on national new-home sales for the latest period in the series. */
export function seriesSentences(series: readonly SeriesSummary[], rule: RoundingRule): string[] {
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

/** Sentences on one ranking. */
export function rankingSentences(r: RankingSummary, rule: RoundingRule): string[] {
  const sentences: string[] = [];
  const period = isFullYear(r) ? `In ${r.year}` : `In January–${MONTHS[r.toMonth - 1]} ${r.year}`;
  const noun = r.metric === "salesValue" ? "sales" : "floor area sold";
  const widest = [...r.top].reverse().find((t) => t.sum !== null);
  if (widest !== undefined && widest.sum !== null) {
    const yoy = widest.sumYoyPct !== null ? `, ${rateText(widest.sumYoyPct, rule, true)}` : "";
    sentences.push(`${period}, the TOP${widest.n} developers' ${noun} totalled ${amount(widest.sum, 1, r.unit, rule)}${yoy}.`);
  }
  for (const t of r.tiers) {
    const change = t.countChange !== null ? `, ${countChange(t.countChange)}` : "";
    const label = t.labelEn;
    if (t.count === 0) sentences.push(`No developer was in the ${label} tier${change}.`);
    else {
      const companies = t.count === 1 ? "1 developer was" : `${t.count} developers were`;
      sentences.push(`${companies} in the ${label} tier${change}, with mean sales of ${amount(t.mean as number, 1, r.unit, rule)}.`);
    }
  }
  if (r.hundredBillionCount !== null && r.tiers.length > 0 && Math.min(...r.tiers.map((t) => t.min)) === 100) {
    const change = r.previousHundredBillionCount !== null ? `, ${countChange(r.hundredBillionCount - r.previousHundredBillionCount)}` : "";
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
