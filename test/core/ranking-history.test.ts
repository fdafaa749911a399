// Lists across periods (issue #12 §1): 1—11月 and 1—12月 of two years give two rankings, the
// later linked to the earlier — how the YoY moved (from the printed rates, as desks subtract)
// and how the tier counts changed — and the sentences say it. Figures: 1—12月 as 中指 published
// (domain.md §1: 43547.3亿元, −30.6%), 1—11月 synthetic at −32.9% (fixtures/rankings/history.ts).

import * as fs from "fs";
import * as path from "path";
import { analyze } from "../../src/core/analyze";
import { Grid } from "../../src/core/cells";
import { narrative } from "../../src/core/narrative";
import { resolveOptions } from "../../src/core/options";
import { latestRankings, periodRateChange, rankingHistories } from "../../src/core/ranking-history";
import { rankingPeriodKey, spanOfKey } from "../../src/core/ranking";
import { findPeriodInText } from "../../src/core/periods";
import { decemberNovemberCsvFiles, decemberNovemberSheets, halfYearMayCsvFiles, halfYearMaySheets, monthlySheets } from "../fixtures/rankings/history";
import { CIA_2023, CIA_2024 } from "../fixtures/rankings/synthetic";
import { NAMES_2024 } from "../fixtures/rankings/build";

function run(sheets: Record<string, Grid>, optionsInput = {}) {
  const { options } = resolveOptions(optionsInput);
  return analyze(Object.entries(sheets).map(([sheet, grid]) => ({ source: { sheet, row: 0, column: 0 }, grid })), options);
}

const decNov = run(decemberNovemberSheets());

describe("1—12月 against 1—11月 (2024, each paired with 2023)", () => {
  test("two rankings, latest first, each against its own period a year earlier, nothing warned", () => {
    expect(decNov.rankings.map((r) => [r.period, r.previousYear, r.periodKey, r.previousPeriod])).toEqual([
      ["2024年", 2023, "2024-12", "2024-11"],
      ["2024年1-11月", 2023, "2024-11", null],
    ]);
    expect(decNov.problems.filter((p) => p.severity !== "info")).toEqual([]);
    const [dec, nov] = decNov.rankings;
    expect(dec.top[3].sum).toBeCloseTo(43547.3, 6);
    expect(dec.top[3].sumYoyPct).toBeCloseTo(-30.6, 1);
    expect(nov.top[3].sumYoyPct).toBeCloseTo(-32.9, 1);
  });

  test("TOP100's YoY narrowed 2.3 points: −30.6 against −32.9, from the rounded rates", () => {
    const top100 = decNov.rankings[0].top.find((t) => t.n === 100)!;
    expect(top100.rateChange).toEqual({ previousPeriod: "2024-11", previousLabel: "2024年1-11月", previousRate: -32.9, rate: -30.6, changePts: 2.3, trend: "decline-narrowed", adjacent: true });
    // every TOP-N and threshold has one; the earlier period has none
    expect(decNov.rankings[0].top.every((t) => t.rateChange !== null && t.thresholdRateChange !== null)).toBe(true);
    expect(decNov.rankings[1].top.every((t) => t.rateChange === null && t.thresholdRateChange === null)).toBe(true);
  });

  test("tier and 百亿 counts against 1—11月 (10 / 7 / 16 / 45, 百亿 78)", () => {
    const [dec, nov] = decNov.rankings;
    expect(dec.tiers.map((t) => [t.count, t.periodCountChange?.previousCount, t.periodCountChange?.change])).toEqual([
      [11, 10, 1],
      [7, 7, 0],
      [18, 16, 2],
      [50, 45, 5],
    ]);
    expect(dec.hundredBillionPeriodChange).toEqual({ previousPeriod: "2024-11", previousLabel: "2024年1-11月", previousCount: 78, count: 86, change: 8 });
    expect(nov.tiers.every((t) => t.periodCountChange === null)).toBe(true);
  });

  test("the sentences: the latest period only, with the clause the issue quotes word for word", () => {
    const zh = narrative(decNov, "zh-CN", "half-away");
    expect(zh.slice(0, 6)).toEqual([
      "2024年，TOP100房企销售总额为43547.3亿元，同比下降30.6%，降幅较1—11月缩窄2.3个百分点。",
      "千亿以上阵营企业11家，较去年同期减少5家，较1—11月增加1家，销售额均值2001.4亿元。",
      "500-1000亿阵营企业7家，较去年同期减少12家，与1—11月持平，销售额均值704.0亿元。",
      "300-500亿阵营企业18家，较去年同期增加4家，较1—11月增加2家，销售额均值375.7亿元。",
      "100-300亿阵营企业50家，较去年同期减少17家，较1—11月增加5家，销售额均值172.4亿元。",
      "销售额百亿以上企业86家，较去年同期减少30家，较1—11月增加8家。",
    ]);
    expect(zh.filter((s) => s.includes("TOP100房企销售总额"))).toHaveLength(1);
    const en = narrative(decNov, "en-US", "half-away");
    expect(en[0]).toBe("In 2024, the TOP100 developers' sales totalled RMB 4,354.73 billion, down 30.6% year on year; the decline narrowed by 2.3 percentage points from January–November.");
    expect(en[1]).toBe("11 developers were in the RMB 100bn and above tier, 5 fewer than a year earlier, 1 more than in January–November, with mean sales of RMB 200.14 billion.");
  });

  test("without a previous period the sentence is today's, unchanged", () => {
    const two = run({ "2024年": decemberNovemberSheets()["2024年1-12月"], "2023年": decemberNovemberSheets()["2023年1-12月"] });
    expect(narrative(two, "zh-CN", "half-away").slice(0, 2)).toEqual(["2024年，TOP100房企销售总额为43547.3亿元，同比下降30.6%。", "千亿以上阵营企业11家，较去年同期减少5家，销售额均值2001.4亿元。"]);
  });

  test("one history of two periods, oldest first", () => {
    const histories = rankingHistories(decNov.rankings);
    expect(histories.map((h) => [h.key, h.periods.map((p) => p.periodKey)])).toEqual([["salesValue|", ["2024-11", "2024-12"]]]);
    expect(latestRankings(decNov.rankings)).toEqual([decNov.rankings[0]]);
  });

  test("sheet order does not matter", () => {
    const sheets = decemberNovemberSheets();
    const reversed = run(Object.fromEntries(Object.entries(sheets).reverse()));
    expect(reversed.rankings.map((r) => r.top[3].rateChange)).toEqual(decNov.rankings.map((r) => r.top[3].rateChange));
  });
});

describe("上半年 against 1—5月: a turn from decline to growth", () => {
  const h = run(halfYearMaySheets());

  test("H1 (+0.1%, as published) against 1—5月 (−1.5%, synthetic): turned-up, +1.6 points", () => {
    expect(h.rankings.map((r) => [r.period, r.periodKey, r.previousPeriod])).toEqual([
      ["2023年1-6月", "2023-06", "2023-05"],
      ["2023年1-5月", "2023-05", null],
    ]);
    expect(h.rankings[0].top.find((t) => t.n === 100)!.rateChange).toMatchObject({ previousPeriod: "2023-05", previousRate: -1.5, rate: 0.1, changePts: 1.6, trend: "turned-up", adjacent: true });
  });

  test("the sentences say 由降转增", () => {
    expect(narrative(h, "zh-CN", "half-away")[0]).toBe("2023年1—6月，TOP100房企销售总额为35682.3亿元，同比增长0.1%，增速较1—5月由降转增。");
    expect(narrative(h, "en-US", "half-away")[0]).toBe("In January–June 2023, the TOP100 developers' sales totalled RMB 3,568.23 billion, up 0.1% year on year; turning from a decline in January–May to growth.");
  });
});

describe("the rate change itself", () => {
  const dec = { year: 2024, fromMonth: 1, toMonth: 12 };
  const nov = { year: 2024, fromMonth: 1, toMonth: 11, period: "2024年1-11月" };
  test("rates are rounded by the desk's rule before they are subtracted", () => {
    // −30.65 prints −30.7 (四舍五入) or −30.6 (GB/T 8170 half-even); −32.95 prints −33.0 or −33.0
    expect(periodRateChange(-30.65, -32.95, dec, nov, "half-away")).toMatchObject({ rate: -30.7, previousRate: -33, changePts: 2.3 });
    expect(periodRateChange(-30.65, -32.95, dec, nov, "half-even")).toMatchObject({ rate: -30.6, previousRate: -33, changePts: 2.4 });
    expect(periodRateChange(null, -32.9, dec, nov, "half-away")).toBeNull();
    expect(periodRateChange(-5.04, -5.0, dec, nov, "half-away")).toMatchObject({ changePts: 0, trend: "unchanged" });
  });

  test("a January list's title is January (it is also the year to date); other single months stay as before", () => {
    expect(findPeriodInText("2024年1月房企销售额排行榜")).toEqual({ year: 2024, fromMonth: 1, toMonth: 1, kind: "ytd" });
    expect(findPeriodInText("2024年10月房企销售额排行榜")).toMatchObject({ fromMonth: 1, toMonth: 12 });
    expect(findPeriodInText("2024年11月")).toMatchObject({ fromMonth: 1, toMonth: 12 });
  });

  test("period keys: from January by the month it ends, other spans by both months", () => {
    expect(rankingPeriodKey({ year: 2024, fromMonth: 1, toMonth: 11 })).toBe("2024-11");
    expect(rankingPeriodKey({ year: 2024, fromMonth: 4, toMonth: 6 })).toBe("2024-04~06");
    expect(spanOfKey("2024-04~06")).toEqual({ year: 2024, fromMonth: 4, toMonth: 6 });
    expect(spanOfKey("2024-11")).toEqual({ year: 2024, fromMonth: 1, toMonth: 11 });
  });

  test("a quarter follows the quarter before; 1—12月 without 1—11月 is compared with 1—10月", () => {
    const list = (title: string, scale: number) => [[title], ["排名", "企业名称", "销售额（亿元）"], ...CIA_2024.map((v, i) => [i + 1, NAMES_2024.current[i], Math.round(v * scale * 10) / 10])];
    const before = (title: string, scale: number) => [[title], ["排名", "企业名称", "销售额（亿元）"], ...CIA_2023.map((v, i) => [i + 1, NAMES_2024.previous[i], Math.round(v * scale * 10) / 10])];
    const q = run({
      a: list("2024年第二季度排行（亿元）", 0.25),
      b: before("2023年第二季度排行（亿元）", 0.25),
      c: list("2024年第一季度排行（亿元）", 0.2),
      d: before("2023年第一季度排行（亿元）", 0.25),
    });
    expect(q.rankings.map((r) => [r.periodKey, r.previousPeriod])).toEqual([
      ["2024-04~06", "2024-03"],
      ["2024-03", null],
    ]);
    // the first quarter runs from January: also the start of the year-to-date chain
    const y = run({ a: list("2024年1-12月（亿元）", 1), b: before("2023年1-12月（亿元）", 1), c: list("2024年1-10月（亿元）", 0.8), d: before("2023年1-10月（亿元）", 1) });
    expect(y.rankings[0].top[3].rateChange).toMatchObject({ previousPeriod: "2024-10", adjacent: false });
    expect(narrative(y, "zh-CN", "half-away")[0]).toContain("降幅较1—10月");
  });
});

test("twelve monthly lists for two years: twelve rankings, each month against the one before", () => {
  const m = run(monthlySheets());
  expect(m.rankings.map((r) => r.periodKey)).toEqual(["2024-12", "2024-11", "2024-10", "2024-09", "2024-08", "2024-07", "2024-06", "2024-05", "2024-04", "2024-03", "2024-02", "2024-01"]);
  expect(m.rankings.every((r) => r.previousYear === 2023 && r.enterprises === 210)).toBe(true);
  expect(m.rankings.slice(0, 11).map((r) => [r.previousPeriod, r.top[3].rateChange?.changePts, r.top[3].rateChange?.trend])).toEqual(
    m.rankings.slice(1).map((r) => [r.periodKey, 1, "decline-narrowed"]),
  );
  expect(m.rankings[11].top[3].rateChange).toBeNull();
  expect(m.problems.filter((p) => p.severity !== "info")).toEqual([]);
  expect(rankingHistories(m.rankings)[0].periods).toHaveLength(12);
});

describe("the committed CSV files are what fixtures/rankings/history.ts makes (UPDATE_FIXTURES=1 rewrites them)", () => {
  const dir = path.join(__dirname, "..", "fixtures", "rankings", "history");
  for (const [name, text] of Object.entries({ ...decemberNovemberCsvFiles(), ...halfYearMayCsvFiles() })) {
    test(name, () => {
      const file = path.join(dir, name);
      if (process.env.UPDATE_FIXTURES === "1") {
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(file, text, "utf8");
      }
      expect(fs.readFileSync(file, "utf8")).toBe(text);
    });
  }
});
