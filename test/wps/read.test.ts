// Reading through the WPS adapter against the stand-in's measured quirks (wps-addin.md §2.3):
// Value2 shapes, null empties, CVErr numbers, mixed number formats; and the conversions of et.ts.

import { bgr, charsOfPoints, cvErr, errorText, grid2D, hexOfBgr, pointsOfChars } from "../../src/wps/et";
import { readWorkbook } from "../../src/wps/read";
import { EtApplication } from "../../src/wps/et";
import { workbookOf } from "../fixtures/workbooks";
import { standIn } from "../../src/wps-standin/stand-in";

const readGrids = (app: EtApplication, addresses: string[]) => readWorkbook(app, addresses.map((address) => ({ kind: "address" as const, address })));

const book = () => {
  const workbook = workbookOf({ Data: [["name", "value", "note"], ["a", 1, ""], ["b", "#DIV/0!", "x"], ["c", 3, ""]] });
  workbook.sheet("Data")!.updateStyle({ row: 1, column: 1, rowCount: 3, columnCount: 1 }, "pct", (s) => ({ ...s, numberFormat: "0.0%" }));
  return workbook;
};

test.each(["2d", "flat"] as const)("a block, a row, a column and a cell read as 2-D grids, empties as \"\" and errors as text (lines %s)", (lineShape) => {
  const et = standIn(book(), { lineShape });
  const read = readGrids(et.app, ["Data!A1:C4", "Data!A2:C2", "Data!B1:B4", "Data!B3"]);
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  expect(read.grids.map((g) => g.values)).toEqual([
    [["name", "value", "note"], ["a", 1, ""], ["b", "#DIV/0!", "x"], ["c", 3, ""]],
    // cut to its filled cells, as Office.js's getUsedRangeOrNullObject(true) cuts it
    [["a", 1]],
    [["value"], [1], ["#DIV/0!"], [3]],
    [["#DIV/0!"]],
  ]);
  expect(read.grids.map((g) => g.address)).toEqual(["Data!A1:C4", "Data!A2:B2", "Data!B1:B4", "Data!B3"]);
  expect(et.log.byMember.get("Range.Value2")).toBe(4);
});

test("number formats: one read for a block that shares one, per column where a block mixes them, per cell only in a mixed column", () => {
  const et = standIn(book());
  const read = readGrids(et.app, ["Data!A2:C4", "Data!B2:B4"]);
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  expect(read.grids[0].numberFormats).toEqual([
    ["General", "0.0%", "General"],
    ["General", "0.0%", "General"],
    ["General", "0.0%", "General"],
  ]);
  expect(read.grids[1].numberFormats).toEqual([["0.0%"], ["0.0%"], ["0.0%"]]);
  // block (null) + 3 columns for the first; the second shares one format: 1 read
  expect(et.log.byMember.get("Range.NumberFormat")).toBe(1 + 3 + 1);
});

test("a missing sheet and a bad address are said, not thrown", () => {
  const et = standIn(book());
  expect(readGrids(et.app, ["Nope!A1:B2"])).toEqual({ ok: false, problems: [{ code: "source-missing", severity: "error", params: { source: "Nope!A1:B2", kind: "sheet" } }], syncs: 1 });
  expect(readGrids(et.app, ["Data!A1:"])).toEqual({ ok: false, problems: [{ code: "source-address-invalid", severity: "error", params: { address: "Data!A1:" } }], syncs: 0 });
});

test("the stand-in's collections are 1-based and a sheet deleted with alerts on is refused (WPS would ask)", () => {
  const et = standIn(book());
  expect(et.app.ActiveWorkbook.Worksheets.Item(1).Name).toBe("Data");
  expect(() => et.app.ActiveWorkbook.Worksheets.Item(0)).toThrow(/no such sheet/);
  expect(() => et.app.ActiveWorkbook.Worksheets.Item(1).Cells.Item(0, 1)).toThrow(/1-based/);
  const added = et.app.ActiveWorkbook.Worksheets.Add()!;
  expect(() => added.Delete()).toThrow(/DisplayAlerts/);
});

test("conversions: BGR colours, CVErr numbers, Value2 shapes, character widths", () => {
  // r + g*256 + b*65536 (wps-addin.md §2.3)
  expect(bgr("#FF0000")).toBe(255);
  expect(bgr("#1F4E79")).toBe(0x1f + 0x4e * 256 + 0x79 * 65536);
  expect(hexOfBgr(bgr("#1F4E79"))).toBe("#1F4E79");
  // the two codes the COM probe measured (wps-addin.md §2.3 table, "formula errors")
  expect(cvErr("#DIV/0!")).toBe(-2146826281);
  expect(cvErr("#NAME?")).toBe(-2146826259);
  expect(errorText(-2146826246)).toBe("#N/A");
  expect(errorText(-2146826281.5)).toBeUndefined();
  expect(errorText(42)).toBeUndefined();
  expect(grid2D(null, 1, 1)).toEqual([[""]]);
  expect(grid2D([1, null], 1, 2)).toEqual([[1, ""]]);
  expect(grid2D([1, null], 2, 1)).toEqual([[1], [""]]);
  expect(grid2D([[1], [2]], 2, 1)).toEqual([[1], [2]]);
  expect(pointsOfChars(charsOfPoints(64))).toBeCloseTo(64, 1);
});
