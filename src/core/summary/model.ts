// The summary sheet as plain data: one block of values and number formats, runs of styles,
// widths and charts. The Excel layer writes it in a handful of actions; tests and the
// workbench read it without Excel.

import { CellRect } from "../a1";

/** A cell's value as written: a number, text, or nothing. */
export type SheetValue = number | string | null;

/** Font, fill, alignment and border of a run of cells. Colours are #RRGGBB. */
export interface CellStyle {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly fontSize?: number;
  readonly fontColor?: string;
  readonly fill?: string;
  readonly horizontal?: "Left" | "Center" | "Right";
  readonly wrap?: boolean;
  /** A thin line under the cells. */
  readonly borderBottom?: string;
  /** A thin line over the cells. */
  readonly borderTop?: string;
}

export interface StyleRun {
  readonly rect: CellRect;
  readonly style: CellStyle;
}

export type ChartKind = "ColumnClustered" | "Line" | "LineMarkers";

export interface ChartModel {
  /** Stable name so a refresh replaces it: "StatDesk_tiers". */
  readonly name: string;
  readonly kind: ChartKind;
  /** The sheet cells the chart draws: category labels in the first column, one series per further column, names in the first row. */
  readonly source: CellRect;
  readonly title: string;
  readonly valueAxisTitle: string;
  readonly categoryAxisTitle: string;
  readonly dataLabels: boolean;
  /** Legend names of the series, in column order ("2024年", "2023年"), replacing the header texts. */
  readonly seriesNames: readonly string[];
  /** Number format of the data labels and value axis ("0", "0.0"). */
  readonly numberFormat: string;
  /**
   * A line on a secondary axis drawn from another column (the YoY beside the thresholds), where
   * Excel supports it (series axis groups are ExcelApi 1.8); without it the chart keeps its bars.
   */
  readonly secondaryLine?: { readonly name: string; readonly values: CellRect; readonly numberFormat: string };
  /** Top-left and bottom-right cells the chart covers. */
  readonly from: { readonly row: number; readonly column: number };
  readonly to: { readonly row: number; readonly column: number };
}

export interface SheetModel {
  readonly name: string;
  /** Rows of cells from A1; every row has `width` cells. */
  readonly values: readonly (readonly SheetValue[])[];
  /**
   * Same shape as values, for a live summary (#14): a cell's formula ("=SUM($C$80:$C$179)"), or
   * null where the value is a constant; absent for a values-only summary. `values` keeps
   * StatDesk's own result of every formula.
   */
  readonly formulas?: readonly (readonly (string | null)[])[];
  /** Rows to hide (the data block of a live summary, when the person chose so); absent: none. */
  readonly hiddenRows?: readonly { readonly row: number; readonly rowCount: number }[];
  /** Same shape as values: an Excel number format code per cell ("General", "#,##0.0", "@"…). */
  readonly numberFormats: readonly (readonly string[])[];
  readonly width: number;
  readonly styles: readonly StyleRun[];
  /** Column widths in points (Office.js columnWidth). */
  readonly columnWidths: readonly number[];
  /** Rows that need more than the standard height, in points. */
  readonly rowHeights: readonly { readonly row: number; readonly height: number }[];
  /** Rows to freeze at the top. */
  readonly freezeRows: number;
  readonly charts: readonly ChartModel[];
  readonly tabColor: string;
  /** Named places a person or a test may want: section name → the block's rectangle. */
  readonly sections: Readonly<Record<string, CellRect>>;
}
