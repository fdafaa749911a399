// A whole run through Microsoft's Excel client against the in-memory host: what is written,
// how it looks, how many round trips it takes, and what a refresh does.

import { runAnalysis, refreshAll, listAnalyses } from "../../src/run/run";
import { AnalysisDefinition } from "../../src/run/types";
import { CIA_2023, CIA_2024 } from "../fixtures/rankings/synthetic";
import { NAMES_2024 } from "../fixtures/rankings/build";
import { nbsExportGrid } from "../fixtures/nbs/build";
import { Grid } from "../../src/core/cells";
import { RUN_CONTEXT, sheetValues, testWorkbook } from "./harness";

const listGrid = (title: string, values: readonly number[], names: readonly string[]): Grid => [
  [title],
  ["排名", "企业名称", "销售额（亿元）"],
  ...values.map((v, i) => [i + 1, names[i], v]),
];

function definition(overrides: Partial<AnalysisDefinition> = {}): AnalysisDefinition {
  return {
    id: "t1",
    sources: [
      { role: "current", spec: { kind: "address", address: "'2024年'!A1:C112" } },
      { role: "previous", spec: { kind: "address", address: "'2023年'!A:C" } },
    ],
    options: {},
    output: { sheetName: "", language: "zh-CN", colours: "red-up" },
    ...overrides,
  };
}

function rankingBook() {
  return testWorkbook({
    "2024年": listGrid("2024年房企销售额排行（单位：亿元）", CIA_2024, NAMES_2024.current),
    "2023年": listGrid("2023年房企销售额排行（单位：亿元）", CIA_2023, NAMES_2024.previous),
  });
}

test("a ranking run writes 汇总_2024 in two round trips (read; write, mark, remember, read back), with the published figures", async () => {
  const { env, host, workbook } = rankingBook();
  const result = await runAnalysis(env, definition(), RUN_CONTEXT);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  expect(result.sheetName).toBe("汇总_2024");
  expect(result.stats.syncs).toBe(2);
  expect(host.stats.syncs).toBe(2);
  // the summary is marked by a hidden workbook name on its A1, which follows it through renames
  const marker = workbook.namedItem("StatDesk_t1")!;
  expect([marker.visible, marker.formula]).toEqual([false, "=汇总_2024!$A$1"]);

  const values = sheetValues(workbook, "汇总_2024");
  const find = (label: string) => values.find((row) => row[0] === label)!;
  expect(values[0][0]).toBe("2024年房地产销售统计汇总");
  expect(find("1000亿以上").slice(0, 4)).toEqual(["1000亿以上", 11, 16, -5]);
  expect(find("TOP100")[1]).toBeCloseTo(43547.3, 6);
  expect(find("TOP100")[3]).toBeCloseTo(-0.306, 3);
  const sheet = workbook.sheet("汇总_2024")!;
  expect(sheet.charts.map((c) => c.name)).toEqual(["StatDesk_tiers_salesValue", "StatDesk_thresholds_salesValue"]);
  expect(workbook.settings.get("StatDesk.analyses")).toBeDefined();
  // source sheets untouched, nothing left over
  expect(workbook.sheets.map((s) => s.name)).toEqual(["2024年", "2023年", "汇总_2024"]);
});

test("a refresh after the data changed rewrites the same sheet, same charts, nothing duplicated", async () => {
  const { env, workbook } = rankingBook();
  const first = await runAnalysis(env, definition(), RUN_CONTEXT);
  expect(first.ok).toBe(true);
  const id = workbook.sheet("汇总_2024")!.id;
  workbook.sheet("2024年")!.setValue(2, 2, 3802.5); // the leader sold 1000 more
  const results = await refreshAll(env, RUN_CONTEXT);
  expect(results.map((r) => r.ok)).toEqual([true]);
  expect(workbook.sheets.map((s) => s.name)).toEqual(["2024年", "2023年", "汇总_2024"]);
  expect(workbook.sheet("汇总_2024")!.charts).toHaveLength(2);
  const values = sheetValues(workbook, "汇总_2024");
  expect(values.find((row) => row[0] === "TOP100")![1]).toBeCloseTo(44547.3, 6);
  expect(workbook.sheet("汇总_2024")!.id).not.toBe(id); // a new sheet swapped in …
  expect((await listAnalyses(env)).map((d) => d.lastRun?.sheetName)).toEqual(["汇总_2024"]); // … and remembered
});

test("a summary the person renamed is still found and replaced (the marker follows it)", async () => {
  const { env, workbook } = rankingBook();
  expect((await runAnalysis(env, definition(), RUN_CONTEXT)).ok).toBe(true);
  await env.run(async (ctx) => {
    ctx.workbook.worksheets.getItem("汇总_2024").name = "我的汇总";
    await ctx.sync();
  });
  const again = await runAnalysis(env, definition(), RUN_CONTEXT);
  expect(again.ok && again.sheetName).toBe("汇总_2024");
  expect(workbook.sheets.map((s) => s.name)).toEqual(["2024年", "2023年", "汇总_2024"]);
});

test("a user's own sheet with the output name is never clobbered", async () => {
  const { env, workbook } = rankingBook();
  workbook.addSheet("汇总_2024").setValue(0, 0, "my notes");
  const result = await runAnalysis(env, definition(), RUN_CONTEXT);
  expect(result.ok && result.sheetName).toBe("汇总_2024 (2)");
  expect(sheetValues(workbook, "汇总_2024")).toEqual([["my notes"]]);
  expect(result.problems.map((p) => p.code)).toContain("output-name-taken");
});

test("series and ranking together: concentration from the NBS series", async () => {
  const { env, workbook } = testWorkbook({
    "2024年": listGrid("2024年", CIA_2024, NAMES_2024.current),
    "2023年": listGrid("2023年", CIA_2023, NAMES_2024.previous),
    "月度数据": nbsExportGrid(),
  });
  const d = definition({
    sources: [
      { role: "auto", spec: { kind: "address", address: "'2024年'!A:C" } },
      { role: "auto", spec: { kind: "address", address: "'2023年'!A:C" } },
      { role: "series", spec: { kind: "address", address: "月度数据!A1:AF12" } },
    ],
  });
  const result = await runAnalysis(env, d, RUN_CONTEXT);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  const values = sheetValues(workbook, "汇总_2024");
  const top100 = values.find((row) => row[0] === "TOP100")!;
  expect(top100[4]).toBeCloseTo(43547.3 / 96750, 10);
  expect(workbook.sheet("汇总_2024")!.charts.length).toBeGreaterThanOrEqual(3);
});

test("a missing source sheet is a problem naming it, and nothing is written", async () => {
  const { env, workbook } = rankingBook();
  const d = definition({ sources: [{ role: "auto", spec: { kind: "address", address: "'2022年'!A1:C10" } }] });
  const result = await runAnalysis(env, d, RUN_CONTEXT);
  expect(result.ok).toBe(false);
  expect(result.problems.map((p) => [p.code, p.params.source])).toEqual([["source-missing", "'2022年'!A1:C10"]]);
  expect(workbook.sheets.map((s) => s.name)).toEqual(["2024年", "2023年"]);
});

test("every round trip stays under Excel on the web's 5 MB, and the charts carry their series", async () => {
  const { env, host, workbook } = rankingBook();
  const result = await runAnalysis(env, definition(), RUN_CONTEXT);
  expect(result.ok).toBe(true);
  for (const record of host.stats.records) {
    expect(record.requestBytes).toBeLessThan(5 * 1024 * 1024);
    expect(record.responseBytes).toBeLessThan(5 * 1024 * 1024);
  }
  // The read is the largest response: the two lists (about 240 rows of 3 cells).
  expect(Math.max(...host.stats.records.map((r) => r.responseBytes))).toBeGreaterThan(5000);
  const thresholds = workbook.sheet("汇总_2024")!.charts.find((c) => c.name === "StatDesk_thresholds_salesValue")!;
  expect(thresholds.series.map((s) => [s.name, s.axisGroup])).toEqual([
    ["2024年", "Primary"],
    ["2023年", "Primary"],
    ["同比", "Secondary"],
  ]);
  expect(thresholds.title.text).toBe("TOP-N 门槛值");
});

test("without ExcelApi 1.8 the threshold chart keeps its bars only (no secondary axis)", async () => {
  const { env, workbook } = testWorkbook(
    {
      "2024年": listGrid("2024年房企销售额排行（单位：亿元）", CIA_2024, NAMES_2024.current),
      "2023年": listGrid("2023年房企销售额排行（单位：亿元）", CIA_2023, NAMES_2024.previous),
    },
    (name, version) => name === "ExcelApi" && Number(version) <= 1.7,
  );
  const result = await runAnalysis(env, definition(), RUN_CONTEXT);
  expect(result.ok).toBe(true);
  const sheet = workbook.sheet("汇总_2024")!;
  expect(sheet.charts.find((c) => c.name === "StatDesk_thresholds_salesValue")!.series).toHaveLength(2);
  expect(sheet.pageLayout.horizontalFitToPages).toBe(0); // print layout is ExcelApi 1.9
});

test("a summary larger than one request is written in row blocks, still atomically", async () => {
  const { env, host, workbook } = testWorkbook(
    {
      "2024年": listGrid("2024年房企销售额排行（单位：亿元）", CIA_2024, NAMES_2024.current),
      "2023年": listGrid("2023年房企销售额排行（单位：亿元）", CIA_2023, NAMES_2024.previous),
    },
  );
  host.options.maxRequestBytes = 60_000; // a host that refuses anything bigger, as Excel on the web refuses 5 MB
  const result = await runAnalysis(env, definition(), { ...RUN_CONTEXT, writeBudgetBytes: 20_000 });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  expect(result.stats.syncs).toBeGreaterThan(3); // read + several write blocks + verify
  expect(host.stats.records.every((r) => r.requestBytes <= 60_000)).toBe(true);
  expect(sheetValues(workbook, "汇总_2024").find((row) => row[0] === "TOP100")![1]).toBeCloseTo(43547.3, 6);
  expect(workbook.sheets.map((s) => s.name)).toEqual(["2024年", "2023年", "汇总_2024"]);
});

test("sources given as an Excel table and as a named range", async () => {
  const { env, workbook } = rankingBook();
  await env.run(async (ctx) => {
    ctx.workbook.tables.add("'2024年'!A2:C112", true).name = "Ranking2024";
    ctx.workbook.names.add("Ranking2023", ctx.workbook.worksheets.getItem("2023年").getRange("A1:C128"));
    await ctx.sync();
  });
  const d = definition({
    sources: [
      { role: "current", spec: { kind: "table", name: "Ranking2024" }, overrides: { year: 2024 } },
      { role: "previous", spec: { kind: "name", name: "Ranking2023" } },
    ],
  });
  const result = await runAnalysis(env, d, RUN_CONTEXT);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  expect(result.analysis.rankings[0]).toMatchObject({ year: 2024, previousYear: 2023, enterprises: 110 });
  expect(sheetValues(workbook, "汇总_2024").find((row) => row[0] === "TOP100")![1]).toBeCloseTo(43547.3, 6);
  const missing = await runAnalysis(env, definition({ sources: [{ role: "auto", spec: { kind: "table", name: "Gone" } }] }), RUN_CONTEXT);
  expect(missing.problems.map((p) => [p.code, p.params.kind])).toEqual([["source-missing", "table"]]);
});

test("national sales from cells are read with the sources, on every run", async () => {
  const { env, workbook } = testWorkbook({
    "2024年": listGrid("2024年房企销售额排行（单位：亿元）", CIA_2024, NAMES_2024.current),
    "2023年": listGrid("2023年房企销售额排行（单位：亿元）", CIA_2023, NAMES_2024.previous),
    参数: [["全国新建商品房销售额（亿元）"], [96750], [116622]],
  });
  const d = definition({ nationalTotalCell: "参数!A2:A3" });
  const first = await runAnalysis(env, d, RUN_CONTEXT);
  if (!first.ok) throw new Error(JSON.stringify(first.problems));
  expect(first.stats.syncs).toBe(2);
  expect(first.analysis.rankings[0].top.find((t) => t.n === 100)!.share).toBeCloseTo((43547.3 / 96750) * 100, 10);
  workbook.sheet("参数")!.setValue(1, 0, 100000);
  const second = await runAnalysis(env, first.definition, RUN_CONTEXT);
  expect(second.ok && second.analysis.rankings[0].top.find((t) => t.n === 100)!.share).toBeCloseTo((43547.3 / 100000) * 100, 10);
  workbook.sheet("参数")!.setValue(1, 0, "n/a");
  const bad = await runAnalysis(env, first.definition, RUN_CONTEXT);
  expect(bad.ok).toBe(false);
  expect(bad.problems.map((p) => [p.code, p.location])).toEqual([["national-total-invalid", "参数!A2:A3"]]);
});
