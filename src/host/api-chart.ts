// Charts as the client sees them: ChartCollection, Chart, title, legend, data labels, axes and
// series. Everything is written into the plain ChartModel so the .xlsx writer can draw it.

import { absoluteAddress, cellAddress, isUnbounded } from "./address";
import { ApiEnv, ApiObject, MethodResult, NullObject, SheetPart, asBoolean, asColor, asEnum, asInteger, asNumber, asString } from "./api";
import { guardEditable, rangeArgument } from "./api-range";
import { deriveSeries, newChart, sourceAddress } from "./charts";
import { HostError, invalidArgument, itemNotFound } from "./errors";
import { ChartAxisModel, ChartDataLabelsModel, ChartModel, ChartSeriesModel, SheetModel, STANDARD_COLUMN_WIDTH, STANDARD_ROW_HEIGHT } from "./model";

const SERIES_BY = ["Auto", "Columns", "Rows"] as const;
const LEGEND_POSITIONS = ["Invalid", "Top", "Bottom", "Left", "Right", "Corner", "Custom"] as const;
const LABEL_POSITIONS = ["Invalid", "None", "Center", "InsideEnd", "InsideBase", "OutsideEnd", "Left", "Right", "Top", "Bottom", "BestFit", "Callout"] as const;

/** The Excel.ChartType values the host accepts (the common ones; others are rejected). */
const CHART_TYPES = [
  "ColumnClustered",
  "ColumnStacked",
  "ColumnStacked100",
  "BarClustered",
  "BarStacked",
  "BarStacked100",
  "Line",
  "LineMarkers",
  "LineStacked",
  "LineMarkersStacked",
  "Pie",
  "PieExploded",
  "Doughnut",
  "Area",
  "AreaStacked",
  "XYScatter",
  "XYScatterLines",
  "XYScatterSmooth",
  "Radar",
] as const;

export class ChartCollectionApi extends SheetPart {
  readonly typeName = "ChartCollection";
  override readonly isCollection = true;

  override get locationName(): string {
    return "Charts";
  }

  override scalarNames(): readonly string[] {
    return ["Count"];
  }

  override get(name: string): unknown {
    if (name === "Count") return this.sheet.charts.length;
    return super.get(name);
  }

  override items(): ApiObject[] {
    return this.sheet.charts.map((c) => new ChartApi(this.env, this.sheet, c));
  }

  /** By id (what the client sends after an `Id` answer) or by name (case-insensitive). */
  private find(key: unknown): ChartModel | undefined {
    const k = String(key);
    return this.sheet.charts.find((c) => c.id === k) ?? this.sheet.charts.find((c) => c.name.toLowerCase() === k.toLowerCase());
  }

  override indexer(key: unknown): ApiObject {
    const chart = this.find(key);
    if (!chart) throw itemNotFound();
    return new ChartApi(this.env, this.sheet, chart);
  }

  override call(name: string, args: unknown[]): MethodResult {
    switch (name) {
      case "Add": {
        guardEditable(this.sheet, "ChartCollection.add");
        const type = asEnum(args[0], CHART_TYPES, "chart type");
        const source = rangeArgument(this.env, args[1], this.sheet);
        if (isUnbounded(source.rect)) throw invalidArgument("a chart source cannot be whole rows or columns");
        const seriesBy = args[2] === null || args[2] === undefined ? "Auto" : asEnum(args[2], SERIES_BY, "seriesBy");
        const wb = this.env.workbook;
        const count = wb.allCharts().length;
        const chart = newChart(wb.nextId("chart"), `Chart ${count + 1}`, type, seriesBy);
        chart.sourceAddress = sourceAddress(source.sheet, source.rect);
        chart.series = deriveSeries(source.sheet, source.rect, seriesBy);
        // Excel places a new chart at a default position: to the right of the data, in points.
        chart.top = STANDARD_ROW_HEIGHT * 2;
        chart.left = STANDARD_COLUMN_WIDTH * (source.rect.column + source.rect.columnCount + 1);
        this.sheet.charts.push(chart);
        return new ChartApi(this.env, this.sheet, chart);
      }
      case "GetItem":
        return this.indexer(args[0]);
      case "GetItemOrNullObject": {
        const chart = this.find(args[0]);
        return chart ? new ChartApi(this.env, this.sheet, chart) : new NullObject(this.env);
      }
      case "GetItemAt": {
        const chart = this.sheet.charts[asInteger(args[0], "index")];
        if (!chart) throw itemNotFound();
        return new ChartApi(this.env, this.sheet, chart);
      }
      case "GetCount":
        return this.sheet.charts.length;
      default:
        return super.call(name, args);
    }
  }
}

/** A chart or one of its parts: alive while the chart is on its sheet. */
abstract class ChartPart extends SheetPart {
  constructor(
    env: ApiEnv,
    sheet: SheetModel,
    readonly chart: ChartModel,
  ) {
    super(env, sheet);
  }

  override checkAlive(): void {
    super.checkAlive();
    if (!this.sheet.charts.includes(this.chart)) throw itemNotFound();
  }
}

/** A series or one of its parts: alive while the series is in its chart. */
abstract class SeriesPart extends ChartPart {
  constructor(
    env: ApiEnv,
    sheet: SheetModel,
    chart: ChartModel,
    readonly series: ChartSeriesModel,
  ) {
    super(env, sheet, chart);
  }

  override checkAlive(): void {
    super.checkAlive();
    if (!this.chart.series.includes(this.series)) throw itemNotFound();
  }
}

export class ChartApi extends ChartPart {
  readonly typeName = "Chart";

  override itemId(): string {
    return this.chart.id;
  }

  override referenceId(): string {
    return `chart|${this.sheet.id}|${this.chart.id}`;
  }

  override scalarNames(): readonly string[] {
    return ["ChartType", "Height", "Id", "Left", "Name", "SeriesBy", "ShowAllFieldButtons", "Top", "Width"];
  }

  override get(name: string): unknown {
    const c = this.chart;
    switch (name) {
      case "Id":
        return c.id;
      case "Name":
        return c.name;
      case "ChartType":
        return c.chartType;
      case "Top":
        return c.top;
      case "Left":
        return c.left;
      case "Width":
        return c.width;
      case "Height":
        return c.height;
      case "SeriesBy":
        return c.seriesBy;
      case "ShowAllFieldButtons":
        return false;
      default:
        return super.get(name);
    }
  }

  override set(name: string, value: unknown): void {
    const c = this.chart;
    switch (name) {
      case "Name": {
        const v = asString(value, "name");
        if (v === "") throw invalidArgument("a chart name must not be empty");
        c.name = v;
        return;
      }
      case "ChartType":
        c.chartType = asEnum(value, CHART_TYPES, "chart type");
        return;
      case "Top":
      case "Left":
      case "Width":
      case "Height": {
        const v = asNumber(value, name);
        if (v < 0) throw invalidArgument(`${name} must not be negative`);
        c[name.toLowerCase() as "top" | "left" | "width" | "height"] = v;
        return;
      }
      default:
        return super.set(name, value);
    }
  }

  override nav(name: string): ApiObject | undefined {
    switch (name) {
      case "Title":
        return new ChartTitleApi(this.env, this.sheet, this.chart);
      case "Legend":
        return new ChartLegendApi(this.env, this.sheet, this.chart);
      case "DataLabels":
        return new ChartDataLabelsApi(this.env, this.sheet, this.chart, () => this.chart.dataLabels);
      case "Axes":
        return new ChartAxesApi(this.env, this.sheet, this.chart);
      case "Series":
        return new ChartSeriesCollectionApi(this.env, this.sheet, this.chart);
      default:
        return undefined;
    }
  }

  override call(name: string, args: unknown[]): MethodResult {
    const c = this.chart;
    switch (name) {
      case "SetPosition": {
        const start = rangeArgument(this.env, args[0], this.sheet);
        const end = args[1] === null || args[1] === undefined ? undefined : rangeArgument(this.env, args[1], this.sheet);
        const startCell = cellAddress(start.rect.row, start.rect.column);
        c.anchor = end ? { start: startCell, end: cellAddress(end.rect.row + end.rect.rowCount - 1, end.rect.column + end.rect.columnCount - 1) } : { start: startCell };
        c.top = this.sheet.rowTop(start.rect.row);
        c.left = this.sheet.columnLeft(start.rect.column);
        if (end) {
          c.height = Math.max(0, this.sheet.rowTop(end.rect.row + end.rect.rowCount) - c.top);
          c.width = Math.max(0, this.sheet.columnLeft(end.rect.column + end.rect.columnCount) - c.left);
        }
        return undefined;
      }
      case "Delete":
        this.sheet.charts = this.sheet.charts.filter((x) => x !== c);
        return undefined;
      case "SetData": {
        const source = rangeArgument(this.env, args[0], this.sheet);
        const seriesBy = args[1] === null || args[1] === undefined ? "Auto" : asEnum(args[1], SERIES_BY, "seriesBy");
        c.sourceAddress = sourceAddress(source.sheet, source.rect);
        c.seriesBy = seriesBy;
        c.series = deriveSeries(source.sheet, source.rect, seriesBy);
        return undefined;
      }
      case "Activate":
        return undefined;
      case "GetImage":
        throw new HostError("NotImplemented", "The in-memory workbook host cannot render chart images.");
      default:
        return super.call(name, args);
    }
  }
}

/** A font object inside a chart part (title, axis title, legend, data labels). */
class ChartFontApi extends ApiObject {
  readonly typeName = "ChartFont";

  constructor(
    env: ApiEnv,
    readonly owner: ApiObject,
    readonly font: () => { size?: number; bold?: boolean; color?: string; italic?: boolean; name?: string },
  ) {
    super(env);
  }

  override checkAlive(): void {
    this.owner.checkAlive();
  }

  override scalarNames(): readonly string[] {
    return ["Bold", "Color", "Italic", "Name", "Size", "Underline"];
  }

  override get(name: string): unknown {
    const f = this.font();
    switch (name) {
      case "Bold":
        return f.bold ?? false;
      case "Italic":
        return f.italic ?? false;
      case "Color":
        return f.color ?? "#000000";
      case "Name":
        return f.name ?? "Calibri";
      case "Size":
        return f.size ?? 10;
      case "Underline":
        return "None";
      default:
        return super.get(name);
    }
  }

  override set(name: string, value: unknown): void {
    const f = this.font();
    switch (name) {
      case "Bold":
        f.bold = asBoolean(value, "bold");
        return;
      case "Italic":
        f.italic = asBoolean(value, "italic");
        return;
      case "Color":
        f.color = asColor(value, "color");
        return;
      case "Name":
        f.name = asString(value, "name");
        return;
      case "Size":
        f.size = asNumber(value, "size");
        return;
      default:
        return super.set(name, value);
    }
  }
}

/** `format` of a chart part: holds the font (and an ignored fill/border). */
class ChartPartFormatApi extends ApiObject {
  readonly typeName = "ChartPartFormat";

  constructor(
    env: ApiEnv,
    readonly owner: ApiObject,
    readonly font: () => { size?: number; bold?: boolean; color?: string },
  ) {
    super(env);
  }

  override nav(name: string): ApiObject | undefined {
    if (name === "Font") return new ChartFontApi(this.env, this.owner, this.font);
    return undefined;
  }
}

export class ChartTitleApi extends ChartPart {
  readonly typeName = "ChartTitle";

  override scalarNames(): readonly string[] {
    return ["Overlay", "Text", "Visible"];
  }

  override get(name: string): unknown {
    const t = this.chart.title;
    if (name === "Text") return t.text;
    if (name === "Visible") return t.visible;
    if (name === "Overlay") return false;
    return super.get(name);
  }

  override set(name: string, value: unknown): void {
    const t = this.chart.title;
    if (name === "Text") {
      t.text = asString(value, "title text");
      t.visible = t.text !== "" || t.visible;
      return;
    }
    if (name === "Visible") {
      t.visible = asBoolean(value, "visible");
      return;
    }
    if (name === "Overlay") return;
    super.set(name, value);
  }

  override nav(name: string): ApiObject | undefined {
    if (name === "Format") {
      const t = this.chart.title;
      return new ChartPartFormatApi(this.env, this, () => ({
        get size() {
          return t.fontSize;
        },
        set size(v) {
          t.fontSize = v;
        },
        get bold() {
          return t.bold;
        },
        set bold(v) {
          t.bold = v;
        },
        get color() {
          return t.fontColor;
        },
        set color(v) {
          t.fontColor = v;
        },
      }));
    }
    return undefined;
  }
}

export class ChartLegendApi extends ChartPart {
  readonly typeName = "ChartLegend";

  override scalarNames(): readonly string[] {
    return ["Overlay", "Position", "Visible"];
  }

  override get(name: string): unknown {
    const l = this.chart.legend;
    if (name === "Position") return l.position;
    if (name === "Visible") return l.visible;
    if (name === "Overlay") return false;
    return super.get(name);
  }

  override set(name: string, value: unknown): void {
    const l = this.chart.legend;
    if (name === "Position") {
      l.position = asEnum(value, LEGEND_POSITIONS, "legend position");
      return;
    }
    if (name === "Visible") {
      l.visible = asBoolean(value, "visible");
      return;
    }
    if (name === "Overlay") return;
    super.set(name, value);
  }

  override nav(name: string): ApiObject | undefined {
    if (name === "Format") {
      const store: { size?: number; bold?: boolean; color?: string } = {};
      return new ChartPartFormatApi(this.env, this, () => store);
    }
    return undefined;
  }
}

export class ChartDataLabelsApi extends ChartPart {
  readonly typeName = "ChartDataLabels";

  constructor(
    env: ApiEnv,
    sheet: SheetModel,
    chart: ChartModel,
    readonly labels: () => ChartDataLabelsModel,
  ) {
    super(env, sheet, chart);
  }

  override scalarNames(): readonly string[] {
    return ["NumberFormat", "Position", "ShowCategoryName", "ShowPercentage", "ShowSeriesName", "ShowValue", "ShowLegendKey", "Separator"];
  }

  override get(name: string): unknown {
    const d = this.labels();
    switch (name) {
      case "ShowValue":
        return d.showValue;
      case "ShowCategoryName":
        return d.showCategoryName ?? false;
      case "ShowSeriesName":
        return d.showSeriesName ?? false;
      case "ShowPercentage":
        return d.showPercentage ?? false;
      case "ShowLegendKey":
        return false;
      case "NumberFormat":
        return d.numberFormat ?? "General";
      case "Position":
        return d.position ?? "BestFit";
      case "Separator":
        return ", ";
      default:
        return super.get(name);
    }
  }

  override set(name: string, value: unknown): void {
    const d = this.labels();
    switch (name) {
      case "ShowValue":
        d.showValue = asBoolean(value, "showValue");
        return;
      case "ShowCategoryName":
        d.showCategoryName = asBoolean(value, "showCategoryName");
        return;
      case "ShowSeriesName":
        d.showSeriesName = asBoolean(value, "showSeriesName");
        return;
      case "ShowPercentage":
        d.showPercentage = asBoolean(value, "showPercentage");
        return;
      case "NumberFormat":
        d.numberFormat = asString(value, "numberFormat");
        return;
      case "Position":
        d.position = asEnum(value, LABEL_POSITIONS, "data label position");
        return;
      case "ShowLegendKey":
      case "Separator":
        return;
      default:
        return super.set(name, value);
    }
  }

  override nav(name: string): ApiObject | undefined {
    if (name === "Format") {
      const store: { size?: number; bold?: boolean; color?: string } = {};
      return new ChartPartFormatApi(this.env, this, () => store);
    }
    return undefined;
  }
}

export class ChartAxesApi extends ChartPart {
  readonly typeName = "ChartAxes";

  override nav(name: string): ApiObject | undefined {
    if (name === "ValueAxis") return new ChartAxisApi(this.env, this.sheet, this.chart, "value");
    if (name === "CategoryAxis") return new ChartAxisApi(this.env, this.sheet, this.chart, "category");
    return undefined;
  }

  override call(name: string, args: unknown[]): MethodResult {
    if (name === "GetItem") {
      const type = asEnum(args[0], ["Invalid", "Category", "Value", "Series"] as const, "axis type");
      if (type === "Value") return new ChartAxisApi(this.env, this.sheet, this.chart, "value");
      if (type === "Category") return new ChartAxisApi(this.env, this.sheet, this.chart, "category");
      throw invalidArgument("only the value and category axes exist");
    }
    return super.call(name, args);
  }
}

const TICK_LABEL_POSITIONS = ["NextToAxis", "High", "Low", "None"] as const;

export class ChartAxisApi extends ChartPart {
  readonly typeName = "ChartAxis";

  constructor(
    env: ApiEnv,
    sheet: SheetModel,
    chart: ChartModel,
    readonly which: "value" | "category",
  ) {
    super(env, sheet, chart);
  }

  private get axis(): ChartAxisModel {
    return this.chart.axes[this.which];
  }

  override scalarNames(): readonly string[] {
    return ["AxisGroup", "MajorUnit", "Maximum", "Minimum", "NumberFormat", "TickLabelPosition", "Type", "Visible"];
  }

  override get(name: string): unknown {
    const a = this.axis;
    switch (name) {
      case "NumberFormat":
        return a.numberFormat ?? "General";
      case "Minimum":
        return a.minimum ?? null;
      case "Maximum":
        return a.maximum ?? null;
      case "MajorUnit":
        return a.majorUnit ?? null;
      case "Visible":
        return a.visible;
      case "TickLabelPosition":
        return a.tickLabelPosition ?? "NextToAxis";
      case "Type":
        return this.which === "value" ? "Value" : "Category";
      case "AxisGroup":
        return "Primary";
      default:
        return super.get(name);
    }
  }

  override set(name: string, value: unknown): void {
    const a = this.axis;
    switch (name) {
      case "NumberFormat":
        a.numberFormat = asString(value, "numberFormat");
        return;
      case "Minimum":
        a.minimum = asNumber(value, "minimum");
        return;
      case "Maximum":
        a.maximum = asNumber(value, "maximum");
        return;
      case "MajorUnit":
        a.majorUnit = asNumber(value, "majorUnit");
        return;
      case "Visible":
        a.visible = asBoolean(value, "visible");
        return;
      case "TickLabelPosition":
        // ChartAxis.tickLabelPosition, ExcelApi 1.7 (Excel.ChartAxisTickLabelPosition).
        a.tickLabelPosition = asEnum(value, TICK_LABEL_POSITIONS, "tickLabelPosition");
        return;
      default:
        return super.set(name, value);
    }
  }

  override nav(name: string): ApiObject | undefined {
    if (name === "Title") return new ChartAxisTitleApi(this.env, this.sheet, this.chart, this.which);
    if (name === "MajorGridlines") return new ChartGridlinesApi(this.env, this.sheet, this.chart, this.which);
    return undefined;
  }
}

export class ChartGridlinesApi extends ChartPart {
  readonly typeName = "ChartGridlines";

  constructor(
    env: ApiEnv,
    sheet: SheetModel,
    chart: ChartModel,
    readonly which: "value" | "category",
  ) {
    super(env, sheet, chart);
  }

  override scalarNames(): readonly string[] {
    return ["Visible"];
  }

  override get(name: string): unknown {
    if (name === "Visible") return this.chart.axes[this.which].majorGridlines;
    return super.get(name);
  }

  override set(name: string, value: unknown): void {
    if (name === "Visible") {
      this.chart.axes[this.which].majorGridlines = asBoolean(value, "visible");
      return;
    }
    super.set(name, value);
  }
}

export class ChartAxisTitleApi extends ChartPart {
  readonly typeName = "ChartAxisTitle";

  constructor(
    env: ApiEnv,
    sheet: SheetModel,
    chart: ChartModel,
    readonly which: "value" | "category",
  ) {
    super(env, sheet, chart);
  }

  override scalarNames(): readonly string[] {
    return ["Text", "Visible"];
  }

  override get(name: string): unknown {
    const t = this.chart.axes[this.which].title;
    if (name === "Text") return t.text;
    if (name === "Visible") return t.visible;
    return super.get(name);
  }

  override set(name: string, value: unknown): void {
    const t = this.chart.axes[this.which].title;
    if (name === "Text") {
      t.text = asString(value, "axis title");
      t.visible = t.text !== "" || t.visible;
      return;
    }
    if (name === "Visible") {
      t.visible = asBoolean(value, "visible");
      return;
    }
    super.set(name, value);
  }

  override nav(name: string): ApiObject | undefined {
    if (name === "Format") {
      const store: { size?: number; bold?: boolean; color?: string } = {};
      return new ChartPartFormatApi(this.env, this, () => store);
    }
    return undefined;
  }
}

export class ChartSeriesCollectionApi extends ChartPart {
  readonly typeName = "ChartSeriesCollection";
  override readonly isCollection = true;

  override get locationName(): string {
    return "Series";
  }

  override scalarNames(): readonly string[] {
    return ["Count"];
  }

  override get(name: string): unknown {
    if (name === "Count") return this.chart.series.length;
    return super.get(name);
  }

  override items(): ApiObject[] {
    return this.chart.series.map((s) => new ChartSeriesApi(this.env, this.sheet, this.chart, s));
  }

  override call(name: string, args: unknown[]): MethodResult {
    switch (name) {
      case "GetItemAt": {
        const series = this.chart.series[asInteger(args[0], "index")];
        if (!series) throw itemNotFound();
        return new ChartSeriesApi(this.env, this.sheet, this.chart, series);
      }
      case "GetCount":
        return this.chart.series.length;
      case "Add": {
        const series: ChartSeriesModel = {
          name: typeof args[0] === "string" ? args[0] : `Series${this.chart.series.length + 1}`,
          axisGroup: "Primary",
          hasDataLabels: false,
        };
        const index = typeof args[1] === "number" ? Math.max(0, Math.min(args[1], this.chart.series.length)) : this.chart.series.length;
        this.chart.series.splice(index, 0, series);
        return new ChartSeriesApi(this.env, this.sheet, this.chart, series);
      }
      default:
        return super.call(name, args);
    }
  }
}

export class ChartSeriesApi extends SeriesPart {
  readonly typeName = "ChartSeries";

  override scalarNames(): readonly string[] {
    return ["AxisGroup", "ChartType", "HasDataLabels", "Name", "PlotOrder", "Smooth"];
  }

  override get(name: string): unknown {
    const s = this.series;
    switch (name) {
      case "Name":
        return s.name;
      case "ChartType":
        return s.chartType ?? this.chart.chartType;
      case "AxisGroup":
        return s.axisGroup;
      case "HasDataLabels":
        return s.hasDataLabels;
      case "PlotOrder":
        return this.chart.series.indexOf(s);
      case "Smooth":
        return false;
      default:
        return super.get(name);
    }
  }

  override set(name: string, value: unknown): void {
    const s = this.series;
    switch (name) {
      case "Name":
        s.name = asString(value, "series name");
        delete s.nameAddress;
        return;
      case "ChartType":
        s.chartType = asEnum(value, CHART_TYPES, "chart type");
        return;
      case "AxisGroup":
        s.axisGroup = asEnum(value, ["Primary", "Secondary"] as const, "axisGroup");
        return;
      case "HasDataLabels":
        s.hasDataLabels = asBoolean(value, "hasDataLabels");
        if (s.hasDataLabels) s.dataLabels ??= { showValue: true };
        return;
      case "Smooth":
      case "PlotOrder":
        return;
      default:
        return super.set(name, value);
    }
  }

  override nav(name: string): ApiObject | undefined {
    switch (name) {
      case "DataLabels":
        return new ChartDataLabelsApi(this.env, this.sheet, this.chart, () => (this.series.dataLabels ??= { showValue: false }));
      case "Format":
        return new ChartSeriesFormatApi(this.env, this.sheet, this.chart, this.series);
      default:
        return undefined;
    }
  }

  override call(name: string, args: unknown[]): MethodResult {
    const s = this.series;
    switch (name) {
      case "SetValues": {
        const { sheet, rect } = rangeArgument(this.env, args[0], this.sheet);
        s.valuesAddress = absoluteAddress(sheet.name, rect);
        return undefined;
      }
      case "SetXAxisValues": {
        const { sheet, rect } = rangeArgument(this.env, args[0], this.sheet);
        s.categoriesAddress = absoluteAddress(sheet.name, rect);
        return undefined;
      }
      case "Delete":
        this.chart.series = this.chart.series.filter((x) => x !== s);
        return undefined;
      default:
        return super.call(name, args);
    }
  }
}

export class ChartSeriesFormatApi extends SeriesPart {
  readonly typeName = "ChartSeriesFormat";

  override nav(name: string): ApiObject | undefined {
    if (name === "Fill") return new ChartFillApi(this.env, this.sheet, this.chart, this.series);
    if (name === "Line") return new ChartLineFormatApi(this.env, this.sheet, this.chart, this.series);
    return undefined;
  }
}

export class ChartFillApi extends SeriesPart {
  readonly typeName = "ChartFill";

  override call(name: string, args: unknown[]): MethodResult {
    if (name === "SetSolidColor") {
      this.series.fillColor = asColor(args[0], "color");
      return undefined;
    }
    if (name === "Clear") {
      delete this.series.fillColor;
      return undefined;
    }
    if (name === "GetSolidColor") return this.series.fillColor ?? "";
    return super.call(name, args);
  }
}

export class ChartLineFormatApi extends SeriesPart {
  readonly typeName = "ChartLineFormat";

  override scalarNames(): readonly string[] {
    return ["Color", "LineStyle", "Weight"];
  }

  override get(name: string): unknown {
    if (name === "Color") return this.series.lineColor ?? "";
    if (name === "LineStyle") return "Continuous";
    if (name === "Weight") return 2.25;
    return super.get(name);
  }

  override set(name: string, value: unknown): void {
    if (name === "Color") {
      this.series.lineColor = asColor(value, "color");
      return;
    }
    if (name === "LineStyle" || name === "Weight") return;
    super.set(name, value);
  }

  override call(name: string, args: unknown[]): MethodResult {
    if (name === "Clear") {
      delete this.series.lineColor;
      return undefined;
    }
    return super.call(name, args);
  }
}
