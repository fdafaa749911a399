// A stand-in for WPS 表格's ET object model, backed by the in-memory WorkbookModel the Office.js
// host answers from, so one workbook can be compared across both paths. Kingsoft ships no fake
// (wps-addin.md §4), so each quirk below says where it was measured or read; what no probe has
// seen (chart members, page setup, the window's freeze) follows VBA's object model as
// et-jsapi-declare types it, and is listed in the README's real-WPS checklist. Every member read,
// write or call is one bridge call, counted, and can be made to fail (fault injection).
//
// It lives in src/ (its own layer, wps-standin: host and wps/et only) because three places run it:
// the tests, the command line's `--via wps`, and the browser page that loads the task pane as WPS
// would (src/wps-standin/page.tsx).

import { columnIndex, intersectRects, MAX_COLUMNS, MAX_ROWS, parseAddress, quoteSheetName, rectName, sheetOfReference } from "../core/a1";
import { absoluteAddress, replaceSheetReferences } from "../host/address";
import { deriveSeries, newChart, sourceAddress } from "../host/charts";
import { isErrorValue } from "../host/values";
import { BorderModel, ChartAxisModel, ChartModel, ChartSeriesModel, SheetModel, WorkbookModel } from "../host/model";
import {
  cvErr,
  EtApplication,
  EtAxis,
  EtChart,
  EtChartFrame,
  EtChartObjects,
  EtName,
  EtNames,
  EtRange,
  EtSeries,
  EtShapes,
  EtWorkbook,
  EtWorksheet,
  EtWorksheets,
  hexOfBgr,
  pointsOfChars,
} from "../wps/et";
import type { WpsAddinHost, WpsTaskPane } from "../wps/ribbon";

type Rect = { row: number; column: number; rowCount: number; columnCount: number };

export interface StandInOptions {
  /**
   * How Value2 gives one row or one column: "2d" as VBA does ([[a, b]] / [[a], [b]]), or "flat"
   * ([a, b]) — the shape is "官方未成文" (wps-addin.md §2.3 table, "read block"), so both are tried.
   */
  readonly lineShape?: "2d" | "flat";
  /** Worksheets.Add returns null, as the claude SKILL reports for some builds (wps-addin.md §2.3 table, "add sheet"). */
  readonly addReturnsNull?: boolean;
  /** Fails the bridge call for which this answers true (call number from 1, member as "Range.Value2=" etc.). */
  readonly fault?: (call: number, member: string) => boolean;
  /** Shapes.AddChart2 returns null, as the claude SKILL reports for style -1 (§2.3 table, "chart"): the fallback is ChartObjects().Add. */
  readonly addChart2ReturnsNull?: boolean;
}

/** What happened across the bridge, for assertions. */
export interface BridgeLog {
  calls: number;
  /** Calls per member ("Range.Value2=", "Worksheets.Add()"). */
  readonly byMember: Map<string, number>;
  /** Cell writes made while ScreenUpdating was on. */
  writesWithScreenOn: number;
}

class Bridge {
  readonly log: BridgeLog = { calls: 0, byMember: new Map(), writesWithScreenOn: 0 };
  screenUpdating = true;
  displayAlerts = true;
  /** The window's split, set before FreezePanes = true freezes it (Window.SplitRow / SplitColumn). */
  split = { rows: 0, columns: 0 };
  constructor(
    readonly workbook: WorkbookModel,
    readonly options: StandInOptions,
  ) {}

  /** One call across the process boundary: counted, and failed when the fault says so. */
  call(member: string): void {
    this.log.calls++;
    this.log.byMember.set(member, (this.log.byMember.get(member) ?? 0) + 1);
    if (this.options.fault?.(this.log.calls, member) === true) throw new Error(`injected fault at call ${this.log.calls} (${member})`);
  }

  write(member: string): void {
    this.call(member);
    if (this.screenUpdating) this.log.writesWithScreenOn++;
  }
}

/** A1 text (no sheet) → 0-based rectangle; whole columns and rows span the sheet. */
function parseRef(text: string): Rect {
  const parts = text.replace(/\$/g, "").split(":");
  const one = (p: string) => {
    const cell = /^([A-Za-z]{1,3})(\d+)$/.exec(p);
    if (cell) return { row: Number(cell[2]) - 1, column: columnIndex(cell[1].toUpperCase()), kind: "cell" as const };
    if (/^[A-Za-z]{1,3}$/.test(p)) return { row: 0, column: columnIndex(p.toUpperCase()), kind: "column" as const };
    if (/^\d+$/.test(p)) return { row: Number(p) - 1, column: 0, kind: "row" as const };
    throw new Error(`not an A1 reference: ${text}`);
  };
  const a = one(parts[0]);
  const b = one(parts[1] ?? parts[0]);
  if (a.kind === "column") return { row: 0, column: a.column, rowCount: MAX_ROWS, columnCount: b.column - a.column + 1 };
  if (a.kind === "row") return { row: a.row, column: 0, rowCount: b.row - a.row + 1, columnCount: MAX_COLUMNS };
  return { row: a.row, column: a.column, rowCount: b.row - a.row + 1, columnCount: b.column - a.column + 1 };
}

/** A model value as Value2 gives it. */
function value2Of(v: string | number | boolean): unknown {
  // Empty cells read null, not "" (wps-addin.md §2.3 table, "read block": "Empty cells read `null`").
  if (v === "") return null;
  // Errors read as CVErr numbers, 0x800A0000 + xlErr (§2.3 table, "formula errors", COM probe on 12.1.0.28043).
  if (isErrorValue(v)) return cvErr(v as string);
  return v;
}

class StandInRange implements EtRange {
  constructor(
    private readonly bridge: Bridge,
    private readonly sheet: SheetModel,
    private readonly rect: Rect,
  ) {}

  get Worksheet(): EtWorksheet {
    this.bridge.call("Range.Worksheet");
    return new StandInWorksheet(this.bridge, this.sheet);
  }
  get Row(): number {
    this.bridge.call("Range.Row");
    // Rows, columns and indices are 1-based (wps-addin.md §2.3, "How the JSAPI differs from VBA").
    return this.rect.row + 1;
  }
  get Column(): number {
    this.bridge.call("Range.Column");
    return this.rect.column + 1;
  }
  get Rows(): { Count: number } {
    this.bridge.call("Range.Rows");
    const bridge = this.bridge;
    const count = this.rect.rowCount;
    return {
      get Count() {
        bridge.call("Rows.Count");
        return count;
      },
    };
  }
  get Columns(): { Count: number } {
    this.bridge.call("Range.Columns");
    const bridge = this.bridge;
    const count = this.rect.columnCount;
    return {
      get Count() {
        bridge.call("Columns.Count");
        return count;
      },
    };
  }

  get Value2(): unknown {
    this.bridge.call("Range.Value2");
    const rows = this.sheet.values(this.rect).map((row) => row.map(value2Of));
    // One cell gives a scalar (§2.3 table, "read block": "one cell gives a scalar").
    if (this.rect.rowCount === 1 && this.rect.columnCount === 1) return rows[0][0];
    if (this.bridge.options.lineShape === "flat") {
      if (this.rect.rowCount === 1) return rows[0];
      if (this.rect.columnCount === 1) return rows.map((r) => r[0]);
    }
    return rows;
  }
  set Value2(value: unknown) {
    this.bridge.write("Range.Value2=");
    const grid = Array.isArray(value) ? (value as unknown[]).map((r) => (Array.isArray(r) ? r : [r])) : [[value]];
    if (grid.length !== this.rect.rowCount || grid.some((r) => r.length !== this.rect.columnCount)) {
      throw new Error(`Value2: a ${grid.length}-row array for a ${this.rect.rowCount}×${this.rect.columnCount} range`);
    }
    // Applied at once, cell by cell: there is no batch to roll back (§2.3, "It is not transactional").
    grid.forEach((row, r) =>
      row.forEach((v, c) => {
        const cell = v === null || v === undefined ? "" : (v as string | number | boolean);
        this.sheet.setValue(this.rect.row + r, this.rect.column + c, cell);
      }),
    );
  }

  get Formula(): unknown {
    throw new Error("not modelled");
  }
  /**
   * A block of formulas and constants, as VBA's Range.Formula takes them (wps-addin.md §2.3 table,
   * "write block": `.Formula = [[…]]`, en-US syntax): a text starting with "=" is a formula unless
   * the cell is formatted "@" (then it is text, as typing it would be), the rest as Value2 writes it.
   */
  set Formula(value: unknown) {
    this.bridge.write("Range.Formula=");
    const grid = Array.isArray(value) ? (value as unknown[]).map((r) => (Array.isArray(r) ? r : [r])) : [[value]];
    if (grid.length !== this.rect.rowCount || grid.some((r) => r.length !== this.rect.columnCount)) {
      throw new Error(`Formula: a ${grid.length}-row array for a ${this.rect.rowCount}×${this.rect.columnCount} range`);
    }
    grid.forEach((row, r) =>
      row.forEach((v, c) => {
        const cell = v === null || v === undefined ? "" : (v as string | number | boolean);
        const at = { row: this.rect.row + r, column: this.rect.column + c };
        if (typeof cell === "string" && cell.startsWith("=") && this.sheet.style(at.row, at.column).numberFormat !== "@") this.sheet.setFormula(at.row, at.column, cell, "");
        else this.sheet.setValue(at.row, at.column, cell);
      }),
    );
  }

  get NumberFormat(): string | null {
    this.bridge.call("Range.NumberFormat");
    // One string for a range that shares a format; null for a mixed one, as VBA answers (an
    // inference: wps-addin.md §2.3 table, "number format", says only "one string for the whole range").
    // Whole columns or rows are looked at within the used cells (the rest shares their column's style).
    const used = this.sheet.usedRect(false);
    const rect = (used !== undefined ? intersectRects(this.rect, used) : undefined) ?? { ...this.rect, rowCount: 1, columnCount: 1 };
    let format: string | undefined;
    for (let r = rect.row; r < rect.row + rect.rowCount; r++) {
      for (let c = rect.column; c < rect.column + rect.columnCount; c++) {
        const f = this.sheet.style(r, c).numberFormat;
        if (format === undefined) format = f;
        else if (f !== format) return null;
      }
    }
    return format ?? "General";
  }
  set NumberFormat(format: string | null) {
    this.bridge.write("Range.NumberFormat=");
    const f = format ?? "General";
    this.sheet.updateStyle(this.rect, `numberFormat=${f}`, (s) => ({ ...s, numberFormat: f }));
  }

  get Interior(): { Color: number } {
    this.bridge.call("Range.Interior");
    const self = { bridge: this.bridge, sheet: this.sheet, rect: this.rect };
    return {
      get Color(): number {
        throw new Error("not modelled");
      },
      set Color(value: number) {
        self.bridge.write("Interior.Color=");
        // Colours are BGR longs (§2.3, "How the JSAPI differs from VBA").
        const fill = hexOfBgr(value);
        self.sheet.updateStyle(self.rect, `fill=${fill}`, (s) => ({ ...s, fill }));
      },
    };
  }

  get Font(): { Bold: boolean; Italic: boolean; Size: number; Color: number; Name: string } {
    this.bridge.call("Range.Font");
    const self = { bridge: this.bridge, sheet: this.sheet, rect: this.rect };
    const set = (member: string, key: string, apply: (f: ReturnType<SheetModel["style"]>["font"]) => ReturnType<SheetModel["style"]>["font"]) => {
      self.bridge.write(`Font.${member}=`);
      self.sheet.updateStyle(self.rect, key, (s) => ({ ...s, font: apply(s.font) }));
    };
    return {
      get Bold(): boolean {
        throw new Error("not modelled");
      },
      set Bold(v: boolean) {
        set("Bold", `bold=${v}`, (f) => ({ ...f, bold: v }));
      },
      get Italic(): boolean {
        throw new Error("not modelled");
      },
      set Italic(v: boolean) {
        set("Italic", `italic=${v}`, (f) => ({ ...f, italic: v }));
      },
      get Size(): number {
        throw new Error("not modelled");
      },
      set Size(v: number) {
        set("Size", `size=${v}`, (f) => ({ ...f, size: v }));
      },
      get Color(): number {
        throw new Error("not modelled");
      },
      set Color(v: number) {
        const color = hexOfBgr(v);
        set("Color", `color=${color}`, (f) => ({ ...f, color }));
      },
      get Name(): string {
        throw new Error("not modelled");
      },
      set Name(v: string) {
        set("Name", `name=${v}`, (f) => ({ ...f, name: v }));
      },
    };
  }

  get VerticalAlignment(): number {
    throw new Error("not modelled");
  }
  set VerticalAlignment(value: number) {
    this.bridge.write("Range.VerticalAlignment=");
    // -4108 centre, -4160 top, -4107 bottom (XlVAlign, numbers as every ET enum).
    const name = { [-4108]: "Center", [-4160]: "Top", [-4107]: "Bottom" }[value];
    if (name === undefined) throw new Error(`VerticalAlignment ${value}`);
    this.sheet.updateStyle(this.rect, `vertical=${name}`, (s) => ({ ...s, verticalAlignment: name }));
  }

  get Left(): number {
    this.bridge.call("Range.Left");
    // Points from the sheet's left edge, as VBA's Range.Left (read-only).
    return this.sheet.columnLeft(this.rect.column);
  }
  get Top(): number {
    this.bridge.call("Range.Top");
    return this.sheet.rowTop(this.rect.row);
  }

  /** Where the range is, for the chart members that take one (SetSourceData, Series.Values). */
  get place(): { sheet: SheetModel; rect: Rect } {
    return { sheet: this.sheet, rect: this.rect };
  }

  get HorizontalAlignment(): number {
    throw new Error("not modelled");
  }
  set HorizontalAlignment(value: number) {
    this.bridge.write("Range.HorizontalAlignment=");
    // Numeric enums (§2.3 table, "alignment": -4108 centre, -4131 left, -4152 right).
    const name = { [-4108]: "Center", [-4131]: "Left", [-4152]: "Right" }[value];
    if (name === undefined) throw new Error(`HorizontalAlignment ${value}`);
    this.sheet.updateStyle(this.rect, `horizontal=${name}`, (s) => ({ ...s, horizontalAlignment: name }));
  }

  get WrapText(): boolean {
    throw new Error("not modelled");
  }
  set WrapText(value: boolean) {
    this.bridge.write("Range.WrapText=");
    this.sheet.updateStyle(this.rect, `wrap=${value}`, (s) => ({ ...s, wrapText: value }));
  }

  get ColumnWidth(): number {
    this.bridge.call("Range.ColumnWidth");
    return (this.sheet.columnWidth(this.rect.column) - 3.35) / 5.625;
  }
  set ColumnWidth(chars: number) {
    this.bridge.write("Range.ColumnWidth=");
    // Character units, points ≈ 5.625 × chars + 3.35 (§2.3 table, "column width", measured on 12.1.0.28043).
    for (let c = this.rect.column; c < this.rect.column + this.rect.columnCount; c++) this.sheet.columnWidths.set(c, pointsOfChars(chars));
  }

  get Hidden(): boolean {
    this.bridge.call("Range.Hidden");
    for (let r = this.rect.row; r < this.rect.row + this.rect.rowCount; r++) if (!this.sheet.hiddenRows.has(r)) return false;
    return true;
  }
  set Hidden(hide: boolean) {
    this.bridge.write("Range.Hidden=");
    // Whole rows only here (VBA's Range.Hidden refuses a range that spans no entire row or column).
    if (this.rect.columnCount !== MAX_COLUMNS) throw new Error("Range.Hidden: the range must span entire rows");
    for (let r = this.rect.row; r < this.rect.row + this.rect.rowCount; r++) {
      if (hide) this.sheet.hiddenRows.add(r);
      else this.sheet.hiddenRows.delete(r);
    }
  }

  get RowHeight(): number {
    this.bridge.call("Range.RowHeight");
    return this.sheet.rowHeight(this.rect.row);
  }
  set RowHeight(points: number) {
    this.bridge.write("Range.RowHeight=");
    // Row heights are in points (§2.3 table, "column width").
    for (let r = this.rect.row; r < this.rect.row + this.rect.rowCount; r++) this.sheet.rowHeights.set(r, points);
  }

  get Borders(): { Item(edge: number): { LineStyle: number; Weight: number; Color: number } } {
    this.bridge.call("Range.Borders");
    const self = { bridge: this.bridge, sheet: this.sheet, rect: this.rect };
    return {
      Item(edge: number) {
        // Collections are reached through .Item(x) (§2.3); xlEdgeTop 8, xlEdgeBottom 9.
        self.bridge.call("Borders.Item()");
        const name = edge === 8 ? "EdgeTop" : edge === 9 ? "EdgeBottom" : undefined;
        if (name === undefined) throw new Error(`border edge ${edge} not modelled`);
        const update = (member: string, value: number, change: (b: BorderModel) => BorderModel) => {
          self.bridge.write(`Border.${member}=`);
          self.sheet.updateStyle(self.rect, `${name}:${member}=${value}`, (s) => {
            const was = s.borders[name] ?? { style: "None", color: "#000000", weight: "Thin" };
            return { ...s, borders: { ...s.borders, [name]: change({ ...was }) } };
          });
        };
        return {
          get LineStyle(): number {
            throw new Error("not modelled");
          },
          set LineStyle(v: number) {
            update("LineStyle", v, (b) => ({ ...b, style: v === 1 ? "Continuous" : "None" }));
          },
          get Weight(): number {
            throw new Error("not modelled");
          },
          set Weight(v: number) {
            update("Weight", v, (b) => ({ ...b, weight: v === 2 ? "Thin" : v === 1 ? "Hairline" : v === -4138 ? "Medium" : "Thick" }));
          },
          get Color(): number {
            throw new Error("not modelled");
          },
          set Color(v: number) {
            update("Color", v, (b) => ({ ...b, color: hexOfBgr(v) }));
          },
        };
      },
    };
  }

  Address(rowAbsolute = true, columnAbsolute = true): string {
    this.bridge.call("Range.Address()");
    const plain = rectName(this.rect);
    return rowAbsolute && columnAbsolute ? plain.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2") : plain;
  }

  Resize(rows: number, columns: number): EtRange {
    this.bridge.call("Range.Resize()");
    return new StandInRange(this.bridge, this.sheet, { row: this.rect.row, column: this.rect.column, rowCount: rows, columnCount: columns });
  }

  Select(): void {
    this.bridge.call("Range.Select()");
    this.sheet.workbook.select(this.sheet, this.rect);
  }
}

/** Excel.ChartType names of the XlChartType numbers StatDesk uses (§2.3 table, "chart": 51 clustered column, 4 line; 65 line with markers). */
const CHART_TYPE_NAMES: ReadonlyMap<number, string> = new Map([
  [51, "ColumnClustered"],
  [4, "Line"],
  [65, "LineMarkers"],
]);

function chartTypeName(type: number): string {
  const name = CHART_TYPE_NAMES.get(type);
  if (name === undefined) throw new Error(`chart type ${type} not modelled`);
  return name;
}

/** A stand-in range's sheet and cells (the chart members take ranges). */
function placeOf(range: unknown): { sheet: SheetModel; rect: Rect } {
  if (!(range instanceof StandInRange)) throw new Error("not a range of this workbook");
  return range.place;
}

/** A title as VBA's chart parts keep it: HasTitle shows or hides it, Text sets the words. */
function titled(bridge: Bridge, where: string, title: () => { text: string; visible: boolean }) {
  return {
    get HasTitle(): boolean {
      bridge.call(`${where}.HasTitle`);
      return title().visible;
    },
    set HasTitle(v: boolean) {
      bridge.write(`${where}.HasTitle=`);
      title().visible = v;
    },
    text: {
      get Text(): string {
        bridge.call(`${where}.Title.Text`);
        return title().text;
      },
      set Text(v: string) {
        bridge.write(`${where}.Title.Text=`);
        title().text = v;
      },
    },
  };
}

class StandInSeries implements EtSeries {
  constructor(
    private readonly bridge: Bridge,
    private readonly chart: ChartModel,
    private readonly series: ChartSeriesModel,
  ) {}

  get Name(): string {
    this.bridge.call("Series.Name");
    return this.series.name;
  }
  set Name(v: string) {
    this.bridge.write("Series.Name=");
    this.series.name = v;
    delete this.series.nameAddress;
  }
  get Values(): unknown {
    throw new Error("not modelled");
  }
  set Values(range: unknown) {
    this.bridge.write("Series.Values=");
    const { sheet, rect } = placeOf(range);
    this.series.valuesAddress = absoluteAddress(sheet.name, rect);
  }
  get ChartType(): number {
    throw new Error("not modelled");
  }
  set ChartType(type: number) {
    this.bridge.write("Series.ChartType=");
    this.series.chartType = chartTypeName(type);
  }
  get AxisGroup(): number {
    this.bridge.call("Series.AxisGroup");
    return this.series.axisGroup === "Secondary" ? 2 : 1;
  }
  set AxisGroup(group: number) {
    this.bridge.write("Series.AxisGroup=");
    // xlPrimary 1, xlSecondary 2 (XlAxisGroup).
    this.series.axisGroup = group === 2 ? "Secondary" : "Primary";
  }
  get HasDataLabels(): boolean {
    this.bridge.call("Series.HasDataLabels");
    return this.series.hasDataLabels;
  }
  set HasDataLabels(v: boolean) {
    this.bridge.write("Series.HasDataLabels=");
    this.series.hasDataLabels = v;
    if (v) this.series.dataLabels ??= { showValue: true };
  }
  DataLabels(): { NumberFormat: string } {
    this.bridge.call("Series.DataLabels()");
    const bridge = this.bridge;
    const labels = () => (this.series.dataLabels ??= { showValue: this.series.hasDataLabels });
    return {
      get NumberFormat(): string {
        bridge.call("DataLabels.NumberFormat");
        return labels().numberFormat ?? "General";
      },
      set NumberFormat(v: string) {
        bridge.write("DataLabels.NumberFormat=");
        labels().numberFormat = v;
      },
    };
  }
  Delete(): void {
    this.bridge.call("Series.Delete()");
    this.chart.series = this.chart.series.filter((x) => x !== this.series);
  }
}

class StandInChart implements EtChart {
  constructor(
    private readonly bridge: Bridge,
    private readonly chart: ChartModel,
  ) {}

  get ChartType(): number {
    throw new Error("not modelled");
  }
  set ChartType(type: number) {
    this.bridge.write("Chart.ChartType=");
    this.chart.chartType = chartTypeName(type);
  }
  SetSourceData(source: EtRange, plotBy?: number): void {
    this.bridge.write("Chart.SetSourceData()");
    // Series down columns (xlColumns 2) or across rows (xlRows 1), derived as Excel derives them from a source range.
    const { sheet, rect } = placeOf(source);
    const by = plotBy === 2 ? "Columns" : plotBy === 1 ? "Rows" : "Auto";
    this.chart.sourceAddress = sourceAddress(sheet, rect);
    this.chart.seriesBy = by;
    this.chart.series = deriveSeries(sheet, rect, by);
  }
  get HasTitle(): boolean {
    return titled(this.bridge, "Chart", () => this.chart.title).HasTitle;
  }
  set HasTitle(v: boolean) {
    titled(this.bridge, "Chart", () => this.chart.title).HasTitle = v;
  }
  get ChartTitle(): { Text: string } {
    this.bridge.call("Chart.ChartTitle");
    return titled(this.bridge, "Chart", () => this.chart.title).text;
  }
  get HasLegend(): boolean {
    this.bridge.call("Chart.HasLegend");
    return this.chart.legend.visible;
  }
  set HasLegend(v: boolean) {
    this.bridge.write("Chart.HasLegend=");
    this.chart.legend.visible = v;
  }
  get Legend(): { Position: number } {
    this.bridge.call("Chart.Legend");
    const bridge = this.bridge;
    const legend = this.chart.legend;
    // XlLegendPosition: bottom -4107, corner 2, left -4131, right -4152, top -4160.
    const names = new Map<number, string>([
      [-4107, "Bottom"],
      [2, "Corner"],
      [-4131, "Left"],
      [-4152, "Right"],
      [-4160, "Top"],
    ]);
    return {
      get Position(): number {
        throw new Error("not modelled");
      },
      set Position(v: number) {
        bridge.write("Legend.Position=");
        const name = names.get(v);
        if (name === undefined) throw new Error(`legend position ${v}`);
        legend.position = name;
      },
    };
  }
  Axes(type: number): EtAxis {
    this.bridge.call("Chart.Axes()");
    // XlAxisType: xlCategory 1, xlValue 2.
    const axis: ChartAxisModel = type === 1 ? this.chart.axes.category : type === 2 ? this.chart.axes.value : (undefined as never);
    if (axis === undefined) throw new Error(`axis ${type} not modelled`);
    const bridge = this.bridge;
    const title = titled(bridge, "Axis", () => axis.title);
    return {
      get HasTitle() {
        return title.HasTitle;
      },
      set HasTitle(v: boolean) {
        title.HasTitle = v;
      },
      get AxisTitle() {
        bridge.call("Axis.AxisTitle");
        return title.text;
      },
      get TickLabelPosition(): number {
        throw new Error("not modelled");
      },
      set TickLabelPosition(v: number) {
        bridge.write("Axis.TickLabelPosition=");
        // XlTickLabelPosition: low -4134, high -4127, next to axis 4, none -4142.
        const name = ({ [-4134]: "Low", [-4127]: "High", [4]: "NextToAxis", [-4142]: "None" } as const)[v];
        if (name === undefined) throw new Error(`tick label position ${v}`);
        axis.tickLabelPosition = name;
      },
      get TickLabels() {
        bridge.call("Axis.TickLabels");
        return {
          get NumberFormat(): string {
            return axis.numberFormat ?? "General";
          },
          set NumberFormat(v: string) {
            bridge.write("TickLabels.NumberFormat=");
            axis.numberFormat = v;
          },
        };
      },
    };
  }
  SeriesCollection(): { readonly Count: number; Item(index: number): EtSeries; NewSeries(): EtSeries } {
    this.bridge.call("Chart.SeriesCollection()");
    const { bridge, chart } = this;
    return {
      get Count() {
        bridge.call("SeriesCollection.Count");
        return chart.series.length;
      },
      Item(index: number): EtSeries {
        bridge.call("SeriesCollection.Item()");
        const series = chart.series[index - 1];
        if (series === undefined || index < 1) throw new Error(`SeriesCollection.Item(${index}): no such series`);
        return new StandInSeries(bridge, chart, series);
      },
      NewSeries(): EtSeries {
        bridge.write("SeriesCollection.NewSeries()");
        const series: ChartSeriesModel = { name: `Series${chart.series.length + 1}`, axisGroup: "Primary", hasDataLabels: false };
        chart.series.push(series);
        return new StandInSeries(bridge, chart, series);
      },
    };
  }
}

/** A chart's frame: a Shape (AddChart2) or a ChartObject (ChartObjects().Add); both are the host's ChartModel. */
class StandInFrame implements EtChartFrame {
  constructor(
    private readonly bridge: Bridge,
    private readonly sheet: SheetModel,
    private readonly chart: ChartModel,
  ) {}

  get Name(): string {
    this.bridge.call("Shape.Name");
    return this.chart.name;
  }
  set Name(v: string) {
    this.bridge.write("Shape.Name=");
    this.chart.name = v;
  }
  get Chart(): EtChart {
    this.bridge.call("Shape.Chart");
    return new StandInChart(this.bridge, this.chart);
  }
  Delete(): void {
    this.bridge.call("Shape.Delete()");
    this.sheet.charts = this.sheet.charts.filter((c) => c !== this.chart);
  }
}

/** Shapes and ChartObjects over one sheet's charts (the only shapes StatDesk makes). */
function frames(bridge: Bridge, sheet: SheetModel, what: "Shapes" | "ChartObjects") {
  const item = (indexOrName: number | string): EtChartFrame => {
    bridge.call(`${what}.Item()`);
    const chart =
      typeof indexOrName === "number" ? (indexOrName >= 1 ? sheet.charts[indexOrName - 1] : undefined) : sheet.charts.find((c) => c.name.toLowerCase() === indexOrName.toLowerCase());
    if (chart === undefined) throw new Error(`${what}.Item(${JSON.stringify(indexOrName)}): no such shape`);
    return new StandInFrame(bridge, sheet, chart);
  };
  const add = (type: string, left: number, top: number, width: number, height: number): EtChartFrame => {
    const wb = sheet.workbook;
    const chart = newChart(wb.nextId("chart"), `Chart ${wb.allCharts().length + 1}`, type, "Auto");
    Object.assign(chart, { left, top, width, height });
    sheet.charts.push(chart);
    return new StandInFrame(bridge, sheet, chart);
  };
  return {
    get Count(): number {
      bridge.call(`${what}.Count`);
      return sheet.charts.length;
    },
    Item: item,
    add,
  };
}

class StandInWorksheet implements EtWorksheet {
  constructor(
    private readonly bridge: Bridge,
    readonly model: SheetModel,
  ) {}

  private alive(member: string): void {
    this.bridge.call(member);
    if (this.model.deleted) throw new Error("the sheet was deleted");
  }

  get Name(): string {
    this.alive("Worksheet.Name");
    return this.model.name;
  }
  set Name(name: string) {
    this.alive("Worksheet.Name=");
    const wb = this.model.workbook;
    wb.checkSheetName(name, this.model);
    // Names follow the sheet through a rename, as in Excel.
    for (const n of wb.names) n.formula = replaceSheetReferences(n.formula, this.model.name, `${quoteSheetName(name)}!`);
    this.model.name = name;
  }
  get Visible(): number {
    this.alive("Worksheet.Visible");
    return this.model.visibility === "Visible" ? -1 : this.model.visibility === "Hidden" ? 0 : 2;
  }
  set Visible(value: number) {
    this.alive("Worksheet.Visible=");
    // xlSheetVisible -1, xlSheetHidden 0, xlSheetVeryHidden 2: numbers (§2.3, "Enums are numbers").
    this.model.visibility = value === -1 ? "Visible" : value === 0 ? "Hidden" : "VeryHidden";
  }
  get Index(): number {
    this.alive("Worksheet.Index");
    return this.model.workbook.sheets.indexOf(this.model) + 1;
  }
  get UsedRange(): EtRange {
    this.alive("Worksheet.UsedRange");
    // An empty sheet gives A1 (§2.3 table, "used range", probe).
    const used = this.model.usedRect(false) ?? { row: 0, column: 0, rowCount: 1, columnCount: 1 };
    return new StandInRange(this.bridge, this.model, used);
  }
  get Tab(): { Color: number } {
    this.alive("Worksheet.Tab");
    const self = { bridge: this.bridge, model: this.model };
    return {
      get Color(): number {
        throw new Error("not modelled");
      },
      set Color(v: number) {
        self.bridge.write("Tab.Color=");
        self.model.tabColor = hexOfBgr(v);
      },
    };
  }
  Range(address: string): EtRange {
    this.alive("Worksheet.Range()");
    return new StandInRange(this.bridge, this.model, parseRef(address));
  }
  get Cells(): { Item(row: number, column: number): EtRange } {
    this.alive("Worksheet.Cells");
    const self = { bridge: this.bridge, model: this.model };
    return {
      Item(row: number, column: number): EtRange {
        self.bridge.call("Cells.Item()");
        // 1-based (§2.3, "Rows, columns and indices are 1-based"); Cells(r, c) without .Item does not exist there.
        if (row < 1 || column < 1) throw new Error(`Cells.Item(${row}, ${column}): 1-based`);
        return new StandInRange(self.bridge, self.model, { row: row - 1, column: column - 1, rowCount: 1, columnCount: 1 });
      },
    };
  }
  get ListObjects(): EtWorksheet["ListObjects"] {
    this.alive("Worksheet.ListObjects");
    const { bridge, model } = this;
    const tables = () => model.workbook.tables.filter((t) => t.sheetId === model.id);
    return {
      get Count() {
        bridge.call("ListObjects.Count");
        return tables().length;
      },
      Item(indexOrName: number | string) {
        bridge.call("ListObjects.Item()");
        const table = typeof indexOrName === "number" ? tables()[indexOrName - 1] : tables().find((t) => t.name.toLowerCase() === indexOrName.toLowerCase());
        if (table === undefined) throw new Error(`ListObjects.Item(${JSON.stringify(indexOrName)}): no such table`);
        return {
          get Name() {
            bridge.call("ListObject.Name");
            return table.name;
          },
          get Range(): EtRange {
            bridge.call("ListObject.Range");
            return new StandInRange(bridge, model, table.rect);
          },
        };
      },
    };
  }
  get Shapes(): EtShapes {
    this.alive("Worksheet.Shapes");
    const { bridge, model } = this;
    const shapes = frames(bridge, model, "Shapes");
    return {
      get Count() {
        return shapes.Count;
      },
      Item: shapes.Item,
      AddChart2(style: number, type: number, left: number, top: number, width: number, height: number): EtChartFrame | null {
        bridge.write("Shapes.AddChart2()");
        // Style 0 (wps-addin.md §2.3 table, "chart": AddChart2(-1, …) returns null per the claude SKILL).
        if (style !== 0 || bridge.options.addChart2ReturnsNull === true) return null;
        return shapes.add(chartTypeName(type), left, top, width, height);
      },
    };
  }
  ChartObjects(): EtChartObjects {
    this.alive("Worksheet.ChartObjects()");
    const objects = frames(this.bridge, this.model, "ChartObjects");
    const bridge = this.bridge;
    return {
      get Count() {
        return objects.Count;
      },
      Item: objects.Item,
      Add(left: number, top: number, width: number, height: number): EtChartFrame {
        bridge.write("ChartObjects.Add()");
        // An empty chart of the default type (xlColumnClustered), as VBA's ChartObjects.Add makes it.
        return objects.add("ColumnClustered", left, top, width, height);
      },
    };
  }
  get PageSetup(): EtWorksheet["PageSetup"] {
    this.alive("Worksheet.PageSetup");
    const { bridge, model } = this;
    const layout = model.pageLayout;
    return {
      get Orientation(): number {
        return layout.orientation === "Landscape" ? 2 : 1;
      },
      set Orientation(v: number) {
        bridge.write("PageSetup.Orientation=");
        // xlPortrait 1, xlLandscape 2 (XlPageOrientation).
        layout.orientation = v === 2 ? "Landscape" : "Portrait";
      },
      get Zoom(): number | boolean {
        return layout.horizontalFitToPages || layout.verticalFitToPages ? false : layout.scale;
      },
      set Zoom(v: number | boolean) {
        bridge.write("PageSetup.Zoom=");
        // False: fit to FitToPagesWide x FitToPagesTall; a number: that scale, fitting off.
        if (typeof v === "number") Object.assign(layout, { scale: v, horizontalFitToPages: 0, verticalFitToPages: 0 });
      },
      get FitToPagesWide(): number | boolean {
        return layout.horizontalFitToPages || false;
      },
      set FitToPagesWide(v: number | boolean) {
        bridge.write("PageSetup.FitToPagesWide=");
        layout.horizontalFitToPages = typeof v === "number" ? v : 0;
      },
      get FitToPagesTall(): number | boolean {
        return layout.verticalFitToPages || false;
      },
      set FitToPagesTall(v: number | boolean) {
        bridge.write("PageSetup.FitToPagesTall=");
        layout.verticalFitToPages = typeof v === "number" ? v : 0;
      },
    };
  }
  Delete(): void {
    this.alive("Worksheet.Delete()");
    // With alerts on, WPS asks first; the adapter must turn DisplayAlerts off (§2.3 table, "delete sheet quietly").
    if (this.bridge.displayAlerts) throw new Error("Worksheet.Delete() with DisplayAlerts on: WPS would ask and wait");
    this.model.workbook.deleteSheet(this.model);
  }
  Activate(): void {
    this.alive("Worksheet.Activate()");
    this.model.workbook.activeSheetId = this.model.id;
  }
}

class StandInWorksheets implements EtWorksheets {
  constructor(private readonly bridge: Bridge) {}

  get Count(): number {
    this.bridge.call("Worksheets.Count");
    return this.bridge.workbook.sheets.length;
  }
  Item(indexOrName: number | string): EtWorksheet {
    this.bridge.call("Worksheets.Item()");
    const sheets = this.bridge.workbook.sheets;
    // 1-based Item (§2.3: "Collections are indexed with .Item(x)"; "indices are 1-based").
    const sheet = typeof indexOrName === "number" ? sheets[indexOrName - 1] : this.bridge.workbook.sheet(indexOrName);
    if (sheet === undefined || (typeof indexOrName === "number" && indexOrName < 1)) throw new Error(`Worksheets.Item(${JSON.stringify(indexOrName)}): no such sheet`);
    return new StandInWorksheet(this.bridge, sheet);
  }
  Add(before?: EtWorksheet, after?: EtWorksheet): EtWorksheet | null {
    this.bridge.call("Worksheets.Add()");
    const wb = this.bridge.workbook;
    const sheet = wb.addSheet();
    // With no arguments it inserts before the active sheet (§2.3 table, "add sheet").
    const anchor = (before ?? after) as StandInWorksheet | undefined;
    const at = anchor !== undefined ? wb.sheets.indexOf(anchor.model) + (after !== undefined ? 1 : 0) : wb.sheets.indexOf(wb.activeSheet());
    wb.moveSheet(sheet, at);
    wb.activeSheetId = sheet.id;
    return this.bridge.options.addReturnsNull === true ? null : new StandInWorksheet(this.bridge, sheet);
  }
}

class StandInNames implements EtNames {
  constructor(private readonly bridge: Bridge) {}

  private wrap(index: number): EtName {
    const bridge = this.bridge;
    const item = bridge.workbook.names[index];
    return {
      get Name() {
        bridge.call("Name.Name");
        return item.name;
      },
      get RefersTo() {
        bridge.call("Name.RefersTo");
        return item.formula;
      },
      get RefersToRange(): EtRange {
        bridge.call("Name.RefersToRange");
        // A constant ("=0.5") has no range: VBA raises an error, so does ET.
        const sheet = bridge.workbook.sheet(sheetOfReference(item.formula) ?? "");
        const parsed = parseAddress(item.formula.replace(/^=/, ""));
        if (sheet === undefined || parsed === undefined) throw new Error(`Name ${item.name} refers to no range`);
        return new StandInRange(bridge, sheet, parsed);
      },
      set RefersTo(v: string) {
        bridge.write("Name.RefersTo=");
        item.formula = v;
      },
      get Visible() {
        bridge.call("Name.Visible");
        return item.visible;
      },
      set Visible(v: boolean) {
        bridge.write("Name.Visible=");
        item.visible = v;
      },
      Delete() {
        bridge.call("Name.Delete()");
        bridge.workbook.names = bridge.workbook.names.filter((n) => n !== item);
      },
    };
  }

  get Count(): number {
    this.bridge.call("Names.Count");
    return this.bridge.workbook.names.length;
  }
  Item(indexOrName: number | string): EtName {
    this.bridge.call("Names.Item()");
    const names = this.bridge.workbook.names;
    const index = typeof indexOrName === "number" ? indexOrName - 1 : names.findIndex((n) => n.name.toLowerCase() === indexOrName.toLowerCase());
    if (index < 0 || index >= names.length) throw new Error(`Names.Item(${JSON.stringify(indexOrName)}): no such name`);
    return this.wrap(index);
  }
  Add(name: string, refersTo: string, visible = true): EtName {
    this.bridge.write("Names.Add()");
    // Probe-confirmed: Names.Add("…", "=汇总!$A$1"), RefersTo read back as "=Sheet1!$A$1" (§2.3 table, "defined names").
    if (this.bridge.workbook.names.some((n) => n.name.toLowerCase() === name.toLowerCase())) throw new Error(`name ${name} exists`);
    this.bridge.workbook.names.push({ name, formula: refersTo, comment: "", visible });
    return this.wrap(this.bridge.workbook.names.length - 1);
  }
}

/** The stand-in Application and what crossed its bridge. */
export interface StandIn {
  readonly app: EtApplication;
  readonly log: BridgeLog;
  /** Screen updating and alerts as they are now. */
  readonly state: () => { screenUpdating: boolean; displayAlerts: boolean };
}

/** A stand-in ET Application over the given workbook. */
export function standIn(workbook: WorkbookModel, options: StandInOptions = {}): StandIn {
  const bridge = new Bridge(workbook, options);
  const worksheets = new StandInWorksheets(bridge);
  const names = new StandInNames(bridge);
  const book: EtWorkbook = {
    get Worksheets() {
      bridge.call("Workbook.Worksheets");
      return worksheets;
    },
    get Names() {
      bridge.call("Workbook.Names");
      return names;
    },
  };
  const app: EtApplication = {
    get ActiveWorkbook() {
      bridge.call("Application.ActiveWorkbook");
      return book;
    },
    get ActiveSheet() {
      bridge.call("Application.ActiveSheet");
      return new StandInWorksheet(bridge, workbook.activeSheet());
    },
    get Selection() {
      bridge.call("Application.Selection");
      const { sheet, rect } = workbook.currentSelection();
      return new StandInRange(bridge, sheet, rect);
    },
    get ActiveWindow() {
      bridge.call("Application.ActiveWindow");
      // Freeze panes belong to the window showing the active sheet (§2.3 table, "freeze panes").
      return {
        get SplitRow() {
          return bridge.split.rows;
        },
        set SplitRow(v: number) {
          bridge.write("Window.SplitRow=");
          bridge.split.rows = v;
        },
        get SplitColumn() {
          return bridge.split.columns;
        },
        set SplitColumn(v: number) {
          bridge.write("Window.SplitColumn=");
          bridge.split.columns = v;
        },
        get FreezePanes() {
          const freeze = workbook.activeSheet().freeze;
          return freeze.rows > 0 || freeze.columns > 0;
        },
        set FreezePanes(v: boolean) {
          bridge.write("Window.FreezePanes=");
          workbook.activeSheet().freeze = v ? { ...bridge.split } : { rows: 0, columns: 0 };
        },
      };
    },
    get ScreenUpdating() {
      bridge.call("Application.ScreenUpdating");
      return bridge.screenUpdating;
    },
    set ScreenUpdating(v: boolean) {
      // Performance switch (§2.3 table, "performance switches").
      bridge.call("Application.ScreenUpdating=");
      bridge.screenUpdating = v;
    },
    get DisplayAlerts() {
      bridge.call("Application.DisplayAlerts");
      return bridge.displayAlerts;
    },
    set DisplayAlerts(v: boolean) {
      bridge.call("Application.DisplayAlerts=");
      bridge.displayAlerts = v;
    },
  };
  return { app, log: bridge.log, state: () => ({ screenUpdating: bridge.screenUpdating, displayAlerts: bridge.displayAlerts }) };
}

/** A task pane the stand-in made: where it points and how it stands. */
export interface StandInPane extends WpsTaskPane {
  readonly url: string;
  readonly title: string | undefined;
}

/**
 * The add-in surface of WPS's Application (et-jsapi-declare index.d.ts: CreateTaskPane,
 * GetTaskPane, PluginStorage — shared by the add-in's pages and not persisted, §2.1), recording
 * the panes made, for the ribbon's tests and the browser page.
 */
export function addinHost(): WpsAddinHost & { readonly panes: StandInPane[] } {
  const panes: StandInPane[] = [];
  const storage = new Map<string, string>();
  return {
    panes,
    CreateTaskPane(url: string, title?: string): WpsTaskPane {
      const pane: StandInPane = { ID: panes.length + 1, url, title, Visible: false, DockPosition: 0, Width: 200 };
      panes.push(pane);
      return pane;
    },
    GetTaskPane(id: number): WpsTaskPane {
      const pane = panes.find((p) => p.ID === id);
      if (pane === undefined) throw new Error(`GetTaskPane(${id}): no such pane`);
      return pane;
    },
    PluginStorage: {
      getItem: (key) => storage.get(key) ?? null,
      setItem: (key, value) => void storage.set(key, value),
    },
  };
}
