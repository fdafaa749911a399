// Charts as the client sees them, described once per Excel type: ChartCollection, Chart, title,
// legend, data labels, axes and series. Everything is written into the plain ChartModel so the
// .xlsx writer can draw it.

import { absoluteAddress, cellAddress, isUnbounded } from "./address";
import { ApiObject, ApiType, Prop, collectionOf, asBoolean, asColor, asNumber, asString, field, fixed, nonEmpty, nothing, oneOf, optional, within } from "./api";
import { guardEditable, rangeArgument } from "./api-range";
import { deriveSeries, newChart, sourceAddress } from "./charts";
import { HostError, invalidArgument } from "./errors";
import { ChartAxisModel, ChartDataLabelsModel, ChartModel, ChartSeriesModel, SheetModel, STANDARD_COLUMN_WIDTH, STANDARD_ROW_HEIGHT } from "./model";

const SERIES_BY = ["Auto", "Columns", "Rows"] as const;
const LEGEND_POSITIONS = ["Invalid", "Top", "Bottom", "Left", "Right", "Corner", "Custom"] as const;
const LABEL_POSITIONS = ["Invalid", "None", "Center", "InsideEnd", "InsideBase", "OutsideEnd", "Left", "Right", "Top", "Bottom", "BestFit", "Callout"] as const;
// ChartAxis.tickLabelPosition, ExcelApi 1.7 (Excel.ChartAxisTickLabelPosition).
const TICK_LABEL_POSITIONS = ["NextToAxis", "High", "Low", "None"] as const;

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
const chartType = oneOf(CHART_TYPES);
const seriesBy = (arg: unknown) => optional(arg, "Auto", oneOf(SERIES_BY), "seriesBy");

/** A chart on its sheet; its parts add what they stand for. The engine checks both still exist. */
interface OnChart {
  sheet: SheetModel;
  chart: ChartModel;
}
interface OnAxis extends OnChart {
  which: "value" | "category";
}
interface OnSeries extends OnChart {
  series: ChartSeriesModel;
}
/** A font inside a chart part: `store` holds it, under `keys` where the model names it otherwise. */
interface OnFont extends OnChart {
  series?: ChartSeriesModel;
  store: Record<string, unknown>;
  keys?: Record<string, string>;
}
interface OnLabels extends OnChart {
  series?: ChartSeriesModel;
  labels: () => ChartDataLabelsModel;
}

const axisOf = (s: OnAxis): ChartAxisModel => s.chart.axes[s.which];

/** A title's text: setting a non-empty text shows the title (Excel's behaviour). */
const titleText = <S>(title: (s: S) => { text: string; visible: boolean }): Prop<S> => ({
  get: (s) => title(s).text,
  check: asString,
  set: (s, text: string) => {
    const t = title(s);
    t.text = text;
    t.visible = text !== "" || t.visible;
  },
});

/** A chart part's `format`, whose font lives in `store` (a scratch object where Excel's is not kept). */
const formatOf = (s: OnChart & { series?: ChartSeriesModel }, o: ApiObject, store: object = {}, keys?: Record<string, string>): ApiObject =>
  o.make(CHART_PART_FORMAT, { ...s, store: store as Record<string, unknown>, keys });

const fontField = (key: string, check: (v: unknown, what: string) => unknown, fallback: unknown): Prop<OnFont> => ({
  get: (s) => s.store[s.keys?.[key] ?? key] ?? fallback,
  check,
  set: (s, v) => (s.store[s.keys?.[key] ?? key] = v),
});

const CHART_FONT: ApiType<OnFont> = {
  name: "ChartFont",
  props: {
    Bold: fontField("bold", asBoolean, false),
    Color: fontField("color", asColor, "#000000"),
    Italic: fontField("italic", asBoolean, false),
    Name: fontField("name", asString, "Calibri"),
    Size: fontField("size", asNumber, 10),
    Underline: fixed("None"),
  },
};

const CHART_PART_FORMAT: ApiType<OnFont> = {
  name: "ChartPartFormat",
  navs: { Font: (s, o) => o.make(CHART_FONT, s) },
};

const CHART_TITLE: ApiType<OnChart> = {
  name: "ChartTitle",
  props: {
    Overlay: fixed(false, true),
    Text: titleText((s) => s.chart.title),
    Visible: field((s) => s.chart.title, "visible", asBoolean),
  },
  navs: { Format: (s, o) => formatOf(s, o, s.chart.title, { size: "fontSize", color: "fontColor" }) },
};

const CHART_LEGEND: ApiType<OnChart> = {
  name: "ChartLegend",
  props: {
    Overlay: fixed(false, true),
    Position: field((s) => s.chart.legend, "position", oneOf(LEGEND_POSITIONS)),
    Visible: field((s) => s.chart.legend, "visible", asBoolean),
  },
  navs: { Format: formatOf },
};

const labelsField = (key: keyof ChartDataLabelsModel, check: (v: unknown, what: string) => unknown, fallback?: unknown) => field((s: OnLabels) => s.labels(), key, check, fallback);

const CHART_DATA_LABELS: ApiType<OnLabels> = {
  name: "ChartDataLabels",
  props: {
    NumberFormat: labelsField("numberFormat", asString, "General"),
    Position: labelsField("position", oneOf(LABEL_POSITIONS), "BestFit"),
    ShowCategoryName: labelsField("showCategoryName", asBoolean, false),
    ShowPercentage: labelsField("showPercentage", asBoolean, false),
    ShowSeriesName: labelsField("showSeriesName", asBoolean, false),
    ShowValue: labelsField("showValue", asBoolean),
    ShowLegendKey: fixed(false, true),
    Separator: fixed(", ", true),
  },
  navs: { Format: formatOf },
};

const CHART_AXIS_TITLE: ApiType<OnAxis> = {
  name: "ChartAxisTitle",
  props: {
    Text: titleText((s) => axisOf(s).title),
    Visible: field((s) => axisOf(s).title, "visible", asBoolean),
  },
  navs: { Format: formatOf },
};

const CHART_GRIDLINES: ApiType<OnAxis> = {
  name: "ChartGridlines",
  props: { Visible: field(axisOf, "majorGridlines", asBoolean) },
};

const CHART_AXIS: ApiType<OnAxis> = {
  name: "ChartAxis",
  props: {
    AxisGroup: fixed("Primary"),
    MajorUnit: field(axisOf, "majorUnit", asNumber, null),
    Maximum: field(axisOf, "maximum", asNumber, null),
    Minimum: field(axisOf, "minimum", asNumber, null),
    NumberFormat: field(axisOf, "numberFormat", asString, "General"),
    TickLabelPosition: field(axisOf, "tickLabelPosition", oneOf(TICK_LABEL_POSITIONS), "NextToAxis"),
    Type: { get: (s) => (s.which === "value" ? "Value" : "Category") },
    Visible: field(axisOf, "visible", asBoolean),
  },
  navs: {
    Title: (s, o) => o.make(CHART_AXIS_TITLE, s),
    MajorGridlines: (s, o) => o.make(CHART_GRIDLINES, s),
  },
};

const CHART_AXES: ApiType<OnChart> = {
  name: "ChartAxes",
  navs: {
    ValueAxis: (s, o) => o.make(CHART_AXIS, { ...s, which: "value" }),
    CategoryAxis: (s, o) => o.make(CHART_AXIS, { ...s, which: "category" }),
  },
  methods: {
    GetItem: (s, args, o) => {
      const type = oneOf(["Invalid", "Category", "Value", "Series"] as const)(args[0], "axis type");
      if (type !== "Value" && type !== "Category") throw invalidArgument("only the value and category axes exist");
      return o.make(CHART_AXIS, { ...s, which: type === "Value" ? "value" : "category" });
    },
  },
};

const CHART_FILL: ApiType<OnSeries> = {
  name: "ChartFill",
  methods: {
    SetSolidColor: (s, args) => void (s.series.fillColor = asColor(args[0], "color")),
    Clear: (s) => void delete s.series.fillColor,
    GetSolidColor: (s) => s.series.fillColor ?? "",
  },
};

const CHART_LINE_FORMAT: ApiType<OnSeries> = {
  name: "ChartLineFormat",
  props: {
    Color: field((s) => s.series, "lineColor", asColor, ""),
    LineStyle: fixed("Continuous", true),
    Weight: fixed(2.25, true),
  },
  methods: { Clear: (s) => void delete s.series.lineColor },
};

const CHART_SERIES_FORMAT: ApiType<OnSeries> = {
  name: "ChartSeriesFormat",
  navs: {
    Fill: (s, o) => o.make(CHART_FILL, s),
    Line: (s, o) => o.make(CHART_LINE_FORMAT, s),
  },
};

/** Where a series' values or categories come from: an absolute, sheet-qualified address. */
const seriesSource = (key: "valuesAddress" | "categoriesAddress") => (s: OnSeries, args: unknown[], o: ApiObject) => {
  const { sheet, rect } = rangeArgument(o.env, args[0], s.sheet);
  s.series[key] = absoluteAddress(sheet.name, rect);
};

const CHART_SERIES: ApiType<OnSeries> = {
  name: "ChartSeries",
  props: {
    AxisGroup: field((s) => s.series, "axisGroup", oneOf(["Primary", "Secondary"] as const)),
    ChartType: { get: (s) => s.series.chartType ?? s.chart.chartType, check: chartType, set: (s, v: string) => (s.series.chartType = v) },
    HasDataLabels: {
      get: (s) => s.series.hasDataLabels,
      check: asBoolean,
      set: (s, v: boolean) => {
        s.series.hasDataLabels = v;
        if (v) s.series.dataLabels ??= { showValue: true };
      },
    },
    Name: {
      get: (s) => s.series.name,
      check: asString,
      set: (s, v: string) => {
        s.series.name = v;
        delete s.series.nameAddress;
      },
    },
    PlotOrder: { get: (s) => s.chart.series.indexOf(s.series), set: nothing },
    Smooth: fixed(false, true),
  },
  navs: {
    DataLabels: (s, o) => o.make(CHART_DATA_LABELS, { ...s, labels: () => (s.series.dataLabels ??= { showValue: false }) }),
    Format: (s, o) => o.make(CHART_SERIES_FORMAT, s),
  },
  methods: {
    SetValues: seriesSource("valuesAddress"),
    SetXAxisValues: seriesSource("categoriesAddress"),
    Delete: (s) => void (s.chart.series = s.chart.series.filter((x) => x !== s.series)),
  },
};

const CHART_SERIES_COLLECTION = collectionOf<OnChart, ChartSeriesModel>({
  name: "ChartSeriesCollection",
  collection: "Series",
  list: (s) => s.chart.series,
  item: (o, series, s) => o.make(CHART_SERIES, { ...s, series }),
  methods: {
    Add: (s, args, o) => {
      const list = s.chart.series;
      const series: ChartSeriesModel = { name: typeof args[0] === "string" ? args[0] : `Series${list.length + 1}`, axisGroup: "Primary", hasDataLabels: false };
      list.splice(typeof args[1] === "number" ? Math.max(0, Math.min(args[1], list.length)) : list.length, 0, series);
      return o.make(CHART_SERIES, { ...s, series });
    },
  },
});

/** Sets a chart's source range and the series Excel derives from it. */
function setSource(chart: ChartModel, source: { sheet: SheetModel; rect: { row: number; column: number; rowCount: number; columnCount: number } }, by: ChartModel["seriesBy"]): void {
  chart.sourceAddress = sourceAddress(source.sheet, source.rect);
  chart.seriesBy = by;
  chart.series = deriveSeries(source.sheet, source.rect, by);
}

export const CHART: ApiType<OnChart> = {
  name: "Chart",
  id: (s) => s.chart.id,
  reference: {
    key: "chart",
    write: (s) => [s.sheet.id, s.chart.id],
    read: ([sheetId, chartId], wb) => {
      const sheet = wb.sheetById(sheetId);
      const chart = sheet?.charts.find((c) => c.id === chartId);
      if (!sheet || !chart) throw new HostError("InvalidReference", "The referenced chart no longer exists.");
      return { sheet, chart };
    },
  },
  props: {
    ChartType: field((s) => s.chart, "chartType", chartType),
    Height: field((s) => s.chart, "height", within(0)),
    Id: { get: (s) => s.chart.id },
    Left: field((s) => s.chart, "left", within(0)),
    Name: field((s) => s.chart, "name", nonEmpty),
    SeriesBy: field((s) => s.chart, "seriesBy"),
    ShowAllFieldButtons: fixed(false),
    Top: field((s) => s.chart, "top", within(0)),
    Width: field((s) => s.chart, "width", within(0)),
  },
  navs: {
    Title: (s, o) => o.make(CHART_TITLE, s),
    Legend: (s, o) => o.make(CHART_LEGEND, s),
    DataLabels: (s, o) => o.make(CHART_DATA_LABELS, { ...s, labels: () => s.chart.dataLabels }),
    Axes: (s, o) => o.make(CHART_AXES, s),
    Series: (s, o) => o.make(CHART_SERIES_COLLECTION, s),
  },
  methods: {
    SetPosition: ({ sheet, chart: c }, args, o) => {
      const start = rangeArgument(o.env, args[0], sheet).rect;
      const end = args[1] === null || args[1] === undefined ? undefined : rangeArgument(o.env, args[1], sheet).rect;
      const startCell = cellAddress(start.row, start.column);
      c.anchor = end ? { start: startCell, end: cellAddress(end.row + end.rowCount - 1, end.column + end.columnCount - 1) } : { start: startCell };
      c.top = sheet.rowTop(start.row);
      c.left = sheet.columnLeft(start.column);
      if (end) {
        c.height = Math.max(0, sheet.rowTop(end.row + end.rowCount) - c.top);
        c.width = Math.max(0, sheet.columnLeft(end.column + end.columnCount) - c.left);
      }
    },
    Delete: (s) => void (s.sheet.charts = s.sheet.charts.filter((x) => x !== s.chart)),
    SetData: (s, args, o) => setSource(s.chart, rangeArgument(o.env, args[0], s.sheet), seriesBy(args[1])),
    Activate: nothing,
    GetImage: () => {
      throw new HostError("NotImplemented", "The in-memory workbook host cannot render chart images.");
    },
  },
};

export const CHART_COLLECTION = collectionOf<{ sheet: SheetModel }, ChartModel>({
  name: "ChartCollection",
  collection: "Charts",
  list: (s) => s.sheet.charts,
  item: (o, chart, { sheet }) => o.make(CHART, { sheet, chart }),
  /** By id (what the client sends after an `Id` answer) or by name (case-insensitive). */
  lookup: ({ sheet }, key) => sheet.charts.find((c) => c.id === key) ?? sheet.charts.find((c) => c.name.toLowerCase() === key.toLowerCase()),
  methods: {
    Add: ({ sheet }, args, o) => {
      guardEditable(sheet, "ChartCollection.add");
      const type = chartType(args[0], "chart type") as string;
      const source = rangeArgument(o.env, args[1], sheet);
      if (isUnbounded(source.rect)) throw invalidArgument("a chart source cannot be whole rows or columns");
      const wb = o.env.workbook;
      const by = seriesBy(args[2]);
      const chart = newChart(wb.nextId("chart"), `Chart ${wb.allCharts().length + 1}`, type, by);
      setSource(chart, source, by);
      // Excel places a new chart at a default position: to the right of the data, in points.
      chart.top = STANDARD_ROW_HEIGHT * 2;
      chart.left = STANDARD_COLUMN_WIDTH * (source.rect.column + source.rect.columnCount + 1);
      sheet.charts.push(chart);
      return o.make(CHART, { sheet, chart });
    },
  },
});
