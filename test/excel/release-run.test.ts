// The whole NBS release over fifteen years, through Microsoft's Excel client against the host:
// the oracle's 169 months of every indicator (as a data.stats.gov.cn export, months across, and
// as the same months down the rows) are read and summarised within today's two round trips.

import { runAnalysis } from "../../src/run/run";
import { AnalysisDefinition } from "../../src/run/types";
import { oracleExportGrid, oracleMonths, oracleTransposedGrid } from "../fixtures/nbs/oracle";
import { RUN_CONTEXT, sheetValues, testWorkbook } from "./harness";

const months = oracleMonths().reverse();

function definition(address: string): AnalysisDefinition {
  return {
    id: "release15",
    sources: [{ role: "series", spec: { kind: "address", address } }],
    options: {},
    output: { sheetName: "", language: "zh-CN", colours: "red-up" },
  };
}

test.each([
  ["months across", "月度数据", () => oracleExportGrid(months)],
  ["months down the rows", "月度数据", () => oracleTransposedGrid(months)],
])("fifteen years of every indicator, %s, in two round trips", async (_how, sheet, grid) => {
  const { env, host, workbook } = testWorkbook({ [sheet]: grid() });
  const result = await runAnalysis(env, definition(`'${sheet}'!A:ZZ`), RUN_CONTEXT);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  expect([result.stats.syncs, host.stats.syncs]).toEqual([2, 2]);
  // Twelve indicators, each over 2011-02 … 2026-05.
  const ids = result.analysis.series.map((s) => s.indicatorId);
  expect(new Set(ids).size).toBe(12);
  const investment = result.analysis.series.find((s) => s.indicatorId === "total.investment")!;
  expect([investment.points[0].period, investment.points.at(-1)!.period, investment.points.length]).toEqual(["2011-02", "2026-05", 169]);
  // The summary holds the 2026 figures of the latest month (2026年1-5月: investment 30356, −16.2%).
  const cells = sheetValues(workbook, result.sheetName).flat();
  expect(cells).toContain(30356);
  // Rates are held as fractions under a per-cent format.
  expect(cells.some((c) => typeof c === "number" && Math.abs(c - -0.162) < 1e-9)).toBe(true);
});
