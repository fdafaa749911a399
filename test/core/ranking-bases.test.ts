// Bases side by side (issue 12 §2): one CRIC-layout table with 全口径 and 权益 amount columns gives a
// ranking per basis, each ranked by its own figures and paired with the same basis a year earlier.
// The fixture is synthetic (test/fixtures/rankings/cric-bases.ts); expected TOP-10 figures below
// were worked out by hand from its formulas (and checked with a plain sort in Python).

import { analyze } from "../../src/core/analyze";
import { Grid } from "../../src/core/cells";
import { resolveOptions } from "../../src/core/options";
import { readRankingTables } from "../../src/core/ranking-table";
import { reportJson } from "../../src/core/report-json";
import { buildSummary } from "../../src/core/summary/build";
import { SourceRef } from "../../src/core/source";
import { CRIC_2023, CRIC_2024, cricGrid } from "../fixtures/rankings/cric-bases";

const sheet = (name: string): SourceRef => ({ sheet: name, row: 0, column: 0 });
const { options } = resolveOptions({});
const inputs = [
  { source: sheet("2024"), grid: cricGrid(CRIC_2024) },
  { source: sheet("2023"), grid: cricGrid(CRIC_2023) },
];

describe("a CRIC table with 全口径 and 权益 for 2024 and 2023", () => {
  const analysis = analyze(inputs, options);
  const byBasis = (basis: string) => analysis.rankings.find((r) => r.basis === basis)!;

  test("gives one ranking per basis, each paired with the same basis of 2023, without warnings about the columns", () => {
    expect(analysis.rankings.map((r) => [r.metric, r.basis, r.year, r.previousYear])).toEqual([
      ["salesValue", "全口径", 2024, 2023],
      ["salesValue", "权益", 2024, 2023],
    ]);
    const codes = analysis.problems.map((p) => p.code);
    for (const code of ["several-value-columns", "basis-mismatch", "year-listed-twice", "rank-order"]) expect(codes).not.toContain(code);
  });

  test("全口径 keeps the published ranks: TOP10 26400 against 35500", () => {
    const top10 = byBasis("全口径").top.find((t) => t.n === 10)!;
    // 3000 + 2920 + … + 2280 = 26400; 4000 + 3900 + … + 3100 = 35500.
    expect(top10.sum).toBeCloseTo(26400, 6);
    expect(top10.previousSum).toBeCloseTo(35500, 6);
    expect(byBasis("全口径").movers.slice(0, 3).map((m) => [m.name, m.rank])).toEqual([["保利发展", 1], ["中海地产", 2], ["碧桂园控股", 3]]);
  });

  test("权益 is re-ranked by its own figures: TOP10 is the ten largest 权益 figures, not the 全口径 TOP10's", () => {
    const r = byBasis("权益");
    const top10 = r.top.find((t) => t.n === 10)!;
    // 2024: 2700 2556 2412 2268 2124 1980 1836 1692 1606 1548 (places 1,3,5,…,15, 2 and 17 by 全口径).
    expect(top10.sum).toBeCloseTo(20722, 6);
    expect(top10.threshold).toBeCloseTo(1548, 6);
    expect(top10.previousSum).toBeCloseTo(27815, 6);
    expect(top10.sumYoyPct).toBeCloseTo((20722 / 27815 - 1) * 100, 9);
    // The first ten by 权益, in 权益 order, ranked 1..10 (the 排名 column belongs to 全口径).
    const expected = [0, 2, 4, 6, 8, 10, 12, 14, 1, 16].map((i) => CRIC_2024.names[i]);
    expect(r.movers.slice(0, 10).map((m) => m.name)).toEqual(expected);
    expect(r.movers.slice(0, 10).map((m) => m.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const totalTop10 = new Set(CRIC_2024.names.slice(0, 10));
    expect(expected.filter((n) => !totalTop10.has(n))).toEqual(["龙湖集团", "华发股份", "金地集团", "融创中国"]);
  });

  test("the JSON says each ranking's basis, and the summary sheet shows both", () => {
    const json = reportJson(analysis, "zh-CN") as { rankings: { basis: string | null; top: { n: number; sum: number }[] }[] };
    expect(json.rankings.map((r) => [r.basis, r.top[0].sum])).toEqual([
      ["全口径", 26400],
      ["权益", expect.closeTo(20722, 6)],
    ]);
    const model = buildSummary({ analysis, language: "zh-CN", sheetName: "汇总_2024", colours: "red-up", generatedOn: "2026-01-01", version: "test" });
    // Both TOP10 totals are on the sheet, each in its own TOP-N table.
    const figures = model.values.flat().filter((v): v is number => typeof v === "number");
    expect(figures.filter((v) => Math.abs(v - 26400) < 1e-6)).not.toHaveLength(0);
    expect(figures.filter((v) => Math.abs(v - 20722) < 1e-6)).not.toHaveLength(0);
    const names = [...model.charts.map((c) => c.name)];
    expect(new Set(names).size).toBe(names.length);
  });

  test("each basis's section titles say the basis, in both languages", () => {
    const titles = (language: "zh-CN" | "en-US") =>
      buildSummary({ analysis, language, sheetName: "S", colours: "red-up", generatedOn: "2026-01-01", version: "test" })
        .values.map((row) => row[0])
        .filter((v): v is string => typeof v === "string" && /^(一、销售额阵营|1\. Sales tiers)/.test(v));
    expect(titles("zh-CN")).toEqual(["一、销售额阵营（全口径，亿元）", "一、销售额阵营（权益口径，亿元）"]);
    expect(titles("en-US")).toEqual(["1. Sales tiers (full caliber, 100 million yuan)", "1. Sales tiers (attributable, 100 million yuan)"]);
  });

  test("the person's choice of bases and metrics keeps only those rankings (stored in the options)", () => {
    const { options: equityOnly } = resolveOptions({ rankingsShown: [{ metric: "salesValue", basis: "权益" }] });
    expect(analyze(inputs, equityOnly).rankings.map((r) => r.basis)).toEqual(["权益"]);
    const { options: unreadable } = resolveOptions({ rankingsShown: [{ metric: "sales", basis: 3 } as never] });
    expect(unreadable.rankingsShown).toEqual([]);
    expect(resolveOptions({}).options.rankingsShown).toBeNull();
  });
});

describe("published ranks belong to the column they were published for", () => {
  test("a 权益排名 column ranks the 权益 list; 全口径 and the area list are then ordered by their figures", () => {
    const grid: Grid = [
      ["权益排名", "企业名称", "全口径销售金额（亿元）", "权益销售金额（亿元）", "全口径销售面积（万平方米）"],
      [1, "甲", 100, 90, 50],
      [2, "乙", 300, 80, 70],
      [3, "丙", 200, 10, 90],
    ];
    const [t] = readRankingTables(grid, sheet("2024"));
    const read = t.lists.map((l) => [l.metric, l.basis, l.entries.names.join(""), l.entries.byRank]);
    expect(read).toEqual([
      ["salesValue", "全口径", "乙丙甲", false],
      ["salesValue", "权益", "甲乙丙", true],
      ["salesArea", "全口径", "丙乙甲", false],
    ]);
    expect(t.problems.map((p) => p.code)).not.toContain("rank-order");
  });

  test("a plain 排名 goes with the basis the title names", () => {
    const grid: Grid = [["2024年房企权益销售金额排行榜"], ["排名", "企业名称", "全口径销售金额（亿元）", "权益销售金额（亿元）"], [1, "甲", 100, 90], [2, "乙", 300, 80]];
    const [t] = readRankingTables(grid, sheet("S"));
    expect(t.lists.map((l) => [l.basis, l.entries.byRank, l.entries.names.join("")])).toEqual([
      ["全口径", false, "乙甲"],
      ["权益", true, "甲乙"],
    ]);
  });

  test("a duplicate name in a table with two bases is reported once, at its name cell", () => {
    const grid: Grid = [["企业名称", "全口径销售金额（亿元）", "权益销售金额（亿元）"], ["甲", 3, 2], ["甲", 2, 1]];
    const [t] = readRankingTables(grid, sheet("2024"));
    expect(t.problems.filter((p) => p.code === "duplicate-enterprise").map((p) => p.location)).toEqual(["'2024'!A3"]);
  });
});
