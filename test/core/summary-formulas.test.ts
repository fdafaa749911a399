// A live summary (#14): the same figures as the values summary, each written as a formula whose
// precedents lead to the source cells through the data block; text numbers, 万元 lists and
// cells no formula reads handled as the issue says. Evaluation is checked through the host
// (test/excel/formulas-run.test.ts) and by LibreOffice (test/libreoffice).

import { analyze, AnalysisInput } from "../../src/core/analyze";
import { Grid } from "../../src/core/cells";
import { resolveOptions } from "../../src/core/options";
import { buildSummary } from "../../src/core/summary/build";
import { figureFormula, placeDataRows, SourceCells } from "../../src/core/summary/formulas";
import { SheetModel } from "../../src/core/summary/model";
import { CIA_2023, CIA_2024 } from "../fixtures/rankings/synthetic";
import { NAMES_2024 } from "../fixtures/rankings/build";
import { nbsExportGrid } from "../fixtures/nbs/build";
import { BEIJING_2023_PLAN } from "../fixtures/plan/beijing-2023";

const toFullWidth = (digits: string) => digits.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

// 2024 in 亿元 with one text number "2,161.6" (row 5); 2023 in 万元, as some exports give it, one figure in full-width digits.
const list2024: Grid = [["排名", "企业名称", "销售额（亿元）"], ...CIA_2024.map((v, i) => [i + 1, NAMES_2024.current[i], i === 4 ? v.toLocaleString("en-US", { minimumFractionDigits: 1 }) : v])];
const list2023: Grid = [["排名", "企业名称", "销售额（万元）"], ...CIA_2023.map((v, i) => [i + 1, NAMES_2024.previous[i], i === 7 ? toFullWidth(String(Math.round(v * 10000))) : Math.round(v * 10000)])];

function build(rounding: "half-away" | "half-even" = "half-away", live = true): { sheet: SheetModel; inputs: AnalysisInput[] } {
  const inputs: AnalysisInput[] = [
    { source: { sheet: "2024年", row: 0, column: 0 }, grid: list2024 },
    { source: { sheet: "2023年", row: 0, column: 0 }, grid: list2023 },
    { source: { sheet: "月度数据", row: 0, column: 0 }, grid: nbsExportGrid() },
    { source: { sheet: "计划", row: 0, column: 0 }, grid: BEIJING_2023_PLAN },
  ];
  const { options } = resolveOptions({ rounding });
  const analysis = analyze(inputs, options);
  const formulaSources = inputs.map((i) => ({ source: i.source, sheet: i.source.sheet!, grid: i.grid }));
  const sheet = buildSummary({ analysis, language: "zh-CN", sheetName: "汇总_2024", colours: "red-up", generatedOn: "2026-11-22", version: "9.9.9", ...(live ? { formulaSources } : {}) });
  return { sheet, inputs };
}

const formulaAt = (s: SheetModel, section: string, row: number, column: number) => s.formulas![s.sections[section].row + row][column];
const valueAt = (s: SheetModel, section: string, row: number, column: number) => s.values[s.sections[section].row + row][column];

test("every figure of the values summary is there, the same, and the live one has formulas where the values one has numbers", () => {
  const live = build().sheet;
  const values = build("half-away", false).sheet;
  expect(values.formulas).toBeUndefined();
  // The tables from the bulletin on are the same cells, a few rows lower in the live summary (its
  // provenance block says in more lines how figures are written), down to its valueOnly and data blocks.
  const shift = live.sections.narrative.row - values.sections.narrative.row;
  expect(shift).toBeGreaterThan(0);
  const end = live.sections.valueOnly.row;
  let figures = 0;
  let withFormula = 0;
  for (let r = values.sections.narrative.row; r + shift < end && r < values.values.length; r++) {
    for (let c = 0; c < values.width; c++) {
      const v = values.values[r][c];
      if (typeof v === "number") {
        figures++;
        expect([r, c, live.values[r + shift][c]]).toEqual([r, c, v]);
        if (live.formulas![r + shift][c] !== null) withFormula++;
      }
    }
  }
  expect(figures).toBeGreaterThan(300);
  // Numbers without a formula: only the plan's "2.7万户" and "2.91万户", each listed with its cell.
  expect(figures - withFormula).toBe(2);
});

test("a clean list (plain numbers in 亿元, one unbroken run, in rank order) is referenced where it is, with no data block of its own", () => {
  const clean2024: Grid = [["排名", "企业名称", "销售额（亿元）"], ...CIA_2024.map((v, i) => [i + 1, NAMES_2024.current[i], v])];
  const clean2023: Grid = [["排名", "企业名称", "销售额（亿元）"], ...CIA_2023.map((v, i) => [i + 1, NAMES_2024.previous[i], v]), ["合计", "", CIA_2023.reduce((a, b) => a + b, 0)]];
  const inputs: AnalysisInput[] = [
    { source: { sheet: "2024年", row: 0, column: 0 }, grid: clean2024 },
    { source: { sheet: "2023年 名单", row: 0, column: 0 }, grid: clean2023 },
  ];
  const analysis = analyze(inputs, resolveOptions({}).options);
  const sheet = buildSummary({
    analysis,
    language: "en-US",
    sheetName: "Summary_2024",
    colours: "red-up",
    generatedOn: "2026-11-22",
    version: "9.9.9",
    formulaSources: inputs.map((i) => ({ source: i.source, sheet: i.source.sheet!, grid: i.grid })),
  });
  const last = CIA_2024.length + 1;
  expect(formulaAt(sheet, "tiers", 1, 1)).toBe(`=COUNTIFS('2024年'!$C$2:$C$${last},">=1000")`);
  // The totals row below the 2023 list is left out of the range, not summed.
  expect(formulaAt(sheet, "tiers", 1, 2)).toBe(`=COUNTIFS('2023年 名单'!$C$2:$C$${CIA_2023.length + 1},">=1000")`);
  expect(formulaAt(sheet, "top", 4, 1)).toBe("=SUM('2024年'!$C$2:$C$101)");
  expect(formulaAt(sheet, "thresholds", 4, 1)).toBe("='2024年'!$C$101");
  expect(sheet.sections.data).toBeUndefined();
  expect(sheet.values.map((r) => r[0])).toContain("Figures written as values: none; every figure is a formula");
});

test("tier, TOP-N, threshold and group figures reference the data block, and the data block the source cells", () => {
  const { sheet } = build();
  const data = sheet.sections.data;
  const dataTop = data.row;
  expect(formulaAt(sheet, "tiers", 1, 1)).toMatch(/^=COUNTIFS\(\$C\$\d+:\$C\$\d+,">=1000"\)$/);
  expect(formulaAt(sheet, "tiers", 2, 1)).toMatch(/^=COUNTIFS\(\$C\$(\d+):\$C\$(\d+),">=500",\$C\$\1:\$C\$\2,"<1000"\)$/);
  expect(formulaAt(sheet, "tiers", 1, 3)).toBe(`=B${sheet.sections.tiers.row + 2}-C${sheet.sections.tiers.row + 2}`);
  const top100 = formulaAt(sheet, "top", 4, 1)!;
  const m = /^=SUM\(\$C\$(\d+):\$C\$(\d+)\)$/.exec(top100)!;
  expect(Number(m[2]) - Number(m[1])).toBe(99); // the block's first hundred rows
  expect(Number(m[1]) - 1).toBeGreaterThan(dataTop);
  expect(valueAt(sheet, "top", 4, 1)).toBeCloseTo(43547.3, 6); // domain.md: 2024 中指 TOP100
  // The data block row it starts at holds the first enterprise, a formula on its source cell.
  const firstRow = Number(m[1]) - 1;
  expect(sheet.formulas![firstRow][2]).toBe("='2024年'!$C$2");
  expect(sheet.values[firstRow][1]).toBe(NAMES_2024.current[0]);
  expect(sheet.values[firstRow][3]).toBe(""); // the formula names its source cell
  expect(formulaAt(sheet, "thresholds", 1, 1)).toMatch(/^=\$C\$\d+$/);
  expect(formulaAt(sheet, "groups", 2, 1)).toMatch(/^=AVERAGE\(\$C\$\d+:\$C\$\d+\)$/);
  // No placeholder of a data row is left.
  expect(sheet.formulas!.flat().some((f) => f !== null && /\[\d+\]/.test(f))).toBe(false);
});

test("a text number is read with NUMBERVALUE, a 万元 list converted, and a cell no formula reads is a value listed with its cell", () => {
  const { sheet } = build();
  const all = sheet.formulas!.flat().filter((f): f is string => f !== null);
  expect(all).toContain(`=NUMBERVALUE('2024年'!$C$6,".",",")`);
  expect(all).toContain("='2023年'!$C$2*0.0001");
  const listed = sheet.values.slice(sheet.sections.valueOnly.row, sheet.sections.valueOnly.row + sheet.sections.valueOnly.rowCount).map((r) => r[0]);
  expect(listed).toContain(`'2023年'!C9：“${toFullWidth(String(Math.round(CIA_2023[7] * 10000)))}”按其数值写入`);
  // The plan's "2.7万户" is no plain number: plan and actual are values listed with their cells,
  // and the completion is still a formula on them; 80000 → 81549 is read from its cells.
  const planTop = sheet.sections.plan.row;
  expect(sheet.formulas![planTop + 1][4]).toBe(`=D${planTop + 2}/C${planTop + 2}`);
  expect(sheet.formulas![planTop + 1][2]).toBe("=计划!$C$3");
  expect(sheet.values[planTop + 5].slice(0, 4)).toEqual(["租赁补贴发放", "户", 27000, 29100]);
  expect(sheet.formulas![planTop + 5].slice(2, 5)).toEqual([null, null, `=D${planTop + 6}/C${planTop + 6}`]);
  expect(listed).toContain("计划!C7：“2.7万户”按其数值写入");
  // The provenance block counts them and says where they are listed.
  const provenance = sheet.values.slice(sheet.sections.provenance.row, sheet.sections.provenance.row + sheet.sections.provenance.rowCount).map((r) => r[0]);
  expect(provenance).toContain("写为数值的单元格：3个，源单元格及原因见表末“写为数值的单元格”");
  expect(listed).toContain("计划!D7：“2.91万户”按其数值写入");
});

test("series levels and published rates reference the export's cells; computed rates and gaps are formulas beside them", () => {
  const { sheet } = build();
  const top = sheet.sections.series_0.row + 1;
  const row = sheet.formulas![top];
  expect(row[4]).toMatch(/^=月度数据!\$[A-Z]+\$\d+$/);
  expect(row[1]).toMatch(/^=月度数据!\$[A-Z]+\$\d+\/100$/);
  const rowNumber = top + 1;
  const lastRows = sheet.formulas!.slice(top, top + sheet.sections.series_0.rowCount - 1);
  const computed = lastRows.map((r) => r[2]).find((f) => f !== null);
  expect(computed).toMatch(/^=E\d+\/F\d+-1$/);
  expect(sheet.formulas![rowNumber - 1].length).toBe(sheet.width);
});

test("half-even (GB/T 8170): figures are ROUND()ed where ROUND agrees, and an exact tie stays a value", () => {
  const { sheet } = build("half-even");
  expect(formulaAt(sheet, "top", 4, 1)).toMatch(/^=ROUND\(SUM\(\$C\$\d+:\$C\$\d+\),1\)$/);
  expect(formulaAt(sheet, "top", 4, 3)).toMatch(/^=ROUND\(\(\(SUM\(.+\)\)\/\(SUM\(.+\)\)-1\)\*100,1\)\/100$/);
  expect(sheet.values.flat()).toContain(sheet.values[sheet.sections.provenance.row][0]);
});

test("figureFormula reads exactly what StatDesk read, or gives up", () => {
  const cell = (raw: string | number) => ({ ref: "'S'!$C$5", raw, location: "S!C5" });
  expect(figureFormula(cell(1234.5), 1, 1234.5)).toBe("'S'!$C$5");
  expect(figureFormula(cell("1,234.5"), 1, 1234.5)).toBe(`NUMBERVALUE('S'!$C$5,".",",")`);
  expect(figureFormula(cell(12345678), 1e-4, 12345678 * 1e-4)).toBe("'S'!$C$5*0.0001");
  expect(figureFormula(cell("１２３"), 1, 123)).toBeUndefined(); // full-width digits
  expect(figureFormula(cell("约3000"), 1, 3000)).toBeUndefined();
  // NUMBERVALUE passes over spaces only: a no-break or full-width space around the digits (pasted
  // from a web page) is #VALUE! in LibreOffice, though StatDesk's reading trims it.
  expect(figureFormula(cell(" 1,234.5 "), 1, 1234.5)).toBe(`NUMBERVALUE('S'!$C$5,".",",")`);
  expect(figureFormula(cell("1,234.5\u00a0"), 1, 1234.5)).toBeUndefined();
  expect(figureFormula(cell("\u30001,234.5"), 1, 1234.5)).toBeUndefined();
  expect(figureFormula(cell(5), 1, 6)).toBeUndefined();
  expect(placeDataRows("=SUM($C$[3]:$C$[12])", 200)).toBe("=SUM($C$204:$C$213)");
  const cells = new SourceCells([{ source: { file: "nbs.csv", row: 0, column: 0 }, sheet: "nbs", grid: [[1, 2], [3, 4]] }]);
  expect(cells.ofLocation("nbs.csv!B2")).toEqual({ ref: "nbs!$B$2", raw: 4, location: "nbs.csv!B2" });
  expect(cells.ofLocation("other.csv!B2")).toBeUndefined();
});

test("two tables side by side on one sheet (two inputs, one sheet): the plan right of the NBS export is read by formulas on its own cells, and only its 万户 cells are listed, with what they say", () => {
  const inputs: AnalysisInput[] = [
    { source: { sheet: "数据", row: 0, column: 0 }, grid: nbsExportGrid() },
    { source: { sheet: "数据", row: 0, column: 40 }, grid: BEIJING_2023_PLAN },
  ];
  const analysis = analyze(inputs, resolveOptions({}).options);
  const formulaSources = inputs.map((i) => ({ source: i.source, sheet: "数据", grid: i.grid }));
  const sheet = buildSummary({ analysis, language: "zh-CN", sheetName: "汇总", colours: "red-up", generatedOn: "2026-11-22", version: "9.9.9", formulaSources });
  // The first plan row, 保障性租赁住房建设筹集: its plan and actual are the plan table's cells AQ3 and AR3.
  expect([formulaAt(sheet, "plan", 1, 2), formulaAt(sheet, "plan", 1, 3)]).toEqual(["=数据!$AQ$3", "=数据!$AR$3"]);
  const listed = sheet.values.slice(sheet.sections.valueOnly.row, sheet.sections.valueOnly.row + sheet.sections.valueOnly.rowCount).map((r) => r[0]);
  expect(listed).toEqual(["数据!AQ7：“2.7万户”按其数值写入", "数据!AR7：“2.91万户”按其数值写入"]);
});

test("single months of levels with decimals (15.82 − 1.23) are formulas on the month before's cell: the figure worked back from the single month, 1.2300000000000004, is in no cell", () => {
  const grid: Grid = [
    ["数据库：月度数据"],
    ["指标", "2024年4月", "2024年3月", "2024年2月", "2023年4月", "2023年3月", "2023年2月"],
    ["新建商品房销售额累计值(亿元)", 15.82, 1.23, 0.61, 18.07, 2.45, 1.16],
  ];
  const inputs: AnalysisInput[] = [{ source: { sheet: "月度", row: 0, column: 0 }, grid }];
  const analysis = analyze(inputs, resolveOptions({ singleMonths: true }).options);
  const sheet = buildSummary({ analysis, language: "zh-CN", sheetName: "汇总", colours: "red-up", generatedOn: "2026-11-22", version: "9.9.9", formulaSources: [{ source: inputs[0].source, sheet: "月度", grid }] });
  const rect = sheet.sections.series_0;
  const april = Array.from({ length: rect.rowCount }, (_, i) => rect.row + i).find((r) => sheet.values[r][0] === "2024年1-4月")!;
  // Single month, its year-earlier twin: the level less the month before's, each on its own cell.
  expect([sheet.values[april][6], sheet.formulas![april][6]]).toEqual([15.82 - 1.23, "=E" + (april + 1) + "-月度!$C$3"]);
  expect([sheet.values[april][7], sheet.formulas![april][7]]).toEqual([18.07 - 2.45, "=F" + (april + 1) + "-月度!$F$3"]);
});

test("a published rate printed with two decimals is referenced as printed (StatDesk keeps it unrounded; the % format shows one decimal)", () => {
  const grid = nbsExportGrid().map((row) => [...row]);
  grid[4][1] = -12.86; // 新建商品房销售面积累计增长, 2024年12月
  const inputs: AnalysisInput[] = [{ source: { sheet: "月度数据", row: 0, column: 0 }, grid }];
  const analysis = analyze(inputs, resolveOptions({}).options);
  const sheet = buildSummary({ analysis, language: "zh-CN", sheetName: "汇总", colours: "red-up", generatedOn: "2026-11-22", version: "9.9.9", formulaSources: [{ source: inputs[0].source, sheet: "月度数据", grid }] });
  const r = sheet.formulas!.findIndex((row) => row.includes("=月度数据!$B$5/100"));
  expect(r).toBeGreaterThan(0);
  expect(sheet.values[r][sheet.formulas![r].indexOf("=月度数据!$B$5/100")]).toBeCloseTo(-0.1286, 12);
});
