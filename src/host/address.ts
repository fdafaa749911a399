// A1 addresses as the in-memory host reads and writes them. The notation itself (letters,
// quoting, parsing) is StatDesk's one implementation in core/a1 and core/sheet-name, so the
// host and the add-in can never disagree about an address; what only the host needs is here.

import { CellRect, intersectRects, MAX_COLUMNS, MAX_ROWS, parseAddress, quoteSheetName, rectName } from "../core/a1";

export { MAX_COLUMNS, MAX_ROWS, columnLetters, quoteSheetName, qualifiedAddress, splitSheet } from "../core/a1";
export { cellName as cellAddress, rectName as rectAddress } from "../core/a1";
export { legalSheetName, sheetNameProblem } from "../core/sheet-name";

/** A rectangle of cells, zero-based, `rowCount` x `columnCount` cells starting at (row, column). */
export type Rect = CellRect;

/** A parsed reference: optional sheet name and the rectangle. */
export interface ParsedReference extends Rect {
  readonly sheet?: string;
}

/** True when the rectangle spans every row (a whole-column reference such as "A:C"). */
export function isWholeColumns(rect: Rect): boolean {
  return rect.row === 0 && rect.rowCount === MAX_ROWS;
}

/** True when the rectangle spans every column (a whole-row reference such as "3:5"). */
export function isWholeRows(rect: Rect): boolean {
  return rect.column === 0 && rect.columnCount === MAX_COLUMNS;
}

/** True when a cell-level read of the rectangle would be unbounded (Excel answers null then). */
export function isUnbounded(rect: Rect): boolean {
  return isWholeColumns(rect) || isWholeRows(rect);
}

/** Parses "B3", "A1:C10", "A:C", "3:5", "Sheet1!A1:B2", "'My sheet'!A:D"; undefined when not one. */
export function parseReference(address: string): ParsedReference | undefined {
  const parsed = parseAddress(address);
  if (parsed === undefined) return undefined;
  const rect = { row: parsed.row, column: parsed.column, rowCount: parsed.rowCount, columnCount: parsed.columnCount };
  return parsed.sheet === undefined ? rect : { ...rect, sheet: parsed.sheet };
}

/** The overlap of two rectangles, or undefined when they do not meet. */
export const intersect = intersectRects;

/**
 * A sheet-qualified reference with its rows and columns absolute, as charts' series and defined
 * names keep it: "Data!$B$2:$B$6", "Data!$B$1", "'My sheet'!$A:$C" (whole columns), "Data!$3:$5".
 */
export function absoluteAddress(sheet: string, rect: Rect): string {
  // rectName decides the shape (cell, area, whole columns, whole rows); each column's letters and
  // each row's number then get their "$".
  return `${quoteSheetName(sheet)}!${rectName(rect).replace(/[A-Z]+|\d+/g, "$$$&")}`;
}

/** The smallest rectangle covering both. */
export function boundingRect(a: Rect, b: Rect): Rect {
  const row = Math.min(a.row, b.row);
  const column = Math.min(a.column, b.column);
  const lastRow = Math.max(a.row + a.rowCount, b.row + b.rowCount) - 1;
  const lastColumn = Math.max(a.column + a.columnCount, b.column + b.columnCount) - 1;
  return { row, column, rowCount: lastRow - row + 1, columnCount: lastColumn - column + 1 };
}

/** True when the rectangle lies on the grid. */
export function onGrid(rect: Rect): boolean {
  return (
    rect.row >= 0 &&
    rect.column >= 0 &&
    rect.rowCount >= 1 &&
    rect.columnCount >= 1 &&
    rect.row + rect.rowCount <= MAX_ROWS &&
    rect.column + rect.columnCount <= MAX_COLUMNS
  );
}

/**
 * Rewrites the references to one sheet in a formula ("=汇总!$A$1", "=SUM('My sheet'!B2:B9)"):
 * `replacement` is the new "Name!" prefix (quoted as needed), or "#REF!" once the sheet is gone.
 * A reference starts the formula or follows an operator, so "BA!A1" is not a reference to "A".
 */
export function replaceSheetReferences(formula: string, sheet: string, replacement: string): string {
  const prefix = `${quoteSheetName(sheet)}!`;
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return formula.replace(new RegExp(`(^|[=(,+\\-*/&^<>:;{ ])${escaped}`, "g"), (_whole, before: string) => `${before}${replacement}`);
}
