// How Excel turns what is typed (or assigned to `range.values`) into a cell value, and the small
// per-cell answers derived from a value (valueTypes, text).

/** A stored cell value: "" is an empty cell; an Excel error is kept as its literal ("#N/A"). */
export type CellValue = number | string | boolean;

/** The error literals Excel knows; a string equal to one of them is an error value. */
export const ERROR_LITERALS: ReadonlySet<string> = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
]);

/** True when the value is an Excel error ("#N/A", "#DIV/0!", …). */
export function isErrorValue(value: unknown): boolean {
  return typeof value === "string" && ERROR_LITERALS.has(value);
}

/** Excel's `valueTypes` entry for a value. */
export function valueType(value: CellValue): "Empty" | "String" | "Double" | "Boolean" | "Error" {
  if (value === "") return "Empty";
  if (typeof value === "number") return "Double";
  if (typeof value === "boolean") return "Boolean";
  return isErrorValue(value) ? "Error" : "String";
}

/**
 * The `text` of a cell. Formatted display is not modelled: numbers print with String(n),
 * booleans as TRUE/FALSE (as Excel shows them), "" stays "".
 */
export function displayText(value: CellValue): string {
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

/** What an input string becomes: its value and, when Excel would set one, a number format. */
export interface ParsedInput {
  value: CellValue;
  numberFormat?: string;
}

const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;

/**
 * Parses typed text as Excel's en-US cell entry does for the cases StatDesk meets:
 * plain numbers ("12", "-3.5", "1e3", " 7 "), thousands separators ("1,234.5" → 1234.5 shown
 * "#,##0.00"), accounting negatives ("(12)" → -12), percentages ("12%" → 0.12 shown "0%",
 * "12.5%" → 0.125 shown "0.00%"), TRUE/FALSE, and error literals. A leading apostrophe keeps
 * the rest as text. Dates and currencies are not recognised: they stay text.
 */
export function parseInput(text: string): ParsedInput {
  if (text.startsWith("'")) return { value: text.slice(1) };
  const trimmed = text.trim();
  if (trimmed === "") return { value: text };
  if (PLAIN_NUMBER.test(trimmed)) return { value: Number(trimmed) };
  if (GROUPED_NUMBER.test(trimmed)) {
    const decimals = trimmed.includes(".") ? trimmed.split(".")[1].length : 0;
    return { value: Number(trimmed.replace(/,/g, "")), numberFormat: decimals > 0 ? "#,##0.00" : "#,##0" };
  }
  const negative = /^\(([\d.,]+)\)$/.exec(trimmed);
  if (negative && (PLAIN_NUMBER.test(negative[1]) || GROUPED_NUMBER.test(negative[1]))) {
    return { value: -Number(negative[1].replace(/,/g, "")) };
  }
  const percent = /^([+-]?(?:\d+\.?\d*|\.\d+))\s*%$/.exec(trimmed);
  if (percent) {
    const digits = percent[1].includes(".") ? percent[1].split(".")[1].length : 0;
    return { value: roundFloat(Number(percent[1]) / 100), numberFormat: digits > 0 ? "0.00%" : "0%" };
  }
  const upper = trimmed.toUpperCase();
  if (upper === "TRUE") return { value: true };
  if (upper === "FALSE") return { value: false };
  if (ERROR_LITERALS.has(upper)) return { value: upper };
  return { value: text };
}

/** Removes binary noise from a division (12.5 / 100 → 0.125, not 0.12500000000000001). */
function roundFloat(x: number): number {
  return Number(x.toPrecision(15));
}

/** True for a value a range write accepts as a cell value. */
export function isCellInput(value: unknown): value is CellValue | null {
  return value === null || typeof value === "string" || typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value));
}
