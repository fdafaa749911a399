// Where rows and columns of a sheet sit on screen, in CSS pixels: Excel's points become pixels
// (96 px per 72 pt), the grid extends a little past the used range, and a position finds its row
// or column by binary search, so a 100,000-row sheet is laid out once and scrolled cheaply.

import { MAX_COLUMNS, MAX_ROWS, parseReference, Rect, SheetModel } from "../host";

/** CSS pixels per point. */
export const PX_PER_PT = 96 / 72;

/** Rows and columns shown beyond the used range and the charts, as Excel leaves room to scroll. */
const SPARE_ROWS = 30;
const SPARE_COLUMNS = 6;
/** Never fewer than Excel's first screen. */
const MIN_ROWS = 100;
const MIN_COLUMNS = 26;
/** A grid wider than this is cut (a file with a stray cell in column XFD stays usable). */
const MAX_SHOWN_COLUMNS = 1000;

/** Offsets of consecutive bands (rows or columns): offsets[i] is where band i starts. */
export class Bands {
  private readonly offsets: Float64Array;

  constructor(count: number, size: (i: number) => number) {
    this.offsets = new Float64Array(count + 1);
    for (let i = 0; i < count; i++) this.offsets[i + 1] = this.offsets[i] + size(i);
  }

  get count(): number {
    return this.offsets.length - 1;
  }

  /** Where band i starts; i = count gives the total length. */
  start(i: number): number {
    return this.offsets[Math.max(0, Math.min(i, this.count))];
  }

  size(i: number): number {
    return this.start(i + 1) - this.start(i);
  }

  get total(): number {
    return this.offsets[this.count];
  }

  /** The band containing a position (clamped to the first and last band). */
  at(position: number): number {
    if (position <= 0) return 0;
    let lo = 0;
    let hi = this.count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.offsets[mid] <= position) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

/** The rows and columns the grid shows for a sheet, with their pixel positions. */
export interface SheetLayout {
  readonly rows: Bands;
  readonly columns: Bands;
  /** Frozen rows at the top (kept in view while the rest scrolls). */
  readonly frozenRows: number;
  /** Height of the frozen rows in pixels. */
  readonly frozenHeight: number;
}

/** The last row and column (exclusive) any chart on the sheet reaches through its anchor. */
function chartExtent(sheet: SheetModel): { rows: number; columns: number } {
  let rows = 0;
  let columns = 0;
  for (const chart of sheet.charts) {
    for (const cell of [chart.anchor?.start, chart.anchor?.end]) {
      const rect = cell ? parseReference(cell) : undefined;
      if (rect) {
        rows = Math.max(rows, rect.row + rect.rowCount);
        columns = Math.max(columns, rect.column + rect.columnCount);
      }
    }
  }
  return { rows, columns };
}

/** Lays out a sheet: its used range, frozen rows and charts, plus room to scroll. */
export function layoutSheet(sheet: SheetModel): SheetLayout {
  const used: Rect = sheet.usedRect(false) ?? { row: 0, column: 0, rowCount: 0, columnCount: 0 };
  const charts = chartExtent(sheet);
  const rowCount = Math.min(MAX_ROWS, Math.max(MIN_ROWS, used.row + used.rowCount + SPARE_ROWS, charts.rows + SPARE_ROWS, sheet.freeze.rows + SPARE_ROWS));
  const columnCount = Math.min(
    MAX_COLUMNS,
    MAX_SHOWN_COLUMNS,
    Math.max(MIN_COLUMNS, used.column + used.columnCount + SPARE_COLUMNS, charts.columns + SPARE_COLUMNS),
  );
  const rows = new Bands(rowCount, (r) => Math.round(sheet.rowHeight(r) * PX_PER_PT));
  const columns = new Bands(columnCount, (c) => Math.round(sheet.columnWidth(c) * PX_PER_PT));
  const frozenRows = Math.min(sheet.freeze.rows, rowCount - 1);
  return { rows, columns, frozenRows, frozenHeight: rows.start(frozenRows) };
}

/** Cells of a window: rows [top, bottom) and columns [left, right). */
export interface CellWindow {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

/**
 * The scrolling cells a viewport shows: `scrollTop` counts from the first row below the frozen
 * ones. `overscan` extra rows and columns are included on each side so scrolling shows no gaps.
 */
export function visibleWindow(layout: SheetLayout, scrollTop: number, scrollLeft: number, width: number, height: number, overscan = 3): CellWindow {
  const { rows, columns, frozenRows, frozenHeight } = layout;
  const y0 = frozenHeight + scrollTop;
  const top = Math.max(frozenRows, rows.at(y0) - overscan);
  const bottom = Math.min(rows.count, rows.at(y0 + height) + 1 + overscan);
  const left = Math.max(0, columns.at(scrollLeft) - overscan);
  const right = Math.min(columns.count, columns.at(scrollLeft + width) + 1 + overscan);
  return { top, bottom, left, right };
}

/**
 * The scroll position that brings a cell fully into a viewport, or the current one when it is
 * already visible. A cell in the frozen rows needs no vertical scroll.
 */
export function scrollToReveal(
  layout: SheetLayout,
  row: number,
  column: number,
  scroll: { top: number; left: number },
  viewport: { width: number; height: number },
): { top: number; left: number } {
  let { top, left } = scroll;
  if (row >= layout.frozenRows) {
    const cellTop = layout.rows.start(row) - layout.frozenHeight;
    const cellBottom = layout.rows.start(row + 1) - layout.frozenHeight;
    if (cellTop < top) top = cellTop;
    else if (cellBottom > top + viewport.height) top = Math.max(0, cellBottom - viewport.height);
  }
  const cellLeft = layout.columns.start(column);
  const cellRight = layout.columns.start(column + 1);
  if (cellLeft < left) left = cellLeft;
  else if (cellRight > left + viewport.width) left = Math.max(0, cellRight - viewport.width);
  return { top, left };
}
