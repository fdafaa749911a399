// Functions newer than the file format's own list are stored in an .xlsx with a prefix:
// "_xlfn.NUMBERVALUE(…)" in the file is NUMBERVALUE(…) in Excel's formula bar and in Office.js
// ([MS-XLSX] 2.2.3 Functions, "future functions",
// https://learn.microsoft.com/en-us/openspecs/office_standards/ms-xlsx/5d1b6d44-6fc1-4ecd-8fef-0b27406cc2bf).
// Without the prefix Excel and LibreOffice read the name as unknown (#NAME?). Stated once here for
// the writer and the reader; the list holds the future functions an Excel 2019 computes that the
// host evaluates or a workbook is likely to carry.

const FUTURE = new Set(["NUMBERVALUE", "IFNA", "IFS", "SWITCH", "MAXIFS", "MINIFS", "CONCAT", "TEXTJOIN", "AGGREGATE", "DAYS", "ISOWEEKNUM", "FORMULATEXT", "SHEET", "SHEETS", "XOR"]);

// A function name: letters, digits and dots before "(", not part of a longer name.
const NAME_BEFORE_PAREN = /(?<![A-Za-z0-9_.])([A-Za-z][A-Za-z0-9.]*)\(/g;
const PREFIXED = /(?<![A-Za-z0-9_.])_xlfn\.(?:_xlws\.)?([A-Za-z][A-Za-z0-9.]*)\(/g;

/** Applies `replace` to the parts of a formula outside "text" and 'sheet name' quotes. */
function outsideQuotes(formula: string, replace: (part: string) => string): string {
  let out = "";
  let start = 0;
  let i = 0;
  while (i < formula.length) {
    const quote = formula[i];
    if (quote !== '"' && quote !== "'") {
      i++;
      continue;
    }
    out += replace(formula.slice(start, i));
    // A quote inside is doubled ("" or ''); the quoted part ends at the first single one.
    let j = i + 1;
    while (j < formula.length && !(formula[j] === quote && formula[j + 1] !== quote)) j += formula[j] === quote ? 2 : 1;
    out += formula.slice(i, j + 1);
    i = j + 1;
    start = i;
  }
  return out + replace(formula.slice(start));
}

/** The formula as an .xlsx stores it: future functions prefixed. toFileFormula("=NUMBERVALUE(A1)") // => "=_xlfn.NUMBERVALUE(A1)" */
export function toFileFormula(formula: string): string {
  return outsideQuotes(formula, (part) => part.replace(NAME_BEFORE_PAREN, (whole, name: string) => (FUTURE.has(name.toUpperCase()) ? `_xlfn.${name}(` : whole)));
}

/** The formula as Excel shows it, from an .xlsx's text: prefixes removed. fromFileFormula("=_xlfn.IFNA(A1,0)") // => "=IFNA(A1,0)" */
export function fromFileFormula(formula: string): string {
  return outsideQuotes(formula, (part) => part.replace(PREFIXED, (_whole, name: string) => `${name}(`));
}
