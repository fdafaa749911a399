// The table around a cell, as Excel's Ctrl+A (Range.getSurroundingRegion) takes it, computed
// from a sheet's used cells already read in the same round trip: no round trip of its own and
// nothing the in-memory host must model. Pure: grids and rectangles in, rectangles out.

import { CellRect, intersectRects, parseAddress, ParsedAddress, qualifiedAddress, rectName } from "./a1";
import type { SourceGrid, SourceSpec } from "./port";

type Cells = readonly (readonly (string | number | boolean | null | undefined)[])[];

/** A cell Excel counts as filled for the current region: anything but empty (a space counts, as in Excel). */
function filled(v: string | number | boolean | null | undefined): boolean {
  return v !== "" && v !== null && v !== undefined;
}

/**
 * The current region around `start` in `cells` (grid coordinates; the grid is the used range):
 * the rectangle grown, side by side, while any cell just outside it — corners included — is
 * filled, so a title row above, a footnote below and a ragged column all belong to it, and a
 * wholly blank row or column stops it. An empty cell with nothing around stays itself.
 * currentRegion([["t",""],["a","1"],["",""],["x",""]], {row:1,column:0,rowCount:1,columnCount:1}) // => rows 0-1, columns 0-1
 */
export function currentRegion(cells: Cells, start: CellRect): CellRect {
  const height = cells.length;
  const width = cells.reduce((w, r) => Math.max(w, r.length), 0);
  let top = start.row;
  let left = start.column;
  let bottom = start.row + start.rowCount - 1;
  let right = start.column + start.columnCount - 1;
  const at = (r: number, c: number) => r >= 0 && r < height && c >= 0 && c < width && filled(cells[r][c]);
  const rowHas = (r: number) => {
    if (r < 0 || r >= height) return false;
    for (let c = Math.max(0, left - 1); c <= Math.min(width - 1, right + 1); c++) if (at(r, c)) return true;
    return false;
  };
  const columnHas = (c: number) => {
    if (c < 0 || c >= width) return false;
    for (let r = Math.max(0, top - 1); r <= Math.min(height - 1, bottom + 1); r++) if (at(r, c)) return true;
    return false;
  };
  // Each side runs on as far as it can before the others are looked at again: a 100,000-row list
  // grows downwards row by row, its full height scanned sideways only once per pass.
  for (let changed = true; changed; ) {
    changed = false;
    while (rowHas(bottom + 1)) {
      bottom++;
      changed = true;
    }
    while (rowHas(top - 1)) {
      top--;
      changed = true;
    }
    while (columnHas(right + 1)) {
      right++;
      changed = true;
    }
    while (columnHas(left - 1)) {
      left--;
      changed = true;
    }
  }
  return { row: top, column: left, rowCount: bottom - top + 1, columnCount: right - left + 1 };
}

function contains(outer: CellRect, inner: CellRect): boolean {
  return (
    inner.row >= outer.row &&
    inner.column >= outer.column &&
    inner.row + inner.rowCount <= outer.row + outer.rowCount &&
    inner.column + inner.columnCount <= outer.column + outer.columnCount
  );
}

/**
 * What a selection stands for: one cell, or a selection lying inside one block and narrower and
 * shorter than it, stands for the block (its current region); a selection reaching across its
 * block's whole width or height, or over two blocks, was chosen as it is and stays (undefined).
 * Rectangles are in the grid's coordinates.
 */
export function regionOfSelection(cells: Cells, selection: CellRect): CellRect | undefined {
  const corner: CellRect = { row: selection.row, column: selection.column, rowCount: 1, columnCount: 1 };
  const region = currentRegion(cells, corner);
  if (selection.rowCount === 1 && selection.columnCount === 1) return region;
  if (!contains(region, selection)) return undefined;
  return selection.rowCount < region.rowCount && selection.columnCount < region.columnCount ? region : undefined;
}

/**
 * The column bands of a sheet's used cells: runs of columns separated by wholly blank columns,
 * each trimmed to its filled rows. Find data reads each band as one table (title rows and
 * footnotes separated by blank rows stay with it), so two tables side by side are two.
 */
export function columnBands(cells: Cells): CellRect[] {
  const height = cells.length;
  const width = cells.reduce((w, r) => Math.max(w, r.length), 0);
  const used = new Uint8Array(width);
  for (const row of cells) for (let c = 0; c < row.length; c++) if (filled(row[c])) used[c] = 1;
  const bands: CellRect[] = [];
  for (let c = 0; c < width; ) {
    if (used[c] === 0) {
      c++;
      continue;
    }
    const from = c;
    while (c < width && used[c] === 1) c++;
    let top = 0;
    let bottom = height - 1;
    const rowFilled = (r: number) => {
      for (let k = from; k < c; k++) if (filled(cells[r][k])) return true;
      return false;
    };
    while (top < bottom && !rowFilled(top)) top++;
    while (bottom > top && !rowFilled(bottom)) bottom--;
    bands.push({ row: top, column: from, rowCount: bottom - top + 1, columnCount: c - from });
  }
  return bands;
}

/**
 * The column band (see columnBands) that holds `column`, or undefined when that column is wholly
 * blank: how a table Find data found is taken again on a refresh, so rows added below it and a
 * column added at its right edge are read, title rows and footnotes kept across blank rows.
 * bandAround([["t", "", "", "z"], ["a", "1", "", ""]], 1) // => rows 0-1, columns 0-1
 */
export function bandAround(cells: Cells, column: number): CellRect | undefined {
  return columnBands(cells).find((b) => column >= b.column && column < b.column + b.columnCount);
}

/** A region's anchor when it is a bounded address (a cell or a block), else undefined: "A:C" is taken as it is. */
export function regionAnchor(spec: SourceSpec): ParsedAddress | undefined {
  if (spec.kind !== "region") return undefined;
  const parsed = parseAddress(spec.anchor);
  return parsed === undefined || parsed.wholeColumns || parsed.wholeRows ? undefined : parsed;
}

/** The rows and columns of `rect` (grid coordinates, inside the grid) of a grid. */
function sliceGrid<T>(grid: readonly (readonly T[])[], rect: CellRect): T[][] {
  return grid.slice(rect.row, rect.row + rect.rowCount).map((r) => r.slice(rect.column, rect.column + rect.columnCount));
}

/**
 * A region source as read (its sheet's used cells, by either host) cut down to what its anchor
 * stands for, by its extent: the block around a cell, or around a selection inside one block (a
 * selection across its block's width or height as it is); the column band around the anchor's
 * column (nothing when that column is now blank); or the whole used range. Other sources pass
 * unchanged.
 */
export function takeRegion(read: SourceGrid): SourceGrid {
  const spec = read.spec;
  const anchor = regionAnchor(spec);
  if (spec.kind !== "region" || anchor === undefined) return read;
  const sheet = read.sheet !== "" ? read.sheet : (anchor.sheet ?? "");
  const anchorAddress = sheet === "" ? spec.anchor : qualifiedAddress(sheet, anchor);
  const gridRows = read.values.length;
  const gridColumns = read.values.reduce((w, r) => Math.max(w, r.length), 0);
  const whole: CellRect = { row: 0, column: 0, rowCount: gridRows, columnCount: gridColumns };
  const selection: CellRect = { row: anchor.row - read.row, column: anchor.column - read.column, rowCount: anchor.rowCount, columnCount: anchor.columnCount };
  const extent = spec.extent ?? "current-region";
  let wanted: CellRect | undefined;
  let expanded = false;
  if (gridRows === 0) wanted = undefined;
  else if (extent === "column-band") wanted = bandAround(read.values, selection.column);
  else if (extent === "used-range") wanted = whole;
  else {
    const grown = regionOfSelection(read.values, selection);
    wanted = grown ?? selection;
    // "Extended to …" is said only of a selection that grew; Find data's extents name a table, not a selection.
    expanded = grown !== undefined && (grown.rowCount > anchor.rowCount || grown.columnCount > anchor.columnCount);
  }
  const rect = wanted === undefined ? undefined : intersectRects(wanted, whole);
  const region = { anchor: anchorAddress, expanded };
  if (rect === undefined) return { spec, address: anchorAddress, sheet, row: anchor.row, column: anchor.column, values: [], region };
  const at = { row: read.row + rect.row, column: read.column + rect.column, rowCount: rect.rowCount, columnCount: rect.columnCount };
  const formats = read.numberFormats;
  return {
    spec,
    address: sheet === "" ? rectName(at) : qualifiedAddress(sheet, at),
    sheet,
    row: at.row,
    column: at.column,
    values: sliceGrid(read.values, rect),
    ...(formats !== undefined ? { numberFormats: sliceGrid(formats, rect) } : {}),
    region,
  };
}
