// What the task pane shows before a run: for a chosen source what StatDesk understood (header row, column roles, years, unit, rows kept and skipped
// and why) — so a person can correct it before anything is computed or written; and going to a
// cell a problem names.

import { analyze, AnalysisInput, FoundTable } from "../core/analyze";
import { ColumnRole } from "../core/headers";
import { Indicator } from "../core/indicators";
import { Problem } from "../core/problems";
import type { Metric } from "../core/units";
import { resolveOptions } from "../core/options";
import { SkipReason } from "../core/ranking-table";
import { monthSpanLabel, Period, periodLabel } from "../core/periods";
import { SeriesLayout, SeriesTable, SkippedSeriesRow } from "../core/series-table";
import type { YearSource } from "../core/layouts/context";
import { columnLetters, qualifiedAddress, quoteSheetName, splitSheet } from "../core/a1";
import { AliasLine, readAliasTable } from "../core/aliases";
import { cellLocation } from "../core/source";
import { SheetPort, WorkbookFacts } from "../core/port";
import { analysisInput } from "./run";
import { SourceDefinition } from "./types";

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
  /** Ranking: entries kept; plan: items; series: figures read (levels and published rates). */
  readonly keptRows: number;
  /** Rows passed over, by reason: how many and the first one's cell (rankings and series tables). */
  readonly skipped: readonly { readonly reason: SkipReason | SkippedSeriesRow["reason"]; readonly count: number; readonly first: string }[];
  /** For series tables: the indicators found, with the region when the table breaks them down. */
  readonly indicators: readonly { readonly indicator: Indicator; readonly region: string | null }[];
  /** For plan tables: the items. */
  readonly items: readonly string[];
  /** For series tables: which recogniser read it; null for rankings and plans. */
  readonly layout: SeriesLayout | null;
  /** For series tables: the points in time read, oldest first (empty when the reading was refused). */
  readonly periods: readonly PeriodPreview[];
  /** For series tables: the regions named, in the table's order (the nation is none of them). */
  readonly regions: readonly string[];
  /** For series tables: how many of the source's rows gave at least one figure. */
  readonly figureRows: number;
  /** For series tables: where the year came from when the header's months say none (or the table's period). */
  readonly yearFrom: YearSource | null;
  /** For ranking tables: each list read — its metric, basis (口径) and period, in the table's column order. */
  readonly lists: readonly RankingListPreview[];
}

/** One list of a ranking table: an amount or area column for one year (and span of months). */
export interface RankingListPreview {
  readonly metric: Metric;
  /** "全口径", "权益", "操盘", "并表", or null when nothing names it. */
  readonly basis: string | null;
  /** The list's period as desks name it: "2024年", "2024年1-11月" / "2024", "Jan–Nov 2024". */
  readonly label: string;
  readonly labelEn: string;
  readonly year: number;
  readonly fromMonth: number;
  readonly toMonth: number;
}

/**
 * One point in time of a series table, as desks name it in both languages: a year-to-date
 * figure as "2025年1-12月" / "Jan–Dec 2025" even to December, a month as "2025年12月".
 */
export interface PeriodPreview {
  /** The series key ("2025-12", "2024"): figures to the same point share it. */
  readonly key: string;
  readonly period: Period;
  readonly label: string;
  readonly labelEn: string;
}

/**
 * What StatDesk understood of the workbook's alias sheet (别名, StatDesk_别名 …), which every run
 * reads: where it is, the names it unifies as written, and its bad lines at their cells (any one
 * stops the run, so none is merged by half a list).
 */
export interface AliasReading {
  readonly sheet: string;
  /** Its used cells, e.g. "别名!A1:B4". */
  readonly address: string;
  readonly lines: readonly AliasLine[];
  readonly problems: readonly Problem[];
}

export interface SourcePreview {
  readonly address: string;
  /**
   * For a region source: the cell (or selection) it was taken around, and whether the region grew
   * past it ("已扩展为 'wide'!A1:D131（所在数据区域）"); absent for addresses, tables and names.
   */
  readonly region?: { readonly anchor: string; readonly expanded: boolean };
  /** The first rows of the source, to show beside the understanding. */
  readonly sample: readonly (readonly (string | number | boolean)[])[];
  readonly tables: readonly TablePreview[];
  readonly problems: readonly Problem[];
  /**
   * The workbook's alias sheet, read in the same round trip as the source: null when there is
   * none; absent when it was not looked at (the tables of Find data, which reads it once for all).
   */
  readonly aliasSheet?: AliasReading | null;
}

const SAMPLE_ROWS = 8;

/** What a series-only field holds for rankings and plans. */
const NOT_SERIES = { layout: null, periods: [], regions: [], figureRows: 0, yearFrom: null } as const;
/** What a ranking-only field holds for series and plans. */
const NOT_RANKING = { lists: [] } as const;

/** Skipped rows grouped by reason, in the order first met: how many, and the first one's cell. */
function groupSkipped<R extends string>(rows: readonly { readonly reason: R; readonly location: string }[]): { reason: R; count: number; first: string }[] {
  const skipped = new Map<R, { count: number; first: string }>();
  for (const s of rows) {
    const seen = skipped.get(s.reason);
    skipped.set(s.reason, seen === undefined ? { count: 1, first: s.location } : { ...seen, count: seen.count + 1 });
  }
  return [...skipped.entries()].map(([reason, v]) => ({ reason, ...v }));
}

/** A figure's period as desks write it: a year-to-date figure as "2025年1-12月", even to December. */
function figureLabel(p: Period, language: "zh-CN" | "en-US"): string {
  return p.kind === "ytd" ? monthSpanLabel(p.year, 1, p.toMonth, language) : periodLabel(p, language);
}

/**
 * The points in time a series table gives figures for, oldest first. Figures to the same point
 * share a key (a stock at December's end beside 1-12月 flows, as in one column of a hand table);
 * the widest span names it, as that column's header means.
 */
function seriesPeriods(table: SeriesTable): PeriodPreview[] {
  const byKey = new Map<string, Period>();
  for (const s of table.series) {
    for (const [key, o] of [...s.levels, ...s.published]) {
      const seen = byKey.get(key);
      if (seen === undefined || o.period.fromMonth < seen.fromMonth) byKey.set(key, o.period);
    }
  }
  return [...byKey.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, period]) => ({ key, period, label: figureLabel(period, "zh-CN"), labelEn: figureLabel(period, "en-US") }));
}

/** How many source rows gave a figure: distinct rows among the figures' cells ("Sheet1!C17" → row 17). */
function rowsWithFigures(table: SeriesTable): number {
  const rows = new Set<string>();
  for (const s of table.series) for (const o of [...s.levels.values(), ...s.published.values()]) rows.add(o.location.replace(/[A-Z]+(\d+)$/, "$1"));
  return rows.size;
}

function tablePreview(table: FoundTable, sourceColumn: number): TablePreview {
  const headerAddress = cellLocation(table.source, table.headerRow, 0);
  if (table.kind === "ranking") {
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
      skipped: groupSkipped(table.skippedRows),
      indicators: [],
      items: [],
      ...NOT_SERIES,
      lists: table.lists.map((l) => ({ metric: l.metric, basis: l.basis, label: periodLabel(l.period, "zh-CN"), labelEn: periodLabel(l.period, "en-US"), year: l.period.year, fromMonth: l.period.fromMonth, toMonth: l.period.toMonth })),
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
      skipped: groupSkipped(table.skipped),
      indicators: table.series.map((s) => ({ indicator: s.indicator, region: s.region ?? null })),
      items: [],
      layout: table.layout,
      periods: seriesPeriods(table),
      regions: [...new Set(table.series.flatMap((s) => (s.region === undefined ? [] : [s.region])))],
      figureRows: rowsWithFigures(table),
      yearFrom: table.yearFrom ?? null,
      ...NOT_RANKING,
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
    ...NOT_SERIES,
    ...NOT_RANKING,
  };
}

/** The alias sheet as read with the workbook's facts, checked as a run checks it; null when there is none. */
export function aliasReadingOf(aliasSheet: WorkbookFacts["aliasSheet"]): AliasReading | null {
  if (aliasSheet === undefined) return null;
  const { sheet, row, column, values } = aliasSheet;
  const { lines, problems } = readAliasTable(values, { sheet, row, column });
  const width = values.reduce((w, r) => Math.max(w, r.length), 0);
  const address = qualifiedAddress(sheet, { row, column, rowCount: Math.max(1, values.length), columnCount: Math.max(1, width) });
  return { sheet, address, lines, problems };
}

/**
 * Reads one source and says what StatDesk understood of it, with the person's corrections applied,
 * and of the alias sheet read in the same round trip. Problems (not exceptions) for a missing
 * sheet, a bad address or an unreadable table.
 */
export async function previewSource(port: SheetPort, source: SourceDefinition): Promise<SourcePreview> {
  const read = await port.read([source.spec]);
  if (!read.ok) return { address: "", sample: [], tables: [], problems: read.problems };
  const s = { ...read.grids[0], definition: source };
  return {
    ...readingOf(analysisInput(s), s.address),
    ...(s.region !== undefined ? { region: s.region } : {}),
    aliasSheet: aliasReadingOf(read.facts.aliasSheet),
  };
}

/** Pairing problems (no previous year…) belong to the whole analysis, not to one source's preview. */
const PAIRING = new Set(["no-previous-year", "years-not-consecutive", "extra-years", "period-mismatch", "top-incomplete", "year-listed-twice"]);

/** What StatDesk understands of one input read (at `address`): its tables and its own problems. */
export function readingOf(input: AnalysisInput, address: string): SourcePreview {
  const analysis = analyze([input], resolveOptions({}).options);
  return {
    address,
    sample: input.grid.slice(0, SAMPLE_ROWS) as SourcePreview["sample"],
    tables: analysis.tables.map((t) => tablePreview(t, input.source.column)),
    problems: analysis.problems.filter((p) => !PAIRING.has(p.code)),
  };
}

/** Selects a cell or range named by a problem's location ("Sheet1!C17"), bringing its sheet forward. */
export async function selectLocation(port: SheetPort, location: string): Promise<Problem | undefined> {
  const { sheet, reference } = splitSheet(location);
  if (sheet === undefined || sheet.startsWith("[")) return undefined;
  const refused = await port.select(sheet, reference);
  // Said where the person clicked, as they wrote it.
  return refused === undefined ? undefined : { ...refused, location };
}

/** Brings a sheet to the front ("Go to summary sheet"). */
export async function activateSheet(port: SheetPort, name: string): Promise<Problem | undefined> {
  return selectLocation(port, `${quoteSheetName(name)}!A1`);
}
