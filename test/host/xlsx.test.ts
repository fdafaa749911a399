// .xlsx export and import: values, formats, merges, freeze panes, charts (DrawingML parts).
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { WorkbookHost } from "../../src/host/host";
import { newWorkbook } from "../../src/host/model";
import { connectHost, loadExcelClient } from "../../src/host/node-client";
import { charsToPoints, dateToSerial, pointsToChars, readXlsx, writeXlsx } from "../../src/host/xlsx";

async function buildWorkbook() {
  const host = new WorkbookHost(newWorkbook("Summary"));
  const run = connectHost(loadExcelClient(), host);
  await run(async (ctx) => {
    const ws = ctx.workbook.worksheets.add("数据 2024");
    ws.getRange("A1:C4").values = [["企业", "销售额", "同比"], ["万科", 4658.3, -0.3], ["保利", 4230, "#N/A"], ["合计", "=SUM(B2:B3)", ""]];
    ws.getRange("B2:B4").numberFormat = [["#,##0.0"], ["#,##0.0"], ["#,##0.0"]];
    ws.getRange("C2").numberFormat = [["0.0%"]];
    const header = ws.getRange("A1:C1");
    header.format.font.bold = true;
    header.format.font.color = "#FFFFFF";
    header.format.fill.color = "#1F4E78";
    header.format.horizontalAlignment = "Center";
    header.format.borders.getItem("EdgeBottom").style = "Continuous";
    ws.getRange("A6:C6").merge();
    ws.getRange("A6").values = [["注：数据为示例"]];
    ws.getRange("A6").format.wrapText = true;
    ws.getRange("A1").format.columnWidth = 96;
    ws.getRange("A2").format.rowHeight = 24;
    ws.freezePanes.freezeAt("A1");
    ws.tabColor = "#FF0000";
    const hidden = ctx.workbook.worksheets.add("Hidden");
    hidden.visibility = "Hidden";
    ctx.workbook.names.add("Sales", ws.getRange("B2:B3"));
    const chart = ws.charts.add("ColumnClustered", ws.getRange("A1:B3"), "Columns");
    chart.name = "SalesChart";
    chart.title.text = "销售额";
    chart.axes.valueAxis.title.text = "亿元";
    chart.legend.position = "Bottom";
    chart.dataLabels.showValue = true;
    chart.setPosition("E2", "L18");
    const pie = ws.charts.add("Pie", ws.getRange("A1:B3"), "Auto");
    pie.setPosition("E20", "L36");
    const line = ctx.workbook.worksheets.getItem("Summary").charts.add("Line", ws.getRange("A1:B3"), "Auto");
    line.title.text = "Line";
    await ctx.sync();
  });
  return host.workbook;
}

describe("column widths", () => {
  test("Excel's default width (8.43 shown, 9.140625 stored) is 64 px = 48 pt, and the conversion round-trips", () => {
    expect(charsToPoints(9.140625)).toBeCloseTo(48, 6);
    expect(charsToPoints(pointsToChars(96))).toBeCloseTo(96, 0);
  });

  test("dates become Excel serial numbers (1900 system)", () => {
    expect(dateToSerial(new Date(Date.UTC(2024, 0, 1)))).toBe(45292);
  });
});

describe("writeXlsx → readXlsx", () => {
  test("values, formulas with cached results, errors, number formats, fonts, fills, borders, merges, freeze, widths, tab colour, visibility, names", async () => {
    const bytes = await writeXlsx(await buildWorkbook());
    const wb = await readXlsx(bytes, "out.xlsx");
    expect(wb.sheets.map((s) => [s.name, s.visibility])).toEqual([["Summary", "Visible"], ["数据 2024", "Visible"], ["Hidden", "Hidden"]]);
    const s = wb.sheet("数据 2024")!;
    expect(s.values({ row: 0, column: 0, rowCount: 4, columnCount: 3 })).toEqual([
      ["企业", "销售额", "同比"],
      ["万科", 4658.3, -0.3],
      ["保利", 4230, "#N/A"],
      ["合计", 8888.3, ""],
    ]);
    expect(s.formula(3, 1)).toBe("=SUM(B2:B3)");
    expect(s.style(1, 1).numberFormat).toBe("#,##0.0");
    expect(s.style(1, 2).numberFormat).toBe("0.0%");
    expect(s.style(0, 0)).toMatchObject({ fill: "#1F4E78", horizontalAlignment: "Center", font: { bold: true, color: "#FFFFFF" } });
    expect(s.style(0, 1).borders.EdgeBottom).toMatchObject({ style: "Continuous", weight: "Thin" });
    expect(s.style(5, 0).wrapText).toBe(true);
    expect(s.merges).toEqual([{ row: 5, column: 0, rowCount: 1, columnCount: 3 }]);
    expect(s.freeze).toEqual({ rows: 1, columns: 1 });
    expect(s.columnWidth(0)).toBeCloseTo(96, 0);
    expect(s.rowHeight(1)).toBe(24);
    expect(s.tabColor).toBe("#FF0000");
    expect(wb.names).toEqual([{ name: "Sales", formula: "='数据 2024'!$B$2:$B$3", comment: "", visible: true }]);
  });

  test("charts are written as DrawingML parts with sheet references and cached values", async () => {
    const bytes = await writeXlsx(await buildWorkbook());
    const zip = await JSZip.loadAsync(bytes);
    const names = Object.keys(zip.files);
    expect(names).toEqual(expect.arrayContaining(["xl/charts/chart1.xml", "xl/charts/chart2.xml", "xl/charts/chart3.xml", "xl/drawings/drawing1.xml", "xl/drawings/drawing2.xml", "xl/drawings/_rels/drawing1.xml.rels"]));
    const types = await zip.file("[Content_Types].xml")!.async("string");
    expect(types).toContain('PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"');
    expect(types).toContain('PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"');
    // Sheet 2 ("数据 2024") has the column and pie charts; its drawing is linked from the sheet.
    const sheet2 = await zip.file("xl/worksheets/sheet2.xml")!.async("string");
    expect(sheet2).toMatch(/<drawing r:id="rIdDrawing1"\/>/);
    const rels2 = await zip.file("xl/worksheets/_rels/sheet2.xml.rels")!.async("string");
    expect(rels2).toMatch(/Target="..\/drawings\/drawing\d.xml"/);
    const all = await Promise.all([1, 2, 3].map((i) => zip.file(`xl/charts/chart${i}.xml`)!.async("string")));
    const column = all.find((x) => x.includes("<c:barChart>"))!;
    expect(column).toContain('<c:barDir val="col"/>');
    expect(column).toContain("<c:f>'数据 2024'!$B$2:$B$3</c:f>");
    expect(column).toContain("<c:f>'数据 2024'!$A$2:$A$3</c:f>");
    expect(column).toContain("<c:f>'数据 2024'!$B$1</c:f>");
    expect(column).toContain("<c:v>4658.3</c:v>");
    expect(column).toContain("<a:t>销售额</a:t>");
    expect(column).toContain("<a:t>亿元</a:t>");
    expect(column).toContain('<c:legendPos val="b"/>');
    expect(column).toContain('<c:showVal val="1"/>');
    expect(all.some((x) => x.includes("<c:pieChart>"))).toBe(true);
    expect(all.some((x) => x.includes("<c:lineChart>"))).toBe(true);
    const drawing = await zip.file("xl/drawings/drawing2.xml")!.async("string").catch(() => "");
    const anchors = drawing + (await zip.file("xl/drawings/drawing1.xml")!.async("string"));
    expect(anchors).toContain("<xdr:from><xdr:col>4</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row>");
    // ExcelJS (a separate reader) still opens the file.
    const check = new ExcelJS.Workbook();
    await check.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    expect(check.worksheets.map((w) => w.name)).toEqual(["Summary", "数据 2024", "Hidden"]);
  });

  test("an ExcelJS-made file: dates become serials with their format, rich text becomes plain text", async () => {
    const ejs = new ExcelJS.Workbook();
    const ws = ejs.addWorksheet("S");
    ws.getCell("A1").value = new Date(Date.UTC(2024, 0, 31));
    ws.getCell("A1").numFmt = "yyyy/m/d";
    ws.getCell("B1").value = { richText: [{ text: "万" }, { text: "科", font: { bold: true } }] };
    ws.getCell("C1").value = { formula: "1+1", result: 2 };
    ws.getCell("D1").value = { error: "#DIV/0!" } as ExcelJS.CellErrorValue;
    const bytes = new Uint8Array((await ejs.xlsx.writeBuffer()) as ArrayBuffer);
    const wb = await readXlsx(bytes, "made.xlsx");
    const s = wb.sheets[0];
    expect(s.values({ row: 0, column: 0, rowCount: 1, columnCount: 4 })).toEqual([[45322, "万科", 2, "#DIV/0!"]]);
    expect(s.style(0, 0).numberFormat).toBe("yyyy/m/d");
    expect(s.formula(0, 2)).toBe("=1+1");
  });

  test("a truncated .xlsx gives a clear error naming the file", async () => {
    const bytes = await writeXlsx(newWorkbook());
    await expect(readXlsx(bytes.subarray(0, Math.floor(bytes.length / 2)), "broken.xlsx")).rejects.toThrow(/broken\.xlsx/);
    await expect(readXlsx(new TextEncoder().encode("not a zip"), "text.xlsx")).rejects.toThrow(/Cannot read text\.xlsx/);
  });
});
