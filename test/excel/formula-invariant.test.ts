// The invariant of a live summary (#14), over every kind of input StatDesk reads: each formula the
// summary writes, evaluated by the host on the very cells it references, gives the figure StatDesk
// computed and caches beside it. A formula one row off (a header or a neighbour's figure), a wrong
// column or a unit not converted fails here, whatever the table. Every sheet of each file is an
// input, as the command line takes them.

import * as path from "path";
import { analyze, AnalysisInput } from "../../src/core/analyze";
import { Grid } from "../../src/core/cells";
import { resolveOptions, AnalysisOptionsInput } from "../../src/core/options";
import { buildSummary } from "../../src/core/summary/build";
import { SheetModel as SummaryModel } from "../../src/core/summary/model";
import { cellValue } from "../../src/host/formula";
import { WorkbookModel } from "../../src/host/model";
import { readWorkbookFile } from "../../src/host/node-files";
import { Language } from "../../src/core/messages";
import { CIA_2023, CIA_2024 } from "../fixtures/rankings/synthetic";
import { NAMES_2024 } from "../fixtures/rankings/build";
import { nbsExportGrid } from "../fixtures/nbs/build";
import { BEIJING_2023_PLAN } from "../fixtures/plan/beijing-2023";
import { CRIC_2023, CRIC_2024, cricGrid } from "../fixtures/rankings/cric-bases";

const fixtures = (...parts: string[]) => path.join(__dirname, "..", "fixtures", ...parts);

interface Scenario {
  readonly inputs: readonly AnalysisInput[];
  readonly options?: AnalysisOptionsInput;
  readonly language?: Language;
}

/** Every sheet of every file, each its used cells from A1, as the command line reads them. */
async function fromFiles(files: readonly string[], year?: number): Promise<AnalysisInput[]> {
  const inputs: AnalysisInput[] = [];
  for (const file of files) {
    const workbook = await readWorkbookFile(file);
    for (const sheet of workbook.sheets) {
      const used = sheet.usedRect(true);
      if (used === undefined) continue;
      const grid = sheet.values({ row: 0, column: 0, rowCount: used.row + used.rowCount, columnCount: used.column + used.columnCount }) as Grid;
      const name = `${path.basename(file).replace(/\.[^.]+$/, "")}${workbook.sheets.length > 1 ? `_${sheet.name}` : ""}`.slice(0, 31);
      inputs.push({ source: { sheet: name, row: 0, column: 0 }, grid, ...(year !== undefined ? { overrides: { year } } : {}) });
    }
  }
  return inputs;
}

/**
 * Builds the live summary, puts it in a workbook beside its sources, and evaluates every formula:
 * the differences from StatDesk's own figures (none expected), and how many formulas were checked.
 */
function evaluate(s: Scenario): { differ: string[]; formulas: number; model: SummaryModel } {
  const analysis = analyze(s.inputs, resolveOptions(s.options ?? {}).options);
  const model = buildSummary({
    analysis,
    language: s.language ?? "zh-CN",
    sheetName: "汇总",
    colours: "red-up",
    generatedOn: "2026-11-22",
    version: "9.9.9",
    formulaSources: s.inputs.map((i) => ({ source: i.source, sheet: i.source.sheet!, grid: i.grid })),
  });
  const workbook = new WorkbookModel("check.xlsx");
  for (const input of s.inputs) {
    const sheet = workbook.addSheet(input.source.sheet!);
    input.grid.forEach((row, r) => row.forEach((v, c) => v !== "" && v !== null && v !== undefined && sheet.setValue(input.source.row + r, input.source.column + c, v)));
  }
  const summary = workbook.addSheet(model.name);
  model.values.forEach((row, r) =>
    row.forEach((v, c) => {
      const formula = model.formulas?.[r][c];
      if (formula !== null && formula !== undefined) summary.setFormula(r, c, formula, "");
      else if (v !== null) summary.setValue(r, c, v);
    }),
  );
  const differ: string[] = [];
  let formulas = 0;
  model.values.forEach((row, r) =>
    row.forEach((expected, c) => {
      const formula = model.formulas?.[r][c];
      if (formula === null || formula === undefined) return;
      formulas++;
      const got = cellValue(summary, r, c);
      const same = typeof expected === "number" && typeof got === "number" && Math.abs(got - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
      if (!same) differ.push(`${model.values[r][0]} | row ${r + 1} column ${c + 1}: ${formula} → ${String(got)}, StatDesk ${String(expected)}`);
    }),
  );
  return { differ, formulas, model };
}

const golden = (): AnalysisInput[] => [
  { source: { sheet: "2024年", row: 0, column: 0 }, grid: [["排名", "企业名称", "销售额（亿元）"], ...CIA_2024.map((v, i) => [i + 1, NAMES_2024.current[i], i % 7 === 4 ? v.toLocaleString("en-US", { minimumFractionDigits: 1 }) : v])] },
  { source: { sheet: "2023年", row: 0, column: 0 }, grid: [["排名", "企业名称", "销售额（万元）"], ...CIA_2023.map((v, i) => [i + 1, NAMES_2024.previous[i], Math.round(v * 10000)])] },
  { source: { sheet: "月度数据", row: 0, column: 0 }, grid: nbsExportGrid() },
  { source: { sheet: "计划", row: 0, column: 0 }, grid: BEIJING_2023_PLAN },
];

describe("every formula evaluates to StatDesk's own figure", () => {
  test.each([
    ["rankings (text numbers, 万元), the NBS export and a plan table", "half-away", false, "zh-CN"],
    ["the same under GB/T 8170 (half-even)", "half-even", false, "zh-CN"],
    ["the same with single months derived", "half-away", true, "en-US"],
  ] as const)("%s", (_, rounding, singleMonths, language) => {
    const { differ, formulas } = evaluate({ inputs: golden(), options: { rounding, singleMonths }, language });
    expect(differ).toEqual([]);
    expect(formulas).toBeGreaterThan(300);
  });

  test("a list of one enterprise against a list of two (ranges of a single cell for COUNTIFS, SUMIFS and AVERAGEIFS)", () => {
    const inputs: AnalysisInput[] = [
      { source: { sheet: "2024年", row: 0, column: 0 }, grid: [["2024年房企销售额排行榜"], ["排名", "企业名称", "销售额（亿元）"], [1, "甲", 150.5]] },
      { source: { sheet: "2023年", row: 0, column: 0 }, grid: [["2023年房企销售额排行榜"], ["排名", "企业名称", "销售额（亿元）"], [1, "甲", 140], [2, "乙", 90]] },
    ];
    const { differ, formulas } = evaluate({ inputs, options: { topN: [1, 2] } });
    expect(differ).toEqual([]);
    expect(formulas).toBeGreaterThan(20);
  });

  test("a list starting below a title, beside other columns (sources not at A1)", () => {
    const offset: AnalysisInput[] = golden()
      .slice(0, 2)
      .map((input) => ({ ...input, source: { ...input.source, row: 3, column: 2 } }));
    const { differ, formulas } = evaluate({ inputs: offset });
    expect(differ).toEqual([]);
    expect(formulas).toBeGreaterThan(100);
  });

  test("the whole release with the regional table (national and regional series, regions against the nation)", async () => {
    const inputs = await fromFiles([fixtures("nbs", "全国房地产开发和销售-月度数据-gbk.csv"), fixtures("nbs", "东中西部和东北地区-2025-synthetic-regions.csv")]);
    const { differ, formulas, model } = evaluate({ inputs });
    expect(differ).toEqual([]);
    expect(Object.keys(model.sections).some((k) => k.startsWith("regions_"))).toBe(true);
    expect(formulas).toBeGreaterThan(100);
  });

  test("eight lists across periods (history, rate changes against the previous period)", async () => {
    const dir = fixtures("rankings", "history");
    const files = ["2022年1-5月", "2022年上半年", "2023年1-5月", "2023年上半年", "2023年1-11月", "2023年1-12月", "2024年1-11月", "2024年1-12月"].map((f) => path.join(dir, `${f}TOP100.csv`));
    const { differ, formulas, model } = evaluate({ inputs: await fromFiles(files) });
    expect(differ).toEqual([]);
    expect(Object.keys(model.sections).some((k) => k.startsWith("history"))).toBe(true);
    expect(formulas).toBeGreaterThan(200);
  });

  test("CRIC's 全口径 and 权益 side by side, each ranked by its own figures", () => {
    const inputs: AnalysisInput[] = [
      { source: { sheet: "2024", row: 0, column: 0 }, grid: cricGrid(CRIC_2024) },
      { source: { sheet: "2023", row: 0, column: 0 }, grid: cricGrid(CRIC_2023) },
    ];
    const { differ, formulas } = evaluate({ inputs });
    expect(differ).toEqual([]);
    expect(formulas).toBeGreaterThan(100);
  });

  test("a two-year table: last year's column, dashes among it and in this year's order, referenced in place by order-free formulas", async () => {
    const { differ, formulas, model } = evaluate({ inputs: await fromFiles([fixtures("rankings", "cia-2023-h1-wide-gbk.csv")]) });
    expect(differ).toEqual([]);
    expect(formulas).toBeGreaterThan(50);
    const all = model.formulas!.flat().filter((f): f is string => f !== null);
    expect(all.some((f) => f.startsWith("=(SUMIF(") && f.includes("LARGE("))).toBe(true);
    // This year's column holds a text number ("2,005.4"): that list alone is read through the data block.
    expect(model.sections.data.rowCount).toBeLessThan(120);
  });

  test("real files: the hand-pasted 2025 table (the year given) and Chongqing's annual exports", async () => {
    const hand = await fromFiles([fixtures("real-data", "hand-pasted-2025-xlsx", "housing_sales.xlsx")], 2025);
    const chongqing = await fromFiles(["商品房销售面积.csv", "固定资产投资.csv", "施工面积.csv"].map((f) => fixtures("real-data", "chongqing-annual-gbk", f)));
    for (const inputs of [hand, chongqing]) {
      const { differ, formulas } = evaluate({ inputs });
      expect(differ).toEqual([]);
      expect(formulas).toBeGreaterThan(20);
    }
  });
});
