// 简报句式（zh-CN）: the sentences a statistics desk writes, built from the computed figures.
// 同比 at the first mention of a period, 增长/下降/持平 matching the printed sign, 增加/减少 N 家.

import { indicatorName } from "../indicators";
import { isFullYear } from "../periods";
import { PlanTarget, planFigureText } from "../plan";
import { RankingSummary, TierRow } from "../ranking";
import { SHEET_LABELS } from "../summary/labels";
import { formatFixed, RoundingRule } from "../rounding";
import { RateChange, SeriesPoint, SeriesSummary } from "../series";
import { Direction, latestNational, printedDifference, printedRate, quotedRate, SeriesAt } from "./shared";

const RISE: Readonly<Record<Direction, string>> = { up: "增长", down: "下降", flat: "持平" };

function rateText(value: number, rule: RoundingRule, withYoy: boolean): string {
  const r = printedRate(value, 1, rule);
  const yoy = withYoy ? "同比" : "";
  return r.direction === "flat" ? `${yoy}持平` : `${yoy}${RISE[r.direction]}${formatFixed(r.magnitude, 1, rule)}%`;
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
  const prev = previousPeriodShort(change, point);
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
): string | null {
  if (total === undefined) return null;
  const { s, p } = total;
  const name = indicatorName({ category: "total", quantity: s.quantity }, "zh-CN", p.year);
  const { rate, computed } = quotedRate(p);
  const parts: string[] = [];
  const level = p.value !== null ? `${formatFixed(p.value, 0, rule)}${s.unit}` : "";
  parts.push(`${opening !== null ? `${opening}，` : ""}${name}${level}`);
  if (rate !== null) parts.push(`${rateText(rate, rule, opening !== null)}${computed ? "（按公布数据计算）" : ""}`);
  if (residential !== undefined) {
    const r = quotedRate(residential.p).rate;
    if (r !== null) parts.push(`其中${indicatorName({ category: "residential", quantity: s.quantity }, "zh-CN")}${rateText(r, rule, false)}`);
  }
  if (p.rateChange !== null && p.rateChange.adjacent) parts.push(trendText(p.rateChange, p, rule));
  return `${parts.join("，")}。`;
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

function tierName(t: TierRow): string {
  return t.min === 1000 && t.max === null ? "千亿以上" : t.label;
}

/** Sentences on one ranking: TOP-N total, tiers, 百亿 count, thresholds, group means, concentration. */
export function rankingSentences(r: RankingSummary, rule: RoundingRule): string[] {
  const sentences: string[] = [];
  const period = isFullYear(r) ? `${r.year}年` : `${r.year}年1—${r.toMonth}月`;
  const unit = r.unit;
  const amount = (x: number) => `${formatFixed(x, 1, rule)}${unit}`;
  const noun = r.metric === "salesValue" ? "销售总额" : "销售面积合计";
  const widest = [...r.top].reverse().find((t) => t.sum !== null);
  if (widest !== undefined && widest.sum !== null) {
    const yoy = widest.sumYoyPct !== null ? `，${rateText(widest.sumYoyPct, rule, true)}` : "";
    sentences.push(`${period}，TOP${widest.n}房企${noun}为${amount(widest.sum)}${yoy}。`);
  }
  for (const t of r.tiers) {
    const change = t.countChange !== null ? `，${countChange(t.countChange)}` : "";
    if (t.count === 0) sentences.push(`${tierName(t)}阵营暂无企业${change}。`);
    else sentences.push(`${tierName(t)}阵营企业${t.count}家${change}，销售额均值${amount(t.mean as number)}。`);
  }
  if (r.hundredBillionCount !== null && r.tiers.length > 0 && Math.min(...r.tiers.map((t) => t.min)) === 100) {
    const change = r.previousHundredBillionCount !== null ? `，${countChange(r.hundredBillionCount - r.previousHundredBillionCount)}` : "";
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
