// Indicator names as NBS exports, releases, provincial tables and hand-made sheets write them
// (from ../shared/real-data and the 2024–2025 releases): each meets its id and measure.

import { indicatorId, indicatorName, matchIndicator, matchIndicatorUnder, matchPart } from "../../src/core/indicators";

function idOf(text: string): string | undefined {
  const m = matchIndicator(text);
  return m === undefined ? undefined : `${indicatorId(m)}/${m.measure}`;
}

describe("matchIndicator", () => {
  it.each([
    // data.stats.gov.cn monthly exports
    ["新建商品房销售面积累计值(万平方米)", "total.salesArea/cumulative"],
    ["新建商品房销售面积累计增长(%)", "total.salesArea/growth"],
    ["商品房销售额_累计增长 (%)", "total.salesValue/growth"],
    ["住宅销售额_累计值(亿元)", "residential.salesValue/cumulative"],
    ["商品房待售面积(万平方米)", "total.stockArea/level"],
    ["房地产投资额累计值(亿元)", "total.investment/cumulative"],
    ["房地产开发投资额累计增长(%)", "total.investment/growth"],
    ["住宅投资额累计值(亿元)", "residential.investment/cumulative"],
    ["房屋施工面积累计值(万平方米)", "total.underConstructionArea/cumulative"],
    ["住宅施工面积累计值(万平方米)", "residential.underConstructionArea/cumulative"],
    ["房屋新开工面积累计值(万平方米)", "total.newStartsArea/cumulative"],
    ["住宅新开工面积累计增长(%)", "residential.newStartsArea/growth"],
    ["房屋竣工面积累计值(万平方米)", "total.completedArea/cumulative"],
    ["房地产开发企业本年资金来源累计值(亿元)", "total.funds/cumulative"],
    ["房地产开发企业本年资金来源国内贷款累计值(亿元)", "domesticLoans.funds/cumulative"],
    ["房地产开发企业本年资金来源利用外资累计值(亿元)", "foreignInvestment.funds/cumulative"],
    ["房地产开发企业本年资金来源自筹资金累计值(亿元)", "selfRaised.funds/cumulative"],
    ["房地产开发企业本年资金来源其他资金累计值(亿元)", "otherFunds.funds/cumulative"],
    ["房地产开发企业本年资金来源定金及预收款累计值(亿元)", "deposits.funds/cumulative"],
    ["房地产开发企业本年资金来源个人按揭贷款累计值(亿元)", "mortgages.funds/cumulative"],
    // Chongqing's annual tables (chongqing-annual-gbk)
    ["商品房销售面积", "total.salesArea/level"],
    ["住宅商品房销售面积", "residential.salesArea/level"],
    ["别墅、高档公寓销售面积", "villa.salesArea/level"],
    ["办公楼商品房销售面积", "office.salesArea/level"],
    ["商业营业用房销售面积", "commercial.salesArea/level"],
    ["其他商品房销售面积", "other.salesArea/level"],
    ["商品住宅房屋施工面积", "residential.underConstructionArea/level"],
    ["商品住宅房屋竣工面积", "residential.completedArea/level"],
    ["房地产开发投资", "total.investment/level"],
    // the release table and hand-made sheets (housing_sales.xlsx)
    ["房地产开发投资（亿元）", "total.investment/level"],
    ["新建商品房销售面积（万平方米）", "total.salesArea/level"],
    ["本年到位资金", "total.funds/level"],
    ["其中：国内贷款", "domesticLoans.funds/level"],
    ["个人按揭贷款", "mortgages.funds/level"],
    ["定金及预收款", "deposits.funds/level"],
    ["利用外资", "foreignInvestment.funds/level"],
  ])("%s → %s", (text, expected) => {
    expect(idOf(text)).toBe(expected);
  });

  it.each(["全社会固定资产投资", "固定资产投资(不含农户)", "居民消费价格指数(上年同月=100)", "货币和准货币(M2)供应量期末值(亿元)", "住宅", "  其中：住宅", "投资"])(
    "%s is no real-estate indicator by itself",
    (text) => {
      expect(matchIndicator(text)).toBeUndefined();
    },
  );

  it("keeps the unit written in the name", () => {
    expect(matchIndicator("房屋竣工面积累计值(万平方米)")?.unit).toBe("万平方米");
    expect(matchIndicator("房地产开发投资（亿元）")?.unit).toBe("亿元");
    expect(matchIndicator("房屋竣工面积累计增长(%)")?.unit).toBe("%");
  });
});

describe("matchIndicatorUnder", () => {
  it("reads an indented part under the indicator above it", () => {
    const investment = { category: "total", quantity: "investment" } as const;
    expect(indicatorId(matchIndicatorUnder("  其中：住宅", investment)!)).toBe("residential.investment");
    const stock = { category: "total", quantity: "stockArea" } as const;
    expect(indicatorId(matchIndicatorUnder("住宅", stock)!)).toBe("residential.stockArea");
    expect(matchIndicatorUnder("住宅", undefined)).toBeUndefined();
    expect(matchPart("办公楼")).toBe("office");
    expect(matchPart("住宅销售面积")).toBeUndefined();
  });

  it("lets a full name stand by itself", () => {
    const sales = { category: "total", quantity: "salesArea" } as const;
    expect(indicatorId(matchIndicatorUnder("房屋竣工面积", sales)!)).toBe("total.completedArea");
  });
});

describe("indicatorName", () => {
  it("names indicators as the release does", () => {
    expect(indicatorName({ category: "total", quantity: "investment" }, "zh-CN")).toBe("房地产开发投资");
    expect(indicatorName({ category: "residential", quantity: "investment" }, "zh-CN")).toBe("住宅投资");
    expect(indicatorName({ category: "total", quantity: "completedArea" }, "zh-CN")).toBe("房屋竣工面积");
    expect(indicatorName({ category: "total", quantity: "salesArea" }, "zh-CN", 2024)).toBe("新建商品房销售面积");
    expect(indicatorName({ category: "total", quantity: "salesArea" }, "zh-CN", 2023)).toBe("商品房销售面积");
    expect(indicatorName({ category: "villa", quantity: "salesArea" }, "zh-CN")).toBe("别墅、高档公寓销售面积");
    expect(indicatorName({ category: "mortgages", quantity: "funds" }, "zh-CN")).toBe("个人按揭贷款");
    expect(indicatorName({ category: "total", quantity: "funds" }, "en-US")).toBe("funds in place for real estate development");
    expect(indicatorName({ category: "total", quantity: "salesArea" }, "en-US", 2024)).toBe("the floor area sold of new commercial housing");
  });
});
