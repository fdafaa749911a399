// The grid's selection as Excel keeps it: the anchor, which is the active cell (where a click or
// drag started, shown white inside the selection), and the far corner (where a drag or Shift+arrow
// moves); the selected rectangle spans both. Whole columns and rows are selected from the headers.
// Pure functions over plain data.

import { MAX_COLUMNS, MAX_ROWS, Rect } from "../host";

export interface Cell {
  readonly row: number;
  readonly column: number;
}

/** What the header click selected: cells only, whole columns, or whole rows. */
export type SelectionMode = "cells" | "columns" | "rows";

export interface GridSelection {
  /** The active cell. */
  readonly anchor: Cell;
  /** The corner opposite the anchor. */
  readonly corner: Cell;
  readonly mode: SelectionMode;
}

export type Direction = "up" | "down" | "left" | "right";

/** Bounds the keyboard may move within: the grid's rows and columns. */
export interface GridBounds {
  readonly rows: number;
  readonly columns: number;
}

/** A selection of one cell. */
export function cellSelection(row: number, column: number): GridSelection {
  return { anchor: { row, column }, corner: { row, column }, mode: "cells" };
}

/** The rectangle a selection covers (whole columns run over every row, whole rows over every column). */
export function selectionRect(selection: GridSelection): Rect {
  const { anchor, corner, mode } = selection;
  const row = Math.min(anchor.row, corner.row);
  const column = Math.min(anchor.column, corner.column);
  const rowCount = Math.abs(anchor.row - corner.row) + 1;
  const columnCount = Math.abs(anchor.column - corner.column) + 1;
  if (mode === "columns") return { row: 0, column, rowCount: MAX_ROWS, columnCount };
  if (mode === "rows") return { row, column: 0, rowCount, columnCount: MAX_COLUMNS };
  return { row, column, rowCount, columnCount };
}

/** A selection showing a rectangle that came from elsewhere (the task pane, the Name Box). */
export function selectionFromRect(rect: Rect): GridSelection {
  const mode: SelectionMode = rect.rowCount === MAX_ROWS && rect.row === 0 ? "columns" : rect.columnCount === MAX_COLUMNS && rect.column === 0 ? "rows" : "cells";
  // Excel makes the rectangle's first cell active.
  const anchor = { row: rect.row, column: rect.column };
  const corner = { row: rect.row + rect.rowCount - 1, column: rect.column + rect.columnCount - 1 };
  return { anchor, corner, mode };
}

/** The active cell of a selection, as the Name Box and formula bar show it. */
export function activeCell(selection: GridSelection): Cell {
  if (selection.mode === "columns") return { row: 0, column: selection.anchor.column };
  if (selection.mode === "rows") return { row: selection.anchor.row, column: 0 };
  return selection.anchor;
}

function clamp(cell: Cell, bounds: GridBounds): Cell {
  return {
    row: Math.max(0, Math.min(bounds.rows - 1, cell.row)),
    column: Math.max(0, Math.min(bounds.columns - 1, cell.column)),
  };
}

function step(cell: Cell, direction: Direction, distance: number): Cell {
  switch (direction) {
    case "up":
      return { row: cell.row - distance, column: cell.column };
    case "down":
      return { row: cell.row + distance, column: cell.column };
    case "left":
      return { row: cell.row, column: cell.column - distance };
    case "right":
      return { row: cell.row, column: cell.column + distance };
  }
}

/**
 * A keyboard move: without `extend` the selection collapses to the active cell moved; with it
 * (Shift) the far corner moves and the anchor stays.
 */
export function moveSelection(selection: GridSelection, direction: Direction, extend: boolean, bounds: GridBounds, distance = 1): GridSelection {
  if (extend) {
    const corner = clamp(step(selection.corner, direction, distance), bounds);
    // Whole columns stay whole columns (and rows rows): only their span changes.
    if (selection.mode === "columns") return { ...selection, corner: { row: 0, column: corner.column } };
    if (selection.mode === "rows") return { ...selection, corner: { row: corner.row, column: 0 } };
    return { ...selection, corner };
  }
  const moved = clamp(step(activeCell(selection), direction, distance), bounds);
  return cellSelection(moved.row, moved.column);
}

/** A click (or Shift+click, which extends from the anchor) on a cell. */
export function clickCell(selection: GridSelection, cell: Cell, extend: boolean): GridSelection {
  if (extend && selection.mode === "cells") return { ...selection, corner: cell };
  return cellSelection(cell.row, cell.column);
}

/** A click on a column header (Shift extends from the anchor column). */
export function clickColumn(selection: GridSelection, column: number, extend: boolean): GridSelection {
  if (extend && selection.mode === "columns") return { ...selection, corner: { row: 0, column } };
  return { anchor: { row: 0, column }, corner: { row: 0, column }, mode: "columns" };
}

/** A click on a row header (Shift extends from the anchor row). */
export function clickRow(selection: GridSelection, row: number, extend: boolean): GridSelection {
  if (extend && selection.mode === "rows") return { ...selection, corner: { row, column: 0 } };
  return { anchor: { row, column: 0 }, corner: { row, column: 0 }, mode: "rows" };
}

/**
 * Where Ctrl+arrow lands (Excel's "End" jump): from a filled cell whose neighbour is filled, the
 * last filled cell of that run; otherwise the next filled cell, or the grid's edge when none.
 */
export function jumpTarget(from: Cell, direction: Direction, bounds: GridBounds, isEmpty: (row: number, column: number) => boolean): Cell {
  const inside = (c: Cell) => c.row >= 0 && c.column >= 0 && c.row < bounds.rows && c.column < bounds.columns;
  let cell = from;
  let next = step(cell, direction, 1);
  if (!inside(next)) return cell;
  if (!isEmpty(cell.row, cell.column) && !isEmpty(next.row, next.column)) {
    while (inside(next) && !isEmpty(next.row, next.column)) {
      cell = next;
      next = step(cell, direction, 1);
    }
    return cell;
  }
  cell = next;
  while (isEmpty(cell.row, cell.column)) {
    next = step(cell, direction, 1);
    if (!inside(next)) return cell;
    cell = next;
  }
  return cell;
}

/** Ctrl+arrow: the active cell jumps, or with Shift the far corner jumps. */
export function jumpSelection(selection: GridSelection, direction: Direction, extend: boolean, bounds: GridBounds, isEmpty: (row: number, column: number) => boolean): GridSelection {
  if (extend) return { ...selection, corner: jumpTarget(selection.corner, direction, bounds, isEmpty) };
  const target = jumpTarget(activeCell(selection), direction, bounds, isEmpty);
  return cellSelection(target.row, target.column);
}
