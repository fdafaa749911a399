// Range and its format objects (font, fill, borders) as Excel answers them: cell-level arrays that
// must match the range's shape, null for unbounded reads, uniform-or-null format reads, and the
// protected-sheet and size limits.

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
import {
  ApiEnv,
  ApiObject,
  MethodResult,
  NullObject,
  SheetPart,
  asBoolean,
  asColor,
  asEnum,
  asInteger,
  asNumber,
  asString,
  uniform,
} from "./api";
import { HostError, accessDenied, invalidArgument, itemNotFound, standardError } from "./errors";
import { cellValue } from "./formula";
import { BorderModel, CellEdge, CellStyle, SheetModel, STANDARD_ROW_HEIGHT } from "./model";
import { CellValue, displayText, isCellInput, parseInput, valueType } from "./values";

/** Hook for ranges to reach worksheet objects without an import cycle (set by api-workbook). */
export const rangeLinks: { worksheet?: (env: ApiEnv, sheet: SheetModel) => ApiObject } = {};

/** Throws AccessDenied when the sheet is protected (Excel's answer to any edit of a locked cell). */
export function guardEditable(sheet: SheetModel, location: string): void {
  if (sheet.protection.protected) {
    const err = accessDenied();
    err.location = location;
    throw err;
  }
}

/** Resolves an address argument ("A1:B2", "Sheet1!A1", a defined name) on a default sheet. */
export function resolveAddress(env: ApiEnv, address: string, defaultSheet: SheetModel | undefined): { sheet: SheetModel; rect: Rect } {
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
export function rangeArgument(env: ApiEnv, arg: unknown, defaultSheet: SheetModel | undefined): { sheet: SheetModel; rect: Rect } {
  if (arg instanceof RangeApi) {
    arg.checkAlive();
    return { sheet: arg.sheet, rect: arg.rect };
  }
  if (typeof arg === "string") return resolveAddress(env, arg, defaultSheet);
  throw invalidArgument("a range or an address is required");
}

// ---------------------------------------------------------------------------------------------

export class RangeApi extends SheetPart {
  readonly typeName = "Range";

  constructor(
    env: ApiEnv,
    sheet: SheetModel,
    readonly rect: Rect,
  ) {
    super(env, sheet);
  }

  override referenceId(): string {
    const r = this.rect;
    return `range|${this.sheet.id}|${r.row}|${r.column}|${r.rowCount}|${r.columnCount}`;
  }

  override scalarNames(): readonly string[] {
    return [
      "Address",
      "AddressLocal",
      "CellCount",
      "ColumnCount",
      "ColumnHidden",
      "ColumnIndex",
      "Formulas",
      "FormulasLocal",
      "Hidden",
      "IsEntireColumn",
      "IsEntireRow",
      "NumberFormat",
      "NumberFormatLocal",
      "RowCount",
      "RowHidden",
      "RowIndex",
      "Text",
      "Values",
      "ValueTypes",
    ];
  }

  private at(rect: Rect): RangeApi {
    if (!onGrid(rect)) throw invalidArgument("the range would leave the grid");
    return new RangeApi(this.env, this.sheet, rect);
  }

  override get(name: string): unknown {
    const r = this.rect;
    switch (name) {
      case "Address":
      case "AddressLocal":
        return qualifiedAddress(this.sheet.name, r);
      case "CellCount":
        return r.rowCount * r.columnCount;
      case "RowCount":
        return r.rowCount;
      case "ColumnCount":
        return r.columnCount;
      case "RowIndex":
        return r.row;
      case "ColumnIndex":
        return r.column;
      case "IsEntireColumn":
        return isWholeColumns(r);
      case "IsEntireRow":
        return isWholeRows(r);
      case "Hidden":
      case "RowHidden":
      case "ColumnHidden":
        return false;
      case "Top":
        return this.sheet.rowTop(r.row);
      case "Left":
        return this.sheet.columnLeft(r.column);
      case "Height":
        return this.sheet.rowTop(r.row + r.rowCount) - this.sheet.rowTop(r.row);
      case "Width":
        return this.sheet.columnLeft(r.column + r.columnCount) - this.sheet.columnLeft(r.column);
      case "Values":
        return this.valueCells(name, (value) => value);
      case "Text":
        return this.valueCells(name, displayText);
      case "ValueTypes":
        return this.valueCells(name, valueType);
      case "Formulas":
      case "FormulasLocal":
        return this.cells(name, (row, col) => this.sheet.formula(row, col) ?? this.sheet.value(row, col));
      case "NumberFormat":
      case "NumberFormatLocal": {
        const styles = this.sheet.workbook.styles;
        return this.cells(name, (row, col) => styles.get(this.sheet.styleId(row, col)).numberFormat);
      }
      default:
        return super.get(name);
    }
  }

  /**
   * Whether a cell-level read of Range.`name` answers cells: false when the range is unbounded
   * (Excel answers null), or past the cell limit on a host told to answer null; otherwise throws
   * past the cell limit.
   */
  private bounded(name: string): boolean {
    const r = this.rect;
    if (isUnbounded(r)) return false;
    const count = r.rowCount * r.columnCount;
    if (count > this.env.maxCellsPerRead) {
      // Audit row 6: "On all platforms, a range is limited to five million cells for get
      // operations" ([P] "Performance optimization…", [L] "Resource limits…"), answered with
      // RangeExceedsLimit ([E] "Error handling…"), on the desktop too. Some builds answer null
      // instead (office-js #4783): HostOptions.overCellLimit.
      if (this.env.overCellLimit === "null") return false;
      const err = new HostError("RangeExceedsLimit", `${standardError("RangeExceedsLimit").message} (${count} cells of Range.${name}; the limit is ${this.env.maxCellsPerRead}.)`);
      err.location = `Range.${name[0].toLowerCase()}${name.slice(1)}`;
      throw err;
    }
    return true;
  }

  /** Each cell's value (a formula's result) through `map`, taken from the sheet's row records in one pass. */
  private valueCells<T>(name: string, map: (value: CellValue) => T): T[][] | null {
    if (!this.bounded(name)) return null;
    const r = this.rect;
    const values = this.sheet.values(r) as unknown[][];
    const hasFormulas = this.sheet.workbook.formulaCount > 0;
    for (let i = 0; i < r.rowCount; i++) {
      const line = values[i];
      for (let j = 0; j < r.columnCount; j++) {
        line[j] = map(hasFormulas ? cellValue(this.sheet, r.row + i, r.column + j) : (line[j] as CellValue));
      }
    }
    return values as T[][];
  }

  /** A cell-level 2-D read of anything else (formulas, number formats). */
  private cells<T>(name: string, read: (row: number, column: number) => T): T[][] | null {
    if (!this.bounded(name)) return null;
    const r = this.rect;
    const out: T[][] = new Array(r.rowCount);
    for (let i = 0; i < r.rowCount; i++) {
      const line: T[] = new Array(r.columnCount);
      for (let j = 0; j < r.columnCount; j++) line[j] = read(r.row + i, r.column + j);
      out[i] = line;
    }
    return out;
  }

  override set(name: string, value: unknown): void {
    switch (name) {
      case "Values":
        return this.writeCells(name, value, (row, col, v) => writeValue(this.sheet, row, col, v, false));
      case "Formulas":
      case "FormulasLocal":
        return this.writeCells(name, value, (row, col, v) => writeValue(this.sheet, row, col, v, true));
      case "NumberFormat":
      case "NumberFormatLocal":
        return this.writeCells(name, value, (row, col, v) => {
          const format = v === "" ? "General" : String(v);
          const styles = this.sheet.workbook.styles;
          this.sheet.setStyleId(row, col, styles.derive(this.sheet.styleId(row, col), `nf=${format}`, (s) => ({ ...s, numberFormat: format })));
        });
      default:
        return super.set(name, value);
    }
  }

  /**
   * Writes a cell-level property: a 2-D array of the range's shape, or one value for every cell
   * (Excel broadcasts a single non-array value). Null entries leave their cell unchanged.
   * Checks everything before changing anything.
   */
  private writeCells(name: string, input: unknown, apply: (row: number, column: number, value: CellValue) => void): void {
    const r = this.rect;
    if (isUnbounded(r)) throw invalidArgument(`Range.${name} cannot be set on a whole row or column`);
    guardEditable(this.sheet, `Range.${name}`);
    if (!Array.isArray(input)) {
      if (!isCellInput(input) || input === null) throw invalidArgument(`Range.${name}: unsupported value`);
      checkCellText(input, name);
      for (let i = 0; i < r.rowCount; i++) for (let j = 0; j < r.columnCount; j++) apply(r.row + i, r.column + j, input);
      return;
    }
    if (input.length !== r.rowCount) {
      throw invalidArgument(`Range.${name}: ${input.length} rows given for a range of ${r.rowCount} rows`);
    }
    for (const line of input) {
      if (!Array.isArray(line) || line.length !== r.columnCount) {
        throw invalidArgument(`Range.${name}: each row must have ${r.columnCount} values`);
      }
      for (const v of line) {
        if (!isCellInput(v) && v !== undefined) throw invalidArgument(`Range.${name}: unsupported value ${String(v)}`);
        checkCellText(v, name);
      }
    }
    for (let i = 0; i < r.rowCount; i++) {
      const line = input[i] as (CellValue | null | undefined)[];
      for (let j = 0; j < r.columnCount; j++) {
        const v = line[j];
        if (v !== null && v !== undefined) apply(r.row + i, r.column + j, v);
      }
    }
  }

  override nav(name: string): ApiObject | undefined {
    switch (name) {
      case "Format":
        return new RangeFormatApi(this.env, this);
      case "Worksheet":
        return rangeLinks.worksheet!(this.env, this.sheet);
      default:
        return undefined;
    }
  }

  override call(name: string, args: unknown[]): MethodResult {
    const r = this.rect;
    const sheet = this.sheet;
    switch (name) {
      case "GetCell":
        return this.at({ row: r.row + asInteger(args[0], "row"), column: r.column + asInteger(args[1], "column"), rowCount: 1, columnCount: 1 });
      case "GetRow": {
        const i = asInteger(args[0], "row");
        if (i < 0 || i >= r.rowCount) throw invalidArgument("row index outside the range");
        return this.at({ ...r, row: r.row + i, rowCount: 1 });
      }
      case "GetColumn": {
        const j = asInteger(args[0], "column");
        if (j < 0 || j >= r.columnCount) throw invalidArgument("column index outside the range");
        return this.at({ ...r, column: r.column + j, columnCount: 1 });
      }
      case "GetOffsetRange":
        return this.at({ ...r, row: r.row + asInteger(args[0], "rowOffset"), column: r.column + asInteger(args[1], "columnOffset") });
      case "GetResizedRange":
        return this.at({ ...r, rowCount: r.rowCount + asInteger(args[0], "deltaRows"), columnCount: r.columnCount + asInteger(args[1], "deltaColumns") });
      case "GetAbsoluteResizedRange":
        return this.at({ ...r, rowCount: asInteger(args[0], "numRows"), columnCount: asInteger(args[1], "numColumns") });
      case "GetIntersection":
      case "GetIntersectionOrNullObject": {
        const other = this.otherRect(args[0]);
        const overlap = intersect(r, other);
        if (!overlap) {
          if (name === "GetIntersectionOrNullObject") return new NullObject(this.env);
          throw itemNotFound();
        }
        return this.at(overlap);
      }
      case "GetBoundingRect":
        return this.at(boundingRect(r, this.otherRect(args[0])));
      case "GetUsedRange":
      case "GetUsedRangeOrNullObject": {
        const used = sheet.usedRect(args[0] === true);
        const overlap = used ? intersect(used, r) : undefined;
        if (!overlap) {
          if (name === "GetUsedRangeOrNullObject") return new NullObject(this.env);
          throw itemNotFound();
        }
        return this.at(overlap);
      }
      case "GetLastRow":
        return this.at({ ...r, row: r.row + r.rowCount - 1, rowCount: 1 });
      case "GetLastColumn":
        return this.at({ ...r, column: r.column + r.columnCount - 1, columnCount: 1 });
      case "GetLastCell":
        return this.at({ row: r.row + r.rowCount - 1, column: r.column + r.columnCount - 1, rowCount: 1, columnCount: 1 });
      case "GetEntireColumn":
        return this.at({ row: 0, column: r.column, rowCount: MAX_ROWS, columnCount: r.columnCount });
      case "GetEntireRow":
        return this.at({ row: r.row, column: 0, rowCount: r.rowCount, columnCount: MAX_COLUMNS });
      case "GetRowsAbove": {
        const n = args[0] === null || args[0] === undefined ? 1 : asInteger(args[0], "count");
        return this.at({ ...r, row: r.row - n, rowCount: n });
      }
      case "GetRowsBelow": {
        const n = args[0] === null || args[0] === undefined ? 1 : asInteger(args[0], "count");
        return this.at({ ...r, row: r.row + r.rowCount, rowCount: n });
      }
      case "GetColumnsBefore": {
        const n = args[0] === null || args[0] === undefined ? 1 : asInteger(args[0], "count");
        return this.at({ ...r, column: r.column - n, columnCount: n });
      }
      case "GetColumnsAfter": {
        const n = args[0] === null || args[0] === undefined ? 1 : asInteger(args[0], "count");
        return this.at({ ...r, column: r.column + r.columnCount, columnCount: n });
      }
      case "Select":
        sheet.workbook.select(sheet, r);
        return undefined;
      case "Merge":
        guardEditable(sheet, "Range.merge");
        mergeRange(sheet, r, args[0] === true);
        return undefined;
      case "Unmerge":
        guardEditable(sheet, "Range.unmerge");
        sheet.merges = sheet.merges.filter((m) => !intersect(m, r));
        return undefined;
      case "Clear": {
        guardEditable(sheet, "Range.clear");
        const applyTo = args[0] === null || args[0] === undefined ? "All" : asEnum(args[0], ["All", "Formats", "Contents", "Hyperlinks", "RemoveHyperlinks", "ResetContents"] as const, "applyTo");
        const contents = applyTo === "All" || applyTo === "Contents" || applyTo === "ResetContents";
        const formats = applyTo === "All" || applyTo === "Formats";
        sheet.clear(r, contents, formats);
        return undefined;
      }
      case "CopyFrom":
        return this.copyFrom(args);
      case "Calculate":
        return undefined;
      case "_ValidateArraySize":
        // The client sends this before splitting a large write into row chunks.
        if (args[0] !== r.rowCount || args[1] !== r.columnCount) {
          throw invalidArgument(`an array of ${String(args[0])} x ${String(args[1])} values does not fit a range of ${r.rowCount} x ${r.columnCount} cells`);
        }
        return undefined;
      default:
        return super.call(name, args);
    }
  }

  /** The rectangle of a range argument, which must be on this range's sheet. */
  private otherRect(arg: unknown): Rect {
    const { sheet, rect } = rangeArgument(this.env, arg, this.sheet);
    if (sheet !== this.sheet) throw invalidArgument("the ranges are on different worksheets");
    return rect;
  }

  /** copyFrom(source, copyType, skipBlanks, transpose): values/formulas and/or formats. */
  private copyFrom(args: unknown[]): MethodResult {
    guardEditable(this.sheet, "Range.copyFrom");
    const source = rangeArgument(this.env, args[0], this.sheet);
    const type = args[1] === null || args[1] === undefined ? "All" : asEnum(args[1], ["All", "Formulas", "Values", "Formats"] as const, "copyType");
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
    const styles = this.sheet.workbook.styles;
    const sourceStyles = source.sheet.workbook.styles;
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        const cell = transpose ? cells[j][i] : cells[i][j];
        if (skipBlanks && cell.value === "" && !cell.formula) continue;
        const row = this.rect.row + i;
        const col = this.rect.column + j;
        if (!onGrid({ row, column: col, rowCount: 1, columnCount: 1 })) continue;
        if (type === "All" || type === "Formats") {
          this.sheet.setStyleId(row, col, styles === sourceStyles ? cell.style : styles.intern(sourceStyles.get(cell.style)));
        }
        if (type === "All" || type === "Formulas") {
          if (cell.formula) this.sheet.setFormula(row, col, cell.formula, cell.value);
          else this.sheet.setValue(row, col, cell.value);
        } else if (type === "Values") this.sheet.setValue(row, col, cell.value);
      }
    }
    return undefined;
  }
}

/** Writes one value as Excel's cell entry does (numbers from text, "=" formulas, "@" keeps text). */
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
export function formulaOfText(text: string): string | undefined {
  if (text.length < 2) return undefined;
  if (text.startsWith("=")) return text;
  if (text.startsWith("+")) return `=${text}`;
  if (text.startsWith("-") && typeof parseInput(text).value === "string") return `=${text}`;
  return undefined;
}

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
  if (parsed.numberFormat && style.numberFormat === "General") {
    const styles = sheet.workbook.styles;
    const format = parsed.numberFormat;
    sheet.setStyleId(row, column, styles.derive(sheet.styleId(row, column), `nf=${format}`, (s) => ({ ...s, numberFormat: format })));
  }
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

// ---------------------------------------------------------------------------------------------
// Format objects

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

/** A part of a range (its format, font, fill, borders): alive while the range is. */
abstract class RangePart extends ApiObject {
  constructor(
    env: ApiEnv,
    readonly range: RangeApi,
  ) {
    super(env);
  }

  override checkAlive(): void {
    this.range.checkAlive();
  }
}

const H_ALIGN = ["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"] as const;
const V_ALIGN = ["Top", "Center", "Bottom", "Justify", "Distributed"] as const;

export class RangeFormatApi extends RangePart {
  readonly typeName = "RangeFormat";

  override scalarNames(): readonly string[] {
    return ["ColumnWidth", "HorizontalAlignment", "IndentLevel", "RowHeight", "VerticalAlignment", "WrapText", "UseStandardHeight", "UseStandardWidth"];
  }

  private get sheet(): SheetModel {
    return this.range.sheet;
  }

  private get rect(): Rect {
    return this.range.rect;
  }

  override get(name: string): unknown {
    const styles = () => stylesOver(this.sheet, this.rect);
    switch (name) {
      case "HorizontalAlignment":
        return uniform(styles().map((s) => s.horizontalAlignment));
      case "VerticalAlignment":
        return uniform(styles().map((s) => s.verticalAlignment));
      case "WrapText":
        return uniform(styles().map((s) => s.wrapText));
      case "IndentLevel":
        return uniform(styles().map((s) => s.indentLevel));
      case "ColumnWidth":
        return uniform(this.columns().map((c) => this.sheet.columnWidth(c)));
      case "RowHeight":
        return uniform(this.rows().map((r) => this.sheet.rowHeight(r)));
      case "UseStandardWidth":
        return this.columns().every((c) => !this.sheet.columnWidths.has(c));
      case "UseStandardHeight":
        return this.rows().every((r) => !this.sheet.rowHeights.has(r));
      default:
        return super.get(name);
    }
  }

  /** Columns of the range (the stored ones only, plus one default, for whole rows). */
  private columns(): number[] {
    const r = this.rect;
    if (isWholeRows(r)) return [...new Set([...this.sheet.columnWidths.keys(), -1])];
    return Array.from({ length: r.columnCount }, (_, i) => r.column + i);
  }

  private rows(): number[] {
    const r = this.rect;
    if (isWholeColumns(r)) return [...new Set([...this.sheet.rowHeights.keys(), -1])];
    return Array.from({ length: r.rowCount }, (_, i) => r.row + i);
  }

  override set(name: string, value: unknown): void {
    const sheet = this.sheet;
    const r = this.rect;
    guardEditable(sheet, `RangeFormat.${name}`);
    switch (name) {
      case "HorizontalAlignment": {
        const v = asEnum(value, H_ALIGN, "horizontalAlignment");
        return sheet.updateStyle(r, `ha=${v}`, (s) => ({ ...s, horizontalAlignment: v }));
      }
      case "VerticalAlignment": {
        const v = asEnum(value, V_ALIGN, "verticalAlignment");
        return sheet.updateStyle(r, `va=${v}`, (s) => ({ ...s, verticalAlignment: v }));
      }
      case "WrapText": {
        const v = asBoolean(value, "wrapText");
        return sheet.updateStyle(r, `wrap=${v}`, (s) => ({ ...s, wrapText: v }));
      }
      case "IndentLevel": {
        const v = asInteger(value, "indentLevel");
        if (v < 0 || v > 250) throw invalidArgument("indentLevel must be 0..250");
        return sheet.updateStyle(r, `indent=${v}`, (s) => ({ ...s, indentLevel: v }));
      }
      case "ColumnWidth": {
        const v = asNumber(value, "columnWidth");
        if (v < 0) throw invalidArgument("columnWidth must not be negative");
        for (let c = r.column; c < r.column + r.columnCount; c++) sheet.columnWidths.set(c, v);
        return;
      }
      case "RowHeight": {
        const v = asNumber(value, "rowHeight");
        if (v < 0 || v > 409) throw invalidArgument("rowHeight must be 0..409 points");
        if (isWholeColumns(r)) {
          throw invalidArgument("setting the height of every row is not supported by the in-memory host");
        }
        for (let i = r.row; i < r.row + r.rowCount; i++) sheet.rowHeights.set(i, v);
        return;
      }
      case "UseStandardWidth":
        if (value === true) for (let c = r.column; c < r.column + r.columnCount; c++) sheet.columnWidths.delete(c);
        return;
      case "UseStandardHeight":
        if (value === true) for (let i = r.row; i < r.row + Math.min(r.rowCount, MAX_ROWS); i++) sheet.rowHeights.delete(i);
        return;
      default:
        return super.set(name, value);
    }
  }

  override nav(name: string): ApiObject | undefined {
    switch (name) {
      case "Font":
        return new RangeFontApi(this.env, this.range);
      case "Fill":
        return new RangeFillApi(this.env, this.range);
      case "Borders":
        return new RangeBordersApi(this.env, this.range);
      default:
        return undefined;
    }
  }

  override call(name: string, args: unknown[]): MethodResult {
    switch (name) {
      case "AutofitColumns":
        guardEditable(this.sheet, "RangeFormat.autofitColumns");
        autofitColumns(this.sheet, this.rect);
        return undefined;
      case "AutofitRows":
        guardEditable(this.sheet, "RangeFormat.autofitRows");
        autofitRows(this.sheet, this.rect);
        return undefined;
      default:
        return super.call(name, args);
    }
  }
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

const UNDERLINES = ["None", "Single", "Double", "SingleAccountant", "DoubleAccountant"] as const;

export class RangeFontApi extends RangePart {
  readonly typeName = "RangeFont";

  override scalarNames(): readonly string[] {
    return ["Bold", "Color", "Italic", "Name", "Size", "Strikethrough", "Underline"];
  }

  override get(name: string): unknown {
    const fonts = stylesOver(this.range.sheet, this.range.rect).map((s) => s.font);
    switch (name) {
      case "Bold":
        return uniform(fonts.map((f) => f.bold));
      case "Italic":
        return uniform(fonts.map((f) => f.italic));
      case "Color":
        return uniform(fonts.map((f) => f.color));
      case "Name":
        return uniform(fonts.map((f) => f.name));
      case "Size":
        return uniform(fonts.map((f) => f.size));
      case "Underline":
        return uniform(fonts.map((f) => f.underline));
      case "Strikethrough":
        return uniform(fonts.map((f) => f.strikethrough));
      default:
        return super.get(name);
    }
  }

  override set(name: string, value: unknown): void {
    const { sheet, rect } = this.range;
    guardEditable(sheet, `RangeFont.${name}`);
    let key: string;
    let change: (s: CellStyle) => CellStyle;
    switch (name) {
      case "Bold": {
        const v = asBoolean(value, "bold");
        [key, change] = [`bold=${v}`, (s) => ({ ...s, font: { ...s.font, bold: v } })];
        break;
      }
      case "Italic": {
        const v = asBoolean(value, "italic");
        [key, change] = [`italic=${v}`, (s) => ({ ...s, font: { ...s.font, italic: v } })];
        break;
      }
      case "Strikethrough": {
        const v = asBoolean(value, "strikethrough");
        [key, change] = [`strike=${v}`, (s) => ({ ...s, font: { ...s.font, strikethrough: v } })];
        break;
      }
      case "Color": {
        const v = asColor(value, "font.color");
        [key, change] = [`color=${v}`, (s) => ({ ...s, font: { ...s.font, color: v } })];
        break;
      }
      case "Name": {
        const v = asString(value, "font.name");
        if (v === "") throw invalidArgument("font.name must not be empty");
        [key, change] = [`fname=${v}`, (s) => ({ ...s, font: { ...s.font, name: v } })];
        break;
      }
      case "Size": {
        const v = asNumber(value, "font.size");
        if (v < 1 || v > 409) throw invalidArgument("font.size must be 1..409");
        [key, change] = [`size=${v}`, (s) => ({ ...s, font: { ...s.font, size: v } })];
        break;
      }
      case "Underline": {
        const v = asEnum(value, UNDERLINES, "underline");
        [key, change] = [`ul=${v}`, (s) => ({ ...s, font: { ...s.font, underline: v } })];
        break;
      }
      default:
        return super.set(name, value);
    }
    sheet.updateStyle(rect, key, change);
  }
}

export class RangeFillApi extends RangePart {
  readonly typeName = "RangeFill";

  override scalarNames(): readonly string[] {
    return ["Color"];
  }

  override get(name: string): unknown {
    if (name === "Color") return uniform(stylesOver(this.range.sheet, this.range.rect).map((s) => s.fill ?? "#FFFFFF"));
    return super.get(name);
  }

  override set(name: string, value: unknown): void {
    if (name !== "Color") return super.set(name, value);
    guardEditable(this.range.sheet, "RangeFill.color");
    const v = asColor(value, "fill.color");
    this.range.sheet.updateStyle(this.range.rect, `fill=${v}`, (s) => ({ ...s, fill: v }));
  }

  override call(name: string, args: unknown[]): MethodResult {
    if (name !== "Clear") return super.call(name, args);
    guardEditable(this.range.sheet, "RangeFill.clear");
    this.range.sheet.updateStyle(this.range.rect, "fill=none", (s) => {
      const { fill: _drop, ...rest } = s;
      return rest;
    });
    return undefined;
  }
}

export const BORDER_INDEXES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal", "DiagonalDown", "DiagonalUp"] as const;
export type BorderIndex = (typeof BORDER_INDEXES)[number];
const LINE_STYLES = ["None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Double", "SlantDashDot"] as const;
const WEIGHTS = ["Hairline", "Thin", "Medium", "Thick"] as const;
const NO_BORDER: BorderModel = { style: "None", color: "#000000", weight: "Thin" };

export class RangeBordersApi extends RangePart {
  readonly typeName = "RangeBorderCollection";
  override readonly isCollection = true;

  override get locationName(): string {
    return "Borders";
  }

  override scalarNames(): readonly string[] {
    return ["Count"];
  }

  override get(name: string): unknown {
    if (name === "Count") return BORDER_INDEXES.length;
    return super.get(name);
  }

  override items(): ApiObject[] {
    return BORDER_INDEXES.map((i) => new RangeBorderApi(this.env, this.range, i));
  }

  override indexer(key: unknown): ApiObject {
    return new RangeBorderApi(this.env, this.range, asEnum(key, BORDER_INDEXES, "border index"));
  }

  override call(name: string, args: unknown[]): MethodResult {
    if (name === "GetItem") return this.indexer(args[0]);
    if (name === "GetItemAt") {
      const i = asInteger(args[0], "index");
      if (i < 0 || i >= BORDER_INDEXES.length) throw itemNotFound();
      return new RangeBorderApi(this.env, this.range, BORDER_INDEXES[i]);
    }
    if (name === "GetCount") return BORDER_INDEXES.length;
    return super.call(name, args);
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

export class RangeBorderApi extends RangePart {
  readonly typeName = "RangeBorder";

  constructor(
    env: ApiEnv,
    range: RangeApi,
    readonly index: BorderIndex,
  ) {
    super(env, range);
  }

  override scalarNames(): readonly string[] {
    return ["Color", "SideIndex", "Style", "Weight"];
  }

  private current(): BorderModel[] {
    const target = borderCells(this.range.rect, this.index);
    if (!target) return [NO_BORDER];
    return stylesOver(this.range.sheet, target.rect).map((s) => s.borders[target.edge] ?? NO_BORDER);
  }

  override get(name: string): unknown {
    switch (name) {
      case "SideIndex":
        return this.index;
      case "Style":
        return uniform(this.current().map((b) => b.style));
      case "Color":
        return uniform(this.current().map((b) => b.color));
      case "Weight":
        return uniform(this.current().map((b) => b.weight));
      default:
        return super.get(name);
    }
  }

  override set(name: string, value: unknown): void {
    const { sheet, rect } = this.range;
    guardEditable(sheet, `RangeBorder.${name}`);
    let patch: (b: BorderModel | undefined) => BorderModel | undefined;
    switch (name) {
      case "Style": {
        const v = asEnum(value, LINE_STYLES, "border style");
        patch = (b) => (v === "None" ? undefined : { color: b?.color ?? "#000000", weight: b?.weight ?? "Thin", style: v });
        break;
      }
      case "Color": {
        const v = asColor(value, "border color");
        patch = (b) => ({ style: b?.style ?? "Continuous", weight: b?.weight ?? "Thin", color: v });
        break;
      }
      case "Weight": {
        const v = asEnum(value, WEIGHTS, "border weight");
        patch = (b) => ({ style: b?.style ?? "Continuous", color: b?.color ?? "#000000", weight: v });
        break;
      }
      default:
        return super.set(name, value);
    }
    const target = borderCells(rect, this.index);
    if (!target) return;
    let area = target.rect;
    if (isUnbounded(area) && (this.index.startsWith("Inside") || this.index.startsWith("Diagonal"))) {
      // Drawing inside borders over a million rows is limited to the cells in use.
      const used = sheet.usedRect(false);
      const overlap = used ? intersect(used, area) : undefined;
      if (!overlap) return;
      area = overlap;
    }
    const edge = target.edge;
    sheet.updateStyle(area, `border:${edge}:${name}=${String(value)}`, (s) => {
      const next = patch(s.borders[edge]);
      const borders = { ...s.borders };
      if (next) borders[edge] = next;
      else delete borders[edge];
      return { ...s, borders };
    });
  }
}
