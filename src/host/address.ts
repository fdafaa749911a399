// A1 addresses as the in-memory host reads and writes them: sheet-qualified, quoted when Excel
// quotes, whole columns ("A:C") and whole rows ("3:5"). Kept inside host/ so host depends on no
// other module of ours at run time.

/** Excel's grid: 1,048,576 rows by 16,384 columns (A..XFD). */
export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

/** A rectangle of cells, zero-based, `rowCount` x `columnCount` cells starting at (row, column). */
export interface Rect {
  readonly row: number;
  readonly column: number;
  readonly rowCount: number;
  readonly columnCount: number;
}

/** A parsed reference: optional sheet name, the rectangle, and whether it is whole rows/columns. */
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

/** "A" for column 0, "AB" for column 27. */
export function columnLetters(column: number): string {
  let n = column + 1;
  let letters = "";
  while (n > 0) {
    const remainder = (n - 1) % 26;
    letters = String.fromCharCode(65 + remainder) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** Zero-based column of letters ("AB" → 27), or -1 when not letters or past XFD. */
export function columnFromLetters(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return -1;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1 < MAX_COLUMNS ? n - 1 : -1;
}

/** "C17" for row 16, column 2. */
export function cellAddress(row: number, column: number): string {
  return `${columnLetters(column)}${row + 1}`;
}

/** "A1:C3"; "A1" for one cell; "A:C" / "3:5" for whole columns / rows. */
export function rectAddress(rect: Rect): string {
  // The whole sheet is written as rows ("1:1048576"), as Excel does.
  if (isWholeRows(rect)) return `${rect.row + 1}:${rect.row + rect.rowCount}`;
  if (isWholeColumns(rect)) {
    return `${columnLetters(rect.column)}:${columnLetters(rect.column + rect.columnCount - 1)}`;
  }
  const start = cellAddress(rect.row, rect.column);
  if (rect.rowCount === 1 && rect.columnCount === 1) return start;
  return `${start}:${cellAddress(rect.row + rect.rowCount - 1, rect.column + rect.columnCount - 1)}`;
}

/**
 * A sheet name as written before "!": bare when it is a plain identifier, else in single quotes
 * with ' doubled. Excel quotes names with spaces, punctuation, a leading digit, or that look like
 * a cell reference ("A1", "R1C1").
 */
export function quoteSheetName(sheet: string): string {
  const plain =
    /^[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*$/.test(sheet) &&
    !/^[A-Za-z]{1,3}\d+$/.test(sheet) &&
    !/^[Rr]\d*[Cc]\d*$/.test(sheet) &&
    !/^(true|false)$/i.test(sheet);
  return plain ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** "Sheet1!A1:B2", "'My sheet'!A1". */
export function qualifiedAddress(sheet: string, rect: Rect): string {
  return `${quoteSheetName(sheet)}!${rectAddress(rect)}`;
}

/** Splits "Sheet1!A1:B2" / "'It''s'!A1" into the unquoted sheet name and the reference part. */
export function splitSheet(address: string): { sheet?: string; reference: string } {
  const text = address.trim();
  if (text.startsWith("'")) {
    // Find the closing quote that is not a doubled quote.
    let i = 1;
    while (i < text.length) {
      if (text[i] === "'") {
        if (text[i + 1] === "'") {
          i += 2;
          continue;
        }
        break;
      }
      i++;
    }
    if (i < text.length && text[i + 1] === "!") {
      return { sheet: text.slice(1, i).replace(/''/g, "'"), reference: text.slice(i + 2).trim() };
    }
  }
  const bang = text.lastIndexOf("!");
  if (bang < 0) return { reference: text };
  return { sheet: text.slice(0, bang).trim(), reference: text.slice(bang + 1).trim() };
}

const CELL_RE = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLUMN_RE = /^\$?([A-Za-z]{1,3})$/;
const ROW_RE = /^\$?(\d{1,7})$/;

/**
 * Parses "B3", "A1:C10", "A:C", "3:5", "Sheet1!A1:B2", "'My sheet'!A:D".
 * Returns undefined when the text is not a single-area A1 reference.
 */
export function parseReference(address: string): ParsedReference | undefined {
  const { sheet, reference } = splitSheet(address);
  const parts = reference.split(":");
  if (parts.length > 2 || parts.some((p) => p === "")) return undefined;
  const rect = parseParts(parts);
  if (!rect) return undefined;
  return sheet === undefined ? rect : { ...rect, sheet };
}

function parseParts(parts: string[]): Rect | undefined {
  const cells = parts.map((p) => CELL_RE.exec(p));
  if (cells.every((m) => m !== null)) {
    const points = cells.map((m) => ({ column: columnFromLetters(m![1]), row: Number(m![2]) - 1 }));
    if (points.some((p) => p.column < 0 || p.row < 0 || p.row >= MAX_ROWS)) return undefined;
    return spanning(points[0], points[points.length - 1]);
  }
  if (parts.length !== 2) return undefined;
  const columns = parts.map((p) => COLUMN_RE.exec(p));
  if (columns.every((m) => m !== null)) {
    const [a, b] = columns.map((m) => columnFromLetters(m![1]));
    if (a < 0 || b < 0) return undefined;
    return { row: 0, column: Math.min(a, b), rowCount: MAX_ROWS, columnCount: Math.abs(a - b) + 1 };
  }
  const rows = parts.map((p) => ROW_RE.exec(p));
  if (rows.every((m) => m !== null)) {
    const [a, b] = rows.map((m) => Number(m![1]) - 1);
    if (a < 0 || b < 0 || a >= MAX_ROWS || b >= MAX_ROWS) return undefined;
    return { row: Math.min(a, b), column: 0, rowCount: Math.abs(a - b) + 1, columnCount: MAX_COLUMNS };
  }
  return undefined;
}

function spanning(a: { row: number; column: number }, b: { row: number; column: number }): Rect {
  return {
    row: Math.min(a.row, b.row),
    column: Math.min(a.column, b.column),
    rowCount: Math.abs(a.row - b.row) + 1,
    columnCount: Math.abs(a.column - b.column) + 1,
  };
}

/** The overlap of two rectangles, or undefined when they do not meet. */
export function intersect(a: Rect, b: Rect): Rect | undefined {
  const row = Math.max(a.row, b.row);
  const column = Math.max(a.column, b.column);
  const lastRow = Math.min(a.row + a.rowCount, b.row + b.rowCount) - 1;
  const lastColumn = Math.min(a.column + a.columnCount, b.column + b.columnCount) - 1;
  if (lastRow < row || lastColumn < column) return undefined;
  return { row, column, rowCount: lastRow - row + 1, columnCount: lastColumn - column + 1 };
}

/** The smallest rectangle covering both. */
export function boundingRect(a: Rect, b: Rect): Rect {
  const row = Math.min(a.row, b.row);
  const column = Math.min(a.column, b.column);
  const lastRow = Math.max(a.row + a.rowCount, b.row + b.rowCount) - 1;
  const lastColumn = Math.max(a.column + a.columnCount, b.column + b.columnCount) - 1;
  return { row, column, rowCount: lastRow - row + 1, columnCount: lastColumn - column + 1 };
}

/** True when `inner` lies entirely inside `outer`. */
export function contains(outer: Rect, inner: Rect): boolean {
  return (
    inner.row >= outer.row &&
    inner.column >= outer.column &&
    inner.row + inner.rowCount <= outer.row + outer.rowCount &&
    inner.column + inner.columnCount <= outer.column + outer.columnCount
  );
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
 * Why a sheet name is not allowed in Excel, or undefined when it is: 1–31 characters, none of
 * : \ / ? * [ ], not starting or ending with an apostrophe, and not the reserved "History".
 */
export function sheetNameProblem(name: string): string | undefined {
  if (typeof name !== "string" || name.length === 0) return "empty";
  if (name.length > 31) return "longer than 31 characters";
  if (/[:\\/?*[\]]/.test(name)) return "contains one of : \\ / ? * [ ]";
  if (name.startsWith("'") || name.endsWith("'")) return "starts or ends with an apostrophe";
  if (name.toLowerCase() === "history") return "reserved name History";
  return undefined;
}

/** A legal sheet name made from any text: bad characters become "_", cut to 31 characters. */
export function legalSheetName(text: string): string {
  let name = text.replace(/[:\\/?*[\]]/g, "_").replace(/^'+|'+$/g, "").trim();
  if (name.length > 31) name = name.slice(0, 31).replace(/'+$/, "");
  if (name === "" || name.toLowerCase() === "history") name = name === "" ? "Sheet1" : "History_";
  return name;
}
