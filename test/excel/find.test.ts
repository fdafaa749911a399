// Find data (#13 §2) through Microsoft's Excel client against the in-memory host: every visible
// sheet read in one round trip after the sheet list, each table recognised and the slots filled;
// the stored analysis keeps the tables' columns, so a refresh reads rows added below.

import { OfficePort } from "../../src/excel/port";
import { findData } from "../../src/run/find";
import { runAnalysis } from "../../src/run/run";
import { AnalysisDefinition } from "../../src/run/types";
import { WorkbookHost } from "../../src/host/host";
import { connectHost, loadExcelClient } from "../../src/host/node-client";
import { sampleWorkbook } from "../../src/workbench/sample";
import { monthlySheets } from "../fixtures/rankings/history";
import { nbsExportGrid } from "../fixtures/nbs/build";
import { regionalTableGrid } from "../fixtures/nbs/hand-table";
import { CIA_2023, CIA_2024 } from "../fixtures/rankings/synthetic";
import { NAMES_2024 } from "../fixtures/rankings/build";
import { Grid } from "../../src/core/cells";
import { RUN_CONTEXT, testWorkbook } from "./harness";

const definitionOf = (sources: AnalysisDefinition["sources"]): AnalysisDefinition => ({
  id: "find1",
  sources,
  options: {},
  output: { sheetName: "", language: "zh-CN", colours: "red-up" },
});

const list = (year: number, values: readonly number[], names: readonly string[]): Grid => [
  [`${year}年房企销售额排行（单位：亿元）`],
  ["排名", "企业名称", "销售额（亿元）"],
  ...values.map((v, i) => [i + 1, names[i], v]),
];

test("the sample workbook: this year's and last year's lists and the NBS series, in two round trips; the run then writes the summary", async () => {
  const host = new WorkbookHost(sampleWorkbook());
  const env = new OfficePort({ run: connectHost(loadExcelClient(), host), isSetSupported: () => true });
  const found = await findData(env);
  expect(found.syncs).toBe(2);
  expect(host.stats.syncs).toBe(2);
  expect(found.sheets).toEqual(["说明", "2024年TOP100", "2023年TOP100", "国家统计局"]);
  expect(found.layout).toBe("two-lists");
  expect(found.sources.map((s) => [s.sheet, s.slot, s.address, s.spec])).toEqual([
    ["2024年TOP100", "current", "'2024年TOP100'!A1:C109", { kind: "address", address: "'2024年TOP100'!A:C" }],
    ["2023年TOP100", "previous", "'2023年TOP100'!A1:C124", { kind: "address", address: "'2023年TOP100'!A:C" }],
    ["国家统计局", "series", expect.stringMatching(/^国家统计局!A1:/), expect.objectContaining({ kind: "address" })],
  ]);
  const [current] = found.sources;
  expect(current.preview.tables[0].lists.map((l) => [l.metric, l.basis, l.label, l.labelEn])).toEqual([["salesValue", null, "2024年", "2024"]]);
  const result = await runAnalysis(env, definitionOf(found.sources.map((s) => ({ role: s.role, spec: s.spec }))), RUN_CONTEXT);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  expect(result.sheetName).toBe("汇总_2024");
  expect(result.analysis.rankings[0].top.find((t) => t.n === 100)?.sum).toBeCloseTo(43547.3, 6);
  // Find data again: the summary StatDesk wrote is not data
  const again = await findData(env);
  expect(again.sheets).not.toContain("汇总_2024");
  expect(again.sources.map((s) => s.slot)).toEqual(["current", "previous", "series"]);
});

test("a workbook where nothing is found names the sheets looked at; hidden sheets are not looked at", async () => {
  const { env, workbook } = testWorkbook({ 说明: [["这是一张说明"], ["没有数据"]], 备注: [["草稿"]], 隐藏: list(2024, CIA_2024, NAMES_2024.current) });
  workbook.sheet("隐藏")!.visibility = "Hidden";
  const found = await findData(env);
  expect(found.sheets).toEqual(["说明", "备注"]);
  expect(found.sources).toEqual([]);
  expect(found.layout).toBeNull();
  expect(found.problems).toEqual([]);
});

test("two lists side by side on one sheet are two tables; one two-year table fills the wide slot", async () => {
  const side: Grid = list(2024, CIA_2024, NAMES_2024.current).map((row, r) => [...[0, 1, 2].map((c) => row[c] ?? ""), "", ...[0, 1, 2].map((c) => list(2023, CIA_2023, NAMES_2024.previous)[r]?.[c] ?? "")]);
  const { env } = testWorkbook({ 两年: side });
  const found = await findData(env);
  expect(found.sources.map((s) => [s.slot, s.spec])).toEqual([
    ["current", { kind: "address", address: "两年!A:C" }],
    ["previous", { kind: "address", address: "两年!E:G" }],
  ]);
  const wide: Grid = [["企业名称", "2024年销售额（亿元）", "2023年销售额（亿元）"], ...NAMES_2024.current.slice(0, 50).map((n, i) => [n, CIA_2024[i], CIA_2023[i]])];
  const { env: wideEnv } = testWorkbook({ 宽表: wide });
  const wideFound = await findData(wideEnv);
  expect(wideFound.layout).toBe("wide");
  expect(wideFound.sources.map((s) => s.slot)).toEqual(["wide"]);
});

test("24 monthly lists, an NBS export and a regional table: within three round trips; the latest month and the same month a year before fill the slots, the rest are listed beside", async () => {
  const { env, host } = testWorkbook({ ...monthlySheets(), 国家统计局: nbsExportGrid(), 分地区: regionalTableGrid(), 别名: [["名称", "统一名称"], ["甲控股", "甲"]] });
  const found = await findData(env);
  expect(found.syncs).toBeLessThanOrEqual(3);
  expect(host.stats.syncs).toBe(found.syncs);
  expect(found.sheets).toHaveLength(26); // the alias sheet is the alias list, not data
  expect(found.aliasSheet).toMatchObject({ sheet: "别名", lines: 1, problems: [] });
  const slotted = found.sources.filter((s) => s.slot !== null).map((s) => [s.sheet, s.slot]);
  expect(slotted).toEqual([
    ["2024年1-12月", "current"],
    ["2023年1-12月", "previous"],
    ["国家统计局", "series"],
  ]);
  const beside = found.sources.filter((s) => s.slot === null);
  expect(beside).toHaveLength(23);
  expect(beside.find((s) => s.sheet === "分地区")?.role).toBe("series");
  expect(beside.filter((s) => s.role === "ranking")).toHaveLength(22);
  // Everything found runs: twelve periods of the history
  const result = await runAnalysis(env, definitionOf(found.sources.map((s) => ({ role: s.role, spec: s.spec }))), RUN_CONTEXT);
  if (!result.ok) throw new Error(JSON.stringify(result.problems.filter((p) => p.severity === "error")));
  expect(result.analysis.rankings).toHaveLength(12);
});
