// The 分省 export, built from the real data.stats.gov.cn CPI export's own layout (its `指标：` line,
// `地区,2020年3月,…` header, empty newest column, quoted multi-line footnote) with a real-estate
// indicator put in the `指标：` line; and a property: no header, however odd, makes StatDesk print
// a period whose year neither the data nor the person gave.

import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { analyze } from "../../src/core/analyze";
import { Grid } from "../../src/core/cells";
import { resolveOptions } from "../../src/core/options";
import { excelSerialToDate } from "../../src/core/periods";
import { decodeCsv, parseCsv, csvCell } from "../../src/host/csv";

const options = resolveOptions({}).options;

function realCsv(...parts: string[]): Grid {
  const bytes = fs.readFileSync(path.join(__dirname, "..", "fixtures", "real-data", ...parts));
  return parseCsv(decodeCsv(bytes).text).map((row) => row.map(csvCell));
}

describe("分省月度数据 with a real-estate indicator in its 指标： line", () => {
  const cpi = realCsv("nbs-exports-other-indicators", "cpi", "分省月度数据.csv");
  const grid: Grid = cpi.map((row) => (String(row[0]).startsWith("指标：") ? ["指标：商品房销售面积累计增长(%)", ...row.slice(1)] : row));
  const analysis = analyze([{ source: { file: "分省月度数据.csv", row: 0, column: 0 }, grid }], options);

  test("reads 31 provinces as regions, names as NBS writes them, the empty newest column ignored", () => {
    expect(analysis.problems.filter((p) => p.severity === "error")).toEqual([]);
    const regions = analysis.series.map((s) => s.region);
    expect(regions).toHaveLength(31);
    expect(regions.slice(0, 3)).toEqual(["北京市", "天津市", "河北省"]);
    expect(regions).toContain("内蒙古自治区");
    expect(analysis.series.every((s) => s.layout === "nbs-province-export" && s.indicatorId === "total.salesArea")).toBe(true);
    const beijing = analysis.series[0];
    // The CPI export's own figures, now read as published rates of the indicator named.
    expect(beijing.points.map((p) => [p.period, p.publishedYoyPct])).toEqual([
      ["2020-01", 104.5],
      ["2020-02", 103.6],
    ]);
  });

  test("the footnote and the source line are passed over", () => {
    const table = analysis.tables[0];
    expect(table.kind === "series" && table.skipped.map((s) => s.reason)).toEqual(["footnote", "footnote"]);
  });

  test("the untouched CPI export is refused as what it is", () => {
    const refused = analyze([{ source: { file: "分省月度数据.csv", row: 0, column: 0 }, grid: cpi }], options);
    expect(refused.problems.map((p) => [p.code, p.params.indicators])).toEqual([["nbs-not-real-estate", "居民消费价格指数"]]);
  });
});

describe("no period is invented (property)", () => {
  // Header cells a hand table may hold: bare months, month labels without a year, figures, text.
  const headerCell = fc.oneof(
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 13, max: 200000 }),
    fc.double({ min: 0, max: 100000, noNaN: true }),
    fc.constantFrom("12月", "1-2月", "1—6月", "1月", "合计", "累计", "", "2月份"),
  );
  const indicator = fc.constantFrom("房地产开发投资（亿元）", "新建商品房销售面积（万平方米）", "  其中：住宅", "商品房待售面积（万平方米）", "全社会固定资产投资");
  const figure = fc.oneof(fc.integer({ min: 1, max: 200000 }), fc.constant(""), fc.constant("—"));

  test("every year printed is one the grid's text, its file name or the person gave", () => {
    fc.assert(
      fc.property(
        fc.array(headerCell, { minLength: 2, maxLength: 12 }),
        fc.array(fc.tuple(indicator, fc.array(figure, { minLength: 12, maxLength: 12 })), { minLength: 1, maxLength: 6 }),
        fc.option(fc.integer({ min: 2015, max: 2030 }), { nil: undefined }),
        (header, rows, personYear) => {
          const grid: Grid = [["accumated till", ...header], ...rows.map(([name, figures]) => [name, ...figures.slice(0, header.length)])];
          const analysis = analyze([{ source: { file: "housing_sales.xlsx", sheet: "Sheet1", row: 0, column: 0 }, grid, ...(personYear !== undefined ? { overrides: { year: personYear } } : {}) }], options);
          const given = new Set<number>(personYear !== undefined ? [personYear] : []);
          // What the data says: a year written in a cell, or a month typed as a date (Excel keeps
          // "2024-12" as the serial of its first day; a figure on any other day is no date).
          for (const cell of header) {
            if (typeof cell === "number" && Number.isInteger(cell) && cell >= 1900 && cell <= 2100) given.add(cell);
            else if (typeof cell === "number" && Number.isInteger(cell) && cell > 3000) {
              const d = excelSerialToDate(cell);
              if (d.day === 1 || excelSerialToDate(cell + 1).day === 1) given.add(d.year);
            }
          }
          for (const s of analysis.series) for (const p of s.points) expect(given.has(p.year)).toBe(true);
          for (const r of analysis.rankings) expect(given.has(r.year)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("a long table by region is not taken for an export with months down the rows", () => {
  test("时间 | 地区 | indicator columns keeps its regions", () => {
    const grid: Grid = [
      ["时间", "地区", "新建商品房销售面积累计值(万平方米)", "新建商品房销售面积累计增长(%)"],
      ["2024年12月", "全国", 97385, -12.9],
      ["2024年12月", "北京市", 1127.5, -5.1],
    ];
    const analysis = analyze([{ source: { sheet: "分地区", row: 0, column: 0 }, grid }], options);
    expect(analysis.problems.filter((p) => p.severity !== "info")).toEqual([]);
    expect(analysis.series.map((s) => [s.layout, s.region, s.points[0].value, s.points[0].publishedYoyPct])).toEqual([
      ["long-table", null, 97385, -12.9],
      ["long-table", "北京市", 1127.5, -5.1],
    ]);
  });
});
