// Header cells of ranking tables, in the words desks use (排名, 企业名称, 销售额（亿元）, Sales
// (100m yuan), 2024年销售额…): what each column holds, and for which year and unit.

import { CellValue, cellText, Grid, isBlank } from "./cells";
import { findPeriodInText, parsePeriod, Period } from "./periods";
import { headerKey } from "./text";
import { detectUnit, UnitInfo } from "./units";

/** What a ranking table's column holds. */
export type ColumnRole = "rank" | "name" | "value" | "area" | "year" | "other";

export const COLUMN_ROLES: readonly ColumnRole[] = ["rank", "name", "value", "area", "year", "other"];

/** A header cell read: the role and, when the header says so, the period, unit and basis. */
export interface HeaderCell {
  readonly role: ColumnRole;
  /** True when a keyword or a year was recognised (false for "other" text nobody knows). */
  readonly known: boolean;
  readonly period?: Period;
  readonly unit?: UnitInfo;
  /** 全口径 / 权益 / 操盘 when the header names the basis. */
  readonly basis?: string;
}

// Finance words (企业债券, 人民币贷款, 社会融资) head macro series, not enterprise names: data.xlsx's
// 社会融资规模 sheet was taken for a ranking with 企业债券 as its name column and asked for a year.
const OTHER = /同比|环比|增长|增速|增幅|涨幅|降幅|变动|变化|yoy|growth|change|占比|比重|份额|share|%|率|均价|price|城市|city|省份|province|备注|remark|note|债券|贷款|融资|存款|票据|汇票/;
const RANK = /排名|名次|排序|序号|位次|^rank|ranking|^no\.?$|^#$|^序$|^number$/;
const YEAR = /^(年份|年度|年|year|fy|period|时间|期间|报告期)$/;
const AREA = /面积|area|gfa|sqm|平方米|㎡/;
const STRONG_VALUE = /销售额|销售金额|金额|合同额|签约额|salesvalue|amount|revenue|gmv|turnover|业绩/;
const NAME = /企业|公司|房企|名称|集团|开发商|company|enterprise|developer|firm|name|group|企業/;
const WEAK_VALUE = /销售|sales|额|value|规模/;
const BASIS = /全口径|权益|操盘|并表/;

/** Removes what is not a keyword — a year or period, a unit in brackets — before matching roles. */
function roleText(key: string): string {
  return key
    .replace(/[（(][^)）]*[)）]/g, "")
    .replace(/(19|20)\d{2}(年度?|年)?/g, "")
    .replace(/\d{1,2}[-—–~]\d{1,2}月|上半年|下半年|前三季度|h[12]|全年/g, "")
    .replace(/单位[:：]?.*$/, "");
}

/**
 * The basis (口径) a header or title names: 全口径, 权益, 操盘 or 并表.
 * basisIn("2024年权益销售额（亿元）") // => "权益"
 */
export function basisIn(text: string): string | undefined {
  return BASIS.exec(headerKey(text))?.[0];
}

/**
 * Reads one header cell.
 * readHeader("销售额（亿元）") // => { role: "value", unit: 亿元 }
 * readHeader("2024年销售额") // => { role: "value", period: 2024 }
 * readHeader("2023年排名") // => { role: "rank", period: 2023 }
 * readHeader("2024年") // => { role: "value", period: 2024 } (a year alone heads an amount column)
 */
export function readHeader(cell: CellValue): HeaderCell | undefined {
  if (isBlank(cell)) return undefined;
  const raw = cellText(cell);
  const key = headerKey(raw);
  const unit = detectUnit(raw);
  const period = /(19|20)\d{2}/.test(key) ? findPeriodInText(raw) : undefined;
  const basis = basisIn(raw);
  const text = roleText(key);
  const extras = { ...(period ? { period } : {}), ...(unit ? { unit } : {}), ...(basis ? { basis } : {}) };

  if (OTHER.test(text)) return { role: "other", known: true, ...extras };
  if (RANK.test(text)) return { role: "rank", known: true, ...extras };
  if (YEAR.test(text)) return { role: "year", known: true };
  if (AREA.test(text) || unit?.metric === "salesArea") return { role: "area", known: true, ...extras };
  if (STRONG_VALUE.test(text) || (unit?.metric === "salesValue" && !NAME.test(text))) return { role: "value", known: true, ...extras };
  if (NAME.test(text)) return { role: "name", known: true, ...extras };
  if (WEAK_VALUE.test(text)) return { role: "value", known: true, ...extras };
  // A bare year or period ("2024年", 2024) heads an amount column in a wide table.
  if (text === "" && (period !== undefined || parsePeriod(cell) !== undefined)) {
    return { role: "value", known: true, period: period ?? (parsePeriod(cell) as Period), ...(unit ? { unit } : {}) };
  }
  return { role: "other", known: false, ...extras };
}

/** The roles a row of header cells names. */
export function rolesOf(row: readonly CellValue[]): Set<ColumnRole> {
  const roles = new Set<ColumnRole>();
  for (const cell of row) {
    const h = readHeader(cell);
    if (h?.known && h.role !== "other") roles.add(h.role);
  }
  return roles;
}

/** A number can head a column only as a year (2024 typed as a number in a wide table's header). */
function isHeaderNumber(cell: CellValue): boolean {
  return typeof cell !== "number" || (Number.isInteger(cell) && cell >= 1900 && cell <= 2100);
}

/**
 * Does a row look like the header of a ranking table: an enterprise column and an amount or area
 * column, and no figures (a data row "碧桂园控股有限公司 | 2000.3" names a 公司 and a year-like number).
 */
export function isRankingHeader(row: readonly CellValue[]): boolean {
  // Asked of every row read (a repeated header after a page break): a figure answers it at once.
  for (let i = 0; i < row.length; i++) if (!isHeaderNumber(row[i])) return false;
  if (row.some((c) => typeof c === "string" && /^\s*[+-]?[\d,，.]+\s*$/.test(c) && !/^\s*(19|20)\d{2}\s*$/.test(c))) return false;
  const roles = rolesOf(row);
  return roles.has("name") && (roles.has("value") || roles.has("area"));
}

/**
 * Is the row under a header a second header line — periods or units under merged cells, as in
 * 销售额（亿元） spanning 2024年 | 2023年? Every filled cell must read as a header, one of them a
 * period or unit, and none may look like an enterprise row (a long name beside numbers).
 */
export function isSubHeader(row: readonly CellValue[]): boolean {
  let filled = 0;
  let periodOrUnit = 0;
  for (const cell of row) {
    if (isBlank(cell)) continue;
    filled++;
    if (typeof cell === "number" && !(cell >= 1900 && cell <= 2100)) return false;
    const h = readHeader(cell);
    if (h === undefined || !h.known) return false;
    if (h.period !== undefined || h.unit !== undefined) periodOrUnit++;
  }
  return filled > 0 && periodOrUnit > 0;
}

/**
 * The texts of a one- or two-line header, one per column. A blank upper cell over a filled lower
 * cell takes the upper text from its left (how a merged header reads back from Range.values).
 */
export function combineHeaderRows(grid: Grid, headerRow: number, lines: 1 | 2, width: number): string[] {
  const upper = grid[headerRow] ?? [];
  const lower = lines === 2 ? grid[headerRow + 1] ?? [] : [];
  const texts: string[] = [];
  let carried = "";
  for (let c = 0; c < width; c++) {
    const top = cellText(upper[c]);
    const bottom = lines === 2 ? cellText(lower[c]) : "";
    if (top !== "") carried = top;
    const upperText = top !== "" ? top : bottom !== "" ? carried : "";
    texts.push([upperText, bottom].filter((t) => t !== "").join(" "));
  }
  return texts;
}
