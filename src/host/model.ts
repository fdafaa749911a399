// The in-memory workbook: plain data that the protocol layer reads and writes, that xlsx/csv
// import fills, that the xlsx writer and a renderer read. Cells are stored sparsely by row with
// interned styles, so 100,000 x 4 values stay small and fast.

import { Rect, intersect, isWholeColumns, isWholeRows, parseReference, replaceSheetReferences, sheetNameProblem } from "./address";
import { HostError, invalidArgument, itemAlreadyExists } from "./errors";
import type { CellValue } from "./values";

export type { CellValue } from "./values";

// ---------------------------------------------------------------------------------------------
// Styles

export interface FontModel {
  readonly name: string;
  /** Points. */
  readonly size: number;
  readonly bold: boolean;
  readonly italic: boolean;
  /** "#RRGGBB". */
  readonly color: string;
  /** Excel's underline names: "None", "Single", "Double"… */
  readonly underline: string;
  readonly strikethrough: boolean;
}

/** The edges a cell stores; range-level "Inside…" borders are derived from them. */
export type CellEdge = "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "DiagonalDown" | "DiagonalUp";

export interface BorderModel {
  /** Excel.BorderLineStyle: "Continuous", "Dash", "Double", "None"… */
  readonly style: string;
  readonly color: string;
  /** Excel.BorderWeight: "Hairline", "Thin", "Medium", "Thick". */
  readonly weight: string;
}

/** Everything about how a cell looks. Interned in a StyleTable; never mutated. */
export interface CellStyle {
  readonly numberFormat: string;
  readonly font: FontModel;
  /** Fill colour "#RRGGBB", or undefined for no fill (Excel reads that back as "#FFFFFF"). */
  readonly fill?: string;
  /** Excel.HorizontalAlignment: "General", "Left", "Center", "Right", "Fill", "Justify"… */
  readonly horizontalAlignment: string;
  /** Excel.VerticalAlignment: "Top", "Center", "Bottom", "Justify", "Distributed". */
  readonly verticalAlignment: string;
  readonly wrapText: boolean;
  readonly indentLevel: number;
  readonly borders: Readonly<Partial<Record<CellEdge, BorderModel>>>;
}

export const DEFAULT_FONT: FontModel = {
  name: "Calibri",
  size: 11,
  bold: false,
  italic: false,
  color: "#000000",
  underline: "None",
  strikethrough: false,
};

export const DEFAULT_STYLE: CellStyle = {
  numberFormat: "General",
  font: DEFAULT_FONT,
  horizontalAlignment: "General",
  verticalAlignment: "Bottom",
  wrapText: false,
  indentLevel: 0,
  borders: {},
};

/** Interned styles: id 0 is the default; equal styles share one id. */
export class StyleTable {
  private readonly list: CellStyle[] = [DEFAULT_STYLE];
  private readonly ids = new Map<string, number>([[styleKey(DEFAULT_STYLE), 0]]);
  private readonly derived = new Map<string, number>();

  get(id: number): CellStyle {
    return this.list[id] ?? DEFAULT_STYLE;
  }

  intern(style: CellStyle): number {
    const key = styleKey(style);
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.list.length;
      this.list.push(style);
      this.ids.set(key, id);
    }
    return id;
  }

  /**
   * The id of `change` applied to style `id`. `changeKey` names the change (e.g. "bold=true") so
   * a write over many cells computes each distinct result once.
   */
  derive(id: number, changeKey: string, change: (style: CellStyle) => CellStyle): number {
    const cacheKey = `${id}\u0000${changeKey}`;
    let result = this.derived.get(cacheKey);
    if (result === undefined) {
      result = this.intern(change(this.get(id)));
      if (this.derived.size > 100000) this.derived.clear();
      this.derived.set(cacheKey, result);
    }
    return result;
  }

  get size(): number {
    return this.list.length;
  }
}

function styleKey(style: CellStyle): string {
  const f = style.font;
  const b = style.borders;
  const edges = (Object.keys(b) as CellEdge[])
    .sort()
    .map((e) => `${e}:${b[e]!.style}:${b[e]!.color}:${b[e]!.weight}`)
    .join(",");
  return [
    style.numberFormat,
    f.name,
    f.size,
    f.bold,
    f.italic,
    f.color,
    f.underline,
    f.strikethrough,
    style.fill ?? "",
    style.horizontalAlignment,
    style.verticalAlignment,
    style.wrapText,
    style.indentLevel,
    edges,
  ].join("\u0001");
}

// ---------------------------------------------------------------------------------------------
// Charts (plain data, so a renderer and the .xlsx writer can draw them)

export interface ChartTitleModel {
  text: string;
  visible: boolean;
  fontSize?: number;
  bold?: boolean;
  fontColor?: string;
}

export interface ChartAxisModel {
  title: { text: string; visible: boolean };
  numberFormat?: string;
  minimum?: number;
  maximum?: number;
  majorUnit?: number;
  visible: boolean;
  majorGridlines: boolean;
  /** Where the tick labels sit: next to the axis (default), or at the low or high end of the other axis. */
  tickLabelPosition?: "NextToAxis" | "High" | "Low" | "None";
}

export interface ChartDataLabelsModel {
  showValue: boolean;
  showCategoryName?: boolean;
  showSeriesName?: boolean;
  showPercentage?: boolean;
  numberFormat?: string;
  /** Excel.ChartDataLabelPosition: "OutsideEnd", "Center", "InsideEnd", "BestFit"… */
  position?: string;
}

export interface ChartSeriesModel {
  name: string;
  /** Where the name came from ("Sheet1!$B$1"), when it is a cell. */
  nameAddress?: string;
  /** Sheet-qualified address of the values ("Data!$B$2:$B$6"). */
  valuesAddress?: string;
  /** Sheet-qualified address of the categories (x values). */
  categoriesAddress?: string;
  /** A chart type that overrides the chart's own for this series (combo charts). */
  chartType?: string;
  axisGroup: "Primary" | "Secondary";
  hasDataLabels: boolean;
  dataLabels?: ChartDataLabelsModel;
  fillColor?: string;
  lineColor?: string;
}

export interface ChartModel {
  id: string;
  name: string;
  /** Excel.ChartType string: "ColumnClustered", "BarClustered", "Line", "Pie"… */
  chartType: string;
  /** The source range given to charts.add ("Data!A1:C6"), if any. */
  sourceAddress?: string;
  seriesBy: "Auto" | "Columns" | "Rows";
  title: ChartTitleModel;
  legend: { visible: boolean; position: string };
  dataLabels: ChartDataLabelsModel;
  axes: { value: ChartAxisModel; category: ChartAxisModel };
  /** Points from the sheet's top-left. */
  top: number;
  left: number;
  width: number;
  height: number;
  /** Anchor cells from setPosition ("E2", "L20"). */
  anchor?: { start: string; end?: string };
  series: ChartSeriesModel[];
}

export function newAxis(): ChartAxisModel {
  return { title: { text: "", visible: false }, visible: true, majorGridlines: false };
}

// ---------------------------------------------------------------------------------------------
// Other workbook parts

export interface TableModel {
  id: string;
  name: string;
  sheetId: string;
  /** The whole table including the header row. */
  rect: Rect;
  showHeaders: boolean;
  showTotals: boolean;
  style: string;
}

export interface NamedItemModel {
  name: string;
  /** "=Sheet1!$A$1:$B$2", "=0.5", "=\"text\"". */
  formula: string;
  comment: string;
  visible: boolean;
  /** Set for a worksheet-scoped name. */
  sheetId?: string;
}

export interface CustomXmlPartModel {
  id: string;
  namespaceUri: string;
  xml: string;
}

export interface Selection {
  sheetId: string;
  /** The area holding the active cell. */
  rect: Rect;
  /** Every selected area, `rect` first, when more than one is selected (Ctrl+click). */
  areas?: readonly Rect[];
}

// ---------------------------------------------------------------------------------------------
// Sheets and cells

interface RowData {
  /** Values by column; undefined (a hole) is an empty cell. */
  v: (CellValue | undefined)[];
  /** Formula text by column ("=A1*2"). */
  f?: (string | undefined)[];
  /** Explicit style id by column; undefined falls back to the row's then the column's style. */
  s?: (number | undefined)[];
}

export type SheetVisibility = "Visible" | "Hidden" | "VeryHidden";

/** A sheet's print layout; fit-to-pages of 0 means "not fitted" in that direction. */
export interface PageLayoutModel {
  orientation: "Portrait" | "Landscape";
  scale: number;
  horizontalFitToPages: number;
  verticalFitToPages: number;
}

/** Worksheet protection, with the options and password protect() was given (kept as sent). */
export interface ProtectionModel {
  protected: boolean;
  options?: Record<string, unknown>;
  password?: string;
}

/** Excel's default column width (8.43 characters of Calibri 11 = 64 px) and row height, in points. */
export const STANDARD_COLUMN_WIDTH = 48;
export const STANDARD_ROW_HEIGHT = 15;

export class SheetModel {
  name: string;
  visibility: SheetVisibility = "Visible";
  /** "#RRGGBB", or "" for none. */
  tabColor = "";
  protection: ProtectionModel = { protected: false };
  /** Frozen rows at the top and columns at the left. */
  freeze = { rows: 0, columns: 0 };
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  /**
   * Hidden rows (Range.rowHidden; Home > Format > Hide Rows): they count as 0 points high, as
   * Excel answers for them, and keep their set height for when they are shown again.
   */
  readonly hiddenRows = new Set<number>();
  readonly columnStyles = new Map<number, number>();
  readonly rowStyles = new Map<number, number>();
  merges: Rect[] = [];
  charts: ChartModel[] = [];
  showGridlines = true;
  /** Print layout (Worksheet.pageLayout, ExcelApi 1.9): orientation and fit-to-pages. */
  pageLayout: PageLayoutModel = { orientation: "Portrait", scale: 100, horizontalFitToPages: 0, verticalFitToPages: 0 };
  deleted = false;
  private readonly rows = new Map<number, RowData>();

  constructor(
    readonly workbook: WorkbookModel,
    readonly id: string,
    name: string,
  ) {
    this.name = name;
  }

  // ----- cell reads

  value(row: number, column: number): CellValue {
    return this.rows.get(row)?.v[column] ?? "";
  }

  formula(row: number, column: number): string | undefined {
    return this.rows.get(row)?.f?.[column];
  }

  /** The style in force for a cell: its own, else its row's, else its column's, else default. */
  styleId(row: number, column: number): number {
    const own = this.rows.get(row)?.s?.[column];
    if (own !== undefined) return own;
    return this.rowStyles.get(row) ?? this.columnStyles.get(column) ?? 0;
  }

  style(row: number, column: number): CellStyle {
    return this.workbook.styles.get(this.styleId(row, column));
  }

  /** Values of a bounded rectangle, row-major. */
  values(rect: Rect): CellValue[][] {
    const out: CellValue[][] = new Array(rect.rowCount);
    for (let i = 0; i < rect.rowCount; i++) {
      const data = this.rows.get(rect.row + i);
      const line: CellValue[] = new Array(rect.columnCount);
      if (data) {
        for (let j = 0; j < rect.columnCount; j++) line[j] = data.v[rect.column + j] ?? "";
      } else {
        line.fill("");
      }
      out[i] = line;
    }
    return out;
  }

  /** Calls `visit` for every row that holds any record (value, formula or own style) in `rect`. */
  forEachRow(rect: Rect, visit: (row: number) => void): void {
    if (this.rows.size < rect.rowCount) {
      const inside: number[] = [];
      for (const r of this.rows.keys()) if (r >= rect.row && r < rect.row + rect.rowCount) inside.push(r);
      inside.sort((a, b) => a - b).forEach(visit);
    } else {
      for (let r = rect.row; r < rect.row + rect.rowCount; r++) if (this.rows.has(r)) visit(r);
    }
  }

  /** Calls `visit` for every stored cell (a value, formula or own style), row by row. */
  forEachCell(visit: (row: number, column: number) => void): void {
    const rows = [...this.rows.keys()].sort((a, b) => a - b);
    for (const r of rows) {
      const data = this.rows.get(r)!;
      const end = Math.max(data.v.length, data.f?.length ?? 0, data.s?.length ?? 0);
      for (let c = 0; c < end; c++) {
        if (data.v[c] !== undefined || data.f?.[c] !== undefined || data.s?.[c] !== undefined) visit(r, c);
      }
    }
  }

  /** Number of stored row records (for tests of sparseness). */
  get storedRowCount(): number {
    return this.rows.size;
  }

  // ----- cell writes

  private rowFor(row: number): RowData {
    let data = this.rows.get(row);
    if (!data) {
      data = { v: [] };
      this.rows.set(row, data);
    }
    return data;
  }

  /** Sets a constant value (clearing any formula). "" empties the cell but keeps its style. */
  setValue(row: number, column: number, value: CellValue): void {
    this.workbook.cellVersion++;
    if (value === "") {
      const data = this.rows.get(row);
      if (!data) return;
      data.v[column] = undefined;
      if (data.f) data.f[column] = undefined;
      this.dropRowIfEmpty(row, data);
      return;
    }
    const data = this.rowFor(row);
    data.v[column] = value;
    if (data.f && data.f[column] !== undefined) data.f[column] = undefined;
  }

  /** Sets a formula with its current (cached or computed) value. */
  setFormula(row: number, column: number, formula: string, value: CellValue): void {
    this.workbook.cellVersion++;
    this.workbook.formulaCount++;
    const data = this.rowFor(row);
    data.v[column] = value === "" ? undefined : value;
    (data.f ??= [])[column] = formula;
  }

  /** Sets a cell's own style id. */
  setStyleId(row: number, column: number, id: number): void {
    const data = this.rowFor(row);
    (data.s ??= [])[column] = id;
  }

  private dropRowIfEmpty(row: number, data: RowData): void {
    const some = (list?: unknown[]) => !!list && list.some((x) => x !== undefined);
    if (!some(data.v) && !some(data.f) && !some(data.s)) this.rows.delete(row);
  }

  /**
   * Applies a style change to every cell of `rect`. Whole columns / rows change the column / row
   * style and every stored cell in them, as Excel does, without creating a million cells.
   */
  updateStyle(rect: Rect, changeKey: string, change: (style: CellStyle) => CellStyle): void {
    const styles = this.workbook.styles;
    if (isWholeColumns(rect) || isWholeRows(rect)) {
      const wholeColumns = isWholeColumns(rect);
      if (wholeColumns) {
        for (let c = rect.column; c < rect.column + rect.columnCount; c++) {
          this.columnStyles.set(c, styles.derive(this.columnStyles.get(c) ?? 0, changeKey, change));
        }
        // Rows with their own style would hide the new column style: give their cells explicit styles.
        for (const r of this.rowStyles.keys()) {
          for (let c = rect.column; c < rect.column + rect.columnCount; c++) {
            if (this.rows.get(r)?.s?.[c] === undefined) this.setStyleId(r, c, this.rowStyles.get(r)!);
          }
        }
      } else {
        for (let r = rect.row; r < rect.row + rect.rowCount; r++) {
          // Cells under a column style keep it: pin them before the row style takes precedence.
          for (const c of this.columnStyles.keys()) {
            if (this.rows.get(r)?.s?.[c] === undefined) this.setStyleId(r, c, this.styleId(r, c));
          }
          this.rowStyles.set(r, styles.derive(this.rowStyles.get(r) ?? 0, changeKey, change));
        }
      }
      this.forEachRow(rect, (r) => {
        const data = this.rows.get(r)!;
        const lastColumn = Math.min(rect.column + rect.columnCount, Math.max(data.v.length, data.s?.length ?? 0, data.f?.length ?? 0));
        for (let c = rect.column; c < lastColumn; c++) {
          const own = data.s?.[c];
          if (own !== undefined) (data.s as number[])[c] = styles.derive(own, changeKey, change);
        }
      });
      return;
    }
    for (let r = rect.row; r < rect.row + rect.rowCount; r++) {
      for (let c = rect.column; c < rect.column + rect.columnCount; c++) {
        this.setStyleId(r, c, styles.derive(this.styleId(r, c), changeKey, change));
      }
    }
  }

  /** Clears contents (values, formulas) and/or formats (styles, merges) of `rect`. */
  clear(rect: Rect, contents: boolean, formats: boolean): void {
    this.workbook.cellVersion++;
    if (formats) {
      if (isWholeColumns(rect)) for (let c = rect.column; c < rect.column + rect.columnCount; c++) this.columnStyles.delete(c);
      if (isWholeRows(rect)) for (let r = rect.row; r < rect.row + rect.rowCount; r++) this.rowStyles.delete(r);
      this.merges = this.merges.filter((m) => !intersect(m, rect));
    }
    this.forEachRow(rect, (r) => {
      const data = this.rows.get(r)!;
      const end = Math.min(rect.column + rect.columnCount, Math.max(data.v.length, data.f?.length ?? 0, data.s?.length ?? 0));
      for (let c = rect.column; c < end; c++) {
        if (contents) {
          data.v[c] = undefined;
          if (data.f) data.f[c] = undefined;
        }
        if (formats && data.s) data.s[c] = undefined;
      }
      trimTrailing(data.v);
      if (data.f) trimTrailing(data.f);
      if (data.s) trimTrailing(data.s);
      this.dropRowIfEmpty(r, data);
    });
    if (formats && !isWholeColumns(rect) && !isWholeRows(rect)) {
      // Cells under a row or column style must lose it too: pin them to the default style.
      const hasFallback = this.rowStyles.size > 0 || this.columnStyles.size > 0;
      if (hasFallback) {
        for (let r = rect.row; r < rect.row + rect.rowCount; r++) {
          for (let c = rect.column; c < rect.column + rect.columnCount; c++) {
            if ((this.rowStyles.get(r) ?? this.columnStyles.get(c) ?? 0) !== 0) this.setStyleId(r, c, 0);
          }
        }
      }
    }
  }

  /** Calls `visit` for every cell of the used rectangle (values and formulas), row by row. */
  forEachUsedCell(visit: (row: number, column: number) => void): void {
    const used = this.usedRect(true);
    if (used === undefined) return;
    for (let r = used.row; r < used.row + used.rowCount; r++) {
      for (let c = used.column; c < used.column + used.columnCount; c++) visit(r, c);
    }
  }

  /**
   * The smallest rectangle holding every non-empty value (valuesOnly) or every value, formula or
   * formatted cell; undefined when the sheet is blank.
   */
  usedRect(valuesOnly: boolean): Rect | undefined {
    let top = Infinity;
    let bottom = -1;
    let left = Infinity;
    let right = -1;
    for (const [r, data] of this.rows) {
      const lists = valuesOnly ? [data.v, data.f] : [data.v, data.f, data.s];
      for (const list of lists) {
        if (!list) continue;
        let first = -1;
        let last = -1;
        for (let c = 0; c < list.length; c++) {
          const x = list[c];
          if (x === undefined || (list === data.s && x === 0)) continue;
          if (first < 0) first = c;
          last = c;
        }
        if (first < 0) continue;
        if (r < top) top = r;
        if (r > bottom) bottom = r;
        if (first < left) left = first;
        if (last > right) right = last;
      }
    }
    if (!valuesOnly) {
      for (const r of this.rowStyles.keys()) {
        top = Math.min(top, r);
        bottom = Math.max(bottom, r);
        left = 0;
        right = Math.max(right, 0);
      }
      for (const c of this.columnStyles.keys()) {
        left = Math.min(left, c);
        right = Math.max(right, c);
        top = Math.min(top, 0);
        bottom = Math.max(bottom, 0);
      }
    }
    if (bottom < 0) return undefined;
    return { row: top, column: left, rowCount: bottom - top + 1, columnCount: right - left + 1 };
  }

  columnWidth(column: number): number {
    return this.columnWidths.get(column) ?? STANDARD_COLUMN_WIDTH;
  }

  rowHeight(row: number): number {
    if (this.hiddenRows.has(row)) return 0;
    return this.rowHeights.get(row) ?? STANDARD_ROW_HEIGHT;
  }

  /** Points from the sheet's top edge to the top of `row`. */
  rowTop(row: number): number {
    let total = row * STANDARD_ROW_HEIGHT;
    for (const [r, h] of this.rowHeights) if (r < row) total += h - STANDARD_ROW_HEIGHT;
    for (const r of this.hiddenRows) if (r < row) total -= this.rowHeights.get(r) ?? STANDARD_ROW_HEIGHT;
    return total;
  }

  /** Points from the sheet's left edge to the left of `column`. */
  columnLeft(column: number): number {
    let total = column * STANDARD_COLUMN_WIDTH;
    for (const [c, w] of this.columnWidths) if (c < column) total += w - STANDARD_COLUMN_WIDTH;
    return total;
  }

  /** The merged area containing (row, column), if any. */
  mergeAt(row: number, column: number): Rect | undefined {
    return this.merges.find((m) => row >= m.row && row < m.row + m.rowCount && column >= m.column && column < m.column + m.columnCount);
  }

  /** Position among the workbook's sheets (0-based). */
  get position(): number {
    return this.workbook.sheets.indexOf(this);
  }
}

function trimTrailing(list: unknown[]): void {
  let n = list.length;
  while (n > 0 && list[n - 1] === undefined) n--;
  list.length = n;
}

// ---------------------------------------------------------------------------------------------
// The workbook

export class WorkbookModel {
  name: string;
  readonly styles = new StyleTable();
  readonly sheets: SheetModel[] = [];
  tables: TableModel[] = [];
  names: NamedItemModel[] = [];
  /** Add-in settings: key → JSON-like value (Dates arrive as "Date(<ms>)" strings; kept as sent). */
  readonly settings = new Map<string, unknown>();
  customXmlParts: CustomXmlPartModel[] = [];
  calculationMode: "Automatic" | "AutomaticExceptTables" | "Manual" = "Automatic";
  /** Bumped by every cell content change (setValue, setFormula, clear); formula results are cached per version. */
  cellVersion = 0;
  /** How many formulas were ever written (0 lets reads skip formula evaluation). */
  formulaCount = 0;
  activeSheetId?: string;
  selection?: Selection;
  /** Workbook structure protection (Review > Protect Workbook; workbook.protection.protect()). */
  structureProtection: { protected: boolean; password?: string } = { protected: false };
  /** For a workbook read from CSV: the text encoding that was detected. */
  sourceEncoding?: string;
  /** For a workbook read from CSV: where a quoted field began that no quote closed (it holds the rest of the file). */
  unclosedQuote?: { readonly row: number; readonly column: number };
  private sheetCounter = 0;
  private idCounter = 0;

  constructor(name = "Book1.xlsx") {
    this.name = name;
  }

  /** Marks cell contents as changed (formula results must be recomputed). */
  noteFormulaChange(): void {
    this.cellVersion++;
  }

  /** A fresh unique id with a prefix ("{00000000-0001-…}" style for sheets). */
  nextId(kind: "sheet" | "chart" | "table" | "xml"): string {
    this.idCounter++;
    if (kind === "sheet") {
      const n = (++this.sheetCounter).toString(16).toUpperCase().padStart(4, "0");
      return `{00000000-${n}-0000-0000-000000000000}`;
    }
    if (kind === "xml") return `{${this.idCounter.toString(16).toUpperCase().padStart(8, "0")}-0000-4000-8000-000000000000}`;
    return `${this.idCounter}`;
  }

  /** Sheet by name (case-insensitive, as Excel matches) or by id. */
  sheet(nameOrId: string): SheetModel | undefined {
    const lower = String(nameOrId).toLowerCase();
    return this.sheets.find((s) => s.id === nameOrId) ?? this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  sheetById(id: string): SheetModel | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  /**
   * Adds a sheet at the end. Without a name it gets the first free "SheetN" (N counting from
   * the number of sheets + 1, as Excel does). Throws InvalidArgument for an illegal name and
   * ItemAlreadyExists for a duplicate (case-insensitive).
   */
  addSheet(name?: string | null): SheetModel {
    let finalName: string;
    if (name === undefined || name === null || name === "") {
      let n = this.sheets.length + 1;
      while (this.sheet(`Sheet${n}`)) n++;
      finalName = `Sheet${n}`;
    } else {
      this.checkSheetName(name);
      finalName = name;
    }
    const sheet = new SheetModel(this, this.nextId("sheet"), finalName);
    this.sheets.push(sheet);
    if (!this.activeSheetId) this.activeSheetId = sheet.id;
    return sheet;
  }

  /** Throws Excel's error when `name` cannot be given to `except` (or to a new sheet). */
  checkSheetName(name: unknown, except?: SheetModel): void {
    if (typeof name !== "string" || sheetNameProblem(name)) {
      throw invalidArgument(`sheet name ${JSON.stringify(name)}: ${typeof name === "string" ? sheetNameProblem(name) : "not text"}`);
    }
    const other = this.sheet(name);
    if (other && other !== except && other.name.toLowerCase() === name.toLowerCase()) throw itemAlreadyExists();
  }

  /** Removes a sheet with its charts, tables and scoped names. Refuses to remove the last visible one. */
  deleteSheet(sheet: SheetModel): void {
    const visible = this.sheets.filter((s) => s.visibility === "Visible");
    if (sheet.visibility === "Visible" && visible.length === 1) {
      throw new HostError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
    }
    if (sheet.visibility === "VeryHidden") {
      // Audit row 18: "If the worksheet's visibility is set to VeryHidden, the delete operation
      // will fail with an InvalidOperation exception" (the typings' Worksheet.delete, [T]).
      throw new HostError("InvalidOperation", "A very hidden worksheet cannot be deleted; make it visible or hidden first.");
    }
    const index = this.sheets.indexOf(sheet);
    this.sheets.splice(index, 1);
    sheet.deleted = true;
    this.tables = this.tables.filter((t) => t.sheetId !== sheet.id);
    this.names = this.names.filter((n) => n.sheetId !== sheet.id);
    // As in Excel, a name that referred to the sheet now refers to nothing: "=#REF!$A$1".
    for (const n of this.names) n.formula = replaceSheetReferences(n.formula, sheet.name, "#REF!");
    if (this.activeSheetId === sheet.id) {
      const next = this.sheets.slice(index).find((s) => s.visibility === "Visible") ?? this.sheets.filter((s) => s.visibility === "Visible").pop();
      this.activeSheetId = next?.id;
      this.selection = next ? { sheetId: next.id, rect: { row: 0, column: 0, rowCount: 1, columnCount: 1 } } : undefined;
    }
  }

  /** Moves a sheet to a new position (clamped). */
  moveSheet(sheet: SheetModel, position: number): void {
    const from = this.sheets.indexOf(sheet);
    this.sheets.splice(from, 1);
    const to = Math.max(0, Math.min(position, this.sheets.length));
    this.sheets.splice(to, 0, sheet);
  }

  activeSheet(): SheetModel {
    const active = this.activeSheetId ? this.sheetById(this.activeSheetId) : undefined;
    const sheet = active ?? this.sheets.find((s) => s.visibility === "Visible") ?? this.sheets[0];
    if (!sheet) throw new HostError("ItemNotFound", "The workbook has no worksheets.");
    return sheet;
  }

  /** The selection (defaults to A1 of the active sheet); `areas` holds every area, `rect` first. */
  currentSelection(): { sheet: SheetModel; rect: Rect; areas: readonly Rect[] } {
    const sel = this.selection;
    const sheet = sel ? this.sheetById(sel.sheetId) : undefined;
    if (sel && sheet) return { sheet, rect: sel.rect, areas: sel.areas ?? [sel.rect] };
    const a1 = { row: 0, column: 0, rowCount: 1, columnCount: 1 };
    return { sheet: this.activeSheet(), rect: a1, areas: [a1] };
  }

  /**
   * Sets the selection, making its sheet active (what a user's click does; tests call this).
   * More areas than one are a multi-area selection (Ctrl+click); the first holds the active cell.
   */
  select(sheet: SheetModel, rect: Rect, ...more: Rect[]): void {
    this.activeSheetId = sheet.id;
    this.selection = more.length === 0 ? { sheetId: sheet.id, rect } : { sheetId: sheet.id, rect, areas: [rect, ...more] };
  }

  /**
   * The sheet and rectangle a reference names ("Data!$B$2:$B$6", or a defined name's formula
   * "=Data!$A$1"), or undefined when it names no existing sheet's cells. A reference without a
   * sheet is on `home`, and names nothing when no home is given.
   */
  rangeOf(reference: string, home?: SheetModel): { sheet: SheetModel; rect: Rect } | undefined {
    const parsed = parseReference(reference.replace(/^=/, ""));
    const sheet = parsed?.sheet !== undefined ? this.sheet(parsed.sheet) : home;
    return parsed && sheet ? { sheet, rect: parsed } : undefined;
  }

  table(nameOrId: string): TableModel | undefined {
    const lower = String(nameOrId).toLowerCase();
    return this.tables.find((t) => t.id === nameOrId) ?? this.tables.find((t) => t.name.toLowerCase() === lower);
  }

  /** Workbook-scoped name (or one scoped to `sheet`), case-insensitive. */
  namedItem(name: string, sheet?: SheetModel): NamedItemModel | undefined {
    const lower = String(name).toLowerCase();
    return this.names.find((n) => n.name.toLowerCase() === lower && n.sheetId === sheet?.id);
  }

  /**
   * Copies a sheet of another workbook into this one under `name`: values, formulas, number
   * formats and styles (re-interned in this workbook's style table), widths, heights, merges,
   * frozen panes, tab colour and visibility. Charts are not copied. Used to gather several
   * input files into one workbook.
   */
  importSheet(source: SheetModel, name: string): SheetModel {
    const sheet = this.addSheet(name);
    const styleIds = new Map<number, number>();
    const remap = (id: number) => {
      let mapped = styleIds.get(id);
      if (mapped === undefined) {
        mapped = id === 0 ? 0 : this.styles.intern(source.workbook.styles.get(id));
        styleIds.set(id, mapped);
      }
      return mapped;
    };
    source.forEachCell((r, c) => {
      const formula = source.formula(r, c);
      if (formula !== undefined) sheet.setFormula(r, c, formula, source.value(r, c));
      else if (source.value(r, c) !== "") sheet.setValue(r, c, source.value(r, c));
      const own = source.styleId(r, c);
      if (own !== 0) sheet.setStyleId(r, c, remap(own));
    });
    for (const [c, w] of source.columnWidths) sheet.columnWidths.set(c, w);
    for (const [r, h] of source.rowHeights) sheet.rowHeights.set(r, h);
    for (const r of source.hiddenRows) sheet.hiddenRows.add(r);
    for (const [c, id] of source.columnStyles) sheet.columnStyles.set(c, remap(id));
    for (const [r, id] of source.rowStyles) sheet.rowStyles.set(r, remap(id));
    sheet.merges = source.merges.map((m) => ({ ...m }));
    sheet.freeze = { ...source.freeze };
    sheet.tabColor = source.tabColor;
    sheet.visibility = source.visibility;
    sheet.showGridlines = source.showGridlines;
    sheet.pageLayout = { ...source.pageLayout };
    return sheet;
  }

  /** Every chart with its sheet. */
  allCharts(): { sheet: SheetModel; chart: ChartModel }[] {
    return this.sheets.flatMap((sheet) => sheet.charts.map((chart) => ({ sheet, chart })));
  }
}

/** A new workbook with one empty sheet named `firstSheet`. */
export function newWorkbook(firstSheet = "Sheet1", name = "Book1.xlsx"): WorkbookModel {
  const wb = new WorkbookModel(name);
  wb.addSheet(firstSheet);
  return wb;
}
