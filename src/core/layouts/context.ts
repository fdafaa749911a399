// What the series layouts share about a table's surroundings: the NBS metadata lines above it
// (数据库：, 指标：, 地区：, 时间：), its footnotes (注：, 数据来源：), the year its title, sheet or
// file name states, and which header cells are periods. A year is taken only from what the
// data or the person says; it is never guessed.

import { CellValue, cellText, Grid, isBlank } from "../cells";
import { excelSerialToDate, findPeriodInText, parsePeriod, Period } from "../periods";
import { SourceRef } from "../source";
import { removeSpaces, toHalfWidth } from "../text";

const FOOTNOTE = /^(注|数据来源|资料来源|来源|说明|备注|source|note)/i;
const META = /^(数据库|时间|指标|地区|频度|单位)[:：]/;

/** The first non-blank cell's text of a row, spaces and full-width forms folded. */
export function rowLead(row: readonly CellValue[]): string {
  for (const cell of row) if (!isBlank(cell)) return removeSpaces(toHalfWidth(cellText(cell)));
  return "";
}

/** A footnote line ("注：…", "数据来源：国家统计局", a continued note starting with spaces and a digit). */
export function isFootnote(row: readonly CellValue[]): boolean {
  const lead = rowLead(row);
  return FOOTNOTE.test(lead) || /^\d+[.、]\S/.test(lead) && row.filter((c) => !isBlank(c)).length === 1;
}

/** A metadata line of a data.stats.gov.cn export ("数据库：月度数据", "时间：2016-"). */
export function isMetadata(row: readonly CellValue[]): boolean {
  return META.test(rowLead(row));
}

/** The metadata lines above a table, by key: { 数据库: "月度数据", 指标: "…", 地区: "北京市" }. */
export function metadataOf(grid: Grid, before: number): Readonly<Record<string, string>> {
  const found: Record<string, string> = {};
  for (let r = 0; r < Math.min(before, grid.length); r++) {
    const lead = rowLead(grid[r]);
    const m = /^(数据库|时间|指标|地区|频度|单位)[:：](.*)$/.exec(lead);
    if (m !== null && found[m[1]] === undefined) found[m[1]] = m[2];
  }
  return found;
}

/**
 * Whether a table says its figures are the nation's: a national data.stats.gov.cn database
 * (月度数据, not 分省月度数据), a `地区：全国` line, or 全国 in a title, the sheet or the file name.
 */
export function saysNation(grid: Grid, headerRow: number, source: SourceRef): boolean {
  const meta = metadataOf(grid, headerRow);
  if (meta["数据库"] !== undefined && !meta["数据库"].startsWith("分省")) return true;
  if (meta["地区"] !== undefined && /^全国/.test(meta["地区"])) return true;
  const titles = grid.slice(0, headerRow).map((row) => row.map(cellText).join(" ")).join(" ");
  return /全国/.test(`${titles} ${source.sheet ?? ""} ${source.file ?? ""}`);
}

/** Where a table's year came from: the person, the title rows, the sheet name or the file name. */
export type YearSource = "person" | "title" | "sheet" | "file";

export interface ContextYear {
  readonly year: number;
  readonly from: YearSource;
}

/**
 * The year a table states outside its header: a title row above it (metadata lines aside:
 * "时间：2016-" is the export's range, not the table's year), else the sheet name, else the file
 * name. The person's year, when given, comes first: it is a correction.
 */
export function contextYear(grid: Grid, headerRow: number, source: SourceRef, personYear?: number): ContextYear | undefined {
  if (personYear !== undefined) return { year: personYear, from: "person" };
  const titles = grid
    .slice(0, headerRow)
    .filter((row) => !isMetadata(row))
    .map((row) => row.map(cellText).join(" "))
    .join(" ");
  const title = findPeriodInText(titles);
  if (title !== undefined) return { year: title.year, from: "title" };
  const sheet = source.sheet !== undefined ? findPeriodInText(source.sheet) : undefined;
  if (sheet !== undefined) return { year: sheet.year, from: "sheet" };
  const file = source.file !== undefined ? findPeriodInText(source.file) : undefined;
  if (file !== undefined) return { year: file.year, from: "file" };
  return undefined;
}

/** The period a title, sheet or file name states, with the months if it says them ("2024年1—7月"). */
export function contextPeriod(grid: Grid, headerRow: number, source: SourceRef): Period | undefined {
  const titles = grid
    .slice(0, headerRow)
    .filter((row) => !isMetadata(row))
    .map((row) => row.map(cellText).join(" "))
    .join(" ");
  return findPeriodInText(titles) ?? (source.sheet !== undefined ? findPeriodInText(source.sheet) : undefined) ?? (source.file !== undefined ? findPeriodInText(source.file) : undefined);
}

/**
 * A header cell read as a period that carries its own year ("2024年12月", "2018", "2024-12").
 * A number is a period only as a year or as a date on the first or last day of a month (what
 * Excel makes of a typed "2024-12"): any other number in a header is a figure, and reading
 * 82788 as a date would invent "2126年8月".
 */
export function headerPeriod(cell: CellValue): Period | undefined {
  if (typeof cell === "number" && !(Number.isInteger(cell) && cell >= 1900 && cell <= 2100)) {
    if (!Number.isInteger(cell)) return undefined;
    const d = excelSerialToDate(cell);
    const next = excelSerialToDate(cell + 1);
    if (d.day !== 1 && next.day !== 1) return undefined;
  }
  return parsePeriod(cell);
}

/** Months a header gives without a year: a bare 1–12, "12月", "1-2月", "1—6月". */
export interface Months {
  readonly fromMonth: number;
  readonly toMonth: number;
}

/**
 * A header cell read as months without a year, or undefined.
 * yearlessMonths(12) // => { fromMonth: 12, toMonth: 12 }; yearlessMonths("1—6月") // => 1 to 6
 * yearlessMonths("2024年6月") // => undefined (it has a year)
 */
export function yearlessMonths(cell: CellValue): Months | undefined {
  if (typeof cell === "number") return Number.isInteger(cell) && cell >= 1 && cell <= 12 ? { fromMonth: cell, toMonth: cell } : undefined;
  if (typeof cell !== "string") return undefined;
  const text = removeSpaces(toHalfWidth(cell));
  const m = /^(?:(\d{1,2})[-—–~～至到]+)?(\d{1,2})(?:月|月份)?$/.exec(text);
  if (m === null) return undefined;
  const to = Number(m[2]);
  const from = m[1] === undefined ? to : Number(m[1]);
  if (from < 1 || to > 12 || from > to) return undefined;
  return { fromMonth: from, toMonth: to };
}

/** A header cell that names the table's first column: 指标, 时间, 地区 and their kin. */
export function cornerOf(cell: CellValue): "indicator" | "time" | "region" | undefined {
  const text = removeSpaces(toHalfWidth(cellText(cell))).toLowerCase();
  if (/^(指标|指标名|指标名称|项目|indicator|indicators)$/.test(text)) return "indicator";
  if (/^(时间|日期|月份|期间|time|date|period)$/.test(text)) return "time";
  if (/^(地区|省份|地区名称|区域|省市|region|province)$/.test(text)) return "region";
  return undefined;
}
