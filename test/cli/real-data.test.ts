// The real third-party files (test/fixtures/real-data, copied byte for byte from ../shared/real-data)
// through the command line, each as its README says it must read: never an invented year, every
// sub-category its own series, other statistics named for what they are.

import * as path from "path";
import { cli } from "./harness";

const real = (...parts: string[]) => path.join(__dirname, "..", "fixtures", "real-data", ...parts);


type Json = any;
const point = (json: Json, id: string, period: string) => json.series.find((s: Json) => s.indicatorId === id && s.points.some((p: Json) => p.period === period))?.points.find((p: Json) => p.period === period);

describe("hand-pasted-2025-xlsx/housing_sales.xlsx (months 12 … 2, no year anywhere)", () => {
  const file = real("hand-pasted-2025-xlsx", "housing_sales.xlsx");

  test("is refused at B1, saying how to give the year; no period is printed", async () => {
    const { code, stdout, stderr } = await cli(["summarize", file, "--lang", "en-US"]);
    expect(code).toBe(1);
    expect(stderr).toContain("[housing_sales.xlsx]Sheet1!B1");
    expect(stderr).toContain("--year YYYY");
    expect(stdout + stderr).not.toMatch(/21\d\d|20\d\d年|Aug|年8月/);
  });

  test("with --year 2025 gives 2025-12 sales area 88101, value 83937, investment 82788, stock 76632", async () => {
    const { code, stdout } = await cli(["summarize", file, "--year", "2025", "--json"]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect([
      point(json, "total.salesArea", "2025-12").value,
      point(json, "total.salesValue", "2025-12").value,
      point(json, "total.investment", "2025-12").value,
      point(json, "total.stockArea", "2025-12").value,
    ]).toEqual([88101, 83937, 82788, 76632]);
    expect(point(json, "total.salesArea", "2025-12").label).toBe("2025年1-12月");
    expect(point(json, "total.salesArea", "2025-02").label).toBe("2025年1-2月");
    expect(json.series.every((s: Json) => s.layout === "hand-table")).toBe(true);
    // 其中：住宅 under each total is its own series.
    expect(json.series.map((s: Json) => s.indicatorId)).toEqual(
      expect.arrayContaining(["residential.investment", "residential.salesArea", "residential.salesValue", "residential.stockArea"]),
    );
    expect(json.series.flatMap((s: Json) => s.points.map((p: Json) => p.period.slice(0, 4)))).toEqual(expect.not.arrayContaining(["2126"]));
  });

  test("--year must be a year", async () => {
    expect((await cli(["summarize", file, "--year", "25"])).code).toBe(2);
    expect((await cli(["summarize", file, "--year", "二〇二五"])).code).toBe(2);
  });
});

describe("chongqing-annual-gbk (three GBK CSVs, years without 年, newest first)", () => {
  let json: Json;
  beforeAll(async () => {
    const files = ["商品房销售面积.csv", "施工面积.csv", "固定资产投资.csv"].map((f) => real("chongqing-annual-gbk", f));
    const { code, stdout } = await cli(["summarize", ...files, "--json"]);
    expect(code).toBe(0);
    json = JSON.parse(stdout);
  });

  test("别墅、高档公寓 and 其他 are sub-categories: no duplicate warnings", () => {
    expect(json.warnings.filter((w: Json) => w.code === "series-value-repeated")).toEqual([]);
    const ids = json.series.map((s: Json) => s.indicatorId);
    expect(ids).toEqual(expect.arrayContaining(["total.salesArea", "residential.salesArea", "villa.salesArea", "office.salesArea", "commercial.salesArea", "other.salesArea"]));
  });

  test("the README's check figures", () => {
    const area2018 = point(json, "total.salesArea", "2018");
    expect(area2018.value).toBe(6536.25);
    expect(area2018.yoyPct).toBeCloseTo(-2.604, 3);
    expect(point(json, "residential.underConstructionArea", "2016").value).toBe(17932.69);
    expect(point(json, "residential.completedArea", "2016").value).toBe(3084);
    const investment = point(json, "total.investment", "2018");
    expect(investment.value).toBe(4248.76);
    // 4248.76 / 3980.08 − 1 = 6.7506 %: "+6.7%" in the README is this rate cut, not rounded.
    expect(investment.yoyPct).toBeCloseTo(6.7506, 3);
  });

  test("全社会固定资产投资 is left out with a note; the years are annual", () => {
    const notes = json.warnings.filter((w: Json) => w.code === "series-not-real-estate");
    expect(notes.map((w: Json) => [w.location, w.severity])).toEqual([["固定资产投资.csv!A2", "info"]]);
    expect(json.series.every((s: Json) => s.frequency === "year" && s.region === null)).toBe(true);
  });
});

describe("NBS exports of other statistics (CPI, M2) are named for what they hold", () => {
  test.each([
    [["cpi", "月度数据.csv"], "居民消费价格指数"],
    [["cpi", "分省月度数据.csv"], "居民消费价格指数"],
    [["cpi", "分省月度数据 (1).csv"], "食品烟酒类居民消费价格指数"],
    [["m2", "月度数据.csv"], "货币和准货币"],
  ])("%s", async (parts, holds) => {
    const { code, stderr } = await cli(["summarize", real("nbs-exports-other-indicators", ...parts), "--lang", "zh-CN"]);
    expect(code).toBe(1);
    expect(stderr).toContain("这是国家统计局导出的");
    expect(stderr).toContain(holds);
    expect(stderr).toContain("没有房地产开发或销售指标");
    expect(stderr).not.toContain("年份");
  });
});

describe("hand-pasted macro workbooks that are not StatDesk's data", () => {
  test.each([["data.xlsx"], ["housing price.xlsx"]])("%s: no question about a year, each sheet said to hold no table of ours", async (name) => {
    const { code, stderr } = await cli(["summarize", real("hand-pasted-2025-xlsx", name), "--lang", "en-US"]);
    expect(code).toBe(1);
    expect(stderr).not.toMatch(/year of|was not found\. Write it/);
    expect(stderr).toMatch(/not a real-estate|No ranking, sales series or plan table/);
  });
});

describe("a workbook's sheets that are not StatDesk's data, beside one that is", () => {
  test("are passed over with info notes, never asked for a year, and the NBS table is summarised", async () => {
    const { code, stdout } = await cli(["summarize", real("hand-pasted-2025-xlsx", "data.xlsx"), real("hand-pasted-2025-xlsx", "housing_sales.xlsx"), "--year", "2025", "--json"]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(point(json, "total.salesArea", "2025-12").value).toBe(88101);
    const passedOver = json.warnings.filter((w: Json) => w.code === "nbs-not-real-estate" || w.code === "no-table");
    expect(passedOver.length).toBeGreaterThan(5);
    expect(passedOver.every((w: Json) => w.severity === "info")).toBe(true);
    expect(json.warnings.filter((w: Json) => w.code === "no-year" || w.code === "series-year-missing")).toEqual([]);
  });
});

describe("what the macro workbooks hold is named", () => {
  test("housing price.xlsx: each of its 24 sheets is a house-price index table", async () => {
    const { code, stderr } = await cli(["summarize", real("hand-pasted-2025-xlsx", "housing price.xlsx"), "--lang", "zh-CN"]);
    expect(code).toBe(1);
    expect(stderr.split("\n").filter((l) => l.includes("是房价指数表"))).toHaveLength(24);
    expect(stderr).toContain("[housing price.xlsx]202512新房!A1:H38");
  });

  test("data.xlsx: a merged header's 其中 is no indicator of the 社会融资 sheet", async () => {
    const { stderr } = await cli(["summarize", real("hand-pasted-2025-xlsx", "data.xlsx"), "--lang", "zh-CN"]);
    expect(stderr).toContain("是按时间排列的数据表（社会融资规模增量），");
  });
});
