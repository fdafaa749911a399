// Reading from WPS 表格: each source as one Value2 per block, normalised to the grid the core
// takes and trimmed to its filled cells as the Office.js layer's read trims it (so both hosts name
// and read a source alike), the block's number formats with as few calls as the formats allow,
// and the workbook's facts (sheets, names, stored analyses, the alias sheet) in the same step.

import { CellRect, intersectRects, parseAddress, qualifiedAddress, quoteSheetName, rectName, sheetOfReference, splitSheet } from "../core/a1";
import { ALIAS_SHEET_NAMES } from "../core/aliases";
import { PortCell, ReadResult, SourceGrid, SourceSpec, WorkbookFacts } from "../core/port";
import { Problem, problem } from "../core/problems";
import { regionAnchor, takeRegion } from "../core/region";
import { describeSource, sourceSpecProblem } from "../core/source";
import { EtApplication, EtRange, EtWorksheet, grid2D, itemNamed, XL } from "./et";

/**
 * The hidden sheet holding the stored analyses (JSON in column A, in pieces under a cell's 32,767
 * characters). A hidden sheet, not custom document properties: sheets, Value2 and quiet deletes
 * are what the real-WPS probes confirmed (wps-addin.md §2.3 table), custom properties were not
 * probed, and PluginStorage is not persisted (§2.1). It also survives a save to .xlsx as is.
 */
export const ANALYSES_SHEET = "StatDesk_analyses";

/** The sheet of that name (case-insensitive, as ET compares). */
export function sheetNamed(app: EtApplication, name: string): EtWorksheet | undefined {
  return itemNamed(app.ActiveWorkbook.Worksheets, name);
}

/** A range's place as a 0-based rectangle. */
function rectOf(range: EtRange): CellRect {
  return { row: range.Row - 1, column: range.Column - 1, rowCount: range.Rows.Count, columnCount: range.Columns.Count };
}

/**
 * Number formats of a block: one read when the block shares a format; a mixed block reads null
 * (as VBA's Range.NumberFormat does), so its columns are read, and a mixed column cell by cell.
 */
function numberFormatsOf(range: EtRange, rows: number, columns: number): string[][] {
  const whole = range.NumberFormat;
  if (typeof whole === "string") return Array.from({ length: rows }, () => new Array<string>(columns).fill(whole));
  const out: string[][] = Array.from({ length: rows }, () => new Array<string>(columns).fill("General"));
  const cells = range.Worksheet.Cells;
  const top = { row: range.Row, column: range.Column };
  for (let c = 0; c < columns; c++) {
    const format = cells.Item(top.row, top.column + c).Resize(rows, 1).NumberFormat;
    for (let r = 0; r < rows; r++) out[r][c] = typeof format === "string" ? format : (cells.Item(top.row + r, top.column + c).NumberFormat ?? "General");
  }
  return out;
}

/**
 * The part of a block holding values: blank rows and columns at its edges cut away, as Office.js's
 * getUsedRangeOrNullObject(true) cuts the range the Office.js layer reads; undefined when it is blank.
 */
function filledPart(values: readonly (readonly PortCell[])[]): CellRect | undefined {
  let top = Infinity;
  let bottom = -1;
  let left = Infinity;
  let right = -1;
  values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === "") return;
      top = Math.min(top, r);
      bottom = Math.max(bottom, r);
      left = Math.min(left, c);
      right = Math.max(right, c);
    }),
  );
  return bottom < 0 ? undefined : { row: top, column: left, rowCount: bottom - top + 1, columnCount: right - left + 1 };
}

/** The cells of a range, read once, trimmed to their filled part, with number formats for that part. */
function readBlock(spec: SourceSpec, sheet: EtWorksheet, rect: CellRect, trim: boolean): SourceGrid {
  const name = sheet.Name;
  const values = grid2D(sheet.Range(rectName(rect)).Value2, rect.rowCount, rect.columnCount);
  const filled = trim ? filledPart(values) : { row: 0, column: 0, rowCount: rect.rowCount, columnCount: rect.columnCount };
  if (filled === undefined) return { spec, address: describeSource(spec), sheet: "", row: 0, column: 0, values: [] };
  const at = { row: rect.row + filled.row, column: rect.column + filled.column, rowCount: filled.rowCount, columnCount: filled.columnCount };
  const grid = values.slice(filled.row, filled.row + filled.rowCount).map((r) => r.slice(filled.column, filled.column + filled.columnCount));
  return {
    spec,
    address: qualifiedAddress(name, at),
    sheet: name,
    row: at.row,
    column: at.column,
    values: grid,
    numberFormats: numberFormatsOf(sheet.Range(rectName(at)), at.rowCount, at.columnCount),
  };
}

/** A table (ListObject) by name, on whichever sheet holds it. */
function tableRange(app: EtApplication, name: string): EtRange | undefined {
  const sheets = app.ActiveWorkbook.Worksheets;
  for (let i = 1; i <= sheets.Count; i++) {
    const table = itemNamed(sheets.Item(i).ListObjects, name);
    if (table !== undefined) return table.Range;
  }
  return undefined;
}

/** A workbook name's range (Names.Item(n).RefersToRange, wps-addin.md §2.3 table, "defined names"). */
function nameRange(app: EtApplication, name: string): EtRange | undefined {
  return itemNamed(app.ActiveWorkbook.Names, name)?.RefersToRange;
}

/** One source: a problem when its sheet, table or name is missing (as the Office.js layer says it). */
function readSource(app: EtApplication, spec: SourceSpec): SourceGrid | Problem {
  const missing = (kind: "sheet" | "table" | "name") => problem("source-missing", "error", undefined, { source: describeSource(spec), kind });
  if (spec.kind === "table" || spec.kind === "name") {
    // A table or a name is read whole, as Office.js reads tables.getItem().getRange() and names.getItem().getRange().
    const range = spec.kind === "table" ? tableRange(app, spec.name) : nameRange(app, spec.name);
    if (range === undefined) return missing(spec.kind);
    return readBlock(spec, range.Worksheet, rectOf(range), false);
  }
  const parsed = parseAddress(spec.kind === "region" ? spec.anchor : spec.address);
  if (parsed === undefined) return problem("source-address-invalid", "error", undefined, { address: describeSource(spec) });
  const sheet = parsed.sheet === undefined ? app.ActiveSheet : sheetNamed(app, parsed.sheet);
  if (sheet === undefined) return missing("sheet");
  const used = rectOf(sheet.UsedRange);
  // A region is found in its sheet's used cells (core/region cuts it out); whole columns or rows are cut to them.
  const rect = regionAnchor(spec) !== undefined ? used : parsed.wholeColumns || parsed.wholeRows ? intersectRects(parsed, used) : parsed;
  if (rect === undefined) return { spec, address: describeSource(spec), sheet: "", row: 0, column: 0, values: [] };
  return takeRegion(readBlock(spec, sheet, rect, true));
}

/** The workbook's sheets, names, stored analyses and alias sheet. */
export function readFacts(app: EtApplication): WorkbookFacts {
  const sheets = app.ActiveWorkbook.Worksheets;
  const all = Array.from({ length: sheets.Count }, (_x, i) => {
    const sheet = sheets.Item(i + 1);
    // WPS sheets have no id that survives a rename in the probed API: the name read now is the handle.
    const name = sheet.Name;
    return { id: name, name, position: i, visible: sheet.Visible === XL.sheetVisible };
  });
  const names = app.ActiveWorkbook.Names;
  const listed = Array.from({ length: names.Count }, (_x, i) => {
    const item = names.Item(i + 1);
    return { name: item.Name, sheet: sheetOfReference(item.RefersTo) };
  });
  // The first alias sheet holding anything, in ALIAS_SHEET_NAMES' order, as the Office.js layer takes it.
  let aliasSheet: WorkbookFacts["aliasSheet"];
  for (const wanted of ALIAS_SHEET_NAMES) {
    const found = all.find((s) => s.name.toLowerCase() === wanted.toLowerCase());
    aliasSheet = found === undefined ? undefined : aliasCells(app, found.name);
    if (aliasSheet !== undefined) break;
  }
  return { sheets: all, storedAnalyses: readStoredAnalyses(app), names: listed, ...(aliasSheet !== undefined ? { aliasSheet } : {}) };
}

function aliasCells(app: EtApplication, name: string): WorkbookFacts["aliasSheet"] {
  const sheet = sheetNamed(app, name);
  if (sheet === undefined) return undefined;
  const grid = readBlock({ kind: "address", address: `${name}!A:XFD` }, sheet, rectOf(sheet.UsedRange), true);
  return grid.values.length === 0 ? undefined : { sheet: name, row: grid.row, column: grid.column, values: grid.values };
}

/** Every source, with the workbook's facts; problems (not exceptions) for a bad address or a missing sheet, table or name. */
export function readWorkbook(app: EtApplication, sources: readonly SourceSpec[]): ReadResult {
  const invalid = sources.map(sourceSpecProblem).filter((p): p is Problem => p !== undefined);
  if (invalid.length > 0) return { ok: false, problems: invalid, syncs: 0 };
  const grids: SourceGrid[] = [];
  for (const spec of sources) {
    const read = readSource(app, spec);
    if ("code" in read) return { ok: false, problems: [read], syncs: 1 };
    grids.push(read);
  }
  return { ok: true, grids, facts: readFacts(app), syncs: 1 };
}

/** The selection as a sheet-qualified address; a chart or shape selected is not a range, and is said. */
export function selectionAddress(app: EtApplication): string {
  const selection = app.Selection as Partial<EtRange> | null;
  if (selection === null || typeof selection.Address !== "function" || selection.Worksheet === undefined) throw new Error("The selection is not a range of cells: select cells and try again.");
  const reference = selection.Address(false, false);
  return splitSheet(reference).sheet === undefined ? `${quoteSheetName(selection.Worksheet.Name)}!${reference}` : reference;
}

/** The stored analyses, as the last write left them on the hidden sheet; undefined when there is none. */
export function readStoredAnalyses(app: EtApplication): string | undefined {
  const sheet = sheetNamed(app, ANALYSES_SHEET);
  if (sheet === undefined) return undefined;
  const used = sheet.UsedRange;
  const rows = used.Row - 1 + used.Rows.Count;
  const value2 = sheet.Range(`A1:A${rows}`).Value2;
  const cells = Array.isArray(value2) ? value2.flat() : [value2];
  return cells.map((c) => (c === null || c === undefined ? "" : String(c))).join("");
}
