// The whole NBS release in words (issue #11 §3): investment, 施工/新开工/竣工, sales, 待售, 到位资金,
// in the release's order and phrasing, from the published 2024 figures (test/fixtures/nbs/release.ts
// says where each comes from), and seed 003's sentence on 2023 1—7月 completions.

import { analyze } from "../../src/core/analyze";
import { Grid } from "../../src/core/cells";
import { narrative } from "../../src/core/narrative";
import * as en from "../../src/core/narrative/en-US";
import * as zh from "../../src/core/narrative/zh-CN";
import { resolveOptions } from "../../src/core/options";
import { SeriesSummary } from "../../src/core/series";
import { release2024, releaseSeries } from "../fixtures/nbs/release";

const only = (...series: SeriesSummary[]) => series;

describe("zh-CN", () => {
  test("2024 全年, the whole release, word for word", () => {
    expect(zh.seriesSentences(release2024(), "half-away")).toEqual([
      "2024年，全国房地产开发投资100280亿元，比上年下降10.6%；其中住宅投资76040亿元，下降10.5%。",
      "2024年，房地产开发企业房屋施工面积733247万平方米，比上年下降12.7%。",
      "房屋新开工面积73893万平方米，下降23.0%。",
      "房屋竣工面积73743万平方米，下降27.7%。",
      "2024年，新建商品房销售面积97385万平方米，比上年下降12.9%，其中住宅销售面积下降14.1%。",
      "新建商品房销售额96750亿元，下降17.1%，其中住宅销售额下降17.6%。",
      "12月末，商品房待售面积75327万平方米。",
      "2024年，房地产开发企业到位资金107661亿元，比上年下降17.0%；其中国内贷款15217亿元，下降6.1%；利用外资32亿元，下降26.7%；自筹资金37746亿元，下降11.6%；定金及预收款33571亿元，下降23.0%；个人按揭贷款15661亿元，下降27.9%。",
    ]);
  });

  test("seed 003: 2023 1—7月 completions, +20.5% published (同比 for 1—X月, 全国 as the seed writes it)", () => {
    const completed = releaseSeries("total", "completedArea", [{ period: "2023-07", value: 38405, published: 20.5 }]);
    expect(zh.seriesSentences([completed], "half-away")).toEqual(["2023年1—7月，全国房屋竣工面积38405万平方米，同比增长20.5%。"]);
  });

  test("seed 003 through analyze(): a data.stats.gov.cn export of completions", () => {
    const grid: Grid = [
      ["数据库：月度数据"],
      ["指标", "2023年7月", "2023年6月"],
      ["房屋竣工面积累计值(万平方米)", 38405, 33904],
      ["房屋竣工面积累计增长(%)", 20.5, 19.0],
    ];
    const analysis = analyze([{ source: { sheet: "月度数据", row: 0, column: 0 }, grid }], resolveOptions({}).options);
    expect(narrative(analysis, "zh-CN", "half-away")[0]).toBe("2023年1—7月，全国房屋竣工面积38405万平方米，同比增长20.5%，增幅较1—6月扩大1.5个百分点。");
  });

  test("1—11月 2024: 同比 at each part's opening, the year only once, the change against 1—10月 after the whole's rate", () => {
    // Oracle (nbs-national-monthly, 2024-11 and 2024-10): investment 93634 −10.4 (1—10月 −10.3); 施工 726014 −12.7;
    // 待售 73286. The stock's 12.1% is only an input for the wording: the oracle's inventoryYoy is the
    // dashboard's own computation, not a published rate.
    const series = only(
      releaseSeries("total", "investment", [{ period: "2024-11", value: 93634, published: -10.4, before: ["2024-10", -10.3] }]),
      releaseSeries("total", "underConstructionArea", [{ period: "2024-11", value: 726014, published: -12.7 }]),
      releaseSeries("total", "stockArea", [{ period: "2024-11", value: 73286, published: 12.1 }]),
    );
    expect(zh.seriesSentences(series, "half-away")).toEqual([
      "2024年1—11月，全国房地产开发投资93634亿元，同比下降10.4%，降幅较1—10月扩大0.1个百分点。",
      "1—11月，房地产开发企业房屋施工面积726014万平方米，同比下降12.7%。",
      "11月末，商品房待售面积73286万平方米，同比增长12.1%。",
    ]);
  });

  test("a stock's rate only when published; at the year's end 比上年末; opening the paragraph it names the year", () => {
    const stock = (published: number | null) => releaseSeries("total", "stockArea", [{ period: "2024-12", value: 75327, previous: 67295, published }]);
    expect(zh.seriesSentences([stock(null)], "half-away")).toEqual(["2024年12月末，商品房待售面积75327万平方米。"]);
    expect(zh.seriesSentences([stock(10.6)], "half-away")).toEqual(["2024年12月末，商品房待售面积75327万平方米，比上年末增长10.6%。"]);
  });

  test("a rate computed from levels is labelled, in the whole and in its parts", () => {
    // Oracle levels, 2024-12 against 2023-12: investment 100280 / 110913 → −9.6% computed (−10.6 published).
    const series = only(
      releaseSeries("total", "investment", [{ period: "2024-12", value: 100280, previous: 110913 }]),
      releaseSeries("residential", "investment", [{ period: "2024-12", value: 76040, published: -10.5 }]),
    );
    expect(zh.seriesSentences(series, "half-away")).toEqual(["2024年，全国房地产开发投资100280亿元，比上年下降9.6%（按公布数据计算）；其中住宅投资76040亿元，下降10.5%。"]);
  });

  test("sales alone keep today's sentence (同比 for the full year)", () => {
    const sales = release2024().filter((s) => s.quantity === "salesArea");
    expect(zh.seriesSentences(sales, "half-away")).toEqual(["2024年，新建商品房销售面积97385万平方米，同比下降12.9%，其中住宅销售面积下降14.1%。"]);
  });

  test("the latest period of any national whole is the release's; a part without its whole is not a sentence", () => {
    const series = only(
      releaseSeries("total", "investment", [{ period: "2024-11", value: 93634, published: -10.4 }, { period: "2024-12", value: 100280, published: -10.6 }]),
      releaseSeries("total", "completedArea", [{ period: "2024-11", value: 48152, published: -26.2 }]),
      releaseSeries("residential", "completedArea", [{ period: "2024-12", value: 53741, published: -27.4 }]),
    );
    expect(zh.seriesSentences(series, "half-away")).toEqual(["2024年，全国房地产开发投资100280亿元，比上年下降10.6%。"]);
  });
});

describe("en-US", () => {
  test("2024, the whole release", () => {
    expect(en.seriesSentences(release2024(), "half-away")).toEqual([
      "In 2024, investment in real estate development was RMB 10,028.0 billion, down 10.6% from the previous year; of which residential RMB 7,604.0 billion, down 10.5%.",
      "In 2024, the floor space under construction was 7,332.47 million sq m, down 12.7% from the previous year.",
      "The floor space of new starts was 738.93 million sq m, down 23.0%.",
      "The floor space completed was 737.43 million sq m, down 27.7%.",
      "In 2024, the floor area sold of new commercial housing was 973.85 million sq m, down 12.9% from the previous year, of which residential down 14.1%.",
      "Sales of new commercial housing were RMB 9,675.0 billion, down 17.1%, of which residential down 17.6%.",
      "At the end of December, the floor area for sale was 753.27 million sq m.",
      "In 2024, funds in place for real estate development were RMB 10,766.1 billion, down 17.0% from the previous year; of which domestic loans RMB 1,521.7 billion, down 6.1%; foreign investment RMB 3.2 billion, down 26.7%; self-raised funds RMB 3,774.6 billion, down 11.6%; deposits and advance payments RMB 3,357.1 billion, down 23.0%; individual mortgage loans RMB 1,566.1 billion, down 27.9%.",
    ]);
  });

  test("seed 003 in English", () => {
    const completed = releaseSeries("total", "completedArea", [{ period: "2023-07", value: 38405, published: 20.5 }]);
    expect(en.seriesSentences([completed], "half-away")).toEqual(["In January–July 2023, the floor space completed was 384.05 million sq m, up 20.5% year on year."]);
  });

  test("sales alone keep today's sentence", () => {
    const sales = release2024().filter((s) => s.quantity === "salesArea");
    expect(en.seriesSentences(sales, "half-away")).toEqual([
      "In 2024, the floor area sold of new commercial housing was 973.85 million sq m, down 12.9% year on year, of which residential down 14.1%.",
    ]);
  });
});
