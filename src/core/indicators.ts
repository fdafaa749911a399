// NBS indicator names matched by keywords, not exact strings: 新建商品房销售面积累计值(万平方米),
// 商品房销售额_累计增长 (%), 住宅销售面积累计值… all meet in one indicator id and measure.

import { headerKey } from "./text";

/** What is sold: all new commercial housing, or one of its parts. */
export type Category = "total" | "residential" | "office" | "commercial";
/** What is measured: floor area sold, sales value, or floor area awaiting sale. */
export type Quantity = "salesArea" | "salesValue" | "stockArea";
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

/** A stable id, e.g. "total.salesArea". */
export function indicatorId(i: Indicator): string {
  return `${i.category}.${i.quantity}`;
}

const CATEGORY_ZH: Readonly<Record<Category, string>> = { total: "商品房", residential: "住宅", office: "办公楼", commercial: "商业营业用房" };
const CATEGORY_EN: Readonly<Record<Category, string>> = {
  total: "new commercial housing",
  residential: "residential",
  office: "office",
  commercial: "commercial-use",
};
const QUANTITY_ZH: Readonly<Record<Quantity, string>> = { salesArea: "销售面积", salesValue: "销售额", stockArea: "待售面积" };
const QUANTITY_EN: Readonly<Record<Quantity, string>> = { salesArea: "the floor area sold", salesValue: "sales", stockArea: "the floor area for sale" };
export const QUANTITY_UNIT: Readonly<Record<Quantity, string>> = { salesArea: "万平方米", salesValue: "亿元", stockArea: "万平方米" };

/**
 * The indicator's name: "商品房销售面积" (as in the JSON), or as the bulletin of a year writes it —
 * from 2024 NBS says "新建商品房…" for the total.
 * indicatorName({ category: "total", quantity: "salesArea" }, "zh-CN", 2024) // => "新建商品房销售面积"
 */
export function indicatorName(i: Indicator, language: "zh-CN" | "en-US", year?: number): string {
  if (language === "en-US") {
    const what = CATEGORY_EN[i.category];
    return i.category === "total" && year !== undefined && year < 2024 ? `${QUANTITY_EN[i.quantity]} of commercial housing` : `${QUANTITY_EN[i.quantity]} of ${what}`;
  }
  const prefix = i.category === "total" && year !== undefined && year >= 2024 ? "新建" : "";
  return `${prefix}${CATEGORY_ZH[i.category]}${QUANTITY_ZH[i.quantity]}`;
}

/**
 * Reads an indicator name; undefined when it is not a sales or stock indicator StatDesk knows.
 * matchIndicator("新建商品房销售面积累计增长(%)") // => total salesArea, growth
 * matchIndicator("住宅销售额_累计值(亿元)") // => residential salesValue, cumulative
 */
export function matchIndicator(text: string): IndicatorMatch | undefined {
  const key = headerKey(text).replace(/_/g, "");
  let quantity: Quantity | undefined;
  if (/待售面积/.test(key)) quantity = "stockArea";
  else if (/销售面积|floorareasold|salesarea/.test(key)) quantity = "salesArea";
  else if (/销售额|销售金额|salesvalue|salesof/.test(key)) quantity = "salesValue";
  if (quantity === undefined) return undefined;

  let category: Category = "total";
  if (/住宅|residential/.test(key)) category = "residential";
  else if (/办公楼|office/.test(key)) category = "office";
  else if (/商业营业用房|商业用房|commercial-?use|commercialbuilding/.test(key)) category = "commercial";

  let measure: Measure = "level";
  if (/增长|增速|增幅|同比|growth|yoy|\(%\)|%/.test(key)) measure = "growth";
  else if (/累计|cumulative|ytd/.test(key)) measure = "cumulative";
  else if (/当期|当月|current|month/.test(key)) measure = "current";

  const unitMatch = /[(（]([^)）]+)[)）]\s*$/.exec(text.trim());
  const unit = measure === "growth" ? "%" : unitMatch?.[1]?.trim();
  return unit === undefined ? { category, quantity, measure } : { category, quantity, measure, unit };
}
