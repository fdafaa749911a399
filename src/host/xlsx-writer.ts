// The .xlsx writer: SpreadsheetML generated straight from the workbook model, one part at a time,
// then zipped. ExcelJS used to do this, but it first copies every cell of the workbook into its
// own objects (a second, larger copy of the inputs: at 200,000 rows the command line's --out
// peaked at 1.27 GB against 645 MB for --json). Here each sheet becomes one string of XML built
// row by row from the model's cells; nothing per cell outlives its sheet's string. Charts are
// added afterwards as before (chart-xml.ts).
//
// What is written is what the ExcelJS writer wrote: values (shared strings), formulas with their
// cached results, errors, number formats (built-in ids where Excel has one), fonts, solid fills,
// alignment, borders, column widths and styles, row heights and styles, merges, frozen panes,
// gridlines, tab colours, visibility, print orientation and fit-to-pages or scale, defined names
// (workbook-scoped, pointing at a range) and the active sheet. Given the same `now`, the bytes are
// the same every time.

import JSZip from "jszip";
import { absoluteAddress, columnLetters, rectAddress } from "./address";
import { cellValue } from "./formula";
import { toFileFormula } from "./future-functions";
import { CellStyle, FontModel, SheetModel, WorkbookModel } from "./model";
import { CellValue, isErrorValue } from "./values";
import { THEME_XML } from "./xlsx-theme";

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CT = "application/vnd.openxmlformats-officedocument";
const XML_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;

/** Excel's built-in number formats (ECMA-376 Part 1, 18.8.30), by format code, as ExcelJS maps them. */
const BUILTIN_NUMBER_FORMATS: Readonly<Record<string, number>> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "0.00E+00": 11,
  "# ?/?": 12,
  "# ??/??": 13,
  "mm-dd-yy": 14,
  "d-mmm-yy": 15,
  "d-mmm": 16,
  "mmm-yy": 17,
  "h:mm AM/PM": 18,
  "h:mm:ss AM/PM": 19,
  "h:mm": 20,
  "h:mm:ss": 21,
  'm/d/yy "h":mm': 22,
  "#,##0 ;(#,##0)": 37,
  "#,##0 ;[Red](#,##0)": 38,
  "#,##0.00 ;(#,##0.00)": 39,
  "#,##0.00 ;[Red](#,##0.00)": 40,
  "mm:ss": 45,
  "[h]:mm:ss": 46,
  "mmss.0": 47,
  "##0.0E+0": 48,
  "@": 49,
};

/** Excel.BorderLineStyle|BorderWeight → ST_BorderStyle. */
export const BORDER_XML: Readonly<Record<string, string>> = {
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
/** Excel.HorizontalAlignment → ST_HorizontalAlignment (the reader reads it backwards). */
export const HORIZONTAL_XML: Readonly<Record<string, string>> = {
  Left: "left",
  Center: "center",
  Right: "right",
  Fill: "fill",
  Justify: "justify",
  CenterAcrossSelection: "centerContinuous",
  Distributed: "distributed",
};
const VERTICAL_XML: Readonly<Record<string, string>> = { Top: "top", Center: "center", Justify: "justify", Distributed: "distributed" };
const EDGES = [
  ["left", "EdgeLeft"],
  ["right", "EdgeRight"],
  ["top", "EdgeTop"],
  ["bottom", "EdgeBottom"],
] as const;

/** Text for XML content and attribute values: & < > " escaped; control characters XML cannot hold dropped (as ExcelJS did). */
export function escapeXml(text: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text)) return text;
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "")
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
  );
}

const argb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;

/**
 * styles.xml, built as the sheets are written: each model style id used gets one cell format
 * (xf), its number format, font, fill and border shared with equal ones.
 */
class Styles {
  private readonly numberFormats = new Map<string, number>();
  private readonly fonts = new Map<string, number>();
  private readonly fills = new Map<string, number>();
  private readonly borders = new Map<string, number>();
  private readonly xfs: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly xfIds = new Map<string, number>();
  /** Model style id → xf index; the model's default style (0) is xf 0. */
  private readonly byModelId = new Map<number, number>([[0, 0]]);

  constructor(private readonly workbook: WorkbookModel) {
    // Index 0 of each list is Excel's default; fills 0 and 1 are reserved (none, gray125).
    this.fonts.set('<font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>', 0);
    this.fills.set('<fill><patternFill patternType="none"/></fill>', 0);
    this.fills.set('<fill><patternFill patternType="gray125"/></fill>', 1);
    this.borders.set("<border><left/><right/><top/><bottom/><diagonal/></border>", 0);
  }

  /** The xf index of a model style id. */
  xf(id: number): number {
    let xf = this.byModelId.get(id);
    if (xf === undefined) this.byModelId.set(id, (xf = this.xfOf(this.workbook.styles.get(id))));
    return xf;
  }

  private xfOf(style: CellStyle): number {
    const numFmtId = this.numberFormatId(style.numberFormat);
    const fontId = indexIn(this.fonts, fontXml(style.font));
    const fillId = style.fill ? indexIn(this.fills, `<fill><patternFill patternType="solid"><fgColor rgb="${argb(style.fill)}"/></patternFill></fill>`) : 0;
    let border = "";
    for (const [side, edge] of EDGES) {
      const b = style.borders[edge];
      if (b && b.style !== "None") {
        const kind = BORDER_XML[`${b.style}|${b.weight}`] ?? BORDER_XML[`${b.style}|Thin`] ?? "thin";
        border += `<${side} style="${kind}"><color rgb="${argb(b.color)}"/></${side}>`;
      } else {
        border += `<${side}/>`;
      }
    }
    const borderId = indexIn(this.borders, `<border>${border}<diagonal/></border>`);
    const horizontal = HORIZONTAL_XML[style.horizontalAlignment];
    const vertical = VERTICAL_XML[style.verticalAlignment];
    const alignment =
      (horizontal ? ` horizontal="${horizontal}"` : "") + (vertical ? ` vertical="${vertical}"` : "") + (style.wrapText ? ` wrapText="1"` : "") + (style.indentLevel ? ` indent="${style.indentLevel}"` : "");
    const xml =
      `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"` +
      (numFmtId !== 0 ? ` applyNumberFormat="1"` : "") +
      ` applyFont="1"` +
      (fillId !== 0 ? ` applyFill="1"` : "") +
      (borderId !== 0 ? ` applyBorder="1"` : "") +
      (alignment !== "" ? ` applyAlignment="1"><alignment${alignment}/></xf>` : "/>");
    let xf = this.xfIds.get(xml);
    if (xf === undefined) {
      xf = this.xfs.length;
      this.xfs.push(xml);
      this.xfIds.set(xml, xf);
    }
    return xf;
  }

  private numberFormatId(code: string): number {
    const builtin = BUILTIN_NUMBER_FORMATS[code];
    if (builtin !== undefined) return builtin;
    let id = this.numberFormats.get(code);
    if (id === undefined) this.numberFormats.set(code, (id = 164 + this.numberFormats.size));
    return id;
  }

  xml(): string {
    const list = (tag: string, items: Iterable<string>, count: number) => `<${tag} count="${count}">${[...items].join("")}</${tag}>`;
    const numFmts = [...this.numberFormats].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    return (
      XML_HEAD +
      `<styleSheet xmlns="${NS_MAIN}">` +
      (numFmts.length > 0 ? list("numFmts", numFmts, numFmts.length) : "") +
      list("fonts", this.fonts.keys(), this.fonts.size) +
      list("fills", this.fills.keys(), this.fills.size) +
      list("borders", this.borders.keys(), this.borders.size) +
      `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
      list("cellXfs", this.xfs, this.xfs.length) +
      `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0"/>` +
      `</styleSheet>`
    );
  }
}

/** The index of `key` in an insertion-ordered map, added at the end when new. */
function indexIn(map: Map<string, number>, key: string): number {
  let index = map.get(key);
  if (index === undefined) map.set(key, (index = map.size));
  return index;
}

function fontXml(f: FontModel): string {
  return (
    "<font>" +
    (f.bold ? "<b/>" : "") +
    (f.italic ? "<i/>" : "") +
    (f.strikethrough ? "<strike/>" : "") +
    (f.underline === "Single" ? "<u/>" : f.underline === "Double" ? `<u val="double"/>` : "") +
    `<sz val="${f.size}"/>` +
    (f.color !== "#000000" ? `<color rgb="${argb(f.color)}"/>` : "") +
    `<name val="${escapeXml(f.name)}"/></font>`
  );
}

/** The shared string table: each distinct text once, in first-use order. */
class SharedStrings {
  private readonly index = new Map<string, number>();
  uses = 0;

  of(text: string): number {
    this.uses++;
    let i = this.index.get(text);
    if (i === undefined) this.index.set(text, (i = this.index.size));
    return i;
  }

  xml(): string {
    const parts: string[] = [`${XML_HEAD}<sst xmlns="${NS_MAIN}" count="${this.uses}" uniqueCount="${this.index.size}">`];
    for (const text of this.index.keys()) parts.push(`<si>${textElement(text)}</si>`);
    parts.push("</sst>");
    return parts.join("");
  }
}

/** <t> with xml:space="preserve" when leading or trailing white space or a line break would otherwise be lost. */
function textElement(text: string): string {
  return /^\s|\s$|\n/.test(text) ? `<t xml:space="preserve">${escapeXml(text)}</t>` : `<t>${escapeXml(text)}</t>`;
}

/** Column letters by zero-based index, computed once per column. */
class ColumnNames {
  private readonly names: string[] = [];
  of(column: number): string {
    return (this.names[column] ??= columnLetters(column));
  }
}

/** One <c> element: value or formula with its cached result, and style. */
function cellXml(ref: string, xf: number, value: CellValue, formula: string | undefined, strings: SharedStrings): string {
  const s = xf !== 0 ? ` s="${xf}"` : "";
  const f = formula !== undefined ? `<f>${escapeXml(toFileFormula(formula).replace(/^=/, ""))}</f>` : "";
  if (value === "") return f === "" ? `<c r="${ref}"${s}/>` : `<c r="${ref}"${s}>${f}</c>`;
  if (typeof value === "number") {
    if (Number.isFinite(value)) return `<c r="${ref}"${s}>${f}<v>${value}</v></c>`;
    return `<c r="${ref}"${s} t="e">${f}<v>#NUM!</v></c>`;
  }
  if (typeof value === "boolean") return `<c r="${ref}"${s} t="b">${f}<v>${value ? 1 : 0}</v></c>`;
  if (isErrorValue(value)) return `<c r="${ref}"${s} t="e">${f}<v>${escapeXml(value)}</v></c>`;
  // A formula's text result is kept in the cell (t="str"); a constant text goes to the shared strings.
  if (formula !== undefined) return `<c r="${ref}"${s} t="str">${f}<v>${escapeXml(value)}</v></c>`;
  return `<c r="${ref}"${s} t="s"><v>${strings.of(value)}</v></c>`;
}

/** The frozen pane of a sheet view (rows above and columns left of the top-left cell stay put). */
function paneXml(sheet: SheetModel, columns: ColumnNames): string {
  const { rows, columns: cols } = sheet.freeze;
  if (rows <= 0 && cols <= 0) return "";
  const active = rows > 0 && cols > 0 ? "bottomRight" : rows > 0 ? "bottomLeft" : "topRight";
  return (
    `<pane${cols > 0 ? ` xSplit="${cols}"` : ""}${rows > 0 ? ` ySplit="${rows}"` : ""} topLeftCell="${columns.of(cols)}${rows + 1}" activePane="${active}" state="frozen"/>` +
    `<selection pane="${active}"/>`
  );
}

/** xl/worksheets/sheetN.xml for one sheet. */
function sheetXml(sheet: SheetModel, styles: Styles, strings: SharedStrings, columns: ColumnNames, selected: boolean): string {
  const body: string[] = [];

  // Columns: width and style, each column on its own.
  const columnIndices = [...new Set([...sheet.columnWidths.keys(), ...sheet.columnStyles.keys()])].sort((a, b) => a - b);
  if (columnIndices.length > 0) {
    body.push("<cols>");
    for (const c of columnIndices) {
      const width = sheet.columnWidths.get(c);
      const style = sheet.columnStyles.get(c) ?? 0;
      const xf = style !== 0 ? styles.xf(style) : 0;
      body.push(`<col min="${c + 1}" max="${c + 1}"${width !== undefined ? ` width="${pointsToChars(width)}" customWidth="1"` : ""}${xf !== 0 ? ` style="${xf}"` : ""}/>`);
    }
    body.push("</cols>");
  }

  // Rows: those holding cells, and those with only a height or a style.
  body.push("<sheetData>");
  const bare = [...new Set([...sheet.rowHeights.keys(), ...sheet.rowStyles.keys(), ...sheet.hiddenRows])].sort((a, b) => a - b);
  let nextBare = 0;
  let openRow = -1;
  let minRow = Infinity;
  let maxRow = -1;
  let minColumn = Infinity;
  let maxColumn = -1;
  const rowOpen = (r: number, empty: boolean): string => {
    const height = sheet.rowHeights.get(r);
    const style = sheet.rowStyles.get(r) ?? 0;
    const xf = style !== 0 ? styles.xf(style) : 0;
    const hidden = sheet.hiddenRows.has(r) ? ` hidden="1"` : "";
    return `<row r="${r + 1}"${xf !== 0 ? ` s="${xf}" customFormat="1"` : ""}${height !== undefined ? ` ht="${height}" customHeight="1"` : ""}${hidden}${empty ? "/>" : ">"}`;
  };
  const flushBareBefore = (r: number) => {
    while (nextBare < bare.length && bare[nextBare] < r) body.push(rowOpen(bare[nextBare++], true));
    if (nextBare < bare.length && bare[nextBare] === r) nextBare++;
  };
  let row = "";
  sheet.forEachCell((r, c) => {
    if (r !== openRow) {
      if (openRow >= 0) body.push(row + "</row>");
      flushBareBefore(r);
      openRow = r;
      row = rowOpen(r, false);
      if (r < minRow) minRow = r;
      maxRow = r;
    }
    if (c < minColumn) minColumn = c;
    if (c > maxColumn) maxColumn = c;
    const formula = sheet.formula(r, c);
    const value = formula !== undefined ? cellValue(sheet, r, c) : sheet.value(r, c);
    const id = sheet.styleId(r, c);
    row += cellXml(`${columns.of(c)}${r + 1}`, id !== 0 ? styles.xf(id) : 0, value, formula, strings);
  });
  if (openRow >= 0) body.push(row + "</row>");
  flushBareBefore(Infinity);
  body.push("</sheetData>");

  if (sheet.merges.length > 0) body.push(`<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${rectAddress(m)}"/>`).join("")}</mergeCells>`);
  body.push(`<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`);
  const layout = sheet.pageLayout;
  const fit = layout.horizontalFitToPages > 0 || layout.verticalFitToPages > 0;
  const orientation = layout.orientation === "Landscape" ? "landscape" : "portrait";
  body.push(fit ? `<pageSetup orientation="${orientation}" fitToWidth="${layout.horizontalFitToPages}" fitToHeight="${layout.verticalFitToPages}"/>` : `<pageSetup orientation="${orientation}" scale="${layout.scale}"/>`);
  body.push("</worksheet>");

  const tab = sheet.tabColor ? `<tabColor rgb="${argb(sheet.tabColor)}"/>` : "";
  const properties = tab !== "" || fit ? `<sheetPr>${tab}${fit ? `<pageSetUpPr fitToPage="1"/>` : ""}</sheetPr>` : "";
  const dimension = maxRow >= 0 ? (minRow === maxRow && minColumn === maxColumn ? `${columns.of(minColumn)}${minRow + 1}` : `${columns.of(minColumn)}${minRow + 1}:${columns.of(maxColumn)}${maxRow + 1}`) : "A1";
  const view = `<sheetView${sheet.showGridlines ? "" : ` showGridLines="0"`}${selected ? ` tabSelected="1"` : ""} workbookViewId="0">${paneXml(sheet, columns)}</sheetView>`;
  const head = `${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}">${properties}<dimension ref="${dimension}"/><sheetViews>${view}</sheetViews><sheetFormatPr defaultRowHeight="15"/>`;
  return head + body.join("");
}

/** Points → .xlsx column width in characters (inverse of xlsx.ts charsToPoints: 7 px per character of Calibri 11; 64 px = 48 pt). */
export function pointsToChars(points: number): number {
  const px = points / 0.75;
  return Math.max(0, Math.round((px / 7) * 256) / 256);
}

function relationships(rels: readonly (readonly [string, string, string])[]): string {
  return `${XML_HEAD}<Relationships xmlns="${NS_PACKAGE_RELS}">${rels.map(([id, type, target]) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`).join("")}</Relationships>`;
}

/** W3CDTF without milliseconds, as Office writes it. */
const w3cdtf = (date: Date) => `${date.toISOString().slice(0, 19)}Z`;

export interface WriteOptions {
  /** The time written as the file's creation and modification (docProps/core.xml and the zip entries); now when absent. */
  readonly now?: Date;
}

/**
 * The workbook model as a zip of SpreadsheetML parts, without charts. Sheets are generated one
 * after another; the zip holds each sheet's text until it is compressed at the end.
 */
export async function writeXlsxParts(wb: WorkbookModel, options: WriteOptions = {}): Promise<Uint8Array> {
  const now = options.now ?? new Date();
  const zip = new JSZip();
  const add = (name: string, text: string) => zip.file(name, text, { date: now, createFolders: false });
  const styles = new Styles(wb);
  const strings = new SharedStrings();
  const columns = new ColumnNames();
  const activeIndex = Math.max(0, wb.activeSheetId ? wb.sheets.findIndex((s) => s.id === wb.activeSheetId) : 0);
  const sheets = wb.sheets;

  // [Content_Types].xml first, as Office writes it (some tools sniff the first entry).
  const types = [
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>`,
    `<Override PartName="/xl/workbook.xml" ContentType="${CT}.spreadsheetml.sheet.main+xml"/>`,
    ...sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CT}.spreadsheetml.worksheet+xml"/>`),
    `<Override PartName="/xl/theme/theme1.xml" ContentType="${CT}.theme+xml"/>`,
    `<Override PartName="/xl/styles.xml" ContentType="${CT}.spreadsheetml.styles+xml"/>`,
    `<Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.spreadsheetml.sharedStrings+xml"/>`,
    `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>`,
    `<Override PartName="/docProps/app.xml" ContentType="${CT}.extended-properties+xml"/>`,
  ];
  add("[Content_Types].xml", `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">${types.join("")}</Types>`);
  add(
    "_rels/.rels",
    relationships([
      ["rId1", `${REL}/officeDocument`, "xl/workbook.xml"],
      ["rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"],
      ["rId3", `${REL}/extended-properties`, "docProps/app.xml"],
    ]),
  );

  const names: string[] = [];
  for (const n of wb.names) {
    const target = n.sheetId ? undefined : wb.rangeOf(n.formula);
    // A name set invisible (the summary's StatDesk_<id> marker) stays out of Name Manager in the file too.
    const hidden = n.visible ? "" : ` hidden="1"`;
    if (target) names.push(`<definedName name="${escapeXml(n.name)}"${hidden}>${escapeXml(absoluteAddress(target.sheet.name, target.rect))}</definedName>`);
  }
  const sheetList = sheets
    .map((sheet, i) => {
      const state = sheet.visibility === "Hidden" ? ` state="hidden"` : sheet.visibility === "VeryHidden" ? ` state="veryHidden"` : "";
      return `<sheet name="${escapeXml(sheet.name)}" sheetId="${i + 1}"${state} r:id="rId${i + 1}"/>`;
    })
    .join("");
  add(
    "xl/workbook.xml",
    `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_R}"><workbookPr defaultThemeVersion="164011"/>` +
      `<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="20000" windowHeight="12000" firstSheet="0" activeTab="${activeIndex}"/></bookViews>` +
      `<sheets>${sheetList}</sheets>${names.length > 0 ? `<definedNames>${names.join("")}</definedNames>` : ""}<calcPr calcId="171027"/></workbook>`,
  );
  const n = sheets.length;
  add(
    "xl/_rels/workbook.xml.rels",
    relationships([
      ...sheets.map((_, i) => [`rId${i + 1}`, `${REL}/worksheet`, `worksheets/sheet${i + 1}.xml`] as const),
      [`rId${n + 1}`, `${REL}/styles`, "styles.xml"],
      [`rId${n + 2}`, `${REL}/theme`, "theme/theme1.xml"],
      [`rId${n + 3}`, `${REL}/sharedStrings`, "sharedStrings.xml"],
    ]),
  );
  // The sheets, one after another: styles and shared strings are gathered as their cells are written.
  sheets.forEach((sheet, i) => add(`xl/worksheets/sheet${i + 1}.xml`, sheetXml(sheet, styles, strings, columns, i === activeIndex)));
  add("xl/styles.xml", styles.xml());
  add("xl/sharedStrings.xml", strings.xml());
  add("xl/theme/theme1.xml", THEME_XML);
  add(
    "docProps/core.xml",
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" ` +
      `xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
      `<dc:creator>StatDesk</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${w3cdtf(now)}</dcterms:created>` +
      `<dcterms:modified xsi:type="dcterms:W3CDTF">${w3cdtf(now)}</dcterms:modified></cp:coreProperties>`,
  );
  add(
    "docProps/app.xml",
    `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
      `<Application>StatDesk</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>` +
      `<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${n}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
      `<TitlesOfParts><vt:vector size="${n}" baseType="lpstr">${sheets.map((s) => `<vt:lpstr>${escapeXml(s.name)}</vt:lpstr>`).join("")}</vt:vector></TitlesOfParts>` +
      `<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion></Properties>`,
  );
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
}
