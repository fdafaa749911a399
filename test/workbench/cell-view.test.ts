// How the grid draws cells, checked without a browser: a fixed-width "font" (7 px a character)
// stands in for the canvas. Expected behaviour is Excel's: General alignment by type, text that
// runs into empty neighbours only, #### for numbers that do not fit, merged areas drawn once.

import { newWorkbook } from "../../src/host/model";
import { borderCss, cellBoxes, CellBox } from "../../src/workbench/cell-view";
import { layoutSheet } from "../../src/workbench/sheet-layout";
import { formulaBarText } from "../../src/workbench/components/WorkbookView/useWorkbookView";

const measure = (text: string) => text.length * 7;

function draw(fill: (sheet: ReturnType<typeof newWorkbook>["sheets"][number]) => void, range = { top: 0, bottom: 3, left: 0, right: 4 }) {
  const wb = newWorkbook();
  const sheet = wb.sheets[0];
  fill(sheet);
  const boxes = cellBoxes(sheet, layoutSheet(sheet), range, measure);
  const at = (address: string) => boxes.find((b) => b.address === address) as CellBox;
  return { wb, sheet, boxes, at };
}

test("General alignment: numbers right, text left, TRUE/FALSE and errors centred", () => {
  const { at } = draw((s) => {
    s.setValue(0, 0, 12.5);
    s.setValue(0, 1, "abc");
    s.setValue(0, 2, true);
    s.setValue(0, 3, "#N/A");
  });
  expect(["A1", "B1", "C1", "D1"].map((a) => [at(a).text, at(a).align])).toEqual([
    ["12.5", "right"],
    ["abc", "left"],
    ["TRUE", "center"],
    ["#N/A", "center"],
  ]);
});

test("long text runs into empty cells to the right and stops at a filled one", () => {
  const { at } = draw((s) => {
    s.setValue(0, 0, "a title that is much wider than one column");
    s.setValue(1, 0, "another long text that would run on");
    s.setValue(1, 2, "x");
  });
  expect(at("A1").textWidth).toBeGreaterThan(64 * 3);
  expect(at("A2").textWidth).toBe(128); // A and B only: C holds a value
});

test("a number too wide for its column shows ####, as Excel does", () => {
  const { at, sheet } = draw((s) => {
    s.setValue(0, 0, 123456789.123);
    s.columnWidths.set(0, 30);
  });
  expect(sheet.columnWidth(0)).toBe(30);
  expect(at("A1").text).toMatch(/^#+$/);
});

test("number formats and their colours reach the box", () => {
  const { at, wb, sheet } = draw((s) => s.setValue(0, 0, -0.306));
  const id = wb.styles.intern({ ...sheet.style(0, 0), numberFormat: "[Red]▲0.0%;[Color10]▼0.0%;0.0%" });
  sheet.setStyleId(0, 0, id);
  const box = cellBoxes(sheet, layoutSheet(sheet), { top: 0, bottom: 1, left: 0, right: 1 }, measure)[0];
  expect([box.text, box.font.color]).toEqual(["▼30.6%", "#008000"]);
  expect(at("A1").text).toBe("-0.306");
});

test("a merged area is one box from its first cell, also when the window starts inside it", () => {
  const { boxes } = draw(
    (s) => {
      s.setValue(0, 0, "merged");
      s.merges.push({ row: 0, column: 0, rowCount: 2, columnCount: 3 });
    },
    { top: 1, bottom: 3, left: 1, right: 4 },
  );
  const merged = boxes.filter((b) => b.merged);
  expect(merged).toHaveLength(1);
  expect([merged[0].address, merged[0].width, merged[0].height, merged[0].text]).toEqual(["A1", 192, 40, "merged"]);
  expect(boxes.some((b) => b.address === "B2" || b.address === "C2")).toBe(false);
});

test("text from a cell left of the window still shows where it runs into the window", () => {
  const { boxes } = draw((s) => s.setValue(0, 0, "a long title running over several columns"), { top: 0, bottom: 1, left: 2, right: 5 });
  expect(boxes.find((b) => b.address === "A1")?.text).toBe("a long title running over several columns");
});

test("borders become CSS; the formula bar shows formulas, values and percentages as typed", () => {
  expect(borderCss({ style: "Continuous", color: "#8EA9DB", weight: "Thin" })).toBe("1px solid #8EA9DB");
  expect(borderCss({ style: "Continuous", color: "#000000", weight: "Medium" })).toBe("2px solid #000000");
  expect(borderCss({ style: "Double", color: "#000000", weight: "Thick" })).toBe("3px double #000000");
  expect(borderCss({ style: "None", color: "#000000", weight: "Thin" })).toBeUndefined();
  const { wb, sheet } = draw((s) => {
    s.setValue(0, 0, 0.1 + 0.2);
    s.setValue(0, 1, -0.306);
    s.setFormula(0, 2, "=A1*2", 0.6);
  });
  sheet.setStyleId(0, 1, wb.styles.intern({ ...sheet.style(0, 1), numberFormat: "0.0%" }));
  expect(formulaBarText(sheet, 0, 0)).toBe("0.3");
  expect(formulaBarText(sheet, 0, 1)).toBe("-30.6%");
  expect(formulaBarText(sheet, 0, 2)).toBe("=A1*2");
  expect(formulaBarText(sheet, 5, 5)).toBe("");
});
