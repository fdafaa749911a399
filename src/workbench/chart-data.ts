// What a chart draws, read from its definition (ChartModel) and the cells it points at: the
// categories, each series' values, name, colour and labels, and the value axis scale with
// "nice" ticks. Pure: the SVG component only places what this computes.

import { cellValue, ChartModel, Rect, SheetModel, WorkbookModel } from "../host";
import { formatValue } from "./number-format";

/** Office's default series colours (Office theme accents 1-6), used when a series sets none. */
export const OFFICE_SERIES_COLOURS: readonly string[] = ["#4472C4", "#ED7D31", "#A5A5A5", "#FFC000", "#5B9BD5", "#70AD47"];

/** How a chart is drawn: vertical bars, horizontal bars, or lines. */
export type ChartShape = "column" | "bar" | "line";

export interface SeriesData {
  readonly name: string;
  /** One value per category; null where a cell holds no number (a gap). */
  readonly values: readonly (number | null)[];
  /** Value texts for data labels, formatted as Excel would ("", when not labelled). */
  readonly labels: readonly string[];
  readonly color: string;
  readonly shape: ChartShape;
  readonly markers: boolean;
  /** Which value axis the series is measured on (a combo chart's line often uses the secondary). */
  readonly axis: "primary" | "secondary";
}

export interface ValueScale {
  readonly min: number;
  readonly max: number;
  readonly ticks: readonly number[];
  /** Tick label texts. */
  readonly tickLabels: readonly string[];
}

export interface ChartData {
  /** Chart type as Excel names it ("ColumnClustered"…). */
  readonly chartType: string;
  /** Whether the workbench knows how to draw this type (others show their title and a note). */
  readonly drawable: boolean;
  readonly shape: ChartShape;
  readonly title: string | null;
  readonly categories: readonly string[];
  readonly series: readonly SeriesData[];
  readonly scale: ValueScale;
  /** Major gridlines across the plot at the value axis' ticks (the axis definition says). */
  readonly gridlines: boolean;
  /** Whether the axes' labels are shown. */
  readonly valueAxisVisible: boolean;
  readonly categoryAxisVisible: boolean;
  /** The secondary value axis, when a series is plotted on it (labels on the right). */
  readonly secondaryScale: ValueScale | null;
  readonly valueAxisTitle: string | null;
  readonly categoryAxisTitle: string | null;
  /** Legend position ("Bottom", "Right", "Top", "Left"), or null when hidden. */
  readonly legend: string | null;
}

const SHAPES: Readonly<Record<string, { shape: ChartShape; markers: boolean }>> = {
  ColumnClustered: { shape: "column", markers: false },
  BarClustered: { shape: "bar", markers: false },
  Line: { shape: "line", markers: false },
  LineMarkers: { shape: "line", markers: true },
};

/** The sheet and rectangle of a chart reference ("'汇总_2024'!$B$5:$B$8"). */
function resolve(workbook: WorkbookModel, home: SheetModel, address: string | undefined): { sheet: SheetModel; rect: Rect } | undefined {
  return address === undefined ? undefined : workbook.rangeOf(address, home);
}

/** The cells of a one-row or one-column range, in order, with their number formats. */
function cellsOf(ref: { sheet: SheetModel; rect: Rect }): { value: ReturnType<typeof cellValue>; format: string }[] {
  const out: { value: ReturnType<typeof cellValue>; format: string }[] = [];
  const { sheet, rect } = ref;
  // A chart's references are bounded in practice; cap them so a whole-column reference stays cheap.
  const rows = Math.min(rect.rowCount, 10000);
  const columns = Math.min(rect.columnCount, 10000);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      out.push({ value: cellValue(sheet, rect.row + r, rect.column + c), format: sheet.style(rect.row + r, rect.column + c).numberFormat });
    }
  }
  return out;
}

/**
 * Ticks at 1, 2 or 5 × 10^k covering [low, high] with about `target` intervals; a fixed minimum,
 * maximum or major unit (from the axis definition) wins.
 * Example: niceScale(-14, 11) // => min -15, max 15, ticks -15, -10, … 15
 */
export function niceScale(low: number, high: number, fixed: { minimum?: number; maximum?: number; majorUnit?: number } = {}, target = 5): { min: number; max: number; ticks: number[] } {
  let lo = fixed.minimum ?? Math.min(0, low);
  let hi = fixed.maximum ?? Math.max(0, high);
  if (!(hi > lo)) hi = lo + 1;
  let unit = fixed.majorUnit;
  if (unit === undefined || !(unit > 0)) {
    const raw = (hi - lo) / target;
    const magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    const mantissa = raw / magnitude;
    unit = (mantissa <= 1 ? 1 : mantissa <= 2 ? 2 : mantissa <= 5 ? 5 : 10) * magnitude;
  }
  if (fixed.minimum === undefined) lo = Math.floor(lo / unit + 1e-9) * unit;
  if (fixed.maximum === undefined) hi = Math.ceil(hi / unit - 1e-9) * unit;
  if (hi === lo) hi = lo + unit;
  const ticks: number[] = [];
  for (let k = 0; lo + k * unit <= hi + unit * 1e-9 && k < 1000; k++) ticks.push(Number((lo + k * unit).toPrecision(12)));
  return { min: lo, max: hi, ticks };
}

/** The number format of the first cell a reference points at ("General" when none). */
function sourceFormat(workbook: WorkbookModel, sheet: SheetModel, address: string | undefined): string {
  const ref = resolve(workbook, sheet, address);
  return ref ? ref.sheet.style(ref.rect.row, ref.rect.column).numberFormat : "General";
}

/** A value axis over some series, its tick labels in `format` with a plain sign. */
function valueScale(series: readonly SeriesData[], fixed: { minimum?: number; maximum?: number; majorUnit?: number }, format: string): ValueScale {
  const all = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const { min, max, ticks } = niceScale(all.length ? Math.min(...all) : 0, all.length ? Math.max(...all) : 1, fixed);
  // Axis labels carry a plain sign: a growth format's colours and arrows do not belong on an axis.
  const plainFormat = format.split(";")[0].replace(/\[[^\]]*\]/g, "").replace(/[▲▼△▽↑↓]/g, "");
  const tickLabels = ticks.map((t) => `${t < 0 ? "-" : ""}${formatValue(Math.abs(t), plainFormat).text}`);
  return { min, max, ticks, tickLabels };
}

/** Everything needed to draw `chart`, which sits on `sheet` of `workbook`. */
export function chartData(workbook: WorkbookModel, sheet: SheetModel, chart: ChartModel): ChartData {
  const known = SHAPES[chart.chartType];
  const { shape, markers } = known ?? { shape: "column" as const, markers: false };
  let categories: string[] = [];
  const series: SeriesData[] = chart.series.map((s, index) => {
    const valueRef = resolve(workbook, sheet, s.valuesAddress);
    const cells = valueRef ? cellsOf(valueRef) : [];
    if (categories.length === 0) {
      const categoryRef = resolve(workbook, sheet, s.categoriesAddress);
      categories = categoryRef
        ? cellsOf(categoryRef).map((c) => formatValue(c.value, c.format).text)
        : cells.map((_, i) => String(i + 1));
    }
    const values = cells.map((c) => (typeof c.value === "number" && Number.isFinite(c.value) ? c.value : null));
    const labelled = chart.dataLabels.showValue || (s.hasDataLabels && s.dataLabels?.showValue !== false);
    // Data labels follow their own format, else the source cells' ("linked to source").
    const labelFormat = s.dataLabels?.numberFormat ?? chart.dataLabels.numberFormat;
    const labels = cells.map((c, i) =>
      labelled && values[i] !== null ? formatValue(values[i] as number, labelFormat !== undefined && labelFormat !== "" ? labelFormat : c.format).text : "",
    );
    const ownShape = s.chartType !== undefined && SHAPES[s.chartType] ? SHAPES[s.chartType] : { shape, markers };
    const color = (ownShape.shape === "line" ? s.lineColor ?? s.fillColor : s.fillColor ?? s.lineColor) ?? OFFICE_SERIES_COLOURS[index % OFFICE_SERIES_COLOURS.length];
    return { name: s.name, values, labels, color, shape: ownShape.shape, markers: ownShape.markers, axis: s.axisGroup === "Secondary" ? "secondary" : "primary" };
  });
  const count = Math.max(categories.length, ...series.map((s) => s.values.length), 0);
  while (categories.length < count) categories.push(String(categories.length + 1));

  const onSecondary = series.filter((x) => x.axis === "secondary");
  const onPrimary = series.filter((x) => x.axis === "primary");
  const axis = chart.axes.value;
  const scale = valueScale(onPrimary.length > 0 ? onPrimary : series, {
    ...(axis.minimum !== undefined ? { minimum: axis.minimum } : {}),
    ...(axis.maximum !== undefined ? { maximum: axis.maximum } : {}),
    ...(axis.majorUnit !== undefined ? { majorUnit: axis.majorUnit } : {}),
  }, axis.numberFormat !== undefined && axis.numberFormat !== "" ? axis.numberFormat : sourceFormat(workbook, sheet, chart.series.find((x) => x.axisGroup !== "Secondary")?.valuesAddress));
  const secondaryModel = chart.series.find((x) => x.axisGroup === "Secondary");
  const secondaryScale =
    onSecondary.length > 0 && onPrimary.length > 0
      ? valueScale(onSecondary, {}, secondaryModel?.dataLabels?.numberFormat || sourceFormat(workbook, sheet, secondaryModel?.valuesAddress))
      : null;

  const title = chart.title.visible && chart.title.text !== "" ? chart.title.text : null;
  const axisTitle = (a: { title: { text: string; visible: boolean } }) => (a.title.visible && a.title.text !== "" ? a.title.text : null);
  return {
    chartType: chart.chartType,
    drawable: known !== undefined,
    shape,
    title,
    categories,
    series,
    scale,
    gridlines: chart.axes.value.majorGridlines,
    valueAxisVisible: chart.axes.value.visible,
    categoryAxisVisible: chart.axes.category.visible,
    secondaryScale,
    valueAxisTitle: axisTitle(chart.axes.value),
    categoryAxisTitle: axisTitle(chart.axes.category),
    legend: chart.legend.visible ? chart.legend.position : null,
  };
}
