// Units as headers and titles write them (亿元, 万元, 万平方米, "100m yuan"…), and the factor
// that brings each to the unit StatDesk reports in: 亿元 for sales value, 万平方米 for area.

import { headerKey } from "./text";

/** What a ranking or series measures. */
export type Metric = "salesValue" | "salesArea";

/** The unit a metric is reported in. */
export const REPORT_UNIT: Readonly<Record<Metric, string>> = { salesValue: "亿元", salesArea: "万平方米" };

export interface UnitInfo {
  /** The unit as StatDesk names it: "亿元", "万元", "元", "十亿元", "万平方米", "平方米". */
  readonly unit: string;
  readonly metric: Metric;
  /** Multiply a figure in this unit by factor to get the report unit. */
  readonly factor: number;
}

const UNITS: readonly (UnitInfo & { readonly pattern: RegExp })[] = [
  { unit: "万平方米", metric: "salesArea", factor: 1, pattern: /万平方米|万平米|万㎡|万m2|万m²|10ksqm|10,000sqm|10000sqm|10k㎡|10ksquaremet/ },
  { unit: "平方米", metric: "salesArea", factor: 1e-4, pattern: /平方米|平米|㎡|m2|m²|sqm|squaremet/ },
  { unit: "十亿元", metric: "salesValue", factor: 10, pattern: /十亿元|billionyuan|bnyuan|rmbbn|rmbbillion|cnybn/ },
  { unit: "亿元", metric: "salesValue", factor: 1, pattern: /亿元|亿人民币|100myuan|100millionyuan|100mrmb|100millionrmb|rmb100m|cny100m|亿$/ },
  { unit: "万元", metric: "salesValue", factor: 1e-4, pattern: /万元|10kyuan|10,000yuan|10000yuan|10thousandyuan/ },
  { unit: "元", metric: "salesValue", factor: 1e-8, pattern: /元|yuan|rmb|cny/ },
];

/**
 * Every factor a unit brings a figure to its report unit with (1, 1E-4, 10, 1E-8): what a reading
 * may have multiplied a source cell by.
 */
export const UNIT_FACTORS: readonly number[] = [...new Set(UNITS.map((u) => u.factor))];

/** Currencies other than the renminbi, with a 亿/万 before them: "亿港元", "百万美元", "HK$". */
const FOREIGN_CURRENCY = /(十亿|百万|亿|万|千)?(美元|港元|港币|澳门元|澳元|欧元|日元|英镑|新台币|韩元|usd|hkd|us\$|hk\$)/;

/**
 * The foreign currency a header or title names, if any: StatDesk converts between renminbi units
 * only, so such a column must be refused rather than read as 元.
 * foreignCurrency("销售额（亿港元）") // => "亿港元"; foreignCurrency("销售额（亿元）") // => undefined
 */
export function foreignCurrency(text: string): string | undefined {
  return FOREIGN_CURRENCY.exec(headerKey(text))?.[0];
}

/**
 * The unit named in a header or title, if any. A foreign currency is no unit StatDesk knows
 * ("港元" must not match 元).
 * detectUnit("销售额（亿元）") // => { unit: "亿元", metric: "salesValue", factor: 1 }
 * detectUnit("Sales (100m yuan)") // => 亿元; detectUnit("销售面积(万平方米)") // => 万平方米
 */
export function detectUnit(text: string): UnitInfo | undefined {
  const key = headerKey(text);
  if (FOREIGN_CURRENCY.test(key)) return undefined;
  for (const u of UNITS) {
    if (u.pattern.test(key)) return { unit: u.unit, metric: u.metric, factor: u.factor };
  }
  return undefined;
}

