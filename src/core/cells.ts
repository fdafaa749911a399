// One worksheet cell → a number, or the reason it holds none. Everything numeric that
// StatDesk reads from a grid passes through parseNumberCell, so its rules are the rules.

import { removeSpaces, toHalfWidth } from "./text";

/** What Excel's Range.values holds in a cell: numbers, strings, booleans, "" (or null) for empty. */
export type CellValue = number | string | boolean | null | undefined;

/** A 2-D block of cells as Range.values returns it (rows of columns). */
export type Grid = readonly (readonly CellValue[])[];

/** Why a cell that should hold a number does not. */
export type MissingReason =
  | "empty" // "" or null
  | "dash" // "—", "-", "－", "–", "…"
  | "not-available" // "n/a", "NA", "无", "暂无", "不详"
  | "excel-error" // "#N/A", "#DIV/0!", "#REF!", ...
  | "boolean" // TRUE / FALSE
  | "date" // a date written as text, or a date-formatted cell
  | "too-large" // a number beyond MAX_FIGURE: no sales figure, and sums of such overflow
  | "text"; // anything else that is not a number

/** How a numeric cell was written, when it was not a plain number. */
export type NumberNote =
  | "text-number" // "3430.2" typed as text
  | "thousands-separator" // "3,430.2"
  | "full-width" // "３４３０．２"
  | "percent"; // "12.5%": value is 12.5, in per cent

export type ParsedNumber =
  | { readonly ok: true; readonly value: number; readonly notes: readonly NumberNote[] }
  | { readonly ok: false; readonly reason: MissingReason; readonly text: string };

/**
 * The largest magnitude read as a figure. Any real amount is many orders below it; the bound is
 * set so that a million figures summed, times 100 for a percentage, still fit in a double (below
 * 1.8e308) — beyond it, pasted noise such as 1e308 would turn sums into Infinity and NaN.
 */
export const MAX_FIGURE = 1e300;

/** Shared by every plain number (a hundred thousand cells need not each get an empty array). */
const NO_NOTES: readonly NumberNote[] = Object.freeze([]);

const EXCEL_ERRORS = new Set([
  "#N/A", "#DIV/0!", "#REF!", "#VALUE!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!",
  "#GETTING_DATA", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!", "#N/A!",
]);
const DASHES = /^[-－—–―‐‑‒⁃一~～…]+$/;
const NOT_AVAILABLE = /^(n\/?a|na|nan|null|none|无|暂无|不详|空|未公布|未披露|-+)$/i;
const TEXT_DATE = /^\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?$/;
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;

/** Is this text one of Excel's error values (as Range.values reports them)? */
export function isExcelError(text: string): boolean {
  return text.includes("#") && EXCEL_ERRORS.has(text.trim().toUpperCase());
}

/** What removeSpaces (text.ts) removes, and nothing else: a test, so no copy is made per cell. */
const ONLY_SPACES = /^[\s\u00a0\u3000\u200b\ufeff]*$/;

/** Could this UTF-16 code unit be one of ONLY_SPACES' characters (\s, U+200B, U+FEFF)? */
function maybeSpace(code: number): boolean {
  return code <= 0x20 || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200b) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** Is the cell empty: "", null, undefined, or only white space? */
export function isBlank(cell: CellValue): boolean {
  if (cell === null || cell === undefined) return true;
  if (typeof cell !== "string") return false;
  // A text whose first character is no space is not blank: names and figures are answered without a RegExp.
  return cell.length === 0 || (maybeSpace(cell.charCodeAt(0)) && ONLY_SPACES.test(cell));
}

/** Is every cell of the row blank? A loop rather than every(): it runs for every row read. */
export function isBlankRow(row: readonly CellValue[]): boolean {
  for (let i = 0; i < row.length; i++) if (!isBlank(row[i])) return false;
  return true;
}

/** The widest row's length: a grid's column count. */
export function gridWidth(grid: Grid): number {
  let width = 0;
  for (let r = 0; r < grid.length; r++) if (grid[r].length > width) width = grid[r].length;
  return width;
}

/** The cell as display text (numbers in JavaScript's shortest form, "" for empty). */
export function cellText(cell: CellValue): string {
  if (cell === null || cell === undefined) return "";
  return typeof cell === "string" ? cell.trim() : String(cell);
}

/**
 * Reads a number from a cell the way a statistician would read it off the sheet.
 * Numbers pass through; text numbers ("3,430.2", "３４３０．２", "12.5%", "(12.5)" is not accepted)
 * are read with a note saying how they were written; dashes, "n/a", Excel errors, booleans,
 * dates and other text give the reason there is no number. A number format that marks the
 * cell as a date (when the caller knows it) makes it a date.
 * parseNumberCell("3,430.2") // => { ok: true, value: 3430.2, notes: ["text-number", "thousands-separator"] }
 * parseNumberCell("—") // => { ok: false, reason: "dash", text: "—" }
 */
export function parseNumberCell(cell: CellValue, numberFormat?: string): ParsedNumber {
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) return { ok: false, reason: "text", text: String(cell) };
    if (numberFormat !== undefined && isDateFormat(numberFormat)) return { ok: false, reason: "date", text: String(cell) };
    if (Math.abs(cell) > MAX_FIGURE) return { ok: false, reason: "too-large", text: String(cell) };
    return { ok: true, value: cell, notes: NO_NOTES };
  }
  if (typeof cell === "boolean") return { ok: false, reason: "boolean", text: cell ? "TRUE" : "FALSE" };
  if (cell === null || cell === undefined) return { ok: false, reason: "empty", text: "" };

  const original = cell.trim();
  if (original === "") return { ok: false, reason: "empty", text: "" };
  if (isExcelError(original)) return { ok: false, reason: "excel-error", text: original };

  const notes: NumberNote[] = ["text-number"];
  const halfWidth = toHalfWidth(original);
  if (halfWidth !== original) notes.push("full-width");
  let text = removeSpaces(halfWidth).replace(/[，]/g, ",");

  if (DASHES.test(text)) return { ok: false, reason: "dash", text: original };
  if (NOT_AVAILABLE.test(text)) return { ok: false, reason: "not-available", text: original };
  if (/^(true|false)$/i.test(text)) return { ok: false, reason: "boolean", text: original };
  if (TEXT_DATE.test(text)) return { ok: false, reason: "date", text: original };

  if (text.endsWith("%")) {
    notes.push("percent");
    text = text.slice(0, -1);
  }
  if (GROUPED_NUMBER.test(text)) {
    notes.push("thousands-separator");
    text = text.replace(/,/g, "");
  }
  if (!PLAIN_NUMBER.test(text)) return { ok: false, reason: "text", text: original };
  const value = Number(text);
  if (!Number.isFinite(value)) return { ok: false, reason: "text", text: original };
  if (Math.abs(value) > MAX_FIGURE) return { ok: false, reason: "too-large", text: original };
  return { ok: true, value, notes };
}

/**
 * Does an Excel number format display a date or time? Looks for d, m, y, h, s codes outside
 * quoted text, brackets and escapes; "General", "0.0", "@" and "[Red]0.0" are not dates.
 * isDateFormat("yyyy/m/d") // => true; isDateFormat("#,##0.0") // => false
 */
export function isDateFormat(numberFormat: string): boolean {
  const withoutLiterals = numberFormat
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[(?!h\]|m\]|s\]|hh\]|mm\]|ss\])[^\]]*\]/gi, "");
  if (/^general$/i.test(withoutLiterals.trim())) return false;
  return /[dmyhs]/i.test(withoutLiterals.replace(/e[+-]/gi, ""));
}
