// The summary sheet for the whole release (issue #11 §3): one table per group in the release's
// order, each row an indicator (the whole, then its parts); per indicator a regional table, the
// nation first and the regions ranked, with a bar chart of their rates, named for refresh.

import { Analysis } from "../../src/core/analyze";
import { resolveOptions } from "../../src/core/options";
import { compareRegions } from "../../src/core/regions";
import { SeriesSummary } from "../../src/core/series";
import { buildSummary } from "../../src/core/summary/build";
import { release2024, releaseSeries } from "../fixtures/nbs/release";

function sheetOf(series: SeriesSummary[], language: "zh-CN" | "en-US" = "zh-CN") {
  const { options } = resolveOptions({});
  const analysis: Analysis = { options, tables: [], rankings: [], series, targets: [], regions: compareRegions(series, options.rounding), problems: [] };
  return buildSummary({ analysis, language, sheetName: "汇总", colours: "red-up", generatedOn: "2026-11-22", version: "9.9.9" });
}

type Sheet = ReturnType<typeof sheetOf>;
const block = (m: Sheet, section: string) => {
  const rect = m.sections[section];
  expect(rect).toBeDefined();
  return m.values.slice(rect.row, rect.row + rect.rowCount).map((r) => r.slice(rect.column, rect.column + rect.columnCount));
};
/** Numbers to 12 significant places, so fractions computed two ways compare equal. */
const approx = (rows: unknown[][]) => rows.map((r) => r.map((v) => (typeof v === "number" ? Number(v.toPrecision(12)) : v)));
const titleAbove = (m: Sheet, section: string) => m.values[m.sections[section].row - 1][0];

// Synthetic provinces beside the published national 2024 figures.
const regional = () => [
  releaseSeries("total", "salesArea", [{ period: "2024-12", value: 4973, published: -8.24 }], "北京市"),
  releaseSeries("total", "salesArea", [{ period: "2024-12", value: 8000, published: 5.3 }], "广东省"),
  releaseSeries("total", "salesArea", [{ period: "2024-12", value: 1000, previous: 1250 }], "天津市"),
  releaseSeries("residential", "investment", [{ period: "2024-12", value: 3000, published: -2.0 }], "北京市"),
];

describe("the release's tables", () => {
  const sheet = sheetOf(release2024());

  test("one table per group, in the release's order, titled with the period", () => {
    const groups = ["investment", "construction", "sales", "stock", "funds"].map((g) => `release_${g}`);
    const rows = groups.map((g) => sheet.sections[g].row);
    expect([...rows].sort((a, b) => a - b)).toEqual(rows);
    expect(titleAbove(sheet, "release_investment")).toBe("一、房地产开发投资（2024年1-12月）");
    expect(titleAbove(sheet, "release_funds")).toBe("五、房地产开发企业到位资金（2024年1-12月）");
  });

  test("each row an indicator, the whole before its parts, with level, rates and gap", () => {
    expect(block(sheet, "release_investment")).toEqual([
      ["指标", "单位", "本期数值", "上年同期数值", "同比（公布，可比口径）", "同比（按公布数据计算）", "差距（个百分点）", "提示"],
      ["房地产开发投资", "亿元", 100280, null, -0.106, null, null, null],
      ["其中：住宅投资", "亿元", 76040, null, -0.105, null, null, null],
    ]);
    expect(block(sheet, "release_construction").slice(1).map((r) => [r[0], r[2]])).toEqual([
      ["房屋施工面积", 733247],
      ["房屋新开工面积", 73893],
      ["房屋竣工面积", 73743],
    ]);
    expect(block(sheet, "release_sales").slice(1).map((r) => r[0])).toEqual(["新建商品房销售面积", "其中：住宅销售面积", "新建商品房销售额", "其中：住宅销售额"]);
    expect(block(sheet, "release_stock").slice(1)).toEqual([["商品房待售面积", "万平方米", 75327, null, null, null, null, null]]);
    expect(block(sheet, "release_funds").slice(1).map((r) => r[0])).toEqual([
      "房地产开发企业到位资金",
      "其中：国内贷款",
      "其中：利用外资",
      "其中：自筹资金",
      "其中：定金及预收款",
      "其中：个人按揭贷款",
    ]);
    const rect = sheet.sections.release_investment;
    expect(sheet.numberFormats[rect.row + 1].slice(2, 7)).toEqual(["#,##0", "#,##0", "[Red]▲0.0%;[Color10]▼0.0%;0.0%", "[Red]▲0.0%;[Color10]▼0.0%;0.0%", "[Red]▲0.0;[Color10]▼0.0;0.0"]);
  });

  test("a computed rate beside the published one, with its gap (2024 investment: −9.6 computed against −10.6)", () => {
    const m = sheetOf([releaseSeries("total", "investment", [{ period: "2024-12", value: 100280, previous: 110913, published: -10.6 }])]);
    const [, row] = block(m, "release_investment");
    expect(row[3]).toBe(110913);
    expect(row[5] as number).toBeCloseTo(100280 / 110913 - 1, 12);
    expect(row[6] as number).toBeCloseTo((100280 / 110913 - 1) * 100 + 10.6, 10); // +1.0 pt (domain.md §5)
  });

  test("in English", () => {
    const m = sheetOf(release2024(), "en-US");
    expect(titleAbove(m, "release_investment")).toBe("I. Investment in real estate development (Jan–Dec 2024)");
    expect(block(m, "release_investment").slice(1).map((r) => r[0])).toEqual(["Investment in real estate development", "of which: residential"]);
    expect(block(m, "release_funds")[2][0]).toBe("of which: domestic loans");
  });
});

describe("regional tables", () => {
  const series = [...release2024(), ...regional()];
  const sheet = sheetOf(series);

  test("the nation first, then the regions ranked by rate: rate, basis, level, nation's rate, gap, share", () => {
    expect(approx(block(sheet, "regions_total_salesArea"))).toEqual(approx([
      ["地区", "同比", "增速口径", "本期数值", "全国同比（同一口径）", "比全国高（+）低（−）（个百分点）", "占全国比重"],
      ["全国", -0.129, "公布（可比口径）", 97385, null, null, 1],
      ["广东省", 0.053, "公布（可比口径）", 8000, -0.129, 18.2, 8000 / 97385],
      ["北京市", -0.0824, "公布（可比口径）", 4973, -0.129, 4.7, 4973 / 97385],
      // levels only: computed −20.0%, and the nation has no computed rate, so no gap
      ["天津市", -0.2, "按公布数据计算", 1000, -0.129, null, 1000 / 97385],
    ]));
    expect(titleAbove(sheet, "regions_total_salesArea")).toBe("各地区新建商品房销售面积（2024年1-12月，万平方米）");
    expect(titleAbove(sheet, "regions_residential_investment")).toBe("各地区住宅投资（2024年1-12月，亿元）");
  });

  test("a bar chart of the rates beside each whole's table, named for refresh; parts get a table only", () => {
    const c = sheet.charts.find((x) => x.name === "StatDesk_regions_total_salesArea")!;
    const rect = sheet.sections.regions_total_salesArea;
    expect(c).toMatchObject({ kind: "ColumnClustered", source: { row: rect.row, column: 0, rowCount: 5, columnCount: 2 }, seriesNames: ["同比"], numberFormat: "0.0%" });
    expect(c.title).toBe("2024年1-12月各地区新建商品房销售面积同比增速");
    expect(sheet.charts.map((x) => x.name).filter((n) => n.startsWith("StatDesk_regions_"))).toEqual(["StatDesk_regions_total_salesArea"]);
    // A refresh with other figures gives the same names.
    const again = sheetOf([...release2024(), ...regional().slice(0, 2)]);
    expect(again.charts.map((x) => x.name)).toEqual(sheet.charts.map((x) => x.name));
    expect(Object.keys(sheet.sections).filter((k) => k.startsWith("regions_"))).toEqual(["regions_residential_investment", "regions_total_salesArea"]) // release order: investment first;
    expect(Object.keys(again.sections).filter((k) => k.startsWith("regions_"))).toEqual(["regions_total_salesArea"]);
  });

  test("a region's single period is in the regional table only; its history table comes with several periods", () => {
    const historyTitles = (m: Sheet) => Object.keys(m.sections).filter((k) => k.startsWith("series_")).map((k) => titleAbove(m, k));
    expect(historyTitles(sheet).some((t) => String(t).startsWith("北京市"))).toBe(false);
    const twoPeriods = releaseSeries("total", "salesArea", [{ period: "2024-11", value: 4400, published: -9.0 }, { period: "2024-12", value: 4973, published: -8.2 }], "北京市");
    const m = sheetOf([...release2024(), twoPeriods]);
    expect(historyTitles(m)).toContain("北京市 商品房销售面积（万平方米）");
  });

  test("in English: region names and labels", () => {
    const m = sheetOf(series, "en-US");
    expect(block(m, "regions_total_salesArea").map((r) => r[0])).toEqual(["Region", "National", "Guangdong", "Beijing", "Tianjin"]);
    expect(block(m, "regions_total_salesArea")[4][2]).toBe("computed from levels");
  });
});

describe("the release's tables without some groups", () => {
  test("are numbered by the groups present: 一、二、三 with no gap where construction is missing", () => {
    const sheet = sheetOf(release2024().filter((s) => !["underConstructionArea", "newStartsArea", "completedArea", "funds"].includes(s.quantity)));
    expect(["release_investment", "release_sales", "release_stock"].map((g) => String(titleAbove(sheet, g)).slice(0, 2))).toEqual(["一、", "二、", "三、"]);
    expect(sheet.sections["release_construction"]).toBeUndefined();
  });
});
