// Checks on NBS series input that must never pass silently: a cumulative figure that falls
// (a negative single month), a period column given twice, an Excel error in a figure, and rate
// changes that would compare rates computed from levels rather than published ones.
// Figures are the published ones of domain.md §2 unless a test says it altered them.

import { analyze } from "../../src/core/analyze";
import { Grid } from "../../src/core/cells";
import { problemMessage } from "../../src/core/messages";
import { resolveOptions } from "../../src/core/options";

function run(grid: Grid, sheet: string, singleMonths = false) {
  const { options } = resolveOptions({ singleMonths });
  return analyze([{ source: { sheet, row: 0, column: 0 }, grid }], options);
}

describe("a cumulative series that falls", () => {
  // 2024 1—3月 22668 is published; 1—4月 20000 is altered to fall below it.
  const grid: Grid = [
    ["指标", "2024年4月", "2024年3月", "2023年4月", "2023年3月"],
    ["新建商品房销售面积累计值(万平方米)", 20000, 22668, 35774, 26622],
  ];

  test("is warned about, naming both cumulative cells", () => {
    const result = run(grid, "S", true);
    const fell = result.problems.filter((p) => p.code === "series-cumulative-fell");
    expect(fell).toEqual([
      {
        code: "series-cumulative-fell",
        severity: "warning",
        location: "S!B2",
        params: {
          indicator: "新建商品房销售面积",
          indicatorEn: "the floor area sold of new commercial housing",
          period: "2024年1-4月",
          periodEn: "Jan–Apr 2024",
          value: 20000,
          previousPeriod: "2024年1-3月",
          previousPeriodEn: "Jan–Mar 2024",
          previousValue: 22668,
          previousLocation: "S!C2",
        },
      },
    ]);
    expect(problemMessage(fell[0], "zh-CN")).toBe(
      "新建商品房销售面积 2024年1-4月累计值 20000 低于 2024年1-3月累计值 22668（S!C2）：单月值为负，单月同比留空；请核对这两个单元格。",
    );
    expect(problemMessage(fell[0], "en-US")).toBe(
      "Jan–Apr 2024, the floor area sold of new commercial housing: the year-to-date figure 20000 is below 22668 for Jan–Mar 2024 (S!C2), so the single month is negative and its year-on-year change is left blank. Check both cells.",
    );
  });

  test("keeps the negative single month but leaves its YoY blank", () => {
    const [area] = run(grid, "S", true).series;
    const april = area.points.find((p) => p.period === "2024-04")!;
    expect(april.singleMonth).toBe(20000 - 22668);
    expect(april.singleMonthPrevious).toBe(35774 - 26622);
    expect(april.singleMonthYoyPct).toBeNull();
  });

  test("without single months asked for, nothing is derived from it and nothing is said", () => {
    const result = run(grid, "S", false);
    expect(result.problems.filter((p) => p.code === "series-cumulative-fell")).toEqual([]);
    expect(result.series[0].points.every((p) => p.singleMonth === undefined)).toBe(true);
  });

  test("a series that rises is not warned about and keeps its single-month YoY", () => {
    const rising: Grid = [grid[0], ["新建商品房销售面积累计值(万平方米)", 30000, 22668, 35774, 26622]];
    const result = run(rising, "S", true);
    expect(result.problems.filter((p) => p.code === "series-cumulative-fell")).toEqual([]);
    const april = result.series[0].points.find((p) => p.period === "2024-04")!;
    expect(april.singleMonthYoyPct).toBeCloseTo(((30000 - 22668) / (35774 - 26622) - 1) * 100, 10);
  });
});

describe("a period column given twice", () => {
  // The second 2024年12月 column is altered (90000, −20.0) so that a mix of the two shows.
  const grid: Grid = [
    ["指标", "2024年12月", "2023年12月", "2024年12月"],
    ["新建商品房销售面积累计值(万平方米)", 97385, 111735, 90000],
    ["新建商品房销售面积累计增长(%)", -12.9, -8.5, -20],
  ];

  test("is warned about, naming both header cells, and the first column is used", () => {
    const result = run(grid, "S");
    const repeated = result.problems.filter((p) => p.code === "series-period-repeated");
    expect(repeated).toEqual([
      { code: "series-period-repeated", severity: "warning", location: "S!D1", params: { period: "2024年12月", used: "S!B1", ignored: "S!D1" } },
    ]);
    expect(problemMessage(repeated[0], "zh-CN")).toBe("时间“2024年12月”出现两次（S!B1、S!D1）：使用了 S!B1 所在列，S!D1 所在列未计入。");
    expect(problemMessage(repeated[0], "en-US")).toBe("The period \"2024年12月\" appears twice (S!B1, S!D1): the column of S!B1 was used and the column of S!D1 was left out.");
    const full2024 = result.series[0].points.find((p) => p.period === "2024-12")!;
    expect([full2024.value, full2024.publishedYoyPct, full2024.location]).toEqual([97385, -12.9, "S!B2"]);
  });

  test("a long table with the same period twice keeps the first row and names both cells", () => {
    const long: Grid = [
      ["时间", "新建商品房销售面积累计值(万平方米)"],
      ["2024年12月", 97385],
      ["2023年12月", 111735],
      ["2024年12月", 90000],
    ];
    const result = run(long, "L");
    const repeated = result.problems.filter((p) => p.code === "series-value-repeated");
    expect(repeated).toEqual([
      { code: "series-value-repeated", severity: "warning", location: "L!B4", params: { indicator: "新建商品房销售面积", indicatorEn: "the floor area sold of new commercial housing", period: "2024年1-12月", periodEn: "Jan–Dec 2024", used: "L!B2", ignored: "L!B4" } },
    ]);
    expect(problemMessage(repeated[0], "zh-CN")).toBe("新建商品房销售面积 2024年1-12月有两个数值（L!B2、L!B4）：使用了 L!B2，L!B4 未计入；请核对是否重复。");
    expect(result.series[0].points.find((p) => p.period === "2024-12")!.value).toBe(97385);
  });
});

test("the same indicator row twice in an NBS export: the first row is used, both cells named", () => {
  const grid: Grid = [
    ["指标", "2024年12月", "2023年12月"],
    ["新建商品房销售面积累计值(万平方米)", 97385, 111735],
    ["商品房销售面积_累计值(万平方米)", 90000, 111735],
  ];
  const result = run(grid, "S");
  expect(result.problems.filter((p) => p.code === "series-value-repeated").map((p) => [p.location, p.params.used])).toEqual([
    ["S!B3", "S!B2"],
    ["S!C3", "S!C2"],
  ]);
  expect(result.series[0].points.map((p) => p.value)).toEqual([111735, 97385]);
});

test("an Excel error in a series names the indicator as NBS names it that year, not by its id", () => {
  const grid: Grid = [
    ["指标", "2024年12月", "2023年12月"],
    ["新建商品房销售面积累计值(万平方米)", 97385, 111735],
    ["新建商品房销售额累计值(亿元)", "#N/A", 116622],
    ["新建商品房销售额累计增长(%)", "#N/A", -6.5],
  ];
  const missing = run(grid, "n4.csv").problems.filter((p) => p.code === "missing-value");
  // A sheet named "n4.csv" is quoted in a location as in a formula (a period is no letter or digit).
  expect(missing.map((p) => [p.location, problemMessage(p, "zh-CN")])).toEqual([
    ["'n4.csv'!B3", "“新建商品房销售额”2024年的数值为 Excel 错误值（#N/A），未计入该年统计。"],
    ["'n4.csv'!B4", "“新建商品房销售额增速”2024年的数值为 Excel 错误值（#N/A），未计入该年统计。"],
  ]);
  expect(problemMessage(missing[0], "en-US")).toBe('The 2024 figure of "sales of new commercial housing" holds an Excel error (#N/A); it is left out of that year.');
  expect(problemMessage(missing[1], "en-US")).toBe('The 2024 figure of "the growth rate of sales of new commercial housing" holds an Excel error (#N/A); it is left out of that year.');
});

describe("rate changes compare published rates only", () => {
  test("levels without published rates: no rate change", () => {
    // The reviewer's annual export: rates from levels −17.7 → −12.8 would read as 缩窄4.9,
    // while the published rates −8.5 → −12.9 widened.
    const grid: Grid = [
      ["指标", "2024年", "2023年", "2022年"],
      ["新建商品房销售面积(万平方米)", 97385, 111735, 135837],
      ["新建商品房销售额(亿元)", 96750, 116622, 133308],
    ];
    for (const s of run(grid, "annual.csv").series) {
      expect(s.points.map((p) => p.rateChange)).toEqual([null, null, null]);
    }
  });

  test("a published rate against a computed one: no rate change", () => {
    const grid: Grid = [
      ["指标", "2024年12月", "2023年12月", "2022年12月"],
      ["新建商品房销售面积累计值(万平方米)", 97385, 111735, 135837],
      ["新建商品房销售面积累计增长(%)", -12.9, "", ""],
    ];
    const [area] = run(grid, "S").series;
    expect(area.points.find((p) => p.period === "2024-12")!.rateChange).toBeNull();
  });
});
