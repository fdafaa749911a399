// The WPS port's smaller steps: stored analyses round-trip through the hidden sheet whatever
// their length, a cell is selected on its sheet, and a first run that fails leaves nothing behind.

import { ApplySummaryRequest } from "../../src/core/port";
import { SheetModel as SummarySheet } from "../../src/core/summary/model";
import { scratchNames } from "../../src/run/run";
import { ANALYSES_SHEET, EtApplication, WpsPort } from "../../src/wps";
import { readFacts } from "../../src/wps/read";
import { standIn } from "../../src/wps-standin/stand-in";
import { workbookOf } from "../fixtures/workbooks";

/** A write of `model` as the run code asks it, with the workbook's facts as read now. */
function request(app: EtApplication, model: SummarySheet, storedAnalyses: string): ApplySummaryRequest {
  return { model, facts: readFacts(app), marker: "StatDesk_a", scratch: scratchNames("a"), storedAnalyses, activate: true };
}

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
  const app = standIn(workbook).app;
  expect(await port.applySummary(request(app, tiny, stored))).toEqual({ ok: true, readBack: { name: "汇总", title: "标题", charts: [] }, skipped: [], chartsLeftOut: [], syncs: 1 });
  expect(await port.storedAnalyses()).toBe(stored);
  const hidden = workbook.sheet(ANALYSES_SHEET)!;
  expect([hidden.visibility, hidden.value(2, 0), hidden.value(3, 0)]).toEqual(["Hidden", "1".repeat(10000), ""]);
  expect([0, 1, 2].map((r) => hidden.style(r, 0).numberFormat)).toEqual(["@", "@", "@"]);
  // the summary's look as the model says it, through BGR and character units
  const summary = workbook.sheet("汇总")!;
  expect([summary.style(0, 0).font.bold, summary.style(0, 1).fill, summary.style(0, 0).borders.EdgeBottom?.color, summary.style(1, 1).numberFormat]).toEqual([true, "#D9E1F2", "#8EA9DB", "0"]);
  expect([summary.tabColor, summary.rowHeight(0), Math.round(summary.columnWidth(0))]).toEqual(["#1F4E79", 24, 120]);
});

test("select brings the sheet to the front with the range selected; the selection reads back as a qualified address", async () => {
  const workbook = workbookOf({ One: [["x"]], "Two 2": [["y"]] });
  const port = new WpsPort(standIn(workbook).app);
  expect(await port.select("Two 2", "C5:D6")).toBeUndefined();
  expect(workbook.activeSheet().name).toBe("Two 2");
  expect(workbook.currentSelection().rect).toEqual({ row: 4, column: 2, rowCount: 2, columnCount: 2 });
  expect(await port.selection()).toBe("'Two 2'!C5:D6");
  // a sheet that is gone is said, at the place asked for, not thrown
  expect(await port.select("Gone", "A1")).toMatchObject({ code: "source-missing", location: "Gone!A1" });
});

test("a first run that fails half-way leaves only the sources, and no name", async () => {
  const workbook = workbookOf({ Data: [["x"]] });
  const et = standIn(workbook, { fault: (_n, member) => member === "Font.Bold=" });
  const result = await new WpsPort(et.app).applySummary(request(standIn(workbook).app, tiny, "{}"));
  expect(result).toEqual({ ok: false, problems: [expect.objectContaining({ code: "write-failed", params: expect.objectContaining({ host: "wps", detail: expect.stringContaining("Font.Bold=") }) })], syncs: 1 });
  expect(workbook.sheets.map((s) => s.name)).toEqual(["Data"]);
  expect(workbook.names).toEqual([]);
});

test("a model that cannot be written is refused before the first call that changes anything", async () => {
  const workbook = workbookOf({ Data: [["x"]] });
  const facts = readFacts(standIn(workbook).app);
  const et = standIn(workbook);
  const bad = { ...tiny, styles: [{ rect: tiny.styles[0].rect, style: { fill: "red" } }] };
  const refused = await new WpsPort(et.app).applySummary({ model: bad, facts, marker: "StatDesk_a", scratch: scratchNames("a"), storedAnalyses: "{}", activate: true });
  expect(refused).toMatchObject({ ok: false, problems: [{ code: "write-failed", params: { detail: "not a #RRGGBB colour: red" } }] });
  expect(et.log.calls).toBe(0);
});
