// Golden figures for NBS national new-home sales (domain.md §2): every published row, the rate
// computed from the two published levels, the gap to the published (comparable-basis) rate, read
// from the data.stats.gov.cn layout and from a long table.

import { analyze } from "../../src/core/analyze";
import { Grid } from "../../src/core/cells";
import { resolveOptions } from "../../src/core/options";
import { formatFixed } from "../../src/core/rounding";
import { SeriesSummary } from "../../src/core/series";
import { NBS_PUBLISHED, nbsExportGrid, nbsLongGrid } from "../fixtures/nbs/build";

/** domain.md's "naive area YoY from levels" column. */
const NAIVE_AREA: Record<string, string> = { "2023-06": "-13.7", "2023-12": "-17.7", "2024-02": "-24.9", "2024-10": "-15.8", "2024-12": "-12.8" };

function seriesOf(grid: Grid, sheet: string): SeriesSummary[] {
  const { options } = resolveOptions({ singleMonths: true });
  const result = analyze([{ source: { sheet, row: 0, column: 0 }, grid }], options);
  expect(result.problems.filter((p) => p.severity !== "info")).toEqual([]);
  return [...result.series];
}

describe.each([
  ["data.stats.gov.cn export", () => seriesOf(nbsExportGrid(), "月度数据")],
  ["long table", () => seriesOf(nbsLongGrid(), "全国")],
])("%s", (_layout, read) => {
  const series = read();
  const area = series.find((s) => s.indicatorId === "total.salesArea")!;
  const value = series.find((s) => s.indicatorId === "total.salesValue")!;

  test("is read as cumulative monthly series in 万平方米 and 亿元", () => {
    expect([area.unit, area.cumulative, area.frequency, value.unit]).toEqual(["万平方米", true, "month", "亿元"]);
    expect(area.points.map((p) => p.label)).toEqual([
      "2022年1-6月", "2022年1-12月", "2023年1-2月", "2023年1-6月", "2023年1-10月", "2023年1-12月", "2024年1-2月", "2024年1-10月", "2024年1-12月",
    ]);
  });

  test.each(NBS_PUBLISHED.map((row) => [row]))("published row %p: levels and published rates", ([year, month, a, ay, v, vy]) => {
    const key = `${year}-${String(month).padStart(2, "0")}`;
    const pa = area.points.find((p) => p.period === key)!;
    const pv = value.points.find((p) => p.period === key)!;
    expect([pa.value, pa.publishedYoyPct, pv.value, pv.publishedYoyPct]).toEqual([a, ay, v, vy]);
  });

  test("computed rates, their gaps and flags", () => {
    for (const p of area.points) {
      const naive = NAIVE_AREA[p.period];
      if (naive === undefined) {
        expect(p.yoyPct).toBeNull(); // no same period a year earlier in the table
        expect(p.basisGapPts).toBeNull();
        continue;
      }
      expect(formatFixed(p.yoyPct!, 1)).toBe(naive);
      expect(p.basisGapPts).toBeCloseTo(p.yoyPct! - p.publishedYoyPct!, 12);
    }
    const full2024 = area.points.find((p) => p.period === "2024-12")!;
    expect(full2024).toMatchObject({ previous: 111735, basisFlag: false });
    expect(full2024.yoyPct).toBeCloseTo(-12.84, 2);
    expect(full2024.basisGapPts).toBeCloseTo(0.06, 2);
    const full2023 = area.points.find((p) => p.period === "2023-12")!;
    expect(full2023.basisFlag).toBe(true); // −17.7 computed against −8.5 published
    expect(full2023.basisGapPts).toBeCloseTo(-9.24, 2);
  });

  test("rate changes in percentage points, from the published rounded rates", () => {
    const full2024 = area.points.find((p) => p.period === "2024-12")!;
    expect(full2024.rateChange).toMatchObject({ previousPeriod: "2024-10", previousRate: -15.8, rate: -12.9, changePts: 2.9, trend: "decline-narrowed", adjacent: false });
    const h1 = value.points.find((p) => p.period === "2023-06")!;
    expect(h1.rateChange).toMatchObject({ previousRate: -0.1, rate: 1.1, trend: "turned-up" });
  });

  test("single months only from m >= 3 with the month before; never January", () => {
    expect(area.points.every((p) => p.singleMonth === null)).toBe(true); // no consecutive months here
  });
});

test("single months from consecutive cumulative months", () => {
  const grid: Grid = [
    ["指标", "2024年3月", "2024年2月", "2024年1月", "2023年3月", "2023年2月"],
    ["商品房销售面积累计值(万平方米)", 22668, 11369, "", 26622, 15133],
  ];
  const [area] = seriesOf(grid, "S");
  const march = area.points.find((p) => p.period === "2024-03")!;
  expect([march.singleMonth, march.singleMonthPrevious]).toEqual([22668 - 11369, 26622 - 15133]);
  expect(march.singleMonthYoyPct).toBeCloseTo(((22668 - 11369) / (26622 - 15133) - 1) * 100, 10);
  expect(area.points.find((p) => p.period === "2024-02")!.singleMonth).toBeNull();
  expect(area.points.some((p) => p.period === "2024-01")).toBe(false);
});

test("a long table by region, periods as Excel date serials and as 2024M12", () => {
  const grid: Grid = [
    ["地区", "时间", "商品房销售面积累计值(万平方米)", "商品房销售面积累计增长(%)"],
    ["北京", 45627, 900, -5], // 2024-12-01 as a date serial: December 2024
    ["北京", "2023M12", 1000, 3],
    ["上海", 45627, 1500, 2],
    ["上海", "2023M12", 1400, -1],
  ];
  const series = seriesOf(grid, "分地区");
  const beijing = series.find((s) => s.region === "北京")!;
  expect(beijing.points.map((p) => [p.period, p.value, p.publishedYoyPct])).toEqual([
    ["2023-12", 1000, 3],
    ["2024-12", 900, -5],
  ]);
  expect(beijing.points[1].yoyPct).toBeCloseTo(-10, 10);
  expect(series.find((s) => s.region === "上海")!.points[1].yoyPct).toBeCloseTo((1500 / 1400 - 1) * 100, 10);
});

test("annual exports (2024, 2023 … across the top) and old names without 新建", () => {
  const grid: Grid = [
    ["数据库：年度数据"],
    ["指标", "2024年", "2023年", "2022年"],
    ["商品房销售面积(万平方米)", 97385, 111735, 135837],
    ["办公楼销售面积(万平方米)", "", 2795, 3256],
    ["注：按可比口径计算。"],
  ];
  const series = seriesOf(grid, "年度数据");
  const total = series.find((s) => s.indicatorId === "total.salesArea")!;
  expect([total.frequency, total.cumulative]).toEqual(["year", false]);
  expect(total.points.map((p) => [p.period, p.label])).toEqual([
    ["2022", "2022年"],
    ["2023", "2023年"],
    ["2024", "2024年"],
  ]);
  expect(total.points[2].yoyPct).toBeCloseTo((97385 / 111735 - 1) * 100, 10);
  expect(series.find((s) => s.indicatorId === "office.salesArea")!.points.map((p) => p.period)).toEqual(["2022", "2023"]);
});
