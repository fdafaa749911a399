// One analysis run, start to finish, through the port (core/port.ts) whichever host holds the
// workbook: read (sources, sheets, stored analyses, the markers) and write (the summary, swapped
// in whole, marked, remembered for refresh and read back to verify) — in Excel two round trips
// when the data fits Excel on the web's 5 MB. Everything is checked before anything is written.

import { analyze, AnalysisInput } from "../core/analyze";
import { Problem, problem, unexpectedProblem } from "../core/problems";
import { resolveOptions } from "../core/options";
import { buildSummary, defaultSheetName } from "../core/summary/build";
import type { FormulaSource } from "../core/summary/formulas";
import { legalSheetName, sheetNameProblem, uniqueSheetName } from "../core/sheet-name";
import { SourceRef } from "../core/source";
import { ScratchNames, SheetFact, SheetPort, SourceGrid } from "../core/port";
import { parseStoredAnalyses, serialiseStoredAnalyses, withAnalysis } from "./settings";
import { AnalysisDefinition, ReadSource, RunPhase, RunResult, SourceDefinition, SourceRole } from "./types";
import { Grid, isBlank, parseNumberCell } from "../core/cells";
import { AliasList, readAliasTable } from "../core/aliases";

export interface RunContext {
  /** "2026-11-22", shown in the provenance block. */
  readonly today: string;
  readonly version: string;
  /** Progress, for the task pane's indicator. */
  readonly onPhase?: (phase: RunPhase) => void;
  /** How a sheet is named in messages (the CLI maps sheets back to the files they came from). */
  readonly sourceRef?: (sheet: string, row: number, column: number) => SourceRef;
  /** Bring the summary sheet to the front (the task pane does; Refresh all does not). */
  readonly activate?: boolean;
  /** A clock for compute timing (performance.now); absent: not timed. */
  readonly now?: () => number;
  /** Largest write request (Office.js: default 4 MB, under Excel on the web's 5 MB); tests make it small. */
  readonly writeBudgetBytes?: number;
  /**
   * An alias list given outside the workbook (the command line's --aliases file): its cells and
   * how they are named in messages. It takes the place of the workbook's alias sheet.
   */
  readonly aliases?: { readonly grid: Grid; readonly source: SourceRef };
}

const busy = new WeakSet<SheetPort>();

/**
 * A workbook-level name marking an analysis' summary sheet (it refers to the summary's A1, so it
 * follows the sheet through renames and turns to #REF! when the sheet is deleted). Excel names:
 * letters, digits, _ and ., starting with a letter.
 */
export function markerName(analysisId: string): string {
  return `StatDesk_${analysisId.replace(/[^A-Za-z0-9_.]/g, "_")}`;
}

/** Is this workbook name one of StatDesk's markers (markerName)? */
export function isMarkerName(name: string): boolean {
  return name.startsWith("StatDesk_");
}

function kindOf(role: SourceRole): AnalysisInput["kind"] {
  if (role === "series" || role === "plan") return role;
  if (role === "auto") return undefined;
  return "ranking";
}

/**
 * A source as read, as the core takes it: its cells, where they sit (named as `source` says, by
 * default the sheet and position read), their number formats, the person's corrections and kind.
 */
export function analysisInput(read: ReadSource, source: SourceRef = { sheet: read.sheet, row: read.row, column: read.column }): AnalysisInput {
  const { overrides, role } = read.definition;
  const numberFormats = read.numberFormats;
  const kind = kindOf(role);
  return {
    source,
    grid: read.values,
    ...(numberFormats !== undefined ? { numberFormats } : {}),
    ...(overrides !== undefined ? { overrides } : {}),
    ...(kind !== undefined ? { kind } : {}),
  };
}

/** Temporary sheet names of an analysis: legal, unlikely to clash, and recognisable as StatDesk's. */
export function scratchNames(id: string): ScratchNames {
  const tag = id.replace(/[^A-Za-z0-9]/g, "").slice(0, 12) || "x";
  return { summary: `~StatDesk new ${tag}`, backup: `~StatDesk old ${tag}`, analyses: `~StatDesk a-new ${tag}`, analysesBackup: `~StatDesk a-old ${tag}` };
}

/** The sources read, each with the definition it was read for (the national-total cells, if any, come after). */
function withDefinitions(grids: readonly SourceGrid[], definitions: readonly SourceDefinition[]): ReadSource[] {
  return grids.map((g, i) => ({ ...g, definition: definitions[i] }));
}

/**
 * National sales in one or two cells (this year[, last year]), blanks aside: positive figures, read
 * as the core reads any cell ("116,622" too); undefined when the cells hold anything else.
 * nationalTotalOfCells([[96750, "116,622"]]) // => { current: 96750, previous: 116622 }
 */
export function nationalTotalOfCells(values: ReadSource["values"]): { current: number; previous: number | null } | undefined {
  const figures: number[] = [];
  for (const cell of values.flat()) {
    if (isBlank(cell)) continue;
    const n = parseNumberCell(cell);
    if (!n.ok || n.value <= 0) return undefined;
    figures.push(n.value);
  }
  if (figures.length === 0 || figures.length > 2) return undefined;
  return { current: figures[0], previous: figures[1] ?? null };
}

/** National sales from the cells read, else a problem at the cells saying what they hold. */
function nationalFromCells(cells: ReadSource, address: string): { ok: true; total: { current: number; previous: number | null } } | { ok: false; problem: Problem } {
  const total = nationalTotalOfCells(cells.values);
  if (total !== undefined) return { ok: true, total };
  const where = cells.address === "" ? address : cells.address;
  const text = cells.values.flat().filter((v) => !isBlank(v)).map(String).join(", ");
  return { ok: false, problem: problem("national-total-invalid", "error", where, { text }) };
}

function fail(definition: AnalysisDefinition, problems: readonly Problem[], syncs: number, computeMs: number, extra: Partial<Extract<RunResult, { ok: false }>> = {}): RunResult {
  return { ok: false, definition, problems, stats: { syncs, computeMs }, ...extra };
}

/**
 * Runs an analysis against a workbook and writes its summary sheet. Returns problems instead of
 * throwing for anything a person can act on; a second run on the same workbook while one is going
 * is refused.
 */
export async function runAnalysis(port: SheetPort, definition: AnalysisDefinition, context: RunContext): Promise<RunResult> {
  if (busy.has(port)) return fail(definition, [problem("run-busy", "error")], 0, 0);
  busy.add(port);
  try {
    return await runUnlocked(port, definition, context);
  } catch (error) {
    // Reaching here is a bug of ours (the port turns what a host refuses into problems): say it, do not hide it.
    return fail(definition, [unexpectedProblem(error)], 0, 0);
  } finally {
    busy.delete(port);
  }
}

async function runUnlocked(port: SheetPort, definition: AnalysisDefinition, context: RunContext): Promise<RunResult> {
  const phase = context.onPhase ?? (() => undefined);
  const clock = context.now ?? (() => 0);

  // 1. Read
  phase("reading");
  // The national-total cells, if any, are read with the sources (as one more, last): one round trip for all.
  const nationalCell = definition.nationalTotalCell;
  const toRead: readonly SourceDefinition[] =
    nationalCell === undefined ? definition.sources : [...definition.sources, { role: "auto", spec: { kind: "address", address: nationalCell } }];
  const read = await port.read(toRead.map((s) => s.spec));
  if (!read.ok) return fail(definition, read.problems, read.syncs, 0);
  let syncs = read.syncs;
  const { facts } = read;
  const all = withDefinitions(read.grids, toRead);
  const sources = all.slice(0, definition.sources.length);

  // 2. Compute, and check everything a write depends on
  phase("computing");
  const started = clock();
  const national = nationalCell === undefined ? undefined : nationalFromCells(all[definition.sources.length], nationalCell);
  if (national !== undefined && !national.ok) return fail(definition, [national.problem], syncs, 0);
  const { options, problems: optionProblems } = resolveOptions(national === undefined ? definition.options : { ...definition.options, nationalTotal: national.total });
  if (optionProblems.length > 0) return fail(definition, optionProblems, syncs, 0);
  const emptyProblems: Problem[] = [];
  const inputs: AnalysisInput[] = [];
  // Where each input's cells are in this workbook, for the summary's formulas.
  const formulaSources: FormulaSource[] = [];
  sources.forEach((s) => {
    if (s.values.length === 0) {
      emptyProblems.push(problem("source-empty", "error", s.address, { source: s.address }));
      return;
    }
    const input = analysisInput(s, context.sourceRef?.(s.sheet, s.row, s.column));
    inputs.push(input);
    formulaSources.push({ source: input.source, sheet: s.sheet, grid: input.grid });
  });
  if (emptyProblems.length > 0 && inputs.length === 0) return fail(definition, emptyProblems, syncs, 0);
  // The alias list: the one given, else the workbook's alias sheet. A bad line stops the run, at
  // its cell: half a list would merge some names and not others.
  const aliasSheet = facts.aliasSheet;
  const aliasCells =
    context.aliases ??
    (aliasSheet === undefined
      ? undefined
      : { grid: aliasSheet.values, source: context.sourceRef?.(aliasSheet.sheet, aliasSheet.row, aliasSheet.column) ?? { sheet: aliasSheet.sheet, row: aliasSheet.row, column: aliasSheet.column } });
  let aliases: AliasList | null = null;
  if (aliasCells !== undefined) {
    const readAliases = readAliasTable(aliasCells.grid, aliasCells.source);
    if (readAliases.problems.some((p) => p.severity === "error")) return fail(definition, readAliases.problems, syncs, 0);
    aliases = readAliases.aliases;
  }
  const analysis = analyze(inputs, options, aliases);
  const computeMs = clock() - started;
  const nothing = analysis.rankings.length === 0 && analysis.series.length === 0 && analysis.targets.length === 0;
  const errors = analysis.problems.filter((p) => p.severity === "error");
  if (nothing) {
    // Nothing found and no error saying why (a header-like row over nothing usable): each source
    // read is named, at its address, so the person can go there.
    const reasons = errors.length > 0 ? errors : sources.map((s) => problem("no-table", "error", s.address, { source: s.address }));
    return fail(definition, [...emptyProblems, ...reasons], syncs, computeMs, { analysis });
  }

  const language = definition.output.language;
  const wanted = definition.output.sheetName.trim() === "" ? defaultSheetName(analysis, language) : definition.output.sheetName.trim();
  if (sheetNameProblem(wanted) !== undefined) {
    return fail(definition, [problem("output-name-invalid", "error", undefined, { name: wanted })], syncs, computeMs, { analysis });
  }
  // The previous summary is the sheet the analysis' marker name points to (it follows the sheet
  // through renames). Workbooks written before markers existed remember the sheet's id instead.
  const storedAnalyses = parseStoredAnalyses(facts.storedAnalyses);
  const remembered = storedAnalyses.find((d) => d.id === definition.id);
  const marker = markerName(definition.id);
  const markedSheet = facts.names.find((n) => n.name.toLowerCase() === marker.toLowerCase())?.sheet;
  const previous: SheetFact | undefined =
    (markedSheet !== undefined ? facts.sheets.find((s) => s.name.toLowerCase() === markedSheet.toLowerCase()) : undefined) ??
    [remembered?.lastRun?.sheetId, definition.lastRun?.sheetId]
      .map((id) => facts.sheets.find((s) => id !== undefined && s.id === id))
      .find((s) => s !== undefined);
  const scratch = scratchNames(definition.id);
  const leftovers = facts.sheets.filter((s) => s.name === scratch.summary || s.name === scratch.backup);
  const others = facts.sheets.filter((s) => s !== previous && !leftovers.includes(s)).map((s) => s.name);
  // Never clobber a sheet StatDesk did not write: take the next free name and say so.
  const sheetName = uniqueSheetName(legalSheetName(wanted), others);
  const notes: Problem[] = [...emptyProblems];
  if (sheetName !== wanted) notes.push(problem("output-name-taken", "warning", undefined, { name: wanted, used: sheetName }));

  const model = buildSummary({
    analysis,
    language,
    sheetName,
    colours: definition.output.colours,
    generatedOn: context.today,
    version: context.version,
    ...(definition.output.valuesOnly === true ? {} : { formulaSources, hideData: definition.output.hideData === true }),
  });

  // 3. Write, mark, remember and read back — one round trip (more only for a very large summary)
  phase("writing");
  const saved: AnalysisDefinition = {
    ...definition,
    lastRun: { sheetName, on: context.today, version: context.version },
  };
  const stored = withAnalysis(storedAnalyses, saved);
  const written = await port.applySummary({
    model,
    facts,
    ...(previous !== undefined ? { previous } : {}),
    marker,
    scratch,
    storedAnalyses: serialiseStoredAnalyses(stored),
    activate: context.activate ?? true,
    ...(context.writeBudgetBytes !== undefined ? { budgetBytes: context.writeBudgetBytes } : {}),
  });
  syncs += written.syncs;
  if (!written.ok) return fail(definition, [...written.problems], syncs, computeMs, { analysis });

  // 4. Verify what was read back in the same round trip (charts Excel refused are not expected;
  // each has its decoration-skipped warning)
  phase("verifying");
  notes.push(...written.skipped);
  const mismatch: string[] = [];
  const { readBack } = written;
  if (readBack === undefined) mismatch.push("read back");
  else {
    if (readBack.name !== sheetName) mismatch.push(`name ${readBack.name}`);
    if (readBack.title !== model.values[0][0]) mismatch.push("A1");
    if (model.charts.some((c) => !written.chartsLeftOut.includes(c.name) && !readBack.charts.includes(c.name))) mismatch.push("charts");
  }
  if (mismatch.length > 0) notes.push(problem("verify-failed", "warning", undefined, { detail: mismatch.join(", ") }));
  phase("done");
  return { ok: true, definition: saved, analysis, sheetName, problems: [...notes, ...analysis.problems], stats: { syncs, computeMs } };
}

/** The analyses stored in a workbook (one round trip). */
export async function listAnalyses(port: SheetPort): Promise<AnalysisDefinition[]> {
  return parseStoredAnalyses(await port.storedAnalyses());
}

/** Runs every stored analysis again, one after another, each rewriting its own sheet in place. */
export async function refreshAll(port: SheetPort, context: RunContext): Promise<RunResult[]> {
  const definitions = await listAnalyses(port);
  const results: RunResult[] = [];
  for (const d of definitions) results.push(await runAnalysis(port, d, { ...context, activate: false }));
  return results;
}
