// Reading sources from WPS 表格: one Value2 per block, normalised to the grid the core takes,
// and the block's number formats with as few calls as the formats allow.

import { CellRect, intersectRects, parseAddress, qualifiedAddress, rectName } from "../core/a1";
import { ReadGridsResult, SourceGrid } from "../core/port";
import { problem } from "../core/problems";
import { EtApplication, EtRange, EtWorksheet, grid2D } from "./et";

function sheetNamed(app: EtApplication, name: string): EtWorksheet | undefined {
  const sheets = app.ActiveWorkbook.Worksheets;
  const lower = name.toLowerCase();
  // Item(name) throws for a missing sheet in VBA-like models; walking the 1-based indices instead
  // costs one call a sheet and never throws.
  for (let i = 1; i <= sheets.Count; i++) {
    const sheet = sheets.Item(i);
    if (sheet.Name.toLowerCase() === lower) return sheet;
  }
  return undefined;
}

/** The sheet's used cells as a 0-based rectangle (an empty sheet: A1, wps-addin.md §2.3 table, "used range"). */
function usedRect(sheet: EtWorksheet): CellRect {
  const used = sheet.UsedRange;
  return { row: used.Row - 1, column: used.Column - 1, rowCount: used.Rows.Count, columnCount: used.Columns.Count };
}

/**
 * Number formats of a block: one read when the block shares a format; a mixed block reads null
 * (as VBA's Range.NumberFormat does), so its columns are read, and a mixed column cell by cell.
 */
function numberFormatsOf(range: EtRange, rows: number, columns: number): string[][] {
  const whole = range.NumberFormat;
  if (typeof whole === "string") return Array.from({ length: rows }, () => new Array<string>(columns).fill(whole));
  const out: string[][] = Array.from({ length: rows }, () => new Array<string>(columns).fill("General"));
  const top = range.Resize(1, 1);
  for (let c = 0; c < columns; c++) {
    const column = rangeAt(top, 0, c).Resize(rows, 1);
    const format = column.NumberFormat;
    for (let r = 0; r < rows; r++) out[r][c] = typeof format === "string" ? format : (rangeAt(top, r, c).NumberFormat ?? "General");
  }
  return out;
}

/** The cell r rows down and c columns right of a one-cell range (ET's Offset needs the sheet's Cells). */
function rangeAt(topLeft: EtRange, r: number, c: number): EtRange {
  return topLeft.Worksheet.Cells.Item(topLeft.Row + r, topLeft.Column + c);
}

/** Reads each sheet-qualified A1 address as one block; whole columns or rows are cut to the used cells. */
export function readGrids(app: EtApplication, addresses: readonly string[]): ReadGridsResult {
  const grids: SourceGrid[] = [];
  for (const address of addresses) {
    const parsed = parseAddress(address);
    // Said as the Office.js layer says them (excel/read.ts), so the pane shows one message for both.
    if (parsed === undefined || parsed.sheet === undefined) return { ok: false, problems: [problem("source-address-invalid", "error", undefined, { address })] };
    const sheet = sheetNamed(app, parsed.sheet);
    if (sheet === undefined) return { ok: false, problems: [problem("source-missing", "error", undefined, { source: address, kind: "sheet" })] };
    const rect = parsed.wholeColumns || parsed.wholeRows ? intersectRects(parsed, usedRect(sheet)) : parsed;
    if (rect === undefined) {
      grids.push({ address: qualifiedAddress(sheet.Name, parsed), sheet: sheet.Name, row: parsed.row, column: parsed.column, values: [], numberFormats: [] });
      continue;
    }
    const range = sheet.Range(rectName(rect));
    const values = grid2D(range.Value2, rect.rowCount, rect.columnCount);
    grids.push({
      address: qualifiedAddress(sheet.Name, rect),
      sheet: sheet.Name,
      row: rect.row,
      column: rect.column,
      values,
      numberFormats: numberFormatsOf(range, rect.rowCount, rect.columnCount),
    });
  }
  return { ok: true, grids };
}
