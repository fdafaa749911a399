// Range and its format objects (font, fill, borders), described once per Excel type: cell-level
// arrays that must match the range's shape, null for unbounded reads, uniform-or-null format
// reads, and the protected-sheet and size limits.

import {
  MAX_COLUMNS,
  MAX_ROWS,
  Rect,
  boundingRect,
  intersect,
  isUnbounded,
  isWholeColumns,
  isWholeRows,
  onGrid,
  parseReference,
  qualifiedAddress,
} from "./address";
import { ApiEnv, ApiObject, ApiType, Check, Prop, collectionOf, asBoolean, asColor, asInteger, fixed, lowerFirst, nonEmpty, nothing, oneOf, optional, orNull, uniform, within } from "./api";
import { HostError, accessDenied, invalidArgument, itemNotFound, standardError } from "./errors";
import { cellValue } from "./formula";
import { BorderModel, CellEdge, CellStyle, FontModel, SheetModel, STANDARD_ROW_HEIGHT } from "./model";
import { CellValue, displayText, isCellInput, parseInput, valueType } from "./values";

/** A range's state, shared by its format objects: alive while its sheet is. */
export interface OnRange {
  sheet: SheetModel;
  rect: Rect;
}

/** Hook for ranges to reach worksheet objects without an import cycle (set by api-workbook). */
export const rangeLinks: { worksheet?: (o: ApiObject, sheet: SheetModel) => ApiObject } = {};

/** Throws AccessDenied when the sheet is protected (Excel's answer to any edit of a locked cell). */
export function guardEditable(sheet: SheetModel, location: string): void {
  if (sheet.protection.protected) {
    const err = accessDenied();
    err.location = location;
    throw err;
  }
}

/** Resolves an address argument ("A1:B2", "Sheet1!A1", a defined name) on a default sheet. */
export function resolveAddress(env: ApiEnv, address: string, defaultSheet: SheetModel | undefined): OnRange {
  const wb = env.workbook;
  const parsed = parseReference(address);
  if (parsed) {
    const sheet = parsed.sheet !== undefined ? wb.sheet(parsed.sheet) : defaultSheet;
    if (!sheet || (parsed.sheet !== undefined && sheet.name.toLowerCase() !== parsed.sheet.toLowerCase())) throw invalidArgument(`address ${address}`);
    return { sheet, rect: parsed };
  }
  const named = wb.namedItem(address, defaultSheet) ?? wb.namedItem(address);
  const target = named && wb.rangeOf(named.formula);
  if (target) return target;
  throw invalidArgument(`address ${address}`);
}

/** A `Range | string` argument (a live Range proxy, or an address or name as resolveAddress reads it). */
export function rangeArgument(env: ApiEnv, arg: unknown, defaultSheet: SheetModel | undefined): OnRange {
  const range = arg instanceof ApiObject ? arg.stateAs(RANGE) : undefined;
  if (range) {
    (arg as ApiObject).checkAlive();
    return { sheet: range.sheet, rect: range.rect };
  }
  if (typeof arg === "string") return resolveAddress(env, arg, defaultSheet);
  throw invalidArgument("a range or an address is required");
}

/** The range `rect` of `sheet`; InvalidArgument when it would leave the grid. */
export function rangeAt(o: ApiObject, sheet: SheetModel, rect: Rect): ApiObject {
  if (!onGrid(rect)) throw invalidArgument("the range would leave the grid");
  return o.make(RANGE, { sheet, rect });
}

// ---------------------------------------------------------------------------------------------
// Range

/**
 * Whether a cell-level read of Range.`name` answers cells: false when the range is unbounded
 * (Excel answers null), or past the cell limit on a host told to answer null; otherwise throws
 * past the cell limit.
 */
function bounded({ rect: r }: OnRange, env: ApiEnv, name: string): boolean {
  if (isUnbounded(r)) return false;
  const count = r.rowCount * r.columnCount;
  if (count > env.maxCellsPerRead) {
    // Audit row 6: "On all platforms, a range is limited to five million cells for get
    // operations" ([P] "Performance optimization…", [L] "Resource limits…"), answered with
    // RangeExceedsLimit ([E] "Error handling…"), on the desktop too. Some builds answer null
    // instead (office-js #4783): HostOptions.overCellLimit.
    if (env.overCellLimit === "null") return false;
    const err = new HostError("RangeExceedsLimit", `${standardError("RangeExceedsLimit").message} (${count} cells of Range.${name}; the limit is ${env.maxCellsPerRead}.)`);
    err.location = `Range.${lowerFirst(name)}`;
    throw err;
  }
  return true;
}

/** A cell-level read: each cell's value (a formula's result) through `map`, in one pass over the sheet's rows. */
const valueCells = (name: string, map: (value: CellValue) => unknown): Prop<OnRange> => ({
  get: (s, o) => {
    if (!bounded(s, o.env, name)) return null;
    const { sheet, rect: r } = s;
    const values = sheet.values(r) as unknown[][];
    const hasFormulas = sheet.workbook.formulaCount > 0;
    for (let i = 0; i < r.rowCount; i++) {
      const line = values[i];
      for (let j = 0; j < r.columnCount; j++) line[j] = map(hasFormulas ? cellValue(sheet, r.row + i, r.column + j) : (line[j] as CellValue));
    }
    return values;
  },
});

/** A cell-level 2-D read of anything else (formulas, number formats). */
function cells(name: string, read: (sheet: SheetModel, row: number, column: number) => unknown) {
  return (s: OnRange, o: ApiObject): unknown[][] | null => {
    if (!bounded(s, o.env, name)) return null;
    const r = s.rect;
    return Array.from({ length: r.rowCount }, (_, i) => Array.from({ length: r.columnCount }, (_, j) => read(s.sheet, r.row + i, r.column + j)));
  };
}

/**
 * Writes a cell-level property: a 2-D array of the range's shape, or one value for every cell
 * (Excel broadcasts a single non-array value). Null entries leave their cell unchanged.
 * Checks everything before changing anything.
 */
function writeCells({ sheet, rect: r }: OnRange, name: string, input: unknown, apply: (sheet: SheetModel, row: number, column: number, value: CellValue) => void): void {
  if (isUnbounded(r)) throw invalidArgument(`Range.${name} cannot be set on a whole row or column`);
  guardEditable(sheet, `Range.${name}`);
  if (!Array.isArray(input)) {
    if (!isCellInput(input) || input === null) throw invalidArgument(`Range.${name}: unsupported value`);
    checkCellText(input, name);
    for (let i = 0; i < r.rowCount; i++) for (let j = 0; j < r.columnCount; j++) apply(sheet, r.row + i, r.column + j, input);
    return;
  }
  if (input.length !== r.rowCount) throw invalidArgument(`Range.${name}: ${input.length} rows given for a range of ${r.rowCount} rows`);
  for (const line of input) {
    if (!Array.isArray(line) || line.length !== r.columnCount) throw invalidArgument(`Range.${name}: each row must have ${r.columnCount} values`);
    for (const v of line) {
      if (!isCellInput(v) && v !== undefined) throw invalidArgument(`Range.${name}: unsupported value ${String(v)}`);
      checkCellText(v, name);
    }
  }
  for (let i = 0; i < r.rowCount; i++) {
    const line = input[i] as (CellValue | null | undefined)[];
    for (let j = 0; j < r.columnCount; j++) {
      const v = line[j];
      if (v !== null && v !== undefined) apply(sheet, r.row + i, r.column + j, v);
    }
  }
}

/** A cell-level property read by `read` and written cell by cell by `apply`. */
const cellProp = (name: string, read: (sheet: SheetModel, row: number, column: number) => unknown, apply: (sheet: SheetModel, row: number, column: number, value: CellValue) => void): Prop<OnRange> => ({
  get: cells(name, read),
  set: (s, v) => writeCells(s, name, v, apply),
});

const formulas = cellProp("Formulas", (sheet, row, col) => sheet.formula(row, col) ?? sheet.value(row, col), (sheet, row, col, v) => writeValue(sheet, row, col, v, true));
const numberFormats = cellProp(
  "NumberFormat",
  (sheet, row, col) => sheet.workbook.styles.get(sheet.styleId(row, col)).numberFormat,
  (sheet, row, col, v) => setNumberFormat(sheet, row, col, v === "" ? "General" : String(v)),
);
const address: Prop<OnRange> = { get: (s) => qualifiedAddress(s.sheet.name, s.rect) };
const rangeOf = <T>(read: (r: Rect, sheet: SheetModel) => T, hidden = false): Prop<OnRange> => ({ get: (s) => read(s.rect, s.sheet), hidden });

/**
 * Range.rowHidden (ExcelApi 1.2): true when every row of the range is hidden, false when none is,
 * null when some are ("Represents if all rows in the current range are hidden … null when some
 * rows in a range are hidden and other rows in the same range are not hidden",
 * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-rowhidden-member).
 * A write hides or shows every row of the range; whole columns are cut to the rows in use.
 */
const rowHidden: Prop<OnRange> = {
  get: ({ sheet, rect }) => {
    let hidden = 0;
    for (let r = rect.row; r < rect.row + rect.rowCount; r++) if (sheet.hiddenRows.has(r)) hidden++;
    return hidden === 0 ? false : hidden === rect.rowCount ? true : null;
  },
  set: ({ sheet, rect }, value) => {
    const hide = asBoolean(value, "rowHidden");
    guardEditable(sheet, "Range.rowHidden");
    const used = sheet.usedRect(false);
    const end = isWholeColumns(rect) && used !== undefined ? Math.min(rect.row + rect.rowCount, used.row + used.rowCount) : rect.row + rect.rowCount;
    for (let r = rect.row; r < end; r++) {
      if (hide) sheet.hiddenRows.add(r);
      else sheet.hiddenRows.delete(r);
    }
  },
};
const count = (arg: unknown) => optional(arg, 1, asInteger, "count");
const lastRow = (r: Rect) => r.row + r.rowCount - 1;
const lastColumn = (r: Rect) => r.column + r.columnCount - 1;

/** Methods that answer another range of the same sheet, worked out from this one's rectangle. */
const MOVES: Record<string, (r: Rect, args: unknown[]) => Rect> = {
  GetCell: (r, [i, j]) => ({ row: r.row + asInteger(i, "row"), column: r.column + asInteger(j, "column"), rowCount: 1, columnCount: 1 }),
  GetRow: (r, [i]) => ({ ...r, row: r.row + index(i, r.rowCount, "row"), rowCount: 1 }),
  GetColumn: (r, [j]) => ({ ...r, column: r.column + index(j, r.columnCount, "column"), columnCount: 1 }),
  GetOffsetRange: (r, [i, j]) => ({ ...r, row: r.row + asInteger(i, "rowOffset"), column: r.column + asInteger(j, "columnOffset") }),
  GetResizedRange: (r, [i, j]) => ({ ...r, rowCount: r.rowCount + asInteger(i, "deltaRows"), columnCount: r.columnCount + asInteger(j, "deltaColumns") }),
  GetAbsoluteResizedRange: (r, [i, j]) => ({ ...r, rowCount: asInteger(i, "numRows"), columnCount: asInteger(j, "numColumns") }),
  GetLastRow: (r) => ({ ...r, row: lastRow(r), rowCount: 1 }),
  GetLastColumn: (r) => ({ ...r, column: lastColumn(r), columnCount: 1 }),
  GetLastCell: (r) => ({ row: lastRow(r), column: lastColumn(r), rowCount: 1, columnCount: 1 }),
  GetEntireColumn: (r) => ({ row: 0, column: r.column, rowCount: MAX_ROWS, columnCount: r.columnCount }),
  GetEntireRow: (r) => ({ row: r.row, column: 0, rowCount: r.rowCount, columnCount: MAX_COLUMNS }),
  GetRowsAbove: (r, [n]) => ({ ...r, row: r.row - count(n), rowCount: count(n) }),
  GetRowsBelow: (r, [n]) => ({ ...r, row: r.row + r.rowCount, rowCount: count(n) }),
  GetColumnsBefore: (r, [n]) => ({ ...r, column: r.column - count(n), columnCount: count(n) }),
  GetColumnsAfter: (r, [n]) => ({ ...r, column: r.column + r.columnCount, columnCount: count(n) }),
};

function index(arg: unknown, size: number, what: string): number {
  const i = asInteger(arg, what);
  if (i < 0 || i >= size) throw invalidArgument(`${what} index outside the range`);
  return i;
}

/** The rectangle of a range argument, which must be on the range's own sheet. */
function otherRect(o: ApiObject, s: OnRange, arg: unknown): Rect {
  const { sheet, rect } = rangeArgument(o.env, arg, s.sheet);
  if (sheet !== s.sheet) throw invalidArgument("the ranges are on different worksheets");
  return rect;
}

/** A method that edits the sheet: refused on a protected sheet. */
const editing =
  (member: string, run: (s: OnRange, args: unknown[], o: ApiObject) => void) =>
  (s: OnRange, args: unknown[], o: ApiObject): undefined => {
    guardEditable(s.sheet, member);
    run(s, args, o);
    return undefined;
  };

const CLEAR_TYPES = ["All", "Formats", "Contents", "Hyperlinks", "RemoveHyperlinks", "ResetContents"] as const;

export const RANGE: ApiType<OnRange> = {
  name: "Range",
  reference: {
    key: "range",
    write: ({ sheet, rect: r }) => [sheet.id, r.row, r.column, r.rowCount, r.columnCount],
    read: ([sheetId, ...numbers], wb) => {
      const sheet = wb.sheetById(sheetId);
      if (!sheet) throw new HostError("InvalidReference", `The referenced worksheet no longer exists.`);
      const [row, column, rowCount, columnCount] = numbers.map(Number);
      return { sheet, rect: { row, column, rowCount, columnCount } };
    },
  },
  props: {
    Address: address,
    AddressLocal: address,
    CellCount: rangeOf((r) => r.rowCount * r.columnCount),
    ColumnCount: rangeOf((r) => r.columnCount),
    ColumnHidden: fixed(false),
    ColumnIndex: rangeOf((r) => r.column),
    Formulas: formulas,
    FormulasLocal: formulas,
    Hidden: fixed(false),
    IsEntireColumn: rangeOf(isWholeColumns),
    IsEntireRow: rangeOf(isWholeRows),
    NumberFormat: numberFormats,
    NumberFormatLocal: numberFormats,
    RowCount: rangeOf((r) => r.rowCount),
    RowHidden: rowHidden,
    RowIndex: rangeOf((r) => r.row),
    Text: valueCells("Text", displayText),
    Values: { ...valueCells("Values", (v) => v), set: (s, v) => writeCells(s, "Values", v, (sheet, row, col, x) => writeValue(sheet, row, col, x, false)) },
    ValueTypes: valueCells("ValueTypes", valueType),
    Top: rangeOf((r, sheet) => sheet.rowTop(r.row), true),
    Left: rangeOf((r, sheet) => sheet.columnLeft(r.column), true),
    Height: rangeOf((r, sheet) => sheet.rowTop(r.row + r.rowCount) - sheet.rowTop(r.row), true),
    Width: rangeOf((r, sheet) => sheet.columnLeft(r.column + r.columnCount) - sheet.columnLeft(r.column), true),
  },
  navs: {
    Format: (s, o) => o.make(RANGE_FORMAT, s),
    Worksheet: (s, o) => rangeLinks.worksheet!(o, s.sheet),
  },
  methods: {
    ...Object.fromEntries(Object.entries(MOVES).map(([name, move]) => [name, (s: OnRange, args: unknown[], o: ApiObject) => rangeAt(o, s.sheet, move(s.rect, args))])),
    ...orNull<OnRange>("GetIntersection", (s, args, o) => {
      const overlap = intersect(s.rect, otherRect(o, s, args[0]));
      return overlap ? rangeAt(o, s.sheet, overlap) : itemNotFound();
    }),
    ...orNull<OnRange>("GetUsedRange", (s, args, o) => {
      const used = s.sheet.usedRect(args[0] === true);
      const overlap = used ? intersect(used, s.rect) : undefined;
      return overlap ? rangeAt(o, s.sheet, overlap) : itemNotFound();
    }),
    GetBoundingRect: (s, args, o) => rangeAt(o, s.sheet, boundingRect(s.rect, otherRect(o, s, args[0]))),
    Select: (s) => s.sheet.workbook.select(s.sheet, s.rect),
    Merge: editing("Range.merge", (s, args) => mergeRange(s.sheet, s.rect, args[0] === true)),
    Unmerge: editing("Range.unmerge", (s) => (s.sheet.merges = s.sheet.merges.filter((m) => !intersect(m, s.rect)))),
    Clear: editing("Range.clear", (s, args) => {
      const applyTo = optional(args[0], "All", oneOf(CLEAR_TYPES), "applyTo");
      s.sheet.clear(s.rect, applyTo === "All" || applyTo === "Contents" || applyTo === "ResetContents", applyTo === "All" || applyTo === "Formats");
    }),
    CopyFrom: editing("Range.copyFrom", (s, args, o) => copyFrom(s, rangeArgument(o.env, args[0], s.sheet), args)),
    Calculate: nothing,
    _ValidateArraySize: ({ rect: r }, args) => {
      // The client sends this before splitting a large write into row chunks.
      if (args[0] !== r.rowCount || args[1] !== r.columnCount) {
        throw invalidArgument(`an array of ${String(args[0])} x ${String(args[1])} values does not fit a range of ${r.rowCount} x ${r.columnCount} cells`);
      }
    },
  },
};

/** copyFrom(source, copyType, skipBlanks, transpose): values/formulas and/or formats. */
function copyFrom(target: OnRange, source: OnRange, args: unknown[]): void {
  const type = optional(args[1], "All", oneOf(["All", "Formulas", "Values", "Formats"] as const), "copyType");
  const skipBlanks = args[2] === true;
  const transpose = args[3] === true;
  const src = source.rect;
  if (isUnbounded(src)) throw invalidArgument("copyFrom of a whole row or column is not supported");
  const rows = transpose ? src.columnCount : src.rowCount;
  const cols = transpose ? src.rowCount : src.columnCount;
  // Read everything first so overlapping source and target copy correctly.
  const cells: { value: CellValue; formula?: string; style: number }[][] = [];
  for (let i = 0; i < src.rowCount; i++) {
    const line = [];
    for (let j = 0; j < src.columnCount; j++) {
      const row = src.row + i;
      const col = src.column + j;
      line.push({ value: cellValue(source.sheet, row, col), formula: source.sheet.formula(row, col), style: source.sheet.styleId(row, col) });
    }
    cells.push(line);
  }
  const styles = target.sheet.workbook.styles;
  const sourceStyles = source.sheet.workbook.styles;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const cell = transpose ? cells[j][i] : cells[i][j];
      if (skipBlanks && cell.value === "" && !cell.formula) continue;
      const row = target.rect.row + i;
      const col = target.rect.column + j;
      if (!onGrid({ row, column: col, rowCount: 1, columnCount: 1 })) continue;
      if (type === "All" || type === "Formats") {
        target.sheet.setStyleId(row, col, styles === sourceStyles ? cell.style : styles.intern(sourceStyles.get(cell.style)));
      }
      if (type === "All" || type === "Formulas") {
        if (cell.formula) target.sheet.setFormula(row, col, cell.formula, cell.value);
        else target.sheet.setValue(row, col, cell.value);
      } else if (type === "Values") target.sheet.setValue(row, col, cell.value);
    }
  }
}

/**
 * The most characters a cell holds: 32,767 (audit row 24; support.microsoft.com "Excel
 * specifications and limits", "Total number of characters that a cell can contain"). The code
 * Excel answers for a longer text is not documented; InvalidArgument is the one it gives for any
 * other value a range refuses.
 */
export const MAX_CELL_CHARS = 32_767;

function checkCellText(value: unknown, property: string): void {
  if (typeof value === "string" && value.length > MAX_CELL_CHARS) {
    throw invalidArgument(`Range.${property}: a text of ${value.length} characters; a cell holds at most ${MAX_CELL_CHARS}`);
  }
}

/**
 * The formula a written text becomes, if any. Audit row 24: "If the returned value starts with a
 * plus ("+"), minus ("-"), or equal sign ("="), Excel interprets this value as a formula" (the
 * typings' Range.values, [T]): "+1.2" is the formula "=+1.2" and "-万科" is "=-万科" (#NAME?). A
 * minus before a number is that negative number, as typing it is ("-3.5" → -3.5); a lone
 * "+" or "-" is text. A text formatted "@" stays text (the caller checks that first).
 */
function formulaOfText(text: string): string | undefined {
  if (text.length < 2) return undefined;
  if (text.startsWith("=")) return text;
  if (text.startsWith("+")) return `=${text}`;
  if (text.startsWith("-") && typeof parseInput(text).value === "string") return `=${text}`;
  return undefined;
}

/** Writes one value as Excel's cell entry does (numbers from text, "=" formulas, "@" keeps text). */
function writeValue(sheet: SheetModel, row: number, column: number, value: CellValue, asFormula: boolean): void {
  if (typeof value !== "string") {
    sheet.setValue(row, column, value);
    return;
  }
  const style = sheet.style(row, column);
  if (style.numberFormat === "@") {
    sheet.setValue(row, column, value);
    return;
  }
  const formula = formulaOfText(value);
  if (formula !== undefined) {
    sheet.setFormula(row, column, formula, "");
    return;
  }
  if (asFormula && value === "") {
    sheet.setValue(row, column, "");
    return;
  }
  const parsed = parseInput(value);
  sheet.setValue(row, column, parsed.value);
  if (parsed.numberFormat && style.numberFormat === "General") setNumberFormat(sheet, row, column, parsed.numberFormat);
}

function setNumberFormat(sheet: SheetModel, row: number, column: number, format: string): void {
  sheet.setStyleId(row, column, sheet.workbook.styles.derive(sheet.styleId(row, column), `nf=${format}`, (s) => ({ ...s, numberFormat: format })));
}

/** Merges a rectangle (or each of its rows when `across`), keeping only the top-left value. */
function mergeRange(sheet: SheetModel, rect: Rect, across: boolean): void {
  if (isUnbounded(rect)) throw invalidArgument("cannot merge whole rows or columns");
  const areas: Rect[] = across
    ? Array.from({ length: rect.rowCount }, (_, i) => ({ row: rect.row + i, column: rect.column, rowCount: 1, columnCount: rect.columnCount }))
    : [rect];
  for (const area of areas) {
    if (area.rowCount * area.columnCount < 2) continue;
    sheet.merges = sheet.merges.filter((m) => !intersect(m, area));
    for (let r = area.row; r < area.row + area.rowCount; r++) {
      for (let c = area.column; c < area.column + area.columnCount; c++) {
        if (r !== area.row || c !== area.column) sheet.setValue(r, c, "");
      }
    }
    sheet.merges.push(area);
  }
}


/** Every distinct style in force over a rectangle (approximate for whole rows/columns). */
function stylesOver(sheet: SheetModel, rect: Rect): CellStyle[] {
  const ids = new Set<number>();
  if (isUnbounded(rect)) {
    sheet.forEachRow(rect, (r) => {
      const last = Math.min(rect.column + rect.columnCount, MAX_COLUMNS);
      for (let c = rect.column; c < last && c < rect.column + 64; c++) ids.add(sheet.styleId(r, c));
    });
    if (isWholeColumns(rect)) {
      for (let c = rect.column; c < rect.column + rect.columnCount; c++) ids.add(sheet.columnStyles.get(c) ?? 0);
    } else {
      for (let r = rect.row; r < rect.row + rect.rowCount; r++) ids.add(sheet.rowStyles.get(r) ?? 0);
    }
  } else {
    for (let r = rect.row; r < rect.row + rect.rowCount; r++) {
      for (let c = rect.column; c < rect.column + rect.columnCount; c++) ids.add(sheet.styleId(r, c));
    }
  }
  const styles = sheet.workbook.styles;
  return [...ids].map((id) => styles.get(id));
}


/** Approximate text width in points of a value in a style (Calibri 11 ≈ 7 px per character). */
function textWidthPoints(text: string, style: CellStyle): number {
  let units = 0;
  for (const ch of text) units += ch.charCodeAt(0) > 0x2e80 ? 2 : 1; // CJK characters are about twice as wide
  const px = units * 7 * (style.font.size / 11) * (style.font.bold ? 1.1 : 1) + 5;
  return Math.round(px * 0.75 * 4) / 4;
}

/** Sets each column's width to fit its widest value (approximately; empty columns get the standard width). */
function autofitColumns(sheet: SheetModel, rect: Rect): void {
  const used = sheet.usedRect(true);
  const area = used ? intersect(used, rect) : undefined;
  const first = isWholeRows(rect) ? area?.column ?? 0 : rect.column;
  const last = isWholeRows(rect) ? (area ? area.column + area.columnCount : 0) : rect.column + rect.columnCount;
  const widths = new Map<number, number>();
  if (area) {
    sheet.forEachRow(area, (r) => {
      for (let c = area.column; c < area.column + area.columnCount; c++) {
        const v = cellValue(sheet, r, c);
        if (v === "" || sheet.mergeAt(r, c)) continue;
        const style = sheet.style(r, c);
        const text = style.wrapText ? displayText(v).split("\n").reduce((a, b) => (a.length > b.length ? a : b), "") : displayText(v);
        widths.set(c, Math.max(widths.get(c) ?? 0, textWidthPoints(text, style)));
      }
    });
  }
  for (let c = first; c < last; c++) {
    const w = widths.get(c);
    if (w === undefined) sheet.columnWidths.delete(c);
    else sheet.columnWidths.set(c, Math.max(w, 8));
  }
}

/** Sets each row's height to fit its tallest cell (font size and wrapped lines). */
function autofitRows(sheet: SheetModel, rect: Rect): void {
  const used = sheet.usedRect(false);
  const area = used ? intersect(used, rect) : undefined;
  if (!area) return;
  for (let r = area.row; r < area.row + area.rowCount; r++) {
    let height = 0;
    for (let c = area.column; c < area.column + area.columnCount; c++) {
      const style = sheet.style(r, c);
      const v = cellValue(sheet, r, c);
      const lines = style.wrapText && typeof v === "string" ? v.split("\n").length : 1;
      height = Math.max(height, lines * style.font.size * 1.36);
    }
    const fitted = Math.round(Math.max(height, STANDARD_ROW_HEIGHT) * 4) / 4;
    if (fitted === STANDARD_ROW_HEIGHT) sheet.rowHeights.delete(r);
    else sheet.rowHeights.set(r, Math.min(fitted, 409));
  }
}


/** The cells and the cell edge that carry a range-level border. */
function borderCells(rect: Rect, index: BorderIndex): { rect: Rect; edge: CellEdge } | undefined {
  const lastRow = rect.row + rect.rowCount - 1;
  const lastColumn = rect.column + rect.columnCount - 1;
  switch (index) {
    case "EdgeTop":
      return { rect: { ...rect, rowCount: 1 }, edge: "EdgeTop" };
    case "EdgeBottom":
      return { rect: { ...rect, row: lastRow, rowCount: 1 }, edge: "EdgeBottom" };
    case "EdgeLeft":
      return { rect: { ...rect, columnCount: 1 }, edge: "EdgeLeft" };
    case "EdgeRight":
      return { rect: { ...rect, column: lastColumn, columnCount: 1 }, edge: "EdgeRight" };
    case "InsideHorizontal":
      return rect.rowCount > 1 ? { rect: { ...rect, rowCount: rect.rowCount - 1 }, edge: "EdgeBottom" } : undefined;
    case "InsideVertical":
      return rect.columnCount > 1 ? { rect: { ...rect, columnCount: rect.columnCount - 1 }, edge: "EdgeRight" } : undefined;
    case "DiagonalDown":
    case "DiagonalUp":
      return { rect, edge: index };
  }
}


// ---------------------------------------------------------------------------------------------
// Format objects: each write is refused on a protected sheet; each read is the value every cell
// shares, or null when they differ (uniform).

const guardSet = (s: OnRange, location: string) => guardEditable(s.sheet, location);
let styleKeys = 0;

/** A format property kept in the cells' styles: read uniform-or-null, written to every cell. */
function styleProp<T>(read: (style: CellStyle) => unknown, check: Check, write: (style: CellStyle, value: T) => CellStyle): Prop<OnRange> {
  const key = `p${++styleKeys}`;
  return {
    get: (s) => uniform(stylesOver(s.sheet, s.rect).map(read)),
    check,
    set: (s, v: T) => s.sheet.updateStyle(s.rect, `${key}=${String(v)}`, (style) => write(style, v)),
  };
}

const fontProp = (key: keyof FontModel, check: Check) => styleProp((st) => st.font[key], check, (st, v) => ({ ...st, font: { ...st.font, [key]: v } }));
const alignment = (key: "horizontalAlignment" | "verticalAlignment" | "wrapText" | "indentLevel", check: Check) =>
  styleProp((st) => st[key], check, (st, v) => ({ ...st, [key]: v }));

/** Column widths or row heights: where a sheet keeps them and which of them a range spans. */
interface Dimension {
  sizes(sheet: SheetModel): Map<number, number>;
  size(sheet: SheetModel, index: number): number;
  span(r: Rect): { first: number; count: number; all: boolean };
}
const COLUMNS: Dimension = {
  sizes: (sheet) => sheet.columnWidths,
  size: (sheet, c) => sheet.columnWidth(c),
  span: (r) => ({ first: r.column, count: r.columnCount, all: isWholeRows(r) }),
};
const ROWS: Dimension = {
  sizes: (sheet) => sheet.rowHeights,
  size: (sheet, r) => sheet.rowHeight(r),
  span: (r) => ({ first: r.row, count: r.rowCount, all: isWholeColumns(r) }),
};

/** The columns (rows) a range spans; for every column (row), the stored ones plus one default. */
function indexesOf(d: Dimension, { sheet, rect }: OnRange): number[] {
  const { first, count, all } = d.span(rect);
  return all ? [...new Set([...d.sizes(sheet).keys(), -1])] : Array.from({ length: count }, (_, i) => first + i);
}

/** columnWidth / rowHeight: the size every spanned column (row) shares, set on each. */
const sizeProp = (d: Dimension, max: number): Prop<OnRange> => ({
  get: (s) => uniform(indexesOf(d, s).map((i) => d.size(s.sheet, i))),
  check: within(0, max),
  set: ({ sheet, rect }, v: number) => {
    const { first, count, all } = d.span(rect);
    if (all && d === ROWS) throw invalidArgument("setting the height of every row is not supported by the in-memory host");
    for (let i = first; i < first + count; i++) d.sizes(sheet).set(i, v);
  },
});

/** useStandardWidth / useStandardHeight: true when no spanned column (row) has its own size; true clears them. */
const standardProp = (d: Dimension): Prop<OnRange> => ({
  get: (s) => indexesOf(d, s).every((i) => !d.sizes(s.sheet).has(i)),
  set: ({ sheet, rect }, v) => {
    const { first, count } = d.span(rect);
    if (v === true) for (let i = first; i < first + count; i++) d.sizes(sheet).delete(i);
  },
});

const H_ALIGN = ["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"] as const;
const V_ALIGN = ["Top", "Center", "Bottom", "Justify", "Distributed"] as const;

const RANGE_FONT: ApiType<OnRange> = {
  name: "RangeFont",
  beforeSet: guardSet,
  props: {
    Bold: fontProp("bold", asBoolean),
    Color: fontProp("color", asColor),
    Italic: fontProp("italic", asBoolean),
    Name: fontProp("name", nonEmpty),
    Size: fontProp("size", within(1, 409)),
    Strikethrough: fontProp("strikethrough", asBoolean),
    Underline: fontProp("underline", oneOf(["None", "Single", "Double", "SingleAccountant", "DoubleAccountant"] as const)),
  },
};

const RANGE_FILL: ApiType<OnRange> = {
  name: "RangeFill",
  beforeSet: guardSet,
  props: { Color: styleProp((st) => st.fill ?? "#FFFFFF", asColor, (st, fill: string) => ({ ...st, fill })) },
  methods: {
    Clear: editing("RangeFill.clear", (s) =>
      s.sheet.updateStyle(s.rect, "fill=none", (st) => {
        const { fill: _drop, ...rest } = st;
        return rest;
      }),
    ),
  },
};

export const BORDER_INDEXES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal", "DiagonalDown", "DiagonalUp"] as const;
export type BorderIndex = (typeof BORDER_INDEXES)[number];
const NO_BORDER: BorderModel = { style: "None", color: "#000000", weight: "Thin" };

interface OnBorder extends OnRange {
  index: BorderIndex;
}

function bordersOf({ sheet, rect, index }: OnBorder): BorderModel[] {
  const target = borderCells(rect, index);
  if (!target) return [NO_BORDER];
  return stylesOver(sheet, target.rect).map((s) => s.borders[target.edge] ?? NO_BORDER);
}

/** A border property: written to the cell edges that carry the range-level border. */
function borderProp(key: keyof BorderModel, check: Check): Prop<OnBorder> {
  return {
    get: (s) => uniform(bordersOf(s).map((b) => b[key])),
    check,
    set: ({ sheet, rect, index }, v: string) => {
      const target = borderCells(rect, index);
      if (!target) return;
      let area = target.rect;
      if (isUnbounded(area) && (index.startsWith("Inside") || index.startsWith("Diagonal"))) {
        // Drawing inside borders over a million rows is limited to the cells in use.
        const used = sheet.usedRect(false);
        const overlap = used ? intersect(used, area) : undefined;
        if (!overlap) return;
        area = overlap;
      }
      const edge = target.edge;
      sheet.updateStyle(area, `border:${edge}:${key}=${v}`, (s) => {
        const borders = { ...s.borders };
        // A style of None removes the border; a colour or weight alone draws a thin continuous black line.
        if (key === "style" && v === "None") delete borders[edge];
        else borders[edge] = { ...NO_BORDER, style: "Continuous", ...s.borders[edge], [key]: v };
        return { ...s, borders };
      });
    },
  };
}

const RANGE_BORDER: ApiType<OnBorder> = {
  name: "RangeBorder",
  beforeSet: guardSet,
  props: {
    Color: borderProp("color", asColor),
    SideIndex: { get: (s) => s.index },
    Style: borderProp("style", oneOf(["None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Double", "SlantDashDot"] as const)),
    Weight: borderProp("weight", oneOf(["Hairline", "Thin", "Medium", "Thick"] as const)),
  },
};

const RANGE_BORDERS = collectionOf<OnRange, BorderIndex>({
  name: "RangeBorderCollection",
  collection: "Borders",
  list: () => BORDER_INDEXES,
  item: (o, index, s) => o.make(RANGE_BORDER, { ...s, index }),
  lookup: (_, key) => oneOf(BORDER_INDEXES)(key, "border index"),
});

const RANGE_FORMAT: ApiType<OnRange> = {
  name: "RangeFormat",
  beforeSet: guardSet,
  props: {
    ColumnWidth: sizeProp(COLUMNS, Infinity),
    HorizontalAlignment: alignment("horizontalAlignment", oneOf(H_ALIGN)),
    IndentLevel: alignment("indentLevel", within(0, 250, asInteger)),
    RowHeight: sizeProp(ROWS, 409),
    VerticalAlignment: alignment("verticalAlignment", oneOf(V_ALIGN)),
    WrapText: alignment("wrapText", asBoolean),
    UseStandardHeight: standardProp(ROWS),
    UseStandardWidth: standardProp(COLUMNS),
  },
  navs: {
    Font: (s, o) => o.make(RANGE_FONT, s),
    Fill: (s, o) => o.make(RANGE_FILL, s),
    Borders: (s, o) => o.make(RANGE_BORDERS, s),
  },
  methods: {
    AutofitColumns: editing("RangeFormat.autofitColumns", (s) => autofitColumns(s.sheet, s.rect)),
    AutofitRows: editing("RangeFormat.autofitRows", (s) => autofitRows(s.sheet, s.rect)),
  },
};
