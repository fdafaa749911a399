// Future functions in .xlsx files ([MS-XLSX] 2.2.3): prefixed on the way out, unprefixed on the
// way in, never inside text or a quoted sheet name.

import { fromFileFormula, toFileFormula } from "../../src/host/future-functions";

test.each([
  ["=NUMBERVALUE('2024年'!$C$7,\".\",\",\")", "=_xlfn.NUMBERVALUE('2024年'!$C$7,\".\",\",\")"],
  ["=IFNA(numbervalue(A1),0)+SUM(B1:B3)", "=_xlfn.IFNA(_xlfn.numbervalue(A1),0)+SUM(B1:B3)"],
  ['="NUMBERVALUE(1)"&A1', '="NUMBERVALUE(1)"&A1'],
  ["='IFNA(x'!A1+'It''s IFS('!B2", "='IFNA(x'!A1+'It''s IFS('!B2"],
  ["=COUNTIFS($C$2:$C$9,\">=1000\")", "=COUNTIFS($C$2:$C$9,\">=1000\")"],
  ["=MYIFS(1)", "=MYIFS(1)"],
])("%s is stored as %s, and read back as written", (formula, stored) => {
  expect(toFileFormula(formula)).toBe(stored);
  expect(fromFileFormula(stored)).toBe(formula);
});

test("a workbook's _xlfn._xlws. prefix is removed too", () => {
  expect(fromFileFormula("=_xlfn._xlws.SORT(A1:A3)")).toBe("=SORT(A1:A3)");
});
