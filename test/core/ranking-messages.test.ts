// Messages name the cells a person must look at (issue #11 §5): a list whose every figure is
// unusable is refused at those figure cells, and a duplicate enterprise is named at its name
// cells as well as its figures, in both languages.

import { Grid } from "../../src/core/cells";
import { readRankingTables } from "../../src/core/ranking-table";
import { analyze } from "../../src/core/analyze";
import { resolveOptions } from "../../src/core/options";
import { SourceRef } from "../../src/core/source";
import { problemMessage } from "../../src/core/messages";
import { Problem } from "../../src/core/problems";

const sheet = (name: string): SourceRef => ({ sheet: name, row: 0, column: 0 });
const only = (problems: readonly Problem[], code: string): Problem[] => problems.filter((p) => p.code === code);

describe("a list with no usable figure is refused at the figure cells", () => {
  const header = ["排名", "企业名称", "2024年销售额（亿元）"];

  test("#N/A, blank and text: no-rows at C2:C4, the figure column's body", () => {
    const grid: Grid = [header, [1, "甲", "#N/A"], [2, "乙", ""], [3, "丙", "暂无"]];
    const [t] = readRankingTables(grid, sheet("Sheet1"));
    expect(t.lists).toEqual([]);
    const [noRows] = only(t.problems, "no-rows");
    expect(noRows).toMatchObject({ severity: "error", location: "Sheet1!C2:C4", params: { source: "Sheet1", figures: "Sheet1!C2:C4" } });
    expect(problemMessage(noRows, "zh-CN")).toContain("C2:C4 中没有一个可计入的数值");
    expect(problemMessage(noRows, "en-US")).toContain("none of the figures in C2:C4 can be counted");
  });

  test("through analyze, the only error a person sees is at those cells, offset by where the grid sits", () => {
    const { options } = resolveOptions({});
    const grid: Grid = [header, [1, "甲", "#N/A"], [2, "乙", "—"], [3, "丙", -5]];
    const result = analyze([{ source: { sheet: "2024年", row: 4, column: 1 }, grid }], options);
    expect(result.problems.filter((p) => p.severity === "error").map((p) => [p.code, p.location])).toEqual([["no-rows", "'2024年'!D6:D8"]]);
  });

  test("figures in two columns (sales and area): the rectangle covering both", () => {
    const grid: Grid = [["企业名称", "销售额（亿元）", "销售面积（万平方米）"], ["甲", "#N/A", "n/a"], ["乙", "", ""]];
    const [t] = readRankingTables(grid, sheet("2024"));
    expect(only(t.problems, "no-rows").map((p) => p.location)).toEqual(["'2024'!B2:C3"]);
  });

  test("totals and footnotes below the list are not part of the rectangle", () => {
    const grid: Grid = [header, [1, "甲", "#N/A"], [2, "乙", "#N/A"], ["合计", "", 100], ["注：数据为合成数据"]];
    const [t] = readRankingTables(grid, sheet("S"));
    expect(only(t.problems, "no-rows").map((p) => p.location)).toEqual(["S!C2:C3"]);
  });

  test("no figure cell to point to (only a header, or only a totals row): still at the header, as before", () => {
    expect(only(readRankingTables([header], sheet("S"))[0].problems, "no-rows").map((p) => [p.location, p.params.figures])).toEqual([["S!A1", undefined]]);
    const totals = readRankingTables([header, ["合计", "", 100]], sheet("S"))[0];
    expect(only(totals.problems, "no-rows").map((p) => p.location)).toEqual(["S!A1"]);
    expect(problemMessage(only(totals.problems, "no-rows")[0], "en-US")).toBe("S has a header but no usable data rows.");
  });
});

describe("a duplicate enterprise is named at its name cells and its figures", () => {
  const grid: Grid = [
    ["排名", "企业名称", "2024年销售额（亿元）"],
    [1, "万科", 3000],
    [2, "保利", 2000],
    [3, "万科", 1000],
  ];

  test("located at the second name cell; both name cells and both figure cells in the params", () => {
    const [t] = readRankingTables(grid, sheet("Sheet1"));
    expect(only(t.problems, "duplicate-enterprise")).toEqual([
      {
        code: "duplicate-enterprise",
        severity: "warning",
        location: "Sheet1!B4",
        params: { name: "万科", nameCell: "Sheet1!B4", otherNameCell: "Sheet1!B2", figure: "Sheet1!C4", other: "Sheet1!C2" },
      },
    ]);
  });

  test("the message names B2、B4 and the figures C2、C4, in zh-CN and en-US", () => {
    const [dup] = only(readRankingTables(grid, sheet("Sheet1"))[0].problems, "duplicate-enterprise");
    expect(problemMessage(dup, "zh-CN")).toBe("同一年中“万科”出现两次（B2、B4，数值在 C2、C4），两行都已计入；请确认是否重复。");
    expect(problemMessage(dup, "en-US")).toBe('"万科" appears twice in one year (B2, B4; figures at C2, C4); both rows were counted. Check for a duplicate.');
  });

  test("in sheet order even when the list's order (by value) puts the later row first", () => {
    const byValue: Grid = [["企业名称", "销售额（亿元）"], ["万科", 100], ["保利", 2000], ["万科 ", 3000]];
    const [dup] = only(readRankingTables(byValue, { file: "2024年.csv", row: 0, column: 0 })[0].problems, "duplicate-enterprise");
    expect(dup.location).toBe("2024年.csv!A4");
    expect(dup.params).toMatchObject({ nameCell: "2024年.csv!A4", otherNameCell: "2024年.csv!A2", figure: "2024年.csv!B4", other: "2024年.csv!B2" });
    expect(problemMessage(dup, "zh-CN")).toContain("（A2、A4，数值在 B2、B4）");
  });
});
