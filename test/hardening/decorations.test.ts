// Touches Excel may refuse (freeze panes on Excel 2019 builds, office-js #2196; a chart, print
// layout, data labels, a line on the secondary axis: excel-fidelity-audit.md rows 21, 22, 33),
// against the in-memory host through Microsoft's client. After a first good run the desk's data
// changes and a second run meets the refusal: it must end ok with the new figures all there, one
// translated `decoration-skipped` warning per refused touch, the refused touch wholly absent (no
// nameless chart, no line left on the primary axis), no temporary sheet, the marker and the
// settings as a clean run leaves them, and every other touch made. A touch refused once and
// accepted when tried again gives no warning at all.

import { runAnalysis } from "../../src/run/run";
import { AnalysisDefinition, RunResult } from "../../src/run/types";
import { problemMessage } from "../../src/core/messages";
import { Problem } from "../../src/core/problems";
import { ChartModel, SheetModel, WorkbookModel } from "../../src/host/model";
import { refuseTouch, Refusal } from "../../src/host/refusals";
import { CIA_2023, CIA_2024 } from "../fixtures/rankings/synthetic";
import { NAMES_2024 } from "../fixtures/rankings/build";
import { Grid } from "../../src/core/cells";
import { RUN_CONTEXT, sheetValues, testWorkbook, TestWorkbook } from "../excel/harness";
import { expectTranslated, scratchSheets, settingsDigest, withinMs } from "./helpers";
import { markerName } from "../../src/run/run";

const SOURCES = ["2024年", "2023年"];
const SUMMARY = "汇总_2024";
/** TOP100 of the synthetic 2024 list after the leader sold 1000 more (published 43547.3). */
const TOP100_CHANGED = 44547.3;

const listGrid = (title: string, values: readonly number[], names: readonly string[]): Grid => [
  [title],
  ["排名", "企业名称", "销售额（亿元）"],
  ...values.map((v, i) => [i + 1, names[i], v]),
];

const DEFINITION: AnalysisDefinition = {
  id: "touches1",
  sources: [
    { role: "current", spec: { kind: "address", address: "'2024年'!A:C" } },
    { role: "previous", spec: { kind: "address", address: "'2023年'!A:C" } },
  ],
  options: {},
  output: { sheetName: "", language: "zh-CN", colours: "red-up" },
};

/** A first good run, then the 2024 leader's figure changes: the second run is the one under test. */
async function afterFirstRun(): Promise<{ book: TestWorkbook; definition: AnalysisDefinition }> {
  const book = testWorkbook({
    "2024年": listGrid("2024年房企销售额排行（单位：亿元）", CIA_2024, NAMES_2024.current),
    "2023年": listGrid("2023年房企销售额排行（单位：亿元）", CIA_2023, NAMES_2024.previous),
  });
  const first = await runAnalysis(book.env, DEFINITION, RUN_CONTEXT);
  if (!first.ok) throw new Error(JSON.stringify(first.problems));
  book.workbook.sheet("2024年")!.setValue(2, 2, CIA_2024[0] + 1000);
  return { book, definition: first.definition };
}

async function secondRun(book: TestWorkbook, definition: AnalysisDefinition): Promise<Extract<RunResult, { ok: true }>> {
  const result = await withinMs(runAnalysis(book.env, definition, RUN_CONTEXT), 20_000, "runAnalysis");
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result;
}

const summarySheet = (workbook: WorkbookModel): SheetModel => workbook.sheet(SUMMARY)!;

/** A chart as a person sees it (ids aside: a retried chart is a new object). */
const chartView = ({ id: _id, ...chart }: ChartModel) => chart;

/** Everything a run writes on the summary, ids aside. */
function summaryView(workbook: WorkbookModel) {
  const sheet = summarySheet(workbook);
  return {
    values: sheetValues(workbook, SUMMARY),
    freeze: sheet.freeze,
    tabColor: sheet.tabColor,
    pageLayout: sheet.pageLayout,
    columnWidths: [...sheet.columnWidths],
    charts: sheet.charts.map(chartView),
  };
}

/** What the same second run writes and remembers when Excel refuses nothing. */
let clean: { view: ReturnType<typeof summaryView>; settings: string; syncs: number; problems: string[] };
beforeAll(async () => {
  const { book, definition } = await afterFirstRun();
  const before = book.host.stats.syncs;
  const result = await secondRun(book, definition);
  clean = {
    view: summaryView(book.workbook),
    settings: settingsDigest(book.workbook),
    syncs: book.host.stats.syncs - before,
    problems: result.problems.map((p) => p.code),
  };
});

const skippedOf = (problems: readonly Problem[]) => problems.filter((p) => p.code === "decoration-skipped");

/** What every run with a refused touch must honour, whichever touch it was. */
function expectSummaryStands(book: TestWorkbook, result: Extract<RunResult, { ok: true }>): void {
  const { workbook } = book;
  expect(result.sheetName).toBe(SUMMARY);
  expect(workbook.sheets.map((s) => s.name)).toEqual([...SOURCES, SUMMARY]);
  expect(scratchSheets(workbook)).toEqual([]);
  // every figure, as a clean run writes it
  expect(sheetValues(workbook, SUMMARY)).toEqual(clean.view.values);
  expect(sheetValues(workbook, SUMMARY).find((r) => r[0] === "TOP100")![1]).toBeCloseTo(TOP100_CHANGED, 6);
  expect([...summarySheet(workbook).columnWidths]).toEqual(clean.view.columnWidths);
  // marked and remembered exactly as a clean run does
  expect(workbook.namedItem(markerName(DEFINITION.id))!.formula).toBe(`=${SUMMARY}!$A$1`);
  expect(settingsDigest(workbook)).toBe(clean.settings);
  // no chart Excel would show with a default name: nothing half-made
  expect(summarySheet(workbook).charts.map((c) => c.name).filter((n) => !n.startsWith("StatDesk"))).toEqual([]);
  expectTranslated(result.problems);
  // the data's own notes are as a clean run gives them; no verify-failed
  expect(result.problems.map((p) => p.code).filter((c) => c !== "decoration-skipped")).toEqual(clean.problems);
}

test("a clean run: two round trips, every touch made (the reference the cases below compare with)", () => {
  expect(clean.syncs).toBe(2);
  expect(clean.problems).not.toContain("decoration-skipped");
  expect(clean.view.freeze.rows).toBeGreaterThan(0);
  expect(clean.view.pageLayout.orientation).toBe("Landscape");
  expect(clean.view.charts.length).toBeGreaterThanOrEqual(2);
  expect(clean.view.charts.some((c) => c.series.some((s) => s.axisGroup === "Secondary"))).toBe(true);
  expect(clean.view.charts.every((c) => c.dataLabels.showValue)).toBe(true);
});

test("freeze panes refused as on Excel 2019 (GeneralException): the summary stands, one warning saying so in both languages", async () => {
  const { book, definition } = await afterFirstRun();
  refuseTouch(book.host, { touch: "freezeRows" });
  const before = book.host.stats.syncs;
  const result = await secondRun(book, definition);
  expectSummaryStands(book, result);
  const skipped = skippedOf(result.problems);
  expect(skipped.map((p) => [p.params.touch, p.params.code, p.severity])).toEqual([["freeze", "GeneralException", "warning"]]);
  expect(problemMessage(skipped[0], "zh-CN")).toContain("冻结窗格未能设置（Excel 返回 GeneralException）");
  expect(problemMessage(skipped[0], "en-US")).toContain("Freeze panes could not be set (Excel answered GeneralException)");
  expect(summarySheet(book.workbook).freeze).toEqual({ rows: 0, columns: 0 });
  // everything else made: print layout, tab colour, every chart as a clean run draws it
  const view = summaryView(book.workbook);
  expect({ ...view, freeze: clean.view.freeze }).toEqual(clean.view);
  // read + write (refused at the freeze) + the freeze alone (refused again) + the touches after it
  expect([result.stats.syncs, book.host.stats.syncs - before]).toEqual([4, 4]);
});

test("each chart refused in turn: left out whole, one warning naming it, the others drawn", async () => {
  expect(clean.view.charts.length).toBeGreaterThanOrEqual(2);
  for (const chart of clean.view.charts) {
    const { book, definition } = await afterFirstRun();
    refuseTouch(book.host, { touch: "chart", chart: chart.name });
    const result = await secondRun(book, definition);
    expectSummaryStands(book, result);
    expect(skippedOf(result.problems).map((p) => [p.params.touch, p.params.chart, p.params.code])).toEqual([["chart", chart.title.text, "GeneralException"]]);
    expect(problemMessage(skippedOf(result.problems)[0], "zh-CN")).toContain(`图表“${chart.title.text}”未能添加`);
    const view = summaryView(book.workbook);
    expect(view.charts).toEqual(clean.view.charts.filter((c) => c.name !== chart.name));
    expect({ ...view, charts: [] }).toEqual({ ...clean.view, charts: [] });
  }
});

test("every chart refused as it is added: one warning per chart, the sheet without charts, every figure there", async () => {
  const { book, definition } = await afterFirstRun();
  refuseTouch(book.host, { touch: "chart", code: "InvalidArgument" });
  const result = await secondRun(book, definition);
  expectSummaryStands(book, result);
  expect(skippedOf(result.problems).map((p) => [p.params.touch, p.params.chart])).toEqual(clean.view.charts.map((c) => ["chart", c.title.text]));
  expect(summarySheet(book.workbook).charts).toEqual([]);
  expect(summarySheet(book.workbook).freeze).toEqual(clean.view.freeze);
});

test("print layout refused (ExcelApi 1.9): left out, the sheet prints as Excel's default, one warning", async () => {
  const { book, definition } = await afterFirstRun();
  refuseTouch(book.host, { touch: "pageLayout" });
  const result = await secondRun(book, definition);
  expectSummaryStands(book, result);
  expect(skippedOf(result.problems).map((p) => p.params.touch)).toEqual(["printLayout"]);
  expect(problemMessage(skippedOf(result.problems)[0], "en-US")).toContain("The print layout (landscape, fitted to the page width) could not be set");
  const view = summaryView(book.workbook);
  expect(view.pageLayout.orientation).toBe("Portrait");
  expect({ ...view, pageLayout: clean.view.pageLayout }).toEqual(clean.view);
});

test("print layout refused at its zoom, after the orientation took: the orientation is put back, nothing half-set", async () => {
  const { book, definition } = await afterFirstRun();
  book.host.injectFault({ code: "GeneralException", times: Infinity, match: (a) => a.objectType === "PageLayout" && a.name === "Zoom" });
  const result = await secondRun(book, definition);
  expectSummaryStands(book, result);
  expect(skippedOf(result.problems).map((p) => p.params.touch)).toEqual(["printLayout"]);
  expect(summarySheet(book.workbook).pageLayout.orientation).toBe("Portrait");
});

test("data labels refused on every chart: one warning per chart, labels off everywhere, the charts drawn", async () => {
  const { book, definition } = await afterFirstRun();
  refuseTouch(book.host, { touch: "dataLabels" });
  const result = await secondRun(book, definition);
  expectSummaryStands(book, result);
  expect(skippedOf(result.problems).map((p) => [p.params.touch, p.params.chart])).toEqual(clean.view.charts.map((c) => ["dataLabels", c.title.text]));
  const charts = summarySheet(book.workbook).charts;
  expect(charts.map((c) => c.name)).toEqual(clean.view.charts.map((c) => c.name));
  expect(charts.every((c) => !c.dataLabels.showValue && c.series.every((s) => !s.hasDataLabels))).toBe(true);
});

test("data labels refused on one chart at their number format, after they were shown: shown no more there, kept on the others", async () => {
  const { book, definition } = await afterFirstRun();
  const target = clean.view.charts.find((c) => c.series.some((s) => s.axisGroup === "Secondary"))!;
  book.host.injectFault({
    code: "GeneralException",
    times: Infinity,
    match: (a) => a.chartName === target.name && a.objectType === "ChartDataLabels" && a.name === "NumberFormat",
  });
  const result = await secondRun(book, definition);
  expectSummaryStands(book, result);
  expect(skippedOf(result.problems).map((p) => [p.params.touch, p.params.chart])).toEqual([["dataLabels", target.title.text]]);
  const charts = summarySheet(book.workbook).charts;
  const refused = charts.find((c) => c.name === target.name)!;
  expect([refused.dataLabels.showValue, refused.series.some((s) => s.hasDataLabels)]).toEqual([false, false]);
  expect(charts.filter((c) => c !== refused).map(chartView)).toEqual(clean.view.charts.filter((c) => c.name !== target.name));
});

test("the secondary axis refused: the YoY line goes whole (no per-cent line on the 亿元 axis), its chart keeps bars and labels", async () => {
  const { book, definition } = await afterFirstRun();
  const target = clean.view.charts.find((c) => c.series.some((s) => s.axisGroup === "Secondary"))!;
  refuseTouch(book.host, { touch: "secondaryAxis" });
  const result = await secondRun(book, definition);
  expectSummaryStands(book, result);
  const skipped = skippedOf(result.problems);
  expect(skipped.map((p) => [p.params.touch, p.params.chart])).toEqual([["secondaryAxis", target.title.text]]);
  expect(problemMessage(skipped[0], "zh-CN")).toMatch(/次坐标轴上的“.+”折线未能添加（Excel 返回 GeneralException）/);
  const chart = summarySheet(book.workbook).charts.find((c) => c.name === target.name)!;
  expect(chart.series.map((s) => s.name)).toEqual(target.series.filter((s) => s.axisGroup !== "Secondary").map((s) => s.name));
  expect(chart.dataLabels.showValue).toBe(true);
});

test("a chart refused while it is being named: the nameless chart is removed, not left as 'Chart n'", async () => {
  const { book, definition } = await afterFirstRun();
  const target = clean.view.charts[1];
  book.host.injectFault({ code: "GeneralException", times: Infinity, match: (a) => a.objectType === "Chart" && a.name === "Name" && a.args[0] === target.name });
  const result = await secondRun(book, definition);
  expectSummaryStands(book, result);
  expect(skippedOf(result.problems).map((p) => [p.params.touch, p.params.chart])).toEqual([["chart", target.title.text]]);
  expect(summaryView(book.workbook).charts).toEqual(clean.view.charts.filter((c) => c.name !== target.name));
});

describe("a touch refused once, then accepted when tried alone: no warning, the summary as a clean run writes it", () => {
  const once = (): [string, Refusal | ((a: import("../../src/host/host").ActionInfo) => boolean)][] => [
    ["freeze panes", { touch: "freezeRows", times: 1 }],
    ["the first chart", { touch: "chart", chart: clean.view.charts[0].name, times: 1 }],
    ["the last chart", { touch: "chart", chart: clean.view.charts[clean.view.charts.length - 1].name, times: 1 }],
    ["print layout", { touch: "pageLayout", times: 1 }],
    ["data labels", { touch: "dataLabels", times: 1 }],
    ["the secondary axis", { touch: "secondaryAxis", times: 1 }],
    ["the nameless chart", (a) => a.objectType === "Chart" && a.name === "Name" && a.args[0] === clean.view.charts[0].name],
  ];
  test.each([0, 1, 2, 3, 4, 5, 6])("case %i", async (index) => {
    const [what, refusal] = once()[index];
    const { book, definition } = await afterFirstRun();
    if (typeof refusal === "function") book.host.injectFault({ code: "GeneralException", times: 1, match: refusal });
    else refuseTouch(book.host, refusal);
    const before = book.host.stats.syncs;
    const result = await secondRun(book, definition);
    expectSummaryStands(book, result);
    expect([what, skippedOf(result.problems)]).toEqual([what, []]);
    expect(summaryView(book.workbook)).toEqual(clean.view);
    // the refused write, the touch alone, then (when touches follow it) those after it
    expect(book.host.stats.records.slice(before).map((r) => r.errorCode !== undefined)).toEqual([false, true, false, ...(result.stats.syncs === 4 ? [false] : [])]);
    expect(result.stats.syncs).toBeLessThanOrEqual(4);
  });
});
