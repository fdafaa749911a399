// Lists across periods through Microsoft's Excel client against the in-memory host (issue #12
// §1): two years of monthly TOP200 lists, one sheet each, run in today's two round trips; the
// history table and its line chart; a new month's list added to the stored analysis extends
// them in place (same names, nothing duplicated), and a refresh keeps them.

import { listAnalyses, refreshAll, runAnalysis } from "../../src/run/run";
import { AnalysisDefinition, SourceDefinition } from "../../src/run/types";
import { monthlySheets } from "../fixtures/rankings/history";
import { RUN_CONTEXT, sheetValues, testWorkbook } from "./harness";

const source = (sheet: string): SourceDefinition => ({ role: "auto", spec: { kind: "address", address: `'${sheet}'!A:C` } });

function definition(sheets: readonly string[]): AnalysisDefinition {
  return { id: "h1", sources: sheets.map(source), options: {}, output: { sheetName: "", language: "zh-CN", colours: "red-up" } };
}

/** The history table's period column and TOP100 YoY, read back from the written sheet. */
function historyRows(values: (string | number | boolean)[][]): [string, number][] {
  const header = values.findIndex((row) => row[0] === "时期" && row[1] === "TOP10同比");
  const rows: [string, number][] = [];
  for (let r = header + 1; r < values.length && values[r][0] !== ""; r++) rows.push([values[r][0] as string, Math.round((values[r][4] as number) * 1000) / 10]);
  return rows;
}

test("24 sheets of TOP200 (12 months, two years) in two round trips: twelve periods in the history and its chart", async () => {
  const sheets = monthlySheets();
  expect(Object.keys(sheets)).toHaveLength(24);
  const { env, host, workbook } = testWorkbook(sheets);
  const result = await runAnalysis(env, definition(Object.keys(sheets)), RUN_CONTEXT);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  expect(result.stats.syncs).toBe(2);
  expect(host.stats.syncs).toBe(2);
  expect(result.analysis.rankings).toHaveLength(12);
  const values = sheetValues(workbook, "汇总_2024");
  expect(values.find((row) => typeof row[0] === "string" && row[0].startsWith("2024年，TOP100房企销售总额"))![0]).toMatch(/同比下降34\.0%，降幅较1—11月缩窄1\.0个百分点。$/);
  expect(historyRows(values)).toEqual([
    ["2024年1月", -45], ["2024年1-2月", -44], ["2024年1-3月", -43], ["2024年1-4月", -42], ["2024年1-5月", -41], ["2024年1-6月", -40],
    ["2024年1-7月", -39], ["2024年1-8月", -38], ["2024年1-9月", -37], ["2024年1-10月", -36], ["2024年1-11月", -35], ["2024年1-12月", -34],
  ]);
  const sheet = workbook.sheet("汇总_2024")!;
  expect(sheet.charts.map((c) => c.name)).toEqual(["StatDesk_tiers_salesValue", "StatDesk_thresholds_salesValue", "StatDesk_history_salesValue"]);
  const history = sheet.charts.find((c) => c.name === "StatDesk_history_salesValue")!;
  expect(history.chartType).toBe("LineMarkers");
  expect(history.series.map((s) => s.name)).toEqual(["TOP10", "TOP30", "TOP50", "TOP100"]);
  expect(history.series[3].valuesAddress).toMatch(/!\$E\$\d+:\$E\$\d+$/);
  const [, top, bottom] = /\$E\$(\d+):\$E\$(\d+)$/.exec(history.series[3].valuesAddress!)!.map(Number);
  expect(bottom - top + 1).toBe(12);
});

test("a new month's list added to the stored analysis extends the history in place; a refresh keeps it", async () => {
  const all = monthlySheets();
  const upToNovember = Object.fromEntries(Object.entries(all).filter(([name]) => !name.endsWith("1-12月")));
  const { env, workbook } = testWorkbook(upToNovember);
  const first = await runAnalysis(env, definition(Object.keys(upToNovember)), RUN_CONTEXT);
  if (!first.ok) throw new Error(JSON.stringify(first.problems));
  expect(historyRows(sheetValues(workbook, "汇总_2024"))).toHaveLength(11);
  expect(sheetValues(workbook, "汇总_2024")[0][0]).toBe("2024年1-11月房地产销售统计汇总");

  // December arrives: the desk pastes both years' lists into new sheets and adds them to the analysis.
  for (const name of ["2024年1-12月", "2023年1-12月"]) {
    const sheet = workbook.addSheet(name);
    all[name].forEach((row, r) => row.forEach((v, c) => { if (v !== null && v !== undefined) sheet.setValue(r, c, v); }));
  }
  const [stored] = await listAnalyses(env);
  const second = await runAnalysis(env, { ...stored, sources: [...stored.sources, source("2024年1-12月"), source("2023年1-12月")] }, RUN_CONTEXT);
  if (!second.ok) throw new Error(JSON.stringify(second.problems));
  const summaries = workbook.sheets.filter((s) => s.name.startsWith("汇总"));
  expect(summaries.map((s) => s.name)).toEqual(["汇总_2024"]); // the same sheet, replaced
  const values = sheetValues(workbook, "汇总_2024");
  expect(values[0][0]).toBe("2024年房地产销售统计汇总");
  const rows = historyRows(values);
  expect(rows).toHaveLength(12);
  expect(rows[11]).toEqual(["2024年1-12月", -34]);
  const names = workbook.sheet("汇总_2024")!.charts.map((c) => c.name);
  expect(names.filter((n) => n === "StatDesk_history_salesValue")).toHaveLength(1);

  const refreshed = await refreshAll(env, RUN_CONTEXT);
  expect(refreshed.map((r) => r.ok)).toEqual([true]);
  expect(historyRows(sheetValues(workbook, "汇总_2024"))).toEqual(rows);
  expect(workbook.sheet("汇总_2024")!.charts.map((c) => c.name)).toEqual(names);
});
