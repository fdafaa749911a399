// The grid's behaviour: scroll position and viewport size, the window of cells to draw, pointer
// selection (click, Shift+click, drag with auto-scroll, header clicks) and keyboard selection
// (arrows, Shift, Ctrl jumps, Page Up/Down, Home), and scrolling a cell into view on request.

import * as React from "react";
import { cellValue, ChartModel, parseReference, SheetModel, WorkbookModel } from "../../../host";
import { CellBox, cellBoxes, canvasFont, CellFont, MeasureText } from "../../cell-view";
import { ChartData, chartData } from "../../chart-data";
import {
  activeCell,
  Cell,
  clickCell,
  clickColumn,
  clickRow,
  Direction,
  GridSelection,
  jumpSelection,
  moveSelection,
} from "../../selection";
import { CellWindow, PX_PER_PT, scrollToReveal, SheetLayout, visibleWindow } from "../../sheet-layout";

export interface SheetGridProps {
  readonly workbook: WorkbookModel;
  readonly sheet: SheetModel;
  readonly layout: SheetLayout;
  /** Bumped whenever the workbook changes, so cells are read again. */
  readonly version: number;
  readonly selection: GridSelection;
  /** A new selection; `final` is false while a drag is still going. */
  readonly onSelect: (selection: GridSelection, final: boolean) => void;
  /** Scroll this cell into view whenever the object changes (a selection made elsewhere). */
  readonly reveal: { readonly cell: Cell } | null;
  readonly label: string;
  readonly columnHeadersLabel: string;
  readonly rowHeadersLabel: string;
}

/** A chart as the grid draws it: its box in the scrolling body's pixels, and what it shows. */
export interface PlacedChart {
  readonly chart: ChartModel;
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
  readonly data: ChartData;
}

export interface SheetGridState extends SheetGridProps {
  readonly rootRef: React.RefObject<HTMLDivElement>;
  readonly bodyRef: React.RefObject<HTMLDivElement>;
  readonly frozenRef: React.RefObject<HTMLDivElement>;
  readonly scroll: { readonly top: number; readonly left: number };
  readonly window: CellWindow;
  /** Cells of the frozen rows and of the scrolling window. */
  readonly frozenBoxes: readonly CellBox[];
  readonly bodyBoxes: readonly CellBox[];
  readonly charts: readonly PlacedChart[];
  readonly onScroll: () => void;
  /** A press on the cells, in the frozen rows or the scrolling body. */
  readonly onCellsPointerDown: (event: React.PointerEvent) => void;
  readonly onColumnHeaderPointerDown: (event: React.PointerEvent, column: number) => void;
  readonly onRowHeaderPointerDown: (event: React.PointerEvent, row: number) => void;
  readonly onKeyDown: (event: React.KeyboardEvent) => void;
}

/** A canvas-backed text measure, cached per font and text. */
function useMeasure(): MeasureText {
  return React.useMemo(() => {
    const canvas = typeof document !== "undefined" ? document.createElement("canvas") : undefined;
    const context = canvas?.getContext("2d") ?? null;
    const cache = new Map<string, number>();
    return (text: string, font: CellFont) => {
      const shorthand = canvasFont(font);
      const key = `${shorthand}\u0000${text}`;
      let width = cache.get(key);
      if (width === undefined) {
        if (context !== null) {
          context.font = shorthand;
          width = context.measureText(text).width;
        } else width = text.length * font.size * 0.7;
        if (cache.size > 20000) cache.clear();
        cache.set(key, width);
      }
      return width;
    };
  }, []);
}

/**
 * The sheet's charts placed on the grid, each with the data read from the cells it points at.
 * Anchored charts follow the cells (widths may change after they were placed); others keep their
 * points. A chart smaller than 40 px a side is not drawn, so its data is not read.
 */
function placeCharts(workbook: WorkbookModel, sheet: SheetModel, layout: SheetLayout): PlacedChart[] {
  const placed: PlacedChart[] = [];
  for (const chart of sheet.charts) {
    const start = chart.anchor ? parseReference(chart.anchor.start) : undefined;
    const end = chart.anchor?.end ? parseReference(chart.anchor.end) : undefined;
    const left = start ? layout.columns.start(start.column) : chart.left * PX_PER_PT;
    const top = (start ? layout.rows.start(start.row) : chart.top * PX_PER_PT) - layout.frozenHeight;
    const width = start && end ? layout.columns.start(end.column + end.columnCount) - left : chart.width * PX_PER_PT;
    const height = start && end ? layout.rows.start(end.row + end.rowCount) - layout.frozenHeight - top : chart.height * PX_PER_PT;
    if (width >= 40 && height >= 40) placed.push({ chart, left, top, width, height, data: chartData(workbook, sheet, chart) });
  }
  return placed;
}

type DragKind = "cells" | "columns" | "rows";

/**
 * How a drag selects: the press picks its cell (extending when Shift is held), each move picks the
 * cell under the pointer with extend on — the same click, so a drag is a run of Shift+clicks.
 */
type Pick = (selection: GridSelection, cell: Cell, extend: boolean) => GridSelection;

/** Drag auto-scroll speed in pixels per second: GAIN per pixel past the edge, within MIN..MAX. */
const AUTO_SCROLL_GAIN = 12;
const AUTO_SCROLL_MIN = 240;
const AUTO_SCROLL_MAX = 4000;
/** Milliseconds between auto-scroll steps. */
const AUTO_SCROLL_INTERVAL = 30;

export function useSheetGrid(props: SheetGridProps): SheetGridState {
  const { workbook, sheet, layout, selection, onSelect, reveal, version } = props;
  const rootRef = React.useRef<HTMLDivElement>(null);
  const bodyRef = React.useRef<HTMLDivElement>(null);
  const frozenRef = React.useRef<HTMLDivElement>(null);
  const [scroll, setScroll] = React.useState({ top: 0, left: 0 });
  const [viewport, setViewport] = React.useState({ width: 800, height: 600 });
  const measure = useMeasure();
  const selectionRef = React.useRef(selection);
  selectionRef.current = selection;

  // Viewport size follows the body's box.
  React.useLayoutEffect(() => {
    const body = bodyRef.current;
    if (body === null) return undefined;
    const update = () => setViewport({ width: body.clientWidth, height: body.clientHeight });
    update();
    if (typeof ResizeObserver === "undefined") return undefined;
    const observer = new ResizeObserver(update);
    observer.observe(body);
    return () => observer.disconnect();
  }, []);

  // A new sheet starts at the top-left.
  React.useLayoutEffect(() => {
    const body = bodyRef.current;
    if (body !== null) {
      body.scrollTop = 0;
      body.scrollLeft = 0;
    }
    setScroll({ top: 0, left: 0 });
  }, [sheet]);

  const revealCell = React.useCallback(
    (cell: Cell) => {
      const body = bodyRef.current;
      if (body === null) return;
      const next = scrollToReveal(layout, cell.row, cell.column, { top: body.scrollTop, left: body.scrollLeft }, { width: body.clientWidth, height: body.clientHeight });
      if (next.top !== body.scrollTop) body.scrollTop = next.top;
      if (next.left !== body.scrollLeft) body.scrollLeft = next.left;
      setScroll({ top: body.scrollTop, left: body.scrollLeft });
    },
    [layout],
  );

  // Each request is honoured once: a later re-layout must not scroll back to an old request.
  const revealed = React.useRef<SheetGridProps["reveal"]>(null);
  React.useLayoutEffect(() => {
    if (reveal !== null && reveal !== revealed.current) {
      revealed.current = reveal;
      revealCell(reveal.cell);
    }
  }, [reveal, revealCell]);

  const frame = React.useRef<number | null>(null);
  const onScroll = React.useCallback(() => {
    if (frame.current !== null) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = null;
      const body = bodyRef.current;
      if (body !== null) setScroll({ top: body.scrollTop, left: body.scrollLeft });
    });
  }, []);
  React.useEffect(() => () => {
    if (frame.current !== null) cancelAnimationFrame(frame.current);
  }, []);

  const window = visibleWindow(layout, scroll.top, scroll.left, viewport.width, viewport.height);
  const frozenBoxes = React.useMemo(
    () => (layout.frozenRows > 0 ? cellBoxes(sheet, layout, { top: 0, bottom: layout.frozenRows, left: window.left, right: window.right }, measure) : []),
    [sheet, layout, window.left, window.right, measure, version],
  );
  const bodyBoxes = React.useMemo(
    () => cellBoxes(sheet, layout, window, measure),
    [sheet, layout, window.top, window.bottom, window.left, window.right, measure, version],
  );
  // Read once per change of the workbook, not on every scroll step or drag move.
  const charts = React.useMemo(() => placeCharts(workbook, sheet, layout), [workbook, sheet, layout, version]);

  // ----- pointer

  /** The cell under a point of the page, in the frozen rows or the scrolling body. */
  const cellAt = React.useCallback(
    (clientX: number, clientY: number): Cell => {
      const body = bodyRef.current;
      const frozen = frozenRef.current;
      if (body === null) return { row: 0, column: 0 };
      const bodyBox = body.getBoundingClientRect();
      const x = clientX - bodyBox.left + body.scrollLeft;
      let y: number;
      if (frozen !== null && layout.frozenRows > 0 && clientY < bodyBox.top) {
        y = Math.max(0, clientY - frozen.getBoundingClientRect().top);
        // Above the frozen rows while scrolled: the first scrolling row is the nearest one.
        if (body.scrollTop > 0 && y >= layout.frozenHeight) y = layout.frozenHeight;
      } else {
        y = Math.max(layout.frozenHeight, clientY - bodyBox.top + body.scrollTop + layout.frozenHeight);
      }
      return { row: layout.rows.at(y), column: layout.columns.at(x) };
    },
    [layout],
  );

  const startDrag = React.useCallback(
    (kind: DragKind, event: React.PointerEvent, start: Cell, pick: Pick) => {
      if (event.button !== 0) return;
      event.preventDefault();
      rootRef.current?.focus({ preventScroll: true });
      let current = pick(selectionRef.current, start, event.shiftKey);
      onSelect(current, false);
      let pointer = { x: event.clientX, y: event.clientY };
      let timer: ReturnType<typeof setTimeout> | null = null;

      const extendTo = () => {
        const cell = cellAt(pointer.x, pointer.y);
        const next = pick(current, cell, true);
        if (next.corner.row !== current.corner.row || next.corner.column !== current.corner.column) {
          current = next;
          onSelect(current, false);
        }
      };
      // While the pointer is past an edge of the body, keep scrolling toward it, faster the
      // farther past it is, by elapsed time. A timer, not animation frames: a page that paints
      // rarely (busy, headless) would otherwise stall the scroll.
      let last = 0;
      const tick = () => {
        timer = null;
        const now = performance.now();
        const body = bodyRef.current;
        if (body === null) return;
        const elapsed = last === 0 ? 16 : Math.min(250, now - last);
        last = now;
        const box = body.getBoundingClientRect();
        const step = (beyond: number) => Math.max(1, Math.round((Math.min(AUTO_SCROLL_MAX, Math.max(AUTO_SCROLL_MIN, beyond * AUTO_SCROLL_GAIN)) * elapsed) / 1000));
        let moved = false;
        if (kind !== "columns") {
          if (pointer.y > box.bottom && body.scrollTop + body.clientHeight < body.scrollHeight) {
            body.scrollTop += step(pointer.y - box.bottom);
            moved = true;
          } else if (pointer.y < box.top && body.scrollTop > 0) {
            body.scrollTop -= step(box.top - pointer.y);
            moved = true;
          }
        }
        if (kind !== "rows") {
          if (pointer.x > box.right && body.scrollLeft + body.clientWidth < body.scrollWidth) {
            body.scrollLeft += step(pointer.x - box.right);
            moved = true;
          } else if (pointer.x < box.left && body.scrollLeft > 0) {
            body.scrollLeft -= step(box.left - pointer.x);
            moved = true;
          }
        }
        if (moved) {
          setScroll({ top: body.scrollTop, left: body.scrollLeft });
          extendTo();
          timer = setTimeout(tick, AUTO_SCROLL_INTERVAL);
        } else last = 0;
      };
      const move = (e: PointerEvent) => {
        pointer = { x: e.clientX, y: e.clientY };
        extendTo();
        if (timer === null) timer = setTimeout(tick, AUTO_SCROLL_INTERVAL);
      };
      const up = () => {
        if (timer !== null) clearTimeout(timer);
        document.removeEventListener("pointermove", move);
        document.removeEventListener("pointerup", up);
        document.removeEventListener("pointercancel", up);
        onSelect(current, true);
      };
      document.addEventListener("pointermove", move);
      document.addEventListener("pointerup", up);
      document.addEventListener("pointercancel", up);
    },
    [cellAt, onSelect],
  );

  const onCellsPointerDown = React.useCallback(
    (event: React.PointerEvent) => startDrag("cells", event, cellAt(event.clientX, event.clientY), clickCell),
    [cellAt, startDrag],
  );
  const onColumnHeaderPointerDown = React.useCallback(
    (event: React.PointerEvent, column: number) => startDrag("columns", event, { row: 0, column }, (s, cell, extend) => clickColumn(s, cell.column, extend)),
    [startDrag],
  );
  const onRowHeaderPointerDown = React.useCallback(
    (event: React.PointerEvent, row: number) => startDrag("rows", event, { row, column: 0 }, (s, cell, extend) => clickRow(s, cell.row, extend)),
    [startDrag],
  );

  // ----- keyboard

  const onKeyDown = React.useCallback(
    (event: React.KeyboardEvent) => {
      const bounds = { rows: layout.rows.count, columns: layout.columns.count };
      const directions: Record<string, Direction> = { ArrowUp: "up", ArrowDown: "down", ArrowLeft: "left", ArrowRight: "right" };
      const current = selectionRef.current;
      let next: GridSelection | undefined;
      const direction = directions[event.key];
      const isEmpty = (r: number, c: number) => cellValue(sheet, r, c) === "";
      if (direction !== undefined) {
        next = event.ctrlKey || event.metaKey ? jumpSelection(current, direction, event.shiftKey, bounds, isEmpty) : moveSelection(current, direction, event.shiftKey, bounds);
      } else if (event.key === "PageDown" || event.key === "PageUp") {
        const body = bodyRef.current;
        const page = Math.max(1, Math.floor((body?.clientHeight ?? 400) / 20) - 1);
        next = moveSelection(current, event.key === "PageDown" ? "down" : "up", event.shiftKey, bounds, page);
      } else if (event.key === "Enter") {
        next = moveSelection(current, event.shiftKey ? "up" : "down", false, bounds);
      } else if (event.key === "Home") {
        const at = activeCell(current);
        next = event.ctrlKey || event.metaKey ? moveSelection(current, "up", event.shiftKey, bounds, at.row) : moveSelection(current, "left", event.shiftKey, bounds, at.column);
        if ((event.ctrlKey || event.metaKey) && !event.shiftKey) next = moveSelection(next, "left", false, bounds, at.column);
      }
      if (next === undefined) return;
      event.preventDefault();
      onSelect(next, true);
      revealCell(event.shiftKey ? next.corner : activeCell(next));
    },
    [layout, onSelect, revealCell, sheet],
  );

  return {
    ...props,
    rootRef,
    bodyRef,
    frozenRef,
    scroll,
    window,
    frozenBoxes,
    bodyBoxes,
    charts,
    onScroll,
    onCellsPointerDown,
    onColumnHeaderPointerDown,
    onRowHeaderPointerDown,
    onKeyDown,
  };
}
