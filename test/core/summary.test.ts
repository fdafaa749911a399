// The summary sheet model: what a reviewer without StatDesk sees — provenance, formats that
// display the chosen rounding and colour convention, sections and charts beside their tables.

import { analyze } from "../../src/core/analyze";
import { Grid } from "../../src/core/cells";
import { resolveOptions } from "../../src/core/options";
import { buildSummary, defaultSheetName, MAX_CELL_CHARS } from "../../src/core/summary/build";
import { CIA_2023, CIA_2024 } from "../fixtures/rankings/synthetic";
import { NAMES_2024 } from "../fixtures/rankings/build";
import { nbsExportGrid } from "../fixtures/nbs/build";
import { legalSheetName, sheetNameProblem, uniqueSheetName } from "../../src/core/sheet-name";

const listGrid = (values: readonly number[], names: readonly string[]): Grid => [["排名", "企业名称", "销售额（亿元）"], ...values.map((v, i) => [i + 1, names[i], v])];

function model(optionsInput = {}, colours: "red-up" | "green-up" = "red-up", language: "zh-CN" | "en-US" = "zh-CN") {
  const { options } = resolveOptions(optionsInput);
  const analysis = analyze(
    [
      { source: { sheet: "2024年", row: 0, column: 0 }, grid: listGrid(CIA_2024, NAMES_2024.current) },
      { source: { sheet: "2023年", row: 0, column: 0 }, grid: listGrid(CIA_2023, NAMES_2024.previous) },
      { source: { sheet: "月度数据", row: 0, column: 0 }, grid: nbsExportGrid() },
    ],
    options,
  );
  return { analysis, sheet: buildSummary({ analysis, language, sheetName: defaultSheetName(analysis, language), colours, generatedOn: "2026-11-22", version: "9.9.9" }) };
}

const cell = (m: ReturnType<typeof model>["sheet"], section: string, row: number, column: number) => {
  const rect = m.sections[section];
  return { value: m.values[rect.row + row][rect.column + column], format: m.numberFormats[rect.row + row][rect.column + column] };
};

test("title, provenance and the sentences come first", () => {
  const { sheet } = model();
  expect(sheet.name).toBe("汇总_2024");
  expect(sheet.values[0][0]).toBe("2024年房地产销售统计汇总");
  const provenance = sheet.values.slice(sheet.sections.provenance.row, sheet.sections.provenance.row + sheet.sections.provenance.rowCount).map((r) => r[0]);
  expect(provenance).toEqual(
    expect.arrayContaining([
      "本期排行榜：'2024年'!A1:C111（2024年）",
      "上年排行榜：'2023年'!A1:C127（2023年）",
      expect.stringContaining("中指研究院2023年起口径"),
      expect.stringContaining("四舍五入"),
      "生成：StatDesk 9.9.9，2026-11-22",
    ]),
  );
  expect(sheet.sections.narrative.row).toBeLessThan(sheet.sections.tiers.row);
  expect(sheet.values[sheet.sections.narrative.row][0]).toBe("2024年，新建商品房销售面积97385万平方米，同比下降12.9%，其中住宅销售面积下降14.1%。");
});

test("figures are unrounded numbers; formats show them red-up by default", () => {
  const { sheet } = model();
  expect(cell(sheet, "tiers", 1, 5).value).toBeCloseTo(2001.4, 9);
  expect(cell(sheet, "tiers", 1, 3)).toEqual({ value: -5, format: "[Red]▲0;[Color10]▼0;0" });
  const yoy = cell(sheet, "top", 4, 3);
  expect(yoy.format).toBe("[Red]▲0.0%;[Color10]▼0.0%;0.0%");
  expect(yoy.value as number).toBeCloseTo(43547.3 / 62748.6 - 1, 12);
});

test("green-up swaps the colours; GB/T 8170 stores the values rounded once", () => {
  const { sheet } = model({ rounding: "half-even" }, "green-up");
  expect(cell(sheet, "tiers", 1, 3).format).toBe("[Color10]▲0;[Red]▼0;0");
  expect(cell(sheet, "tiers", 1, 5).value).toBe(2001.4);
  expect(cell(sheet, "top", 4, 3).value).toBe(-0.306);
  expect(sheet.values.flat()).toContain("舍入：GB/T 8170-2008 四舍六入五成双，单元格保存已按该规则舍入的显示值（只舍入一次）");
});

test("flagged basis gaps are marked in the series table", () => {
  const { sheet } = model();
  const rect = sheet.sections.series_0;
  const rows = sheet.values.slice(rect.row + 1, rect.row + rect.rowCount);
  const full2023 = rows.find((r) => r[0] === "2023年1-12月")!;
  expect(full2023[6]).toBe("差距较大：以公布增速为准");
  expect(rows.find((r) => r[0] === "2024年1-12月")![6]).toBeNull();
});

test("charts sit to the right of the tables, named for refresh, never overlapping", () => {
  const { sheet } = model();
  expect(sheet.charts.map((c) => c.name)).toEqual(["StatDesk_tiers_salesValue", "StatDesk_thresholds_salesValue", "StatDesk_yoy_1", "StatDesk_yoy_2", "StatDesk_yoy_3", "StatDesk_yoy_4"]);
  for (const c of sheet.charts) expect(c.from.column).toBeGreaterThan(sheet.width);
  sheet.charts.slice(1).forEach((c, i) => expect(c.from.row).toBeGreaterThan(sheet.charts[i].to.row));
  expect(sheet.charts[0].seriesNames).toEqual(["2024年", "2023年"]);
  expect(sheet.values.every((row) => row.length === sheet.width)).toBe(true);
});

test("an English sheet", () => {
  const { sheet } = model({}, "red-up", "en-US");
  expect(sheet.name).toBe("Summary_2024");
  expect(sheet.values[0][0]).toBe("Real estate sales summary, 2024");
});

test("sheet names Excel accepts", () => {
  expect(legalSheetName("汇总/2024:[x]")).toBe("汇总_2024__x_");
  expect(legalSheetName("'quoted'")).toBe("quoted");
  expect([...legalSheetName("长".repeat(40))].length).toBe(31);
  expect(sheetNameProblem("a*b")).toBe("forbidden-character");
  expect(uniqueSheetName("汇总_2024", ["汇总_2024"])).toBe("汇总_2024 (2)");
  expect(uniqueSheetName("Summary", ["SUMMARY", "summary (2)"])).toBe("Summary (3)");
});

test("a text longer than an Excel cell holds is cut to 32,767 characters with an ellipsis", () => {
  const long = "甲".repeat(40_000);
  const { options } = resolveOptions({ topN: "2" });
  const analysis = analyze(
    [
      { source: { sheet: "2024年", row: 0, column: 0 }, grid: listGrid([3000, 2000], [long, "乙"]) },
      { source: { sheet: "2023年", row: 0, column: 0 }, grid: listGrid([2500, 1500], [long, "乙"]) },
    ],
    options,
  );
  const sheet = buildSummary({ analysis, language: "zh-CN", sheetName: "汇总", colours: "red-up", generatedOn: "2026-11-22", version: "9.9.9" });
  const texts = sheet.values.flat().filter((v): v is string => typeof v === "string");
  expect(Math.max(...texts.map((t) => t.length))).toBe(MAX_CELL_CHARS);
  const cut = texts.filter((t) => t.length === MAX_CELL_CHARS);
  expect(cut.length).toBeGreaterThan(0);
  expect(cut.every((t) => t.endsWith("…") && t.startsWith("甲甲甲"))).toBe(true);
});

test("single months, when asked for, are columns of the series tables: derived levels, a year earlier, and their YoY", () => {
  const grid: Grid = [
    ["指标", "2024年4月", "2024年3月", "2023年4月", "2023年3月"],
    ["新建商品房销售面积累计值(万平方米)", 29252, 22668, 37636, 29818],
  ];
  const sheetOf = (singleMonths: boolean) => {
    const analysis = analyze([{ source: { sheet: "月度", row: 0, column: 0 }, grid }], resolveOptions({ singleMonths }).options);
    return buildSummary({ analysis, language: "zh-CN", sheetName: "汇总", colours: "red-up", generatedOn: "2026-11-22", version: "9.9.9" });
  };
  const rows = (m: ReturnType<typeof sheetOf>) => {
    const rect = m.sections.series_0;
    return m.values.slice(rect.row, rect.row + rect.rowCount).map((r) => r.slice(rect.column, rect.column + rect.columnCount));
  };
  expect(rows(sheetOf(false))[0]).not.toContain("单月数值（由累计值推算）");
  const [header, ...body] = rows(sheetOf(true));
  expect(header).toEqual(["时期", "同比（公布，可比口径）", "同比（按公布数据计算）", "差距（个百分点）", "本期数值", "上年同期数值", "单月数值（由累计值推算）", "上年同月数值", "单月同比（推算）", "提示"]);
  const april = body.find((r) => r[0] === "2024年1-4月") as unknown[];
  expect(april.slice(6, 8)).toEqual([29252 - 22668, 37636 - 29818]);
  expect(april[8]).toBeCloseTo((29252 - 22668) / (37636 - 29818) - 1, 10);
});
