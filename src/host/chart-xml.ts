// DrawingML for the workbook's charts: ExcelJS cannot write charts, so after it has written the
// .xlsx this module adds xl/charts/chartN.xml, xl/drawings/drawingN.xml, their relationships and
// content types. Series reference sheet cells and carry cached values, so Excel and LibreOffice
// draw them without recalculating.

import JSZip from "jszip";
import { MAX_COLUMNS, MAX_ROWS, parseReference } from "./address";
import { cellValue } from "./formula";
import { ChartAxisModel, ChartDataLabelsModel, ChartModel, ChartSeriesModel, SheetModel, WorkbookModel } from "./model";

const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const REL_DRAWING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing";
const REL_CHART = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart";
const CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";
const CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
const EMU_PER_POINT = 12700;

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The family a chart type is drawn with, and its bar direction / grouping. */
export function chartFamily(type: string): { family: "bar" | "line" | "pie" | "doughnut" | "area" | "scatter" | "radar"; barDir?: "col" | "bar"; grouping: string; markers?: boolean } {
  const grouping = /Stacked100$/.test(type) ? "percentStacked" : /Stacked$/.test(type) ? "stacked" : undefined;
  if (/^Column/.test(type)) return { family: "bar", barDir: "col", grouping: grouping ?? "clustered" };
  if (/^Bar/.test(type)) return { family: "bar", barDir: "bar", grouping: grouping ?? "clustered" };
  if (/^Line/.test(type)) return { family: "line", grouping: grouping ?? "standard", markers: /Markers/.test(type) };
  if (/^Pie/.test(type)) return { family: "pie", grouping: "standard" };
  if (/^Doughnut/.test(type)) return { family: "doughnut", grouping: "standard" };
  if (/^Area/.test(type)) return { family: "area", grouping: grouping ?? "standard" };
  if (/^XYScatter/.test(type)) return { family: "scatter", grouping: "standard", markers: true };
  return { family: "radar", grouping: "standard" };
}

/** Values of a sheet-qualified reference, flattened row by row, from the workbook model. */
function referencedValues(wb: WorkbookModel, address: string | undefined): { values: (string | number | boolean)[]; allNumbers: boolean } {
  const target = address ? wb.rangeOf(address) : undefined;
  if (!target) return { values: [], allNumbers: true };
  const { sheet, rect } = target;
  const values: (string | number | boolean)[] = [];
  for (let r = rect.row; r < rect.row + rect.rowCount; r++) {
    for (let c = rect.column; c < rect.column + rect.columnCount; c++) values.push(cellValue(sheet, r, c));
  }
  return { values, allNumbers: values.every((v) => typeof v === "number" || v === "") };
}

function rich(text: string, opts: { size?: number; bold?: boolean; color?: string; rotate?: boolean } = {}): string {
  const size = opts.size ? ` sz="${Math.round(opts.size * 100)}"` : "";
  const bold = opts.bold !== undefined ? ` b="${opts.bold ? 1 : 0}"` : "";
  const fill = opts.color ? `<a:solidFill><a:srgbClr val="${opts.color.replace("#", "")}"/></a:solidFill>` : "";
  const body = opts.rotate ? `<a:bodyPr rot="-5400000" vert="horz"/>` : "<a:bodyPr/>";
  return (
    `<c:tx><c:rich>${body}<a:lstStyle/><a:p><a:pPr><a:defRPr${size}${bold}>${fill}</a:defRPr></a:pPr>` +
    `<a:r><a:rPr lang="zh-CN"${size}${bold}>${fill}</a:rPr><a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich></c:tx>`
  );
}

function dataLabelsXml(labels: ChartDataLabelsModel | undefined, family: string): string {
  if (!labels) return "";
  const flag = (v: boolean | undefined) => (v ? 1 : 0);
  const position = labelPosition(labels.position, family);
  return (
    "<c:dLbls>" +
    (labels.numberFormat ? `<c:numFmt formatCode="${escapeXml(labels.numberFormat)}" sourceLinked="0"/>` : "") +
    "<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>" +
    (position ? `<c:dLblPos val="${position}"/>` : "") +
    `<c:showLegendKey val="0"/><c:showVal val="${flag(labels.showValue)}"/><c:showCatName val="${flag(labels.showCategoryName)}"/>` +
    `<c:showSerName val="${flag(labels.showSeriesName)}"/><c:showPercent val="${flag(labels.showPercentage)}"/><c:showBubbleSize val="0"/>` +
    "</c:dLbls>"
  );
}

function labelPosition(position: string | undefined, family: string): string | undefined {
  const map: Record<string, string> = { Center: "ctr", InsideEnd: "inEnd", InsideBase: "inBase", OutsideEnd: "outEnd", Left: "l", Right: "r", Top: "t", Bottom: "b", BestFit: "bestFit" };
  const value = position ? map[position] : undefined;
  if (!value) return undefined;
  // Each chart family allows only some positions; leave others to the application's default.
  const allowed: Record<string, string[]> = { bar: ["ctr", "inEnd", "inBase", "outEnd"], line: ["ctr", "l", "r", "t", "b"], pie: ["ctr", "inEnd", "outEnd", "bestFit"], area: [], doughnut: [], scatter: ["ctr", "l", "r", "t", "b"], radar: [] };
  return allowed[family]?.includes(value) ? value : undefined;
}

function strOrNumRef(tag: "cat" | "val", wb: WorkbookModel, address: string | undefined): string {
  if (!address) return "";
  const { values, allNumbers } = referencedValues(wb, address);
  const f = `<c:f>${escapeXml(address)}</c:f>`;
  const points = values.map((v, i) => (v === "" ? "" : `<c:pt idx="${i}"><c:v>${escapeXml(typeof v === "boolean" ? (v ? "1" : "0") : String(v))}</c:v></c:pt>`)).join("");
  if (tag === "val" || allNumbers) {
    return `<c:${tag}><c:numRef>${f}<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${points}</c:numCache></c:numRef></c:${tag}>`;
  }
  return `<c:${tag}><c:strRef>${f}<c:strCache><c:ptCount val="${values.length}"/>${points}</c:strCache></c:strRef></c:${tag}>`;
}

function seriesXml(wb: WorkbookModel, series: ChartSeriesModel, index: number, family: string, chart: ChartModel): string {
  const name = series.nameAddress
    ? `<c:tx><c:strRef><c:f>${escapeXml(series.nameAddress)}</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>${escapeXml(series.name)}</c:v></c:pt></c:strCache></c:strRef></c:tx>`
    : `<c:tx><c:v>${escapeXml(series.name)}</c:v></c:tx>`;
  let spPr = "";
  if (family === "line" || family === "scatter" || family === "radar") {
    const color = series.lineColor ?? series.fillColor;
    spPr = color ? `<c:spPr><a:ln w="28575" cap="rnd"><a:solidFill><a:srgbClr val="${color.replace("#", "")}"/></a:solidFill></a:ln></c:spPr>` : "";
  } else if (series.fillColor || series.lineColor) {
    spPr =
      "<c:spPr>" +
      (series.fillColor ? `<a:solidFill><a:srgbClr val="${series.fillColor.replace("#", "")}"/></a:solidFill>` : "") +
      (series.lineColor ? `<a:ln><a:solidFill><a:srgbClr val="${series.lineColor.replace("#", "")}"/></a:solidFill></a:ln>` : "") +
      "</c:spPr>";
  }
  const labels = series.hasDataLabels ? { ...chart.dataLabels, ...(series.dataLabels ?? {}), showValue: series.dataLabels?.showValue ?? true } : undefined;
  const marker = family === "line" ? (chartFamily(series.chartType ?? chart.chartType).markers ? "" : `<c:marker><c:symbol val="none"/></c:marker>`) : "";
  const invert = family === "bar" ? `<c:invertIfNegative val="0"/>` : "";
  const catTag = family === "scatter" ? "xVal" : "cat";
  const valTag = family === "scatter" ? "yVal" : "val";
  const cat = strOrNumRef("cat", wb, series.categoriesAddress).replace(/<(\/?)c:cat>/g, `<$1c:${catTag}>`);
  const val = strOrNumRef("val", wb, series.valuesAddress).replace(/<(\/?)c:val>/g, `<$1c:${valTag}>`);
  const smooth = family === "line" || family === "scatter" ? `<c:smooth val="0"/>` : "";
  return `<c:ser><c:idx val="${index}"/><c:order val="${index}"/>${name}${spPr}${invert}${marker}${dataLabelsXml(labels, family)}${cat}${val}${smooth}</c:ser>`;
}

function axisTitle(axis: ChartAxisModel, rotate: boolean): string {
  if (!axis.title.visible || axis.title.text === "") return "";
  return `<c:title>${rich(axis.title.text, { rotate, size: 10 })}<c:overlay val="0"/></c:title>`;
}

/** ChartAxis.tickLabelPosition as DrawingML's c:tickLblPos (ECMA-376 Part 1, 21.2.3.48 ST_TickLblPos). */
const TICK_LABEL_XML: Readonly<Record<NonNullable<ChartAxisModel["tickLabelPosition"]>, string>> = { NextToAxis: "nextTo", High: "high", Low: "low", None: "none" };

function axesXml(chart: ChartModel, ids: { cat: number; val: number }, secondary: boolean, horizontalBars: boolean): string {
  const { value, category } = chart.axes;
  const catPos = horizontalBars ? "l" : "b";
  const valPos = secondary ? (horizontalBars ? "t" : "r") : horizontalBars ? "b" : "l";
  const scaling = `<c:scaling><c:orientation val="minMax"/>${!secondary && value.maximum !== undefined ? `<c:max val="${value.maximum}"/>` : ""}${!secondary && value.minimum !== undefined ? `<c:min val="${value.minimum}"/>` : ""}</c:scaling>`;
  const cat =
    `<c:catAx><c:axId val="${ids.cat}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="${secondary || !category.visible ? 1 : 0}"/>` +
    `<c:axPos val="${catPos}"/>${secondary ? "" : axisTitle(category, horizontalBars)}<c:numFmt formatCode="${escapeXml(category.numberFormat ?? "General")}" sourceLinked="1"/>` +
    `<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="${TICK_LABEL_XML[category.tickLabelPosition ?? "NextToAxis"]}"/><c:crossAx val="${ids.val}"/><c:crosses val="autoZero"/>` +
    `<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const val =
    `<c:valAx><c:axId val="${ids.val}"/>${scaling}<c:delete val="${value.visible ? 0 : 1}"/><c:axPos val="${valPos}"/>` +
    `${!secondary && value.majorGridlines !== false ? "<c:majorGridlines/>" : ""}${secondary ? "" : axisTitle(value, !horizontalBars)}` +
    `<c:numFmt formatCode="${escapeXml(value.numberFormat ?? "General")}" sourceLinked="${value.numberFormat ? 0 : 1}"/>` +
    `<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="${ids.cat}"/>` +
    `<c:crosses val="${secondary ? "max" : "autoZero"}"/><c:crossBetween val="between"/>${!secondary && value.majorUnit ? `<c:majorUnit val="${value.majorUnit}"/>` : ""}</c:valAx>`;
  return cat + val;
}

/** chartN.xml for one chart. */
export function chartXml(wb: WorkbookModel, chart: ChartModel): string {
  const main = chartFamily(chart.chartType);
  // Group series by (family, grouping, axis group) in first-seen order: one plot per group.
  const groups: { key: string; type: string; secondary: boolean; series: { s: ChartSeriesModel; i: number }[] }[] = [];
  chart.series.forEach((s, i) => {
    const type = s.chartType ?? chart.chartType;
    const f = chartFamily(type);
    const secondary = s.axisGroup === "Secondary" && main.family !== "pie" && main.family !== "doughnut";
    const key = `${f.family}|${f.barDir ?? ""}|${f.grouping}|${secondary}`;
    let group = groups.find((g) => g.key === key);
    if (!group) groups.push((group = { key, type, secondary, series: [] }));
    group.series.push({ s, i });
  });
  if (groups.length === 0) groups.push({ key: "empty", type: chart.chartType, secondary: false, series: [] });
  const horizontalBars = main.family === "bar" && main.barDir === "bar";
  const primary = { cat: 500000001, val: 500000002 };
  const second = { cat: 500000003, val: 500000004 };
  let plots = "";
  let hasAxes = false;
  let hasSecondary = false;
  for (const g of groups) {
    const f = chartFamily(g.type);
    const ids = g.secondary ? second : primary;
    const ser = g.series.map(({ s, i }) => seriesXml(wb, s, i, f.family, chart)).join("");
    const chartLabels = chart.dataLabels.showValue ? dataLabelsXml(chart.dataLabels, f.family) : "";
    const axIds = `<c:axId val="${ids.cat}"/><c:axId val="${ids.val}"/>`;
    if (f.family === "pie" || f.family === "doughnut") {
      const tag = f.family === "pie" ? "pieChart" : "doughnutChart";
      plots += `<c:${tag}><c:varyColors val="1"/>${ser}${chartLabels}<c:firstSliceAng val="0"/>${f.family === "doughnut" ? `<c:holeSize val="50"/>` : ""}</c:${tag}>`;
      continue;
    }
    hasAxes = true;
    if (g.secondary) hasSecondary = true;
    if (f.family === "bar") {
      const overlap = f.grouping === "clustered" ? "" : `<c:overlap val="100"/>`;
      plots += `<c:barChart><c:barDir val="${f.barDir}"/><c:grouping val="${f.grouping}"/><c:varyColors val="0"/>${ser}${chartLabels}<c:gapWidth val="150"/>${overlap}${axIds}</c:barChart>`;
    } else if (f.family === "line") {
      plots += `<c:lineChart><c:grouping val="${f.grouping}"/><c:varyColors val="0"/>${ser}${chartLabels}<c:marker val="1"/>${axIds}</c:lineChart>`;
    } else if (f.family === "area") {
      plots += `<c:areaChart><c:grouping val="${f.grouping}"/><c:varyColors val="0"/>${ser}${chartLabels}${axIds}</c:areaChart>`;
    } else if (f.family === "scatter") {
      plots += `<c:scatterChart><c:scatterStyle val="lineMarker"/><c:varyColors val="0"/>${ser}${chartLabels}${axIds}</c:scatterChart>`;
    } else {
      plots += `<c:radarChart><c:radarStyle val="marker"/><c:varyColors val="0"/>${ser}${chartLabels}${axIds}</c:radarChart>`;
    }
  }
  let axes = "";
  if (hasAxes) {
    axes += axesXml(chart, primary, false, horizontalBars);
    if (hasSecondary) axes += axesXml(chart, second, true, horizontalBars);
  }
  const title = chart.title.visible && chart.title.text !== "" ? `<c:title>${rich(chart.title.text, { size: chart.title.fontSize ?? 14, bold: chart.title.bold ?? false, color: chart.title.fontColor })}<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>` : `<c:autoTitleDeleted val="1"/>`;
  const legendPos: Record<string, string> = { Top: "t", Bottom: "b", Left: "l", Right: "r", Corner: "tr" };
  const legend = chart.legend.visible ? `<c:legend><c:legendPos val="${legendPos[chart.legend.position] ?? "r"}"/><c:overlay val="0"/></c:legend>` : "";
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}"><c:roundedCorners val="0"/>` +
    `<c:chart>${title}<c:plotArea><c:layout/>${plots}${axes}</c:plotArea>${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `</c:chartSpace>`
  );
}

/** The cell (col, row, offsets in EMU) at a distance in points from the sheet's top-left. */
function cellAt(sheet: SheetModel, leftPt: number, topPt: number): { col: number; colOff: number; row: number; rowOff: number } {
  let col = 0;
  let x = leftPt;
  while (x >= sheet.columnWidth(col) && col < MAX_COLUMNS - 1) x -= sheet.columnWidth(col++);
  let row = 0;
  let y = topPt;
  while (y >= sheet.rowHeight(row) && row < MAX_ROWS - 1) y -= sheet.rowHeight(row++);
  return { col, colOff: Math.round(x * EMU_PER_POINT), row, rowOff: Math.round(y * EMU_PER_POINT) };
}

function anchorOf(sheet: SheetModel, chart: ChartModel) {
  if (chart.anchor) {
    const start = parseReference(chart.anchor.start);
    const end = chart.anchor.end ? parseReference(chart.anchor.end) : undefined;
    if (start && end) {
      return {
        from: { col: start.column, colOff: 0, row: start.row, rowOff: 0 },
        to: { col: end.column + 1, colOff: 0, row: end.row + 1, rowOff: 0 },
      };
    }
  }
  return { from: cellAt(sheet, chart.left, chart.top), to: cellAt(sheet, chart.left + chart.width, chart.top + chart.height) };
}

function drawingXml(sheet: SheetModel, firstRel: number): string {
  const anchors = sheet.charts
    .map((chart, i) => {
      const { from, to } = anchorOf(sheet, chart);
      const pos = (tag: string, p: typeof from) => `<xdr:${tag}><xdr:col>${p.col}</xdr:col><xdr:colOff>${p.colOff}</xdr:colOff><xdr:row>${p.row}</xdr:row><xdr:rowOff>${p.rowOff}</xdr:rowOff></xdr:${tag}>`;
      return (
        `<xdr:twoCellAnchor editAs="oneCell">${pos("from", from)}${pos("to", to)}` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeXml(chart.name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
        `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${NS_C}">` +
        `<c:chart xmlns:c="${NS_C}" r:id="rId${firstRel + i}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
      );
    })
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">${anchors}</xdr:wsDr>`;
}

function relsXml(rels: { id: string; type: string; target: string }[]): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${r.target}"/>`).join("") +
    `</Relationships>`
  );
}

/** Worksheet part path of each sheet, read from workbook.xml and its relationships. */
async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const workbookXml = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /Id="([^"]+)"/.exec(m[0])?.[1];
    const target = /Target="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.replace(/^\/?xl\//, "").replace(/^\//, ""));
  }
  const parts = new Map<string, string>();
  for (const m of workbookXml.matchAll(/<sheet\b[^>]*\/>/g)) {
    const name = /name="([^"]*)"/.exec(m[0])?.[1];
    const rid = /r:id="([^"]+)"/.exec(m[0])?.[1];
    if (name !== undefined && rid && targets.has(rid)) {
      const unescaped = name.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
      parts.set(unescaped, `xl/${targets.get(rid)}`);
    }
  }
  return parts;
}

/** Adds every chart of the workbook to an .xlsx written without charts; returns the new bytes. */
export async function addChartsToXlsx(xlsx: Uint8Array, wb: WorkbookModel): Promise<Uint8Array> {
  if (wb.allCharts().length === 0) return xlsx;
  const zip = await JSZip.loadAsync(xlsx);
  const parts = await sheetParts(zip);
  let contentTypes = await zip.file("[Content_Types].xml")!.async("string");
  let chartNumber = 0;
  let drawingNumber = 0;
  for (const sheet of wb.sheets) {
    if (sheet.charts.length === 0) continue;
    const part = parts.get(sheet.name);
    if (!part) continue;
    drawingNumber++;
    const drawingPath = `xl/drawings/drawing${drawingNumber}.xml`;
    const chartRels: { id: string; type: string; target: string }[] = [];
    for (const [i, chart] of sheet.charts.entries()) {
      chartNumber++;
      zip.file(`xl/charts/chart${chartNumber}.xml`, chartXml(wb, chart));
      chartRels.push({ id: `rId${i + 1}`, type: REL_CHART, target: `../charts/chart${chartNumber}.xml` });
      contentTypes = contentTypes.replace("</Types>", `<Override PartName="/xl/charts/chart${chartNumber}.xml" ContentType="${CT_CHART}"/></Types>`);
    }
    zip.file(drawingPath, drawingXml(sheet, 1));
    zip.file(`xl/drawings/_rels/drawing${drawingNumber}.xml.rels`, relsXml(chartRels));
    contentTypes = contentTypes.replace("</Types>", `<Override PartName="/${drawingPath}" ContentType="${CT_DRAWING}"/></Types>`);

    // Link the drawing from the worksheet: a relationship plus a <drawing> element in schema order.
    const fileName = part.split("/").pop()!;
    const relsPath = part.replace(fileName, `_rels/${fileName}.rels`);
    const existing = zip.file(relsPath) ? await zip.file(relsPath)!.async("string") : undefined;
    const used = new Set([...(existing ?? "").matchAll(/Id="([^"]+)"/g)].map((m) => m[1]));
    let n = 1;
    while (used.has(`rIdDrawing${n}`)) n++;
    const relId = `rIdDrawing${n}`;
    const relation = `<Relationship Id="${relId}" Type="${REL_DRAWING}" Target="../drawings/drawing${drawingNumber}.xml"/>`;
    zip.file(relsPath, existing ? existing.replace("</Relationships>", `${relation}</Relationships>`) : relsXml([{ id: relId, type: REL_DRAWING, target: `../drawings/drawing${drawingNumber}.xml` }]));
    let sheetXml = await zip.file(part)!.async("string");
    if (!/xmlns:r=/.test(sheetXml.slice(0, 1000))) sheetXml = sheetXml.replace(/<worksheet\b/, `<worksheet xmlns:r="${NS_R}"`);
    sheetXml = insertDrawing(sheetXml, `<drawing r:id="${relId}"/>`);
    zip.file(part, sheetXml);
  }
  zip.file("[Content_Types].xml", contentTypes);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** Puts <drawing> where the schema wants it: before legacyDrawing/picture/oleObjects/tableParts/extLst. */
function insertDrawing(sheetXml: string, element: string): string {
  const before = ["<legacyDrawing", "<legacyDrawingHF", "<drawingHF", "<picture", "<oleObjects", "<controls", "<webPublishItems", "<tableParts", "<extLst", "</worksheet>"];
  for (const tag of before) {
    const at = sheetXml.indexOf(tag);
    if (at >= 0) return sheetXml.slice(0, at) + element + sheetXml.slice(at);
  }
  return sheetXml;
}
