// What the workbench draws for a chart: values and categories read through the chart's
// references, labels formatted as Excel formats them, Office's default colours, nice axis ticks.

import { WorkbookModel } from "../../src/host/model";
import { deriveSeries, newChart } from "../../src/host/charts";
import { chartData, niceScale, OFFICE_SERIES_COLOURS } from "../../src/workbench/chart-data";

function tierBook() {
  const wb = new WorkbookModel();
  const sheet = wb.addSheet("汇总_2024");
  const rows: (string | number)[][] = [
    ["阵营", "2024年", "2023年"],
    ["1000亿以上", 11, 16],
    ["500-1000亿", 7, 19],
    ["300-500亿", 18, 14],
    ["100-300亿", 50, 67],
  ];
  rows.forEach((row, r) => row.forEach((v, c) => sheet.setValue(r, c, v)));
  const chart = newChart("1", "StatDesk_tiers", "ColumnClustered", "Columns");
  chart.series = deriveSeries(sheet, { row: 0, column: 0, rowCount: 5, columnCount: 3 }, "Columns");
  chart.title = { text: "阵营分布", visible: true };
  chart.dataLabels = { showValue: true, numberFormat: "0" };
  chart.axes.value.title = { text: "企业数（家）", visible: true };
  chart.legend = { visible: true, position: "Bottom" };
  sheet.charts.push(chart);
  return { wb, sheet, chart };
}

test("a clustered column chart: categories, two series named by the header, labels, colours", () => {
  const { wb, sheet, chart } = tierBook();
  const data = chartData(wb, sheet, chart);
  expect(data.drawable).toBe(true);
  expect(data.shape).toBe("column");
  expect(data.title).toBe("阵营分布");
  expect(data.categories).toEqual(["1000亿以上", "500-1000亿", "300-500亿", "100-300亿"]);
  expect(data.series.map((s) => s.name)).toEqual(["2024年", "2023年"]);
  expect(data.series[0].values).toEqual([11, 7, 18, 50]);
  expect(data.series[1].labels).toEqual(["16", "19", "14", "67"]);
  expect(data.series.map((s) => s.color)).toEqual(OFFICE_SERIES_COLOURS.slice(0, 2));
  expect(data.valueAxisTitle).toBe("企业数（家）");
  expect(data.categoryAxisTitle).toBeNull();
  expect(data.legend).toBe("Bottom");
  // A new chart's axes as the host models them: labels shown, no gridlines unless set.
  expect([data.valueAxisVisible, data.categoryAxisVisible, data.gridlines]).toEqual([true, true, false]);
  expect(chartData(wb, sheet, { ...chart, axes: { ...chart.axes, value: { ...chart.axes.value, majorGridlines: true } } }).gridlines).toBe(true);
  expect(data.scale.min).toBe(0);
  expect(data.scale.max).toBeGreaterThanOrEqual(67);
});

test("a line chart with markers over growth rates: gaps for text, labels in the cells' format, signed axis labels", () => {
  const wb = new WorkbookModel();
  const sheet = wb.addSheet("S");
  const values: (string | number)[] = ["—", -0.129, -0.085, 0.011];
  ["期间", "2022", "2023", "2024", "2025"].forEach((v, r) => sheet.setValue(r, 0, v));
  sheet.setValue(0, 1, "同比");
  values.forEach((v, i) => sheet.setValue(i + 1, 1, v));
  const growth = wb.styles.intern({ ...sheet.style(0, 0), numberFormat: "[Red]▲0.0%;[Color10]▼0.0%;0.0%" });
  for (let r = 1; r <= 4; r++) sheet.setStyleId(r, 1, growth);
  const chart = newChart("1", "c", "LineMarkers", "Columns");
  chart.series = deriveSeries(sheet, { row: 0, column: 0, rowCount: 5, columnCount: 2 }, "Columns");
  chart.dataLabels = { showValue: true };
  const data = chartData(wb, sheet, chart);
  expect(data.shape).toBe("line");
  expect(data.series[0].markers).toBe(true);
  expect(data.series[0].values).toEqual([null, -0.129, -0.085, 0.011]);
  expect(data.series[0].labels).toEqual(["", "▼12.9%", "▼8.5%", "▲1.1%"]);
  expect(data.scale.tickLabels.some((t) => t.startsWith("-") && t.endsWith("%"))).toBe(true);
  expect(data.scale.tickLabels.every((t) => !/[▲▼]/.test(t))).toBe(true);
  expect(data.title).toBeNull();
});

test("an unknown chart type is reported as not drawable", () => {
  const { wb, sheet, chart } = tierBook();
  expect(chartData(wb, sheet, { ...chart, chartType: "Pie" }).drawable).toBe(false);
});

describe("nice scales", () => {
  test.each([
    [0, 67, 0, 80],
    [-14, 11, -15, 15],
    [0, 43547.3, 0, 50000],
    [0.2, 0.9, 0, 1],
  ])("[%p, %p] → [%p, %p] at 1, 2 or 5 × 10^k", (lo, hi, min, max) => {
    const s = niceScale(lo, hi);
    expect([s.min, s.max]).toEqual([min, max]);
    const step = s.ticks[1] - s.ticks[0];
    const mantissa = step / Math.pow(10, Math.floor(Math.log10(step)));
    expect([1, 2, 5]).toContainEqual(Number(mantissa.toPrecision(6)));
  });

  test("fixed minimum, maximum and unit win", () => {
    expect(niceScale(0, 67, { minimum: 0, maximum: 100, majorUnit: 25 }).ticks).toEqual([0, 25, 50, 75, 100]);
  });
});

test("a combo chart: a line on the secondary axis gets its own scale, labelled in its own format", () => {
  const { wb, sheet, chart } = tierBook();
  [-0.188, -0.44, -0.278, -0.517].forEach((v, i) => sheet.setValue(i + 1, 3, v));
  const line = { name: "同比", valuesAddress: "'汇总_2024'!$D$2:$D$5", chartType: "Line", axisGroup: "Secondary" as const, hasDataLabels: true, dataLabels: { showValue: true, numberFormat: "0.0%" } };
  const data = chartData(wb, sheet, { ...chart, series: [...chart.series, line] });
  const yoy = data.series[2];
  expect(yoy.axis).toBe("secondary");
  expect(yoy.shape).toBe("line");
  expect(yoy.labels).toEqual(["-18.8%", "-44.0%", "-27.8%", "-51.7%"]);
  expect(data.scale.min).toBe(0); // the primary axis is not stretched by the growth rates
  expect(data.secondaryScale!.min).toBeLessThanOrEqual(-0.517);
  expect(data.secondaryScale!.tickLabels.every((t) => t.endsWith("%"))).toBe(true);
});
