// Messy ranking sheets as desks hold them: every case the foundation issue lists, each checked
// for what was read and for the warning (code and cell) a person would be shown.

import { Grid } from "../../src/core/cells";
import { readRankingTables } from "../../src/core/ranking-table";
import { entryObjects } from "../../src/core/ranking-entries";
import { analyze } from "../../src/core/analyze";
import { resolveOptions } from "../../src/core/options";
import { SourceRef } from "../../src/core/source";
import { problemMessage } from "../../src/core/messages";

const sheet = (name: string): SourceRef => ({ sheet: name, row: 0, column: 0 });
const codes = (problems: readonly { code: string; location?: string }[]) => problems.map((p) => `${p.code}@${p.location ?? ""}`);

describe("header, title and units", () => {
  test("a title row above the header gives the year and unit; units in the header are read", () => {
    const grid: Grid = [
      ["2024年房企销售额排行（单位：亿元）", "", ""],
      ["排名", "企业名称", "销售额"],
      [1, "甲", 3000],
      [2, "乙", 2000],
    ];
    const [t] = readRankingTables(grid, sheet("Sheet1"));
    expect(t.headerRow).toBe(1);
    expect(t.columns.map((c) => c.role)).toEqual(["rank", "name", "value"]);
    expect(t.lists).toHaveLength(1);
    expect(t.lists[0]).toMatchObject({ metric: "salesValue", unit: "亿元", yearSource: "title", period: { year: 2024 } });
    expect(entryObjects(t.lists[0].entries).map((e) => [e.name, e.value, e.publishedRank])).toEqual([
      ["甲", 3000, 1],
      ["乙", 2000, 2],
    ]);
    expect(t.problems.filter((p) => p.severity !== "info")).toEqual([]);
  });

  test("English headers with a year column and units in 万元 are converted to 亿元", () => {
    const grid: Grid = [
      ["Rank", "Company", "Sales (10k yuan)", "Year"],
      [1, "Alpha", 30000000, 2024],
      [2, "Beta", 20000000, 2024],
      [1, "Beta", 25000000, 2023],
      [2, "Alpha", 21000000, 2023],
    ];
    const [t] = readRankingTables(grid, sheet("Data"));
    const byYear = Object.fromEntries(t.lists.map((l) => [l.period.year, entryObjects(l.entries).map((e) => [e.name, e.value])]));
    expect(byYear).toEqual({ 2024: [["Alpha", 3000], ["Beta", 2000]], 2023: [["Beta", 2500], ["Alpha", 2100]] });
    expect(t.lists[0]).toMatchObject({ sourceUnit: "万元", unit: "亿元", yearSource: "year-column" });
  });

  test("the year from the sheet name, then the file name; none at all is an error at the header", () => {
    const grid: Grid = [["企业", "金额（亿元）"], ["甲", 10]];
    expect(readRankingTables(grid, sheet("2024年TOP100"))[0].lists[0]).toMatchObject({ period: { year: 2024 }, yearSource: "sheet" });
    expect(readRankingTables(grid, { file: "2023年TOP200.csv", row: 0, column: 0 })[0].lists[0]).toMatchObject({
      period: { year: 2023 },
      yearSource: "file",
    });
    const none = readRankingTables(grid, sheet("Sheet1"))[0];
    expect(codes(none.problems)).toContain("no-year@Sheet1!A1");
    expect(readRankingTables(grid, sheet("Sheet1"), { year: 2022 })[0].lists[0]).toMatchObject({ period: { year: 2022 }, yearSource: "user" });
  });

  test("the year typed for a list titled with months only keeps its months: 1-11月 with 2024 is 2024年1-11月, not the whole year", () => {
    const grid: Grid = [["1-11月房企销售额排行（单位：亿元）"], ["排名", "企业", "金额（亿元）"], [1, "甲", 10]];
    const none = readRankingTables(grid, sheet("上月"))[0];
    expect(codes(none.problems)).toContain("no-year@上月!A2");
    expect(readRankingTables(grid, sheet("上月"), { year: 2024 })[0].lists[0]).toMatchObject({ period: { year: 2024, fromMonth: 1, toMonth: 11 }, yearSource: "user" });
  });

  test("a header without a unit assumes 亿元 and says so", () => {
    const [t] = readRankingTables([["企业名称", "2024年销售额"], ["甲", 1]], sheet("S"));
    expect(codes(t.problems)).toEqual(["unit-assumed@S!B1"]);
  });

  test("merged header cells: 销售额（亿元） over 2024年 | 2023年", () => {
    const grid: Grid = [
      ["排名", "企业", "销售额（亿元）", ""],
      ["", "", "2024年", "2023年"],
      [1, "甲", 3000, 2500],
      [2, "乙", 2000, "—"],
    ];
    const [t] = readRankingTables(grid, sheet("S"));
    expect(t.headerLines).toBe(2);
    expect(t.columns.map((c) => [c.role, c.period?.year])).toEqual([
      ["rank", undefined],
      ["name", undefined],
      ["value", 2024],
      ["value", 2023],
    ]);
    expect(t.lists.map((l) => [l.period.year, l.wide, l.entries.length])).toEqual([
      [2024, true, 2],
      [2023, true, 1],
    ]);
    // a dash in a wide table means "not ranked that year": reported quietly, at its cell
    expect(t.problems.find((p) => p.code === "missing-value")).toMatchObject({ severity: "info", location: "S!D4" });
  });
});

describe("cells that are not plain numbers", () => {
  const grid: Grid = [
    ["排名", "企业名称", "销售额（亿元）"],
    [1, "甲", "3,430.2"],
    [2, "乙", "３４３０．１"],
    [3, "丙", "—"],
    [4, "丁", "n/a"],
    [5, "戊", "#N/A"],
    [6, "己", "12.5%"],
    [7, "庚", -3],
    [8, "辛", true],
    [9, "壬", "2024-01-05"],
    [10, "癸", ""],
  ];
  const [t] = readRankingTables(grid, { file: "list.csv", row: 0, column: 0 }, { year: 2024 });

  test("text numbers are read, each with an info note at its cell", () => {
    expect(entryObjects(t.lists[0].entries).map((e) => [e.name, e.value])).toEqual([
      ["甲", 3430.2],
      ["乙", 3430.1],
    ]);
    expect(codes(t.problems.filter((p) => p.code === "text-number"))).toEqual(["text-number@list.csv!C2", "text-number@list.csv!C3"]);
  });

  test("everything else is missing, with the reason and the cell", () => {
    const missing = t.problems.filter((p) => p.code === "missing-value").map((p) => [p.location, p.params.reason, p.severity]);
    expect(missing).toEqual([
      ["list.csv!C4", "dash", "warning"],
      ["list.csv!C5", "not-available", "warning"],
      ["list.csv!C6", "excel-error", "warning"],
      ["list.csv!C9", "boolean", "warning"],
      ["list.csv!C10", "date", "warning"],
      ["list.csv!C11", "empty", "warning"],
    ]);
    expect(codes(t.problems.filter((p) => p.code === "percent-in-amount" || p.code === "negative-value"))).toEqual([
      "percent-in-amount@list.csv!C7",
      "negative-value@list.csv!C8",
    ]);
  });
});

describe("rows that are not enterprises", () => {
  const grid: Grid = [
    ["2024年TOP榜"],
    ["排名", "企业名称", "销售额（亿元）"],
    [1, "甲", 300],
    ["", "", ""],
    [2, "乙", 200],
    ["合计", "", 500],
    ["", "总计", 500],
    ["小计", "", 500],
    ["Total", "", 500],
    ["TOP10合计", "", 500],
    ["", "", 7],
    ["注：数据为合成数据"],
    ["数据来源：测试"],
  ];
  const [t] = readRankingTables(grid, sheet("S"));

  test("blank rows, totals and footnotes are skipped, never counted", () => {
    expect(entryObjects(t.lists[0].entries).map((e) => e.name)).toEqual(["甲", "乙"]);
    expect(t.skippedRows.map((s) => s.reason)).toEqual(["blank", "total", "total", "total", "total", "total", "no-name", "footnote", "footnote"]);
    expect(codes(t.problems)).toEqual(expect.arrayContaining(["missing-name@S!B11", "rows-skipped@S!A6"]));
  });
});

describe("enterprises", () => {
  test("a duplicate in one year is reported at its name cells and its figures", () => {
    const [t] = readRankingTables([["企业名称", "2024年销售额（亿元）"], ["甲", 3], ["乙", 2], ["甲 ", 1]], sheet("S"));
    expect(t.problems.find((p) => p.code === "duplicate-enterprise")).toMatchObject({
      location: "S!A4",
      params: { nameCell: "S!A4", otherNameCell: "S!A2", figure: "S!B4", other: "S!B2" },
    });
  });

  test("ranks that contradict values are used and reported", () => {
    const [t] = readRankingTables([["排名", "企业名称", "2024年销售额（亿元）"], [1, "甲", 3], [2, "乙", 5], [3, "丙", 1]], sheet("S"));
    expect(entryObjects(t.lists[0].entries).map((e) => e.name)).toEqual(["甲", "乙", "丙"]);
    expect(codes(t.problems.filter((p) => p.code === "rank-order"))).toEqual(["rank-order@S!C3"]);
  });

  test("amount columns on different bases give one list each; two columns of one basis are ambiguous: the first is used and the other named", () => {
    const [t] = readRankingTables([["企业名称", "全口径销售金额（亿元）", "权益销售金额（亿元）"], ["甲", 3, 2]], sheet("2024"));
    expect(t.lists.map((l) => [l.basis, l.entries.values[0]])).toEqual([["全口径", 3], ["权益", 2]]);
    expect(t.problems.map((p) => p.code)).not.toContain("several-value-columns");

    const [ambiguous] = readRankingTables([["企业名称", "销售金额（亿元）", "合同销售额（亿元）"], ["甲", 3, 2]], sheet("2024"));
    expect(ambiguous.lists).toHaveLength(1);
    expect(ambiguous.lists[0].entries.values[0]).toBe(3);
    expect(ambiguous.problems.find((p) => p.code === "several-value-columns")?.params).toEqual({ used: "销售金额（亿元）", ignored: "合同销售额（亿元）" });
  });

  test("sales area is its own metric in 万平方米", () => {
    const [t] = readRankingTables([["企业名称", "销售额（亿元）", "销售面积（万平方米）"], ["甲", 3, 20]], sheet("2024"));
    expect(t.lists.map((l) => [l.metric, l.unit, l.entries.values[0]])).toEqual([
      ["salesValue", "亿元", 3],
      ["salesArea", "万平方米", 20],
    ]);
  });
});

describe("finding tables", () => {
  test("two tables stacked on one sheet are read one by one", () => {
    const grid: Grid = [
      ["2024年"],
      ["企业名称", "销售额（亿元）"],
      ["甲", 300],
      [""],
      ["2023年"],
      ["企业名称", "销售额（亿元）"],
      ["甲", 250],
    ];
    const tables = readRankingTables(grid, sheet("S"));
    expect(tables.map((t) => [t.lists[0].period.year, t.lists[0].entries.values[0]])).toEqual([
      [2024, 300],
      [2023, 250],
    ]);
  });

  test("a grid with no ranking header is 'no-table' naming the source", () => {
    const { options } = resolveOptions({});
    const result = analyze([{ source: sheet("Notes"), grid: [["hello"], ["world"]] }], options);
    expect(codes(result.problems)).toEqual(["no-table@Notes!A1:A2"]);
    const empty = analyze([{ source: sheet("Blank"), grid: [["", ""]] }], options);
    expect(codes(empty.problems)).toEqual(["empty-input@Blank!A1:B1"]);
  });

  test("a header with no rows under it", () => {
    const { options } = resolveOptions({});
    const result = analyze([{ source: sheet("2024"), grid: [["企业名称", "销售额（亿元）"]] }], options);
    expect(codes(result.problems.filter((p) => p.severity === "error"))).toEqual(["no-rows@'2024'!A1"]);
  });
});

describe("pairing years", () => {
  const { options } = resolveOptions({ topN: "2" });
  const list = (year: number, rows: [string, number][]) => ({ source: sheet(`${year}年`), grid: [["企业名称", "销售额（亿元）"], ...rows] });

  test("only one year: a summary with blank changes and a warning", () => {
    const result = analyze([list(2024, [["甲", 3], ["乙", 2]])], options);
    expect(result.rankings[0]).toMatchObject({ year: 2024, previousYear: null });
    expect(result.rankings[0].top[0]).toMatchObject({ sum: 5, previousSum: null, sumYoyPct: null });
    expect(result.problems.map((p) => p.code)).toContain("no-previous-year");
  });

  test("three years: the latest two are compared", () => {
    const result = analyze([list(2022, [["甲", 1], ["乙", 1]]), list(2024, [["甲", 3], ["乙", 2]]), list(2023, [["甲", 2], ["乙", 2]])], options);
    expect([result.rankings[0].year, result.rankings[0].previousYear]).toEqual([2024, 2023]);
    expect(result.problems.map((p) => p.code)).toContain("extra-years");
  });

  test("years two apart are not a year-on-year pair", () => {
    const result = analyze([list(2024, [["甲", 3], ["乙", 2]]), list(2022, [["甲", 2], ["乙", 2]])], options);
    expect(result.rankings[0].previousYear).toBeNull();
    expect(result.problems.map((p) => p.code)).toContain("years-not-consecutive");
  });

  test("units that disagree between years are converted and said", () => {
    const result = analyze(
      [
        { source: sheet("2024年"), grid: [["企业名称", "销售额（亿元）"], ["甲", 3], ["乙", 2]] },
        { source: sheet("2023年"), grid: [["企业名称", "销售额（万元）"], ["甲", 20000], ["乙", 10000]] },
      ],
      options,
    );
    expect(result.rankings[0].top[0]).toMatchObject({ sum: 5, previousSum: 3 });
    expect(result.problems.find((p) => p.code === "unit-converted")?.params).toEqual({ year: 2023, from: "万元", to: "亿元" });
  });

  test("fewer enterprises than N: TOP-N blank and a warning", () => {
    const result = analyze([list(2024, [["甲", 3]])], options);
    expect(result.rankings[0].top[0]).toMatchObject({ n: 2, complete: false, sum: null, threshold: null });
    expect(result.problems.map((p) => p.code)).toContain("top-incomplete");
  });

  test("a ranked enterprise left out for a missing figure leaves the TOP-N it falls in blank, and says which place", () => {
    const ranked = (year: number, rows: (string | number)[][]) => ({ source: sheet(`${year}年`), grid: [["排名", "企业名称", "销售额（亿元）"], ...rows] });
    const { options: top123 } = resolveOptions({ topN: "1,2,3" });
    const result = analyze(
      [
        ranked(2024, [[1, "甲", 1200], [2, "乙", "#N/A"], [3, "丙", 300], [4, "丁", 150]]),
        ranked(2023, [[1, "乙", 1000], [2, "甲", 800], [3, "丙", 90]]),
      ],
      top123,
    );
    const [top1, top2, top3] = result.rankings[0].top;
    expect(top1).toMatchObject({ n: 1, complete: true, sum: 1200, previousSum: 1000 });
    // The first three entries read (甲, 丙, 丁) are not the published TOP3: 乙 (2nd) has no figure.
    expect(top2).toMatchObject({ n: 2, complete: false, sum: null, threshold: null });
    expect(top3).toMatchObject({ n: 3, complete: false, sum: null, threshold: null, previousSum: 1890 });
    expect(result.rankings[0].groups.map((g) => g.mean)).toEqual([1200, null, null]);
    const gaps = result.problems.filter((p) => p.code === "top-place-missing");
    expect(gaps.map((p) => [p.location, p.params.place, p.params.n])).toEqual([
      ["'2024年'!A1:C5", 2, 2],
      ["'2024年'!A1:C5", 2, 3],
    ]);
    expect(codes(result.problems)).toContain("missing-value@'2024年'!C3");
  });

  test("places shared (1, 1, 3) are no gap", () => {
    const ranked = { source: sheet("2024年"), grid: [["排名", "企业名称", "销售额（亿元）"], [1, "甲", 500], [1, "乙", 500], [3, "丙", 300]] };
    const result = analyze([ranked], resolveOptions({ topN: "2,3" }).options);
    expect(result.rankings[0].top.map((t) => [t.complete, t.sum])).toEqual([
      [true, 1000],
      [true, 1300],
    ]);
    expect(result.problems.map((p) => p.code)).not.toContain("top-place-missing");
  });

  test("a national total below a TOP-N sum gives no concentration, and a warning naming both figures", () => {
    const { options: withNational } = resolveOptions({ topN: "2", nationalTotal: { current: 4, previous: 750 } });
    const result = analyze([list(2024, [["甲", 3], ["乙", 2]]), list(2023, [["甲", 2], ["乙", 2]])], withNational);
    expect(result.rankings[0].top[0]).toMatchObject({ sum: 5, share: null, previousShare: 4 / 750 * 100, shareChangePts: null });
    const warned = result.problems.filter((p) => p.code === "national-below-top");
    expect(warned.map((p) => [p.severity, p.location, p.params])).toEqual([["warning", "'2024年'!A1:B3", { year: 2024, national: 4, n: 2, sum: 5, unit: "亿元" }]]);
  });

  test("lists on different bases (全口径 against 权益, from a header or a title) are compared with a warning; one basis unknown, none", () => {
    const withHeader = (year: number, header: string, title?: string) => ({
      source: sheet(`${year}年`),
      grid: [...(title === undefined ? [] : [[title, ""]]), ["企业名称", header], ["甲", 3], ["乙", 2]],
    });
    const mixed = analyze([withHeader(2024, "全口径销售额（亿元）"), withHeader(2023, "权益销售额（亿元）")], options);
    const warned = mixed.problems.filter((p) => p.code === "basis-mismatch");
    expect(warned.map((p) => [p.severity, p.location, p.params])).toEqual([
      ["warning", "'2024年'!A1:B3", { year: 2024, basis: "全口径", previousYear: 2023, previousBasis: "权益" }],
    ]);
    expect(problemMessage(warned[0], "zh-CN")).toContain("2024年榜单为全口径，2023年为权益口径，口径不同");
    expect(mixed.rankings[0].previousYear).toBe(2023);

    const byTitle = analyze([withHeader(2024, "销售额（亿元）", "2024年房企销售额排行榜（操盘）"), withHeader(2023, "全口径销售额（亿元）")], options);
    expect(byTitle.problems.filter((p) => p.code === "basis-mismatch").map((p) => p.params.basis)).toEqual(["操盘"]);

    const same = analyze([withHeader(2024, "权益销售额（亿元）"), withHeader(2023, "2023年权益销售额")], options);
    const unknown = analyze([withHeader(2024, "权益销售额（亿元）"), withHeader(2023, "销售额（亿元）")], options);
    expect([...same.problems, ...unknown.problems].map((p) => p.code)).not.toContain("basis-mismatch");
  });

  test("two years a thousand times apart (万元 figures under a header without a unit) are warned about", () => {
    const result = analyze([list(2024, [["甲", 3000], ["乙", 2000]]), list(2023, [["甲", 30_000_000], ["乙", 20_000_000]])], options);
    const warned = result.problems.filter((p) => p.code === "unit-scale-mismatch");
    expect(warned.map((p) => [p.severity, p.location, p.params])).toEqual([["warning", "'2023年'!A1:B3", { year: 2023, other: 2024, ratio: 10000, unit: "亿元" }]]);
    expect(problemMessage(warned[0], "zh-CN")).toContain("2023年榜单的数值约为2024年的 10000 倍");
    // A year of strong growth is no unit problem.
    const growth = analyze([list(2024, [["甲", 3000], ["乙", 2000]]), list(2023, [["甲", 300], ["乙", 20]])], options);
    expect(growth.problems.map((p) => p.code)).not.toContain("unit-scale-mismatch");
  });
});
