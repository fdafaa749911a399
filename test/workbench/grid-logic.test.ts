// The workbench grid's pure parts: where rows and columns sit (points → pixels, frozen rows, a
// window of visible cells on a 100,000-row sheet) and how the selection answers clicks and keys
// (Excel's behaviour: the active cell stays where a drag began; Shift moves the far corner).

import { MAX_COLUMNS, MAX_ROWS } from "../../src/host/address";
import { newWorkbook } from "../../src/host/model";
import { Bands, layoutSheet, PX_PER_PT, scrollToReveal, visibleWindow } from "../../src/workbench/sheet-layout";
import { activeCell, cellSelection, clickCell, clickColumn, clickRow, jumpSelection, jumpTarget, moveSelection, selectionFromRect, selectionRect } from "../../src/workbench/selection";

describe("bands", () => {
  const bands = new Bands(5, (i) => (i === 2 ? 40 : 20));
  test("starts, sizes and the band at a position", () => {
    expect([0, 1, 2, 3, 4, 5].map((i) => bands.start(i))).toEqual([0, 20, 40, 80, 100, 120]);
    expect(bands.total).toBe(120);
    expect(bands.size(2)).toBe(40);
    expect([-5, 0, 19.9, 20, 79, 80, 119, 500].map((y) => bands.at(y))).toEqual([0, 0, 0, 1, 2, 3, 4, 4]);
  });
});

describe("sheet layout", () => {
  test("Excel's default 48 pt columns and 15 pt rows are 64 px and 20 px; set widths convert", () => {
    const wb = newWorkbook();
    const sheet = wb.sheets[0];
    sheet.columnWidths.set(1, 96);
    sheet.rowHeights.set(0, 24);
    const layout = layoutSheet(sheet);
    expect(layout.columns.size(0)).toBe(64);
    expect(layout.columns.size(1)).toBe(Math.round(96 * PX_PER_PT));
    expect(layout.rows.size(1)).toBe(20);
    expect(layout.rows.size(0)).toBe(32);
    expect(layout.rows.count).toBeGreaterThanOrEqual(100);
    expect(layout.columns.count).toBeGreaterThanOrEqual(26);
  });

  test("a 100,000-row sheet is laid out whole and a viewport shows only a few dozen rows", () => {
    const wb = newWorkbook();
    const sheet = wb.sheets[0];
    for (let r = 0; r < 100000; r++) sheet.setValue(r, 0, r);
    sheet.freeze = { rows: 2, columns: 0 };
    const layout = layoutSheet(sheet);
    expect(layout.rows.count).toBeGreaterThan(100000);
    expect(layout.frozenHeight).toBe(40);
    const scrollTop = 50000 * 20;
    const window = visibleWindow(layout, scrollTop, 0, 800, 600);
    expect(window.top).toBeGreaterThanOrEqual(50000 - 3);
    expect(window.top).toBeLessThanOrEqual(50002);
    expect(window.bottom - window.top).toBeLessThan(45);
    expect(window.right - window.left).toBeLessThan(20);
  });

  test("scrolling reveals a cell below, leaves a visible one alone, ignores frozen rows", () => {
    const wb = newWorkbook();
    const sheet = wb.sheets[0];
    sheet.freeze = { rows: 1, columns: 0 };
    const layout = layoutSheet(sheet);
    const viewport = { width: 640, height: 200 };
    expect(scrollToReveal(layout, 50, 0, { top: 0, left: 0 }, viewport)).toEqual({ top: 51 * 20 - 20 - 200, left: 0 });
    expect(scrollToReveal(layout, 3, 2, { top: 0, left: 0 }, viewport)).toEqual({ top: 0, left: 0 });
    expect(scrollToReveal(layout, 0, 0, { top: 400, left: 0 }, viewport)).toEqual({ top: 400, left: 0 });
    expect(scrollToReveal(layout, 5, 0, { top: 400, left: 0 }, viewport).top).toBe(4 * 20);
  });
});

describe("selection", () => {
  const bounds = { rows: 100, columns: 26 };

  test("click, shift+click and the rectangle; the active cell stays at the anchor", () => {
    const a = clickCell(cellSelection(0, 0), { row: 2, column: 1 }, false);
    const b = clickCell(a, { row: 9, column: 3 }, true);
    expect(selectionRect(b)).toEqual({ row: 2, column: 1, rowCount: 8, columnCount: 3 });
    expect(activeCell(b)).toEqual({ row: 2, column: 1 });
  });

  test("arrows move the active cell and stop at the grid's edge; Shift+arrows grow from the far corner", () => {
    let s = cellSelection(0, 0);
    s = moveSelection(s, "up", false, bounds);
    expect(activeCell(s)).toEqual({ row: 0, column: 0 });
    s = moveSelection(s, "down", false, bounds);
    s = moveSelection(s, "right", true, bounds);
    s = moveSelection(s, "down", true, bounds);
    expect(selectionRect(s)).toEqual({ row: 1, column: 0, rowCount: 2, columnCount: 2 });
    s = moveSelection(s, "right", false, bounds);
    expect(selectionRect(s)).toEqual({ row: 1, column: 1, rowCount: 1, columnCount: 1 });
  });

  test("headers select whole columns and rows; Shift extends them", () => {
    const columns = clickColumn(clickColumn(cellSelection(0, 0), 0, false), 2, true);
    expect(selectionRect(columns)).toEqual({ row: 0, column: 0, rowCount: MAX_ROWS, columnCount: 3 });
    const rows = clickRow(cellSelection(0, 0), 4, false);
    expect(selectionRect(rows)).toEqual({ row: 4, column: 0, rowCount: 1, columnCount: MAX_COLUMNS });
    expect(selectionRect(moveSelection(columns, "right", true, bounds))).toEqual({ row: 0, column: 0, rowCount: MAX_ROWS, columnCount: 4 });
  });

  test("a rectangle from elsewhere round-trips and makes its first cell active", () => {
    const rect = { row: 0, column: 0, rowCount: 107, columnCount: 3 };
    const s = selectionFromRect(rect);
    expect(selectionRect(s)).toEqual(rect);
    expect(activeCell(s)).toEqual({ row: 0, column: 0 });
    const whole = { row: 0, column: 1, rowCount: MAX_ROWS, columnCount: 2 };
    expect(selectionRect(selectionFromRect(whole))).toEqual(whole);
  });
});

describe("Ctrl+arrow jumps", () => {
  // Column A: rows 0-4 filled, 5-9 empty, 10-12 filled.
  const filled = new Set([0, 1, 2, 3, 4, 10, 11, 12]);
  const isEmpty = (row: number, column: number) => !(column === 0 && filled.has(row));
  const bounds = { rows: 100, columns: 26 };

  test("to the end of a filled run, then to the next filled cell, then to the grid's edge", () => {
    expect(jumpTarget({ row: 0, column: 0 }, "down", bounds, isEmpty)).toEqual({ row: 4, column: 0 });
    expect(jumpTarget({ row: 4, column: 0 }, "down", bounds, isEmpty)).toEqual({ row: 10, column: 0 });
    expect(jumpTarget({ row: 12, column: 0 }, "down", bounds, isEmpty)).toEqual({ row: 99, column: 0 });
    expect(jumpTarget({ row: 12, column: 0 }, "up", bounds, isEmpty)).toEqual({ row: 10, column: 0 });
    expect(jumpTarget({ row: 0, column: 0 }, "up", bounds, isEmpty)).toEqual({ row: 0, column: 0 });
  });

  test("Ctrl+Shift+Down selects the filled run", () => {
    expect(selectionRect(jumpSelection(cellSelection(0, 0), "down", true, bounds, isEmpty))).toEqual({ row: 0, column: 0, rowCount: 5, columnCount: 1 });
  });
});
