// Reads what a run needs in one round trip: every source range (trimmed to its used cells), the
// sheets of the workbook and the stored analyses. Only when Excel on the web refuses the size is
// the reading split — first without number formats, then in row blocks.

import { parseAddress, qualifiedAddress, splitSheet } from "../core/a1";
import { Problem, problem } from "../core/problems";
import { isOfficeError, isPayloadError, lastTrace, officeProblem } from "./errors";
import { ContextRunner, ReadSource, SourceDefinition, SourceSpec } from "./types";

/** A sheet of the workbook as the writer needs to know it. */
export interface SheetInfo {
  readonly id: string;
  readonly name: string;
  readonly position: number;
  readonly visibility: string;
}

export interface WorkbookState {
  readonly sheets: readonly SheetInfo[];
  /** The stored analyses setting, as saved (parsed by settings.ts). */
  readonly storedAnalyses: unknown;
  readonly sources: readonly ReadSource[];
  /** Number formats per source (same index), when they were read. */
  readonly numberFormats: readonly (readonly (readonly string[])[] | undefined)[];
}

export type ReadResult = ({ readonly ok: true } & WorkbookState & { readonly syncs: number }) | { readonly ok: false; readonly problems: Problem[]; readonly syncs: number };

/** Sources up to this many cells are read with their number formats (to tell dates from figures). */
export const FORMAT_CELL_LIMIT = 50_000;
/** Cells per round trip when a read has to be split. */
const CHUNK_CELLS = 200_000;
const MIN_CHUNK_CELLS = 1_000;

export const SETTINGS_KEY = "StatDesk.analyses";

/** How a source names itself in messages. */
export function describeSource(spec: SourceSpec): string {
  return spec.kind === "address" ? spec.address : spec.name;
}

/** Checks a source before anything is sent: an address must be A1 notation. */
export function checkSource(spec: SourceSpec): Problem | undefined {
  if (spec.kind === "address" && parseAddress(spec.address) === undefined) {
    return problem("source-address-invalid", "error", undefined, { address: spec.address });
  }
  if (spec.kind !== "address" && spec.name.trim() === "") {
    return problem("source-address-invalid", "error", undefined, { address: spec.name });
  }
  return undefined;
}

/** The proxy for a source's cells, trimmed to the used part (a whole-column selection becomes its data). */
function sourceRange(context: Excel.RequestContext, spec: SourceSpec): Excel.Range {
  if (spec.kind === "table") return context.workbook.tables.getItem(spec.name).getRange();
  if (spec.kind === "name") return context.workbook.names.getItem(spec.name).getRange();
  const { sheet, reference } = splitSheet(spec.address);
  const worksheet = sheet === undefined ? context.workbook.worksheets.getActiveWorksheet() : context.workbook.worksheets.getItem(sheet);
  return worksheet.getRange(reference).getUsedRangeOrNullObject(true);
}

function estimatedCells(spec: SourceSpec): number | undefined {
  if (spec.kind !== "address") return undefined;
  const parsed = parseAddress(spec.address);
  if (parsed === undefined || parsed.wholeColumns || parsed.wholeRows) return undefined;
  return parsed.rowCount * parsed.columnCount;
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

/**
 * One round trip: sheets, stored analyses and every source. `formats` decides per source whether
 * number formats come too. Markers ("source:i") say which source a failure belongs to.
 */
async function readOnce(run: ContextRunner, sources: readonly SourceDefinition[], formats: (i: number) => boolean): Promise<WorkbookState> {
  return run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name,items/id,items/position,items/visibility");
    const setting = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
    setting.load("value");
    const loaded: Loaded[] = sources.map((s, i) => {
      context.trace(`source:${i}`);
      const range = sourceRange(context, s.spec);
      const withFormats = formats(i);
      range.load(withFormats ? "address,values,numberFormat,rowIndex,columnIndex" : "address,values,rowIndex,columnIndex");
      return { range, formats: withFormats };
    });
    context.trace("sources:done");
    await context.sync();
    return {
      sheets: sheets.items.map((w) => ({ id: w.id, name: w.name, position: w.position, visibility: String(w.visibility) })),
      storedAnalyses: setting.isNullObject ? undefined : setting.value,
      sources: loaded.map((l, i) => (l.range.isNullObject ? emptySource(sources[i]) : toReadSource(sources[i], l.range))),
      numberFormats: loaded.map((l) => (l.formats && !l.range.isNullObject ? (l.range.numberFormat as string[][]) : undefined)),
    };
  });
}

/**
 * Split reading for sources too large for one round trip: their extents first, then row blocks of
 * at most `cells` cells per round trip, halving the block when Excel still refuses the size.
 */
async function readInBlocks(run: ContextRunner, sources: readonly SourceDefinition[]): Promise<{ state: WorkbookState; syncs: number }> {
  let syncs = 1;
  const extents = await run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name,items/id,items/position,items/visibility");
    const setting = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
    setting.load("value");
    const ranges = sources.map((s, i) => {
      context.trace(`source:${i}`);
      const range = sourceRange(context, s.spec);
      range.load("address,rowIndex,columnIndex,rowCount,columnCount");
      return range;
    });
    await context.sync();
    return {
      sheets: sheets.items.map((w) => ({ id: w.id, name: w.name, position: w.position, visibility: String(w.visibility) })),
      storedAnalyses: setting.isNullObject ? undefined : setting.value,
      ranges: ranges.map((r) =>
        r.isNullObject ? null : { address: r.address, sheet: splitSheet(r.address).sheet ?? "", row: r.rowIndex, column: r.columnIndex, rows: r.rowCount, columns: r.columnCount },
      ),
    };
  });

  const values: (string | number | boolean)[][][] = extents.ranges.map(() => []);
  type Block = { source: number; row: number; rows: number };
  type Cursor = { source: number; row: number };
  // The rows of every source in order, cut into round trips of at most `budget` cells: a round
  // trip that finishes one source goes on into the next, so no round trip is left half empty.
  const plan = (from: Cursor, budget: number): { blocks: Block[]; end: Cursor } => {
    const blocks: Block[] = [];
    let { source, row } = from;
    let cells = 0;
    while (source < extents.ranges.length) {
      const r = extents.ranges[source];
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
    extents.ranges.reduce((sum, r, i) => (r === null || i < from.source ? sum : sum + (r.rows - (i === from.source ? from.row : 0)) * Math.max(1, r.columns)), 0);
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
        const proxies = blocks.map((b) => {
          const r = extents.ranges[b.source]!;
          const rect = { row: r.row + b.row, column: r.column, rowCount: b.rows, columnCount: r.columns };
          const range = context.workbook.worksheets.getItem(r.sheet).getRange(qualifiedAddress(r.sheet, rect).replace(/^.*!/, ""));
          range.load("values");
          return range;
        });
        await context.sync();
        return proxies.map((p) => p.values as (string | number | boolean)[][]);
      });
      blocks.forEach((b, k) => values[b.source].push(...read[k]));
      at = end;
    } catch (error) {
      if (!isPayloadError(error) || budget <= MIN_CHUNK_CELLS) throw error;
      // Too big even so: the same rows again, in round trips of half the cells.
      budget = Math.floor(budget / 2);
    }
  }

  return {
    state: {
      sheets: extents.sheets,
      storedAnalyses: extents.storedAnalyses,
      sources: extents.ranges.map((r, i) =>
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

/**
 * Reads the workbook state and all sources, in one round trip when Excel allows it.
 * Problems, never exceptions, for what a person can fix (a missing sheet, a bad address).
 */
export async function readWorkbook(run: ContextRunner, sources: readonly SourceDefinition[]): Promise<ReadResult> {
  const invalid = sources.map((s) => checkSource(s.spec)).filter((p): p is Problem => p !== undefined);
  if (invalid.length > 0) return { ok: false, problems: invalid, syncs: 0 };
  const small = (i: number) => {
    const cells = estimatedCells(sources[i].spec);
    return cells === undefined || cells <= FORMAT_CELL_LIMIT;
  };
  let syncs = 0;
  try {
    syncs++;
    return { ok: true, ...(await readOnce(run, sources, small)), syncs };
  } catch (first) {
    if (!isPayloadError(first)) return { ok: false, problems: [readProblem(first, sources)], syncs };
  }
  // Refused for size: number formats are the first thing to go — when there were any to drop;
  // otherwise the same request would only be refused again.
  if (sources.some((_, i) => small(i))) {
    try {
      syncs++;
      return { ok: true, ...(await readOnce(run, sources, () => false)), syncs };
    } catch (second) {
      if (!isPayloadError(second)) return { ok: false, problems: [readProblem(second, sources)], syncs };
    }
  }
  try {
    const { state, syncs: blockSyncs } = await readInBlocks(run, sources);
    return { ok: true, ...state, syncs: syncs + blockSyncs };
  } catch (third) {
    return { ok: false, problems: [readProblem(third, sources)], syncs: syncs + 1 };
  }
}
