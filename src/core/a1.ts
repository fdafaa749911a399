// A1-style cell and range addresses: the language every location in StatDesk is written in,
// so that a warning, a provenance line and the host all name cells the way Excel does.

/** Excel's sheet size: 1,048,576 rows by 16,384 columns (A..XFD). */
export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

/** A rectangle of cells, zero-based and inclusive at both ends. */
export interface CellRect {
  readonly row: number;
  readonly column: number;
  readonly rowCount: number;
  readonly columnCount: number;
}

/** A parsed address: an optional sheet name and a rectangle; whole rows or columns are flagged. */
export interface ParsedAddress extends CellRect {
  readonly sheet?: string;
  /** "A:C" — every row of the columns. */
  readonly wholeColumns: boolean;
  /** "3:5" — every column of the rows. */
  readonly wholeRows: boolean;
}

/**
 * Column letters for a zero-based column index.
 * columnLetters(0) // => "A"; columnLetters(27) // => "AB"
 */
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

/**
 * Zero-based column index of column letters, or -1 when they are not letters or lie past XFD.
 * columnIndex("AB") // => 27
 */
export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return -1;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1 < MAX_COLUMNS ? n - 1 : -1;
}

/** "C17" for zero-based row 16, column 2. */
export function cellName(row: number, column: number): string {
  return `${columnLetters(column)}${row + 1}`;
}

/** "A1:C3" for a rectangle ("A1" when it is one cell, "A:C" / "3:5" for whole columns / rows). */
export function rectName(rect: CellRect): string {
  // The whole sheet is written as rows ("1:1048576"), as Excel does.
  if (rect.column === 0 && rect.columnCount === MAX_COLUMNS) {
    return `${rect.row + 1}:${rect.row + rect.rowCount}`;
  }
  if (rect.row === 0 && rect.rowCount === MAX_ROWS) {
    return `${columnLetters(rect.column)}:${columnLetters(rect.column + rect.columnCount - 1)}`;
  }
  const start = cellName(rect.row, rect.column);
  if (rect.rowCount === 1 && rect.columnCount === 1) return start;
  return `${start}:${cellName(rect.row + rect.rowCount - 1, rect.column + rect.columnCount - 1)}`;
}

/**
 * A sheet name as it appears before "!": bare when it is a plain identifier, else in single
 * quotes with ' doubled. Excel quotes names with spaces or punctuation, a leading digit, and
 * names that read as a reference ("A1", "R1C1") or a boolean.
 * Bare means letters (any script), digits and "_" only: a quoted name is read by every program
 * ("sheet-name-special" in [MS-OI29500] 2.1.863, Part 1 §18.17.2.3), while a bare one with
 * punctuation is not — LibreOffice reads `销售（亿元）!A1`, `排行—榜!A1`, `甲、乙!A1`, a name with a
 * full-width space or `数据.v1!A1` as an error, so a summary's formulas on such a sheet would all fail.
 * quoteSheetName("Sheet1") // => "Sheet1"; quoteSheetName("2024年") // => "'2024年'"; quoteSheetName("销售（亿元）") // => "'销售（亿元）'"
 */
export function quoteSheetName(sheet: string): string {
  const plain =
    /^[\p{L}_][\p{L}\p{N}_]*$/u.test(sheet) &&
    !/^[A-Za-z]{1,3}\d+$/.test(sheet) &&
    !/^[Rr]\d*[Cc]\d*$/.test(sheet) &&
    !/^(true|false)$/i.test(sheet);
  return plain ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** "Sheet1!C17", "'2024 TOP100'!A1:D10". */
export function qualifiedAddress(sheet: string, rect: CellRect): string {
  return `${quoteSheetName(sheet)}!${rectName(rect)}`;
}

const CELL_RE = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COL_RE = /^\$?([A-Za-z]{1,3})$/;
const ROW_RE = /^\$?(\d{1,7})$/;

/** Splits "Sheet1!A1:B2" or "'It''s'!A1" into the unquoted sheet name and the reference part. */
export function splitSheet(address: string): { sheet?: string; reference: string } {
  const text = address.trim();
  if (text.startsWith("'")) {
    // The closing quote is the first ' not doubled.
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

/**
 * Parses an A1 address ("B3", "A1:C10", "A:C", "3:5", "Sheet1!A1:B2", "'2024年 TOP100'!A:D").
 * Returns undefined when the text is not an address.
 */
export function parseAddress(address: string): ParsedAddress | undefined {
  const { sheet, reference } = splitSheet(address);
  const parts = reference.split(":");
  if (parts.length < 1 || parts.length > 2 || parts.some((p) => p === "")) return undefined;
  const withSheet = (rect: Omit<ParsedAddress, "sheet">): ParsedAddress =>
    sheet === undefined ? rect : { ...rect, sheet };

  const cells = parts.map((p) => CELL_RE.exec(p));
  if (cells.every((m) => m !== null)) {
    const points = cells.map((m) => ({ column: columnIndex(m![1]), row: Number(m![2]) - 1 }));
    if (points.some((p) => p.column < 0 || p.row < 0 || p.row >= MAX_ROWS)) return undefined;
    const first = points[0];
    const last = points[points.length - 1];
    const row = Math.min(first.row, last.row);
    const column = Math.min(first.column, last.column);
    return withSheet({
      row,
      column,
      rowCount: Math.abs(last.row - first.row) + 1,
      columnCount: Math.abs(last.column - first.column) + 1,
      wholeColumns: false,
      wholeRows: false,
    });
  }
  const columns = parts.map((p) => COL_RE.exec(p));
  if (columns.every((m) => m !== null)) {
    const indexes = columns.map((m) => columnIndex(m![1]));
    if (indexes.some((i) => i < 0)) return undefined;
    const first = Math.min(...indexes);
    const last = Math.max(...indexes);
    return withSheet({ row: 0, column: first, rowCount: MAX_ROWS, columnCount: last - first + 1, wholeColumns: true, wholeRows: false });
  }
  const rows = parts.map((p) => ROW_RE.exec(p));
  if (rows.every((m) => m !== null)) {
    const indexes = rows.map((m) => Number(m![1]) - 1);
    if (indexes.some((i) => i < 0 || i >= MAX_ROWS)) return undefined;
    const first = Math.min(...indexes);
    const last = Math.max(...indexes);
    return withSheet({ row: first, column: 0, rowCount: last - first + 1, columnCount: MAX_COLUMNS, wholeColumns: false, wholeRows: true });
  }
  return undefined;
}

/** The overlap of two rectangles, or undefined when they do not meet. */
export function intersectRects(a: CellRect, b: CellRect): CellRect | undefined {
  const row = Math.max(a.row, b.row);
  const column = Math.max(a.column, b.column);
  const lastRow = Math.min(a.row + a.rowCount, b.row + b.rowCount) - 1;
  const lastColumn = Math.min(a.column + a.columnCount, b.column + b.columnCount) - 1;
  if (lastRow < row || lastColumn < column) return undefined;
  return { row, column, rowCount: lastRow - row + 1, columnCount: lastColumn - column + 1 };
}

/**
 * The sheet a name's formula points to ("='汇总_2024'!$A$1" → "汇总_2024"), or undefined for
 * #REF! (its sheet was deleted), a constant or nonsense.
 * sheetOfReference("=Sheet1!$A$1") // => "Sheet1"
 */
export function sheetOfReference(formula: unknown): string | undefined {
  if (typeof formula !== "string" || formula.includes("#REF!")) return undefined;
  const { sheet } = splitSheet(formula.replace(/^=/, ""));
  return sheet === undefined || sheet === "" ? undefined : sheet;
}
