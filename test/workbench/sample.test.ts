// The workbench's sample workbook: its synthetic ranking reproduces China Index Academy's
// published aggregates (domain.md §1) when StatDesk's own core reads it, and its NBS sheet holds
// the published national figures (domain.md §2) in a layout the core recognises.

import { analyze } from "../../src/core/analyze";
import { resolveOptions } from "../../src/core/options";
import { Grid } from "../../src/core/cells";
import { SheetModel } from "../../src/host/model";
import { RANKING_2023, RANKING_2024, rankingNames, sampleWorkbook, tierTenths } from "../../src/workbench/sample";

function grid(sheet: SheetModel): Grid {
  const used = sheet.usedRect(true)!;
  return sheet.values({ row: 0, column: 0, rowCount: used.row + used.rowCount, columnCount: used.column + used.columnCount });
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const inTier = (xs: readonly number[], low: number, high = Infinity) => xs.filter((x) => x >= low && x < high);

describe("synthetic ranking lists", () => {
  test("2024 tiers: 11 / 7 / 18 / 50 at means 2001.4 / 704.0 / 375.7 / 172.4; TOP100 43547.3 (中指, domain.md §1)", () => {
    const tiers = [inTier(RANKING_2024, 1000), inTier(RANKING_2024, 500, 1000), inTier(RANKING_2024, 300, 500), inTier(RANKING_2024, 100, 300)];
    expect(tiers.map((t) => t.length)).toEqual([11, 7, 18, 50]);
    const means = tiers.map((t) => sum(t) / t.length);
    [2001.4, 704.0, 375.7, 172.4].forEach((m, i) => expect(means[i]).toBeCloseTo(m, 6));
    expect(sum(RANKING_2024.slice(0, 100))).toBeCloseTo(43547.3, 6);
  });

  test("2023 tiers: 16 / 19 / 14 / 67 (2024 counts minus −5, −12, +4, −17); TOP100 62748.6, so 2024 is −30.6%", () => {
    const counts = [inTier(RANKING_2023, 1000), inTier(RANKING_2023, 500, 1000), inTier(RANKING_2023, 300, 500), inTier(RANKING_2023, 100, 300)].map((t) => t.length);
    expect(counts).toEqual([16, 19, 14, 67]);
    const top100 = sum(RANKING_2023.slice(0, 100));
    expect(top100).toBeCloseTo(62748.6, 6);
    expect((43547.3 / top100 - 1) * 100).toBeCloseTo(-30.6, 1);
  });

  test("lists fall strictly, carry one decimal, and run past rank 100", () => {
    for (const list of [RANKING_2024, RANKING_2023]) {
      expect(list.length).toBeGreaterThan(100);
      list.forEach((v, i) => {
        expect(Math.round(v * 10) / 10).toBe(v);
        if (i > 0) expect(v).toBeLessThan(list[i - 1]);
      });
    }
  });

  test("names: unique per year; most companies appear in both years, five are new in 2024", () => {
    const { current, previous } = rankingNames();
    expect(current).toHaveLength(RANKING_2024.length);
    expect(previous).toHaveLength(RANKING_2023.length);
    expect(new Set(current).size).toBe(current.length);
    expect(current.filter((n) => !previous.includes(n))).toHaveLength(5);
  });

  test("tierTenths hits its total exactly within its bounds, and refuses an impossible mean", () => {
    const xs = tierTenths(7, 5000, 10000, 49280);
    expect(sum(xs)).toBe(49280);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(5000);
    expect(Math.max(...xs)).toBeLessThan(10000);
    expect(() => tierTenths(3, 100, 200, 900)).toThrow();
  });
});

describe("the sample workbook", () => {
  const wb = sampleWorkbook();

  test("sheets, the active one, and the synthetic-data footnote", () => {
    expect(wb.sheets.map((s) => s.name)).toEqual(["说明", "2024年TOP100", "2023年TOP100", "国家统计局"]);
    expect(wb.activeSheet().name).toBe("2024年TOP100");
    const sheet = wb.sheet("2024年TOP100")!;
    expect(sheet.values({ row: 1, column: 0, rowCount: 1, columnCount: 3 })).toEqual([["排名", "企业名称", "销售额（亿元）"]]);
    const footnote = String(sheet.value(RANKING_2024.length + 2, 0));
    expect(footnote).toContain("企业名称与数值为合成数据");
    expect(sheet.freeze.rows).toBe(2);
    expect(sheet.style(5, 2).numberFormat).toBe("#,##0.0");
  });

  test("StatDesk's core reads both years and gets the published 2024 figures", () => {
    const inputs = ["2024年TOP100", "2023年TOP100"].map((name) => ({ source: { sheet: name, row: 0, column: 0 }, grid: grid(wb.sheet(name)!) }));
    const analysis = analyze(inputs, resolveOptions({}).options);
    expect(analysis.problems.filter((p) => p.severity === "error")).toEqual([]);
    const r = analysis.rankings[0];
    expect([r.year, r.previousYear]).toEqual([2024, 2023]);
    expect(r.tiers.map((t) => [t.count, t.countChange])).toEqual([[11, -5], [7, -12], [18, 4], [50, -17]]);
    expect(r.tiers.map((t) => t.mean)).toEqual([expect.closeTo(2001.4, 6), expect.closeTo(704.0, 6), expect.closeTo(375.7, 6), expect.closeTo(172.4, 6)]);
    const top100 = r.top.find((t) => t.n === 100)!;
    expect(top100.sum).toBeCloseTo(43547.3, 6);
    expect(top100.sumYoyPct).toBeCloseTo(-30.6, 1);
  });

  test("the NBS sheet holds the published figures and the core reads it as a series", () => {
    const sheet = wb.sheet("国家统计局")!;
    const analysis = analyze([{ source: { sheet: sheet.name, row: 0, column: 0 }, grid: grid(sheet) }], resolveOptions({}).options);
    const value = analysis.series.find((s) => s.category === "total" && s.quantity === "salesValue")!;
    const full2024 = value.points.find((p) => p.period === "2024-12")!;
    expect(full2024.value).toBe(96750);
    expect(full2024.publishedYoyPct).toBe(-17.1);
    const area = analysis.series.find((s) => s.category === "total" && s.quantity === "salesArea")!;
    expect(area.points.find((p) => p.period === "2023-06")!.publishedYoyPct).toBe(-5.3);
    const residential = analysis.series.filter((s) => s.category === "residential");
    expect(residential.map((s) => s.points.find((p) => p.period === "2024-12")?.publishedYoyPct).sort()).toEqual([-14.1, -17.6].sort());
  });
});
