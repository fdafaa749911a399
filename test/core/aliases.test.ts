// One enterprise under two names (issue 12 §3): an alias list unifies names before years are
// compared; without one, a likely pair is only noted, naming both cells and the line to add.
// Lists are the synthetic CRIC fixture (test/fixtures/rankings/cric-bases.ts): 碧桂园 in 2023 is
// written 碧桂园控股 in 2024, third by 全口径 both years.

import { aliasSuggestions, likelySameEnterprise, readAliasTable } from "../../src/core/aliases";
import { analyze } from "../../src/core/analyze";
import { Grid } from "../../src/core/cells";
import { problemMessage } from "../../src/core/messages";
import { resolveOptions } from "../../src/core/options";
import { SourceRef } from "../../src/core/source";
import { CRIC_2023, CRIC_2024, cricGrid } from "../fixtures/rankings/cric-bases";

const sheet = (name: string): SourceRef => ({ sheet: name, row: 0, column: 0 });
const file = (name: string): SourceRef => ({ file: name, row: 0, column: 0 });
const { options } = resolveOptions({});
const inputs = [
  { source: sheet("2024"), grid: cricGrid(CRIC_2024) },
  { source: sheet("2023"), grid: cricGrid(CRIC_2023) },
];
const total = (a: ReturnType<typeof analyze>) => a.rankings.find((r) => r.basis === "全口径")!;

describe("without an alias list", () => {
  const analysis = analyze(inputs, options);

  test("the renamed enterprise is an entrant and an exit: nothing is merged by itself", () => {
    const top10 = total(analysis).membership.find((m) => m.n === 10)!;
    expect(top10).toEqual({ n: 10, entrants: ["碧桂园控股"], exits: ["碧桂园"] });
  });

  test("a note names both name cells and suggests the alias line; names that are not alike get none", () => {
    const notes = analysis.problems.filter((p) => p.code === "alias-suggestion");
    // Said once for the pair, although both the 全口径 and the 权益 rankings show it.
    expect(notes.map((p) => [p.severity, p.location, p.params.previousNameCell, p.params.line])).toEqual([["info", "'2024'!B5", "'2023'!B5", "碧桂园控股,碧桂园"]]);
    expect(problemMessage(notes[0], "zh-CN")).toContain("“碧桂园控股”（'2024'!B5）是2024年新上榜的企业，“碧桂园”（'2023'!B5）");
    expect(problemMessage(notes[0], "zh-CN")).toContain("请在别名表中加一行“碧桂园控股,碧桂园”");
    expect(problemMessage(notes[0], "en-US")).toContain('add the line "碧桂园控股,碧桂园"');
    // 大悦城 (new) and 阳光城 (gone) are not alike.
    expect(notes.map((p) => p.params.name)).not.toContain("大悦城");
  });
});

describe("with an alias list", () => {
  const aliasGrid: Grid = [["名称", "统一名称"], ["碧桂园控股", "碧桂园"]];
  const { aliases, problems } = readAliasTable(aliasGrid, file("aliases.csv"));
  const analysis = analyze(inputs, options, aliases);

  test("the renamed enterprise is one enterprise: out of entrants and exits, a mover with both written names", () => {
    expect(problems).toEqual([]);
    for (const r of analysis.rankings) {
      for (const m of r.membership) {
        expect(m.entrants).not.toContain("碧桂园控股");
        expect(m.exits).not.toContain("碧桂园");
      }
    }
    expect(total(analysis).membership.find((m) => m.n === 10)).toEqual({ n: 10, entrants: [], exits: [] });
    const mover = total(analysis).movers.find((m) => m.name === "碧桂园")!;
    // 3rd both years; 2840 against 3800 (3000 − 80·2, 4000 − 100·2).
    expect(mover).toMatchObject({ rank: 3, previousRank: 3, rankChange: 0, value: 2840, previousValue: 3800, writtenAs: ["碧桂园控股", "碧桂园"] });
    expect(mover.valueYoyPct).toBeCloseTo((2840 / 3800 - 1) * 100, 9);
    expect(analysis.problems.map((p) => p.code)).not.toContain("alias-suggestion");
    expect(analysis.problems.find((p) => p.code === "aliases-used")?.params).toMatchObject({ source: "aliases.csv", names: 1, replaced: 2 });
  });

  test("two rows of one list that the alias list makes one enterprise are warned about, naming both cells", () => {
    const grid: Grid = [["企业名称", "销售额（亿元）"], ["碧桂园", 5], ["万科", 4], ["碧桂园控股", 3]];
    const a = analyze([{ source: sheet("2024年"), grid }], options, aliases);
    const warned = a.problems.filter((p) => p.code === "alias-duplicate");
    expect(warned.map((p) => [p.location, p.params.otherNameCell, p.params.unified])).toEqual([["'2024年'!A4", "'2024年'!A2", "碧桂园"]]);
  });
});

describe("reading an alias list", () => {
  test("a header is optional, blank and # lines are passed over, chains are followed", () => {
    const { aliases, problems, lines } = readAliasTable([["碧桂园控股有限公司", "碧桂园控股"], [], ["# 改名"], ["碧桂园控股", "碧桂园"], ["万科地产", "万科"]], file("a.csv"));
    expect(problems).toEqual([]);
    expect([...aliases.unified]).toEqual([["碧桂园控股有限公司", "碧桂园"], ["碧桂园控股", "碧桂园"], ["万科地产", "万科"]]);
    // The names as written, each with what it becomes at the chain's end and its cell, for the pane to show
    expect(lines).toEqual([
      { name: "碧桂园控股有限公司", unified: "碧桂园", location: "a.csv!A1" },
      { name: "碧桂园控股", unified: "碧桂园", location: "a.csv!A4" },
      { name: "万科地产", unified: "万科", location: "a.csv!A5" },
    ]);
  });

  test("a bad line is an error at its cell naming the file and the line", () => {
    const cases: [Grid, string, string, number][] = [
      [[["名称", "统一名称"], ["碧桂园控股", ""]], "one-name", "a.csv!B2", 2],
      [[["甲", "乙", "丙"]], "extra-cells", "a.csv!C1", 1],
      [[["甲", "乙"], ["甲", "丙"]], "conflict", "a.csv!B2", 2],
      [[["甲", "乙"], ["乙", "甲"]], "circle", "a.csv!B1", 1],
    ];
    for (const [grid, reason, location, line] of cases) {
      const { problems } = readAliasTable(grid, file("a.csv"));
      expect(problems.map((p) => [p.code, p.severity, p.params.reason, p.location, p.params.line])).toEqual([["alias-line-invalid", "error", reason, location, line]]);
    }
    const [conflict] = readAliasTable([["甲", "乙"], ["甲", "丙"]], file("a.csv")).problems;
    expect(problemMessage(conflict, "zh-CN")).toContain("别名表 a.csv 第 2 行（甲,丙）");
    expect(problemMessage(conflict, "en-US")).toContain("Line 2 of the alias list a.csv (甲,丙)");
  });

  test("likely pairs: one name inside the other, or only 地产/集团/控股/股份/发展/置业/有限公司 apart", () => {
    expect(likelySameEnterprise("碧桂园", "碧桂园控股")).toBe(true);
    expect(likelySameEnterprise("万科地产", "万科")).toBe(true);
    expect(likelySameEnterprise("保利置业集团", "保利发展控股")).toBe(true);
    expect(likelySameEnterprise("绿城中国", "融创中国")).toBe(false);
    expect(likelySameEnterprise("大悦城", "阳光城")).toBe(false);
    expect(aliasSuggestions([], 100)).toEqual([]);
  });
});
