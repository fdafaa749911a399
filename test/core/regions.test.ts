// Regions against the nation (issue #11 §4): the gap in 个百分点 from the rates as printed, the
// share of the national level, the ranking, and the sentences for every sign combination.
// Regional figures are synthetic (chosen to exercise each rule); national ones are the published 2024 figures.

import { analyze } from "../../src/core/analyze";
import { Grid } from "../../src/core/cells";
import { narrative } from "../../src/core/narrative";
import * as en from "../../src/core/narrative/en-US";
import * as zh from "../../src/core/narrative/zh-CN";
import { resolveOptions } from "../../src/core/options";
import { compareRegions, gapFromPrinted, rankRegions, regionNameEn } from "../../src/core/regions";
import { reportJson } from "../../src/core/report-json";
import { SeriesSummary } from "../../src/core/series";
import { PointSpec, release2024, releaseSeries } from "../fixtures/nbs/release";

const NATION_AREA = releaseSeries("total", "salesArea", [{ period: "2024-12", value: 97385, published: -12.9 }]);
const area = (region: string, spec: Omit<PointSpec, "period">) => releaseSeries("total", "salesArea", [{ period: "2024-12", ...spec }], region);
const nationArea = (published: number) => releaseSeries("total", "salesArea", [{ period: "2024-12", value: 97385, published }]);

describe("compareRegions", () => {
  test("the region's rate as published, the nation's, the gap from the printed rates, the share", () => {
    // −8.24 prints −8.2; −12.9 − (−8.2) = 4.7 (issue #11's example)
    const [c] = compareRegions([NATION_AREA, area("北京市", { value: 4973, published: -8.24 })], "half-away");
    expect(c).toMatchObject({
      indicatorId: "total.salesArea",
      period: "2024-12",
      region: "北京市",
      value: 4973,
      yoyPct: -8.24,
      yoyBasis: "published",
      nationalValue: 97385,
      nationalYoyPct: -12.9,
      nationalYoyBasis: "published",
      gapPts: 4.7,
    });
    expect(c.shareOfNationalPct).toBeCloseTo((4973 / 97385) * 100, 10); // 5.1066…
  });

  test("the gap is taken from the rounded rates, not the unrounded ones", () => {
    // −8.26 prints −8.3 and −12.94 prints −12.9: 4.6 printed, though the unrounded gap 4.68 would print 4.7
    expect(gapFromPrinted(-8.26, -12.94, "half-away")).toBe(4.6);
    // each rounding rule applied once to each rate: −8.25 is −8.3 half away from zero, −8.2 half to even
    expect(gapFromPrinted(-8.25, -12.9, "half-away")).toBe(4.6);
    expect(gapFromPrinted(-8.25, -12.9, "half-even")).toBe(4.7);
    const [c] = compareRegions([nationArea(-12.94), area("北京市", { value: 4973, published: -8.26 })], "half-away");
    expect(c.gapPts).toBe(4.6);
  });

  test("a computed rate is compared with the nation's computed rate, never with a comparable-basis one", () => {
    // Levels only for the region: its rate is computed; the nation's published −8.5 is on another basis.
    const nation2023 = releaseSeries("total", "salesArea", [{ period: "2023-12", value: 111735, previous: 135837, published: -8.5 }]);
    const region = releaseSeries("total", "salesArea", [{ period: "2023-12", value: 1200, previous: 1500 }], "上海市");
    const [c] = compareRegions([nation2023, region], "half-away");
    expect(c).toMatchObject({ yoyBasis: "computed", nationalYoyBasis: "computed" });
    expect(c.yoyPct).toBeCloseTo(-20, 10);
    expect(c.nationalYoyPct).toBeCloseTo((111735 / 135837 - 1) * 100, 10); // −17.7 from levels
    expect(c.gapPts).toBe(-2.3); // −20.0 − (−17.7)
    const nationPublishedOnly = releaseSeries("total", "salesArea", [{ period: "2023-12", value: 111735, published: -8.5 }]);
    const [d] = compareRegions([nationPublishedOnly, region], "half-away");
    expect(d).toMatchObject({ yoyBasis: "computed", nationalYoyPct: -8.5, nationalYoyBasis: "published", gapPts: null });
  });

  test("the nation's point is taken from whichever national series has the period (an export, a 全国总计 row)", () => {
    const export2023 = releaseSeries("total", "salesArea", [{ period: "2023-12", value: 111735, published: -8.5 }]);
    const nationRow2024 = releaseSeries("total", "salesArea", [{ period: "2024-12", value: 97385, published: -12.9 }]);
    const [c] = compareRegions([export2023, nationRow2024, area("北京市", { value: 4973, published: -8.2 })], "half-away");
    expect([c.nationalYoyPct, c.gapPts, c.nationalValue]).toEqual([-12.9, 4.7, 97385]);
  });

  test("a region without a national series is kept, its national figures blank; 全国 in a region cell is the nation", () => {
    const labelledNation = releaseSeries("total", "salesArea", [{ period: "2024-12", value: 97385, published: -12.9 }], "全国");
    const rows = compareRegions([labelledNation, area("北京市", { value: 4973, published: -8.2 }), releaseSeries("total", "investment", [{ period: "2024-12", value: 900, published: -3 }], "北京市")], "half-away");
    expect(rows.map((r) => [r.indicatorId, r.region, r.gapPts])).toEqual([
      ["total.investment", "北京市", null], // release order: investment first
      ["total.salesArea", "北京市", 4.7],
    ]);
    expect(rows[0]).toMatchObject({ nationalValue: null, nationalYoyPct: null, shareOfNationalPct: null });
  });

  test("ranking: the economic regions in the release's order, then provinces by rate, a region without a rate last", () => {
    const series = [
      NATION_AREA,
      area("西部地区", { value: 20000, published: -15.0 }),
      area("河北省", { value: 3000, published: -8.2 }),
      area("东部地区", { value: 50000, published: -10.0 }),
      area("广东省", { value: 8000, published: 5.3 }),
      area("西藏自治区", { value: 60 }),
      area("四川省", { value: 5000, published: -15.0 }),
      area("上海市", { value: 1800, published: 1.0 }),
    ];
    expect(rankRegions(compareRegions(series, "half-away")).map((r) => r.region)).toEqual(["东部地区", "西部地区", "广东省", "上海市", "河北省", "四川省", "西藏自治区"]);
  });

  test("Analysis.regions and the JSON's regions key", () => {
    const grid: Grid = [
      ["年份", "期间", "地区", "指标", "累计值", "累计增长(%)"],
      [2024, "1-12月", "北京市", "新建商品房销售面积(万平方米)", 4973, -8.2],
      [2024, "1-12月", "全国", "新建商品房销售面积(万平方米)", 97385, -12.9],
    ];
    const analysis = analyze([{ source: { sheet: "分省", row: 0, column: 0 }, grid }], resolveOptions({}).options);
    const regional = analysis.series.filter((s) => s.region !== null && s.region !== "全国");
    expect(regional.length).toBe(1);
    expect(analysis.regions.map((r) => [r.region, r.yoyPct, r.nationalYoyPct, r.gapPts])).toEqual([["北京市", -8.2, -12.9, 4.7]]);
    const json = reportJson(analysis, "zh-CN") as Record<string, unknown>;
    expect(Object.keys(json).slice(0, 5)).toEqual(["rankings", "series", "targets", "narrative", "warnings"]);
    expect((json.regions as Record<string, unknown>[])[0]).toMatchObject({ indicatorId: "total.salesArea", period: "2024-12", region: "北京市", value: 4973, yoyPct: -8.2, yoyBasis: "published", nationalYoyPct: -12.9, gapPts: 4.7 });
  });
});

describe("sentences", () => {
  const sentence = (regionRate: number, nationRate: number, language: "zh-CN" | "en-US" = "zh-CN") => {
    const series = [nationArea(nationRate), area("北京市", { value: 4973, published: regionRate })];
    return (language === "zh-CN" ? zh : en).regionSentences(series, "half-away")[0];
  };

  test("both down, the region less: 降幅比全国小 (issue #11's figures)", () => {
    expect(sentence(-8.24, -12.9)).toBe("2024年，北京市新建商品房销售面积4973万平方米，同比下降8.2%，降幅比全国小4.7个百分点，占全国的比重为5.1%。");
    expect(sentence(-8.24, -12.9, "en-US")).toBe(
      "In 2024, the floor area sold of new commercial housing in Beijing was 49.73 million sq m, down 8.2% year on year, 4.7 percentage points less than the national decline, accounting for 5.1% of the national total.",
    );
  });

  test("both down, the region more: 降幅比全国大", () => {
    expect(sentence(-15.0, -12.9)).toContain("同比下降15.0%，降幅比全国大2.1个百分点，");
    expect(sentence(-15.0, -12.9, "en-US")).toContain("down 15.0% year on year, 2.1 percentage points more than the national decline,");
  });

  test("both up: 增速比全国高 / 低", () => {
    expect(sentence(5.3, 1.0)).toContain("同比增长5.3%，增速比全国高4.3个百分点，");
    expect(sentence(0.5, 1.0)).toContain("同比增长0.5%，增速比全国低0.5个百分点，");
    expect(sentence(5.3, 1.0, "en-US")).toContain("up 5.3% year on year, 4.3 percentage points above the national growth rate,");
    expect(sentence(0.5, 1.0, "en-US")).toContain("up 0.5% year on year, 0.5 percentage points below the national growth rate,");
  });

  test("one up, one down: 增速比全国高 / 低 by the difference of the rates", () => {
    expect(sentence(1.0, -12.9)).toContain("同比增长1.0%，增速比全国高13.9个百分点，");
    expect(sentence(-2.0, 3.0)).toContain("同比下降2.0%，增速比全国低5.0个百分点，");
    expect(sentence(0.0, -12.9)).toContain("同比持平，增速比全国高12.9个百分点，");
    expect(sentence(1.0, -12.9, "en-US")).toContain("up 1.0% year on year, 13.9 percentage points above the national rate,");
    expect(sentence(-2.0, 3.0, "en-US")).toContain("down 2.0% year on year, 5.0 percentage points below the national rate,");
  });

  test("equal printed rates: 与全国持平, even when the unrounded ones differ", () => {
    expect(sentence(-12.94, -12.86)).toContain("同比下降12.9%，与全国持平，");
    expect(sentence(-12.94, -12.86, "en-US")).toContain("down 12.9% year on year, in line with the national rate,");
  });

  test("with the whole release the region's sentence says 比上年 for the full year, as the national ones do", () => {
    const series: SeriesSummary[] = [...release2024(), area("北京市", { value: 4973, published: -8.2 })];
    const zhText = narrative({ series, rankings: [], targets: [] }, "zh-CN", "half-away");
    expect(zhText[zhText.length - 1]).toBe("2024年，北京市新建商品房销售面积4973万平方米，比上年下降8.2%，降幅比全国小4.7个百分点，占全国的比重为5.1%。");
  });

  test("several regions and indicators: region by region, the period and 同比 only in the first sentence", () => {
    const series = [
      NATION_AREA,
      releaseSeries("total", "salesValue", [{ period: "2024-12", value: 96750, published: -17.1 }]),
      area("北京市", { value: 4973, published: -8.2 }),
      releaseSeries("total", "salesValue", [{ period: "2024-12", value: 5000, published: -20.0 }], "北京市"),
      area("天津市", { value: 1000, published: -20.1 }),
    ];
    expect(zh.regionSentences(series, "half-away")).toEqual([
      "2024年，北京市新建商品房销售面积4973万平方米，同比下降8.2%，降幅比全国小4.7个百分点，占全国的比重为5.1%。",
      "北京市新建商品房销售额5000亿元，下降20.0%，降幅比全国大2.9个百分点，占全国的比重为5.2%。",
      "天津市新建商品房销售面积1000万平方米，下降20.1%，降幅比全国大7.2个百分点，占全国的比重为1.0%。",
    ]);
  });

  test("a computed rate is labelled and not compared with a published one; a stock without a published rate has none", () => {
    const series = [
      NATION_AREA,
      area("北京市", { value: 4973, previous: 5500 }),
      releaseSeries("total", "stockArea", [{ period: "2024-12", value: 75327 }]),
      releaseSeries("total", "stockArea", [{ period: "2024-12", value: 2500, previous: 2000 }], "北京市"),
    ];
    expect(zh.regionSentences(series, "half-away")).toEqual([
      "2024年，北京市新建商品房销售面积4973万平方米，比上年下降9.6%（按公布数据计算），占全国的比重为5.1%。",
      "12月末，北京市商品房待售面积2500万平方米，占全国的比重为3.3%。",
    ]);
  });

  test("a table of every province is left to the sheet", () => {
    const provinces = ["北京市", "天津市", "河北省", "山西省", "内蒙古自治区", "辽宁省", "吉林省", "黑龙江省", "上海市"];
    const series = [NATION_AREA, ...provinces.map((p, i) => area(p, { value: 1000 + i, published: -10 }))];
    expect(zh.regionSentences(series, "half-away")).toEqual([]);
    expect(compareRegions(series, "half-away").length).toBe(9);
  });

  test("English names of regions", () => {
    expect(["北京市", "内蒙古自治区", "广西壮族自治区", "东部地区", "苏州市"].map(regionNameEn)).toEqual(["Beijing", "Inner Mongolia", "Guangxi", "the eastern region", "苏州市"]);
  });
});
