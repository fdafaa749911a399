// Where a grid came from, so that every problem and every provenance line can name the file,
// the sheet and the cell a person should look at.

import { cellName, columnLetters, parseAddress, quoteSheetName, rectName } from "./a1";
import { Problem, problem } from "./problems";
import type { SourceSpec } from "./port";

/** A grid's origin: the file (CLI), the sheet, and the sheet position of the grid's top-left cell. */
export interface SourceRef {
  /** File name as given, e.g. "2024年TOP100.csv"; absent inside a workbook. */
  readonly file?: string;
  /** Sheet name; absent for a CSV file, whose only sheet is the file. */
  readonly sheet?: string;
  /** Zero-based sheet row and column of grid cell [0][0]. */
  readonly row: number;
  readonly column: number;
}

/** A sheet prefix: "Sheet1!", "'2024 TOP100'!", "[book.xlsx]Sheet1!", "ranking.csv!" or "". */
export function locationPrefix(source: SourceRef): string {
  if (source.file !== undefined && source.sheet !== undefined) return `[${source.file}]${source.sheet}!`;
  if (source.file !== undefined) return `${source.file}!`;
  if (source.sheet !== undefined) return `${quoteSheetName(source.sheet)}!`;
  return "";
}

/**
 * The location of grid cell (row, column) as a person reads it: "Sheet1!C17".
 * cellLocation({ sheet: "Sheet1", row: 0, column: 0 }, 16, 2) // => "Sheet1!C17"
 */
export function cellLocation(source: SourceRef, row: number, column: number): string {
  return locationPrefix(source) + cellName(source.row + row, source.column + column);
}

/** cellLocation for one source, its sheet prefix worked out once: for locating every row of a long list. */
export function cellLocator(source: SourceRef): (row: number, column: number) => string {
  const before = locationPrefix(source);
  // "Sheet1!C" per column, made once: a location is then one concatenation.
  const columns: string[] = [];
  return (row, column) => (columns[column] ??= before + columnLetters(source.column + column)) + String(source.row + row + 1);
}

/** The location of a block of the grid: "Sheet1!A1:D120". */
export function rangeLocation(source: SourceRef, row: number, column: number, rowCount: number, columnCount: number): string {
  return locationPrefix(source) + rectName({ row: source.row + row, column: source.column + column, rowCount, columnCount });
}

/** A short name for the source in titles and JSON: "[book.xlsx]2024", "ranking.csv", "Sheet1". */
export function sourceName(source: SourceRef): string {
  if (source.file !== undefined && source.sheet !== undefined) return `[${source.file}]${source.sheet}`;
  return source.file ?? source.sheet ?? "";
}

/** How a source the person chose names itself in messages: its address, table or name, a region by what it took. */
export function describeSource(spec: SourceSpec): string {
  if (spec.kind === "region") return spec.taken ?? spec.anchor;
  return spec.kind === "address" ? spec.address : spec.name;
}

/** Checks a source before anything is read: an address or a region's anchor must be A1 notation, a table or name not blank. */
export function sourceSpecProblem(spec: SourceSpec): Problem | undefined {
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
