// The port between the run code and a spreadsheet host: what an analysis needs from a workbook,
// said once, so the Office.js layer (src/excel) and the WPS ET layer (src/wps) can both stand
// behind it. It lives in core because core is the one layer both adapters may import (STYLE.md:
// excel and wps import core, never each other); it is types only, so core stays pure.

import { Grid } from "./cells";
import { Problem } from "./problems";
import { SheetModel } from "./summary/model";

/** A block of cells read from the workbook, with where it sits (0-based) and its number formats. */
export interface SourceGrid {
  /** The address as the host names it after reading ("'2024年'!A1:C112"). */
  readonly address: string;
  readonly sheet: string;
  readonly row: number;
  readonly column: number;
  /** Values as the core takes them: "" for empty, errors as their text ("#N/A"). */
  readonly values: Grid;
  /**
   * Same shape as values: an Excel number format code per cell. Absent when the host left them
   * out (the Office.js layer reads formats only for sources up to 50,000 cells).
   */
  readonly numberFormats?: readonly (readonly string[])[];
}

export type ReadGridsResult =
  | { readonly ok: true; readonly grids: readonly SourceGrid[] }
  /** Sources that cannot be read (not an address, no such sheet), as the person is told them. */
  | { readonly ok: false; readonly problems: readonly Problem[] };

/** A summary to put in place of the previous one, all or nothing. */
export interface ApplySummaryRequest {
  readonly model: SheetModel;
  /** The sheet holding the previous summary of this analysis, if any: replaced last. */
  readonly previousSheet?: string;
  /** A hidden workbook name put on the summary's A1 ("StatDesk_t1"), so it can be found after renames. */
  readonly marker: string;
  /** The workbook's stored analyses after this run, serialised (the adapter stores it opaquely). */
  readonly storedAnalyses: string;
}

export type ApplySummaryResult =
  | { readonly ok: true; readonly sheetName: string; readonly skipped: readonly string[] }
  /** Nothing changed: the previous summary and stored analyses are as they were. */
  | { readonly ok: false; readonly error: string };

/**
 * What an analysis run asks of a workbook. Every method is one step of the run; an adapter is
 * free to batch inside a step (Office.js: one sync) but not across steps.
 */
export interface SheetPort {
  /** Reads the blocks at the given A1 addresses (sheet-qualified), each as one grid. */
  readGrids(addresses: readonly string[]): Promise<ReadGridsResult>;
  /** Writes the model as a new sheet and swaps it in for the previous summary; on failure nothing changes. */
  applySummary(request: ApplySummaryRequest): Promise<ApplySummaryResult>;
  /** The stored analyses as last written by applySummary (undefined: none). */
  storedAnalyses(): Promise<string | undefined>;
  /** Brings a sheet to the front with one cell selected (0-based). */
  selectCell(sheet: string, row: number, column: number): Promise<void>;
}
