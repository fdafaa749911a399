// .xlsx import and export for the in-memory workbook: read through ExcelJS, written by
// xlsx-writer.ts from the model (values, formulas with cached results, number formats, fonts,
// fills, alignment, borders, widths, heights, merges, frozen panes, tab colours, visibility,
// defined names) plus DrawingML charts added afterwards.

import ExcelJS from "exceljs";
import { addChartsToXlsx } from "./chart-xml";
import { HostError } from "./errors";
import { checkXlsx } from "./xlsx-guard";
import { fromFileFormula } from "./future-functions";
import { BORDER_XML, HORIZONTAL_XML, WriteOptions, writeXlsxParts } from "./xlsx-writer";
import { BorderModel, CellEdge, CellStyle, DEFAULT_STYLE, SheetVisibility, WorkbookModel } from "./model";
import { CellValue } from "./values";

export { pointsToChars } from "./xlsx-writer";
export type { WriteOptions } from "./xlsx-writer";

/** Excel's serial day number of a JavaScript date (1900 date system, UTC). */
export function dateToSerial(date: Date): number {
  return date.getTime() / 86400000 + 25569;
}

/**
 * Column width as .xlsx stores it (characters of Calibri 11 including padding: Excel's default
 * 8.43 is stored as 9.140625) → points (7 px per character; 64 px = 48 pt).
 */
export function charsToPoints(chars: number): number {
  const px = Math.trunc(((256 * chars + Math.trunc(128 / 7)) / 256) * 7);
  return px * 0.75;
}


const BORDER_FROM_EXCEL: Record<string, { style: string; weight: string }> = Object.fromEntries(
  // The writer's table read backwards, so a border style is named once (ECMA-376 ST_BorderStyle).
  Object.entries(BORDER_XML).map(([k, v]) => {
    const [style, weight] = k.split("|");
    return [v, { style, weight }];
  }),
);

const V_TO_EXCEL: Record<string, ExcelJS.Alignment["vertical"]> = { Top: "top", Center: "middle", Bottom: "bottom", Justify: "justify", Distributed: "distributed" };
const invert = <K extends string, V extends string | undefined>(map: Record<K, V>) => Object.fromEntries(Object.entries(map).map(([k, v]) => [v as string, k])) as Record<string, string>;
const H_FROM_EXCEL = invert(HORIZONTAL_XML);
const V_FROM_EXCEL = invert(V_TO_EXCEL);
const EDGE_TO_EXCEL: Record<"EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight", "top" | "bottom" | "left" | "right"> = {
  EdgeTop: "top",
  EdgeBottom: "bottom",
  EdgeLeft: "left",
  EdgeRight: "right",
};

function argbToHex(color: Partial<ExcelJS.Color> | undefined): string | undefined {
  const argb = color?.argb;
  if (!argb || !/^[0-9A-Fa-f]{6,8}$/.test(argb)) return undefined;
  return `#${argb.slice(-6).toUpperCase()}`;
}

// ---------------------------------------------------------------------------------------------
// Reading

/** A cell style as the model keeps it; a date whose format is General shows as yyyy-mm-dd. */
function styleFromExcel(excel: Partial<ExcelJS.Style>, isDate: boolean): CellStyle {
  const font = excel.font ?? {};
  const fill = excel.fill as ExcelJS.FillPattern | undefined;
  const alignment = excel.alignment ?? {};
  const borders: Partial<Record<CellEdge, BorderModel>> = {};
  for (const [edge, side] of Object.entries(EDGE_TO_EXCEL) as [CellEdge, "top" | "bottom" | "left" | "right"][]) {
    const b = excel.border?.[side];
    if (b?.style) {
      const mapped = BORDER_FROM_EXCEL[b.style] ?? { style: "Continuous", weight: "Thin" };
      borders[edge] = { ...mapped, color: argbToHex(b.color) ?? "#000000" };
    }
  }
  const fillColor = fill?.type === "pattern" && fill.pattern === "solid" ? argbToHex(fill.fgColor) : undefined;
  const numberFormat = excel.numFmt || "General";
  return {
    numberFormat: isDate && numberFormat === "General" ? "yyyy-mm-dd" : numberFormat,
    font: {
      name: font.name ?? DEFAULT_STYLE.font.name,
      size: font.size ?? DEFAULT_STYLE.font.size,
      bold: font.bold ?? false,
      italic: font.italic ?? false,
      color: argbToHex(font.color) ?? "#000000",
      underline: font.underline === true || font.underline === "single" ? "Single" : font.underline === "double" ? "Double" : "None",
      strikethrough: font.strike ?? false,
    },
    ...(fillColor ? { fill: fillColor } : {}),
    horizontalAlignment: (alignment.horizontal && H_FROM_EXCEL[alignment.horizontal]) || "General",
    verticalAlignment: (alignment.vertical && V_FROM_EXCEL[alignment.vertical]) || "Bottom",
    wrapText: alignment.wrapText ?? false,
    indentLevel: alignment.indent ?? 0,
    borders,
  };
}

/** A cell value as the model keeps it, and its formula if it has one. */
function valueFromExcel(cell: ExcelJS.Cell): { value: CellValue; formula?: string; isDate?: boolean } {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return { value: "" };
  if (typeof v === "number" || typeof v === "boolean") return { value: v };
  if (typeof v === "string") return { value: v };
  if (v instanceof Date) return { value: dateToSerial(v), isDate: true };
  const o = v as Record<string, unknown>;
  if ("formula" in o || "sharedFormula" in o) {
    const formula = fromFileFormula(`=${cell.formula ?? String(o.formula ?? "")}`);
    // ExcelJS leaves a zero result out of the cell's value object; cell.result still has it.
    const result = (o.result ?? (cell as { result?: unknown }).result) as unknown;
    let value: CellValue = "";
    if (typeof result === "number" || typeof result === "boolean" || typeof result === "string") value = result;
    else if (result instanceof Date) value = dateToSerial(result);
    else if (result && typeof result === "object" && "error" in result) value = String((result as { error: string }).error);
    return { value, formula };
  }
  if (Array.isArray(o.richText)) return { value: (o.richText as { text: string }[]).map((t) => t.text).join("") };
  if ("error" in o) return { value: String(o.error) };
  if ("text" in o) {
    const text = o.text as unknown;
    if (typeof text === "string") return { value: text };
    if (text && typeof text === "object" && Array.isArray((text as { richText?: unknown }).richText)) {
      return { value: ((text as { richText: { text: string }[] }).richText).map((t) => t.text).join("") };
    }
  }
  return { value: String(v) };
}

const NO_STYLE: Partial<ExcelJS.Style> = {};

function isEmpty(style: object): boolean {
  for (const _key in style) return false;
  return true;
}

/**
 * Reads .xlsx bytes into a workbook model. Charts, images and conditional formats are not read.
 * A truncated or corrupt file throws an error that names the file.
 */
export async function readXlsx(bytes: Uint8Array, fileName: string): Promise<WorkbookModel> {
  // Before ExcelJS inflates anything: a file whose parts would exhaust the memory is refused.
  const refusal = await checkXlsx(bytes, fileName);
  if (refusal !== undefined) throw new HostError("InvalidArgument", refusal.reason);
  const ejs = new ExcelJS.Workbook();
  try {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    await ejs.xlsx.load(buffer);
  } catch (e) {
    throw new HostError("InvalidArgument", `Cannot read ${fileName} as an .xlsx workbook (the file is damaged, truncated or not an .xlsx file): ${e instanceof Error ? e.message : String(e)}`);
  }
  // Excel never saves a workbook without a sheet: a zip that reads as none lacks its workbook part.
  if (ejs.worksheets.length === 0) {
    throw new HostError("InvalidArgument", `Cannot read ${fileName} as an .xlsx workbook (the file is damaged or not an .xlsx file): it holds no worksheet.`);
  }
  const wb = new WorkbookModel(fileName.split(/[\\/]/).pop() ?? fileName);
  // ExcelJS gives every cell of one stored style the same style object (and each unstyled cell
  // an empty one), so a style is converted and interned once, not once per cell.
  const styleIds = new Map<object, number>();
  const dateStyleIds = new Map<object, number>();
  const styleIdOf = (cell: ExcelJS.Cell, isDate: boolean): number => {
    const excel = isEmpty(cell.style) ? NO_STYLE : cell.style;
    const ids = isDate ? dateStyleIds : styleIds;
    let id = ids.get(excel);
    if (id === undefined) ids.set(excel, (id = wb.styles.intern(styleFromExcel(excel, isDate))));
    return id;
  };
  for (const ws of ejs.worksheets) {
    const sheet = wb.addSheet(ws.name);
    const state = ws.state as string;
    sheet.visibility = (state === "hidden" ? "Hidden" : state === "veryHidden" ? "VeryHidden" : "Visible") as SheetVisibility;
    const tab = argbToHex((ws.properties as { tabColor?: Partial<ExcelJS.Color> }).tabColor);
    if (tab) sheet.tabColor = tab;
    const view = ws.views?.[0] as { state?: string; xSplit?: number; ySplit?: number } | undefined;
    if (view?.state === "frozen") sheet.freeze = { rows: view.ySplit ?? 0, columns: view.xSplit ?? 0 };
    for (let c = 1; c <= ws.columnCount; c++) {
      const width = ws.getColumn(c).width;
      if (width !== undefined && width !== null) sheet.columnWidths.set(c - 1, charsToPoints(width));
    }
    ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      if (row.height !== undefined && row.height !== null && (row as unknown as { customHeight?: boolean }).customHeight !== false) {
        if (row.height !== 15) sheet.rowHeights.set(rowNumber - 1, row.height);
      }
      if (row.hidden) sheet.hiddenRows.add(rowNumber - 1);
      row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
        const r = rowNumber - 1;
        const c = colNumber - 1;
        if (cell.isMerged && cell.master !== cell) return;
        const { value, formula, isDate } = valueFromExcel(cell);
        const id = styleIdOf(cell, isDate === true);
        if (formula) sheet.setFormula(r, c, formula, value);
        else if (value !== "") sheet.setValue(r, c, value);
        if (id !== 0) sheet.setStyleId(r, c, id);
      });
    });
    // ExcelJS keeps merges in _merges (1-based bounds by master cell); its public `model` would
    // first serialise every row and cell of the sheet just to list them.
    const merges = (ws as unknown as { _merges: Record<string, { top: number; left: number; bottom: number; right: number }> })._merges;
    for (const m of Object.values(merges)) {
      sheet.merges.push({ row: m.top - 1, column: m.left - 1, rowCount: m.bottom - m.top + 1, columnCount: m.right - m.left + 1 });
    }
  }
  const defined = (ejs.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model ?? [];
  for (const d of defined) {
    if (d.name.startsWith("_xlnm.") || d.ranges.length !== 1) continue;
    wb.names.push({ name: d.name, formula: `=${d.ranges[0]}`, comment: "", visible: true });
  }
  wb.noteFormulaChange();
  if (wb.sheets.length > 0) wb.activeSheetId = (wb.sheets.find((s) => s.visibility === "Visible") ?? wb.sheets[0]).id;
  return wb;
}

// ---------------------------------------------------------------------------------------------
// Writing

/**
 * Writes the workbook model as .xlsx bytes (with DrawingML charts when it has charts). The parts
 * are generated from the model directly (xlsx-writer.ts), not through a second copy of the
 * workbook in ExcelJS.
 */
export async function writeXlsx(wb: WorkbookModel, options: WriteOptions = {}): Promise<Uint8Array> {
  return addChartsToXlsx(await writeXlsxParts(wb, options), wb);
}
