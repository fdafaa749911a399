// The port between the run code and a spreadsheet host: what an analysis needs from a workbook,
// said once, so the Office.js layer (src/excel) and the WPS ET layer (src/wps) can both stand
// behind it and the run code (src/run) and the task pane never know which one they talk to. It
// lives in core because core is the one layer every side may import (STYLE.md: excel and wps
// import core, never each other); it is types only, so core stays pure.

import { Problem } from "./problems";
import { SheetModel } from "./summary/model";

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

/** A cell as the core takes it: "" for empty, errors as their text ("#N/A"). */
export type PortCell = string | number | boolean;

/** A block of cells read from the workbook, with where it sits (0-based) and its number formats. */
export interface SourceGrid {
  /** The source as it was asked for. */
  readonly spec: SourceSpec;
  /** The address as the host names it after reading ("'2024年'!A1:C112"); for nothing read, the source's own name. */
  readonly address: string;
  readonly sheet: string;
  readonly row: number;
  readonly column: number;
  readonly values: readonly (readonly PortCell[])[];
  /**
   * Same shape as values: an Excel number format code per cell. Absent when the host left them
   * out (the Office.js layer reads formats only for sources up to 50,000 cells).
   */
  readonly numberFormats?: readonly (readonly string[])[];
  /** For a region source: the anchor it was taken around, and whether it grew past the anchor. */
  readonly region?: { readonly anchor: string; readonly expanded: boolean };
}

/** A sheet of the workbook as the run and the write need to know it. */
export interface SheetFact {
  /** The host's own handle for the sheet (Office.js: its id, which survives renames), handed back untouched. */
  readonly id: string;
  readonly name: string;
  readonly position: number;
  readonly visible: boolean;
}

/** What the workbook says besides the sources, read with them in the same step. */
export interface WorkbookFacts {
  readonly sheets: readonly SheetFact[];
  /** The stored analyses as last saved (opaque here: the run code parses them). */
  readonly storedAnalyses: unknown;
  /** The workbook's names and the sheet each points to (undefined: #REF!, a constant); StatDesk's markers are among them. */
  readonly names: readonly { readonly name: string; readonly sheet: string | undefined }[];
  /** The person's alias list (a sheet named 别名, StatDesk_别名 …, see core/aliases), its used cells, if there is one. */
  readonly aliasSheet?: { readonly sheet: string; readonly row: number; readonly column: number; readonly values: readonly (readonly PortCell[])[] };
}

export type ReadResult =
  | { readonly ok: true; readonly grids: readonly SourceGrid[]; readonly facts: WorkbookFacts; readonly syncs: number }
  /** Sources that cannot be read (not an address, no such sheet), as the person is told them. */
  | { readonly ok: false; readonly problems: readonly Problem[]; readonly syncs: number };

/** Temporary sheet names of one analysis' write, legal and recognisable as StatDesk's ("~StatDesk new t1"). */
export interface ScratchNames {
  /** The new summary before the swap. */
  readonly summary: string;
  /** The previous summary during the swap. */
  readonly backup: string;
  /** A host that keeps stored analyses on a sheet: the new one and the previous one during the swap. */
  readonly analyses: string;
  readonly analysesBackup: string;
}

/** A summary to put in place of the previous one, all or nothing. */
export interface ApplySummaryRequest {
  readonly model: SheetModel;
  /** The workbook as read before this write (its sheets, stored analyses, names): what the write replaces, and restores on failure. */
  readonly facts: WorkbookFacts;
  /** The previous summary of this analysis (one of facts.sheets): replaced last. */
  readonly previous?: SheetFact;
  /** A hidden workbook name put on the summary's A1 ("StatDesk_t1"), so it can be found after renames. */
  readonly marker: string;
  readonly scratch: ScratchNames;
  /** The workbook's stored analyses after this run, serialised (the adapter stores it opaquely). */
  readonly storedAnalyses: string;
  /** Bring the summary to the front when done. */
  readonly activate: boolean;
  /** Largest request one round trip may carry (Office.js; a host without payload limits ignores it). */
  readonly budgetBytes?: number;
}

/** What the new sheet read back as, after the write. */
export interface ReadBack {
  readonly name: string;
  readonly title: unknown;
  readonly charts: readonly string[];
}

export type ApplySummaryResult =
  | {
      readonly ok: true;
      /** Absent only when the host refused every attempt to read the sheet back. */
      readonly readBack?: ReadBack;
      /** One `decoration-skipped` warning per touch the host refused (core/decorations), and leftovers said. */
      readonly skipped: readonly Problem[];
      /** Charts left out (refused), by name: the read-back is not expected to hold them. */
      readonly chartsLeftOut: readonly string[];
      readonly syncs: number;
    }
  /** Nothing changed: the previous summary and stored analyses are as they were. */
  | { readonly ok: false; readonly problems: readonly Problem[]; readonly syncs: number };

/**
 * What the run code and the pane ask of a workbook. Every method is one step; an adapter is free
 * to batch inside a step (Office.js: one round trip) but not across steps. `syncs` counts the
 * round trips a step took (Office.js: context.sync calls; WPS, whose calls are synchronous in the
 * page, counts a step as one).
 */
export interface SheetPort {
  /** The sources, each as one grid (whole columns cut to the used cells), with the workbook's facts. */
  read(sources: readonly SourceSpec[]): Promise<ReadResult>;
  /** Writes the model as a new sheet and swaps it in for the previous summary; on failure nothing changes. */
  applySummary(request: ApplySummaryRequest): Promise<ApplySummaryResult>;
  /** The stored analyses as last written (undefined: none). */
  storedAnalyses(): Promise<unknown>;
  /** The sheet-qualified address of the current selection ("'2024年'!A1:D120"). */
  selection(): Promise<string>;
  /** Brings a sheet to the front with a range selected ("C17", "A1:D4"); a problem when the host refuses. */
  select(sheet: string, reference: string): Promise<Problem | undefined>;
}
