// 简报句式（zh-CN）: the sentences a statistics desk writes, built from the computed figures.
// 同比 at the first mention of a period, 增长/下降/持平 matching the printed sign, 增加/减少 N 家.

import { indicatorName, isFlow } from "../indicators";
import { RegionComparison } from "../regions";
import { isFullYear } from "../periods";
import { PlanTarget, planFigureText } from "../plan";
import { CountChange, RankingSummary, spanOfKey, TierRow } from "../ranking";
import { SHEET_LABELS } from "../summary/labels";
import { formatFixed, roundTo, RoundingRule } from "../rounding";
import { RateChange, SeriesPoint, SeriesSummary } from "../series";
import { coversYear, Direction, isWholeRelease, latestNational, printedDifference, printedRate, quotedRate, SeriesAt, regionSentenceInputs, WholeRole, writeRelease } from "./shared";

const RISE: Readonly<Record<Direction, string>> = { up: "增长", down: "下降", flat: "持平" };

/** A rate after the words that say what it is compared with: rateWith(-10.6, rule, "比上年") // => "比上年下降10.6%". */
function rateWith(value: number, rule: RoundingRule, against: string): string {
  const r = printedRate(value, 1, rule);
  return r.direction === "flat" ? `${against}持平` : `${against}${RISE[r.direction]}${formatFixed(r.magnitude, 1, rule)}%`;
}

function rateText(value: number, rule: RoundingRule, withYoy: boolean): string {
  return rateWith(value, rule, withYoy ? "同比" : "");
}

function countChange(change: number): string {
  if (change === 0) return "与去年同期持平";
  return `较去年同期${change > 0 ? "增加" : "减少"}${Math.abs(change)}家`;
}

/** "2024年", "2024年1—10月", "2024年12月" — the period as a bulletin opens with it. */
function seriesPeriod(s: SeriesSummary, p: SeriesPoint): string {
  if (s.frequency === "year" || (s.cumulative && p.toMonth === 12)) return `${p.year}年`;
  if (s.cumulative) return `${p.year}年1—${p.toMonth}月`;
  return `${p.year}年${p.toMonth}月`;
}

function previousPeriodShort(change: RateChange, point: SeriesPoint): string {
  const [year, month] = change.previousPeriod.split("-");
  if (month === undefined) return "上年";
  return Number(year) === point.year ? `1—${Number(month)}月` : `${year}年1—${Number(month)}月`;
}

function trendText(change: RateChange, point: SeriesPoint, rule: RoundingRule): string {
  return trendWords(change, previousPeriodShort(change, point), rule);
}

/** How a rate moved against the previous period `prev` ("1—11月"): "降幅较1—11月缩窄2.3个百分点". */
function trendWords(change: RateChange, prev: string, rule: RoundingRule): string {
  const pts = formatFixed(Math.abs(change.changePts), 1, rule);
  switch (change.trend) {
    case "decline-narrowed":
      return `降幅较${prev}缩窄${pts}个百分点`;
    case "decline-widened":
      return `降幅较${prev}扩大${pts}个百分点`;
    case "growth-widened":
      return `增幅较${prev}扩大${pts}个百分点`;
    case "growth-narrowed":
      return `增幅较${prev}回落${pts}个百分点`;
    case "turned-up":
      return `增速较${prev}由降转增`;
    case "turned-down":
      return `增速较${prev}由增转降`;
    case "unchanged":
      return `增速与${prev}持平`;
  }
}

/** One quantity's sentence: total level and rate, then 其中住宅, then the change against the previous period. */
function quantitySentence(
  total: SeriesAt | undefined,
  residential: SeriesAt | undefined,
  opening: string | null,
  rule: RoundingRule,
  against = "同比",
): string | null {
  if (total === undefined) return null;
  const { s, p } = total;
  const name = indicatorName({ category: "total", quantity: s.quantity }, "zh-CN", p.year);
  const { rate, computed } = quotedRate(p);
  const parts: string[] = [];
  const level = p.value !== null ? `${formatFixed(p.value, 0, rule)}${s.unit}` : "";
  parts.push(`${opening !== null ? `${opening}，` : ""}${name}${level}`);
  if (rate !== null) parts.push(`${rateWith(rate, rule, opening !== null ? against : "")}${computed ? "（按公布数据计算）" : ""}`);
  if (residential !== undefined) {
    const r = quotedRate(residential.p).rate;
    if (r !== null) parts.push(`其中${indicatorName({ category: "residential", quantity: s.quantity }, "zh-CN")}${rateText(r, rule, false)}`);
  }
  if (p.rateChange !== null && p.rateChange.adjacent) parts.push(trendText(p.rateChange, p, rule));
  return `${parts.join("，")}。`;
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

/** 比上年 for a full year, 同比 for 1—X月, as the release writes them at the first mention of a period. */
function against(at: SeriesAt): string {
  return coversYear(at.s, at.p) ? "比上年" : "同比";
}

/** A later part of the release opens with its period again, without the year when it is 1—X月: "2024年", "1—11月". */
function laterPeriod(s: SeriesSummary, p: SeriesPoint): string {
  if (coversYear(s, p)) return `${p.year}年`;
  return s.cumulative ? `1—${p.toMonth}月` : `${p.toMonth}月`;
}

function level(at: SeriesAt, rule: RoundingRule): string {
  return at.p.value !== null ? `${formatFixed(at.p.value, 0, rule)}${at.s.unit}` : "";
}

/** The quoted rate, labelled when it is computed from levels; null without one. */
function rateClause(p: SeriesPoint, rule: RoundingRule, words: string): string | null {
  const { rate, computed } = quotedRate(p);
  return rate === null ? null : `${rateWith(rate, rule, words)}${computed ? "（按公布数据计算）" : ""}`;
}

/** "住宅投资76040亿元，下降10.5%": a part with its level and rate, whichever it has. */
function partClause(part: SeriesAt, rule: RoundingRule): string | null {
  const name = indicatorName({ category: part.s.category, quantity: part.s.quantity }, "zh-CN", part.p.year);
  const figure = level(part, rule);
  const rate = rateClause(part.p, rule, "");
  if (figure === "" && rate === null) return null;
  return rate === null ? `${name}${figure}` : `${name}${figure}${figure === "" ? "" : "，"}${rate}`;
}

/**
 * A whole and its parts as the release writes them: "2024年，全国房地产开发投资100280亿元，比上年
 * 下降10.6%；其中住宅投资76040亿元，下降10.5%。" The change against the previous period's rate
 * follows the whole's rate.
 */
function wholeSentence(total: SeriesAt, parts: readonly (SeriesAt | undefined)[], subject: string, opening: string | null, rule: RoundingRule): string {
  const clauses = [`${opening !== null ? `${opening}，` : ""}${subject}${level(total, rule)}`];
  const rate = rateClause(total.p, rule, opening !== null ? against(total) : "");
  if (rate !== null) clauses.push(rate);
  if (total.p.rateChange !== null && total.p.rateChange.adjacent) clauses.push(trendText(total.p.rateChange, total.p, rule));
  const partTexts = parts.flatMap((part) => (part === undefined ? [] : [partClause(part, rule)])).filter((t): t is string => t !== null);
  return `${clauses.join("，")}${partTexts.length > 0 ? `；其中${partTexts.join("；")}` : ""}。`;
}

/** "12月末，商品房待售面积75327万平方米，比上年末增长10.6%": a level at the period's end, with a rate only when published. */
function stockSentence(total: SeriesAt, residential: SeriesAt | undefined, first: boolean, rule: RoundingRule): string {
  const { s, p } = total;
  const yearEnd = coversYear(s, p) || p.toMonth === 12;
  const end = s.frequency === "year" ? `${p.year}年末` : `${first ? `${p.year}年` : ""}${p.toMonth}月末`;
  const clauses = [`${end}，${indicatorName({ category: "total", quantity: s.quantity }, "zh-CN", p.year)}${level(total, rule)}`];
  if (p.publishedYoyPct !== null) clauses.push(rateWith(p.publishedYoyPct, rule, yearEnd ? "比上年末" : "同比"));
  if (residential !== undefined && residential.p.publishedYoyPct !== null) {
    clauses.push(`其中${indicatorName({ category: "residential", quantity: s.quantity }, "zh-CN")}${rateWith(residential.p.publishedYoyPct, rule, "")}`);
  }
  return `${clauses.join("，")}。`;
}

/**
 * The whole national release at its latest period, in the release's order (shared.writeRelease).
 * Each part opens with its period and 比上年 / 同比, the clauses after it say only 增长 / 下降 (seed
 * 003: "2023年1—7月，全国房屋竣工面积38405万平方米，同比增长20.5%。").
 */
function releaseSentences(series: readonly SeriesSummary[], rule: RoundingRule): string[] {
  const name = (x: SeriesAt): string => indicatorName({ category: "total", quantity: x.s.quantity }, "zh-CN", x.p.year);
  // 全国 only where the data says the figures are the nation's: Chongqing's annual table is not.
  const nation = (x: SeriesAt): string => (x.s.nationStated ? "全国" : "");
  // The release says 房地产开发企业房屋施工面积; seed 003 opens with 全国房屋竣工面积.
  const subject = (x: SeriesAt, role: WholeRole): string => {
    if (role === "funds" || role === "construction-continued") return name(x);
    return `${role === "construction" && x.s.quantity === "underConstructionArea" ? "房地产开发企业" : nation(x)}${name(x)}`;
  };
  return writeRelease(series, {
    opening: (x, first) => (first ? seriesPeriod(x.s, x.p) : laterPeriod(x.s, x.p)),
    whole: (x, parts, role, opening) => wholeSentence(x, parts, subject(x, role), opening, rule),
    sales: (x, residential, opening, first) => quantitySentence(x, residential, opening, rule, against(first)),
    stock: (x, residential, first) => stockSentence(x, residential, first, rule),
  });
}

/**
 * Sentences on the national figures for the latest period: sales alone as since the first
 * version, or the whole release when the inputs hold more of it.
 */
export function seriesSentences(series: readonly SeriesSummary[], rule: RoundingRule): string[] {
  return isWholeRelease(series) ? releaseSentences(series, rule) : salesSentences(series, rule);
}

/**
 * The region against the nation, as provincial releases say it, from the printed rates: both down
 * — 降幅比全国小/大; otherwise (both up, or one up and one down) — 增速比全国高/低, by the
 * difference of the rates; equal printed rates — 与全国持平. Null when the two cannot be compared.
 */
export function comparedWithNation(c: RegionComparison, rule: RoundingRule): string | null {
  if (c.gapPts === null || c.yoyPct === null || c.nationalYoyPct === null) return null;
  if (c.gapPts === 0) return "与全国持平";
  const pts = formatFixed(Math.abs(c.gapPts), 1, rule);
  const bothDown = roundTo(c.yoyPct, 1, rule) < 0 && roundTo(c.nationalYoyPct, 1, rule) < 0;
  if (bothDown) return `降幅比全国${c.gapPts > 0 ? "小" : "大"}${pts}个百分点`;
  return `增速比全国${c.gapPts > 0 ? "高" : "低"}${pts}个百分点`;
}

/** One region's figure for an indicator: level, rate, the comparison with the nation, the share of it. */
function regionSentence(c: RegionComparison, at: SeriesAt, first: boolean, words: string, rule: RoundingRule): string {
  const { s, p } = at;
  const stock = !isFlow(s.quantity);
  const name = indicatorName({ category: c.category, quantity: c.quantity }, "zh-CN", p.year);
  const figure = c.value !== null ? `${formatFixed(c.value, 0, rule)}${c.unit}` : "";
  const opening = stock ? (s.frequency === "year" ? `${p.year}年末，` : `${first ? `${p.year}年` : ""}${p.toMonth}月末，`) : first ? `${seriesPeriod(s, p)}，` : "";
  const clauses = [`${opening}${c.region}${name}${figure}`];
  // A stock's rate is given only when published (desks do not compute one for a level).
  const rated = c.yoyPct !== null && (!stock || c.yoyBasis === "published");
  if (rated) {
    const against = stock ? (s.frequency === "year" || p.toMonth === 12 ? "比上年末" : "同比") : first ? words : "";
    clauses.push(`${rateWith(c.yoyPct as number, rule, against)}${c.yoyBasis === "computed" ? "（按公布数据计算）" : ""}`);
    const compared = comparedWithNation(c, rule);
    if (compared !== null) clauses.push(compared);
  }
  if (c.shareOfNationalPct !== null) clauses.push(`占全国的比重为${formatFixed(c.shareOfNationalPct, 1, rule)}%`);
  return `${clauses.join("，")}。`;
}

/**
 * Sentences on the regions read beside the nation, for the latest period and each whole (商品房,
 * 房地产开发投资 …), region by region in the order read. The first opens with the period. A table
 * of more than MAX_REGIONS_IN_SENTENCES regions (every province) is left to the sheet's ranking.
 */
export function regionSentences(series: readonly SeriesSummary[], rule: RoundingRule): string[] {
  return regionSentenceInputs(series, rule).map((x) => regionSentence(x.c, x.at, x.first, x.fromPreviousYear ? "比上年" : "同比", rule));
}

/** A ranking's months within its year as a bulletin names them: "1—11月", "4—6月", "12月". */
function rankingSpan(fromMonth: number, toMonth: number): string {
  if (fromMonth === 1) return `1—${toMonth}月`;
  return fromMonth === toMonth ? `${toMonth}月` : `${fromMonth}—${toMonth}月`;
}

/** The previous period of the same year, short: "1—11月". */
function previousSpan(key: string): string {
  const { fromMonth, toMonth } = spanOfKey(key);
  return rankingSpan(fromMonth, toMonth);
}

/** A count against the previous period of the year: "，较1—11月增加1家", "，与1—11月持平"; "" without one. */
function periodCountText(change: CountChange | null): string {
  if (change === null) return "";
  const prev = previousSpan(change.previousPeriod);
  if (change.change === 0) return `，与${prev}持平`;
  return `，较${prev}${change.change > 0 ? "增加" : "减少"}${Math.abs(change.change)}家`;
}

function tierName(t: TierRow): string {
  return t.min === 1000 && t.max === null ? "千亿以上" : t.label;
}

/** Sentences on one ranking: TOP-N total, tiers, 百亿 count, thresholds, group means, concentration. */
export function rankingSentences(r: RankingSummary, rule: RoundingRule): string[] {
  const sentences: string[] = [];
  const period = isFullYear(r) ? `${r.year}年` : `${r.year}年${rankingSpan(r.fromMonth, r.toMonth)}`;
  const unit = r.unit;
  const amount = (x: number) => `${formatFixed(x, 1, rule)}${unit}`;
  const noun = r.metric === "salesValue" ? "销售总额" : "销售面积合计";
  const widest = [...r.top].reverse().find((t) => t.sum !== null);
  if (widest !== undefined && widest.sum !== null) {
    const yoy = widest.sumYoyPct !== null ? `，${rateText(widest.sumYoyPct, rule, true)}` : "";
    // 降幅较1—11月缩窄2.3个百分点: against the previous list of the year, whichever month it ends in.
    const moved = widest.sumYoyPct !== null && widest.rateChange !== null ? `，${trendWords(widest.rateChange, previousSpan(widest.rateChange.previousPeriod), rule)}` : "";
    sentences.push(`${period}，TOP${widest.n}房企${noun}为${amount(widest.sum)}${yoy}${moved}。`);
  }
  for (const t of r.tiers) {
    const change = `${t.countChange !== null ? `，${countChange(t.countChange)}` : ""}${periodCountText(t.periodCountChange)}`;
    if (t.count === 0) sentences.push(`${tierName(t)}阵营暂无企业${change}。`);
    else sentences.push(`${tierName(t)}阵营企业${t.count}家${change}，销售额均值${amount(t.mean as number)}。`);
  }
  if (r.hundredBillionCount !== null && r.tiers.length > 0 && Math.min(...r.tiers.map((t) => t.min)) === 100) {
    const change = `${r.previousHundredBillionCount !== null ? `，${countChange(r.hundredBillionCount - r.previousHundredBillionCount)}` : ""}${periodCountText(r.hundredBillionPeriodChange)}`;
    sentences.push(`销售额百亿以上企业${r.hundredBillionCount}家${change}。`);
  }
  const thresholds = r.top.filter((t) => t.threshold !== null);
  if (thresholds.length > 0) {
    const parts = thresholds.map((t, i) => {
      const yoy = t.thresholdYoyPct !== null ? `，${rateText(t.thresholdYoyPct, rule, false)}` : "";
      return `TOP${t.n}房企${i === 0 ? "门槛值" : ""}为${amount(t.threshold as number)}${yoy}`;
    });
    sentences.push(`${parts.join("；")}。`);
  }
  const groups = r.groups.filter((g) => g.mean !== null);
  if (groups.length > 0) {
    const parts = groups.map((g, i) => {
      const yoy = g.meanYoyPct !== null ? `，${rateText(g.meanYoyPct, rule, false)}` : "";
      const name = SHEET_LABELS["zh-CN"].rankGroup(g.from, g.to);
      return `${name}房企${i === 0 ? "销售额均值" : "均值"}为${amount(g.mean as number)}${yoy}`;
    });
    sentences.push(`${parts.join("；")}。`);
  }
  const shared = [...r.top].reverse().find((t) => t.share !== null);
  if (shared !== undefined && shared.share !== null) {
    const whole = r.metric === "salesValue" ? "全国新建商品房销售额" : "全国新建商品房销售面积";
    let change = "";
    if (shared.previousShare !== null) {
      const pts = printedDifference(shared.share, shared.previousShare, 1, rule);
      change = pts === 0 ? "，与上年持平" : `，较上年${pts > 0 ? "提高" : "下降"}${formatFixed(Math.abs(pts), 1, rule)}个百分点`;
    }
    sentences.push(`TOP${shared.n}房企销售额占${whole}的${formatFixed(shared.share, 1, rule)}%${change}。`);
  }
  return sentences;
}

/** Sentences on plan completion. */
export function planSentences(targets: readonly PlanTarget[], rule: RoundingRule): string[] {
  return targets
    .filter((t) => t.completionPct !== null && t.plan !== null && t.actual !== null)
    .map((t) => {
      const over = (t.completionPct as number) >= 100 ? "，超额完成计划" : "";
      return `${t.item}计划${planFigureText(t.planText, t.unit)}，实际完成${planFigureText(t.actualText, t.unit)}，完成率${formatFixed(t.completionPct as number, 1, rule)}%${over}。`;
    });
}
