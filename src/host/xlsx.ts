// .xlsx import and export for the in-memory workbook, through ExcelJS (values, formulas with
// cached results, number formats, fonts, fills, alignment, borders, widths, heights, merges,
// frozen panes, tab colours, visibility, defined names) plus DrawingML charts added afterwards.

import ExcelJS from "exceljs";
import { absoluteAddress, columnLetters, rectAddress } from "./address";
import { addChartsToXlsx } from "./chart-xml";
import { cellValue } from "./formula";
import { HostError } from "./errors";
import { checkXlsx } from "./xlsx-guard";
import { BorderModel, CellEdge, CellStyle, DEFAULT_STYLE, SheetModel, SheetVisibility, WorkbookModel } from "./model";
import { CellValue, isErrorValue } from "./values";

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

/** Points → .xlsx column width in characters (inverse of charsToPoints). */
export function pointsToChars(points: number): number {
  const px = points / 0.75;
  return Math.max(0, Math.round((px / 7) * 256) / 256);
}

const BORDER_TO_EXCEL: Record<string, ExcelJS.BorderStyle> = {
  "Continuous|Hairline": "hair",
  "Continuous|Thin": "thin",
  "Continuous|Medium": "medium",
  "Continuous|Thick": "thick",
  "Dash|Thin": "dashed",
  "Dash|Medium": "mediumDashed",
  "Dot|Thin": "dotted",
  "Double|Thin": "double",
  "DashDot|Thin": "dashDot",
  "DashDot|Medium": "mediumDashDot",
  "DashDotDot|Thin": "dashDotDot",
  "DashDotDot|Medium": "mediumDashDotDot",
  "SlantDashDot|Medium": "slantDashDot",
};

const BORDER_FROM_EXCEL: Record<string, { style: string; weight: string }> = Object.fromEntries(
  Object.entries(BORDER_TO_EXCEL).map(([k, v]) => {
    const [style, weight] = k.split("|");
    return [v, { style, weight }];
  }),
);

const H_TO_EXCEL: Record<string, ExcelJS.Alignment["horizontal"]> = {
  Left: "left",
  Center: "center",
  Right: "right",
  Fill: "fill",
  Justify: "justify",
  CenterAcrossSelection: "centerContinuous",
  Distributed: "distributed",
};
const V_TO_EXCEL: Record<string, ExcelJS.Alignment["vertical"]> = { Top: "top", Center: "middle", Bottom: "bottom", Justify: "justify", Distributed: "distributed" };
const invert = <K extends string, V extends string | undefined>(map: Record<K, V>) => Object.fromEntries(Object.entries(map).map(([k, v]) => [v as string, k])) as Record<string, string>;
const H_FROM_EXCEL = invert(H_TO_EXCEL);
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

function hexToArgb(hex: string): string {
  return `FF${hex.replace("#", "").toUpperCase()}`;
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
    const formula = `=${cell.formula ?? String(o.formula ?? "")}`;
    const result = o.result as unknown;
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

function excelStyle(style: CellStyle): Partial<ExcelJS.Style> {
  const out: Partial<ExcelJS.Style> = {};
  if (style.numberFormat !== "General") out.numFmt = style.numberFormat;
  const f = style.font;
  out.font = {
    name: f.name,
    size: f.size,
    ...(f.bold ? { bold: true } : {}),
    ...(f.italic ? { italic: true } : {}),
    ...(f.strikethrough ? { strike: true } : {}),
    ...(f.underline === "Single" ? { underline: true } : f.underline === "Double" ? { underline: "double" as const } : {}),
    ...(f.color !== "#000000" ? { color: { argb: hexToArgb(f.color) } } : {}),
  };
  if (style.fill) out.fill = { type: "pattern", pattern: "solid", fgColor: { argb: hexToArgb(style.fill) } };
  const alignment: Partial<ExcelJS.Alignment> = {};
  if (H_TO_EXCEL[style.horizontalAlignment]) alignment.horizontal = H_TO_EXCEL[style.horizontalAlignment];
  if (style.verticalAlignment !== "Bottom" && V_TO_EXCEL[style.verticalAlignment]) alignment.vertical = V_TO_EXCEL[style.verticalAlignment];
  if (style.wrapText) alignment.wrapText = true;
  if (style.indentLevel) alignment.indent = style.indentLevel;
  if (Object.keys(alignment).length > 0) out.alignment = alignment;
  const border: Partial<ExcelJS.Borders> = {};
  for (const [edge, side] of Object.entries(EDGE_TO_EXCEL) as [CellEdge, "top" | "bottom" | "left" | "right"][]) {
    const b = style.borders[edge];
    if (b && b.style !== "None") {
      border[side] = { style: BORDER_TO_EXCEL[`${b.style}|${b.weight}`] ?? BORDER_TO_EXCEL[`${b.style}|Thin`] ?? "thin", color: { argb: hexToArgb(b.color) } };
    }
  }
  if (Object.keys(border).length > 0) out.border = border;
  return out;
}

function excelValue(value: CellValue, formula: string | undefined): ExcelJS.CellValue {
  if (formula) {
    const result = isErrorValue(value) ? { error: value as ExcelJS.CellErrorValue["error"] } : value === "" ? undefined : value;
    return { formula: formula.replace(/^=/, ""), result } as ExcelJS.CellFormulaValue;
  }
  if (isErrorValue(value)) return { error: value as ExcelJS.CellErrorValue["error"] };
  return value;
}

/** The sheet's page layout as ExcelJS writes it (fit-to-pages, else a scale). */
function pageSetup(sheet: SheetModel): Partial<ExcelJS.PageSetup> {
  const layout = sheet.pageLayout;
  const fit = layout.horizontalFitToPages > 0 || layout.verticalFitToPages > 0;
  return {
    orientation: layout.orientation === "Landscape" ? "landscape" : "portrait",
    ...(fit ? { fitToPage: true, fitToWidth: layout.horizontalFitToPages, fitToHeight: layout.verticalFitToPages } : { scale: layout.scale }),
  };
}

function writeSheet(ejs: ExcelJS.Workbook, sheet: SheetModel): void {
  const wb = sheet.workbook;
  const state = sheet.visibility === "Hidden" ? "hidden" : sheet.visibility === "VeryHidden" ? "veryHidden" : "visible";
  const ws = ejs.addWorksheet(sheet.name, {
    state,
    ...(sheet.tabColor ? { properties: { tabColor: { argb: hexToArgb(sheet.tabColor) } } } : {}),
    views: [
      sheet.freeze.rows > 0 || sheet.freeze.columns > 0
        ? { state: "frozen", xSplit: sheet.freeze.columns, ySplit: sheet.freeze.rows, topLeftCell: `${columnLetters(sheet.freeze.columns)}${sheet.freeze.rows + 1}`, showGridLines: sheet.showGridlines }
        : { showGridLines: sheet.showGridlines },
    ],
    pageSetup: pageSetup(sheet),
  } as Partial<ExcelJS.AddWorksheetOptions>);
  for (const [c, width] of sheet.columnWidths) ws.getColumn(c + 1).width = pointsToChars(width);
  for (const [c, id] of sheet.columnStyles) if (id !== 0) ws.getColumn(c + 1).style = excelStyle(wb.styles.get(id)) as ExcelJS.Style;
  for (const [r, id] of sheet.rowStyles) if (id !== 0) (ws.getRow(r + 1) as unknown as { style: Partial<ExcelJS.Style> }).style = excelStyle(wb.styles.get(id));
  for (const [r, height] of sheet.rowHeights) ws.getRow(r + 1).height = height;
  const cache = new Map<number, Partial<ExcelJS.Style>>();
  sheet.forEachCell((r, c) => {
    const cell = ws.getCell(r + 1, c + 1);
    const formula = sheet.formula(r, c);
    const value = formula ? cellValue(sheet, r, c) : sheet.value(r, c);
    if (formula || value !== "") cell.value = excelValue(value, formula);
    const id = sheet.styleId(r, c);
    if (id !== 0 || sheet.rowStyles.has(r) || sheet.columnStyles.has(c)) {
      let style = cache.get(id);
      if (!style) cache.set(id, (style = excelStyle(wb.styles.get(id))));
      cell.style = style as ExcelJS.Style;
    }
  });
  for (const m of sheet.merges) ws.mergeCells(rectAddress(m));
}

/** Writes the workbook model as .xlsx bytes (with DrawingML charts when it has charts). */
export async function writeXlsx(wb: WorkbookModel): Promise<Uint8Array> {
  const ejs = new ExcelJS.Workbook();
  ejs.creator = "StatDesk";
  for (const sheet of wb.sheets) writeSheet(ejs, sheet);
  for (const n of wb.names) {
    const target = n.sheetId ? undefined : wb.rangeOf(n.formula);
    if (target) ejs.definedNames.add(absoluteAddress(target.sheet.name, target.rect), n.name);
  }
  const active = wb.activeSheetId ? wb.sheets.findIndex((s) => s.id === wb.activeSheetId) : 0;
  ejs.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: Math.max(0, active), visibility: "visible" }];
  const written = await ejs.xlsx.writeBuffer();
  const bytes = new Uint8Array(written as ArrayBuffer);
  return addChartsToXlsx(bytes, wb);
}
