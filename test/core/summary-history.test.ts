// The summary sheet with several periods of one year (issue #12 §1): the latest period's tables
// in full with the change against the previous period beside each YoY and tier count, then one
// row per period and a line chart of the TOP-N YoY, named so a refresh replaces them.

import { analyze } from "../../src/core/analyze";
import { Grid } from "../../src/core/cells";
import { resolveOptions } from "../../src/core/options";
import { buildSummary, defaultSheetName } from "../../src/core/summary/build";
import { decemberNovemberSheets, monthlySheets } from "../fixtures/rankings/history";

function model(sheets: Record<string, Grid>, language: "zh-CN" | "en-US" = "zh-CN") {
  const { options } = resolveOptions({});
  const analysis = analyze(Object.entries(sheets).map(([sheet, grid]) => ({ source: { sheet, row: 0, column: 0 }, grid })), options);
  return buildSummary({ analysis, language, sheetName: defaultSheetName(analysis, language), colours: "red-up", generatedOn: "2026-11-22", version: "9.9.9" });
}

const rows = (m: ReturnType<typeof model>, section: string) => {
  const rect = m.sections[section];
  return m.values.slice(rect.row, rect.row + rect.rowCount).map((r) => r.slice(rect.column, rect.column + rect.columnCount));
};

describe("1—11月 and 1—12月 of 2024 and 2023", () => {
  const zh = model(decemberNovemberSheets());

  test("one set of tables, for 1—12月; the sentence with the clause heads the narrative", () => {
    expect(zh.name).toBe("汇总_2024");
    expect(zh.values[zh.sections.narrative.row][0]).toBe("2024年，TOP100房企销售总额为43547.3亿元，同比下降30.6%，降幅较1—11月缩窄2.3个百分点。");
    expect(zh.values.filter((r) => r[0] === "TOP100" && typeof r[1] === "number" && Math.abs(r[1] - 43547.3) < 1e-6)).toHaveLength(1);
    expect(zh.charts.map((c) => c.name)).toEqual(["StatDesk_tiers_salesValue", "StatDesk_thresholds_salesValue", "StatDesk_history_salesValue"]);
  });

  test("the TOP-N table says how each YoY moved against 1—11月 (▲2.3 for TOP100)", () => {
    const top = rows(zh, "top");
    expect(top[0][7]).toBe("同比较1—11月（个百分点）");
    expect(top[4][0]).toBe("TOP100");
    expect(top[4][7]).toBe(2.3);
    const rect = zh.sections.top;
    expect(zh.numberFormats[rect.row + 4][7]).toBe("[Red]▲0.0;[Color10]▼0.0;0.0");
    expect(rows(zh, "thresholds")[0][4]).toBe("同比较1—11月（个百分点）");
  });

  test("the tier table says the counts against 1—11月, 百亿 too", () => {
    const tiers = rows(zh, "tiers");
    expect(tiers[0][9]).toBe("较1—11月增减（家）");
    expect(tiers.slice(1).map((r) => [r[0], r[9]])).toEqual([
      ["1000亿以上", 1],
      ["500-1000亿", 0],
      ["300-500亿", 2],
      ["100-300亿", 5],
    ]);
    const hundred = zh.values[zh.sections.tiers.row + zh.sections.tiers.rowCount];
    expect([hundred[0], hundred[1], hundred[9]]).toEqual(["百亿以上合计", 86, 8]);
  });

  test("the history: one row per period, oldest first, and its line chart of the TOP-N YoY", () => {
    const history = rows(zh, "history");
    expect(history[0]).toEqual([
      "时期", "TOP10同比", "TOP30同比", "TOP50同比", "TOP100同比", "TOP10销售额", "TOP30销售额", "TOP50销售额", "TOP100销售额", "百亿企业（家）", "TOP10门槛值", "TOP30门槛值", "TOP50门槛值", "TOP100门槛值",
    ]);
    expect(history.slice(1).map((r) => r[0])).toEqual(["2024年1-11月", "2024年1-12月"]);
    expect(history[1][4] as number).toBeCloseTo(37871.2 / 56440 - 1, 12);
    expect(history[2][4] as number).toBeCloseTo(43547.3 / 62748.6 - 1, 12);
    expect(history[2][8] as number).toBeCloseTo(43547.3, 6);
    expect([history[1][9], history[2][9]]).toEqual([78, 86]);
    const chart = zh.charts.find((c) => c.name === "StatDesk_history_salesValue")!;
    expect(chart).toMatchObject({ kind: "LineMarkers", source: { row: zh.sections.history.row, column: 0, rowCount: 3, columnCount: 5 }, seriesNames: ["TOP10", "TOP30", "TOP50", "TOP100"], numberFormat: "0.0%" });
    expect(chart.title).toBe("TOP-N 销售额同比增速（各期）");
  });

  test("en-US says the same", () => {
    const en = model(decemberNovemberSheets(), "en-US");
    expect(en.values[en.sections.narrative.row][0]).toBe("In 2024, the TOP100 developers' sales totalled RMB 4,354.73 billion, down 30.6% year on year; the decline narrowed by 2.3 percentage points from January–November.");
    expect(rows(en, "top")[0][7]).toBe("YoY change vs Jan–Nov (pts)");
    expect(rows(en, "history").slice(1).map((r) => r[0])).toEqual(["Jan–Nov 2024", "Jan–Dec 2024"]);
  });
});

test("a single period has no history table and no change columns (the sheet is today's)", () => {
  const sheets = decemberNovemberSheets();
  const m = model({ a: sheets["2024年1-12月"], b: sheets["2023年1-12月"] });
  expect(m.sections.history).toBeUndefined();
  expect(rows(m, "top")[0]).toHaveLength(7);
  expect(rows(m, "tiers")[0]).toHaveLength(9);
  expect(m.charts.map((c) => c.name)).toEqual(["StatDesk_tiers_salesValue", "StatDesk_thresholds_salesValue"]);
});

test("twelve months of TOP200 lists: a history of twelve rows, January first", () => {
  const m = model(monthlySheets());
  const history = rows(m, "history");
  expect(history).toHaveLength(13);
  expect(history[1][0]).toBe("2024年1月");
  expect(history[12][0]).toBe("2024年1-12月");
  expect(history.slice(1).map((r) => Math.round((r[4] as number) * 1000) / 10)).toEqual([-45, -44, -43, -42, -41, -40, -39, -38, -37, -36, -35, -34]);
});
