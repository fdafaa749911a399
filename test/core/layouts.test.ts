// Every series layout read from fixtures built of the NBS national oracle (published levels and
// comparable-basis rates, test/fixtures/real-data/nbs-national-monthly-2011-2026): each must give
// back the oracle's figures for 2022–2025, every indicator, and flag the comparable-basis gaps
// the oracle's PROVENANCE names (2023 investment −6.9 pt, 2024 investment +1.0 pt).

import { analyze } from "../../src/core/analyze";
import { Grid } from "../../src/core/cells";
import { readSeriesTable } from "../../src/core/layouts";
import { resolveOptions } from "../../src/core/options";
import { roundTo } from "../../src/core/rounding";
import { SeriesSummary } from "../../src/core/series";
import { SourceRef } from "../../src/core/source";
import {
  monthsBetween,
  ORACLE_INDICATORS,
  oracleExportGrid,
  oracleHandGrid,
  oracleLongGrid,
  oracleMonths,
  oracleReleaseGrid,
  oracleTransposedGrid,
  provinceExportGrid,
  regionalGrid,
  SYNTHETIC_REGIONS,
} from "../fixtures/nbs/oracle";

const options = resolveOptions({}).options;
const sheet = (name: string): SourceRef => ({ sheet: name, row: 0, column: 0 });

function read(grids: readonly [string, Grid][], year?: number) {
  return analyze(
    grids.map(([name, grid]) => ({ source: sheet(name), grid, ...(year !== undefined ? { overrides: { year } } : {}) })),
    options,
  );
}

const ORACLE = new Map(oracleMonths().map((m) => [m.d, m]));
const YEARS = [2022, 2023, 2024, 2025];
/** Months 2022-02 … 2025-12 (NBS publishes no January). */
const CHECKED = [...ORACLE.keys()].filter((d) => YEARS.includes(Number(d.slice(0, 4))));

function expectOracle(series: readonly SeriesSummary[], months: readonly string[], layout: string): void {
  for (const ind of ORACLE_INDICATORS) {
    const s = series.find((x) => x.indicatorId === ind.id && x.region === null);
    expect([ind.id, s?.layout]).toEqual([ind.id, layout]);
    for (const d of months) {
      const want = ORACLE.get(d)!;
      const point = s!.points.find((p) => p.period === d);
      const level = want[ind.level];
      const rate = ind.rate !== undefined ? want[ind.rate] : null;
      if (level === null && rate === null) continue;
      expect([ind.id, d, point?.value ?? null, point?.publishedYoyPct ?? null]).toEqual([ind.id, d, level, rate]);
    }
  }
}

describe("the data.stats.gov.cn export, months across (2021–2025)", () => {
  const analysis = read([["月度数据", oracleExportGrid(monthsBetween("2021-02", "2025-12"))]]);
  const series = analysis.series;

  test("reproduces every indicator's level and published rate, 2022–2025", () => {
    expect(analysis.problems.filter((p) => p.severity === "error")).toEqual([]);
    expectOracle(series, CHECKED, "nbs-export");
  });

  test("flows are year to date, stock is the month's end", () => {
    const investment = series.find((s) => s.indicatorId === "total.investment")!;
    const stock = series.find((s) => s.indicatorId === "total.stockArea")!;
    expect([investment.cumulative, investment.points.find((p) => p.period === "2024-12")?.label]).toEqual([true, "2024年1-12月"]);
    expect([stock.cumulative, stock.points.find((p) => p.period === "2024-12")?.label]).toEqual([false, "2024年12月"]);
  });

  test("flags the comparable-basis gaps: 2023 investment −6.9 pt, 2024 investment +1.0 pt, 2023 sales area −9.2 pt", () => {
    const gap = (id: string, period: string) => {
      const p = series.find((s) => s.indicatorId === id)!.points.find((x) => x.period === period)!;
      return [p.basisFlag, roundTo(p.basisGapPts!, 1, "half-away")];
    };
    expect(gap("total.investment", "2023-12")).toEqual([true, -6.9]);
    expect(gap("total.investment", "2024-12")).toEqual([true, 1.0]);
    expect(gap("total.salesArea", "2023-12")).toEqual([true, -9.2]);
    expect(gap("total.salesValue", "2023-12")).toEqual([true, -6.0]);
    expect(gap("total.salesArea", "2025-12")).toEqual([true, -0.8]);
    // Years 2013–2022 show no gap (PROVENANCE.md): 2022 is in this fixture.
    expect(gap("total.investment", "2022-12")[0]).toBe(false);
  });

  test("the check figures of the oracle: 2024-12 and 2023-07", () => {
    const at = (id: string, period: string) => series.find((s) => s.indicatorId === id)!.points.find((p) => p.period === period)!;
    expect([at("total.salesArea", "2024-12").value, at("total.salesArea", "2024-12").publishedYoyPct]).toEqual([97385, -12.9]);
    expect([at("total.salesValue", "2024-12").value, at("total.salesValue", "2024-12").publishedYoyPct]).toEqual([96750, -17.1]);
    expect([at("total.investment", "2024-12").value, at("total.investment", "2024-12").publishedYoyPct]).toEqual([100280, -10.6]);
    expect([at("total.completedArea", "2024-12").value, at("total.completedArea", "2024-12").publishedYoyPct]).toEqual([73743, -27.7]);
    expect(at("total.completedArea", "2023-07").publishedYoyPct).toBe(20.5);
  });

  test("the footnote and source lines are passed over and said", () => {
    const table = analysis.tables[0];
    expect(table.kind === "series" && table.skipped.map((s) => s.reason)).toEqual(["footnote", "footnote"]);
  });
});

describe("the export with months down the rows (时间 in the corner)", () => {
  const analysis = read([["月度数据", oracleTransposedGrid(monthsBetween("2021-02", "2025-12"))]]);
  test("reproduces the oracle, 2022–2025", () => {
    expect(analysis.problems.filter((p) => p.severity === "error")).toEqual([]);
    expectOracle(analysis.series, CHECKED, "nbs-export-transposed");
  });
});

describe("the long table (时间 | 指标 | 数值 | 比上年增长)", () => {
  const analysis = read([["长表", oracleLongGrid(monthsBetween("2021-02", "2025-12"))]]);
  test("reproduces the oracle, 2022–2025", () => {
    expect(analysis.problems.filter((p) => p.severity === "error")).toEqual([]);
    expectOracle(analysis.series, CHECKED, "long-table");
  });
});

describe("the release table (指标 | 绝对数 | 比上年增长(%), the period in the title)", () => {
  test("every month's release, 2022–2025, gives the oracle's figures", () => {
    for (const d of CHECKED) {
      const analysis = read([[`发布表${d}`, oracleReleaseGrid(ORACLE.get(d)!)]]);
      expect(analysis.problems.filter((p) => p.severity === "error")).toEqual([]);
      expectOracle(analysis.series, [d], "release-table");
    }
  });

  test("funds sources are read under 本年到位资金 as their own series", () => {
    const table = readSeriesTable({ grid: oracleReleaseGrid(ORACLE.get("2024-12")!), source: sheet("发布表") })!;
    expect(table.layout).toBe("release-table");
    const ids = table.series.map((s) => `${s.indicator.category}.${s.indicator.quantity}`);
    expect(ids).toEqual(expect.arrayContaining(["domesticLoans.funds", "foreignInvestment.funds", "selfRaised.funds", "otherFunds.funds", "deposits.funds"]));
  });

  test("seed 003: 2023年1—7月 房屋竣工面积 增长20.5%", () => {
    const table = readSeriesTable({ grid: oracleReleaseGrid(ORACLE.get("2023-07")!), source: sheet("发布表") })!;
    const completed = table.series.find((s) => s.indicator.quantity === "completedArea")!;
    expect([...completed.published.entries()].map(([k, o]) => [k, o.value, o.period.fromMonth, o.period.toMonth])).toEqual([["2023-07", 20.5, 1, 7]]);
  });

  test("a release table whose title, sheet and file say no period is refused at its header", () => {
    const grid = oracleReleaseGrid(ORACLE.get("2024-12")!).slice(1);
    const analysis2 = analyze([{ source: sheet("Sheet1"), grid }], options);
    expect(analysis2.problems.filter((p) => p.severity === "error").map((p) => [p.code, p.location])).toEqual([["series-period-missing", "Sheet1!A1"]]);
    expect(analysis2.series).toEqual([]);
  });
});

describe("the regional table, every December 2022–2025: the 全国总计 row is the oracle's", () => {
  test.each(YEARS)("%i", (year) => {
    const month = ORACLE.get(`${year}-12`)!;
    const analysis = read([["分地区", regionalGrid(month)]]);
    expect(analysis.problems.filter((p) => p.severity === "error")).toEqual([]);
    const nation = analysis.series.filter((s) => s.region === null);
    expect(nation.map((s) => [s.indicatorId, s.points[0].value, s.points[0].publishedYoyPct])).toEqual([
      ["total.investment", month.investTotalCum, month.investTotalCumYoy],
      ["total.salesArea", month.salesAreaCum, month.salesAreaCumYoy],
      ["total.salesValue", month.salesAmtCum, month.salesAmtCumYoy],
    ]);
  });
});

describe("the regional table (东中西部和东北地区, two-line header, 全国总计 first)", () => {
  const month = ORACLE.get("2024-12")!;
  const analysis = read([["分地区", regionalGrid(month)]]);

  test("the nation's row is the nation (region null) with the oracle's figures", () => {
    expect(analysis.problems.filter((p) => p.severity === "error")).toEqual([]);
    const nation = analysis.series.filter((s) => s.region === null);
    expect(nation.map((s) => [s.indicatorId, s.layout, s.points[0].period, s.points[0].value, s.points[0].publishedYoyPct])).toEqual([
      ["total.investment", "regional-table", "2024-12", 100280, -10.6],
      ["total.salesArea", "regional-table", "2024-12", 97385, -12.9],
      ["total.salesValue", "regional-table", "2024-12", 96750, -17.1],
    ]);
  });

  test("each region (synthetic figures) is its own series, named as the release names it", () => {
    const regions = [...new Set(analysis.series.filter((s) => s.region !== null).map((s) => s.region))];
    expect(regions).toEqual(SYNTHETIC_REGIONS.map((r) => r.name));
    const east = analysis.series.find((s) => s.region === "东部地区" && s.indicatorId === "total.salesArea")!;
    expect([east.points[0].value, east.points[0].publishedYoyPct]).toEqual([Math.round(97385 * 0.55 * 100) / 100, -10.8]);
  });
});

describe("the hand table (months as bare numbers, no year)", () => {
  test("without a year anywhere it is refused at the first month cell, and no period is read", () => {
    const analysis = read([["Sheet1", oracleHandGrid(2025)]]);
    expect(analysis.problems.filter((p) => p.severity === "error").map((p) => [p.code, p.location])).toEqual([["series-year-missing", "Sheet1!B1"]]);
    expect(analysis.series).toEqual([]);
  });

  test("with the person's year it reads 2025's figures year to date", () => {
    const analysis = read([["Sheet1", oracleHandGrid(2025)]], 2025);
    const at = (id: string) => analysis.series.find((s) => s.indicatorId === id)!.points.find((p) => p.period === "2025-12")!;
    expect([at("total.salesArea").value, at("total.salesValue").value, at("total.investment").value, at("total.stockArea").value]).toEqual([88101, 83937, 82788, 76632]);
    expect(at("total.investment").label).toBe("2025年1-12月");
    expect(analysis.series.find((s) => s.indicatorId === "total.investment")!.points[0].label).toBe("2025年1-2月");
    const table = analysis.tables[0];
    expect(table.kind === "series" && [table.layout, table.yearFrom]).toEqual(["hand-table", "person"]);
  });

  test.each(YEARS)("%i: with the year in the title, every month's level of every indicator is the oracle's", (year) => {
    const analysis = read([["Sheet1", oracleHandGrid(year, `${year}年全国房地产开发和销售情况（累计）`)]]);
    expect(analysis.problems.filter((p) => p.severity === "error")).toEqual([]);
    for (const ind of ORACLE_INDICATORS.slice(0, 7)) {
      const s = analysis.series.find((x) => x.indicatorId === ind.id)!;
      expect(s.layout).toBe("hand-table");
      for (const d of CHECKED.filter((m) => m.startsWith(String(year)))) {
        expect([ind.id, d, s.points.find((p) => p.period === d)?.value ?? null]).toEqual([ind.id, d, ORACLE.get(d)![ind.level]]);
      }
    }
  });

  test("a title row that says the year gives it", () => {
    const analysis = read([["Sheet1", oracleHandGrid(2024, "2024年全国房地产开发和销售情况")]]);
    const table = analysis.tables[0];
    expect(table.kind === "series" && table.yearFrom).toBe("title");
    expect(analysis.series.find((s) => s.indicatorId === "total.salesArea")!.points.at(-1)!.value).toBe(97385);
  });
});

describe("the 分省 export, one file per indicator (指标： line), a 全国 row of the oracle's figures", () => {
  const months = monthsBetween("2021-02", "2025-12");
  const grids: [string, Grid][] = ORACLE_INDICATORS.flatMap((ind) => [
    [`分省-${ind.id}`, provinceExportGrid(ind, "level", months)] as [string, Grid],
    ...(ind.rate !== undefined ? [[`分省-${ind.id}-rate`, provinceExportGrid(ind, "rate", months)] as [string, Grid]] : []),
  ]);
  const analysis = read(grids);

  test("each indicator's 全国 row gives the oracle's levels and rates, 2022–2025", () => {
    expect(analysis.problems.filter((p) => p.severity === "error")).toEqual([]);
    // Level and rate come from two files: each file is its own series of the same indicator.
    for (const ind of ORACLE_INDICATORS) {
      const nation = analysis.series.filter((s) => s.indicatorId === ind.id && s.region === null);
      expect(nation.every((s) => s.layout === "nbs-province-export")).toBe(true);
      for (const d of CHECKED) {
        const want = ORACLE.get(d)!;
        const level = nation.map((s) => s.points.find((p) => p.period === d)?.value ?? null).find((v) => v !== null) ?? null;
        const rate = nation.map((s) => s.points.find((p) => p.period === d)?.publishedYoyPct ?? null).find((v) => v !== null) ?? null;
        expect([ind.id, d, level, rate]).toEqual([ind.id, d, want[ind.level], ind.rate !== undefined ? want[ind.rate] : null]);
      }
    }
  });

  test("the provinces are regions, named as NBS writes them", () => {
    const regions = new Set(analysis.series.map((s) => s.region).filter((r) => r !== null));
    expect([...regions]).toEqual(["北京市", "内蒙古自治区"]);
  });
});
