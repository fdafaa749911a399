// The table around a cell (#13 §1), through Microsoft's Excel client against the in-memory host:
// a cell, or a selection inside one block, stands for its current region (Ctrl+A), taken from the
// sheet's used cells in the same round trip; whole columns, Excel tables and named ranges are
// taken as they are; a stored region is taken again on a refresh, so rows added below count.

import { Grid } from "../../src/core/cells";
import { previewSource } from "../../src/run/preview";
import { readWorkbook } from "../../src/excel/read";
import { bandAround, currentRegion, regionOfSelection, columnBands } from "../../src/core/region";
import { runAnalysis } from "../../src/run/run";
import { AnalysisDefinition, SourceDefinition } from "../../src/run/types";
import { CIA_2023, CIA_2024 } from "../fixtures/rankings/synthetic";
import { NAMES_2024 } from "../fixtures/rankings/build";
import { RUN_CONTEXT, testWorkbook } from "./harness";

/** A list as desks receive it: a title row, the header, the entries, a footnote and a source line. */
const titledList = (year: number, values: readonly number[], names: readonly string[]): Grid => [
  [`${year}年房企销售额排行（单位：亿元）`, "", ""],
  ["排名", "企业名称", "销售额（亿元）"],
  ...values.map((v, i) => [i + 1, names[i], v]),
  ["注：数值为合成数据。", "", ""],
  ["数据来源：中指研究院", "", ""],
];

/** Two grids side by side, a blank column between them. */
function sideBySide(left: Grid, right: Grid): Grid {
  const rows = Math.max(left.length, right.length);
  return Array.from({ length: rows }, (_, r) => [...[0, 1, 2].map((c) => left[r]?.[c] ?? ""), "", ...[0, 1, 2].map((c) => right[r]?.[c] ?? "")]);
}

const region = (anchor: string, role: SourceDefinition["role"] = "auto"): SourceDefinition => ({ role, spec: { kind: "region", anchor } });

describe("currentRegion (pure)", () => {
  const cells = [
    ["title", "", "", "", "x"],
    ["a", "b", "", "", "y"],
    ["1", "2", "", "", ""],
    ["", "", "", "", ""],
    ["note", "", "", "", ""],
  ];
  test("a cell in a block: the block with the title above, stopping at the blank row and column", () => {
    expect(currentRegion(cells, { row: 2, column: 1, rowCount: 1, columnCount: 1 })).toEqual({ row: 0, column: 0, rowCount: 3, columnCount: 2 });
  });
  test("an empty cell with nothing around stays itself; a diagonal neighbour joins, as in Excel", () => {
    expect(currentRegion([["", "", ""], ["", "", ""], ["", "", "z"]], { row: 0, column: 0, rowCount: 1, columnCount: 1 })).toEqual({ row: 0, column: 0, rowCount: 1, columnCount: 1 });
    expect(currentRegion([["", "", ""], ["", "", ""], ["", "", "z"]], { row: 1, column: 1, rowCount: 1, columnCount: 1 })).toEqual({ row: 1, column: 1, rowCount: 2, columnCount: 2 });
  });
  test("a selection inside its block stands for the block; one across the block's width stays as chosen", () => {
    const block = [
      ["h", "h", "h"],
      ["1", "2", "3"],
      ["4", "5", "6"],
      ["7", "8", "9"],
    ];
    expect(regionOfSelection(block, { row: 1, column: 1, rowCount: 2, columnCount: 1 })).toEqual({ row: 0, column: 0, rowCount: 4, columnCount: 3 });
    expect(regionOfSelection(block, { row: 0, column: 0, rowCount: 3, columnCount: 3 })).toBeUndefined();
  });
  test("column bands: two tables with a blank column between are two bands, each trimmed to its rows", () => {
    expect(columnBands([["a", "", "b"], ["1", "", "2"], ["", "", "3"]])).toEqual([
      { row: 0, column: 0, rowCount: 2, columnCount: 1 },
      { row: 0, column: 2, rowCount: 3, columnCount: 1 },
    ]);
  });
  test("the band around a column: the run of columns up to a blank one on each side, over all its filled rows; none for a blank column", () => {
    const cells = [
      ["title", "", "", "", "x"],
      ["a", "b", "", "", "y"],
      ["", "", "", "", ""],
      ["note", "", "", "", ""],
    ];
    expect(bandAround(cells, 1)).toEqual({ row: 0, column: 0, rowCount: 4, columnCount: 2 });
    expect(bandAround(cells, 4)).toEqual({ row: 0, column: 4, rowCount: 2, columnCount: 1 });
    expect(bandAround(cells, 2)).toBeUndefined();
  });
});

describe("a region through the host", () => {
  test("a single cell stands for its block; the preview says it grew and from where", async () => {
    const { env } = testWorkbook({ wide: [["企业", "2024"], ["甲", 10], ["乙", 9]] });
    const preview = await previewSource(env, region("wide!B2"));
    expect(preview.address).toBe("wide!A1:B3");
    expect(preview.region).toEqual({ anchor: "wide!B2", expanded: true });
  });

  test("a cell inside a ranking with a title row and a footnote: the whole table, title and footnotes included, in one round trip", async () => {
    const { env } = testWorkbook({ "2024年": titledList(2024, CIA_2024, NAMES_2024.current) });
    const read = await readWorkbook(env.run, [region("'2024年'!B5", "current")]);
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    expect(read.syncs).toBe(1);
    const rows = CIA_2024.length + 4;
    expect(read.sources[0].address).toBe(`'2024年'!A1:C${rows}`);
    expect(read.sources[0].values[0][0]).toBe("2024年房企销售额排行（单位：亿元）");
    expect(read.sources[0].values[rows - 1][0]).toBe("数据来源：中指研究院");
    const preview = await previewSource(env, region("'2024年'!B5", "current"));
    expect(preview.tables.map((t) => [t.kind, t.years, t.keptRows])).toEqual([["ranking", [2024], CIA_2024.length]]);
    // the two footnote lines are passed over as footnotes, at the first one's cell
    expect(preview.tables[0].skipped).toEqual([{ reason: "footnote", count: 2, first: `'2024年'!A${rows - 1}` }]);
  });

  test("two tables on one sheet separated by a blank column: the region stops at the blank column", async () => {
    const { env } = testWorkbook({ both: sideBySide(titledList(2024, CIA_2024, NAMES_2024.current), titledList(2023, CIA_2023, NAMES_2024.previous)) });
    const left = await previewSource(env, region("both!B10"));
    expect(left.address).toBe(`both!A1:C${CIA_2024.length + 4}`);
    expect(left.tables.map((t) => t.years)).toEqual([[2024]]);
    const right = await previewSource(env, region("both!F10"));
    expect(right.address).toBe(`both!E1:G${CIA_2023.length + 4}`);
    expect(right.tables.map((t) => t.years)).toEqual([[2023]]);
  });

  test("a column band (a table Find data found): its columns over every filled row, blank rows between title, body and footnote included; never said to be extended", async () => {
    const spaced: Grid = [["2024年房企销售额排行（单位：亿元）"], [], ...titledList(2024, CIA_2024, NAMES_2024.current).slice(1)];
    const { env } = testWorkbook({ both: sideBySide(spaced, titledList(2023, CIA_2023, NAMES_2024.previous)) });
    const band = (anchor: string): SourceDefinition => ({ role: "auto", spec: { kind: "region", anchor, extent: "column-band" } });
    const left = await previewSource(env, band("both!A1"));
    expect(left.address).toBe(`both!A1:C${CIA_2024.length + 5}`);
    expect(left.region).toEqual({ anchor: "both!A1", expanded: false });
    expect(left.tables.map((t) => [t.years, t.unit])).toEqual([[[2024], "亿元"]]);
    // the current region around the same cell stops at the blank row under the title
    const block = await previewSource(env, region("both!A1"));
    expect(block.address).toBe("both!A1");
    const right = await previewSource(env, band("both!E1"));
    expect(right.address).toBe(`both!E1:G${CIA_2023.length + 4}`);
    // a band whose column is blank takes nothing: no cells, no table
    const blank = await previewSource(env, band("both!D1"));
    expect([blank.address, blank.tables]).toEqual(["both!D1", []]);
  });

  test("a selection across the table's width is taken as chosen; whole columns as today", async () => {
    const { env } = testWorkbook({ "2024年": titledList(2024, CIA_2024, NAMES_2024.current) });
    const chosen = await previewSource(env, region("'2024年'!A1:C20"));
    expect(chosen.address).toBe("'2024年'!A1:C20");
    expect(chosen.region?.expanded).toBe(false);
    const inside = await previewSource(env, region("'2024年'!B5:B9"));
    expect(inside.address).toBe(`'2024年'!A1:C${CIA_2024.length + 4}`);
    const columns = await previewSource(env, { role: "auto", spec: { kind: "address", address: "'2024年'!A:B" } });
    expect(columns.address).toBe(`'2024年'!A1:B${CIA_2024.length + 4}`);
    expect(columns.region).toBeUndefined();
  });

  test("an Excel table name and a named range are taken as they are, not grown to the block", async () => {
    const { env } = testWorkbook({ "2024年": titledList(2024, CIA_2024, NAMES_2024.current) });
    await env.run(async (ctx) => {
      ctx.workbook.tables.add("'2024年'!A2:C40", true).name = "Ranking2024";
      ctx.workbook.names.add("TwentyLargest", ctx.workbook.worksheets.getItem("2024年").getRange("A2:C22"));
      await ctx.sync();
    });
    const table = await previewSource(env, { role: "current", spec: { kind: "table", name: "Ranking2024" }, overrides: { year: 2024 } });
    expect(table.address).toBe("'2024年'!A2:C40");
    expect(table.region).toBeUndefined();
    const named = await previewSource(env, { role: "current", spec: { kind: "name", name: "TwentyLargest" }, overrides: { year: 2024 } });
    expect(named.address).toBe("'2024年'!A2:C22");
    expect(named.tables[0].keptRows).toBe(20);
  });

  test("a stored region is taken again on a refresh: rows added below the table are read", async () => {
    const { env, workbook } = testWorkbook({
      "2024年": titledList(2024, CIA_2024.slice(0, 100), NAMES_2024.current),
      "2023年": titledList(2023, CIA_2023, NAMES_2024.previous),
    });
    const definition: AnalysisDefinition = {
      id: "r1",
      sources: [
        { role: "current", spec: { kind: "region", anchor: "'2024年'!B5" } },
        { role: "previous", spec: { kind: "region", anchor: "'2023年'!C7" } },
      ],
      options: {},
      output: { sheetName: "", language: "zh-CN", colours: "red-up" },
    };
    const first = await runAnalysis(env, definition, RUN_CONTEXT);
    if (!first.ok) throw new Error(JSON.stringify(first.problems));
    expect(first.analysis.rankings[0].enterprises).toBe(100);
    expect(first.stats.syncs).toBe(2);
    // the rest of the list arrives: the footnotes move down, the anchor stays at B5
    const sheet = workbook.sheet("2024年")!;
    const grid = titledList(2024, CIA_2024, NAMES_2024.current);
    grid.forEach((row, r) => row.forEach((v, c) => sheet.setValue(r, c, v === undefined || v === null ? "" : v)));
    const again = await runAnalysis(env, first.definition, RUN_CONTEXT);
    if (!again.ok) throw new Error(JSON.stringify(again.problems));
    expect(again.analysis.rankings[0].enterprises).toBe(CIA_2024.length);
    expect(again.definition.sources[0].spec).toEqual({ kind: "region", anchor: "'2024年'!B5" });
  });
});
