// The workbook's alias sheet (issue 12 §3): a sheet named 别名 (名称 | 统一名称) is read in the same
// round trip as the sources and unifies names; a bad line stops the run at its cell and writes
// nothing. Lists: the synthetic CRIC fixture (test/fixtures/rankings/cric-bases.ts).

import { previewSource } from "../../src/run/preview";
import { runAnalysis } from "../../src/run/run";
import { RUN_CONTEXT, testWorkbook } from "./harness";
import { definitionOf } from "../fixtures/workbooks";
import { CRIC_2023, CRIC_2024, cricGrid } from "../fixtures/rankings/cric-bases";

const lists = { "2024": cricGrid(CRIC_2024), "2023": cricGrid(CRIC_2023) };
const sources = ["'2024'!A1:D32", "'2023'!A1:D32"];

test("a 别名 sheet unifies the renamed enterprise, in the round trips of a run without one", async () => {
  const plain = testWorkbook(lists);
  const without = await runAnalysis(plain.env, definitionOf(sources), RUN_CONTEXT);
  const book = testWorkbook({ ...lists, 别名: [["名称", "统一名称"], ["碧桂园控股", "碧桂园"]] });
  const result = await runAnalysis(book.env, definitionOf(sources), RUN_CONTEXT);
  if (!result.ok || !without.ok) throw new Error(JSON.stringify(result.problems));
  expect(without.analysis.rankings[0].membership[0].entrants).toEqual(["碧桂园控股"]);
  expect(result.analysis.rankings[0].membership[0]).toEqual({ n: 10, entrants: [], exits: [] });
  expect(result.stats.syncs).toBe(without.stats.syncs);
});

test("a bad line of the 别名 sheet stops the run at its cell, and no summary is written", async () => {
  const book = testWorkbook({ ...lists, 别名: [["名称", "统一名称"], ["碧桂园控股", "碧桂园"], ["万科地产", ""]] });
  const result = await runAnalysis(book.env, definitionOf(sources), RUN_CONTEXT);
  expect(result.ok).toBe(false);
  expect(result.problems.map((p) => [p.code, p.location, p.params.line])).toEqual([["alias-line-invalid", "别名!B3", 3]]);
  expect(book.workbook.sheets.map((s) => s.name).sort()).toEqual(["2023", "2024", "别名"]);
});

test("a source's preview brings what StatDesk understood of the alias sheet, read in the same round trip: the names it unifies and a bad line at its cell; null without one", async () => {
  const book = testWorkbook({ ...lists, StatDesk_别名: [["名称", "统一名称"], ["碧桂园控股", "碧桂园"], ["万科地产", ""]] });
  const preview = await previewSource(book.env, { role: "current", spec: { kind: "address", address: sources[0] } });
  expect(book.host.stats.syncs).toBe(1);
  expect(preview.aliasSheet?.address).toBe("StatDesk_别名!A1:B3");
  expect(preview.aliasSheet?.lines).toEqual([{ name: "碧桂园控股", unified: "碧桂园", location: "StatDesk_别名!A2" }]);
  expect(preview.aliasSheet?.problems.map((p) => [p.code, p.location, p.params.line])).toEqual([["alias-line-invalid", "StatDesk_别名!B3", 3]]);
  const plain = await previewSource(testWorkbook(lists).env, { role: "current", spec: { kind: "address", address: sources[0] } });
  expect(plain.aliasSheet).toBeNull();
});
