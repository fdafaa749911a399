// "Find data" (#13 §2): every visible sheet read at once, each table on it recognised by the
// layout catalogue, the rankings grouped by metric, basis and period, and the pane's slots filled
// — this year's and last year's lists (or the one wide table), the NBS series, the plan table —
// with every other table found listed beside them. Two round trips: the sheet list, then all the
// sheets' used cells with the alias sheet (split into blocks only when Excel refuses the size).

import { AnalysisInput } from "../core/analyze";
import { CellRect, qualifiedAddress, quoteSheetName } from "../core/a1";
import { isAliasSheetName } from "../core/aliases";
import { Problem } from "../core/problems";
import { RegionExtent, SheetPort, SourceGrid, WorkbookFacts } from "../core/port";
import { columnBands } from "../core/region";
import { AliasReading, aliasReadingOf, readingOf, SourcePreview, TablePreview } from "./preview";
import { isMarkerName } from "./run";
import { parseStoredAnalyses } from "./settings";
import { SourceRole, SourceSpec } from "./types";

/** The pane's slots Find data fills (the same names as the roles the sources get). */
export type FoundSlot = "current" | "previous" | "wide" | "ranking" | "series" | "plan";

/** One table found: where it is, how it is stored, what it was read as, and where it goes. */
export interface FoundSource {
  readonly sheet: string;
  /** The cells read, e.g. "'2024年TOP100'!A1:C109". */
  readonly address: string;
  /**
   * How the analysis keeps it: a region around the table's top-left cell reaching over its column
   * band ({ kind: "region", anchor: "'2024年TOP100'!A1", extent: "column-band" }), taken again on
   * every run, so a refresh reads rows added below and a column added at the right, title rows
   * and footnotes included.
   */
  readonly spec: SourceSpec;
  readonly role: SourceRole;
  /** The slot it fills; null: beside the slots (another period or basis, another series or plan). */
  readonly slot: FoundSlot | null;
  readonly preview: SourcePreview;
}

/** What Find data found in the workbook. */
export interface FoundData {
  /** The sheets looked at, in the workbook's order (hidden sheets, summaries and the alias sheet are not). */
  readonly sheets: readonly string[];
  readonly sources: readonly FoundSource[];
  /** How the ranking lists are laid out; null when none was found. */
  readonly layout: "two-lists" | "wide" | "single" | null;
  /** The alias sheet (别名 …) the runs will read, with the names it unifies, if there is one. */
  readonly aliasSheet?: AliasReading;
  /** Why nothing could be read (Excel's refusal); empty when the reading worked. */
  readonly problems: readonly Problem[];
  readonly syncs: number;
}

/** A sheet StatDesk wrote (a summary, a scratch copy) is no data of the person's. */
interface SheetList {
  readonly visible: readonly string[];
  readonly written: ReadonlySet<string>;
}

/** The sheets, which are visible, and which StatDesk wrote (its markers and stored runs), from the workbook's facts. */
function listSheets(facts: WorkbookFacts): SheetList {
  const written = new Set<string>();
  for (const d of parseStoredAnalyses(facts.storedAnalyses)) if (d.lastRun !== undefined) written.add(d.lastRun.sheetName.toLowerCase());
  for (const n of facts.names) if (isMarkerName(n.name) && n.sheet !== undefined) written.add(n.sheet.toLowerCase());
  return { visible: facts.sheets.filter((s) => s.visible).map((s) => s.name), written };
}

/** A column band of a sheet read, as an input of its own (its cells, formats and place on the sheet). */
interface Band {
  readonly input: AnalysisInput;
  readonly address: string;
  readonly spec: SourceSpec;
}

/**
 * A block of a sheet read (grid coordinates) as an input, kept as a region of `extent` around its
 * top-left cell: the run reads the table as it is then, not as it was when found.
 */
function bandOf(read: SourceGrid, block: CellRect, extent: RegionExtent): Band {
  const formats = read.numberFormats;
  const { row, column, rowCount, columnCount } = block;
  const rect = { row: read.row + row, column: read.column + column, rowCount, columnCount };
  const grid = read.values.slice(row, row + rowCount).map((r) => r.slice(column, column + columnCount));
  const numberFormats = formats?.slice(row, row + rowCount).map((r) => r.slice(column, column + columnCount));
  const address = qualifiedAddress(read.sheet, rect);
  return {
    input: { source: { sheet: read.sheet, row: rect.row, column: rect.column }, grid, ...(numberFormats !== undefined ? { numberFormats } : {}) },
    address,
    spec: { kind: "region", anchor: qualifiedAddress(read.sheet, { row: rect.row, column: rect.column, rowCount: 1, columnCount: 1 }), taken: address, extent },
  };
}

/** The reading's first table of a kind, if any. */
const tableOf = (preview: SourcePreview, kind: TablePreview["kind"]) => preview.tables.find((t) => t.kind === kind);

/**
 * Which found tables fill the slots. Rankings: the latest sales-value list (else area) is this
 * year's; the list of its metric and basis a year earlier is last year's — in the same table: one
 * wide table. Series: a national table before regional and provincial ones. Plans: the first.
 */
function assignSlots(found: readonly { preview: SourcePreview }[]): { slots: (FoundSlot | null)[]; layout: FoundData["layout"] } {
  const slots: (FoundSlot | null)[] = found.map(() => null);
  type Candidate = { index: number; metric: string; basis: string | null; year: number; span: string; order: number };
  const lists: Candidate[] = [];
  found.forEach((f, index) => {
    for (const t of f.preview.tables) {
      if (t.kind !== "ranking") continue;
      for (const l of t.lists) {
        lists.push({ index, metric: l.metric, basis: l.basis, year: l.year, span: `${l.fromMonth}-${l.toMonth}`, order: l.year * 100 + l.toMonth });
      }
    }
  });
  let layout: FoundData["layout"] = null;
  const pool = lists.some((l) => l.metric === "salesValue") ? lists.filter((l) => l.metric === "salesValue") : lists;
  if (pool.length > 0) {
    const latest = pool.reduce((best, l) => (l.order > best.order ? l : best));
    const before = (basisToo: boolean) => pool.find((l) => l.year === latest.year - 1 && l.span === latest.span && (!basisToo || l.basis === latest.basis));
    const previous = before(true) ?? before(false);
    if (previous === undefined) {
      slots[latest.index] = "ranking";
      layout = "single";
    } else if (previous.index === latest.index) {
      slots[latest.index] = "wide";
      layout = "wide";
    } else {
      slots[latest.index] = "current";
      slots[previous.index] = "previous";
      layout = "two-lists";
    }
  }
  const national = (p: SourcePreview) => {
    const t = tableOf(p, "series");
    return t !== undefined && t.regions.length === 0;
  };
  const seriesAt = found.findIndex((f, i) => slots[i] === null && national(f.preview));
  const anySeries = seriesAt >= 0 ? seriesAt : found.findIndex((f, i) => slots[i] === null && tableOf(f.preview, "series") !== undefined);
  if (anySeries >= 0) slots[anySeries] = "series";
  const planAt = found.findIndex((f, i) => slots[i] === null && tableOf(f.preview, "plan") !== undefined);
  if (planAt >= 0) slots[planAt] = "plan";
  return { slots, layout };
}

/** The role a found table gets in the analysis: its slot's, else its kind's. */
function roleOf(slot: FoundSlot | null, preview: SourcePreview): SourceRole {
  if (slot !== null) return slot;
  const kind = preview.tables[0]?.kind;
  return kind === "series" ? "series" : kind === "plan" ? "plan" : "ranking";
}

/**
 * Finds the data in every visible sheet: two round trips (the sheet list; every sheet's used
 * cells and the alias sheet together, in blocks only when Excel refuses the size). Each sheet's
 * tables side by side (a wholly blank column between them) are read as tables of their own;
 * sheets StatDesk wrote and the alias sheet are passed over.
 */
export async function findData(port: SheetPort): Promise<FoundData> {
  const first = await port.read([]);
  let syncs = first.syncs;
  if (!first.ok) return { sheets: [], sources: [], layout: null, problems: first.problems, syncs };
  const list = listSheets(first.facts);
  const sheets = list.visible.filter((name) => !isAliasSheetName(name) && !name.startsWith("~StatDesk") && !list.written.has(name.toLowerCase()));
  if (sheets.length === 0) return { sheets, sources: [], layout: null, problems: [], syncs };
  const read = await port.read(sheets.map((sheet) => ({ kind: "address", address: `${quoteSheetName(sheet)}!A:XFD` })));
  syncs += read.syncs;
  if (!read.ok) return { sheets, sources: [], layout: null, problems: read.problems, syncs };

  const found: { sheet: string; band: Band; preview: SourcePreview }[] = [];
  read.grids.forEach((s) => {
    if (s.values.length === 0) return;
    const bands = columnBands(s.values).map((b) => bandOf(s, b, "column-band"));
    const readings = bands.map((band) => ({ sheet: s.sheet, band, preview: readingOf(band.input, band.address) }));
    const tables = readings.filter((r) => r.preview.tables.length > 0);
    if (tables.length > 0 || bands.length <= 1) {
      found.push(...tables);
      return;
    }
    // Blank columns inside one table (a spacer column) split nothing: the whole sheet, as the command line reads it.
    const used = s.values.reduce((w, r) => Math.max(w, r.length), 0);
    const whole = bandOf(s, { row: 0, column: 0, rowCount: s.values.length, columnCount: used }, "used-range");
    const preview = readingOf(whole.input, whole.address);
    if (preview.tables.length > 0) found.push({ sheet: s.sheet, band: whole, preview });
  });

  const { slots, layout } = assignSlots(found);
  const sources: FoundSource[] = found.map((f, i) => ({ sheet: f.sheet, address: f.band.address, spec: f.band.spec, role: roleOf(slots[i], f.preview), slot: slots[i], preview: f.preview }));
  const aliasSheet = aliasReadingOf(read.facts.aliasSheet);
  return { sheets, sources, layout, ...(aliasSheet !== null ? { aliasSheet } : {}), problems: [], syncs };
}
