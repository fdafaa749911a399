// What the run code is given and gives back: where the data is, what an analysis is (persisted
// in the workbook so "Refresh all" can run it again), and results — whichever host holds it.

import type { AnalysisOptionsInput } from "../core/options";
import type { ColourConvention } from "../core/summary/build";
import type { Language } from "../core/messages";
import type { Problem } from "../core/problems";
import type { TableOverrides } from "../core/ranking-table";
import type { Analysis } from "../core/analyze";
import type { SourceGrid, SourceSpec } from "../core/port";

export type { RegionExtent, SourceSpec } from "../core/port";

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

/** A source as read: its grid and where it sits, with the definition it was read for. */
export interface ReadSource extends SourceGrid {
  readonly definition: SourceDefinition;
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
