// What the task pane shows before a run: the current selection's address, and for a chosen
// source what StatDesk understood (header row, column roles, years, unit, rows kept and skipped
// and why) — so a person can correct it before anything is computed or written.

import { analyze, FoundTable } from "../core/analyze";
import { ColumnRole } from "../core/headers";
import { Indicator } from "../core/indicators";
import { Problem } from "../core/problems";
import { resolveOptions } from "../core/options";
import { SkipReason } from "../core/ranking-table";
import { columnLetters, quoteSheetName, splitSheet } from "../core/a1";
import { cellLocation } from "../core/source";
import { readWorkbook } from "./read";
import { analysisInput } from "./run";
import { isOfficeError, officeProblem } from "./errors";
import { ContextRunner, ExcelEnvironment, SourceDefinition } from "./types";

export interface ColumnPreview {
  readonly index: number;
  readonly letter: string;
  readonly header: string;
  readonly role: ColumnRole;
  readonly year: number | null;
  readonly unit: string | null;
  readonly corrected: boolean;
}

export interface TablePreview {
  readonly kind: FoundTable["kind"];
  /** Sheet-qualified address of the header row's first cell, e.g. "'2024年'!A2". */
  readonly headerAddress: string;
  /** Zero-based row of the header within the source. */
  readonly headerRow: number;
  readonly columns: readonly ColumnPreview[];
  readonly years: readonly number[];
  readonly unit: string | null;
  readonly keptRows: number;
  readonly skipped: readonly { readonly reason: SkipReason; readonly count: number; readonly first: string }[];
  /** For series tables: the indicators found, with the region when the table breaks them down. */
  readonly indicators: readonly { readonly indicator: Indicator; readonly region: string | null }[];
  /** For plan tables: the items. */
  readonly items: readonly string[];
}

export interface SourcePreview {
  readonly address: string;
  /** The first rows of the source, to show beside the understanding. */
  readonly sample: readonly (readonly (string | number | boolean)[])[];
  readonly tables: readonly TablePreview[];
  readonly problems: readonly Problem[];
}

const SAMPLE_ROWS = 8;

function tablePreview(table: FoundTable, sourceColumn: number): TablePreview {
  const headerAddress = cellLocation(table.source, table.headerRow, 0);
  if (table.kind === "ranking") {
    const skipped = new Map<SkipReason, { count: number; first: string }>();
    for (const s of table.skippedRows) {
      const seen = skipped.get(s.reason);
      skipped.set(s.reason, seen === undefined ? { count: 1, first: s.location } : { ...seen, count: seen.count + 1 });
    }
    return {
      kind: "ranking",
      headerAddress,
      headerRow: table.headerRow,
      columns: table.columns.map((c) => ({
        index: c.index,
        letter: columnLetters(sourceColumn + c.index),
        header: c.header,
        role: c.role,
        year: c.period?.year ?? null,
        unit: c.unit ?? null,
        corrected: c.corrected,
      })),
      years: [...new Set(table.lists.map((l) => l.period.year))].sort((a, b) => b - a),
      unit: table.lists[0]?.sourceUnit ?? null,
      keptRows: table.keptRows,
      skipped: [...skipped.entries()].map(([reason, v]) => ({ reason, ...v })),
      indicators: [],
      items: [],
    };
  }
  if (table.kind === "series") {
    return {
      kind: "series",
      headerAddress,
      headerRow: table.headerRow,
      columns: [],
      years: [...new Set(table.series.flatMap((s) => [...s.levels.values(), ...s.published.values()].map((o) => o.period.year)))].sort((a, b) => b - a),
      unit: null,
      keptRows: table.series.reduce((n, s) => n + s.levels.size + s.published.size, 0),
      skipped: [],
      indicators: table.series.map((s) => ({ indicator: s.indicator, region: s.region ?? null })),
      items: [],
    };
  }
  return {
    kind: "plan",
    headerAddress,
    headerRow: table.headerRow,
    columns: [],
    years: [],
    unit: null,
    keptRows: table.targets.length,
    skipped: [],
    indicators: [],
    items: table.targets.map((t) => t.item),
  };
}

/** The address of the current selection ("Sheet1!A1:D120"), one round trip. */
export async function readSelectionAddress(run: ContextRunner): Promise<string> {
  return run(async (context) => {
    const range = context.workbook.getSelectedRange();
    range.load("address");
    await context.sync();
    return range.address;
  });
}

/**
 * Reads one source and says what StatDesk understood of it, with the person's corrections applied.
 * Problems (not exceptions) for a missing sheet, a bad address or an unreadable table.
 */
export async function previewSource(env: ExcelEnvironment, source: SourceDefinition): Promise<SourcePreview> {
  const read = await readWorkbook(env.run, [source]);
  if (!read.ok) return { address: "", sample: [], tables: [], problems: read.problems };
  const s = read.sources[0];
  const analysis = analyze([analysisInput(s, read.numberFormats[0])], resolveOptions({}).options);
  // Pairing problems (no previous year…) belong to the whole analysis, not to one source's preview.
  const pairing = new Set(["no-previous-year", "years-not-consecutive", "extra-years", "period-mismatch", "top-incomplete", "year-listed-twice"]);
  return {
    address: s.address,
    sample: s.values.slice(0, SAMPLE_ROWS),
    tables: analysis.tables.map((t) => tablePreview(t, s.column)),
    problems: analysis.problems.filter((p) => !pairing.has(p.code)),
  };
}

/** Selects a cell or range named by a problem's location ("Sheet1!C17"), bringing its sheet forward. */
export async function selectLocation(run: ContextRunner, location: string): Promise<Problem | undefined> {
  const { sheet, reference } = splitSheet(location);
  if (sheet === undefined || sheet.startsWith("[")) return undefined;
  try {
    await run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(reference).select();
      await context.sync();
    });
    return undefined;
  } catch (error) {
    if (!isOfficeError(error)) throw error;
    return officeProblem(error, location);
  }
}

/** Brings a sheet to the front ("Go to summary sheet"). */
export async function activateSheet(run: ContextRunner, name: string): Promise<Problem | undefined> {
  return selectLocation(run, `${quoteSheetName(name)}!A1`);
}
