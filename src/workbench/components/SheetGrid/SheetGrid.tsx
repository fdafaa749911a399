// The worksheet grid: column letters and row numbers, the frozen rows kept in view, a window of
// cells drawn as Excel draws them, the selection, and the sheet's charts at their anchors.
// Only the visible rows are in the page, so a 100,000-row sheet scrolls like a small one.

import * as React from "react";
import { mergeClasses, tokens } from "@fluentui/react-components";
import { cellAddress, columnLetters } from "../../../host";
import { CellBox, CELL_PADDING } from "../../cell-view";
import { activeCell, selectionRect } from "../../selection";
import { SheetLayout } from "../../sheet-layout";
import { ChartView } from "../ChartView/ChartView";
import { COLUMN_HEADER_HEIGHT, ROW_HEADER_WIDTH, useSheetGridStyles } from "./SheetGrid.styles";
import { PlacedChart, SheetGridProps, SheetGridState, useSheetGrid } from "./useSheetGrid";

export type { SheetGridProps } from "./useSheetGrid";

export interface ChartLabels {
  readonly chart: (title: string) => string;
  readonly untitled: (name: string) => string;
  readonly notDrawn: (type: string) => string;
}

type Styles = ReturnType<typeof useSheetGridStyles>;

const JUSTIFY = { left: "flex-start", center: "center", right: "flex-end" } as const;
const ALIGN = { top: "flex-start", center: "center", bottom: "flex-end" } as const;

/** One cell (or merged area) with its text box, `offsetTop` pixels above its pane's origin. */
function CellView(props: { box: CellBox; offsetTop: number; showGridlines: boolean; selected: boolean; id: string; styles: Styles }): React.JSX.Element {
  const { box, offsetTop, showGridlines, selected, id, styles } = props;
  const gridline = (side: "right" | "bottom") => box.borders[side] ?? (showGridlines ? `1px solid ${box.fill ?? tokens.colorNeutralStroke2}` : undefined);
  const f = box.font;
  const decoration = [f.underline ? "underline" : "", f.strikethrough ? "line-through" : ""].filter(Boolean).join(" ");
  return (
    <div
      role="gridcell"
      id={id}
      aria-colindex={box.column + 1}
      aria-selected={selected}
      data-address={box.address}
      className={styles.cell}
      style={{
        left: box.left,
        top: box.top - offsetTop,
        width: box.width,
        height: box.height,
        background: box.fill,
        borderRight: gridline("right"),
        borderBottom: gridline("bottom"),
        borderTop: box.borders.top,
        borderLeft: box.borders.left,
        zIndex: box.merged ? 1 : undefined,
      }}
    >
      {box.text !== "" && (
        <span
          className={mergeClasses(styles.text, box.wrap && styles.wrap)}
          style={{
            left: box.textOffset,
            width: box.textWidth,
            justifyContent: JUSTIFY[box.align],
            textAlign: box.align,
            alignItems: ALIGN[box.vertical],
            paddingLeft: CELL_PADDING + box.indent,
            fontFamily: f.family,
            fontSize: `${f.size}pt`,
            fontWeight: f.bold ? 700 : 400,
            fontStyle: f.italic ? "italic" : "normal",
            color: f.color,
            textDecoration: decoration || undefined,
          }}
        >
          {box.text}
        </span>
      )}
    </div>
  );
}

/** The cells of a pane grouped into ARIA rows. */
function Cells(props: { boxes: readonly CellBox[]; offsetTop: number; state: SheetGridState; idPrefix: string; styles: Styles }): React.JSX.Element {
  const { boxes, offsetTop, state, idPrefix, styles } = props;
  const rect = selectionRect(state.selection);
  const rows = new Map<number, CellBox[]>();
  for (const b of boxes) {
    const list = rows.get(b.row);
    if (list === undefined) rows.set(b.row, [b]);
    else list.push(b);
  }
  return (
    <>
      {[...rows.entries()].map(([row, list]) => (
        <div role="row" aria-rowindex={row + 1} className={styles.row} key={row}>
          {list.map((b) => (
            <CellView
              key={`${b.row}:${b.column}`}
              box={b}
              offsetTop={offsetTop}
              showGridlines={state.sheet.showGridlines}
              selected={b.row >= rect.row && b.row < rect.row + rect.rowCount && b.column >= rect.column && b.column < rect.column + rect.columnCount}
              id={`${idPrefix}-${b.address}`}
              styles={styles}
            />
          ))}
        </div>
      ))}
    </>
  );
}

/** The selection's shading and border within one pane (rows [firstRow, endRow)). */
function SelectionOverlay(props: { state: SheetGridState; layout: SheetLayout; firstRow: number; endRow: number; offsetTop: number; styles: Styles }): React.JSX.Element | null {
  const { state, layout, firstRow, endRow, offsetTop, styles } = props;
  const rect = selectionRect(state.selection);
  const top = Math.max(rect.row, firstRow);
  const bottom = Math.min(rect.row + rect.rowCount, endRow, layout.rows.count);
  const left = rect.column;
  const right = Math.min(rect.column + rect.columnCount, layout.columns.count);
  if (bottom <= top || right <= left) return null;
  const x = layout.columns.start(left);
  const y = layout.rows.start(top) - offsetTop;
  const w = layout.columns.start(right) - x;
  const h = layout.rows.start(bottom) - layout.rows.start(top);
  const active = activeCell(state.selection);
  const single = rect.rowCount === 1 && rect.columnCount === 1;
  // The active cell stays unshaded: cut it out of the shading (even-odd fill).
  let clip: string | undefined;
  if (!single && active.row >= top && active.row < bottom) {
    const ax = layout.columns.start(active.column) - x;
    const ay = layout.rows.start(active.row) - offsetTop - y;
    const aw = layout.columns.size(active.column);
    const ah = layout.rows.size(active.row);
    clip = `polygon(evenodd, 0 0, ${w}px 0, ${w}px ${h}px, 0 ${h}px, 0 0, ${ax}px ${ay}px, ${ax + aw}px ${ay}px, ${ax + aw}px ${ay + ah}px, ${ax}px ${ay + ah}px, ${ax}px ${ay}px)`;
  }
  return (
    <>
      {!single && <div className={styles.selection} style={{ left: x, top: y, width: w, height: h, border: "none", clipPath: clip }} />}
      <div className={styles.selectionBorder} data-selection="" style={{ left: x - 1, top: y - 1, width: w + 2, height: h + 2 }} />
    </>
  );
}

function Charts(props: { charts: readonly PlacedChart[]; labels: ChartLabels; styles: Styles }): React.JSX.Element {
  const { charts, labels, styles } = props;
  return (
    <>
      {charts.map(({ chart, left, top, width, height, data }) => (
        <div key={chart.id} className={styles.charts} style={{ left, top, width, height }} onPointerDown={(e) => e.stopPropagation()}>
          <ChartView
            data={data}
            width={Math.round(width)}
            height={Math.round(height)}
            label={data.title !== null ? labels.chart(data.title) : labels.untitled(chart.name)}
            notDrawnText={labels.notDrawn(chart.chartType)}
            name={chart.name}
          />
        </div>
      ))}
    </>
  );
}

export function renderSheetGrid(state: SheetGridState, styles: Styles, labels: ChartLabels, idPrefix: string): React.JSX.Element {
  const { layout, window, scroll, selection } = state;
  const rect = selectionRect(selection);
  const columnSelected = (c: number) => c >= rect.column && c < rect.column + rect.columnCount;
  const rowSelected = (r: number) => r >= rect.row && r < rect.row + rect.rowCount;
  const columns: number[] = [];
  for (let c = window.left; c < window.right; c++) columns.push(c);
  const bodyRows: number[] = [];
  for (let r = window.top; r < window.bottom; r++) bodyRows.push(r);
  const frozenRows: number[] = [];
  for (let r = 0; r < layout.frozenRows; r++) frozenRows.push(r);
  const active = activeCell(selection);
  const rowHeader = (r: number, offsetTop: number) => (
    <div
      key={r}
      role="rowheader"
      className={mergeClasses(styles.header, rowSelected(r) && styles.headerSelected)}
      style={{ left: 0, width: ROW_HEADER_WIDTH - 1, top: layout.rows.start(r) - offsetTop, height: layout.rows.size(r) }}
      onPointerDown={(e) => state.onRowHeaderPointerDown(e, r)}
    >
      {r + 1}
    </div>
  );
  return (
    <div
      ref={state.rootRef}
      role="grid"
      aria-label={state.label}
      aria-rowcount={layout.rows.count}
      aria-colcount={layout.columns.count}
      aria-multiselectable
      aria-activedescendant={`${idPrefix}-${cellAddress(active.row, active.column)}`}
      tabIndex={0}
      className={styles.root}
      onKeyDown={state.onKeyDown}
      data-sheet={state.sheet.name}
    >
      <div className={styles.corner} />
      <div className={styles.columnHeaders} role="row" aria-label={state.columnHeadersLabel}>
        <div style={{ position: "absolute", top: 0, left: -scroll.left, height: COLUMN_HEADER_HEIGHT, width: layout.columns.total }}>
          {columns.map((c) => (
            <div
              key={c}
              role="columnheader"
              className={mergeClasses(styles.header, columnSelected(c) && styles.headerSelected)}
              style={{ top: 0, height: COLUMN_HEADER_HEIGHT - 1, left: layout.columns.start(c), width: layout.columns.size(c) }}
              onPointerDown={(e) => state.onColumnHeaderPointerDown(e, c)}
            >
              {columnLetters(c)}
            </div>
          ))}
        </div>
      </div>
      {layout.frozenRows > 0 && (
        <>
          <div className={mergeClasses(styles.frozenRowHeaders, styles.frozenDivider)} style={{ height: layout.frozenHeight }} aria-label={state.rowHeadersLabel}>
            {frozenRows.map((r) => rowHeader(r, 0))}
          </div>
          <div ref={state.frozenRef} className={mergeClasses(styles.frozen, styles.frozenDivider)} style={{ height: layout.frozenHeight }} onPointerDown={state.onCellsPointerDown}>
            <div className={styles.content} style={{ position: "absolute", left: -scroll.left, top: 0, width: layout.columns.total, height: layout.frozenHeight }}>
              <Cells boxes={state.frozenBoxes} offsetTop={0} state={state} idPrefix={idPrefix} styles={styles} />
              <SelectionOverlay state={state} layout={layout} firstRow={0} endRow={layout.frozenRows} offsetTop={0} styles={styles} />
            </div>
          </div>
        </>
      )}
      <div className={styles.rowHeaders} aria-label={state.rowHeadersLabel}>
        <div style={{ position: "absolute", left: 0, top: -scroll.top, width: ROW_HEADER_WIDTH, height: layout.rows.total - layout.frozenHeight }}>
          {bodyRows.map((r) => rowHeader(r, layout.frozenHeight))}
        </div>
      </div>
      <div ref={state.bodyRef} className={styles.body} onScroll={state.onScroll} onPointerDown={state.onCellsPointerDown} data-grid-body="">
        <div className={styles.content} style={{ width: layout.columns.total, height: layout.rows.total - layout.frozenHeight }}>
          <Cells boxes={state.bodyBoxes} offsetTop={layout.frozenHeight} state={state} idPrefix={idPrefix} styles={styles} />
          <SelectionOverlay state={state} layout={layout} firstRow={layout.frozenRows} endRow={layout.rows.count} offsetTop={layout.frozenHeight} styles={styles} />
          <Charts charts={state.charts} labels={labels} styles={styles} />
        </div>
      </div>
    </div>
  );
}

export function SheetGrid(props: SheetGridProps & { readonly chartLabels: ChartLabels }): React.JSX.Element {
  const { chartLabels, ...gridProps } = props;
  const state = useSheetGrid(gridProps);
  const styles = useSheetGridStyles();
  const idPrefix = React.useId().replace(/:/g, "");
  return renderSheetGrid(state, styles, chartLabels, idPrefix);
}
