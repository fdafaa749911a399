// The indicators of the NBS real-estate release, matched by keywords as NBS and desks write them
// (新建商品房销售面积累计值(万平方米), 商品住宅施工面积, 房地产开发投资额_累计增长 (%), 其中：住宅 …): every
// spelling meets in one id "<category>.<quantity>" and a measure (level, cumulative, growth).

import { headerKey } from "./text";
import { Metric } from "./units";

/**
 * What part of the whole a figure is for: all housing (商品房 / 房屋), a use (住宅, 办公楼,
 * 商业营业用房, 别墅、高档公寓, 其他), or for funds in place a source (国内贷款, 利用外资, 自筹资金,
 * 其他资金, of which 定金及预收款 and 个人按揭贷款). A part is its own series, never a duplicate of its whole.
 */
export type Category =
  | "total"
  | "residential"
  | "office"
  | "commercial"
  | "villa"
  | "other"
  | "domesticLoans"
  | "foreignInvestment"
  | "selfRaised"
  | "otherFunds"
  | "deposits"
  | "mortgages";

/**
 * What is measured: sales (floor area, value), floor area awaiting sale (a level at the period's
 * end), development investment, floor space under construction, newly started and completed, and
 * funds in place this year.
 */
export type Quantity =
  | "salesArea"
  | "salesValue"
  | "stockArea"
  | "investment"
  | "underConstructionArea"
  | "newStartsArea"
  | "completedArea"
  | "funds";

/** How the figure is given: a level (cumulative or for the period) or a published growth rate. */
export type Measure = "cumulative" | "current" | "growth" | "level";

export interface Indicator {
  readonly category: Category;
  readonly quantity: Quantity;
}

export interface IndicatorMatch extends Indicator {
  readonly measure: Measure;
  /** The unit written in the name, if any ("万平方米", "亿元", "%"). */
  readonly unit?: string;
}

/** A stable id, e.g. "total.salesArea", "mortgages.funds". */
export function indicatorId(i: Indicator): string {
  return `${i.category}.${i.quantity}`;
}

/** Every quantity, in the order the NBS release gives them (投资, 施工/新开工/竣工, 销售, 待售, 到位资金). */
export const QUANTITIES: readonly Quantity[] = [
  "investment",
  "underConstructionArea",
  "newStartsArea",
  "completedArea",
  "salesArea",
  "salesValue",
  "stockArea",
  "funds",
];

/** The group of the release a quantity belongs to, for the summary's tables. */
export type IndicatorGroup = "investment" | "construction" | "sales" | "stock" | "funds";
export const QUANTITY_GROUP: Readonly<Record<Quantity, IndicatorGroup>> = {
  investment: "investment",
  underConstructionArea: "construction",
  newStartsArea: "construction",
  completedArea: "construction",
  salesArea: "sales",
  salesValue: "sales",
  stockArea: "stock",
  funds: "funds",
};

/** Money or floor space: which unit family a quantity's figures are in. */
export const QUANTITY_METRIC: Readonly<Record<Quantity, Metric>> = {
  salesArea: "salesArea",
  salesValue: "salesValue",
  stockArea: "salesArea",
  investment: "salesValue",
  underConstructionArea: "salesArea",
  newStartsArea: "salesArea",
  completedArea: "salesArea",
  funds: "salesValue",
};

export const QUANTITY_UNIT: Readonly<Record<Quantity, string>> = {
  salesArea: "万平方米",
  salesValue: "亿元",
  stockArea: "万平方米",
  investment: "亿元",
  underConstructionArea: "万平方米",
  newStartsArea: "万平方米",
  completedArea: "万平方米",
  funds: "亿元",
};

/** Whether NBS gives the quantity year to date (flows) or as a level at the period's end (stock). */
export function isFlow(q: Quantity): boolean {
  return q !== "stockArea";
}

const PART_ZH: Readonly<Record<Category, string>> = {
  total: "",
  residential: "住宅",
  office: "办公楼",
  commercial: "商业营业用房",
  villa: "别墅、高档公寓",
  other: "其他",
  domesticLoans: "国内贷款",
  foreignInvestment: "利用外资",
  selfRaised: "自筹资金",
  otherFunds: "其他资金",
  deposits: "定金及预收款",
  mortgages: "个人按揭贷款",
};

const PART_EN: Readonly<Record<Category, string>> = {
  total: "",
  residential: "residential",
  office: "office",
  commercial: "commercial-use",
  villa: "villa and high-end apartment",
  other: "other",
  domesticLoans: "domestic loans",
  foreignInvestment: "foreign investment",
  selfRaised: "self-raised funds",
  otherFunds: "other funds",
  deposits: "deposits and advance payments",
  mortgages: "individual mortgage loans",
};

/** The whole's name as NBS writes it, by quantity. */
const TOTAL_ZH: Readonly<Record<Quantity, string>> = {
  salesArea: "商品房销售面积",
  salesValue: "商品房销售额",
  stockArea: "商品房待售面积",
  investment: "房地产开发投资",
  underConstructionArea: "房屋施工面积",
  newStartsArea: "房屋新开工面积",
  completedArea: "房屋竣工面积",
  funds: "房地产开发企业到位资金",
};

/** A part's name: the part, then the quantity as NBS words it for a part (住宅投资, 住宅施工面积). */
const PART_QUANTITY_ZH: Readonly<Record<Quantity, string>> = {
  salesArea: "销售面积",
  salesValue: "销售额",
  stockArea: "待售面积",
  investment: "投资",
  underConstructionArea: "施工面积",
  newStartsArea: "新开工面积",
  completedArea: "竣工面积",
  funds: "",
};

const QUANTITY_EN: Readonly<Record<Quantity, string>> = {
  salesArea: "the floor area sold",
  salesValue: "sales",
  stockArea: "the floor area for sale",
  investment: "investment in real estate development",
  underConstructionArea: "the floor space under construction",
  newStartsArea: "the floor space of new starts",
  completedArea: "the floor space completed",
  funds: "funds in place for real estate development",
};

/**
 * The indicator's name: "商品房销售面积" (as in the JSON), or as the bulletin of a year writes it —
 * from 2024 NBS says "新建商品房…" for total sales.
 * indicatorName({ category: "total", quantity: "salesArea" }, "zh-CN", 2024) // => "新建商品房销售面积"
 * indicatorName({ category: "residential", quantity: "investment" }, "zh-CN") // => "住宅投资"
 * indicatorName({ category: "mortgages", quantity: "funds" }, "zh-CN") // => "个人按揭贷款"
 */
export function indicatorName(i: Indicator, language: "zh-CN" | "en-US", year?: number): string {
  const sales = i.quantity === "salesArea" || i.quantity === "salesValue";
  if (language === "en-US") {
    if (i.quantity === "funds") return i.category === "total" ? QUANTITY_EN.funds : PART_EN[i.category];
    if (i.category === "total") {
      if (!sales) return QUANTITY_EN[i.quantity];
      return year !== undefined && year < 2024 ? `${QUANTITY_EN[i.quantity]} of commercial housing` : `${QUANTITY_EN[i.quantity]} of new commercial housing`;
    }
    if (i.quantity === "investment") return `investment in ${PART_EN[i.category]} buildings`;
    return `${QUANTITY_EN[i.quantity]} of ${PART_EN[i.category]}`;
  }
  if (i.category === "total") return (sales && year !== undefined && year >= 2024 ? "新建" : "") + TOTAL_ZH[i.quantity];
  if (i.quantity === "funds") return PART_ZH[i.category];
  // 其他 stands under 商品房 in NBS tables: "其他商品房销售面积".
  if (i.category === "other") return `其他商品房${PART_QUANTITY_ZH[i.quantity]}`;
  return PART_ZH[i.category] + PART_QUANTITY_ZH[i.quantity];
}

/** Names of indicators that are not real estate although they look alike (全社会固定资产投资). */
const NOT_REAL_ESTATE = /固定资产投资|民间投资|基础设施投资|制造业投资/;

/** Quantity keywords, first match wins: 新开工 before 施工, 待售 before 销售. */
const QUANTITY_RULES: readonly (readonly [RegExp, Quantity])[] = [
  [/待售面积|floorareaforsale|forsale|unsold|inventory/, "stockArea"],
  [/新开工|newstart|newlystarted/, "newStartsArea"],
  [/施工面积|施工|underconstruction/, "underConstructionArea"],
  [/竣工|completed|completion/, "completedArea"],
  [/销售面积|floorareasold|salesarea/, "salesArea"],
  [/销售额|销售金额|salesvalue|salesof/, "salesValue"],
  [/到位资金|资金来源|fundsinplace|sourcesoffunds/, "funds"],
  [/开发投资|房地产投资|完成投资|投资额|投资|investment/, "investment"],
];

/** The sources of funds, which NBS writes as rows of their own (其中：国内贷款). */
const FUND_SOURCES: readonly (readonly [RegExp, Category])[] = [
  [/定金及预收款|定金|预收款|deposits|advancepayment/, "deposits"],
  [/个人按揭贷款|按揭|mortgage/, "mortgages"],
  [/国内贷款|domesticloan/, "domesticLoans"],
  [/利用外资|外资|foreigninvestment|foreigncapital/, "foreignInvestment"],
  [/自筹资金|自筹|self-?raised/, "selfRaised"],
  [/其他资金|otherfunds|othersources/, "otherFunds"],
];

/** The uses of buildings, by keyword; 商品房 / 房屋 alone is the total. */
const USE_RULES: readonly (readonly [RegExp, Category])[] = [
  [/别墅|高档公寓|villa|high-?end/, "villa"],
  [/住宅|residential/, "residential"],
  [/办公楼|office/, "office"],
  [/商业营业用房|商业用房|commercial-?use|commercialbuilding/, "commercial"],
  [/其他|其它|^other/, "other"],
];

function firstRule<T>(rules: readonly (readonly [RegExp, T])[], key: string): T | undefined {
  for (const [pattern, value] of rules) if (pattern.test(key)) return value;
  return undefined;
}

function measureOf(key: string): Measure {
  if (/增长|增速|增幅|同比|growth|yoy|\(%\)|%/.test(key)) return "growth";
  if (/累计|cumulative|ytd/.test(key)) return "cumulative";
  if (/当期|当月|current|month/.test(key)) return "current";
  return "level";
}

/** "其中：住宅" → "住宅"; "  1.住宅" → "住宅": the lead-in words of a sub-row. */
function withoutLeadIn(key: string): string {
  return key.replace(/^(其中|内|含|包括|of which|ofwhich)[:：,，]?/, "").replace(/^[\d一二三四五六七八九十]+[.、)）]/, "");
}

/** The measure and unit a name states: "累计增长(%)" is a growth rate, "(万平方米)" a unit. */
function measureAndUnit(text: string, key: string): { measure: Measure; unit?: string } {
  const measure = measureOf(key);
  const unitMatch = /[(（]([^)）]+)[)）]\s*$/.exec(text.trim());
  const unit = measure === "growth" ? "%" : unitMatch?.[1]?.trim();
  return unit === undefined ? { measure } : { measure, unit };
}

/**
 * Reads an indicator name; undefined when it is not a real-estate indicator StatDesk knows, or
 * names only a part ("其中：住宅": see matchIndicatorUnder).
 * matchIndicator("新建商品房销售面积累计增长(%)") // => total salesArea, growth
 * matchIndicator("商品住宅房屋施工面积") // => residential underConstructionArea, level
 * matchIndicator("全社会固定资产投资") // => undefined (not real estate)
 */
export function matchIndicator(text: string): IndicatorMatch | undefined {
  const key = withoutLeadIn(headerKey(text).replace(/_/g, ""));
  if (key === "" || NOT_REAL_ESTATE.test(key)) return undefined;
  const fundSource = firstRule(FUND_SOURCES, key);
  const quantity = firstRule(QUANTITY_RULES, key);
  // 利用外资 is a source of funds, not investment; a source named alone is unambiguous.
  if (fundSource !== undefined && (quantity === undefined || quantity === "funds" || quantity === "investment")) {
    return { category: fundSource, quantity: "funds", ...measureAndUnit(text, key) };
  }
  if (quantity === undefined) return undefined;
  // 投资 alone could be any investment; real estate says 房地产, 开发 or the use.
  if (quantity === "investment" && !/房地产|开发|住宅|办公楼|商业|别墅|realestate|investmentin/.test(key)) return undefined;
  const category = quantity === "funds" ? "total" : (firstRule(USE_RULES, key) ?? "total");
  return { category, quantity, ...measureAndUnit(text, key) };
}

/**
 * The use a sub-row names by itself, as NBS indents them under a total: "  其中：住宅",
 * "办公楼", "别墅、高档公寓". Undefined for anything longer.
 * matchPart("  其中：住宅") // => "residential"
 */
export function matchPart(text: string): Category | undefined {
  const key = withoutLeadIn(headerKey(text).replace(/_/g, ""))
    .replace(/[(（][^)）]*[)）]/g, "")
    .replace(/累计值|累计增长|累计|增长|同比|当期值/g, "");
  if (!/^(住宅|商品住宅|办公楼|商业营业用房|商业用房|别墅、?高档公寓|别墅|高档公寓|其他|其它|residential|office|commercial-?use|other)$/.test(key)) return undefined;
  return firstRule(USE_RULES, key);
}

/**
 * An indicator read in the context of the row above, as NBS tables indent their parts:
 * "其中：住宅" under "房地产开发投资" is residential investment; "国内贷款" under
 * "本年到位资金" is a source of funds. A full name stands by itself.
 * matchIndicatorUnder("  其中：住宅", { category: "total", quantity: "investment" }) // => residential investment
 */
export function matchIndicatorUnder(text: string, parent: Indicator | undefined): IndicatorMatch | undefined {
  const match = matchIndicator(text);
  if (match !== undefined) return match;
  const part = matchPart(text);
  if (part === undefined || parent === undefined || parent.quantity === "funds") return undefined;
  const key = withoutLeadIn(headerKey(text).replace(/_/g, ""));
  return { category: part, quantity: parent.quantity, ...measureAndUnit(text, key) };
}
