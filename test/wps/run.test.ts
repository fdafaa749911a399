// The golden scenarios run by the same run code through both ports — the Office.js layer against
// the in-memory host, the WPS layer against the stand-in ET over a copy of the same sheets — and
// the workbooks compared as a person would see them (test/wps/compare.ts): rankings, NBS series
// with the regional table, plan tables, sources given as a table, a name or a region, Find data,
// Refresh all; a fault part-way through the WPS write leaves the previous summary exactly as it
// was; a refused chart or freeze is skipped with the warning the Office.js layer gives.

import { Grid } from "../../src/core/cells";
import { ApplySummaryRequest, SheetPort } from "../../src/core/port";
import { WorkbookModel } from "../../src/host/model";
import { findData } from "../../src/run/find";
import { refreshAll, runAnalysis } from "../../src/run/run";
import { AnalysisDefinition, RunResult, SourceDefinition } from "../../src/run/types";
import { WpsPort } from "../../src/wps";
import { applySummary } from "../../src/wps/write";
import { standIn } from "../../src/wps-standin/stand-in";
import { regionalTableGrid } from "../fixtures/nbs/hand-table";
import { nbsExportGrid } from "../fixtures/nbs/build";
import { BEIJING_2023_PLAN } from "../fixtures/plan/beijing-2023";
import { NAMES_2024 } from "../fixtures/rankings/build";
import { CIA_2023, CIA_2024 } from "../fixtures/rankings/synthetic";
import { definitionOf } from "../fixtures/workbooks";
import { RUN_CONTEXT, sheetValues } from "../excel/harness";
import { bothHosts, BothHosts, snapshot, storedBoth, workbookSeen } from "./compare";

const listGrid = (title: string, values: readonly number[], names: readonly string[]): Grid => [
  [title],
  ["排名", "企业名称", "销售额（亿元）"],
  ...values.map((v, i) => [i + 1, names[i], v]),
];

const RANKINGS = {
  "2024年": listGrid("2024年房企销售额排行（单位：亿元）", CIA_2024, NAMES_2024.current),
  "2023年": listGrid("2023年房企销售额排行（单位：亿元）", CIA_2023, NAMES_2024.previous),
};

const address = (a: string, role: SourceDefinition["role"]): SourceDefinition => ({ role, spec: { kind: "address", address: a } });

// Bounded on one list and whole columns on the other, as the Office.js run test reads them.
const RANKING_RUN: AnalysisDefinition = { ...definitionOf([], "t1"), sources: [address("'2024年'!A1:C112", "current"), address("'2023年'!A:C", "previous")] };

/** The same definition run through both ports; both must succeed. */
async function runBoth(hosts: BothHosts, definition: AnalysisDefinition): Promise<{ office: RunResult & { ok: true }; wps: RunResult & { ok: true } }> {
  const office = await runAnalysis(hosts.office.env, definition, RUN_CONTEXT);
  const wps = await runAnalysis(hosts.wps.port, definition, RUN_CONTEXT);
  if (!office.ok) throw new Error(`Office.js: ${JSON.stringify(office.problems)}`);
  if (!wps.ok) throw new Error(`WPS: ${JSON.stringify(wps.problems)}`);
  return { office, wps };
}

/** The two workbooks as a person sees them, and the analyses each remembers, are the same. */
async function expectSameWorkbooks(hosts: BothHosts, summaries: readonly string[]): Promise<void> {
  expect(workbookSeen(hosts.wps.workbook, summaries)).toEqual(workbookSeen(hosts.office.workbook, summaries));
  const [office, wps] = await storedBoth(hosts);
  expect(wps).toEqual(office);
}

describe("the same workbook through Excel and through WPS", () => {
  test("rankings: cells, formulas, number formats, look, widths, the marker, the charts, freeze panes and print layout", async () => {
    const hosts = bothHosts(RANKINGS);
    const { office, wps } = await runBoth(hosts, RANKING_RUN);
    expect(wps.sheetName).toBe("汇总_2024");
    expect(wps.problems.map((p) => p.code)).toEqual(office.problems.map((p) => p.code));
    await expectSameWorkbooks(hosts, ["汇总_2024"]);
    // what the comparison covered, so an empty summary cannot pass it
    const summary = hosts.wps.workbook.sheet("汇总_2024")!;
    const cells = sheetValues(hosts.wps.workbook, "汇总_2024");
    const find = (label: string) => cells.find((row) => row[0] === label)!;
    expect(find("1000亿以上").slice(0, 4)).toEqual(["1000亿以上", 11, 16, -5]);
    expect(find("TOP100")[1] as number).toBeCloseTo(43547.3, 6);
    expect(summary.charts.map((c) => c.name)).toEqual(expect.arrayContaining(["StatDesk_tiers_salesValue"]));
    expect(summary.charts.some((c) => c.series.some((s) => s.axisGroup === "Secondary"))).toBe(true);
    expect([summary.freeze.rows > 0, summary.pageLayout.orientation, summary.tabColor !== ""]).toEqual([true, "Landscape", true]);
    expect(hosts.wps.workbook.namedItem("StatDesk_t1")).toMatchObject({ visible: false, formula: "=汇总_2024!$A$1" });
    // two steps through the port, as Excel's two round trips; screen updating off for every write, both switches restored
    expect([office.stats.syncs, wps.stats.syncs]).toEqual([2, 2]);
    expect(hosts.wps.et.log.writesWithScreenOn).toBe(0);
    expect(hosts.wps.et.state()).toEqual({ screenUpdating: true, displayAlerts: true });
  });

  test("NBS series with the regional table: the series block, the regional comparison and their charts", async () => {
    const hosts = bothHosts({ 月度数据: nbsExportGrid(), 分地区: regionalTableGrid() });
    const definition = definitionOf([{ address: "'月度数据'!A:AF", role: "series" }, { address: "'分地区'!A:E", role: "series" }], "nbs");
    const { wps } = await runBoth(hosts, definition);
    expect(wps.analysis.series.length).toBeGreaterThan(2);
    expect(wps.analysis.regions.length).toBeGreaterThan(0);
    await expectSameWorkbooks(hosts, [wps.sheetName]);
    expect(sheetValues(hosts.wps.workbook, wps.sheetName).flat()).toContain(97385);
    expect(hosts.wps.workbook.sheet(wps.sheetName)!.charts.length).toBeGreaterThan(0);
  });

  test("rankings in two units with a text number, NBS series and a plan in one live summary, its data block hidden (#14)", async () => {
    // 2024 in 亿元 with "2,161.6" as text; 2023 in 万元: the summary's formulas read a data block of converted figures.
    const hosts = bothHosts({
      "2024年": [["2024年房企销售额排行"], ["排名", "企业名称", "销售额（亿元）"], ...CIA_2024.map((v, i) => [i + 1, NAMES_2024.current[i], i === 4 ? v.toLocaleString("en-US", { minimumFractionDigits: 1 }) : v])],
      "2023年": [["2023年房企销售额排行"], ["排名", "企业名称", "销售额（万元）"], ...CIA_2023.map((v, i) => [i + 1, NAMES_2024.previous[i], Math.round(v * 10000)])],
      月度数据: nbsExportGrid(),
      计划: BEIJING_2023_PLAN,
    });
    const definition: AnalysisDefinition = {
      ...definitionOf([{ address: "'2024年'!A:C", role: "current" }, { address: "'2023年'!A:C", role: "previous" }, "月度数据!A:AF", "计划!A:E"], "all"),
      output: { sheetName: "", language: "zh-CN", colours: "red-up", hideData: true },
    };
    const { wps } = await runBoth(hosts, definition);
    expect(hosts.wps.workbook.sheet(wps.sheetName)!.hiddenRows.size).toBeGreaterThan(0);
    await expectSameWorkbooks(hosts, [wps.sheetName]);
  });

  test("a plan table: the completion rates", async () => {
    const hosts = bothHosts({ 计划: BEIJING_2023_PLAN });
    const { wps } = await runBoth(hosts, definitionOf([{ address: "'计划'!A:E", role: "plan" }], "plan"));
    expect(wps.analysis.targets.map((t) => t.item)).toContain("保障性租赁住房建设筹集");
    await expectSameWorkbooks(hosts, [wps.sheetName]);
    expect(sheetValues(hosts.wps.workbook, wps.sheetName).flat()).toContain(81549);
  });

  test("sources given as a table, a name and a region read the same cells in both hosts", async () => {
    const prepare = (workbook: WorkbookModel) => {
      const current = workbook.sheet("2024年")!;
      workbook.tables.push({ id: workbook.nextId("table"), name: "榜单2024", sheetId: current.id, rect: { row: 0, column: 0, rowCount: CIA_2024.length + 2, columnCount: 3 }, showHeaders: true, showTotals: false, style: "TableStyleLight1" });
      workbook.names.push({ name: "上年榜单", formula: `='2023年'!$A$1:$C$${CIA_2023.length + 2}`, comment: "", visible: true });
    };
    const withFootnote = { ...RANKINGS, "2024年": [...RANKINGS["2024年"], [], ["数据来源：中指研究院"]] };
    for (const [id, sources] of [
      ["tbl", [{ role: "current", spec: { kind: "table", name: "榜单2024" } }, { role: "previous", spec: { kind: "name", name: "上年榜单" } }]],
      ["rgn", [{ role: "current", spec: { kind: "region", anchor: "'2024年'!B5" } }, address("'2023年'!A:C", "previous")]],
    ] as const) {
      const hosts = bothHosts(withFootnote, prepare);
      const definition: AnalysisDefinition = { ...definitionOf([], id), sources };
      const reads = await Promise.all([hosts.office.env, hosts.wps.port].map((port) => port.read(sources.map((s) => s.spec))));
      expect(reads[1]).toMatchObject({ ok: true });
      expect(reads[1].ok && reads[1].grids).toEqual(reads[0].ok && reads[0].grids);
      const { wps } = await runBoth(hosts, definition);
      await expectSameWorkbooks(hosts, [wps.sheetName]);
    }
  });

  test("a missing table or name is said alike by both hosts", async () => {
    const hosts = bothHosts(RANKINGS);
    for (const spec of [{ kind: "table", name: "没有" }, { kind: "name", name: "没有" }] as const) {
      const [office, wps] = await Promise.all([hosts.office.env, hosts.wps.port].map((port) => port.read([spec])));
      expect(wps.ok ? [] : wps.problems).toEqual(office.ok ? [] : office.problems);
      expect(wps.ok).toBe(false);
    }
  });

  test("Find data finds the same tables in both hosts, and passes over the summary once written", async () => {
    const hosts = bothHosts({ ...RANKINGS, 计划: BEIJING_2023_PLAN });
    const strip = (found: Awaited<ReturnType<typeof findData>>) => ({ ...found, syncs: 0 });
    const [office, wps] = [await findData(hosts.office.env), await findData(hosts.wps.port)];
    expect(strip(wps)).toEqual(strip(office));
    expect(wps.sources.map((s) => s.slot)).toEqual(["current", "previous", "plan"]);
    await runBoth(hosts, RANKING_RUN);
    expect(strip(await findData(hosts.wps.port))).toEqual(strip(await findData(hosts.office.env)));
    expect((await findData(hosts.wps.port)).sheets).toEqual(["2024年", "2023年", "计划"]);
  });

  test("Refresh all rewrites the summary in place from changed sources, the same in both, and leaves the person's sheet in front", async () => {
    const hosts = bothHosts(RANKINGS);
    await runBoth(hosts, RANKING_RUN);
    for (const workbook of [hosts.office.workbook, hosts.wps.workbook]) {
      workbook.sheet("2024年")!.setValue(2, 2, 9999);
      workbook.select(workbook.sheet("2023年")!, { row: 0, column: 0, rowCount: 1, columnCount: 1 });
    }
    const [office] = await refreshAll(hosts.office.env, RUN_CONTEXT);
    const [wps] = await refreshAll(hosts.wps.port, RUN_CONTEXT);
    expect([office.ok, wps.ok]).toEqual([true, true]);
    await expectSameWorkbooks(hosts, ["汇总_2024"]);
    expect(sheetValues(hosts.wps.workbook, "汇总_2024").flat()).toContain(9999);
    expect(hosts.wps.workbook.sheets.map((s) => s.name)).toEqual(["2024年", "2023年", "汇总_2024", "StatDesk_analyses"]);
    expect(hosts.wps.workbook.activeSheet().name).toBe("2023年");
  });
});

describe("a fault in the middle of the WPS write", () => {
  /** A WPS port that keeps the request of each write, so a test can replay it with a fault. */
  class Recording extends WpsPort {
    requests: ApplySummaryRequest[] = [];
    override applySummary(request: ApplySummaryRequest) {
      this.requests.push(request);
      return super.applySummary(request);
    }
  }

  /** A workbook holding a first summary, with the 2024 list changed, and the request of a second run. */
  async function withPreviousSummary() {
    const hosts = bothHosts(RANKINGS);
    const first = await runAnalysis(hosts.wps.port, RANKING_RUN, RUN_CONTEXT);
    if (!first.ok) throw new Error(JSON.stringify(first.problems));
    hosts.wps.workbook.sheet("2024年")!.setValue(2, 2, 9999);
    return { workbook: hosts.wps.workbook, before: snapshot(hosts.wps.workbook), stored: first.definition };
  }

  test("at the block of cells, through the run: a write-failed problem naming WPS, and nothing changes", async () => {
    const { workbook, before, stored } = await withPreviousSummary();
    const et = standIn(workbook, { fault: (_n, member) => member === "Range.Formula=" });
    const result = await runAnalysis(new WpsPort(et.app), stored, RUN_CONTEXT);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([expect.objectContaining({ code: "write-failed", params: expect.objectContaining({ host: "wps", detail: expect.stringContaining("injected fault") }) })]);
    expect(snapshot(workbook)).toBe(before);
    expect(et.state()).toEqual({ screenUpdating: true, displayAlerts: true });
  });

  test("at any call before the old sheets are deleted: nothing changes (every seventh call, and each call of the swap)", async () => {
    // The second run's request, as the run code makes it; the workbook it ran on is thrown away.
    const probe = await withPreviousSummary();
    const recording = new Recording(standIn(probe.workbook).app);
    expect((await runAnalysis(recording, probe.stored, RUN_CONTEXT)).ok).toBe(true);
    const request = recording.requests[0];

    // Where each step of the write starts (calls from the first of the write), on a clean copy.
    const clean = await withPreviousSummary();
    const counting = standIn(clean.workbook);
    const steps = new Map<string, number>();
    expect(applySummary(counting.app, request, (step) => steps.set(step, counting.log.calls)).ok).toBe(true);
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

    // Past the swap the new summary stands: a refused delete of the old sheet leaves a leftover,
    // said (and shows the snapshot sees a change when there is one).
    const late = await withPreviousSummary();
    const refused = standIn(late.workbook, { fault: (_n, member) => member === "Worksheet.Delete()" && late.workbook.sheet("~StatDesk old t1") !== undefined });
    const result = applySummary(refused.app, request);
    expect(result).toMatchObject({ ok: true, skipped: expect.arrayContaining([expect.objectContaining({ code: "leftover-sheet", params: expect.objectContaining({ name: "~StatDesk old t1" }) })]) });
    expect(snapshot(late.workbook)).not.toBe(late.before);
    // the next run deletes the leftover
    const next = await runAnalysis(new WpsPort(standIn(late.workbook).app), late.stored, RUN_CONTEXT);
    expect(next.ok).toBe(true);
    expect(late.workbook.sheet("~StatDesk old t1")).toBeUndefined();
  });

  test("when Worksheets.Add returns null (some builds), the new sheet is taken from ActiveSheet and a fault still undoes it", async () => {
    const { workbook, before, stored } = await withPreviousSummary();
    const et = standIn(workbook, { addReturnsNull: true, fault: (_n, member) => member === "Border.Color=" });
    const result = await runAnalysis(new WpsPort(et.app), stored, RUN_CONTEXT);
    expect(result.ok).toBe(false);
    expect(snapshot(workbook)).toBe(before);
  });
});

describe("a touch WPS refuses is skipped with a warning, as in the Office.js layer (core/decorations)", () => {
  const codes = (result: RunResult) => result.problems.filter((p) => p.code === "decoration-skipped").map((p) => [p.params.touch, p.params.host]);

  test("freeze panes refused every time: tried twice, left out with one warning naming WPS; the summary and the charts stand", async () => {
    const hosts = bothHosts(RANKINGS, () => undefined, { fault: (_n, member) => member === "Window.FreezePanes=" });
    const result = await runAnalysis(hosts.wps.port, RANKING_RUN, RUN_CONTEXT);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(codes(result)).toEqual([["freeze", "wps"]]);
    expect(hosts.wps.et.log.byMember.get("Window.FreezePanes=")).toBe(2);
    const summary = hosts.wps.workbook.sheet("汇总_2024")!;
    expect([summary.freeze, summary.charts.length > 0]).toEqual([{ rows: 0, columns: 0 }, true]);
    expect(result.problems.some((p) => p.code === "verify-failed")).toBe(false);
  });

  test("a chart refused once is drawn on the second try, with nothing half-made left", async () => {
    let refusals = 0;
    const hosts = bothHosts(RANKINGS, () => undefined, { fault: (_n, member) => member === "Chart.SetSourceData()" && refusals++ === 0 });
    const office = await runAnalysis(hosts.office.env, RANKING_RUN, RUN_CONTEXT);
    const wps = await runAnalysis(hosts.wps.port, RANKING_RUN, RUN_CONTEXT);
    expect([office.ok, wps.ok, refusals > 0]).toEqual([true, true, true]);
    expect(codes(wps)).toEqual([]);
    await expectSameWorkbooks(hosts, ["汇总_2024"]);
  });

  test("a chart refused twice is left out with its line and labels, one warning, and the read-back does not miss it", async () => {
    const hosts = bothHosts(RANKINGS, () => undefined, { fault: (_n, member) => member === "Chart.SetSourceData()" });
    const result = await runAnalysis(hosts.wps.port, RANKING_RUN, RUN_CONTEXT);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const summary = hosts.wps.workbook.sheet("汇总_2024")!;
    // every chart refused: none is left half-made, each said once, no secondary-axis or label warnings after its chart
    expect(summary.charts).toEqual([]);
    expect(codes(result)).toEqual(result.analysis === undefined ? [] : expect.arrayContaining([["chart", "wps"]]));
    expect(codes(result).every(([touch]) => touch === "chart")).toBe(true);
    expect(codes(result).length).toBe(new Set(result.problems.filter((p) => p.code === "decoration-skipped").map((p) => p.params.chart)).size);
    expect(result.problems.some((p) => p.code === "verify-failed")).toBe(false);
  });

  test("where AddChart2 returns null, ChartObjects().Add draws the same charts", async () => {
    const hosts = bothHosts(RANKINGS, () => undefined, { addChart2ReturnsNull: true });
    await runBoth(hosts, RANKING_RUN);
    expect(hosts.wps.et.log.byMember.get("ChartObjects.Add()")).toBe(hosts.wps.workbook.sheet("汇总_2024")!.charts.length);
    await expectSameWorkbooks(hosts, ["汇总_2024"]);
  });
});

describe("bridge calls grow with blocks, not cells", () => {
  const bigList = (title: string, rows: number): Grid => [[title], ["排名", "企业名称", "销售额（亿元）"], ...Array.from({ length: rows }, (_x, i) => [i + 1, `企业${i}`, Math.round((100000 / (i + 1)) * 10) / 10])];

  async function callsAt(rows: number): Promise<{ read: number; write: number }> {
    const hosts = bothHosts({ "2024年": bigList("2024年房企销售额排行（单位：亿元）", rows), "2023年": bigList("2023年房企销售额排行（单位：亿元）", rows) });
    const port: SheetPort = hosts.wps.port;
    const log = hosts.wps.et.log;
    const definition = definitionOf([{ address: `'2024年'!A1:C${rows + 2}`, role: "current" }, { address: "'2023年'!A:C", role: "previous" }], "big");
    let readCalls = 0;
    const counting: SheetPort = {
      read: async (specs) => {
        const read = await port.read(specs);
        readCalls = log.calls;
        return read;
      },
      applySummary: (request) => port.applySummary(request),
      storedAnalyses: () => port.storedAnalyses(),
      selection: () => port.selection(),
      select: (sheet, reference) => port.select(sheet, reference),
    };
    const result = await runAnalysis(counting, definition, RUN_CONTEXT);
    expect(result.ok).toBe(true);
    // one Value2 per source block, one for the stored analyses on their sheet, one read back: never one a row
    expect(log.byMember.get("Range.Value2")).toBeLessThanOrEqual(4);
    return { read: readCalls, write: log.calls - readCalls };
  }

  test("100 and 10,000 rows: the same reads, and writes within the summary's blocks", async () => {
    const small = await callsAt(100);
    const large = await callsAt(10000);
    if (process.env.STATDESK_PRINT_CALLS === "1") process.stdout.write(`${JSON.stringify({ small, large })}\n`);
    expect(large.read).toBe(small.read);
    expect(small.read).toBeLessThan(80);
    // The summary has a few more rows of movers and tiers at 10,000 rows, never one call a cell.
    expect(large.write).toBeLessThan(small.write * 1.5);
    expect(large.write).toBeLessThan(2000);
  }, 60000);
});
