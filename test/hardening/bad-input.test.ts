// What desks paste, run end to end: the sheets in the in-memory host, Microsoft's Excel client,
// runAnalysis (read, compute, write, verify). Every case must end in a correct summary or a clear,
// translated, cell-addressed message — never an exception, never a run that hangs, never a sheet
// written on failure, never a source cell changed.

import fc from "fast-check";
import { Grid } from "../../src/core/cells";
import { runAnalysis } from "../../src/run/run";
import { RunResult, SourceRole } from "../../src/run/types";
import { WorkbookModel } from "../../src/host/model";
import { RUN_CONTEXT, sheetValues, testWorkbook } from "../excel/harness";
import { expectHonestResult, HEADER, sampleRows, scratchSheets, sheetDigests, withinMs, yearSheet } from "./helpers";
import { definitionOf } from "../fixtures/workbooks";

/** A sheet-qualified cell, range, whole columns or whole rows: "'2024年'!C5", "S!A1:C3", "E!A:C". */
const ADDRESS = /^(?:'(?:[^']|'')+'|[^'!]+)!(?:\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?|[A-Z]{1,3}:[A-Z]{1,3}|\d+:\d+)$/;

/** Problems that blame particular cells must name them. */
const CELL_BLAMED = new Set([
  "missing-value", "text-number", "percent-in-amount", "negative-value", "missing-name", "duplicate-enterprise", "rank-order",
  "no-header", "no-value-column", "no-name-column", "no-rows", "unit-assumed", "unit-unknown", "unit-converted", "several-value-columns",
  "no-previous-year", "years-not-consecutive", "extra-years", "year-listed-twice", "top-incomplete", "source-empty", "wide-previous-partial",
  "no-table", "empty-input",
]);
/** Errors that are not any cell's fault (the workbook, Excel, the options). */
const NOWHERE = new Set(["source-missing", "source-address-invalid", "output-name-invalid", "run-busy", "excel-error", "write-failed", "payload-too-large", "recovery-failed"]);

type Source = string | { address: string; role: SourceRole };

interface Outcome {
  readonly result: RunResult;
  readonly workbook: WorkbookModel;
}

/**
 * Runs the analysis over the given sheets and checks what every run must honour; returns the
 * result for the case's own expectations.
 */
async function runCase(sheets: Record<string, Grid>, sources: readonly Source[], prepare?: (workbook: WorkbookModel) => void): Promise<Outcome> {
  const { env, workbook } = testWorkbook(sheets);
  prepare?.(workbook);
  const names = workbook.sheets.map((s) => s.name);
  const sources0 = sheetDigests(workbook, names);
  const result = await withinMs(runAnalysis(env, definitionOf(sources), RUN_CONTEXT), 20_000, "runAnalysis");
  expectHonestResult(result, names, workbook.sheets.map((s) => s.name));
  expect(sheetDigests(workbook, names)).toEqual(sources0);
  expect(scratchSheets(workbook)).toEqual([]);
  for (const p of result.problems) {
    if (CELL_BLAMED.has(p.code)) expect(`${p.code} at ${p.location}`).toMatch(new RegExp(`^${p.code} at ${ADDRESS.source.slice(1)}`));
    if (p.severity === "error" && !NOWHERE.has(p.code)) expect(`${p.code} at ${p.location ?? ""}`).not.toBe(`${p.code} at `);
  }
  return { result, workbook };
}

function ok(outcome: Outcome): Extract<RunResult, { ok: true }> {
  if (!outcome.result.ok) throw new Error(`expected a summary, got ${JSON.stringify(outcome.result.problems)}`);
  return outcome.result;
}

/** [code, location] of the problems, leaving out the TOP-N notes every short list has. */
function located(result: RunResult): [string, string | undefined][] {
  return result.problems.filter((p) => p.code !== "top-incomplete").map((p) => [p.code, p.location]);
}

const TWO_YEARS = {
  "2024年": yearSheet(2024, [["甲房企", 1000], ["乙房企", 500], ["丙房企", 300]]),
  "2023年": yearSheet(2023, [["甲房企", 900], ["丙房企", 400], ["乙房企", 350]]),
};
const BOTH = ["'2024年'!A:C", "'2023年'!A:C"];

describe("selections that hold no table", () => {
  test("an empty selection on a filled sheet: source-empty at the selection", async () => {
    const { result } = await runCase(TWO_YEARS, ["'2024年'!F5:H9"]);
    expect(result.ok).toBe(false);
    expect(located(result)).toEqual([["source-empty", "'2024年'!F5:H9"]]);
  });

  test("whole columns of an empty sheet: source-empty at those columns", async () => {
    const { result } = await runCase({ ...TWO_YEARS, 空表: [] }, ["空表!A:C"]);
    expect(result.ok).toBe(false);
    expect(located(result)).toEqual([["source-empty", "空表!A:C"]]);
  });

  test.each([
    ["a number", 5],
    ["a header word", "企业名称"],
    ["an Excel error", "#N/A"],
    ["TRUE", true],
  ])("a single cell holding %s: no-table at that cell", async (_, value) => {
    const { result } = await runCase({ 单元格: [[value]] }, ["单元格!A1"]);
    expect(result.ok).toBe(false);
    expect(located(result)).toEqual([["no-table", "单元格!A1"]]);
  });

  test("only a header: no-rows at the header", async () => {
    const { result } = await runCase({ "2024年": [[...HEADER]] }, ["'2024年'!A1:C1"]);
    expect(result.ok).toBe(false);
    expect(located(result)).toEqual([["no-rows", "'2024年'!A1"]]);
  });

  test("a header over a totals row only: no-rows", async () => {
    const { result } = await runCase({ "2024年": [[...HEADER], ["合计", "", 1800]] }, ["'2024年'!A:C"]);
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.code)).toContain("no-rows");
  });

  test("a header and figures but no year anywhere: no-year at the header", async () => {
    const { result } = await runCase({ Sheet1: [[...HEADER], [1, "甲房企", 10]] }, ["Sheet1!A:C"]);
    expect(result.ok).toBe(false);
    expect(located(result)).toEqual([["no-year", "Sheet1!A1"]]);
  });

  test("a header with a year and an amount but no enterprise column and no rows: no-table at the range read", async () => {
    const { result } = await runCase({ "2024年": [["年份", "销售额（万元）"]] }, ["'2024年'!A:E"]);
    expect(result.ok).toBe(false);
    expect(located(result)).toEqual([["no-table", "'2024年'!A1:B1"]]);
  });

  test("an address that is not A1 notation: said, nothing read", async () => {
    const { result } = await runCase(TWO_YEARS, ["'2024年'!ZZZZ1"]);
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => [p.code, p.params.address])).toEqual([["source-address-invalid", "'2024年'!ZZZZ1"]]);
  });
});

describe("whole-column and whole-row selections are trimmed to the data", () => {
  test.each([["A:C"], ["A:XFD"], ["1:1048576"]])("whole %s on both sheets", async (reference) => {
    const outcome = await runCase(TWO_YEARS, [`'2024年'!${reference}`, `'2023年'!${reference}`]);
    const result = ok(outcome);
    expect(result.sheetName).toBe("汇总_2024");
    expect(result.analysis.rankings[0].range).toBe("'2024年'!A2:C5");
    expect(result.analysis.rankings[0].enterprises).toBe(3);
  });
});

test("merged header cells (企业名称 over two rows, 销售额 over two years) read as a two-year table", async () => {
  const grid: Grid = [
    ["企业名称", "销售额（亿元）", ""],
    ["", "2024年", "2023年"],
    ["甲房企", 1000, 900],
    ["乙房企", 500, 350],
  ];
  const outcome = await runCase({ 对比: grid }, ["对比!A:C"], (workbook) => {
    workbook.sheet("对比")!.merges.push({ row: 0, column: 0, rowCount: 2, columnCount: 1 }, { row: 0, column: 1, rowCount: 1, columnCount: 2 });
  });
  const r = ok(outcome).analysis.rankings[0];
  expect([r.year, r.previousYear, r.enterprises]).toEqual([2024, 2023, 2]);
  expect(r.movers.find((m) => m.name === "乙房企")?.valueYoyPct).toBeCloseTo((500 / 350 - 1) * 100, 9);
});

describe("cells in the value column that are not figures", () => {
  test("Excel errors (#N/A, #DIV/0!, #REF!) are left out, each named by its cell", async () => {
    const outcome = await runCase({ "2024年": yearSheet(2024, [["甲房企", "#N/A"], ["乙房企", "#DIV/0!"], ["丙房企", "#REF!"], ["丁房企", 120]]) }, ["'2024年'!A:C"]);
    const result = ok(outcome);
    const missing = result.problems.filter((p) => p.code === "missing-value");
    expect(missing.map((p) => [p.location, p.params.reason, p.params.text])).toEqual([
      ["'2024年'!C3", "excel-error", "#N/A"],
      ["'2024年'!C4", "excel-error", "#DIV/0!"],
      ["'2024年'!C5", "excel-error", "#REF!"],
    ]);
    expect(result.analysis.rankings[0].enterprises).toBe(1);
  });

  test("a value column of Excel errors only: no summary, and why", async () => {
    const { result } = await runCase({ "2024年": yearSheet(2024, [["甲房企", "#N/A"], ["乙房企", "#REF!"]]) }, ["'2024年'!A:C"]);
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.code)).toEqual(["no-rows"]);
  });

  test("an Excel error or TRUE where the name should be: the row is skipped with missing-name at that cell", async () => {
    const outcome = await runCase({ "2024年": yearSheet(2024, [["#N/A", 900], ["甲房企", 800], [true as unknown as string, 700]]) }, ["'2024年'!A:C"]);
    const result = ok(outcome);
    expect(located(result).filter(([c]) => c === "missing-name")).toEqual([
      ["missing-name", "'2024年'!B3"],
      ["missing-name", "'2024年'!B5"],
    ]);
    expect(result.analysis.rankings[0].enterprises).toBe(1);
  });

  test("TRUE and FALSE are not figures", async () => {
    const outcome = await runCase({ "2024年": yearSheet(2024, [["甲房企", true], ["乙房企", false], ["丙房企", 300]]) }, ["'2024年'!A:C"]);
    const missing = ok(outcome).problems.filter((p) => p.code === "missing-value");
    expect(missing.map((p) => [p.location, p.params.reason])).toEqual([
      ["'2024年'!C3", "boolean"],
      ["'2024年'!C4", "boolean"],
    ]);
  });

  test("dates are not figures: typed as text, or a number formatted as a date", async () => {
    const outcome = await runCase({ "2024年": yearSheet(2024, [["甲房企", "2024-03-01"], ["乙房企", 45352], ["丙房企", 300]]) }, ["'2024年'!A1:C5"], (workbook) => {
      const styles = workbook.styles;
      workbook.sheet("2024年")!.setStyleId(3, 2, styles.intern({ ...styles.get(0), numberFormat: "yyyy-mm-dd" }));
    });
    const missing = ok(outcome).problems.filter((p) => p.code === "missing-value");
    expect(missing.map((p) => [p.location, p.params.reason, p.params.text])).toEqual([
      ["'2024年'!C3", "date", "2024-03-01"],
      ["'2024年'!C4", "date", "45352"],
    ]);
  });

  test("negative and zero sales cannot be ranked: left out, each named", async () => {
    const outcome = await runCase({ "2024年": yearSheet(2024, [["甲房企", 300], ["乙房企", 0], ["丙房企", -12.5]]) }, ["'2024年'!A:C"]);
    const result = ok(outcome);
    expect(result.problems.filter((p) => p.code === "negative-value").map((p) => [p.location, p.params.value])).toEqual([
      ["'2024年'!C4", 0],
      ["'2024年'!C5", -12.5],
    ]);
    expect(result.analysis.rankings[0].enterprises).toBe(1);
  });

  test("a pasted 1e308 is too large to compute with: left out, named, and the summary still written", async () => {
    const outcome = await runCase({ "2024年": yearSheet(2024, [["甲房企", 1e308], ["乙房企", 1e308], ["丙房企", 300]]) }, ["'2024年'!A:C"]);
    const result = ok(outcome);
    expect(result.problems.filter((p) => p.code === "missing-value").map((p) => [p.location, p.params.reason])).toEqual([
      ["'2024年'!C3", "too-large"],
      ["'2024年'!C4", "too-large"],
    ]);
    expect(result.analysis.rankings[0].enterprises).toBe(1);
  });
});

describe("enterprises", () => {
  test("the same enterprise twice in one year is reported with both locations", async () => {
    const outcome = await runCase({ "2024年": yearSheet(2024, [["甲房企", 300], ["乙房企", 200], ["甲房企", 100]]) }, ["'2024年'!A:C"]);
    const duplicates = ok(outcome).problems.filter((p) => p.code === "duplicate-enterprise");
    expect(duplicates.map((p) => [p.location, p.params.otherNameCell, p.params.other, p.params.name])).toEqual([["'2024年'!B5", "'2024年'!B3", "'2024年'!C3", "甲房企"]]);
  });

  test("names differing only in width or spaces are one enterprise: a duplicate within a year", async () => {
    const outcome = await runCase({ "2024年": yearSheet(2024, [["ＡＢＣ地产", 300], ["ABC 地产", 200], ["碧桂园（控股）", 150], ["碧桂园(控股) ", 100]]) }, ["'2024年'!A:C"]);
    const duplicates = ok(outcome).problems.filter((p) => p.code === "duplicate-enterprise");
    expect(duplicates.map((p) => [p.location, p.params.other])).toEqual([
      ["'2024年'!B4", "'2024年'!C3"],
      ["'2024年'!B6", "'2024年'!C5"],
    ]);
  });

  test("… and matched across years", async () => {
    const outcome = await runCase(
      { "2024年": yearSheet(2024, [["ＡＢＣ地产", 300], ["乙房企", 200]]), "2023年": yearSheet(2023, [["乙房企", 250], ["ABC　地产", 100]]) },
      BOTH,
    );
    const result = ok(outcome);
    expect(result.problems.map((p) => p.code)).not.toContain("duplicate-enterprise");
    const abc = result.analysis.rankings[0].movers.find((m) => m.name === "ＡＢＣ地产");
    expect([abc?.rank, abc?.previousRank, abc?.rankChange]).toEqual([1, 2, 1]);
    expect(abc?.valueYoyPct).toBeCloseTo(200, 9);
  });
});

describe("years", () => {
  test("a year column with three years: the latest two are compared, and that is said", async () => {
    const grid: Grid = [["年份", "企业名称", "销售额（亿元）"], [2022, "甲房企", 800], [2023, "甲房企", 900], [2024, "甲房企", 1000], [2024, "乙房企", 500], [2023, "乙房企", 400], [2022, "乙房企", 300]];
    const outcome = await runCase({ 三年: grid }, ["三年!A:C"]);
    const result = ok(outcome);
    const r = result.analysis.rankings[0];
    expect([r.year, r.previousYear]).toEqual([2024, 2023]);
    expect(result.problems.filter((p) => p.code === "extra-years").map((p) => [p.location, p.params.years])).toEqual([["三年!A1:C7", "2022, 2023, 2024"]]);
    expect(r.top[0].n).toBe(10);
    expect(r.movers.find((m) => m.name === "甲房企")?.valueYoyPct).toBeCloseTo((1000 / 900 - 1) * 100, 9);
  });

  test("no previous year: a summary of the one year, changes blank, said", async () => {
    const outcome = await runCase({ "2024年": TWO_YEARS["2024年"] }, ["'2024年'!A:C"]);
    const result = ok(outcome);
    expect(result.analysis.rankings[0].previousYear).toBeNull();
    expect(located(result)).toEqual([["no-previous-year", "'2024年'!A2:C5"]]);
    expect(result.analysis.rankings[0].movers.every((m) => m.valueYoyPct === null)).toBe(true);
  });

  test("previous year only (the sheet given as the previous year): summarised as that year alone, said", async () => {
    // The role "previous" is not used by the run (see the report): the 2023 list is summarised as 2023.
    const outcome = await runCase({ "2023年": TWO_YEARS["2023年"] }, [{ address: "'2023年'!A:C", role: "previous" }]);
    const result = ok(outcome);
    expect(result.sheetName).toBe("汇总_2023");
    expect(result.problems.filter((p) => p.code === "no-previous-year").map((p) => p.params.year)).toEqual([2023]);
  });

  test("a two-year table whose current-year column is empty: the previous year alone, each blank said quietly", async () => {
    const grid: Grid = [["企业名称", "2024年销售额（亿元）", "2023年销售额（亿元）"], ["甲房企", "—", 900], ["乙房企", "", 350]];
    const outcome = await runCase({ 对比: grid }, ["对比!A:C"]);
    const result = ok(outcome);
    expect(result.sheetName).toBe("汇总_2023");
    expect(result.problems.filter((p) => p.code === "missing-value").map((p) => [p.location, p.severity])).toEqual([
      ["对比!B2", "info"],
      ["对比!B3", "info"],
    ]);
  });

  test("two lists for one year: the first is used, the second named", async () => {
    const outcome = await runCase({ "2024年": TWO_YEARS["2024年"], "2024年 (2)": TWO_YEARS["2024年"] }, ["'2024年'!A:C", "'2024年 (2)'!A:C"]);
    const twice = ok(outcome).problems.filter((p) => p.code === "year-listed-twice");
    expect(twice.map((p) => [p.location, p.params.used])).toEqual([["'2024年 (2)'!A2:C5", "'2024年'!A2:C5"]]);
  });
});

describe("units that disagree between the two years", () => {
  test("亿元 against 万元: converted, and the message says which year, from which unit, to which", async () => {
    const outcome = await runCase(
      { "2024年": yearSheet(2024, [["甲房企", 1000], ["乙房企", 500]]), "2023年": yearSheet(2023, [["甲房企", 9_000_000], ["乙房企", 4_000_000]], "万元") },
      BOTH,
    );
    const result = ok(outcome);
    expect(result.problems.filter((p) => p.code === "unit-converted").map((p) => [p.location, p.params.year, p.params.from, p.params.to])).toEqual([
      ["'2023年'!A2:C4", 2023, "万元", "亿元"],
    ]);
    const r = result.analysis.rankings[0];
    expect(r.unit).toBe("亿元");
    expect(r.movers.find((m) => m.name === "甲房企")?.previousValue).toBeCloseTo(900, 9); // 9,000,000万元 = 900亿元
    expect(r.movers.find((m) => m.name === "甲房企")?.valueYoyPct).toBeCloseTo((1000 / 900 - 1) * 100, 9);
  });

  test("亿元 against 亿港元: the foreign currency is refused (not read as 元), named at its header", async () => {
    const outcome = await runCase(
      { "2024年": yearSheet(2024, [["甲房企", 1000]]), "2023年": yearSheet(2023, [["甲房企", 1100]], "亿港元") },
      BOTH,
    );
    const result = ok(outcome);
    expect(result.problems.filter((p) => p.code === "unit-unknown").map((p) => [p.location, p.params.unit, p.severity])).toEqual([["'2023年'!C2", "亿港元", "error"]]);
    expect(result.analysis.rankings[0].previousYear).toBeNull();
  });

  test("both years in a foreign currency: no summary, the unit named", async () => {
    const outcome = await runCase(
      { "2024年": yearSheet(2024, [["甲房企", 1000]], "亿美元"), "2023年": yearSheet(2023, [["甲房企", 1100]], "亿美元") },
      BOTH,
    );
    expect(outcome.result.ok).toBe(false);
    expect(located(outcome.result)).toEqual([
      ["unit-unknown", "'2024年'!C2"],
      ["unit-unknown", "'2023年'!C2"],
    ]);
  });
});

test("a sheet name with an apostrophe and CJK text is quoted correctly in every location", async () => {
  const outcome = await runCase({ "张三's 2024年": yearSheet(2024, [["甲房企", "#N/A"], ["乙房企", 300]]) }, ["'张三''s 2024年'!A:C"]);
  const result = ok(outcome);
  expect(result.problems.find((p) => p.code === "missing-value")?.location).toBe("'张三''s 2024年'!C3");
});

test("a realistic list with every kind of mess still gives the published total", async () => {
  const rows = sampleRows(120);
  const messy: [string, number | string | boolean][] = rows.map(([n, v], i) =>
    i === 3 ? [n, v.toLocaleString("en-US", { minimumFractionDigits: 1 })] : i === 7 ? [n, String(v)] : [n, v],
  );
  const outcome = await runCase({ "2024年": [...yearSheet(2024, messy), [], ["合计", "", 0], ["注：合成数据"]] }, ["'2024年'!A:C"]);
  const result = ok(outcome);
  const expected = rows.slice(0, 100).reduce((a, [, v]) => a + v, 0);
  const top100 = sheetValues(outcome.workbook, "汇总_2024").find((r) => r[0] === "TOP100");
  expect(top100?.[1] as number).toBeCloseTo(expected, 6);
  expect(result.problems.filter((p) => p.code === "text-number").map((p) => p.location)).toEqual(["'2024年'!C6", "'2024年'!C10"]);
});

/** Random small sheets through the whole Excel path: the contract holds for each (runCase checks it). */
test("random pasted sheets through the Excel path: a summary or a located, translated message, never a written sheet on failure", async () => {
  const cellArb = fc.oneof(
    fc.integer({ min: -50, max: 3000 }),
    fc.constantFrom("#N/A", "#DIV/0!", "—", "n/a", "", "3,430.2", "12.5%", "2024-03-01", "ＡＢＣ地产", "甲房企", "合计", "注：合成"),
    fc.boolean(),
  );
  const sheetArb = fc.tuple(
    fc.subarray(["排名", "企业名称", "销售额（亿元）", "2024年销售额", "2023年销售额", "年份", "同比", "销售额（万元）"], { minLength: 1 }),
    fc.array(fc.array(cellArb, { minLength: 1, maxLength: 5 }), { maxLength: 12 }),
    fc.constantFrom("2024年", "2023年", "Sheet1"),
  );
  // 150 runs: each is a full read-compute-write-verify through the client (about 30 ms); the
  // pure pipeline gets its 100,000 grids in properties.test.ts.
  await fc.assert(
    fc.asyncProperty(sheetArb, async ([header, rows, sheet]) => {
      const { result } = await runCase({ [sheet]: [header, ...rows] }, [`'${sheet}'!A:E`]);
      if (result.ok) expect(result.sheetName).toMatch(/^汇总/);
    }),
    { numRuns: 150, seed: 42 },
  );
});
