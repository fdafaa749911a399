// Faults in the write round trip (which also marks the summary, remembers the analysis and reads
// the sheet back), against the in-memory host through Microsoft's client: after a first good run,
// a second run with changed data fails at the first, a middle or the last action of its write, or
// while marking or remembering; the previous summary, the settings, the marker and the source
// cells must be exactly as before, nothing half-written may remain, the person gets a translated
// message, and a third run without the fault succeeds.

import { runAnalysis, refreshAll } from "../../src/run/run";
import { AnalysisDefinition, RunResult } from "../../src/run/types";
import { FaultRule, ActionInfo } from "../../src/host/host";
import { CIA_2023, CIA_2024 } from "../fixtures/rankings/synthetic";
import { NAMES_2024 } from "../fixtures/rankings/build";
import { Grid } from "../../src/core/cells";
import { RUN_CONTEXT, sheetValues, testWorkbook, TestWorkbook } from "../excel/harness";
import { expectTranslated, scratchSheets, settingsDigest, sheetDigest, sheetDigests, withinMs } from "./helpers";
import { markerName } from "../../src/run/run";

const SOURCES = ["2024年", "2023年"];
const SUMMARY = "汇总_2024";
/** TOP100 of the synthetic 2024 list (published 43547.3) and after the leader sold 1000 more. */
const TOP100 = 43547.3;
const TOP100_CHANGED = 44547.3;

const listGrid = (title: string, values: readonly number[], names: readonly string[]): Grid => [
  [title],
  ["排名", "企业名称", "销售额（亿元）"],
  ...values.map((v, i) => [i + 1, names[i], v]),
];

function rankingBook(): TestWorkbook {
  return testWorkbook({
    "2024年": listGrid("2024年房企销售额排行（单位：亿元）", CIA_2024, NAMES_2024.current),
    "2023年": listGrid("2023年房企销售额排行（单位：亿元）", CIA_2023, NAMES_2024.previous),
  });
}

const DEFINITION: AnalysisDefinition = {
  id: "faults1",
  sources: [
    { role: "current", spec: { kind: "address", address: "'2024年'!A:C" } },
    { role: "previous", spec: { kind: "address", address: "'2023年'!A:C" } },
  ],
  options: {},
  output: { sheetName: "", language: "zh-CN", colours: "red-up" },
};

function top100(book: TestWorkbook, sheet = SUMMARY): number {
  const row = sheetValues(book.workbook, sheet).find((r) => r[0] === "TOP100");
  if (row === undefined) throw new Error(`no TOP100 row in ${sheet}`);
  return row[1] as number;
}

/** Runs and checks the source cells are byte-identical afterwards, whatever the outcome. */
async function run(book: TestWorkbook, definition: AnalysisDefinition, context = RUN_CONTEXT): Promise<RunResult> {
  const before = sheetDigests(book.workbook, SOURCES);
  const result = await withinMs(runAnalysis(book.env, definition, context), 20_000, "runAnalysis");
  expect(sheetDigests(book.workbook, SOURCES)).toEqual(before);
  return result;
}

/** A first good run, then the 2024 leader's figure changes (the desk updated its data). */
async function afterFirstRun(): Promise<{ book: TestWorkbook; first: Extract<RunResult, { ok: true }> }> {
  const book = rankingBook();
  const first = await run(book, DEFINITION);
  if (!first.ok) throw new Error(JSON.stringify(first.problems));
  expect(top100(book)).toBeCloseTo(TOP100, 6);
  book.workbook.sheet("2024年")!.setValue(2, 2, CIA_2024[0] + 1000);
  return { book, first };
}

/**
 * The essential actions of the second run's write request (trace markers excluded: they cannot
 * fail), learnt from an identical workbook with a rule that only watches. The pipeline is
 * deterministic, so the real scenario sends the same request. The essentials end with deleting
 * the previous summary; the touches after it (freeze panes, charts…), which Excel may refuse
 * without costing the summary, are decorations.test.ts's.
 */
async function writeActions(): Promise<ActionInfo[]> {
  const { book, first } = await afterFirstRun();
  const writeSync = book.host.stats.syncs + 2;
  const seen: ActionInfo[] = [];
  book.host.injectFault({ code: "NeverFires", times: Infinity, match: (a) => (a.sync === writeSync && seen.push(a) < 0) });
  const second = await run(book, first.definition);
  expect(second.ok).toBe(true);
  const deleted = seen.findIndex((a) => a.kind === "Method" && a.name === "Delete" && a.objectType === "Worksheet");
  expect(seen.slice(deleted + 1).some((a) => a.objectType === "ChartCollection")).toBe(true); // the touches follow
  return seen.slice(0, deleted + 1);
}

let actions: ActionInfo[] = [];
beforeAll(async () => {
  actions = await writeActions();
});

type Position = "first" | "middle" | "last";
function actionAt(position: Position): ActionInfo {
  if (position === "first") return actions[0];
  if (position === "last") return actions[actions.length - 1];
  return actions[Math.floor(actions.length / 2)];
}

test("the write request is what the matrix below assumes: many actions, deleting the previous summary last", () => {
  expect(actions.length).toBeGreaterThan(100);
  const last = actionAt("last");
  expect([last.kind, last.name, last.objectType]).toEqual(["Method", "Delete", "Worksheet"]);
  expect(actionAt("first").index).toBeLessThan(actionAt("middle").index);
});

const EXPECTED_PROBLEM: Record<string, string> = {
  AccessDenied: "sheet-protected",
  ItemAlreadyExists: "write-failed",
  RequestPayloadSizeLimitExceeded: "payload-too-large",
  GeneralException: "write-failed",
};

describe.each(["first", "middle", "last"] as const)("a write that fails at its %s action", (position) => {
  test.each(Object.keys(EXPECTED_PROBLEM))("with %s: previous summary, settings and sources intact; the next run succeeds", async (code) => {
    const { book, first } = await afterFirstRun();
    const { workbook, host } = book;
    const summaryBefore = sheetDigest(workbook.sheet(SUMMARY)!);
    const settingsBefore = settingsDigest(workbook);
    const sheetsBefore = workbook.sheets.map((s) => s.name);
    const writeSync = host.stats.syncs + 2;
    const rule: FaultRule = { sync: writeSync, actionIndex: actionAt(position).index, code };
    host.injectFault(rule);

    const second = await run(book, first.definition);

    expect(host.stats.records.find((r) => r.index === writeSync)?.errorCode).toBe(code); // the fault fired where meant
    expect(second.ok).toBe(false);
    // AccessDenied where the previous summary is deleted (the last action) is Protect Workbook's
    // refusal (audit row 35), not a protected sheet's.
    const expected = code === "AccessDenied" && position === "last" ? "workbook-protected" : EXPECTED_PROBLEM[code];
    expect(second.problems.map((p) => [p.code, p.severity])).toEqual([[expected, "error"]]);
    expectTranslated(second.problems);
    expect(workbook.sheets.map((s) => s.name)).toEqual(sheetsBefore);
    expect(scratchSheets(workbook)).toEqual([]);
    expect(sheetDigest(workbook.sheet(SUMMARY)!)).toBe(summaryBefore);
    expect(settingsDigest(workbook)).toBe(settingsBefore);

    host.clearFaults();
    const third = await run(book, first.definition);
    if (!third.ok) throw new Error(JSON.stringify(third.problems));
    expect(third.sheetName).toBe(SUMMARY);
    expect(workbook.sheets.map((s) => s.name)).toEqual(sheetsBefore);
    expect(top100(book)).toBeCloseTo(TOP100_CHANGED, 6);
    expect(workbook.namedItem(markerName(DEFINITION.id))!.formula).toBe(`=${SUMMARY}!$A$1`);
    expect(third.definition.lastRun?.sheetName).toBe(SUMMARY);
  });
});

test("a write that fails while moving the new summary into the old one's place (after it took the name) is undone", async () => {
  const { book, first } = await afterFirstRun();
  const { workbook, host } = book;
  const summaryBefore = sheetDigest(workbook.sheet(SUMMARY)!);
  const settingsBefore = settingsDigest(workbook);
  const writeSync = host.stats.syncs + 2;
  host.injectFault({ code: "GeneralException", match: (a) => a.sync === writeSync && a.kind === "SetProperty" && a.name === "Position" });
  const second = await run(book, first.definition);
  expect(second.ok).toBe(false);
  expect(second.problems.map((p) => p.code)).toEqual(["write-failed"]);
  expect(workbook.sheets.map((s) => s.name)).toEqual([...SOURCES, SUMMARY]);
  expect(sheetDigest(workbook.sheet(SUMMARY)!)).toBe(summaryBefore);
  expect(settingsDigest(workbook)).toBe(settingsBefore);
  const third = await run(book, first.definition);
  expect(third.ok && third.sheetName).toBe(SUMMARY);
});

test("Excel on the web refusing the write request for its size: nothing applied, payload-too-large, then a good run", async () => {
  const { book, first } = await afterFirstRun();
  const { workbook, host } = book;
  const summaryBefore = sheetDigest(workbook.sheet(SUMMARY)!);
  const settingsBefore = settingsDigest(workbook);
  const limit = host.options.maxRequestBytes;
  // The read passes; the write request (about 77 KB) meets a 20 KB limit.
  const second = await run(book, first.definition, {
    ...RUN_CONTEXT,
    onPhase: (phase) => {
      if (phase === "writing") host.options.maxRequestBytes = 20_000;
    },
  });
  host.options.maxRequestBytes = limit;
  expect(host.stats.records.map((r) => r.errorCode).filter((c) => c !== undefined)).toEqual(["RequestPayloadSizeLimitExceeded"]);
  expect(second.ok).toBe(false);
  expect(second.problems.map((p) => p.code)).toEqual(["payload-too-large"]);
  expectTranslated(second.problems);
  expect(scratchSheets(workbook)).toEqual([]);
  expect(sheetDigest(workbook.sheet(SUMMARY)!)).toBe(summaryBefore);
  expect(settingsDigest(workbook)).toBe(settingsBefore);

  const third = await run(book, first.definition);
  expect(third.ok).toBe(true);
  expect(top100(book)).toBeCloseTo(TOP100_CHANGED, 6);
});

test("a co-author adds a sheet with the summary's name between read and write: theirs is kept, ours is not half-written", async () => {
  const book = rankingBook();
  const { workbook } = book;
  let theirs = "";
  const first = await run(book, DEFINITION, {
    ...RUN_CONTEXT,
    onPhase: (phase) => {
      if (phase !== "writing") return;
      workbook.addSheet(SUMMARY).setValue(0, 0, "co-author's notes");
      theirs = sheetDigest(workbook.sheet(SUMMARY)!);
    },
  });
  expect(first.ok).toBe(false);
  expect(first.problems.map((p) => [p.code, p.params.code])).toEqual([["write-failed", "ItemAlreadyExists"]]);
  expectTranslated(first.problems);
  expect(workbook.sheets.map((s) => s.name)).toEqual([...SOURCES, SUMMARY]);
  expect(sheetDigest(workbook.sheet(SUMMARY)!)).toBe(theirs);
  expect(workbook.settings.size).toBe(0);

  // The next run sees the co-author's sheet and writes beside it, saying so.
  const second = await run(book, DEFINITION);
  if (!second.ok) throw new Error(JSON.stringify(second.problems));
  expect(second.sheetName).toBe(`${SUMMARY} (2)`);
  expect(second.problems.map((p) => p.code)).toContain("output-name-taken");
  expect(sheetDigest(workbook.sheet(SUMMARY)!)).toBe(theirs);
  expect(top100(book, `${SUMMARY} (2)`)).toBeCloseTo(TOP100, 6);
});

describe.each([
  ["unmarking the previous summary", (a: ActionInfo) => a.kind === "Method" && a.name === "Delete" && a.objectType === "NamedItem"],
  ["marking the new summary", (a: ActionInfo) => a.kind === "Instantiate" && a.name === "Add" && a.objectType === "NamedItemCollection"],
  ["remembering the analysis in the settings", (a: ActionInfo) => a.kind === "Instantiate" && a.name === "Add" && a.objectType === "SettingCollection"],
  ["reading the new summary back", (a: ActionInfo) => a.kind === "Query" && a.objectType === "Range"],
])("a write that fails while %s", (_what, match) => {
  test("is undone: previous summary, marker and settings as before; the next run and Refresh all replace it in place", async () => {
    const { book, first } = await afterFirstRun();
    const { workbook, host } = book;
    const summaryBefore = sheetDigest(workbook.sheet(SUMMARY)!);
    const settingsBefore = settingsDigest(workbook);
    const writeSync = host.stats.syncs + 2;
    host.injectFault({ code: "GeneralException", match: (a) => a.sync === writeSync && match(a) });
    const second = await run(book, first.definition);
    expect(host.stats.records.find((r) => r.index === writeSync)?.errorCode).toBe("GeneralException");
    expect(second.ok).toBe(false);
    expect(second.problems.map((p) => [p.code, p.severity])).toEqual([["write-failed", "error"]]);
    expectTranslated(second.problems);
    expect(workbook.sheets.map((s) => s.name)).toEqual([...SOURCES, SUMMARY]);
    expect(scratchSheets(workbook)).toEqual([]);
    expect(sheetDigest(workbook.sheet(SUMMARY)!)).toBe(summaryBefore);
    expect(settingsDigest(workbook)).toBe(settingsBefore);

    const results = await refreshAll(book.env, RUN_CONTEXT);
    expect(results.map((r) => r.ok)).toEqual([true]);
    expect(results[0].problems.map((p) => p.code)).not.toContain("output-name-taken");
    expect(workbook.sheets.map((s) => s.name)).toEqual([...SOURCES, SUMMARY]);
    expect(top100(book)).toBeCloseTo(TOP100_CHANGED, 6);
  });
});

test("a summary whose marker was lost (the person deleted the name) is never clobbered", async () => {
  const { book, first } = await afterFirstRun();
  const { workbook } = book;
  const standing = sheetDigest(workbook.sheet(SUMMARY)!);
  workbook.names = workbook.names.filter((n) => n.name !== markerName(DEFINITION.id));
  // Without its marker the sheet cannot be told from a person's own: it is kept, and the new
  // summary goes beside it, saying so.
  const second = await run(book, first.definition);
  if (!second.ok) throw new Error(JSON.stringify(second.problems));
  expect(second.sheetName).toBe(`${SUMMARY} (2)`);
  expect(second.problems.map((p) => p.code)).toContain("output-name-taken");
  expect(sheetDigest(workbook.sheet(SUMMARY)!)).toBe(standing);
  // and from now on the marked sheet is the one refreshed
  const third = await run(book, first.definition);
  expect(third.ok && third.sheetName).toBe(`${SUMMARY} (2)`);
  expect(workbook.sheets.map((s) => s.name)).toEqual([...SOURCES, SUMMARY, `${SUMMARY} (2)`]);
});
