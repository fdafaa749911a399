// Find data (#13 §2) through Microsoft's Excel client against the in-memory host: every visible
// sheet read in one round trip after the sheet list, each table recognised and the slots filled;
// the stored analysis keeps the tables' columns, so a refresh reads rows added below.

import { OfficePort } from "../../src/excel/port";
import { findData } from "../../src/run/find";
import { refreshAll, runAnalysis } from "../../src/run/run";
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
    ["2024年TOP100", "current", "'2024年TOP100'!A1:C109", { kind: "region", anchor: "'2024年TOP100'!A1", taken: "'2024年TOP100'!A1:C109", extent: "column-band" }],
    ["2023年TOP100", "previous", "'2023年TOP100'!A1:C124", { kind: "region", anchor: "'2023年TOP100'!A1", taken: "'2023年TOP100'!A1:C124", extent: "column-band" }],
    ["国家统计局", "series", expect.stringMatching(/^国家统计局!A1:/), expect.objectContaining({ kind: "region", anchor: "国家统计局!A1", extent: "column-band" })],
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
    ["current", { kind: "region", anchor: "两年!A1", taken: "两年!A1:C112", extent: "column-band" }],
    ["previous", { kind: "region", anchor: "两年!E1", taken: "两年!E1:G112", extent: "column-band" }],
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
  expect(found.aliasSheet).toEqual({ sheet: "别名", address: "别名!A1:B2", lines: [{ name: "甲控股", unified: "甲", location: "别名!A2" }], problems: [] });
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

describe("what Find data chose is kept as a region around each table, taken again on every run", () => {
  /** A list as desks send it: a title, the header, the entries, a blank row and a footnote. */
  const noted = (year: number, values: readonly number[], names: readonly string[], area?: (i: number) => number): Grid => [
    [`${year}年房企销售额排行（单位：亿元）`],
    ["排名", "企业名称", "销售额（亿元）", ...(area !== undefined ? ["销售面积（万平方米）"] : [])],
    ...values.map((v, i) => [i + 1, names[i], v, ...(area !== undefined ? [area(i)] : [])]),
    [],
    ["注：数据为合成数据。"],
  ];
  /** A note two columns to the right of a three-column list: a table of its own before and after a column is added. */
  const withNote = (grid: Grid): Grid => grid.map((row, r) => (r === 0 ? [...[0, 1, 2, 3].map((c) => row[c] ?? ""), "", "编制说明"] : r === 1 ? [...[0, 1, 2, 3].map((c) => row[c] ?? ""), "", "本表为示例"] : row));

  test("Refresh after rows were added below a list and a column at its right: the grown table is read, the note beside it is not", async () => {
    const { env, workbook } = testWorkbook({
      "2024年": withNote(noted(2024, CIA_2024.slice(0, 100), NAMES_2024.current)),
      "2023年": noted(2023, CIA_2023, NAMES_2024.previous),
    });
    const found = await findData(env);
    expect(found.syncs).toBe(2);
    const current = found.sources.find((s) => s.slot === "current")!;
    // 100 entries under a title and header, a blank row and the footnote: A1:C104
    expect(current.spec).toEqual({ kind: "region", anchor: "'2024年'!A1", taken: "'2024年'!A1:C104", extent: "column-band" });
    const first = await runAnalysis(env, definitionOf(found.sources.map((s) => ({ role: s.role, spec: s.spec }))), RUN_CONTEXT);
    if (!first.ok) throw new Error(JSON.stringify(first.problems));
    expect(first.stats.syncs).toBe(2);
    expect(first.analysis.rankings.map((r) => [r.metric, r.enterprises, r.range])).toEqual([["salesValue", 100, "'2024年'!A2:C104"]]);

    // The rest of the list arrives below, and a column of floor space at the right (the note two columns over stays apart)
    const sheet = workbook.sheet("2024年")!;
    const grown = withNote(noted(2024, CIA_2024, NAMES_2024.current, (i) => 500 - i));
    grown.forEach((row, r) => row.forEach((v, c) => sheet.setValue(r, c, v ?? "")));
    const [again] = await refreshAll(env, RUN_CONTEXT);
    if (!again.ok) throw new Error(JSON.stringify(again.problems));
    expect(again.stats.syncs).toBe(2);
    // From the header to the footnote, now four columns wide: the note in F stays apart (E is blank)
    const lastRow = CIA_2024.length + 4;
    expect(again.analysis.rankings.map((r) => [r.metric, r.enterprises, r.range])).toEqual([
      ["salesValue", CIA_2024.length, `'2024年'!A2:D${lastRow}`],
      ["salesArea", CIA_2024.length, `'2024年'!A2:D${lastRow}`],
    ]);
    expect(again.analysis.rankings[0].top.find((t) => t.n === 100)?.sum).toBeCloseTo(43547.3, 6);
  });

  test("an analysis stored before (the table's columns, '2024年'!A:C) still runs: rows added below are read, as they always were", async () => {
    const { env, workbook } = testWorkbook({
      "2024年": noted(2024, CIA_2024.slice(0, 100), NAMES_2024.current),
      "2023年": noted(2023, CIA_2023, NAMES_2024.previous),
    });
    const stored = definitionOf([
      { role: "current", spec: { kind: "address", address: "'2024年'!A:C" } },
      { role: "previous", spec: { kind: "address", address: "'2023年'!A:C" } },
    ]);
    const first = await runAnalysis(env, stored, RUN_CONTEXT);
    if (!first.ok) throw new Error(JSON.stringify(first.problems));
    expect(first.analysis.rankings[0].enterprises).toBe(100);
    const sheet = workbook.sheet("2024年")!;
    noted(2024, CIA_2024, NAMES_2024.current).forEach((row, r) => row.forEach((v, c) => sheet.setValue(r, c, v ?? "")));
    const again = await runAnalysis(env, first.definition, RUN_CONTEXT);
    if (!again.ok) throw new Error(JSON.stringify(again.problems));
    expect(again.analysis.rankings.map((r) => [r.metric, r.enterprises])).toEqual([["salesValue", CIA_2024.length]]);
    expect(again.definition.sources[0].spec).toEqual({ kind: "address", address: "'2024年'!A:C" });
  });
});
