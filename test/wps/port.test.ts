// The WPS port's smaller steps: stored analyses round-trip through the hidden sheet whatever
// their length, a cell is selected on its sheet, and a first run that fails leaves nothing behind.

import { SheetModel as SummarySheet } from "../../src/core/summary/model";
import { ANALYSES_SHEET, WpsPort } from "../../src/wps";
import { workbookOf } from "../fixtures/workbooks";
import { standIn } from "./stand-in";

const tiny: SummarySheet = {
  name: "汇总",
  values: [["标题", null], ["1000亿以上", 11]],
  numberFormats: [["@", "General"], ["@", "0"]],
  width: 2,
  styles: [{ rect: { row: 0, column: 0, rowCount: 1, columnCount: 2 }, style: { bold: true, fill: "#D9E1F2", borderBottom: "#8EA9DB" } }],
  columnWidths: [120, 64],
  rowHeights: [{ row: 0, height: 24 }],
  freezeRows: 0,
  charts: [],
  tabColor: "#1F4E79",
  sections: {},
};

test("stored analyses longer than a cell holds come back whole, as text, from the hidden sheet", async () => {
  const workbook = workbookOf({ Data: [["x"]] });
  const port = new WpsPort(standIn(workbook).app);
  expect(await port.storedAnalyses()).toBeUndefined();
  // 70,000 characters: three pieces under Excel's 32,767 a cell. Digits only: they are written under
  // "@" so a real WPS keeps them text (the stand-in does not coerce typed text, so the format is checked)
  const stored = "1".repeat(70000);
  expect(await port.applySummary({ model: tiny, marker: "StatDesk_a", storedAnalyses: stored })).toEqual({ ok: true, sheetName: "汇总", skipped: [] });
  expect(await port.storedAnalyses()).toBe(stored);
  const hidden = workbook.sheet(ANALYSES_SHEET)!;
  expect([hidden.visibility, hidden.value(2, 0), hidden.value(3, 0)]).toEqual(["Hidden", "1".repeat(10000), ""]);
  expect([0, 1, 2].map((r) => hidden.style(r, 0).numberFormat)).toEqual(["@", "@", "@"]);
  // the summary's look as the model says it, through BGR and character units
  const summary = workbook.sheet("汇总")!;
  expect([summary.style(0, 0).font.bold, summary.style(0, 1).fill, summary.style(0, 0).borders.EdgeBottom?.color, summary.style(1, 1).numberFormat]).toEqual([true, "#D9E1F2", "#8EA9DB", "0"]);
  expect([summary.tabColor, summary.rowHeight(0), Math.round(summary.columnWidth(0))]).toEqual(["#1F4E79", 24, 120]);
});

test("selectCell brings the sheet to the front with the cell selected", async () => {
  const workbook = workbookOf({ One: [["x"]], Two: [["y"]] });
  await new WpsPort(standIn(workbook).app).selectCell("Two", 4, 2);
  expect(workbook.activeSheet().name).toBe("Two");
  expect(workbook.currentSelection().rect).toEqual({ row: 4, column: 2, rowCount: 1, columnCount: 1 });
});

test("a first run that fails half-way leaves only the sources, and no name", async () => {
  const workbook = workbookOf({ Data: [["x"]] });
  const et = standIn(workbook, { fault: (_n, member) => member === "Font.Bold=" });
  const result = await new WpsPort(et.app).applySummary({ model: tiny, marker: "StatDesk_a", storedAnalyses: "{}" });
  expect(result).toEqual({ ok: false, error: expect.stringContaining("Font.Bold=") });
  expect(workbook.sheets.map((s) => s.name)).toEqual(["Data"]);
  expect(workbook.names).toEqual([]);
});

test("a model that cannot be written is refused before the first call that changes anything", async () => {
  const workbook = workbookOf({ Data: [["x"]] });
  const et = standIn(workbook);
  const bad = { ...tiny, styles: [{ rect: tiny.styles[0].rect, style: { fill: "red" } }] };
  expect(await new WpsPort(et.app).applySummary({ model: bad, marker: "StatDesk_a", storedAnalyses: "{}" })).toEqual({ ok: false, error: "not a #RRGGBB colour: red" });
  expect(et.log.calls).toBe(0);
});
