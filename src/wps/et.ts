// The part of WPS's ET object model StatDesk calls, typed narrowly (et-jsapi-declare types
// Value2 as `string | any[]`), with the conversions every call site needs: BGR colours, CVErr
// numbers, Value2 shapes, character-unit widths. The only file that knows ET's shapes.

/** ET's Range: every member is a blocking call into WPS (wps-addin.md §2.3, "synchronous"). */
export interface EtRange {
  Value2: unknown;
  /** Formulas in en-US syntax, a 2-D array for a block (wps-addin.md §2.3 table, "write block"). */
  Formula: unknown;
  NumberFormat: string | null;
  readonly Row: number;
  readonly Column: number;
  readonly Worksheet: EtWorksheet;
  readonly Rows: { readonly Count: number };
  readonly Columns: { readonly Count: number };
  readonly Interior: { Color: number };
  readonly Font: { Bold: boolean; Italic: boolean; Size: number; Color: number; Name: string };
  HorizontalAlignment: number;
  VerticalAlignment: number;
  WrapText: boolean;
  ColumnWidth: number;
  RowHeight: number;
  /** Whole rows or columns only (VBA's Range.Hidden: "the specified range must span an entire column or row"). */
  Hidden: boolean;
  readonly Borders: { Item(edge: number): { LineStyle: number; Weight: number; Color: number } };
  /** Where the range starts, in points from the sheet's top-left (read-only in VBA and ET). */
  readonly Left: number;
  readonly Top: number;
  Address(rowAbsolute?: boolean, columnAbsolute?: boolean): string;
  Resize(rows: number, columns: number): EtRange;
  Select(): void;
}

export interface EtWorksheet {
  Name: string;
  Visible: number;
  readonly Index: number;
  readonly UsedRange: EtRange;
  readonly Tab: { Color: number };
  Range(address: string): EtRange;
  readonly Cells: { Item(row: number, column: number): EtRange };
  /** The sheet's tables (ListObjects, et-jsapi-declare lib.et.d.ts). */
  readonly ListObjects: { readonly Count: number; Item(index: number | string): { readonly Name: string; readonly Range: EtRange } };
  readonly Shapes: EtShapes;
  /** A parameterised member, called as a function (wps-addin.md §2.3: `ws.ChartObjects()`). */
  ChartObjects(): EtChartObjects;
  readonly PageSetup: { Orientation: number; Zoom: number | boolean; FitToPagesWide: number | boolean; FitToPagesTall: number | boolean };
  Delete(): void;
  Activate(): void;
}

/** A chart's axis: Axes(1) categories, Axes(2) values (et-jsapi-declare lib.kso.d.ts MsoAxis). */
export interface EtAxis {
  HasTitle: boolean;
  readonly AxisTitle: { Text: string };
  TickLabelPosition: number;
  readonly TickLabels: { NumberFormat: string };
}

export interface EtSeries {
  Name: string;
  /** A range (or an array) the series draws. */
  Values: unknown;
  ChartType: number;
  AxisGroup: number;
  HasDataLabels: boolean;
  DataLabels(): { NumberFormat: string };
  Delete(): void;
}

export interface EtChart {
  ChartType: number;
  SetSourceData(source: EtRange, plotBy?: number): void;
  HasTitle: boolean;
  readonly ChartTitle: { Text: string };
  HasLegend: boolean;
  readonly Legend: { Position: number };
  Axes(type: number, group?: number): EtAxis;
  /** Called without an index it is the collection (wps-addin.md §2.3: `SeriesCollection.Item(1)`). */
  SeriesCollection(): { readonly Count: number; Item(index: number): EtSeries; NewSeries(): EtSeries };
}

/** A chart's frame on the sheet: a Shape from AddChart2, or a ChartObject from ChartObjects().Add. */
export interface EtChartFrame {
  Name: string;
  readonly Chart: EtChart;
  Delete(): void;
}

export interface EtShapes {
  readonly Count: number;
  Item(indexOrName: number | string): EtChartFrame;
  /** Style 0, not -1, which returns null in some builds (wps-addin.md §2.3 table, "chart"). */
  AddChart2(style: number, type: number, left: number, top: number, width: number, height: number): EtChartFrame | null;
}

export interface EtChartObjects {
  readonly Count: number;
  Item(indexOrName: number | string): EtChartFrame;
  Add(left: number, top: number, width: number, height: number): EtChartFrame;
}

/**
 * The item of a 1-based ET collection whose Name is `name`, compared without case as ET compares
 * names; undefined when there is none (Item(name) throws for a missing one, so the items are walked).
 */
export function itemNamed<T extends { readonly Name: string }>(items: { readonly Count: number; Item(index: number): T }, name: string): T | undefined {
  const lower = name.toLowerCase();
  for (let i = 1; i <= items.Count; i++) {
    const item = items.Item(i);
    if (item.Name.toLowerCase() === lower) return item;
  }
  return undefined;
}

export interface EtWorksheets {
  readonly Count: number;
  /** 1-based index or name (wps-addin.md §2.3: collections are indexed with .Item(x)). */
  Item(indexOrName: number | string): EtWorksheet;
  /** Returns the new sheet, or null in some builds (wps-addin.md §2.3 table, "add sheet"). */
  Add(before?: EtWorksheet, after?: EtWorksheet): EtWorksheet | null;
}

export interface EtName {
  readonly Name: string;
  RefersTo: string;
  /** The range a name refers to (throws for a constant; lib.et.d.ts Name.RefersToRange). */
  readonly RefersToRange: EtRange;
  Visible: boolean;
  Delete(): void;
}

export interface EtNames {
  readonly Count: number;
  Item(indexOrName: number | string): EtName;
  Add(name: string, refersTo: string, visible?: boolean): EtName;
}

export interface EtWorkbook {
  readonly Worksheets: EtWorksheets;
  readonly Names: EtNames;
}

export interface EtApplication {
  readonly ActiveWorkbook: EtWorkbook;
  readonly ActiveSheet: EtWorksheet;
  /** A range, or a shape or chart when one is selected (wps-addin.md §2.3 table: check for Address). */
  readonly Selection: unknown;
  /** Freeze panes are the window's, for the active sheet (§2.3 table, "freeze panes"). */
  readonly ActiveWindow: { SplitRow: number; SplitColumn: number; FreezePanes: boolean };
  ScreenUpdating: boolean;
  DisplayAlerts: boolean;
}

/** Our own numeric constants: ET's enums are ambient only (wps-addin.md §2.3, "Enums are numbers"). */
export const XL = {
  sheetVisible: -1,
  sheetHidden: 0,
  alignLeft: -4131,
  alignCenter: -4108,
  alignRight: -4152,
  edgeTop: 8,
  edgeBottom: 9,
  lineContinuous: 1,
  weightThin: 2,
  // Chart types (§2.3 table, "chart": 51 clustered column, 4 line; 65 line with markers, VBA's XlChartType).
  columnClustered: 51,
  line: 4,
  lineMarkers: 65,
  // Series by columns (XlRowCol), axes (XlAxisType, XlAxisGroup), positions (XlLegendPosition, XlTickLabelPosition).
  plotByColumns: 2,
  axisCategory: 1,
  axisValue: 2,
  axisSecondary: 2,
  legendBottom: -4107,
  tickLabelsLow: -4134,
  // Page setup (XlPageOrientation).
  portrait: 1,
  landscape: 2,
} as const;

/** "#RRGGBB" → ET's BGR long, r + g*256 + b*65536 (wps-addin.md §2.3). bgr("#FF0000") // => 255 */
export function bgr(hex: string): number {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (m === null) throw new Error(`not a #RRGGBB colour: ${hex}`);
  return parseInt(m[1], 16) + parseInt(m[2], 16) * 256 + parseInt(m[3], 16) * 65536;
}

/** ET's BGR long → "#RRGGBB". hexOfBgr(255) // => "#FF0000" */
export function hexOfBgr(value: number): string {
  const hex = (n: number) => n.toString(16).toUpperCase().padStart(2, "0");
  return `#${hex(value & 0xff)}${hex((value >> 8) & 0xff)}${hex((value >> 16) & 0xff)}`;
}

/**
 * Formula errors as Value2 gives them: CVErr numbers, 0x800A0000 + xlErr code read as a signed
 * 32-bit integer (wps-addin.md §2.3 table, "formula errors": #DIV/0! = -2146826281).
 */
const XL_ERRORS: ReadonlyMap<number, string> = new Map([
  [2000, "#NULL!"],
  [2007, "#DIV/0!"],
  [2015, "#VALUE!"],
  [2023, "#REF!"],
  [2029, "#NAME?"],
  [2036, "#NUM!"],
  [2042, "#N/A"],
]);
const CVERR_BASE = 0x800a0000 - 2 ** 32;

/** The CVErr number of an error text. cvErr("#N/A") // => -2146826246 */
export function cvErr(text: string): number {
  for (const [code, t] of XL_ERRORS) if (t === text) return CVERR_BASE + code;
  throw new Error(`not an error text: ${text}`);
}

/** The error text of a CVErr number, else undefined (an ordinary figure). errorText(-2146826281) // => "#DIV/0!" */
export function errorText(value: number): string | undefined {
  return Number.isInteger(value) ? XL_ERRORS.get(value - CVERR_BASE) : undefined;
}

export type EtCell = number | string | boolean;

/** One Value2 cell as the core takes it: null/undefined → "", a CVErr number → its text. */
export function coreCell(value: unknown): EtCell {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return errorText(value) ?? value;
  if (typeof value === "string" || typeof value === "boolean") return value;
  return String(value);
}

/**
 * Value2 of a rows×columns range as a 2-D grid. One cell gives a scalar; the single-row/column
 * shape is undocumented (wps-addin.md §2.3 table, "read block"), so a flat array is taken as
 * the one row or the one column, whichever the range is.
 */
export function grid2D(value2: unknown, rows: number, columns: number): EtCell[][] {
  if (!Array.isArray(value2)) return [[coreCell(value2)]];
  if (value2.length > 0 && !value2.some(Array.isArray)) {
    return columns === 1 && rows > 1 ? value2.map((v) => [coreCell(v)]) : [value2.map(coreCell)];
  }
  return (value2 as unknown[]).map((row) => (Array.isArray(row) ? row.map(coreCell) : [coreCell(row)]));
}

/**
 * Points (the summary model's widths) → ET's character units. Measured on 12.1.0.28043:
 * points ≈ 5.625 × chars + 3.35 (wps-addin.md §2.3 table, "column width"); depends on the font.
 */
export function charsOfPoints(points: number): number {
  return Math.max(0, Math.round(((points - 3.35) / 5.625) * 100) / 100);
}

/** ET's character units → points, the inverse of charsOfPoints. */
export function pointsOfChars(chars: number): number {
  return chars * 5.625 + 3.35;
}
