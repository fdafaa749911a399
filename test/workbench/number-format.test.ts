// The workbench's number formatter against what Excel (desktop, en-US) shows for the same value
// and format code. Expected texts were read off Excel's documented behaviour: General shows up to
// 11 characters; rounding is half away from zero on the decimal value; "#" drops trailing zeros
// but keeps the decimal point; a format with a negative section prints no minus sign.

import { formatColour, formatGeneral, formatValue, roundDecimal } from "../../src/workbench/number-format";

const show = (value: number | string | boolean, code: string) => formatValue(value, code).text;

describe("General", () => {
  test.each([
    [43547.3, "43547.3"],
    [0.1 + 0.2, "0.3"],
    [1 / 3, "0.333333333"],
    [-5, "-5"],
    [0, "0"],
    [123456.789012345, "123456.789"],
    [123456789012, "1.23457E+11"],
    [1e-10, "1E-10"],
    [-2.5e12, "-2.5E+12"],
  ])("%p shows %p", (value, text) => {
    expect(formatGeneral(value)).toBe(text);
    expect(show(value, "General")).toBe(text);
  });

  test("an empty code is General; text, booleans and empty cells show as they are", () => {
    expect(show(12.5, "")).toBe("12.5");
    expect(show("样本", "General")).toBe("样本");
    expect(show(true, "0.0")).toBe("TRUE");
    expect(show("", "0.0")).toBe("");
    expect(show("#N/A", "0.0")).toBe("#N/A");
  });
});

describe("the fixed formats StatDesk writes", () => {
  test.each([
    [10.5, "0", "11"],
    [-2.5, "0", "-3"],
    [0, "0", "0"],
    [1.25, "0.0", "1.3"],
    [1.005, "0.00", "1.01"],
    [-0.04, "0.0", "-0.0"],
    [1234567.5, "#,##0", "1,234,568"],
    [999.96, "#,##0.0", "1,000.0"],
    [43547.3, "#,##0.0", "43,547.3"],
    [-43547.25, "#,##0.0", "-43,547.3"],
    [96750, "#,##0.##", "96,750."],
    [1234.5, "#,##0.##", "1,234.5"],
    [0.125, "#,##0.##", "0.13"],
    [-0.306, "0.0%", "-30.6%"],
    [0.0049, "0.0%", "0.5%"],
    [0.393, "0.0%", "39.3%"],
    [12, "@", "12"],
  ])("%p under %p shows %p", (value, code, text) => {
    expect(show(value, code)).toBe(text);
  });

  test("text under @ stays text", () => {
    expect(show("TOP100", "@")).toBe("TOP100");
  });
});

describe("sectioned colour formats", () => {
  const growthRedUp = "[Red]▲0.0%;[Color10]▼0.0%;0.0%";
  const countRedUp = "[Red]▲0;[Color10]▼0;0";

  test("growth: positive red with ▲, negative green with ▼ and no minus sign, zero plain", () => {
    expect(formatValue(0.06, growthRedUp)).toEqual({ text: "▲6.0%", color: "#FF0000" });
    expect(formatValue(-0.306, growthRedUp)).toEqual({ text: "▼30.6%", color: "#008000" });
    expect(formatValue(0, growthRedUp)).toEqual({ text: "0.0%" });
  });

  test("counts: ▲5 / ▼5 / 0", () => {
    expect(formatValue(5, countRedUp)).toEqual({ text: "▲5", color: "#FF0000" });
    expect(formatValue(-5, countRedUp)).toEqual({ text: "▼5", color: "#008000" });
    expect(formatValue(0, countRedUp)).toEqual({ text: "0" });
  });

  test("the green-up convention swaps the colours", () => {
    expect(formatValue(2.9, "[Color10]▲0.0;[Red]▼0.0;0.0")).toEqual({ text: "▲2.9", color: "#008000" });
    expect(formatValue(-8.8, "[Color10]▲0.0;[Red]▼0.0;0.0")).toEqual({ text: "▼8.8", color: "#FF0000" });
  });

  test("a value that rounds to zero keeps its section (Excel shows ▼0.0% in green)", () => {
    expect(formatValue(-0.0001, growthRedUp)).toEqual({ text: "▼0.0%", color: "#008000" });
  });

  test("two sections: the second is for negatives, shown without the sign", () => {
    expect(show(-12.34, "0.0;(0.0)")).toBe("(12.3)");
    expect(show(0, "0.0;(0.0)")).toBe("0.0");
  });

  test("an empty section hides the value; a text section wraps text", () => {
    expect(show(0, "0;-0;;@")).toBe("");
    expect(show("abc", '0;-0;0;"Text: "@')).toBe("Text: abc");
  });

  test("colour names and palette indices", () => {
    expect(formatColour("Red")).toBe("#FF0000");
    expect(formatColour("BLUE")).toBe("#0000FF");
    expect(formatColour("Green")).toBe("#00FF00");
    expect(formatColour("Color10")).toBe("#008000");
    expect(formatColour("Color3")).toBe("#FF0000");
    expect(formatColour("Color57")).toBeUndefined();
    expect(formatColour("Bold")).toBeUndefined();
  });

  test("conditions choose the section", () => {
    expect(show(150, "[>=100]0;0.00")).toBe("150");
    expect(show(5, "[>=100]0;0.00")).toBe("5.00");
  });
});

describe("other codes a person's file may bring", () => {
  test.each([
    [1234567, "#,##0,", "1,235"],
    [1234.5, "$#,##0.00", "$1,234.50"],
    [1234.5, '[$¥-804]#,##0.00', "¥1,234.50"],
    [12345, "0.00E+00", "1.23E+04"],
    [0.000123, "0.0E+0", "1.2E-4"],
    [7, "000", "007"],
    [0.5, "#.##", ".5"],
    [3.5, '0.0" 亿元"', "3.5 亿元"],
    [3, "0_);(0)", "3 "],
    [-3, "0_);(0)", "(3)"],
  ])("%p under %p shows %p", (value, code, text) => {
    expect(show(value, code)).toBe(text);
  });

  test("dates and times in the 1900 date system", () => {
    expect(show(45292, "yyyy-mm-dd")).toBe("2024-01-01");
    expect(show(45292, 'yyyy"年"m"月"d"日"')).toBe("2024年1月1日");
    expect(show(45657, "m/d/yy")).toBe("12/31/24");
    expect(show(45292.5, "h:mm")).toBe("12:00");
    expect(show(45292.75, "h:mm AM/PM")).toBe("6:00 PM");
    expect(show(45292, "mmm d, yyyy")).toBe("Jan 1, 2024");
    expect(show(60, "yyyy-mm-dd")).toBe("1900-02-29"); // Excel's fictitious leap day
    expect(show(61, "yyyy-mm-dd")).toBe("1900-03-01");
  });
});

describe("decimal rounding", () => {
  test("works on the decimal digits, not the binary value", () => {
    expect(roundDecimal(1.005, 2)).toEqual({ int: "1", frac: "01" });
    expect(roundDecimal(2.675, 2)).toEqual({ int: "2", frac: "68" });
    expect(roundDecimal(9.96, 1)).toEqual({ int: "10", frac: "0" });
    expect(roundDecimal(0.006, 2)).toEqual({ int: "0", frac: "01" });
    expect(roundDecimal(0.004, 2)).toEqual({ int: "0", frac: "00" });
    expect(roundDecimal(0.306, 1, 2)).toEqual({ int: "30", frac: "6" });
    expect(roundDecimal(999999.5, 0)).toEqual({ int: "1000000", frac: "" });
  });
});
