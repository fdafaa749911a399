// Reads what a run needs in one round trip: every source range (trimmed to its used cells), the
// sheets of the workbook, the stored analyses and where the analysis' summary is. Sources known
// to be larger than one answer may carry are read straight away in row blocks; otherwise only a
// refusal by Excel on the web splits the reading — first without number formats, then in blocks.

import { CellRect, intersectRects, parseAddress, ParsedAddress, qualifiedAddress, rectName, splitSheet } from "../core/a1";
import { Problem, problem } from "../core/problems";
import { isCellLimitError, isOfficeError, isPayloadError, isReadSizeError, lastTrace, officeProblem } from "./errors";
import { ContextRunner, ReadSource, SourceDefinition, SourceSpec } from "./types";
import { ALIAS_SHEET_NAMES } from "../core/aliases";
import { bandAround, regionOfSelection } from "./region";

/** A sheet of the workbook as the writer needs to know it. */
export interface SheetInfo {
  readonly id: string;
  readonly name: string;
  readonly position: number;
  readonly visibility: string;
}

/** What the workbook says besides the sources: its sheets, the stored analyses, the summary's marker. */
interface WorkbookFacts {
  readonly sheets: readonly SheetInfo[];
  /** The stored analyses setting, as saved (parsed by settings.ts). */
  readonly storedAnalyses: unknown;
  /** The sheet the analysis' marker name points to (its summary), if the marker exists and is valid. */
  readonly markedSheet: string | undefined;
  /** Whether the marker name exists at all (even pointing nowhere, after its sheet was deleted). */
  readonly markerExists: boolean;
  /** The person's alias list (a sheet named 别名, StatDesk_别名 …, see core/aliases), its used cells, if there is one. */
  readonly aliasSheet?: { readonly sheet: string; readonly row: number; readonly column: number; readonly values: readonly (readonly (string | number | boolean)[])[] };
}

export interface WorkbookState extends WorkbookFacts {
  readonly sources: readonly ReadSource[];
  /** Number formats per source (same index), when they were read. */
  readonly numberFormats: readonly (readonly (readonly string[])[] | undefined)[];
}

export type ReadResult = ({ readonly ok: true } & WorkbookState & { readonly syncs: number }) | { readonly ok: false; readonly problems: Problem[]; readonly syncs: number };

/** Sources up to this many cells are read with their number formats (to tell dates from figures). */
const FORMAT_CELL_LIMIT = 50_000;
/**
 * Cells per round trip when a read is split: a ranking's cells (a rank, a Chinese name, a figure)
 * average about 11 bytes of JSON, so 360,000 cells stay near 4 MB, under Excel on the web's 5 MB.
 * Longer texts make a block too big; Excel refuses it and the block is halved.
 */
const CHUNK_CELLS = 360_000;
const MIN_CHUNK_CELLS = 1_000;

export const SETTINGS_KEY = "StatDesk.analyses";

/**
 * A workbook-level name marking an analysis' summary sheet (it refers to the summary's A1, so it
 * follows the sheet through renames and turns to #REF! when the sheet is deleted). Excel names:
 * letters, digits, _ and ., starting with a letter.
 */
export function markerName(analysisId: string): string {
  return `StatDesk_${analysisId.replace(/[^A-Za-z0-9_.]/g, "_")}`;
}

/** The sheet a marker's formula ("='汇总_2024'!$A$1") points to, or undefined for #REF! or nonsense. */
function markedSheetOf(formula: unknown): string | undefined {
  if (typeof formula !== "string" || formula.includes("#REF!")) return undefined;
  const { sheet } = splitSheet(formula.replace(/^=/, ""));
  return sheet === undefined || sheet === "" ? undefined : sheet;
}

/** How a source names itself in messages. */
export function describeSource(spec: SourceSpec): string {
  if (spec.kind === "region") return spec.taken ?? spec.anchor;
  return spec.kind === "address" ? spec.address : spec.name;
}

/** A region's anchor when it is a bounded address (a cell or a block), else undefined: "A:C" is taken as it is. */
function regionAnchor(spec: SourceSpec): ParsedAddress | undefined {
  if (spec.kind !== "region") return undefined;
  const parsed = parseAddress(spec.anchor);
  return parsed === undefined || parsed.wholeColumns || parsed.wholeRows ? undefined : parsed;
}

/** Checks a source before anything is sent: an address must be A1 notation. */
function checkSource(spec: SourceSpec): Problem | undefined {
  if (spec.kind === "address") {
    return parseAddress(spec.address) === undefined ? problem("source-address-invalid", "error", undefined, { address: spec.address }) : undefined;
  }
  if (spec.kind === "region") {
    return parseAddress(spec.anchor) === undefined ? problem("source-address-invalid", "error", undefined, { address: spec.anchor }) : undefined;
  }
  if (spec.name.trim() === "") {
    return problem("source-address-invalid", "error", undefined, { address: spec.name });
  }
  return undefined;
}

/** The proxy for a source's cells, trimmed to the used part (a whole-column selection becomes its data). */
function sourceRange(context: Excel.RequestContext, spec: SourceSpec): Excel.Range {
  if (spec.kind === "table") return context.workbook.tables.getItem(spec.name).getRange();
  if (spec.kind === "name") return context.workbook.names.getItem(spec.name).getRange();
  const { sheet, reference } = splitSheet(spec.kind === "region" ? spec.anchor : spec.address);
  const worksheet = sheet === undefined ? context.workbook.worksheets.getActiveWorksheet() : context.workbook.worksheets.getItem(sheet);
  // A region is found in its sheet's used cells, read in the same round trip (takeRegion cuts it out).
  if (regionAnchor(spec) !== undefined) return worksheet.getUsedRangeOrNullObject(true);
  return worksheet.getRange(reference).getUsedRangeOrNullObject(true);
}

/** The rows and columns of `rect` (grid coordinates, inside the grid) of a grid. */
function sliceGrid<T>(grid: readonly (readonly T[])[], rect: CellRect): T[][] {
  return grid.slice(rect.row, rect.row + rect.rowCount).map((r) => r.slice(rect.column, rect.column + rect.columnCount));
}

/**
 * A region source as read (its sheet's used cells) cut down to what its anchor stands for, by its
 * extent: the block around a cell, or around a selection inside one block (a selection across its
 * block's width or height as it is); the column band around the anchor's column (nothing when
 * that column is now blank); or the whole used range. Other sources pass unchanged.
 */
function takeRegion(read: ReadSource, formats: readonly (readonly string[])[] | undefined): { source: ReadSource; formats: readonly (readonly string[])[] | undefined } {
  const spec = read.definition.spec;
  const anchor = regionAnchor(spec);
  if (spec.kind !== "region" || anchor === undefined) return { source: read, formats };
  const sheet = read.sheet !== "" ? read.sheet : (anchor.sheet ?? "");
  const anchorAddress = sheet === "" ? spec.anchor : qualifiedAddress(sheet, anchor);
  const gridRows = read.values.length;
  const gridColumns = read.values.reduce((w, r) => Math.max(w, r.length), 0);
  const whole: CellRect = { row: 0, column: 0, rowCount: gridRows, columnCount: gridColumns };
  const selection: CellRect = { row: anchor.row - read.row, column: anchor.column - read.column, rowCount: anchor.rowCount, columnCount: anchor.columnCount };
  const extent = spec.extent ?? "current-region";
  let wanted: CellRect | undefined;
  let expanded = false;
  if (gridRows === 0) wanted = undefined;
  else if (extent === "column-band") wanted = bandAround(read.values, selection.column);
  else if (extent === "used-range") wanted = whole;
  else {
    const grown = regionOfSelection(read.values, selection);
    wanted = grown ?? selection;
    // "Extended to …" is said only of a selection that grew; Find data's extents name a table, not a selection.
    expanded = grown !== undefined && (grown.rowCount > anchor.rowCount || grown.columnCount > anchor.columnCount);
  }
  const rect = wanted === undefined ? undefined : intersectRects(wanted, whole);
  const region = { anchor: anchorAddress, expanded };
  if (rect === undefined) {
    return { source: { definition: read.definition, address: anchorAddress, sheet, row: anchor.row, column: anchor.column, values: [], region }, formats: undefined };
  }
  const at = { row: read.row + rect.row, column: read.column + rect.column, rowCount: rect.rowCount, columnCount: rect.columnCount };
  return {
    source: { definition: read.definition, address: sheet === "" ? rectName(at) : qualifiedAddress(sheet, at), sheet, row: at.row, column: at.column, values: sliceGrid(read.values, rect), region },
    formats: formats === undefined ? undefined : sliceGrid(formats, rect),
  };
}

/** Every region source of a state cut down to its region (see takeRegion). */
function takeRegions(state: WorkbookState): WorkbookState {
  if (!state.sources.some((s) => s.definition.spec.kind === "region")) return state;
  const taken = state.sources.map((s, i) => takeRegion(s, state.numberFormats[i]));
  return { ...state, sources: taken.map((t) => t.source), numberFormats: taken.map((t) => t.formats) };
}

/** A source given as an address bounded on both axes ("'2024年'!A1:C10002"), else undefined (tables, names, "A:C", "3:5"). */
function boundedAddress(spec: SourceSpec): ParsedAddress | undefined {
  if (spec.kind !== "address") return undefined;
  const parsed = parseAddress(spec.address);
  return parsed === undefined || parsed.wholeColumns || parsed.wholeRows ? undefined : parsed;
}

function estimatedCells(spec: SourceSpec): number | undefined {
  const bounded = boundedAddress(spec);
  return bounded === undefined ? undefined : bounded.rowCount * bounded.columnCount;
}

type Loaded = { range: Excel.Range; formats: boolean };

function toReadSource(definition: SourceDefinition, range: Excel.Range): ReadSource {
  const { sheet } = splitSheet(range.address);
  return {
    definition,
    address: range.address,
    sheet: sheet ?? "",
    row: range.rowIndex,
    column: range.columnIndex,
    values: range.values as (string | number | boolean)[][],
  };
}

function emptySource(definition: SourceDefinition): ReadSource {
  return { definition, address: describeSource(definition.spec), sheet: "", row: 0, column: 0, values: [] };
}

/** The first alias sheet found (in ALIAS_SHEET_NAMES' order), as read. */
function aliasSheetOf(ranges: readonly Excel.Range[]): Pick<WorkbookFacts, "aliasSheet"> {
  const found = ranges.find((r) => !r.isNullObject);
  if (found === undefined) return {};
  const { sheet } = splitSheet(found.address);
  return { aliasSheet: { sheet: sheet ?? "", row: found.rowIndex, column: found.columnIndex, values: found.values as (string | number | boolean)[][] } };
}

/** Queues the loads of the workbook's facts; the returned function reads them after the sync. */
function queueFacts(context: Excel.RequestContext, marker: string | undefined): () => WorkbookFacts {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/id,items/position,items/visibility");
  const setting = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
  setting.load("value");
  const name = marker === undefined ? undefined : context.workbook.names.getItemOrNullObject(marker);
  name?.load("formula");
  // The alias sheet, under any of its names, comes in the same round trip (null objects where absent).
  const aliasRanges = ALIAS_SHEET_NAMES.map((n) => {
    const used = sheets.getItemOrNullObject(n).getUsedRangeOrNullObject(true);
    used.load("address,values,rowIndex,columnIndex");
    return used;
  });
  return () => ({
    ...aliasSheetOf(aliasRanges),
    sheets: sheets.items.map((w) => ({ id: w.id, name: w.name, position: w.position, visibility: String(w.visibility) })),
    storedAnalyses: setting.isNullObject ? undefined : setting.value,
    markerExists: name !== undefined && !name.isNullObject,
    markedSheet: name === undefined || name.isNullObject ? undefined : markedSheetOf(name.formula),
  });
}

/**
 * One round trip: the workbook's facts and every source. `formats` decides per source whether
 * number formats come too. Markers ("source:i") say which source a failure belongs to.
 */
async function readOnce(run: ContextRunner, sources: readonly SourceDefinition[], marker: string | undefined, formats: (i: number) => boolean): Promise<WorkbookState> {
  return run(async (context) => {
    const facts = queueFacts(context, marker);
    const loaded: Loaded[] = sources.map((s, i) => {
      context.trace(`source:${i}`);
      const range = sourceRange(context, s.spec);
      const withFormats = formats(i);
      range.load(withFormats ? "address,values,numberFormat,rowIndex,columnIndex" : "address,values,rowIndex,columnIndex");
      return { range, formats: withFormats };
    });
    context.trace("sources:done");
    await context.sync();
    // Past five million cells some Excel builds answer null values rather than RangeExceedsLimit
    // (office-js #4783; Microsoft's "Performance optimization…": "the API doesn't always throw").
    if (loaded.some((l) => !l.range.isNullObject && !Array.isArray(l.range.values))) throw new TooManyCells();
    return {
      ...facts(),
      sources: loaded.map((l, i) => (l.range.isNullObject ? emptySource(sources[i]) : toReadSource(sources[i], l.range))),
      numberFormats: loaded.map((l) => (l.formats && !l.range.isNullObject ? (l.range.numberFormat as string[][]) : undefined)),
    };
  });
}

/** A read answered null values: too many cells for one range; read again in row blocks. */
class TooManyCells extends Error {
  readonly code = "RangeExceedsLimit";
  constructor() {
    super("Excel answered no values for a range of more cells than it reads at once.");
  }
}

/** A refusal that reading fewer cells at a time avoids: for the payload, or for the cell count. */
function tooLarge(error: unknown): boolean {
  return error instanceof TooManyCells || isReadSizeError(error);
}

/** A source's cells as the block reader needs them. */
interface Extent {
  readonly address: string;
  readonly sheet: string;
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
}

/** The extents of sources given as bounded addresses on named sheets, or undefined when any is not. */
function knownExtents(sources: readonly SourceDefinition[]): Extent[] | undefined {
  const extents: Extent[] = [];
  for (const s of sources) {
    const bounded = boundedAddress(s.spec);
    if (bounded === undefined || bounded.sheet === undefined) return undefined;
    const { sheet, row, column, rowCount, columnCount } = bounded;
    extents.push({ address: qualifiedAddress(sheet, bounded), sheet, row, column, rows: rowCount, columns: columnCount });
  }
  return extents;
}

/**
 * Split reading for sources too large for one round trip: row blocks of at most CHUNK_CELLS cells
 * per round trip, halving the block when Excel still refuses the size. The extents come from the
 * addresses when they are known (and the first block's round trip brings the workbook's facts),
 * else from a round trip of their own.
 */
async function readInBlocks(
  run: ContextRunner,
  sources: readonly SourceDefinition[],
  marker: string | undefined,
  known: Extent[] | undefined,
): Promise<{ state: WorkbookState; syncs: number }> {
  let syncs = 0;
  let facts: WorkbookFacts | undefined;
  let ranges: (Extent | null)[];
  if (known !== undefined) {
    ranges = known;
  } else {
    syncs++;
    const extents = await run(async (context) => {
      const read = queueFacts(context, marker);
      const proxies = sources.map((s, i) => {
        context.trace(`source:${i}`);
        const range = sourceRange(context, s.spec);
        range.load("address,rowIndex,columnIndex,rowCount,columnCount");
        return range;
      });
      await context.sync();
      return {
        facts: read(),
        ranges: proxies.map((r) =>
          r.isNullObject ? null : { address: r.address, sheet: splitSheet(r.address).sheet ?? "", row: r.rowIndex, column: r.columnIndex, rows: r.rowCount, columns: r.columnCount },
        ),
      };
    });
    facts = extents.facts;
    ranges = extents.ranges;
  }

  const values: (string | number | boolean)[][][] = ranges.map(() => []);
  type Block = { source: number; row: number; rows: number };
  type Cursor = { source: number; row: number };
  // The rows of every source in order, cut into round trips of at most `budget` cells: a round
  // trip that finishes one source goes on into the next, so no round trip is left half empty.
  const plan = (from: Cursor, budget: number): { blocks: Block[]; end: Cursor } => {
    const blocks: Block[] = [];
    let { source, row } = from;
    let cells = 0;
    while (source < ranges.length) {
      const r = ranges[source];
      if (r === null || row >= r.rows) {
        source++;
        row = 0;
        continue;
      }
      const width = Math.max(1, r.columns);
      const rows = Math.min(r.rows - row, Math.floor((budget - cells) / width));
      if (rows < 1) {
        if (blocks.length === 0) {
          blocks.push({ source, row, rows: 1 }); // a single row wider than the budget goes alone
          row += 1;
        }
        break;
      }
      blocks.push({ source, row, rows });
      cells += rows * width;
      row += rows;
    }
    return { blocks, end: { source, row } };
  };

  const cellsFrom = (from: Cursor): number =>
    ranges.reduce((sum, r, i) => (r === null || i < from.source ? sum : sum + (r.rows - (i === from.source ? from.row : 0)) * Math.max(1, r.columns)), 0);
  let at: Cursor = { source: 0, row: 0 };
  let budget = CHUNK_CELLS;
  for (;;) {
    // A remainder within 5% of the budget comes along rather than taking a round trip of its own.
    const left = cellsFrom(at);
    const { blocks, end } = plan(at, left <= budget * 1.05 ? left : budget);
    if (blocks.length === 0) break;
    try {
      syncs++;
      const read = await run(async (context) => {
        const readFacts = facts === undefined ? queueFacts(context, marker) : undefined;
        const proxies = blocks.map((b) => {
          const r = ranges[b.source]!;
          context.trace(`source:${b.source}`);
          const range = context.workbook.worksheets.getItem(r.sheet).getRange(rectName({ row: r.row + b.row, column: r.column, rowCount: b.rows, columnCount: r.columns }));
          range.load("values");
          return range;
        });
        await context.sync();
        if (proxies.some((p) => !Array.isArray(p.values))) throw new TooManyCells();
        return { facts: readFacts?.(), values: proxies.map((p) => p.values as (string | number | boolean)[][]) };
      });
      facts ??= read.facts;
      // Row by row: spreading a block of 120,000+ rows into push() overflows the call stack.
      blocks.forEach((b, k) => {
        for (const row of read.values[k]) values[b.source].push(row);
      });
      at = end;
    } catch (error) {
      if (!tooLarge(error) || budget <= MIN_CHUNK_CELLS) throw error;
      // Too big even so: the same rows again, in round trips of half the cells.
      budget = Math.floor(budget / 2);
    }
  }

  if (facts === undefined) throw new Error("readInBlocks: no round trip brought the workbook's facts");
  return {
    state: {
      ...facts,
      sources: ranges.map((r, i) =>
        r === null ? emptySource(sources[i]) : { definition: sources[i], address: r.address, sheet: r.sheet, row: r.row, column: r.column, values: values[i] },
      ),
      numberFormats: sources.map(() => undefined),
    },
    syncs,
  };
}

/** Turns a failed read into the problem a person needs: which source is missing, or what Excel said. */
function readProblem(error: unknown, sources: readonly SourceDefinition[]): Problem {
  if (!isOfficeError(error)) throw error;
  const marker = lastTrace(error);
  const index = marker?.startsWith("source:") ? Number(marker.slice(7)) : -1;
  if (error.code === "ItemNotFound" && index >= 0 && index < sources.length) {
    const spec = sources[index].spec;
    const kind = spec.kind === "table" ? "table" : spec.kind === "name" ? "name" : "sheet";
    return problem("source-missing", "error", undefined, { source: describeSource(spec), kind });
  }
  if (isPayloadError(error)) return problem("payload-too-large", "error", undefined, { detail: error.code });
  return officeProblem(error);
}

/** The problem for a failed read, also when the failure is this module's own TooManyCells. */
function failedRead(error: unknown, sources: readonly SourceDefinition[]): Problem {
  if (error instanceof TooManyCells) return problem("excel-error", "error", undefined, { code: error.code, detail: error.message });
  return readProblem(error, sources);
}

/**
 * Reads the workbook state and all sources, in one round trip when Excel allows it. `analysisId`
 * names the analysis whose summary marker is looked up. Problems, never exceptions, for what a
 * person can fix (a missing sheet, a bad address).
 */
export async function readWorkbook(run: ContextRunner, sources: readonly SourceDefinition[], analysisId?: string): Promise<ReadResult> {
  const invalid = sources.map((s) => checkSource(s.spec)).filter((p): p is Problem => p !== undefined);
  if (invalid.length > 0) return { ok: false, problems: invalid, syncs: 0 };
  const marker = analysisId === undefined ? undefined : markerName(analysisId);
  const small = (i: number) => {
    const cells = estimatedCells(sources[i].spec);
    return cells === undefined || cells <= FORMAT_CELL_LIMIT;
  };
  let syncs = 0;

  // Known to be too large for one answer: blocks straight away, no refused attempt first.
  const known = knownExtents(sources);
  if (known !== undefined && known.reduce((n, e) => n + e.rows * e.columns, 0) > CHUNK_CELLS) {
    try {
      const { state, syncs: blockSyncs } = await readInBlocks(run, sources, marker, known);
      return { ok: true, ...takeRegions(state), syncs: blockSyncs };
    } catch (error) {
      return { ok: false, problems: [failedRead(error, sources)], syncs: 1 };
    }
  }

  let cellLimit: boolean;
  try {
    syncs++;
    return { ok: true, ...takeRegions(await readOnce(run, sources, marker, small)), syncs };
  } catch (first) {
    if (!tooLarge(first)) return { ok: false, problems: [failedRead(first, sources)], syncs };
    cellLimit = first instanceof TooManyCells || isCellLimitError(first);
  }
  // Refused for size: number formats are the first thing to go — when there were any to drop;
  // otherwise the same request would only be refused again. A range over the cell limit is over
  // it without its formats too (the limit counts one property's cells): blocks straight away.
  if (!cellLimit && sources.some((_, i) => small(i))) {
    try {
      syncs++;
      return { ok: true, ...takeRegions(await readOnce(run, sources, marker, () => false)), syncs };
    } catch (second) {
      if (!tooLarge(second)) return { ok: false, problems: [failedRead(second, sources)], syncs };
    }
  }
  try {
    const { state, syncs: blockSyncs } = await readInBlocks(run, sources, marker, undefined);
    return { ok: true, ...takeRegions(state), syncs: syncs + blockSyncs };
  } catch (third) {
    return { ok: false, problems: [failedRead(third, sources)], syncs: syncs + 1 };
  }
}
