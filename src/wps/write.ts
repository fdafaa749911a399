// Writing a summary into WPS 表格. ET applies every call at once and has no batch rollback
// (wps-addin.md §2.3, "It is not transactional"), so: check the whole model first, write into a
// fresh sheet with one Value2 per block and one call per rectangular run of a format, swap it in
// for the previous summary last, and undo what was added when anything fails on the way.

import { CellRect, columnLetters, quoteSheetName, rectName } from "../core/a1";
import { ApplySummaryRequest, ApplySummaryResult } from "../core/port";
import { sheetNameProblem } from "../core/sheet-name";
import { SheetModel, StyleRun } from "../core/summary/model";
import { bgr, charsOfPoints, EtApplication, EtWorksheet, XL } from "./et";

/**
 * The hidden sheet holding the stored analyses (JSON in column A, in pieces under a cell's 32,767
 * characters). A hidden sheet, not custom document properties: sheets, Value2 and quiet deletes
 * are what the real-WPS probes confirmed (wps-addin.md §2.3 table), custom properties were not
 * probed, and PluginStorage is not persisted (§2.1). It also survives a save to .xlsx as is.
 */
export const ANALYSES_SHEET = "StatDesk_analyses";
const PIECE = 30000;

/** A rectangle of cells sharing one number format. */
export interface FormatRun {
  readonly rect: CellRect;
  readonly format: string;
}

/**
 * The model's number formats as rectangles: runs along each row, stacked while the rows below
 * repeat them. "General" cells are left alone (a new sheet is General already).
 */
export function formatRuns(formats: readonly (readonly string[])[]): FormatRun[] {
  const done: FormatRun[] = [];
  let open: { rect: CellRect; format: string }[] = [];
  formats.forEach((row, r) => {
    const runs: { column: number; columnCount: number; format: string }[] = [];
    row.forEach((format, c) => {
      const last = runs[runs.length - 1];
      if (last !== undefined && last.format === format && last.column + last.columnCount === c) last.columnCount++;
      else runs.push({ column: c, columnCount: 1, format });
    });
    const next: { rect: CellRect; format: string }[] = [];
    for (const run of runs.filter((x) => x.format !== "General")) {
      const above = open.find((o) => o.format === run.format && o.rect.column === run.column && o.rect.columnCount === run.columnCount);
      if (above !== undefined) {
        next.push({ format: above.format, rect: { ...above.rect, rowCount: above.rect.rowCount + 1 } });
        open = open.filter((o) => o !== above);
      } else next.push({ format: run.format, rect: { row: r, column: run.column, rowCount: 1, columnCount: run.columnCount } });
    }
    done.push(...open);
    open = next;
  });
  return [...done, ...open];
}

/** Why a model cannot be written, before anything is; undefined when it can. */
function modelProblem(model: SheetModel): string | undefined {
  if (sheetNameProblem(model.name) !== undefined) return `sheet name ${model.name}: ${sheetNameProblem(model.name)}`;
  if (model.values.length !== model.numberFormats.length) return "values and numberFormats differ in rows";
  if (model.values.some((row, r) => row.length !== model.width || model.numberFormats[r].length !== model.width)) return "a row is not `width` cells wide";
  try {
    for (const run of model.styles) for (const colour of [run.style.fill, run.style.fontColor, run.style.borderTop, run.style.borderBottom]) if (colour !== undefined) bgr(colour);
    if (model.tabColor !== "") bgr(model.tabColor);
  } catch (error) {
    return (error as Error).message;
  }
  return undefined;
}

function applyStyle(sheet: EtWorksheet, run: StyleRun): void {
  const range = sheet.Range(rectName(run.rect));
  const { style } = run;
  if (style.bold !== undefined) range.Font.Bold = style.bold;
  if (style.italic !== undefined) range.Font.Italic = style.italic;
  if (style.fontSize !== undefined) range.Font.Size = style.fontSize;
  if (style.fontColor !== undefined) range.Font.Color = bgr(style.fontColor);
  if (style.fill !== undefined) range.Interior.Color = bgr(style.fill);
  if (style.horizontal !== undefined) range.HorizontalAlignment = { Left: XL.alignLeft, Center: XL.alignCenter, Right: XL.alignRight }[style.horizontal];
  if (style.wrap !== undefined) range.WrapText = style.wrap;
  for (const [edge, colour] of [
    [XL.edgeTop, style.borderTop],
    [XL.edgeBottom, style.borderBottom],
  ] as const) {
    if (colour === undefined) continue;
    const border = range.Borders.Item(edge);
    border.LineStyle = XL.lineContinuous;
    border.Weight = XL.weightThin;
    border.Color = bgr(colour);
  }
}

/** Consecutive columns sharing a width, as one ColumnWidth call each. */
function widthRuns(widths: readonly number[]): { from: number; to: number; points: number }[] {
  const runs: { from: number; to: number; points: number }[] = [];
  widths.forEach((points, c) => {
    const last = runs[runs.length - 1];
    if (last !== undefined && last.points === points && last.to === c - 1) last.to = c;
    else runs.push({ from: c, to: c, points });
  });
  return runs;
}

function sheetNamed(app: EtApplication, name: string): EtWorksheet | undefined {
  const sheets = app.ActiveWorkbook.Worksheets;
  for (let i = 1; i <= sheets.Count; i++) {
    const sheet = sheets.Item(i);
    if (sheet.Name.toLowerCase() === name.toLowerCase()) return sheet;
  }
  return undefined;
}

/** A new sheet after the last one (Add() with no arguments inserts before the active sheet; wps-addin.md §2.3 table, "add sheet"). */
function addSheetAtEnd(app: EtApplication): EtWorksheet {
  const sheets = app.ActiveWorkbook.Worksheets;
  // Some builds return null from Add(): the new sheet is then the active one (same row of the table).
  return sheets.Add(undefined, sheets.Item(sheets.Count)) ?? app.ActiveSheet;
}

function writeModel(sheet: EtWorksheet, model: SheetModel): void {
  // Formats before values, so text under "@" is never taken for a number or a date on the way in.
  for (const run of formatRuns(model.numberFormats)) sheet.Range(rectName(run.rect)).NumberFormat = run.format;
  const rows = model.values.length;
  if (rows > 0 && model.width > 0) {
    const block = sheet.Range(rectName({ row: 0, column: 0, rowCount: rows, columnCount: model.width }));
    const formulas = model.formulas;
    // A live summary (#14): formulas and constants in one Formula block, as the Office.js layer writes Range.formulas.
    if (formulas === undefined) block.Value2 = model.values.map((row) => row.map((v) => (v === null ? "" : v)));
    else block.Formula = model.values.map((row, r) => row.map((v, c) => formulas[r][c] ?? (v === null ? "" : v)));
  }
  for (const run of model.styles) applyStyle(sheet, run);
  for (const run of widthRuns(model.columnWidths)) sheet.Range(`${columnLetters(run.from)}:${columnLetters(run.to)}`).ColumnWidth = charsOfPoints(run.points);
  for (const { row, height } of model.rowHeights) sheet.Range(`${row + 1}:${row + 1}`).RowHeight = height;
  if (model.tabColor !== "") sheet.Tab.Color = bgr(model.tabColor);
}

function writeAnalyses(sheet: EtWorksheet, text: string): void {
  const pieces: string[][] = [];
  for (let i = 0; i < text.length; i += PIECE) pieces.push([text.slice(i, i + PIECE)]);
  if (pieces.length === 0) pieces.push([""]);
  // "@" first, so a piece that looks like a number or a date stays text.
  const range = sheet.Range(rectName({ row: 0, column: 0, rowCount: pieces.length, columnCount: 1 }));
  range.NumberFormat = "@";
  range.Value2 = pieces;
  sheet.Visible = XL.sheetHidden;
}

/** Temporary names, legal and recognisable as StatDesk's, from the marker ("StatDesk_t1"). */
function scratch(marker: string): { summary: string; backup: string; analyses: string; analysesBackup: string } {
  const tag = marker.replace(/^StatDesk_/, "").replace(/[^A-Za-z0-9]/g, "").slice(0, 12) || "x";
  return { summary: `~StatDesk new ${tag}`, backup: `~StatDesk old ${tag}`, analyses: `~StatDesk a-new ${tag}`, analysesBackup: `~StatDesk a-old ${tag}` };
}

/**
 * Writes the model as a new sheet and swaps it in for the previous summary (and the stored
 * analyses for the previous ones), all or nothing: on failure every sheet added is deleted, every
 * rename undone and the names put back, so the workbook is as it was. Screen updating and alerts
 * are off during the write and restored after.
 */
export function applySummary(app: EtApplication, request: ApplySummaryRequest, onStep: (step: string) => void = () => undefined): ApplySummaryResult {
  const { model } = request;
  const problem = modelProblem(model);
  if (problem !== undefined) return { ok: false, error: problem };
  const names = scratch(request.marker);
  const undo: (() => void)[] = [];
  const skipped: string[] = [];
  // Read before they are switched off, so they come back as the person had them.
  let screen: boolean | undefined;
  let alerts: boolean | undefined;
  try {
    screen = app.ScreenUpdating;
    alerts = app.DisplayAlerts;
    app.ScreenUpdating = false;
    app.DisplayAlerts = false;
    const workbook = app.ActiveWorkbook;
    // Leftovers of a run that died half-way (a crash, not a fault we caught) go first.
    for (const leftover of [names.summary, names.backup, names.analyses, names.analysesBackup]) sheetNamed(app, leftover)?.Delete();

    // Adding a sheet makes it the active one; the person's sheet comes back if anything fails.
    const active = app.ActiveSheet;
    undo.push(() => active.Activate());
    onStep("add-summary");
    const fresh = addSheetAtEnd(app);
    undo.push(() => fresh.Delete());
    fresh.Name = names.summary;
    onStep("write-summary");
    writeModel(fresh, model);
    if (model.charts.length > 0) skipped.push(...model.charts.map((c) => `chart ${c.name}: WPS charts are not written yet`));
    if (model.freezeRows > 0) skipped.push(`freeze ${model.freezeRows} rows: not written yet (window-level in WPS)`);

    onStep("add-analyses");
    const analyses = addSheetAtEnd(app);
    undo.push(() => analyses.Delete());
    analyses.Name = names.analyses;
    writeAnalyses(analyses, request.storedAnalyses);

    // The swap: renames only, each undone in reverse on failure; deleting the old sheets comes last.
    onStep("swap");
    const previous = request.previousSheet === undefined ? undefined : sheetNamed(app, request.previousSheet);
    if (previous !== undefined) {
      const was = previous.Name;
      previous.Name = names.backup;
      undo.push(() => (previous.Name = was));
    }
    const taken = sheetNamed(app, model.name);
    if (taken !== undefined) throw new Error(`a sheet named ${model.name} is not this analysis' summary`);
    fresh.Name = model.name;
    undo.push(() => (fresh.Name = names.summary));
    const oldAnalyses = sheetNamed(app, ANALYSES_SHEET);
    if (oldAnalyses !== undefined) {
      oldAnalyses.Name = names.analysesBackup;
      undo.push(() => (oldAnalyses.Name = ANALYSES_SHEET));
    }
    analyses.Name = ANALYSES_SHEET;
    undo.push(() => (analyses.Name = names.analyses));

    onStep("marker");
    const refersTo = `=${quoteSheetName(model.name)}!$A$1`;
    const marker = findName(app, request.marker);
    if (marker !== undefined) {
      const was = marker.RefersTo;
      marker.RefersTo = refersTo;
      undo.push(() => (marker.RefersTo = was));
    } else {
      const added = workbook.Names.Add(request.marker, refersTo, false);
      undo.push(() => added.Delete());
    }

    // Past this point the new summary is in place; a failure deleting the old sheets leaves them
    // hidden-named leftovers, deleted on the next run, and is said.
    onStep("delete-previous");
    undo.length = 0;
    for (const old of [previous, oldAnalyses]) {
      try {
        old?.Delete();
      } catch (error) {
        skipped.push(`leftover sheet ${old?.Name}: ${(error as Error).message}`);
      }
    }
    // The summary in front, as the Office.js run leaves it, not the hidden analyses sheet added last.
    try {
      fresh.Activate();
    } catch (error) {
      skipped.push(`activate ${model.name}: ${(error as Error).message}`);
    }
    return { ok: true, sheetName: model.name, skipped };
  } catch (error) {
    for (const step of undo.reverse()) {
      try {
        step();
      } catch {
        // Keep undoing the rest: one refused undo must not leave the others in place.
      }
    }
    return { ok: false, error: (error as Error).message };
  } finally {
    // Each switch on its own: one refused must not keep the other off.
    for (const restore of [() => alerts !== undefined && (app.DisplayAlerts = alerts), () => screen !== undefined && (app.ScreenUpdating = screen)]) {
      try {
        restore();
      } catch {
        // A refused restore cannot be retried from here; the result already says how the run ended.
      }
    }
  }
}

function findName(app: EtApplication, name: string): { RefersTo: string } | undefined {
  const all = app.ActiveWorkbook.Names;
  for (let i = 1; i <= all.Count; i++) {
    const item = all.Item(i);
    if (item.Name.toLowerCase() === name.toLowerCase()) return item;
  }
  return undefined;
}

/** The stored analyses, as the last applySummary wrote them. */
export function readStoredAnalyses(app: EtApplication): string | undefined {
  const sheet = sheetNamed(app, ANALYSES_SHEET);
  if (sheet === undefined) return undefined;
  const used = sheet.UsedRange;
  const rows = used.Row - 1 + used.Rows.Count;
  const value2 = sheet.Range(`A1:A${rows}`).Value2;
  const cells = Array.isArray(value2) ? value2.flat() : [value2];
  return cells.map((c) => (c === null || c === undefined ? "" : String(c))).join("");
}

