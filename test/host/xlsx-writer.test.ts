// The .xlsx writer that generates SpreadsheetML from the model (no second copy of the workbook in
// ExcelJS): what it writes reads back through ExcelJS, the parts say what the model holds, and the
// same workbook written at the same time gives the same bytes.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { DEFAULT_STYLE, WorkbookModel } from "../../src/host/model";
import { readXlsx, writeXlsx } from "../../src/host/xlsx";

function workbook(): WorkbookModel {
  const wb = new WorkbookModel("w.xlsx");
  const s = wb.addSheet("数据 & <表>");
  s.setValue(0, 0, "  padded");
  s.setValue(0, 1, "two\nlines");
  s.setValue(0, 2, "bell\u0007gone");
  s.setValue(1, 0, true);
  s.setValue(1, 1, "#N/A");
  s.setValue(1, 2, 1e-7);
  s.setValue(2, 0, 3);
  s.setFormula(2, 1, '=IF(A3>2,"big","small")', "big");
  s.setFormula(2, 2, "=A3*2", 6);
  const pct = wb.styles.intern({ ...DEFAULT_STYLE, numberFormat: "0.00%" });
  const text = wb.styles.intern({ ...DEFAULT_STYLE, numberFormat: "@" });
  const custom = wb.styles.intern({ ...DEFAULT_STYLE, numberFormat: '[Red]▲0.0;[Color10]▼0.0;0.0', font: { ...DEFAULT_STYLE.font, name: "Microsoft YaHei", bold: true } });
  s.setStyleId(1, 2, pct);
  s.setStyleId(0, 0, text);
  s.setStyleId(2, 2, custom);
  s.rowHeights.set(5, 30); // a row with a height and no cell
  s.rowStyles.set(6, custom); // a row with a style and no cell
  s.columnStyles.set(4, pct); // a column with a style and no width
  s.columnWidths.set(0, 96);
  s.showGridlines = false;
  s.pageLayout = { orientation: "Landscape", scale: 100, horizontalFitToPages: 1, verticalFitToPages: 0 };
  s.freeze = { rows: 0, columns: 2 };
  wb.addSheet("Hidden").visibility = "Hidden";
  wb.addSheet("Very").visibility = "VeryHidden";
  wb.names.push({ name: "Figures", formula: "='数据 & <表>'!$A$3:$C$3", comment: "", visible: true });
  wb.names.push({ name: "StatDesk_a1", formula: "='数据 & <表>'!$A$1", comment: "", visible: false });
  wb.activeSheetId = s.id;
  return wb;
}

const now = new Date(Date.UTC(2026, 10, 22, 8, 30, 0));

test("the same workbook written at the same time gives the same bytes", async () => {
  const a = await writeXlsx(workbook(), { now });
  const b = await writeXlsx(workbook(), { now });
  expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  const core = await (await JSZip.loadAsync(a)).file("docProps/core.xml")!.async("string");
  expect(core).toContain("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2026-11-22T08:30:00Z</dcterms:created>");
});

test("values, formulas with text and number results, errors, booleans and text with spaces, line breaks and markup read back", async () => {
  const wb = await readXlsx(await writeXlsx(workbook(), { now }), "w.xlsx");
  const s = wb.sheet("数据 & <表>")!;
  expect(s.values({ row: 0, column: 0, rowCount: 3, columnCount: 3 })).toEqual([
    ["  padded", "two\nlines", "bellgone"],
    [true, "#N/A", 1e-7],
    [3, "big", 6],
  ]);
  expect([s.formula(2, 1), s.formula(2, 2)]).toEqual(['=IF(A3>2,"big","small")', "=A3*2"]);
  expect([s.style(1, 2).numberFormat, s.style(0, 0).numberFormat, s.style(2, 2).numberFormat]).toEqual(["0.00%", "@", "[Red]▲0.0;[Color10]▼0.0;0.0"]);
  expect(s.style(2, 2).font).toMatchObject({ name: "Microsoft YaHei", bold: true });
  expect(s.rowHeight(5)).toBe(30);
  expect(s.columnWidth(0)).toBeCloseTo(96, 0);
  expect(s.freeze).toEqual({ rows: 0, columns: 2 });
  expect(wb.sheets.map((x) => [x.name, x.visibility])).toEqual([["数据 & <表>", "Visible"], ["Hidden", "Hidden"], ["Very", "VeryHidden"]]);
  expect(wb.names[0]).toEqual({ name: "Figures", formula: "='数据 & <表>'!$A$3:$C$3", comment: "", visible: true });
  // The reader (ExcelJS's defined names) does not carry hidden="1": the marker reads back where it points.
  expect(wb.names.slice(1).map((n) => [n.name, n.formula])).toEqual([["StatDesk_a1", "='数据 & <表>'!$A$1"]]);
  expect(wb.activeSheetId).toBe(s.id);
});

test("a name set invisible (the summary's marker) is written hidden, as Office.js's names.add(…).visible = false leaves it in Excel", async () => {
  const zip = await JSZip.loadAsync(await writeXlsx(workbook(), { now }));
  const book = await zip.file("xl/workbook.xml")!.async("string");
  expect(book).toContain(`<definedName name="Figures">`);
  expect(book).toContain(`<definedName name="StatDesk_a1" hidden="1">`);
});

test("the parts: built-in number format ids, row and column styles, gridlines, print fit, the active tab", async () => {
  const zip = await JSZip.loadAsync(await writeXlsx(workbook(), { now }));
  const styles = await zip.file("xl/styles.xml")!.async("string");
  expect(styles).toContain('<numFmt numFmtId="164" formatCode="[Red]▲0.0;[Color10]▼0.0;0.0"/>');
  expect(styles).not.toContain('formatCode="0.00%"'); // built in: id 10
  expect(styles).toMatch(/<xf numFmtId="10" /);
  expect(styles).toMatch(/<xf numFmtId="49" /);
  const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
  expect(sheet).toContain('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1:C3"/>');
  expect(sheet).toContain('<sheetView showGridLines="0" tabSelected="1" workbookViewId="0"><pane xSplit="2" topLeftCell="C1" activePane="topRight" state="frozen"/>');
  expect(sheet).toMatch(/<col min="5" max="5" style="\d+"\/>/);
  expect(sheet).toContain('<row r="6" ht="30" customHeight="1"/>');
  expect(sheet).toMatch(/<row r="7" s="\d+" customFormat="1"\/><\/sheetData>/);
  expect(sheet).toContain('<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
  const book = await zip.file("xl/workbook.xml")!.async("string");
  expect(book).toContain('<sheet name="数据 &amp; &lt;表&gt;" sheetId="1" r:id="rId1"/>');
  expect(book).toContain('activeTab="0"');
  expect(Object.keys(zip.files)[0]).toBe("[Content_Types].xml");
});

test("hidden rows (with and without cells) read back hidden, their heights kept for when they are shown", async () => {
  const wb = workbook();
  const s = wb.sheet("数据 & <表>")!;
  s.hiddenRows.add(2); // a row with cells
  s.hiddenRows.add(5); // the row with only a height
  s.hiddenRows.add(9); // a row with nothing else
  const back = (await readXlsx(await writeXlsx(wb, { now }), "w.xlsx")).sheet("数据 & <表>")!;
  expect([...back.hiddenRows].sort((a, b) => a - b)).toEqual([2, 5, 9]);
  expect(back.rowHeight(5)).toBe(0);
  back.hiddenRows.delete(5);
  expect(back.rowHeight(5)).toBe(30);
  expect(back.values({ row: 2, column: 0, rowCount: 1, columnCount: 1 })).toEqual([[3]]);
});

test("ExcelJS opens the file and sees the cells", async () => {
  const bytes = await writeXlsx(workbook(), { now });
  const check = new ExcelJS.Workbook();
  await check.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const ws = check.getWorksheet("数据 & <表>")!;
  expect(ws.getCell("A2").value).toBe(true);
  expect(ws.getCell("C3").value).toEqual({ formula: "A3*2", result: 6 });
  expect(ws.getColumn(5).style.numFmt).toBe("0.00%");
  expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 2, showGridLines: false });
});
