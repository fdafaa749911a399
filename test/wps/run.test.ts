// The golden ranking run through the WPS adapter against the stand-in ET, beside the same run
// through the Office.js layer against the in-memory host: the same summary cells and number
// formats; a fault part-way through the WPS write leaves the previous summary exactly as it was;
// bridge calls grow with blocks, not cells.

import { analyze } from "../../src/core/analyze";
import { Grid } from "../../src/core/cells";
import { resolveOptions } from "../../src/core/options";
import { SheetPort, SourceGrid } from "../../src/core/port";
import { buildSummary, defaultSheetName } from "../../src/core/summary/build";
import { OfficePort } from "../../src/excel/port";
import { runAnalysis } from "../../src/excel/run";
import { AnalysisDefinition } from "../../src/excel/types";
import { WorkbookModel } from "../../src/host/model";
import { ANALYSES_SHEET, WpsPort } from "../../src/wps";
import { applySummary } from "../../src/wps/write";
import { NAMES_2024 } from "../fixtures/rankings/build";
import { CIA_2023, CIA_2024 } from "../fixtures/rankings/synthetic";
import { workbookOf } from "../fixtures/workbooks";
import { RUN_CONTEXT, sheetValues, testWorkbook } from "../excel/harness";
import { standIn, StandInOptions } from "./stand-in";

const listGrid = (title: string, values: readonly number[], names: readonly string[]): Grid => [
  [title],
  ["排名", "企业名称", "销售额（亿元）"],
  ...values.map((v, i) => [i + 1, names[i], v]),
];

const SHEETS = {
  "2024年": listGrid("2024年房企销售额排行（单位：亿元）", CIA_2024, NAMES_2024.current),
  "2023年": listGrid("2023年房企销售额排行（单位：亿元）", CIA_2023, NAMES_2024.previous),
};
// Bounded on one list and whole columns on the other, as the Office.js run test reads them.
const ADDRESSES = ["'2024年'!A1:C112", "'2023年'!A:C"];

const DEFINITION: AnalysisDefinition = {
  id: "t1",
  sources: [
    { role: "current", spec: { kind: "address", address: ADDRESSES[0] } },
    { role: "previous", spec: { kind: "address", address: ADDRESSES[1] } },
  ],
  options: {},
  output: { sheetName: "", language: "zh-CN", colours: "red-up" },
};

/**
 * One run through the WPS port: read the sources, compute, build the summary, apply it — the
 * steps excel/run.ts takes, without the parts this slice does not carry over (aliases, national
 * total cells, Find data).
 */
async function summaryOf(port: SheetPort) {
  const read = await port.readGrids(ADDRESSES);
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  const inputs = read.grids.map((g: SourceGrid) => ({
    source: { sheet: g.sheet, row: g.row, column: g.column },
    grid: g.values,
    numberFormats: g.numberFormats,
    kind: "ranking" as const,
  }));
  const analysis = analyze(inputs, resolveOptions({}).options);
  const model = buildSummary({
    analysis,
    language: "zh-CN",
    sheetName: defaultSheetName(analysis, "zh-CN"),
    colours: "red-up",
    generatedOn: RUN_CONTEXT.today,
    version: RUN_CONTEXT.version,
    // Live formulas on the cells read, as excel/run.ts gives them (#14).
    formulaSources: inputs.map((input, i) => ({ source: input.source, sheet: read.grids[i].sheet, grid: input.grid })),
  });
  return { read, model };
}

async function runThroughWps(port: SheetPort, previousSheet?: string) {
  const { read, model } = await summaryOf(port);
  const stored = JSON.stringify({ format: 1, analyses: [{ ...DEFINITION, lastRun: { sheetName: model.name, on: RUN_CONTEXT.today, version: RUN_CONTEXT.version } }] });
  const applied = await port.applySummary({ model, marker: "StatDesk_t1", storedAnalyses: stored, ...(previousSheet !== undefined ? { previousSheet } : {}) });
  return { read, model, applied };
}

/** A sheet's cells as values and number formats, for comparing two workbooks. */
function cellsOf(workbook: WorkbookModel, name: string): { values: unknown[][]; formats: string[][] } {
  const sheet = workbook.sheet(name)!;
  const values = sheetValues(workbook, name);
  return { values, formats: values.map((row, r) => row.map((_v, c) => sheet.style(r, c).numberFormat)) };
}

/** Everything a person could see changed in a workbook, for "exactly as it was". */
function snapshot(workbook: WorkbookModel): string {
  return JSON.stringify({
    sheets: workbook.sheets.map((s) => {
      const used = s.usedRect(false);
      const rect = used === undefined ? { row: 0, column: 0, rowCount: 0, columnCount: 0 } : { row: 0, column: 0, rowCount: used.row + used.rowCount, columnCount: used.column + used.columnCount };
      return {
        name: s.name,
        visibility: s.visibility,
        tabColor: s.tabColor,
        values: s.values(rect),
        styles: s.values(rect).map((row, r) => row.map((_v, c) => s.style(r, c))),
        widths: [...s.columnWidths],
        heights: [...s.rowHeights],
      };
    }),
    names: workbook.names,
    active: workbook.activeSheet().name,
  });
}

test("the ranking run through the WPS adapter writes the same summary cells and number formats as the Office.js run", async () => {
  const office = testWorkbook(SHEETS);
  const result = await runAnalysis(office.env, DEFINITION, RUN_CONTEXT);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));

  const workbook = workbookOf(SHEETS);
  const et = standIn(workbook);
  const { applied, read } = await runThroughWps(new WpsPort(et.app));
  expect(applied).toEqual({ ok: true, sheetName: "汇总_2024", skipped: expect.arrayContaining([expect.stringContaining("chart StatDesk_tiers_salesValue")]) });
  // whole columns are cut to the used cells, and named as the Office.js path names them
  expect(read.ok && read.grids.map((g) => g.address)).toEqual(["'2024年'!A1:C112", `'2023年'!A1:C${CIA_2023.length + 2}`]);

  const viaWps = cellsOf(workbook, "汇总_2024");
  const viaOffice = cellsOf(office.workbook, "汇总_2024");
  expect(viaWps.values.length).toBeGreaterThan(40);
  expect(viaWps.values).toEqual(viaOffice.values);
  expect(viaWps.formats).toEqual(viaOffice.formats);
  // the published figures, as the Office.js run test checks them
  const find = (label: string) => viaWps.values.find((row) => row[0] === label)!;
  expect(find("1000亿以上").slice(0, 4)).toEqual(["1000亿以上", 11, 16, -5]);
  expect(find("TOP100")[1] as number).toBeCloseTo(43547.3, 6);

  // the same look where both paths write it: bold, fill and font colour per cell
  const look = (wb: WorkbookModel) => {
    const s = wb.sheet("汇总_2024")!;
    return viaWps.values.map((row, r) => row.map((_v, c) => [s.style(r, c).font.bold, s.style(r, c).fill ?? "", s.style(r, c).font.color]));
  };
  expect(look(workbook)).toEqual(look(office.workbook));
  // column widths round-trip through character units to within a hundredth of a character
  const widths = (wb: WorkbookModel) => [...Array(8).keys()].map((c) => wb.sheet("汇总_2024")!.columnWidth(c));
  widths(workbook).forEach((w, c) => expect(Math.abs(w - widths(office.workbook)[c])).toBeLessThan(0.06));

  // marked and remembered as the Office.js path does: a hidden name on A1; analyses on a hidden sheet
  expect(workbook.namedItem("StatDesk_t1")).toMatchObject({ visible: false, formula: "=汇总_2024!$A$1" });
  expect(workbook.sheets.map((s) => [s.name, s.visibility])).toEqual([
    ["2024年", "Visible"],
    ["2023年", "Visible"],
    ["汇总_2024", "Visible"],
    [ANALYSES_SHEET, "Hidden"],
  ]);
  expect(JSON.parse((await new WpsPort(et.app).storedAnalyses())!).analyses[0].id).toBe("t1");
  // the summary in front, as the Office.js run leaves it
  expect([workbook.activeSheet().name, office.workbook.activeSheet().name]).toEqual(["汇总_2024", "汇总_2024"]);
  // screen updating off for every write, and both switches restored
  expect(et.log.writesWithScreenOn).toBe(0);
  expect(et.state()).toEqual({ screenUpdating: true, displayAlerts: true });
});

test("a second run replaces the previous summary in place of it, keeping one summary, one name and one analyses sheet", async () => {
  const workbook = workbookOf(SHEETS);
  const port = new WpsPort(standIn(workbook).app);
  await runThroughWps(port);
  workbook.sheet("2024年")!.setValue(2, 2, 9999);
  const { applied } = await runThroughWps(port, "汇总_2024");
  expect(applied.ok).toBe(true);
  expect(workbook.sheets.map((s) => s.name)).toEqual(["2024年", "2023年", "汇总_2024", ANALYSES_SHEET]);
  expect(workbook.names.map((n) => [n.name, n.formula])).toEqual([["StatDesk_t1", "=汇总_2024!$A$1"]]);
  expect(sheetValues(workbook, "汇总_2024").flat()).toContain("2024年房地产销售统计汇总");
});

test("the same steps through the port give the same workbook through Office.js and through WPS, first run and second", async () => {
  const office = testWorkbook(SHEETS);
  const wps = workbookOf(SHEETS);
  const ports: [WorkbookModel, SheetPort][] = [
    [office.workbook, new OfficePort(office.env)],
    [wps, new WpsPort(standIn(wps).app)],
  ];
  for (const [, port] of ports) expect((await runThroughWps(port)).applied.ok).toBe(true);
  // through the port Office.js takes three round trips: the read, the facts before the write, the write
  expect(office.host.stats.syncs).toBe(3);
  for (const [workbook] of ports) workbook.sheet("2024年")!.setValue(2, 2, 9999);
  for (const [, port] of ports) expect((await runThroughWps(port, "汇总_2024")).applied.ok).toBe(true);
  expect(cellsOf(wps, "汇总_2024")).toEqual(cellsOf(office.workbook, "汇总_2024"));
  expect(sheetValues(wps, "汇总_2024").flat()).toContain(9999);
  expect(wps.namedItem("StatDesk_t1")?.formula).toBe(office.workbook.namedItem("StatDesk_t1")?.formula);
  const [officeStored, wpsStored] = await Promise.all(ports.map(([, port]) => port.storedAnalyses()));
  expect(JSON.parse(wpsStored!)).toEqual(JSON.parse(officeStored!));
  // Office.js keeps them in the settings, WPS on a hidden sheet; the visible sheets are the same
  const visible = (wb: WorkbookModel) => wb.sheets.filter((s) => s.visibility === "Visible").map((s) => s.name);
  expect(visible(wps)).toEqual(visible(office.workbook));
});

describe("a fault in the middle of the WPS write", () => {
  /** A workbook holding a first summary, with the 2024 list changed so a second run would differ. */
  async function withPreviousSummary(options: StandInOptions = {}) {
    const workbook = workbookOf(SHEETS);
    await runThroughWps(new WpsPort(standIn(workbook).app));
    workbook.sheet("2024年")!.setValue(2, 2, 9999);
    return { workbook, before: snapshot(workbook), et: standIn(workbook, options) };
  }

  test("at the block of values: nothing changes", async () => {
    const { workbook, before, et } = await withPreviousSummary({ fault: (_n, member) => member === "Range.Value2=" });
    const { applied } = await runThroughWps(new WpsPort(et.app), "汇总_2024");
    expect(applied).toEqual({ ok: false, error: expect.stringContaining("injected fault") });
    expect(snapshot(workbook)).toBe(before);
    expect(et.state()).toEqual({ screenUpdating: true, displayAlerts: true });
  });

  test("at any call before the old sheets are deleted: nothing changes (every seventh call, and each call of the swap)", async () => {
    // The second run's summary, and where each step of its write starts (calls from the first of the write).
    const probe = await withPreviousSummary();
    const { model } = await summaryOf(new WpsPort(probe.et.app));
    const request = { model, marker: "StatDesk_t1", storedAnalyses: "{}", previousSheet: "汇总_2024" };
    const clean = standIn(probe.workbook);
    const steps = new Map<string, number>();
    expect(applySummary(clean.app, request, (step) => steps.set(step, clean.log.calls)).ok).toBe(true);
    const swapFrom = steps.get("swap")!;
    const deleteFrom = steps.get("delete-previous")!;
    expect(0 < swapFrom && swapFrom < deleteFrom).toBe(true);

    const points = [...new Set([...Array.from({ length: Math.ceil(deleteFrom / 7) }, (_x, i) => 1 + i * 7), ...Array.from({ length: deleteFrom - swapFrom }, (_x, i) => swapFrom + i + 1)])];
    expect(points.length).toBeGreaterThan(10);
    for (const point of points.filter((p) => p <= deleteFrom)) {
      const { workbook, before } = await withPreviousSummary();
      const failing = standIn(workbook, { fault: (n) => n === point });
      const result = applySummary(failing.app, request);
      expect([point, result.ok]).toEqual([point, false]);
      expect([point, snapshot(workbook) === before]).toEqual([point, true]);
      expect(failing.state()).toEqual({ screenUpdating: true, displayAlerts: true });
    }

    // Past the swap the new summary stands: a refused delete of the old sheet leaves a leftover, said
    // (and shows the snapshot sees a change when there is one).
    const late = await withPreviousSummary();
    const refused = standIn(late.workbook, { fault: (_n, member) => member === "Worksheet.Delete()" && late.workbook.sheet("~StatDesk old t1") !== undefined });
    const result = applySummary(refused.app, request);
    expect(result).toEqual({ ok: true, sheetName: "汇总_2024", skipped: expect.arrayContaining([expect.stringContaining("leftover sheet ~StatDesk old t1")]) });
    expect(snapshot(late.workbook)).not.toBe(late.before);
  });

  test("when Worksheets.Add returns null (some builds), the new sheet is taken from ActiveSheet and a fault still undoes it", async () => {
    const { workbook, before, et } = await withPreviousSummary({ addReturnsNull: true, fault: (_n, member) => member === "Border.Color=" });
    const { applied } = await runThroughWps(new WpsPort(et.app), "汇总_2024");
    expect(applied.ok).toBe(false);
    expect(snapshot(workbook)).toBe(before);
  });
});

describe("bridge calls grow with blocks, not cells", () => {
  const bigList = (rows: number, seed: number): Grid => [
    ["2024年房企销售额排行（单位：亿元）"],
    ["排名", "企业名称", "销售额（亿元）"],
    ...Array.from({ length: rows }, (_x, i) => [i + 1, `企业${i + seed}`, Math.round((100000 / (i + 1)) * 10) / 10]),
  ];

  async function callsAt(rows: number): Promise<{ read: number; write: number }> {
    const workbook = workbookOf({ "2024年": bigList(rows, 0), "2023年": bigList(rows, 0) });
    const et = standIn(workbook);
    const port = new WpsPort(et.app);
    const read = await port.readGrids([`'2024年'!A1:C${rows + 2}`, "'2023年'!A:C"]);
    if (!read.ok) throw new Error("read");
    const readCalls = et.log.calls;
    const inputs = read.grids.map((g) => ({ source: { sheet: g.sheet, row: g.row, column: g.column }, grid: g.values, numberFormats: g.numberFormats, kind: "ranking" as const }));
    inputs[1] = { ...inputs[1], grid: inputs[1].grid.map((row, r) => (r === 0 ? ["2023年房企销售额排行（单位：亿元）"] : row)) };
    const analysis = analyze(inputs, resolveOptions({}).options);
    const model = buildSummary({ analysis, language: "zh-CN", sheetName: "汇总", colours: "red-up", generatedOn: RUN_CONTEXT.today, version: RUN_CONTEXT.version });
    const applied = await port.applySummary({ model, marker: "StatDesk_big", storedAnalyses: "{}" });
    expect(applied.ok).toBe(true);
    expect(et.log.byMember.get("Range.Value2")).toBe(2);
    return { read: readCalls, write: et.log.calls - readCalls };
  }

  test("100 and 10,000 rows: the same reads, and writes within the summary's blocks", async () => {
    const small = await callsAt(100);
    const large = await callsAt(10000);
    if (process.env.STATDESK_PRINT_CALLS === "1") process.stdout.write(`${JSON.stringify({ small, large })}\n`);
    // One Value2 and one NumberFormat per source block, whatever its rows.
    expect(large.read).toBe(small.read);
    expect(small.read).toBeLessThan(40);
    // The summary has a few more rows of movers and tiers at 10,000 rows, never one call a cell.
    expect(large.write).toBeLessThan(small.write * 1.5);
    expect(large.write).toBeLessThan(1000);
  }, 60000);
});
