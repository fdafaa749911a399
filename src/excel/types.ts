// What the Excel layer is given and gives back: how to reach a workbook, where the data is,
// what an analysis is (persisted in the workbook so "Refresh all" can run it again), and results.

import type { AnalysisOptionsInput } from "../core/options";
import type { ColourConvention } from "../core/summary/build";
import type { Language } from "../core/messages";
import type { Problem } from "../core/problems";
import type { TableOverrides } from "../core/ranking-table";
import type { Analysis } from "../core/analyze";

/** Runs a batch against a workbook: Excel.run in Excel, or the same client against the in-memory host. */
export type ContextRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** How the Excel layer reaches a workbook, and what that workbook's Excel supports. */
export interface ExcelEnvironment {
  readonly run: ContextRunner;
  /** Office.context.requirements.isSetSupported in Excel; the host says what it implements. */
  readonly isSetSupported: (name: string, version: string) => boolean;
}

/**
 * How far a region reaches from its anchor, taken again on every read:
 * - "current-region" (the default): the block of filled cells around it, as Excel's Ctrl+A takes
 *   it, stopping at a wholly blank row or column (a clicked cell);
 * - "column-band": the run of columns around the anchor's column up to a wholly blank column on
 *   either side, over every filled row of those columns — a table Find data found, its title rows
 *   and footnotes kept even across blank rows, a column added at its right edge taken in;
 * - "used-range": the sheet's used cells (a table Find data could read only as its whole sheet,
 *   its parts split by blank columns).
 */
export type RegionExtent = "current-region" | "column-band" | "used-range";

/**
 * Where a source's cells are. The current selection is resolved to an address before it is stored.
 * A region is taken around a cell again on every read, so rows added below (and, for a column
 * band, columns added at the right) are read too: `anchor` is the cell clicked (or a selection
 * inside the block, or the top-left cell of a table Find data found), `taken` the range it stood
 * for when last read (for display only), `extent` how far it reaches (absent: current-region).
 */
export type SourceSpec =
  | { readonly kind: "address"; readonly address: string }
  | { readonly kind: "table"; readonly name: string }
  | { readonly kind: "name"; readonly name: string }
  | { readonly kind: "region"; readonly anchor: string; readonly taken?: string; readonly extent?: RegionExtent };

/** What a source holds, as the person said (auto: StatDesk finds out). */
export type SourceRole = "auto" | "ranking" | "current" | "previous" | "wide" | "series" | "plan";

export interface SourceDefinition {
  readonly role: SourceRole;
  readonly spec: SourceSpec;
  /** Corrections made in the preview (header row, column roles, year, unit). */
  readonly overrides?: TableOverrides;
  /** Chosen by Find data beside the pane's slots (another period, basis or series); absent otherwise. */
  readonly found?: true;
}

export interface OutputDefinition {
  /** The summary sheet's name; empty for the default ("汇总_2024"). */
  readonly sheetName: string;
  readonly language: Language;
  readonly colours: ColourConvention;
  /**
   * Values only: the summary's figures as plain numbers, for a sheet sent outside (#14). Absent or
   * false: every figure is a live formula on the source cells.
   */
  readonly valuesOnly?: boolean;
  /** A live summary's data block (the rows its formulas reference below the tables) hidden; shown by default. */
  readonly hideData?: boolean;
}

/** An analysis as stored in the workbook's settings: enough to run it again. */
export interface AnalysisDefinition {
  readonly id: string;
  readonly sources: readonly SourceDefinition[];
  readonly options: AnalysisOptionsInput;
  /**
   * National sales from the workbook: one cell (this year) or two (this year, last year), e.g.
   * "参数!B5:B6". Read with the sources on every run, so a refresh picks up a changed figure;
   * it takes the place of options.nationalTotal.
   */
  readonly nationalTotalCell?: string;
  readonly output: OutputDefinition;
  /**
   * Filled in by a run: the sheet written, when, by which version. The sheet itself is found by
   * the analysis' marker name; `sheetId` is read from workbooks written before markers existed.
   */
  readonly lastRun?: { readonly sheetId?: string; readonly sheetName: string; readonly on: string; readonly version: string };
}

/** A source as read: its grid and where it sits. */
export interface ReadSource {
  readonly definition: SourceDefinition;
  /** The sheet-qualified address actually read (after trimming to the used range). */
  readonly address: string;
  readonly sheet: string;
  readonly row: number;
  readonly column: number;
  readonly values: readonly (readonly (string | number | boolean)[])[];
  /** For a region source: the anchor it was taken around, and whether it grew past the anchor. */
  readonly region?: { readonly anchor: string; readonly expanded: boolean };
}

/** The phases a run goes through, for a progress indicator. */
export type RunPhase = "reading" | "computing" | "writing" | "verifying" | "done";

export interface RunStats {
  readonly syncs: number;
  readonly computeMs: number;
}

export type RunResult =
  | {
      readonly ok: true;
      readonly definition: AnalysisDefinition;
      readonly analysis: Analysis;
      readonly sheetName: string;
      /** Problems from the data (warnings, notes) and from the workbook (a renamed output). */
      readonly problems: readonly Problem[];
      readonly stats: RunStats;
    }
  | {
      readonly ok: false;
      readonly definition: AnalysisDefinition;
      /** Why nothing was written; at least one has severity "error". */
      readonly problems: readonly Problem[];
      /** The analysis, when the failure came after computing it. */
      readonly analysis?: Analysis;
      readonly stats: RunStats;
    };
