// Reads what a run needs in one round trip: every source range (trimmed to its used cells), the
// sheets of the workbook, the stored analyses and where the analysis' summary is. Sources known
// to be larger than one answer may carry are read straight away in row blocks; otherwise only a
// refusal by Excel on the web splits the reading — first without number formats, then in blocks.

import { parseAddress, ParsedAddress, qualifiedAddress, rectName, sheetOfReference, splitSheet } from "../core/a1";
import { SourceGrid, SourceSpec, WorkbookFacts } from "../core/port";
import { Problem, problem } from "../core/problems";
import { describeSource, sourceSpecProblem } from "../core/source";
import { isCellLimitError, isOfficeError, isPayloadError, isReadSizeError, lastTrace, officeProblem } from "./errors";
import { ContextRunner } from "./environment";
import { ALIAS_SHEET_NAMES } from "../core/aliases";
import { regionAnchor, takeRegion } from "../core/region";

/** A source to read: what the port's read is given (a SourceDefinition of the run code is one). */
interface SourceAsked {
  readonly spec: SourceSpec;
}

export interface WorkbookState {
  readonly facts: WorkbookFacts;
  /** The sources read, in the order asked, each with its number formats when they were read. */
  readonly sources: readonly SourceGrid[];
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

/** Every region source of a state cut down to its region (see takeRegion). */
function takeRegions(state: WorkbookState): WorkbookState {
  if (!state.sources.some((s) => s.spec.kind === "region")) return state;
  return { ...state, sources: state.sources.map(takeRegion) };
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

function toSourceGrid(spec: SourceSpec, range: Excel.Range, formats: boolean): SourceGrid {
  const { sheet } = splitSheet(range.address);
  return {
    spec,
    address: range.address,
    sheet: sheet ?? "",
    row: range.rowIndex,
    column: range.columnIndex,
    values: range.values as (string | number | boolean)[][],
    ...(formats ? { numberFormats: range.numberFormat as string[][] } : {}),
  };
}

function emptySource(spec: SourceSpec): SourceGrid {
  return { spec, address: describeSource(spec), sheet: "", row: 0, column: 0, values: [] };
}

/** The first alias sheet found (in ALIAS_SHEET_NAMES' order), as read. */
function aliasSheetOf(ranges: readonly Excel.Range[]): Pick<WorkbookFacts, "aliasSheet"> {
  const found = ranges.find((r) => !r.isNullObject);
  if (found === undefined) return {};
  const { sheet } = splitSheet(found.address);
  return { aliasSheet: { sheet: sheet ?? "", row: found.rowIndex, column: found.columnIndex, values: found.values as (string | number | boolean)[][] } };
}

/** Queues the loads of the workbook's facts; the returned function reads them after the sync. */
function queueFacts(context: Excel.RequestContext): () => WorkbookFacts {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/id,items/position,items/visibility");
  const setting = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
  setting.load("value");
  const names = context.workbook.names;
  names.load("items/name,items/formula");
  // The alias sheet, under any of its names, comes in the same round trip (null objects where absent).
  const aliasRanges = ALIAS_SHEET_NAMES.map((n) => {
    const used = sheets.getItemOrNullObject(n).getUsedRangeOrNullObject(true);
    used.load("address,values,rowIndex,columnIndex");
    return used;
  });
  return () => ({
    ...aliasSheetOf(aliasRanges),
    sheets: sheets.items.map((w) => ({ id: w.id, name: w.name, position: w.position, visible: String(w.visibility) === "Visible" })),
    storedAnalyses: setting.isNullObject ? undefined : setting.value,
    names: names.items.map((n) => ({ name: n.name, sheet: sheetOfReference(n.formula) })),
  });
}

/**
 * One round trip: the workbook's facts and every source. `formats` decides per source whether
 * number formats come too. Markers ("source:i") say which source a failure belongs to.
 */
async function readOnce(run: ContextRunner, sources: readonly SourceAsked[], formats: (i: number) => boolean): Promise<WorkbookState> {
  return run(async (context) => {
    const facts = queueFacts(context);
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
      facts: facts(),
      sources: loaded.map((l, i) => (l.range.isNullObject ? emptySource(sources[i].spec) : toSourceGrid(sources[i].spec, l.range, l.formats))),
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
function knownExtents(sources: readonly SourceAsked[]): Extent[] | undefined {
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
async function readInBlocks(run: ContextRunner, sources: readonly SourceAsked[], known: Extent[] | undefined): Promise<{ state: WorkbookState; syncs: number }> {
  let syncs = 0;
  let facts: WorkbookFacts | undefined;
  let ranges: (Extent | null)[];
  if (known !== undefined) {
    ranges = known;
  } else {
    syncs++;
    const extents = await run(async (context) => {
      const read = queueFacts(context);
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
        const readFacts = facts === undefined ? queueFacts(context) : undefined;
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
      facts,
      sources: ranges.map((r, i) =>
        r === null ? emptySource(sources[i].spec) : { spec: sources[i].spec, address: r.address, sheet: r.sheet, row: r.row, column: r.column, values: values[i] },
      ),
    },
    syncs,
  };
}

/** Turns a failed read into the problem a person needs: which source is missing, or what Excel said. */
function readProblem(error: unknown, sources: readonly SourceAsked[]): Problem {
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
function failedRead(error: unknown, sources: readonly SourceAsked[]): Problem {
  if (error instanceof TooManyCells) return problem("excel-error", "error", undefined, { code: error.code, detail: error.message });
  return readProblem(error, sources);
}

/**
 * Reads the workbook's facts and all sources, in one round trip when Excel allows it. Problems,
 * never exceptions, for what a person can fix (a missing sheet, a bad address).
 */
export async function readWorkbook(run: ContextRunner, sources: readonly SourceAsked[]): Promise<ReadResult> {
  const invalid = sources.map((s) => sourceSpecProblem(s.spec)).filter((p): p is Problem => p !== undefined);
  if (invalid.length > 0) return { ok: false, problems: invalid, syncs: 0 };
  const small = (i: number) => {
    const cells = estimatedCells(sources[i].spec);
    return cells === undefined || cells <= FORMAT_CELL_LIMIT;
  };
  let syncs = 0;

  // Known to be too large for one answer: blocks straight away, no refused attempt first.
  const known = knownExtents(sources);
  if (known !== undefined && known.reduce((n, e) => n + e.rows * e.columns, 0) > CHUNK_CELLS) {
    try {
      const { state, syncs: blockSyncs } = await readInBlocks(run, sources, known);
      return { ok: true, ...takeRegions(state), syncs: blockSyncs };
    } catch (error) {
      return { ok: false, problems: [failedRead(error, sources)], syncs: 1 };
    }
  }

  let cellLimit: boolean;
  try {
    syncs++;
    return { ok: true, ...takeRegions(await readOnce(run, sources, small)), syncs };
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
      return { ok: true, ...takeRegions(await readOnce(run, sources, () => false)), syncs };
    } catch (second) {
      if (!tooLarge(second)) return { ok: false, problems: [failedRead(second, sources)], syncs };
    }
  }
  try {
    const { state, syncs: blockSyncs } = await readInBlocks(run, sources, undefined);
    return { ok: true, ...takeRegions(state), syncs: syncs + blockSyncs };
  } catch (third) {
    return { ok: false, problems: [failedRead(third, sources)], syncs: syncs + 1 };
  }
}
