// How Excel turns a chart's source range into series: which row/column holds names and
// categories, and whether series run down columns or across rows. Pure functions over the model.

import { Rect, absoluteAddress, qualifiedAddress } from "./address";
import { cellValue } from "./formula";
import { ChartModel, ChartSeriesModel, SheetModel, newAxis } from "./model";

/**
 * Series for a source range, following Excel's rules:
 * - the top-left cell blank → the first row holds series names and the first column categories;
 * - otherwise the first row is names when it holds no numbers (below a 1-row table it is data),
 *   and the first column is categories when its cells below the names hold no numbers;
 * - seriesBy "Auto": one series per column when there are at least as many rows as columns,
 *   else one per row.
 */
export function deriveSeries(sheet: SheetModel, rect: Rect, seriesBy: "Auto" | "Columns" | "Rows"): ChartSeriesModel[] {
  const at = (i: number, j: number) => cellValue(sheet, rect.row + i, rect.column + j);
  const topLeftBlank = at(0, 0) === "";
  let headerRow = false;
  let labelColumn = false;
  if (rect.rowCount > 1 || rect.columnCount > 1) {
    if (topLeftBlank && rect.rowCount > 1 && rect.columnCount > 1) {
      headerRow = true;
      labelColumn = true;
    } else {
      if (rect.rowCount > 1) {
        headerRow = true;
        for (let j = 0; j < rect.columnCount; j++) if (typeof at(0, j) === "number") headerRow = false;
        if (headerRow && Array.from({ length: rect.columnCount }, (_, j) => at(0, j)).every((v) => v === "")) headerRow = false;
      }
      if (rect.columnCount > 1) {
        labelColumn = true;
        for (let i = headerRow ? 1 : 0; i < rect.rowCount; i++) if (typeof at(i, 0) === "number") labelColumn = false;
      }
    }
  }
  const dataRows = rect.rowCount - (headerRow ? 1 : 0);
  const dataColumns = rect.columnCount - (labelColumn ? 1 : 0);
  if (dataRows < 1 || dataColumns < 1) return [];
  const byColumns = seriesBy === "Columns" || (seriesBy === "Auto" && rect.rowCount >= rect.columnCount);
  const firstDataRow = rect.row + (headerRow ? 1 : 0);
  const firstDataColumn = rect.column + (labelColumn ? 1 : 0);
  const series: ChartSeriesModel[] = [];
  const count = byColumns ? dataColumns : dataRows;
  for (let k = 0; k < count; k++) {
    let values: Rect;
    let categories: Rect | undefined;
    let nameCell: { row: number; column: number } | undefined;
    if (byColumns) {
      values = { row: firstDataRow, column: firstDataColumn + k, rowCount: dataRows, columnCount: 1 };
      if (labelColumn) categories = { row: firstDataRow, column: rect.column, rowCount: dataRows, columnCount: 1 };
      if (headerRow) nameCell = { row: rect.row, column: firstDataColumn + k };
    } else {
      values = { row: firstDataRow + k, column: firstDataColumn, rowCount: 1, columnCount: dataColumns };
      if (headerRow) categories = { row: rect.row, column: firstDataColumn, rowCount: 1, columnCount: dataColumns };
      if (labelColumn) nameCell = { row: firstDataRow + k, column: rect.column };
    }
    const name = nameCell ? String(cellValue(sheet, nameCell.row, nameCell.column)) : `Series${k + 1}`;
    series.push({
      name,
      ...(nameCell ? { nameAddress: absoluteAddress(sheet.name, { ...nameCell, rowCount: 1, columnCount: 1 }) } : {}),
      valuesAddress: absoluteAddress(sheet.name, values),
      ...(categories ? { categoriesAddress: absoluteAddress(sheet.name, categories) } : {}),
      axisGroup: "Primary",
      hasDataLabels: false,
    });
  }
  return series;
}

/** A new chart model as Excel creates it (480 x 288 points, legend on the right, no title text). */
export function newChart(id: string, name: string, chartType: string, seriesBy: "Auto" | "Columns" | "Rows"): ChartModel {
  return {
    id,
    name,
    chartType,
    seriesBy,
    title: { text: "", visible: false },
    legend: { visible: true, position: "Right" },
    dataLabels: { showValue: false },
    axes: { value: newAxis(), category: newAxis() },
    top: 0,
    left: 0,
    width: 480,
    height: 288,
    series: [],
  };
}

/** The sheet-qualified source address for the model ("Data!A1:C6"). */
export function sourceAddress(sheet: SheetModel, rect: Rect): string {
  return qualifiedAddress(sheet.name, rect);
}
