// Golden figures: the published tier tables of China Index Academy (domain.md §1), rebuilt from
// synthetic enterprise lists that match the published aggregates. Expected values are the
// published ones; display rounding is 四舍五入 to one decimal as the reports print them.

import { analyze } from "../../src/core/analyze";
import { Grid } from "../../src/core/cells";
import { resolveOptions } from "../../src/core/options";
import { RankingSummary } from "../../src/core/ranking";
import { formatFixed } from "../../src/core/rounding";
import { CIA_2022_H1, CIA_2023, CIA_2023_H1, CIA_2024 } from "../fixtures/rankings/synthetic";
import { NAMES_2023_H1, NAMES_2024 } from "../fixtures/rankings/build";

const one = (x: number | null) => (x === null ? null : formatFixed(x, 1));

function listGrid(title: string, values: readonly number[], names: readonly string[]): Grid {
  return [[title], ["排名", "企业名称", "销售额（亿元）"], ...values.map((v, i) => [i + 1, names[i], v])];
}

function summarize(grids: { sheet: string; grid: Grid }[]): RankingSummary {
  const { options } = resolveOptions({});
  const result = analyze(
    grids.map((g) => ({ source: { sheet: g.sheet, row: 0, column: 0 }, grid: g.grid })),
    options,
  );
  expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
  expect(result.rankings).toHaveLength(1);
  return result.rankings[0];
}

describe("2024 full year, 中指 (seed 000)", () => {
  const r = summarize([
    { sheet: "2024年", grid: listGrid("2024年房企销售额排行（单位：亿元）", CIA_2024, NAMES_2024.current) },
    { sheet: "2023年", grid: listGrid("2023年房企销售额排行（单位：亿元）", CIA_2023, NAMES_2024.previous) },
  ]);

  test("years and list sizes", () => {
    expect([r.year, r.previousYear, r.enterprises, r.previousEnterprises]).toEqual([2024, 2023, 110, 126]);
  });

  test("tier counts, changes and means as published", () => {
    const rows = r.tiers.map((t) => [t.label, t.count, t.countChange, one(t.mean)]);
    expect(rows).toEqual([
      ["1000亿以上", 11, -5, "2001.4"],
      ["500-1000亿", 7, -12, "704.0"],
      ["300-500亿", 18, 4, "375.7"],
      ["100-300亿", 50, -17, "172.4"],
    ]);
    expect([r.hundredBillionCount, r.previousHundredBillionCount]).toEqual([86, 116]);
  });

  test("TOP100 total 43547.3亿元, −30.6%", () => {
    const top100 = r.top.find((t) => t.n === 100)!;
    expect(one(top100.sum)).toBe("43547.3");
    expect(one(top100.sumYoyPct)).toBe("-30.6");
    expect(top100.sum).toBeCloseTo(43547.3, 6);
  });

  test("ranks 87-100 hold the 1221.3 the tier means leave over (domain.md check)", () => {
    const tiersTotal = r.tiers.reduce((a, t) => a + t.sum, 0);
    expect(tiersTotal).toBeCloseTo(42326.0, 6);
    expect(r.top.find((t) => t.n === 100)!.sum! - tiersTotal).toBeCloseTo(1221.3, 6);
  });
});

describe("2023 H1, 中指", () => {
  const r = summarize([
    { sheet: "2023年上半年", grid: listGrid("2023年1-6月房企销售额排行（单位：亿元）", CIA_2023_H1, NAMES_2023_H1.current) },
    { sheet: "2022年上半年", grid: listGrid("2022年1-6月房企销售额排行（单位：亿元）", CIA_2022_H1, NAMES_2023_H1.previous) },
  ]);

  test("it is a half year compared with the same half year", () => {
    expect([r.year, r.previousYear, r.fromMonth, r.toMonth, r.period]).toEqual([2023, 2022, 1, 6, "2023年1-6月"]);
  });

  test("tier counts, changes and means as published", () => {
    expect(r.tiers.map((t) => [t.count, t.countChange, one(t.mean)])).toEqual([
      [7, -2, "1793.7"],
      [10, 3, "784.3"],
      [16, -1, "358.3"],
      [45, -7, "171.4"],
    ]);
  });

  test("TOP100 35682.3亿元 (+0.1%), 百亿企业 78 (−7)", () => {
    const top100 = r.top.find((t) => t.n === 100)!;
    expect([one(top100.sum), one(top100.sumYoyPct)]).toEqual(["35682.3", "0.1"]);
    expect(r.hundredBillionCount).toBe(78);
    expect(r.hundredBillionCount! - r.previousHundredBillionCount!).toBe(-7);
  });

  test("rank-group means and their YoY as published", () => {
    expect(r.groups.map((g) => [`${g.from}-${g.to}`, one(g.mean), one(g.meanYoyPct)])).toEqual([
      ["1-10", "1542.0", "6.0"],
      ["11-30", "489.3", "1.0"],
      ["31-50", "241.0", "-6.4"],
      ["51-100", "113.1", "-9.6"],
    ]);
  });
});
