// The words on a summary sheet, in zh-CN and en-US. A reviewer who opens the workbook without
// StatDesk reads these, so every number's meaning and origin is spelled out here.

import { IndicatorGroup } from "../indicators";
import { Language } from "../messages";
import { regionNameEn } from "../regions";
import type { DataBlockLabels } from "./data-block";

export interface SheetLabels {
  readonly sheetPrefix: string;
  /** Between the items of a list written in one cell: "2024年、2023年" / "2024, 2023". */
  readonly listSeparator: string;
  readonly title: (period: string) => string;
  /** The line under the title: the period, what it is compared with, and the units. */
  readonly periodLine: (period: string, previous: string | null) => string;
  readonly provenance: string;
  readonly sourceLine: (role: string, where: string) => string;
  readonly roleCurrent: string;
  readonly rolePrevious: string;
  readonly roleSeries: string;
  readonly rolePlan: string;
  readonly tierRule: (preset: string, tiers: string) => string;
  readonly presetNames: Readonly<Record<string, string>>;
  readonly roundingRule: (rule: "half-away" | "half-even") => string;
  readonly yoyRule: string;
  readonly basisRule: (tolerance: string) => string;
  readonly colourRule: (redUp: boolean) => string;
  readonly generated: (date: string, version: string) => string;
  /** How a live summary's figures are written (formulas to the source cells), and how rounding enters them. */
  readonly formulaRule: (halfEven: boolean) => readonly string[];
  /** The same for a values-only summary. */
  readonly valuesRule: string;
  readonly valueOnlySection: string;
  /** The provenance line saying how many figures are values for want of a formula (listed at the end). */
  readonly valueOnlyCount: (count: number) => string;
  /** A source cell no formula reads as StatDesk did, written as its value. */
  readonly valueOnlyCell: (location: string, text: string) => string;
  readonly valueOnlyRounded: (location: string) => string;
  /** How many figures stayed values because ROUND would round them otherwise than GB/T 8170. */
  readonly valueOnlyRounding: (count: number) => string;
  readonly data: DataBlockLabels & { readonly section: string; readonly note: string; readonly nationalGiven: string };
  // sections
  /** `what`: the list's basis and unit as sectionUnit words them ("权益口径，亿元", "attributable, 100 million yuan"). */
  readonly tiersSection: (what: string) => string;
  readonly topSection: (what: string) => string;
  readonly thresholdSection: (what: string) => string;
  readonly groupsSection: (what: string) => string;
  /** A ranking's basis (口径, when it names one) and unit, for its section titles. */
  readonly sectionUnit: (unit: string, basis: string | null) => string;
  readonly membershipSection: string;
  readonly moversSection: (n: number) => string;
  readonly seriesSection: (indicator: string, unit: string) => string;
  /** A report unit as this language names it. */
  readonly unitName: (unit: string) => string;
  readonly planSection: string;
  readonly narrativeSection: string;
  readonly warningsSection: string;
  // column headers
  readonly tier: string;
  readonly count: string;
  readonly previousCount: string;
  readonly countChange: string;
  readonly tierSum: string;
  readonly mean: string;
  readonly previousMean: string;
  readonly meanYoy: string;
  readonly shareOfTop: (n: number) => string;
  readonly hundredBillion: string;
  readonly topName: (n: number) => string;
  readonly rankGroup: (from: number, to: number) => string;
  readonly rankGroupHeader: string;
  readonly sum: string;
  readonly previousSum: string;
  readonly yoy: string;
  readonly share: string;
  readonly previousShare: string;
  readonly shareChange: string;
  readonly threshold: string;
  readonly previousThreshold: string;
  readonly entrants: string;
  readonly exits: string;
  readonly enterprise: string;
  readonly rank: string;
  readonly previousRank: string;
  readonly rankChange: string;
  readonly value: string;
  readonly previousValue: string;
  readonly period: string;
  readonly publishedYoy: string;
  readonly computedYoy: string;
  readonly basisGap: string;
  readonly level: string;
  readonly previousLevel: string;
  readonly note: string;
  /** Single-month columns, when single months are derived from year-to-date figures. */
  readonly singleMonth: string;
  readonly singleMonthPrevious: string;
  readonly singleMonthYoy: string;
  readonly gapFlag: string;
  readonly item: string;
  readonly unit: string;
  readonly plan: string;
  readonly actual: string;
  readonly completion: string;
  readonly location: string;
  readonly message: string;
  readonly moreWarnings: (n: number) => string;
  readonly notRanked: string;
  // charts
  readonly tierChartTitle: (year: number, previousYear: number | null) => string;
  readonly thresholdChartTitle: string;
  readonly seriesChartTitle: (indicator: string) => string;
  readonly companies: string;
  readonly percent: string;
  readonly yearLabel: (year: number) => string;
  // the release's tables and the regions against the nation
  /** A group of the release at a period: "一、房地产开发投资（2024年1-12月）". */
  readonly releaseSection: (group: IndicatorGroup, period: string, ordinal: number) => string;
  readonly indicatorHeader: string;
  /** A part under its whole: "其中：住宅投资". */
  readonly partOf: (name: string) => string;
  readonly regionsSection: (indicator: string, period: string, unit: string) => string;
  readonly region: string;
  readonly nation: string;
  /** A region's name as this language writes it. */
  readonly regionName: (region: string) => string;
  readonly rateBasis: string;
  readonly basisPublished: string;
  readonly basisComputed: string;
  readonly nationalYoy: string;
  readonly gapToNation: string;
  readonly shareOfNational: string;
  readonly regionsChartTitle: (indicator: string, period: string) => string;
  // a ranking's periods (several lists of one year and basis: 1—11月, 1—12月 …)
  readonly historySection: (unit: string) => string;
  /** A period's row: "2024年1-11月" / "Jan–Nov 2024", written out for a full year too, so the axis reads alike. */
  readonly historyPeriod: (year: number, fromMonth: number, toMonth: number) => string;
  readonly historyYoy: (n: number) => string;
  readonly historySum: (n: number) => string;
  readonly historyThreshold: (n: number) => string;
  readonly historyHundredBillion: string;
  readonly historyChartTitle: string;
  /** The months of the previous period of the year, short: "1—11月" / "Jan–Nov". */
  readonly spanShort: (fromMonth: number, toMonth: number) => string;
  /** Header of a YoY's change against the previous period: "同比较1—11月（个百分点）". */
  readonly rateChangeVs: (span: string) => string;
  /** Header of a count's change against the previous period: "较1—11月增减（家）". */
  readonly countChangeVs: (span: string) => string;
}

const MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

const GROUP_ZH: Readonly<Record<IndicatorGroup, string>> = {
  investment: "房地产开发投资",
  construction: "房屋施工、新开工和竣工面积",
  sales: "新建商品房销售",
  stock: "商品房待售面积",
  funds: "房地产开发企业到位资金",
};

const GROUP_EN: Readonly<Record<IndicatorGroup, string>> = {
  investment: "Investment in real estate development",
  construction: "Floor space under construction, newly started and completed",
  sales: "Sales of new commercial housing",
  stock: "Floor area for sale",
  funds: "Funds in place for real estate development",
};

const ZH: SheetLabels = {
  sheetPrefix: "汇总",
  listSeparator: "、",
  title: (period) => `${period}房地产销售统计汇总`,
  periodLine: (period, previous) =>
    `${period}${previous === null ? "" : `，与${previous}同期比较`}；单位：销售额 亿元，面积 万平方米；增速 %；增减 个百分点 / 家`,
  provenance: "数据来源与计算说明",
  sourceLine: (role, where) => `${role}：${where}`,
  roleCurrent: "本期排行榜",
  rolePrevious: "上年排行榜",
  roleSeries: "销售统计",
  rolePlan: "计划完成表",
  tierRule: (preset, tiers) => `阵营划分：${preset}，${tiers}（下限含本数，上限不含）`,
  presetNames: { cia2023: "中指研究院2023年起口径", cia2020: "中指研究院2020-2021年口径", custom: "自定义分界" },
  roundingRule: (rule) =>
    rule === "half-away"
      ? "舍入：四舍五入（与 Excel ROUND 相同），单元格保存未舍入的计算值，仅显示时舍入"
      : "舍入：GB/T 8170-2008 四舍六入五成双，单元格保存已按该规则舍入的显示值（只舍入一次）",
  yoyRule: "同比 = 本期 ÷ 上年同期 − 1；上年同期缺失、为零或负数时留空；TOP-N 按各年自身排名取前N名",
  basisRule: (tolerance) => `公布增速按可比口径计算，以公布值为准；“按公布数据计算”的增速由两期公布数值直接算出，差距超过${tolerance}个百分点时标出`,
  colourRule: (redUp) => (redUp ? "颜色：红色▲表示增加，绿色▼表示减少" : "颜色：绿色▲表示增加，红色▼表示减少"),
  generated: (date, version) => `生成：StatDesk ${version}，${date}`,
  formulaRule: (halfEven) => [
    "本表数字为公式：点击单元格可见其算法，“追踪引用单元格”可一直追到源表；改动源表数字，本表随之重算",
    "企业数据直接引用源表；不能直接引用的（文本数字、需换算单位、夹有合计或空行、需重新排序）经表末“计算所用数据”引用；TOP-N为各表按排名的前N行",
    ...(halfEven ? ["修约按GB/T 8170以ROUND写入；ROUND与之不同的恰好进位处写为数值（见表末）"] : []),
  ],
  valuesRule: "本表为数值版：数字为计算结果，不含公式；来源见上",
  valueOnlySection: "写为数值的单元格（无公式可按StatDesk的读法读出）",
  valueOnlyCount: (count) => (count === 0 ? "写为数值的单元格：无，每个数字都是公式" : `写为数值的单元格：${count}个，源单元格及原因见表末“写为数值的单元格”`),
  valueOnlyCell: (location, text) => `${location}：“${text}”按其数值写入`,
  valueOnlyRounded: (location) => `${location}：按GB/T 8170修约，与ROUND不同，写为数值`,
  valueOnlyRounding: (count) => `另有${count}个数字按GB/T 8170修约与ROUND不同（恰好进位），写为数值`,
  data: {
    section: "计算所用数据",
    note: "本表公式引用以下各行：每个来源一块，每行一家企业，按排名排列；数值为引用源单元格的公式",
    hiddenNote: "本表公式引用以下各行（已隐藏）：选中上下两行，右键“取消隐藏”即可查看",
    blockTitle: (range, period, unit) => `${range}（${period}，${unit}）`,
    header: ["位次", "企业", "数值", "源单元格（数值无公式时）"],
    nationalTitle: "全国数据（占比的分母）",
    nationalHeader: ["", "指标", "数值", "源单元格（数值无公式时）"],
    nationalGiven: "全国新建商品房销售额（输入值）",
  },
  sectionUnit: (unit, basis) => (basis === null ? unit : `${basis.endsWith("口径") ? basis : `${basis}口径`}，${unit}`),
  tiersSection: (unit) => `一、销售额阵营（${unit}）`,
  topSection: (unit) => `二、TOP-N 销售额与集中度（${unit}）`,
  thresholdSection: (unit) => `三、门槛值（${unit}）`,
  groupsSection: (unit) => `四、排名区间均值（${unit}）`,
  membershipSection: "五、进出榜企业",
  moversSection: (n) => `六、TOP${n} 企业名次变化`,
  seriesSection: (indicator, unit) => `${indicator}（${unit}）`,
  unitName: (unit) => unit,
  planSection: "计划完成情况",
  narrativeSection: "简报表述",
  warningsSection: "数据提示（请核对）",
  tier: "阵营",
  count: "企业数（家）",
  previousCount: "上年同期（家）",
  countChange: "增减（家）",
  tierSum: "销售额合计",
  mean: "均值",
  previousMean: "上年同期均值",
  meanYoy: "均值同比",
  shareOfTop: (n) => `占TOP${n}比重`,
  hundredBillion: "百亿以上合计",
  topName: (n) => `TOP${n}`,
  // A group of one place is that place: 第31名, not TOP31-31.
  rankGroup: (from, to) => (from === 1 ? `TOP${to}` : from === to ? `第${to}名` : `TOP${from}-${to}`),
  rankGroupHeader: "排名区间",
  sum: "销售额合计",
  previousSum: "上年同期",
  yoy: "同比",
  share: "占全国比重",
  previousShare: "上年同期比重",
  shareChange: "比重变化（个百分点）",
  threshold: "门槛值",
  previousThreshold: "上年同期门槛值",
  entrants: "新进企业",
  exits: "退出企业",
  enterprise: "企业",
  rank: "排名",
  previousRank: "上年排名",
  rankChange: "名次变化",
  value: "销售额",
  previousValue: "上年同期",
  period: "时期",
  publishedYoy: "同比（公布，可比口径）",
  computedYoy: "同比（按公布数据计算）",
  basisGap: "差距（个百分点）",
  level: "本期数值",
  previousLevel: "上年同期数值",
  note: "提示",
  singleMonth: "单月数值（由累计值推算）",
  singleMonthPrevious: "上年同月数值",
  singleMonthYoy: "单月同比（推算）",
  gapFlag: "差距较大：以公布增速为准",
  item: "项目",
  unit: "单位",
  plan: "计划",
  actual: "实际完成",
  completion: "完成率",
  location: "位置",
  message: "说明",
  moreWarnings: (n) => `另有 ${n} 条提示未列出`,
  notRanked: "未上榜",
  tierChartTitle: (year, previousYear) => (previousYear === null ? `${year}年各阵营企业数` : `各阵营企业数：${year}年与${previousYear}年`),
  thresholdChartTitle: "TOP-N 门槛值",
  seriesChartTitle: (indicator) => `${indicator}同比增速`,
  companies: "家",
  percent: "%",
  yearLabel: (year) => `${year}年`,
  releaseSection: (group, period, ordinal) => `${"一二三四五"[ordinal]}、${GROUP_ZH[group]}（${period}）`,
  indicatorHeader: "指标",
  partOf: (name) => `其中：${name}`,
  regionsSection: (indicator, period, unit) => `各地区${indicator}（${period}，${unit}）`,
  region: "地区",
  nation: "全国",
  regionName: (region) => region,
  rateBasis: "增速口径",
  basisPublished: "公布（可比口径）",
  basisComputed: "按公布数据计算",
  nationalYoy: "全国同比（同一口径）",
  gapToNation: "比全国高（+）低（−）（个百分点）",
  shareOfNational: "占全国比重",
  regionsChartTitle: (indicator, period) => `${period}各地区${indicator}同比增速`,
  historySection: (unit) => `各期榜单：TOP-N 销售额同比、销售额与门槛值（${unit}）`,
  historyPeriod: (year, from, to) => (from === to ? `${year}年${to}月` : `${year}年${from}-${to}月`),
  historyYoy: (n) => `TOP${n}同比`,
  historySum: (n) => `TOP${n}销售额`,
  historyThreshold: (n) => `TOP${n}门槛值`,
  historyHundredBillion: "百亿企业（家）",
  historyChartTitle: "TOP-N 销售额同比增速（各期）",
  spanShort: (from, to) => (from === to ? `${to}月` : `${from}—${to}月`),
  rateChangeVs: (span) => `同比较${span}（个百分点）`,
  countChangeVs: (span) => `较${span}增减（家）`,
};

const EN: SheetLabels = {
  sheetPrefix: "Summary",
  listSeparator: ", ",
  title: (period) => `Real estate sales summary, ${period}`,
  periodLine: (period, previous) =>
    `${period}${previous === null ? "" : `, compared with ${previous}`}. Units: sales 100 million yuan (亿元), area 10,000 sq m (万平方米); growth %; changes in percentage points / companies`,
  provenance: "Sources and method",
  sourceLine: (role, where) => `${role}: ${where}`,
  roleCurrent: "Ranking, this period",
  rolePrevious: "Ranking, a year earlier",
  roleSeries: "Sales statistics",
  rolePlan: "Plan table",
  tierRule: (preset, tiers) => `Tiers: ${preset}, ${tiers} (lower bound included, upper excluded)`,
  presetNames: { cia2023: "China Index Academy, 2023 onward", cia2020: "China Index Academy, 2020–2021", custom: "custom bounds" },
  roundingRule: (rule) =>
    rule === "half-away"
      ? "Rounding: half away from zero (as Excel ROUND); cells hold unrounded results, rounded only for display"
      : "Rounding: GB/T 8170-2008 round half to even; cells hold the values rounded once by that rule",
  yoyRule: "YoY = this period ÷ same period a year earlier − 1; blank when the base is missing, zero or negative; TOP-N uses each year's own ranking",
  basisRule: (tolerance) =>
    `Published growth rates are on a comparable basis and are authoritative; rates "computed from published levels" use the two published figures, and gaps over ${tolerance} points are marked`,
  colourRule: (redUp) => (redUp ? "Colours: red ▲ increase, green ▼ decrease (Chinese convention)" : "Colours: green ▲ increase, red ▼ decrease"),
  generated: (date, version) => `Generated by StatDesk ${version} on ${date}`,
  formulaRule: (halfEven) => [
    "Figures are formulas: select one to see how it is computed; Trace Precedents leads to the source cells. Change a source figure and this sheet follows",
    "Lists that cannot be referenced as they are (numbers as text, a unit to convert, totals or blanks among the rows, an order to restore) are read through 'Data used' below",
    "TOP-N is the first N rows of each list in rank order",
    ...(halfEven ? ["GB/T 8170 rounding is written with ROUND; the exact ties where ROUND differs are values (listed at the end)"] : []),
  ],
  valuesRule: "Values-only summary: figures are results, without formulas; sources as above",
  valueOnlySection: "Cells written as values (no formula reads them as StatDesk did)",
  valueOnlyCount: (count) => (count === 0 ? "Figures written as values: none; every figure is a formula" : `Figures written as values: ${count}, each listed with its source cell and why under 'Cells written as values' at the end`),
  valueOnlyCell: (location, text) => `${location}: "${text}" written as its value`,
  valueOnlyRounded: (location) => `${location}: GB/T 8170 rounding differs from ROUND; written as a value`,
  valueOnlyRounding: (count) => `${count} more figure(s) round otherwise under GB/T 8170 than with ROUND (exact ties) and are written as values`,
  data: {
    section: "Data used",
    note: "The formulas above reference these rows: a block per source, an enterprise per row in rank order; each figure is a formula on its source cell",
    hiddenNote: "The formulas above reference the rows below, hidden: select the rows around them and Unhide to see them",
    blockTitle: (range, period, unit) => `${range} (${period}, ${unit})`,
    header: ["Rank", "Enterprise", "Figure", "Source cell (of a figure without formula)"],
    nationalTitle: "National figures (the shares' denominators)",
    nationalHeader: ["", "Indicator", "Figure", "Source cell (of a figure without formula)"],
    nationalGiven: "National new-home sales value (given)",
  },
  sectionUnit: (unit, basis) => {
    const words = ({ 亿元: "100 million yuan", 万平方米: "10,000 sq m" } as Record<string, string>)[unit] ?? unit;
    const english: Record<string, string> = { 全口径: "full caliber", 权益: "attributable", 操盘: "operated", 并表: "consolidated" };
    const basisWords = basis === null ? undefined : (english[basis] ?? english[basis.replace(/口径$/, "")] ?? basis);
    return basisWords === undefined ? words : `${basisWords}, ${words}`;
  },
  tiersSection: (what) => `1. Sales tiers (${what})`,
  topSection: (what) => `2. TOP-N sales and concentration (${what})`,
  thresholdSection: (what) => `3. Entry thresholds (${what})`,
  groupsSection: (what) => `4. Mean sales by rank group (${what})`,
  membershipSection: "5. Entrants and exits",
  moversSection: (n) => `6. Rank changes in the TOP${n}`,
  seriesSection: (indicator, unit) => `${indicator} (${unit})`,
  unitName: (unit) => ({ 亿元: "100 million yuan", 万平方米: "10,000 sq m" })[unit] ?? unit,
  planSection: "Plan completion",
  narrativeSection: "Bulletin sentences",
  warningsSection: "Data notes (please check)",
  tier: "Tier",
  count: "Companies",
  previousCount: "A year earlier",
  countChange: "Change",
  tierSum: "Total sales",
  mean: "Mean",
  previousMean: "Mean a year earlier",
  meanYoy: "Mean YoY",
  shareOfTop: (n) => `Share of TOP${n}`,
  hundredBillion: "All RMB 10bn+",
  topName: (n) => `TOP${n}`,
  rankGroup: (from, to) => (from === 1 ? `TOP${to}` : from === to ? `No. ${to}` : `TOP${from}-${to}`),
  rankGroupHeader: "Rank group",
  sum: "Total sales",
  previousSum: "A year earlier",
  yoy: "YoY",
  share: "Share of national",
  previousShare: "Share a year earlier",
  shareChange: "Change (pp)",
  threshold: "Threshold",
  previousThreshold: "A year earlier",
  entrants: "Entrants",
  exits: "Exits",
  enterprise: "Enterprise",
  rank: "Rank",
  previousRank: "Rank a year earlier",
  rankChange: "Places",
  value: "Sales",
  previousValue: "A year earlier",
  period: "Period",
  publishedYoy: "YoY (published, comparable basis)",
  computedYoy: "YoY (computed from levels)",
  basisGap: "Gap (pp)",
  level: "Level",
  previousLevel: "A year earlier",
  note: "Note",
  singleMonth: "Single month (from year-to-date)",
  singleMonthPrevious: "Same month a year earlier",
  singleMonthYoy: "Single-month YoY (derived)",
  gapFlag: "Large gap: use the published rate",
  item: "Item",
  unit: "Unit",
  plan: "Plan",
  actual: "Actual",
  completion: "Completion",
  location: "Where",
  message: "What",
  moreWarnings: (n) => `${n} more notes not listed`,
  notRanked: "not ranked",
  tierChartTitle: (year, previousYear) => (previousYear === null ? `Companies per tier, ${year}` : `Companies per tier, ${year} vs ${previousYear}`),
  thresholdChartTitle: "TOP-N entry thresholds",
  seriesChartTitle: (indicator) => `${indicator}: YoY growth`,
  companies: "companies",
  percent: "%",
  yearLabel: (year) => String(year),
  releaseSection: (group, period, ordinal) => `${["I", "II", "III", "IV", "V"][ordinal]}. ${GROUP_EN[group]} (${period})`,
  indicatorHeader: "Indicator",
  partOf: (name) => `of which: ${name}`,
  regionsSection: (indicator, period, unit) => `${indicator} by region (${period}, ${unit})`,
  region: "Region",
  nation: "National",
  regionName: (region) => {
    const name = regionNameEn(region).replace(/^the /, "");
    return name.charAt(0).toUpperCase() + name.slice(1);
  },
  rateBasis: "Rate basis",
  basisPublished: "published (comparable basis)",
  basisComputed: "computed from levels",
  nationalYoy: "National YoY (same basis)",
  gapToNation: "Gap to national (pp)",
  shareOfNational: "Share of national",
  regionsChartTitle: (indicator, period) => `${indicator}: YoY by region, ${period}`,
  historySection: () => "TOP-N by period: sales YoY, sales and entry thresholds (100 million yuan)",
  historyPeriod: (year, from, to) => (from === to ? `${MONTHS_EN[to - 1]} ${year}` : `${MONTHS_EN[from - 1]}–${MONTHS_EN[to - 1]} ${year}`),
  historyYoy: (n) => `TOP${n} YoY`,
  historySum: (n) => `TOP${n} sales`,
  historyThreshold: (n) => `TOP${n} threshold`,
  historyHundredBillion: "RMB 10bn+ (companies)",
  historyChartTitle: "TOP-N sales: YoY growth by period",
  spanShort: (from, to) => (from === to ? MONTHS_EN[to - 1] : `${MONTHS_EN[from - 1]}–${MONTHS_EN[to - 1]}`),
  rateChangeVs: (span) => `YoY change vs ${span} (pts)`,
  countChangeVs: (span) => `Change vs ${span}`,
};

export const SHEET_LABELS: Readonly<Record<Language, SheetLabels>> = { "zh-CN": ZH, "en-US": EN };
