// Unit tests of the model and its helpers (no client involved).
import * as fs from "fs";
import * as path from "path";
import { parseReference, qualifiedAddress, quoteSheetName, sheetNameProblem, legalSheetName } from "../../src/host/address";
import { newWorkbook, WorkbookModel } from "../../src/host/model";
import { parseInput, valueType } from "../../src/host/values";
import { cellValue } from "../../src/host/formula";
import { deriveSeries } from "../../src/host/charts";

describe("addresses", () => {
  test("parse cells, ranges, whole columns/rows, quoted sheet names with doubled quotes", () => {
    expect(parseReference("B3")).toEqual({ row: 2, column: 1, rowCount: 1, columnCount: 1 });
    expect(parseReference("'It''s 2024'!$A$1:B2")).toEqual({ sheet: "It's 2024", row: 0, column: 0, rowCount: 2, columnCount: 2 });
    expect(parseReference("Sheet1!C:A")).toMatchObject({ sheet: "Sheet1", column: 0, columnCount: 3, rowCount: 1048576 });
    expect(parseReference("5:3")).toMatchObject({ row: 2, rowCount: 3, columnCount: 16384 });
    expect(parseReference("A1:B2:C3")).toBeUndefined();
    expect(parseReference("XFE1")).toBeUndefined();
  });

  test("Excel quotes sheet names with spaces, punctuation, leading digits or that look like cells", () => {
    expect(["Sheet1", "数据", "My sheet", "2024", "A1", "R1C1", "a-b"].map(quoteSheetName)).toEqual(["Sheet1", "数据", "'My sheet'", "'2024'", "'A1'", "'R1C1'", "'a-b'"]);
    expect(qualifiedAddress("It's", { row: 0, column: 0, rowCount: 1, columnCount: 1 })).toBe("'It''s'!A1");
  });

  test("names with full-width punctuation, a full-width space or a period are quoted (LibreOffice reads them bare as errors); letters and digits of any script stay bare", () => {
    const quoted = ["销售（亿元）", "排行—榜", "甲、乙", "排行\u30002024", "数据.v1"];
    expect(quoted.map(quoteSheetName)).toEqual(quoted.map((n) => `'${n}'`));
    const bare = ["汇总_2024", "月度数据", "ＴＯＰ", "Ü1x", "データ", "销售①", "𠀀数据"];
    expect(bare.map(quoteSheetName)).toEqual(bare);
  });

  test("sheet name rules and repair", () => {
    expect(sheetNameProblem("ok name")).toBeUndefined();
    expect(sheetNameProblem("a?b")).toBeDefined();
    expect(sheetNameProblem("x".repeat(32))).toBeDefined();
    expect(sheetNameProblem("History")).toBeDefined();
    expect(legalSheetName("'a/b'")).toBe("a_b");
  });
});

describe("typed input (Excel's en-US cell entry)", () => {
  test.each([
    ["12", 12, undefined],
    [" -3.5 ", -3.5, undefined],
    ["1e3", 1000, undefined],
    ["1,234.50", 1234.5, "#,##0.00"],
    ["(12)", -12, undefined],
    ["12%", 0.12, "0%"],
    ["12.5%", 0.125, "0.00%"],
    ["true", true, undefined],
    ["#n/a", "#N/A", undefined],
    ["'123", "123", undefined],
    ["2024-01-31", "2024-01-31", undefined],
    ["12 apples", "12 apples", undefined],
  ])("%s", (text, value, format) => {
    const parsed = parseInput(text);
    expect(parsed.value).toEqual(value);
    expect(parsed.numberFormat).toBe(format);
  });

  test("valueType", () => {
    expect([1, "x", "", true, "#REF!"].map((v) => valueType(v as never))).toEqual(["Double", "String", "Empty", "Boolean", "Error"]);
  });
});

describe("sheet storage", () => {
  test("100,000 x 4 values load sparsely by row and read back", () => {
    const wb = newWorkbook();
    const s = wb.sheets[0];
    for (let r = 0; r < 100000; r++) {
      s.setValue(r, 0, r);
      s.setValue(r, 1, `item ${r}`);
      s.setValue(r, 2, r * 1.5);
      s.setValue(r, 3, r % 2 === 0);
    }
    const values = s.values({ row: 0, column: 0, rowCount: 100000, columnCount: 4 });
    expect(values[99999]).toEqual([99999, "item 99999", 149998.5, false]);
    expect(s.storedRowCount).toBe(100000);
    expect(s.usedRect(true)).toEqual({ row: 0, column: 0, rowCount: 100000, columnCount: 4 });
  });

  test("styles are interned: one id for equal styles across many cells", () => {
    const wb = newWorkbook();
    const s = wb.sheets[0];
    s.updateStyle({ row: 0, column: 0, rowCount: 1000, columnCount: 10 }, "bold", (st) => ({ ...st, font: { ...st.font, bold: true } }));
    expect(wb.styles.size).toBe(2);
    expect(s.style(999, 9).font.bold).toBe(true);
  });

  test("clearing values drops empty rows", () => {
    const wb = newWorkbook();
    const s = wb.sheets[0];
    s.setValue(5, 5, 1);
    s.clear({ row: 0, column: 0, rowCount: 10, columnCount: 10 }, true, true);
    expect(s.storedRowCount).toBe(0);
    expect(s.usedRect(false)).toBeUndefined();
  });
});

describe("formulas", () => {
  test("arithmetic, precedence, references across sheets, functions, errors", () => {
    const wb = new WorkbookModel();
    const a = wb.addSheet("A");
    const b = wb.addSheet("My B");
    a.setValue(0, 0, 10);
    a.setValue(1, 0, 20);
    b.setValue(0, 0, 4);
    const f = (formula: string) => {
      a.setFormula(5, 5, formula, "");
      return cellValue(a, 5, 5);
    };
    expect(f("=1+2*3^2")).toBe(19);
    expect(f("=-A1+A2")).toBe(10);
    expect(f("='My B'!A1*2")).toBe(8);
    expect(f("=SUM(A1:A3)/COUNT(A1:A3)")).toBe(15);
    expect(f("=AVERAGE(A1:A2)")).toBe(15);
    expect(f("=ROUND(2.345,2)")).toBe(2.35);
    expect(f('=IF(A1>5,"yes","no")')).toBe("yes");
    expect(f("=A1/0")).toBe("#DIV/0!");
    expect(f("=IFERROR(A1/0,0)")).toBe(0);
    expect(f("=50%")).toBe(0.5);
    expect(f("=UNKNOWNFN(1)")).toBe("#NAME?");
    expect(f("=Z99")).toBe(0);
  });

  test("a single cell is a reference, as in Excel: the *IFS functions take it as a one-cell range, and SUM passes over text in it", () => {
    const wb = new WorkbookModel();
    const a = wb.addSheet("A");
    a.setValue(0, 0, 150);
    a.setValue(1, 0, "5");
    const f = (formula: string) => {
      a.setFormula(5, 5, formula, "");
      return cellValue(a, 5, 5);
    };
    expect(f('=COUNTIFS(A1:A1,">=100")')).toBe(1);
    expect(f('=COUNTIF(A1,">=100")')).toBe(1);
    expect(f('=SUMIFS(A1:A1,A1:A1,">=100",A1:A1,"<300")')).toBe(150);
    expect(f('=AVERAGEIFS(A1,A1,">=100")')).toBe(150);
    expect(f('=SUMIF(A1,">"&LARGE(A1,1))+LARGE(A1,1)*(1-COUNTIF(A1,">"&LARGE(A1,1)))')).toBe(150);
    expect(f("=SUM(A2)")).toBe(0);
    expect(f("=A2+1")).toBe(6);
    expect(f("=A1")).toBe(150);
  });

  test("NUMBERVALUE passes over spaces, not a no-break or full-width space (LibreOffice's #VALUE!; Excel's reference names spaces only)", () => {
    const wb = new WorkbookModel();
    const a = wb.addSheet("A");
    const texts = [" 3 000 ", "1,234.5\u00a0", "\u00a01,234.5", "\u30001,234.5", "1,234.5\t"];
    texts.forEach((t, i) => {
      a.setValue(i, 0, t);
      a.setFormula(i, 1, `=NUMBERVALUE(A${i + 1},".",",")`, "");
    });
    expect(texts.map((_, i) => cellValue(a, i, 1))).toEqual([3000, "#VALUE!", "#VALUE!", "#VALUE!", 1234.5]);
  });
});

describe("chart series derivation", () => {
  test("blank top-left cell makes the first row names and the first column categories", () => {
    const wb = new WorkbookModel();
    const s = wb.addSheet("D");
    [["", "x", "y"], [1, 2, 3], [4, 5, 6]].forEach((row, r) => row.forEach((v, c) => s.setValue(r, c, v as never)));
    const series = deriveSeries(s, { row: 0, column: 0, rowCount: 3, columnCount: 3 }, "Auto");
    expect(series.map((x) => [x.name, x.valuesAddress, x.categoriesAddress])).toEqual([
      ["x", "D!$B$2:$B$3", "D!$A$2:$A$3"],
      ["y", "D!$C$2:$C$3", "D!$A$2:$A$3"],
    ]);
  });
});

describe("boundaries", () => {
  test("host files other than node-client.ts and node-files.ts use no Node APIs (they are bundled for the browser)", () => {
    const dir = path.join(__dirname, "../../src/host");
    const offenders = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith(".ts") && f !== "node-client.ts" && f !== "node-files.ts")
      .filter((f) => /from "(fs|vm|path|os|child_process|node:[a-z_]+)"|\bBuffer\b|\brequire\(|process\./.test(fs.readFileSync(path.join(dir, f), "utf8")));
    expect(offenders).toEqual([]);
  });
});

describe("names that refer to sheets", () => {
  test("renaming a sheet rewrites references to it, and only to it; deleting it leaves #REF!", async () => {
    const { replaceSheetReferences } = await import("../../src/host/address");
    expect(replaceSheetReferences("=BA!A1+A!B2", "A", "X!")).toBe("=BA!A1+X!B2");
    expect(replaceSheetReferences("=SUM('My s'!A1:A3)", "My s", "'Z z'!")).toBe("=SUM('Z z'!A1:A3)");
    const wb = new WorkbookModel();
    const summary = wb.addSheet("汇总_2024");
    wb.addSheet("Other");
    wb.names.push({ name: "StatDesk_a", formula: "=汇总_2024!$A$1", comment: "", visible: false });
    wb.deleteSheet(summary);
    expect(wb.namedItem("StatDesk_a")!.formula).toBe("=#REF!$A$1");
  });
});
