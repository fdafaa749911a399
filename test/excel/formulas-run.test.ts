// A live summary (#14) through Microsoft's client against the host: the host evaluates every
// formula the summary writes to StatDesk's own figures (the values-only run's), and a source cell
// changed afterwards moves exactly the figures that depend on it, as Excel would recalculate them.

import { refreshAll, runAnalysis } from "../../src/run/run";
import { AnalysisDefinition } from "../../src/run/types";
import { Grid } from "../../src/core/cells";
import { WorkbookModel } from "../../src/host/model";
import { CIA_2023, CIA_2024 } from "../fixtures/rankings/synthetic";
import { NAMES_2024 } from "../fixtures/rankings/build";
import { nbsExportGrid } from "../fixtures/nbs/build";
import { BEIJING_2023_PLAN } from "../fixtures/plan/beijing-2023";
import { RUN_CONTEXT, sheetValues, testWorkbook } from "./harness";

// 2024 in 亿元 with a text number "2,161.6" (the fifth company); 2023 in 万元.
const SHEETS: Record<string, Grid> = {
  "2024年": [["2024年房企销售额排行"], ["排名", "企业名称", "销售额（亿元）"], ...CIA_2024.map((v, i) => [i + 1, NAMES_2024.current[i], i === 4 ? v.toLocaleString("en-US", { minimumFractionDigits: 1 }) : v])],
  "2023年": [["2023年房企销售额排行"], ["排名", "企业名称", "销售额（万元）"], ...CIA_2023.map((v, i) => [i + 1, NAMES_2024.previous[i], Math.round(v * 10000)])],
  月度数据: nbsExportGrid(),
  计划: BEIJING_2023_PLAN,
};

function definition(valuesOnly: boolean): AnalysisDefinition {
  return {
    id: valuesOnly ? "values" : "live",
    sources: [
      { role: "current", spec: { kind: "address", address: "'2024年'!A:C" } },
      { role: "previous", spec: { kind: "address", address: "'2023年'!A:C" } },
      { role: "auto", spec: { kind: "address", address: "月度数据!A:AF" } },
      { role: "auto", spec: { kind: "address", address: "计划!A:E" } },
    ],
    options: {},
    output: { sheetName: valuesOnly ? "数值版" : "公式版", language: "zh-CN", colours: "red-up", ...(valuesOnly ? { valuesOnly: true } : {}) },
  };
}

async function run(valuesOnly: boolean): Promise<{ workbook: WorkbookModel; name: string; syncs: number }> {
  const { env, workbook } = testWorkbook(SHEETS);
  const result = await runAnalysis(env, definition(valuesOnly), RUN_CONTEXT);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return { workbook, name: result.sheetName, syncs: result.stats.syncs };
}

/** The row whose first cell is `label`, as the host evaluates it. */
const rowOf = (values: unknown[][], label: string) => {
  const row = values.find((r) => r[0] === label);
  if (row === undefined) throw new Error(`no row ${label}`);
  return row as (string | number)[];
};

let live: Awaited<ReturnType<typeof run>>;
let plain: Awaited<ReturnType<typeof run>>;
beforeAll(async () => {
  live = await run(false);
  plain = await run(true);
});

test("the live run takes today's round trips, and every formula the host evaluates gives StatDesk's own figure", () => {
  expect(live.syncs).toBe(2);
  const sheet = live.workbook.sheet(live.name)!;
  const liveValues = sheetValues(live.workbook, live.name);
  const plainValues = sheetValues(plain.workbook, plain.name);
  // The tables are laid out alike down to the provenance line that says how figures are written.
  const formulaRows = new Set<number>();
  let formulas = 0;
  sheet.forEachCell((r, c) => {
    if (sheet.formula(r, c) === undefined) return;
    formulas++;
    formulaRows.add(r);
    const value = liveValues[r][c];
    expect([r, c, typeof value]).toEqual([r, c, "number"]);
  });
  expect(formulas).toBeGreaterThan(300);
  let compared = 0;
  // The live summary's provenance says in more lines how figures are written: its tables sit lower.
  const shift = liveValues.findIndex((row) => row[0] === "简报表述") - plainValues.findIndex((row) => row[0] === "简报表述");
  expect(shift).toBeGreaterThan(0);
  for (const r of formulaRows) {
    const twin = plainValues[r - shift];
    if (twin === undefined || twin[0] !== liveValues[r][0]) continue; // the data block has no twin
    for (let c = 1; c < twin.length; c++) {
      const expected = twin[c];
      if (typeof expected !== "number" || sheet.formula(r, c) === undefined) continue;
      compared++;
      const got = liveValues[r][c] as number;
      expect([r, c, Math.abs(got - expected) <= 1e-9 * Math.max(1, Math.abs(expected))]).toEqual([r, c, true]);
    }
  }
  expect(compared).toBeGreaterThan(300);
  // domain.md: 2024 中指 TOP100 43547.3 亿元, −30.6%
  const top100 = rowOf(liveValues, "TOP100");
  expect(top100[1]).toBeCloseTo(43547.3, 6);
  expect(top100[3]).toBeCloseTo(-0.306, 3);
});

test("the source's text number and 万元 figures reach the summary through the data block", () => {
  const sheet = live.workbook.sheet(live.name)!;
  const all: string[] = [];
  sheet.forEachCell((r, c) => {
    const f = sheet.formula(r, c);
    if (f !== undefined) all.push(f);
  });
  expect(all).toContain(`=NUMBERVALUE('2024年'!$C$7,".",",")`);
  expect(all).toContain("='2023年'!$C$3*0.0001");
  expect(all.some((f) => f.startsWith("=月度数据!$"))).toBe(true);
  expect(all).toContain("=计划!$D$3");
});

test("the data block hidden, as the person chose: its rows are hidden, its title says how to show them, and the figures are the same", async () => {
  const { env, workbook } = testWorkbook(SHEETS);
  const base = definition(false);
  const result = await runAnalysis(env, { ...base, id: "hidden", output: { ...base.output, sheetName: "隐藏", hideData: true } }, RUN_CONTEXT);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  expect(result.stats.syncs).toBe(2);
  const sheet = workbook.sheet("隐藏")!;
  const values = sheetValues(workbook, "隐藏");
  const title = values.findIndex((r) => r[0] === "计算所用数据");
  expect(String(values[title + 1][0])).toContain("已隐藏");
  expect(sheet.hiddenRows.has(title) || sheet.hiddenRows.has(title + 1)).toBe(false);
  // Every row from the block's first title to the last row of the sheet is hidden.
  const hidden = [...sheet.hiddenRows].sort((a, b) => a - b);
  expect(hidden[0]).toBe(title + 2);
  expect(hidden.length).toBe(values.length - (title + 2));
  expect(values.slice(title + 2).some((r) => typeof r[2] === "number")).toBe(true);
  expect(rowOf(values, "TOP100")[1]).toBeCloseTo(43547.3, 6);
});

describe("a source cell changed after the run: the summary follows, as Excel recalculates", () => {
  test("the first company's 2024 figure +100: every TOP-N total moves by exactly 100, the tier sum of its tier too, the counts stay", () => {
    const before = sheetValues(live.workbook, live.name);
    const source = live.workbook.sheet("2024年")!;
    source.setValue(2, 2, CIA_2024[0] + 100); // C3: the first company
    const after = sheetValues(live.workbook, live.name);
    for (const n of [10, 30, 50, 100]) {
      const moved = (rowOf(after, `TOP${n}`)[1] as number) - (rowOf(before, `TOP${n}`)[1] as number);
      expect([n, moved]).toEqual([n, expect.closeTo(100, 6)]);
    }
    const tier = "1000亿以上";
    expect((rowOf(after, tier)[4] as number) - (rowOf(before, tier)[4] as number)).toBeCloseTo(100, 6);
    expect(rowOf(after, tier)[1]).toBe(rowOf(before, tier)[1]);
    // The YoY follows the new total: (43547.3 + 100) / previous − 1.
    const previous = rowOf(after, "TOP100")[2] as number;
    expect(rowOf(after, "TOP100")[3] as number).toBeCloseTo((43547.3 + 100) / previous - 1, 9);
    source.setValue(2, 2, CIA_2024[0]);
    expect(rowOf(sheetValues(live.workbook, live.name), "TOP100")[1]).toBeCloseTo(43547.3, 6);
  });

  test("a 2023 figure in 万元 +10,000 (1 亿元): last year's TOP-N totals move by exactly 1", () => {
    const before = sheetValues(live.workbook, live.name);
    const source = live.workbook.sheet("2023年")!;
    const original = source.value(3, 2) as number; // the second company, C4
    source.setValue(3, 2, original + 10_000);
    const after = sheetValues(live.workbook, live.name);
    expect((rowOf(after, "TOP10")[2] as number) - (rowOf(before, "TOP10")[2] as number)).toBeCloseTo(1, 6);
    expect(rowOf(after, "TOP10")[1]).toBe(rowOf(before, "TOP10")[1]);
    source.setValue(3, 2, original);
  });

  test("a company moved into a higher tier: the tier counts change by one each, and the 百亿 count stays", () => {
    const before = sheetValues(live.workbook, live.name);
    const source = live.workbook.sheet("2024年")!;
    // The last company at or above 500 亿 below 1000 亿 becomes a 1000亿 company.
    const place = CIA_2024.findIndex((v) => v < 1000);
    source.setValue(2 + place, 2, 1200);
    const after = sheetValues(live.workbook, live.name);
    expect((rowOf(after, "1000亿以上")[1] as number) - (rowOf(before, "1000亿以上")[1] as number)).toBe(1);
    expect((rowOf(after, "500-1000亿")[1] as number) - (rowOf(before, "500-1000亿")[1] as number)).toBe(-1);
    expect(rowOf(after, "百亿以上合计")[1]).toBe(rowOf(before, "百亿以上合计")[1]);
    source.setValue(2 + place, 2, CIA_2024[place]);
  });

  test("the plan's actual figure changed: its completion follows", () => {
    const source = live.workbook.sheet("计划")!;
    source.setValue(2, 3, 88000); // 保障性租赁住房建设筹集: plan 80000
    const row = rowOf(sheetValues(live.workbook, live.name), "保障性租赁住房建设筹集");
    expect(row[3]).toBe(88000);
    expect(row[4] as number).toBeCloseTo(1.1, 12);
    source.setValue(2, 3, 81549);
  });
});

test("Refresh after a company is added below the 2024 list rewrites the formulas over the grown list", async () => {
  const { env, workbook } = testWorkbook(SHEETS);
  const first = await runAnalysis(env, definition(false), RUN_CONTEXT);
  if (!first.ok) throw new Error(JSON.stringify(first.problems));
  const countBefore = rowOf(sheetValues(workbook, "公式版"), "100-300亿")[1] as number;
  const source = workbook.sheet("2024年")!;
  const last = CIA_2024.length + 2; // the row below the list (0-based)
  source.setValue(last, 0, CIA_2024.length + 1);
  source.setValue(last, 1, "新上榜房企");
  source.setValue(last, 2, 150);
  const [again] = await refreshAll(env, RUN_CONTEXT);
  expect(again.ok).toBe(true);
  const sheet = workbook.sheet("公式版")!;
  const values = sheetValues(workbook, "公式版");
  const r = values.findIndex((row) => row[0] === "100-300亿");
  // The tier's count now reaches the new row (through the data block, the list having text numbers) and counts it.
  expect(values[r][1]).toBe(countBefore + 1);
  expect(sheet.formula(r, 1)).toMatch(/^=COUNTIFS\(/);
  const dataFormulas: string[] = [];
  sheet.forEachCell((row, c) => {
    const f = sheet.formula(row, c);
    if (f !== undefined && f.includes(`'2024年'!$C$${last + 1}`)) dataFormulas.push(f);
  });
  expect(dataFormulas).toEqual([`='2024年'!$C$${last + 1}`]);
});
