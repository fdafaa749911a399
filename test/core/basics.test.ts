// The small functions every figure passes through: cell reading, rounding, YoY, tiers, periods,
// units, A1 addresses. Expected values come from Excel's own behaviour or from the definitions.

import { columnIndex, columnLetters, parseAddress, qualifiedAddress, rectName } from "../../src/core/a1";
import { gridWidth, isBlank, isBlankRow, isDateFormat, parseNumberCell } from "../../src/core/cells";
import { excelSerialToDate, findPeriodInText, parsePeriod, periodLabel, periodOfYear } from "../../src/core/periods";
import { formatFixed, roundTo } from "../../src/core/rounding";
import { enterpriseKey, toHalfWidth } from "../../src/core/text";
import { checkTierBounds, parseTierOption, tierLabel, tiersFromBounds } from "../../src/core/tiers";
import { detectUnit } from "../../src/core/units";
import { difference, mean, sharePct, sum, yoyPct } from "../../src/core/yoy";
import { resolveOptions } from "../../src/core/options";

describe("isBlank, isBlankRow, gridWidth", () => {
  test.each([
    [null, true],
    [undefined, true],
    ["", true],
    [" ", true],
    ["\t\r\n", true],
    ["\u3000", true], // ideographic space
    ["\u00a0 \u200b\ufeff", true], // no-break, zero-width and BOM
    ["\u2003\u202f", true],
    [" x", false],
    ["x ", false],
    ["\u3000碧桂园", false],
    ["碧桂园", false],
    [0, false],
    [false, false],
  ])("%j blank: %p", (cell, blank) => {
    expect(isBlank(cell)).toBe(blank);
  });

  test("a row is blank when every cell is; the grid is as wide as its widest row", () => {
    expect(isBlankRow([])).toBe(true);
    expect(isBlankRow([null, " ", "\u3000"])).toBe(true);
    expect(isBlankRow([null, " ", 0])).toBe(false);
    expect(gridWidth([])).toBe(0);
    expect(gridWidth([[1], [1, 2, 3], []])).toBe(3);
  });
});

describe("parseNumberCell", () => {
  test.each([
    [3430.2, 3430.2, []],
    ["3430.2", 3430.2, ["text-number"]],
    ["3,430.2", 3430.2, ["text-number", "thousands-separator"]],
    ["３４３０．２", 3430.2, ["text-number", "full-width"]],
    ["３，４３０．２", 3430.2, ["text-number", "full-width", "thousands-separator"]],
    ["12.5%", 12.5, ["text-number", "percent"]],
    [" -7 ", -7, ["text-number"]],
    ["1e3", 1000, ["text-number"]],
  ])("%p reads as %p", (cell, value, notes) => {
    expect(parseNumberCell(cell)).toEqual({ ok: true, value, notes });
  });

  test.each([
    ["", "empty"],
    [null, "empty"],
    ["—", "dash"],
    ["-", "dash"],
    ["－", "dash"],
    ["--", "dash"],
    ["n/a", "not-available"],
    ["N/A", "not-available"],
    ["暂无", "not-available"],
    ["#N/A", "excel-error"],
    ["#DIV/0!", "excel-error"],
    ["#REF!", "excel-error"],
    [true, "boolean"],
    ["TRUE", "boolean"],
    ["2024-01-05", "date"],
    ["2024年1月5日", "date"],
    ["about 300", "text"],
    ["1,23,4", "text"],
  ])("%p is missing: %s", (cell, reason) => {
    const parsed = parseNumberCell(cell);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toBe(reason);
  });

  test("a date-formatted number is a date, not a figure", () => {
    expect(parseNumberCell(45292, "yyyy/m/d")).toMatchObject({ ok: false, reason: "date" });
    expect(parseNumberCell(45292, "#,##0.0")).toMatchObject({ ok: true, value: 45292 });
  });

  test("isDateFormat tells dates from numbers", () => {
    expect(["yyyy/m/d", "m/d/yyyy", "yyyy\"年\"m\"月\"", "[$-804]yyyy年m月d日", "h:mm"].map(isDateFormat)).toEqual([true, true, true, true, true]);
    expect(["General", "0.0", "#,##0.0", "@", "[Red]▲0.0;[Color10]▼0.0", "0.0%", "0.00E+00", '0.0"亿元"'].map(isDateFormat)).toEqual([
      false, false, false, false, false, false, false, false,
    ]);
  });
});

describe("rounding", () => {
  test("四舍五入 as Excel ROUND, on the decimal value", () => {
    // Excel: =ROUND(2.675,2) → 2.68, =ROUND(1.005,2) → 1.01, =ROUND(-2.5,0) → -3, =ROUND(704,1) → 704
    expect(roundTo(2.675, 2)).toBe(2.68);
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(-2.5, 0)).toBe(-3);
    expect(roundTo(0.05, 1)).toBe(0.1);
    expect(roundTo(-30.55, 1)).toBe(-30.6);
    expect(roundTo(1234.5, -1)).toBe(1230);
    expect(roundTo(1235, -1)).toBe(1240);
  });

  test("GB/T 8170 round half even: a bare 5 goes to the even digit, a 5 with more goes up", () => {
    // GB/T 8170-2008 examples: 12.1498 → 12.1 (1 dp); 10.5002 → 11 (0 dp); 0.35 → 0.4 and 0.45 → 0.4 (1 dp)
    expect(roundTo(12.1498, 1, "half-even")).toBe(12.1);
    expect(roundTo(10.5002, 0, "half-even")).toBe(11);
    expect(roundTo(0.35, 1, "half-even")).toBe(0.4);
    expect(roundTo(0.45, 1, "half-even")).toBe(0.4);
    expect(roundTo(2.665, 2, "half-even")).toBe(2.66);
    expect(roundTo(-2.5, 0, "half-even")).toBe(-2);
  });

  test("formatFixed keeps trailing zeros and never prints -0.0", () => {
    expect(formatFixed(704, 1)).toBe("704.0");
    expect(formatFixed(-0.04, 1)).toBe("0.0");
    expect(formatFixed(2001.4000000001, 1)).toBe("2001.4");
    expect(formatFixed(43547.3, 1)).toBe("43547.3");
  });
});

describe("year-on-year arithmetic", () => {
  test("yoyPct: (current / previous − 1) × 100", () => {
    expect(yoyPct(110, 100)).toBeCloseTo(10, 12);
    expect(yoyPct(43547.3, 62748.6)).toBeCloseTo(-30.6, 1);
  });
  test("no base gives null, never 0 or NaN", () => {
    expect([yoyPct(5, 0), yoyPct(5, -1), yoyPct(5, null), yoyPct(null, 5), yoyPct(5, Number.NaN), yoyPct(undefined, 4)]).toEqual([
      null, null, null, null, null, null,
    ]);
  });
  test("difference, share, mean, sum", () => {
    expect(difference(11, 16)).toBe(-5);
    expect(difference(null, 16)).toBeNull();
    expect(sharePct(43547.3, 96750)).toBeCloseTo(45.01, 2);
    expect(sharePct(1, 0)).toBeNull();
    expect(mean([])).toBeNull();
    expect(mean([1, 2, 3])).toBe(2);
    // compensated summation: ten thousand 0.1s are exactly 1000 to print
    expect(sum(Array(10000).fill(0.1))).toBeCloseTo(1000, 10);
  });
});

describe("tiers", () => {
  test("presets and labels, lower bound inclusive", () => {
    const tiers = tiersFromBounds([100, 300, 500, 1000]);
    expect(tiers).toEqual([
      { min: 1000, max: null },
      { min: 500, max: 1000 },
      { min: 300, max: 500 },
      { min: 100, max: 300 },
    ]);
    expect(tiers.map((t) => tierLabel(t, "亿元", "zh-CN"))).toEqual(["1000亿以上", "500-1000亿", "300-500亿", "100-300亿"]);
    expect(tierLabel(tiers[1], "亿元", "en-US")).toBe("RMB 50–100bn");
    expect(parseTierOption("cia2020").bounds).toEqual([100, 200, 500, 1000]);
  });
  test("custom bounds must ascend without repeats", () => {
    expect(checkTierBounds([100, 300, 500])).toEqual([]);
    expect(checkTierBounds([100, 300, 300]).map((p) => p.code)).toEqual(["tier-bounds-duplicate"]);
    expect(checkTierBounds([300, 100]).map((p) => p.code)).toEqual(["tier-bounds-unordered"]);
    expect(checkTierBounds([]).map((p) => p.code)).toEqual(["tier-bounds-empty"]);
    expect(parseTierOption("100，abc").problems.map((p) => p.code)).toEqual(["tier-bounds-not-number"]);
    expect(checkTierBounds([-5, 100]).map((p) => p.code)).toEqual(["tier-bounds-negative"]);
  });
  test("options reject bad TOP-N and national totals with a message code", () => {
    expect(resolveOptions({ topN: "10,abc" }).problems.map((p) => p.code)).toEqual(["top-n-invalid"]);
    expect(resolveOptions({ nationalTotal: "-3" }).problems.map((p) => p.code)).toEqual(["national-total-invalid"]);
    expect(resolveOptions({ nationalTotal: "96750,116622" }).options.nationalTotal).toEqual({ current: 96750, previous: 116622 });
  });
  test("a national total typed with thousands separators is one figure; two years take a separator (the task pane's field and --national-total)", () => {
    const read = (text: string) => resolveOptions({ nationalTotal: text });
    expect(read("96,750").options.nationalTotal).toEqual({ current: 96750, previous: null });
    expect(read("96,750;116,622").options.nationalTotal).toEqual({ current: 96750, previous: 116622 });
    expect(read("96750；116622").options.nationalTotal).toEqual({ current: 96750, previous: 116622 });
    expect(read("96750 / 116622").options.nationalTotal).toEqual({ current: 96750, previous: 116622 });
    expect(read("1,234,567.5").options.nationalTotal).toEqual({ current: 1234567.5, previous: null });
    // Not one thousands-grouped number: the comma separates the years.
    expect(read("96,75").options.nationalTotal).toEqual({ current: 96, previous: 75 });
    expect(["1,2,3", "abc", ""].map((t) => read(t).problems.map((p) => p.code))).toEqual([["national-total-invalid"], ["national-total-invalid"], ["national-total-invalid"]]);
    expect(resolveOptions({ tiers: "100,200,500,1000" }).options.tierPreset).toBe("cia2020");
    expect(resolveOptions({ topN: "100,10,30" }).options.topN).toEqual([10, 30, 100]);
  });
});

describe("periods", () => {
  test.each([
    ["2024年1-12月", { year: 2024, fromMonth: 1, toMonth: 12, kind: "ytd" }],
    ["2024年1—2月", { year: 2024, fromMonth: 1, toMonth: 2, kind: "ytd" }],
    ["2024年12月", { year: 2024, fromMonth: 12, toMonth: 12, kind: "month" }],
    ["2024-12", { year: 2024, fromMonth: 12, toMonth: 12, kind: "month" }],
    ["2024M12", { year: 2024, fromMonth: 12, toMonth: 12, kind: "month" }],
    ["2024Q1", { year: 2024, fromMonth: 1, toMonth: 3, kind: "quarter" }],
    ["2024年一季度", { year: 2024, fromMonth: 1, toMonth: 3, kind: "quarter" }],
    ["2023年上半年", { year: 2023, fromMonth: 1, toMonth: 6, kind: "half" }],
    ["2024", { year: 2024, fromMonth: 1, toMonth: 12, kind: "year" }],
    [2024, { year: 2024, fromMonth: 1, toMonth: 12, kind: "year" }],
    [45627, { year: 2024, fromMonth: 12, toMonth: 12, kind: "month" }],
  ])("%p", (label, period) => {
    expect(parsePeriod(label)).toEqual(period);
  });
  test("a label without a year takes the year given", () => {
    expect(parsePeriod("1-2月", 2024)).toEqual({ year: 2024, fromMonth: 1, toMonth: 2, kind: "ytd" });
    expect(parsePeriod("1-2月")).toBeUndefined();
  });
  test("Excel serials, including Excel's 1900 leap-year quirk", () => {
    expect(excelSerialToDate(45627)).toEqual({ year: 2024, month: 12, day: 1 });
    expect(excelSerialToDate(1)).toEqual({ year: 1900, month: 1, day: 1 });
    expect(excelSerialToDate(61)).toEqual({ year: 1900, month: 3, day: 1 });
  });
  test("years in titles, sheet and file names, not in TOP100", () => {
    expect(findPeriodInText("2024年房企销售额排行（单位：亿元）")).toEqual({ year: 2024, fromMonth: 1, toMonth: 12, kind: "year" });
    expect(findPeriodInText("中指2023年上半年TOP100")).toMatchObject({ year: 2023, fromMonth: 1, toMonth: 6 });
    expect(findPeriodInText("2024年1-6月TOP100.csv")).toMatchObject({ year: 2024, toMonth: 6 });
    expect(findPeriodInText("TOP100榜单")).toBeUndefined();
    expect(periodLabel({ year: 2023, fromMonth: 1, toMonth: 6, kind: "half" }, "en-US")).toBe("Jan–Jun 2023");
  });
  test("a year the person gives keeps the months a title or name writes without a year, its own year set aside", () => {
    expect(periodOfYear(2024, ["1-11月房企销售额排行（单位：亿元）"])).toEqual({ year: 2024, fromMonth: 1, toMonth: 11, kind: "ytd" });
    expect(periodOfYear(2024, ["房企销售额排行", "上半年"])).toMatchObject({ year: 2024, fromMonth: 1, toMonth: 6 });
    expect(periodOfYear(2024, ["中指前三季度TOP100"])).toMatchObject({ year: 2024, fromMonth: 1, toMonth: 9 });
    expect(periodOfYear(2024, ["2023年1-5月TOP100"])).toMatchObject({ year: 2024, fromMonth: 1, toMonth: 5 });
    expect(periodOfYear(2024, ["TOP100榜单", undefined])).toEqual({ year: 2024, fromMonth: 1, toMonth: 12, kind: "year" });
    expect(periodOfYear(24, ["1-11月"])).toBeUndefined();
  });
});

describe("units and names", () => {
  test.each([
    ["销售额（亿元）", "亿元", 1],
    ["Sales (100m yuan)", "亿元", 1],
    ["销售额(万元)", "万元", 1e-4],
    ["金额 RMB bn", "十亿元", 10],
    ["销售面积（万平方米）", "万平方米", 1],
    ["Sales area (sqm)", "平方米", 1e-4],
  ])("%p is in %s", (text, unit, factor) => {
    expect(detectUnit(text)).toMatchObject({ unit, factor });
  });
  test("enterprise names meet across width, spaces and brackets", () => {
    expect(enterpriseKey("碧桂园（控股） ")).toBe(enterpriseKey("碧桂园(控股)"));
    expect(enterpriseKey("Ｖａｎｋｅ　万科")).toBe(enterpriseKey("vanke万科"));
    expect(enterpriseKey("【绿城】中国")).toBe(enterpriseKey("(绿城)中国"));
    expect(toHalfWidth("３４３０．２")).toBe("3430.2");
  });
});

describe("A1 addresses", () => {
  test("letters and indexes", () => {
    expect([columnLetters(0), columnLetters(25), columnLetters(26), columnLetters(16383)]).toEqual(["A", "Z", "AA", "XFD"]);
    expect([columnIndex("A"), columnIndex("xfd"), columnIndex("XFE"), columnIndex("A1")]).toEqual([0, 16383, -1, -1]);
  });
  test("parse and print", () => {
    expect(parseAddress("'2024 TOP100'!B3:D10")).toMatchObject({ sheet: "2024 TOP100", row: 2, column: 1, rowCount: 8, columnCount: 3 });
    expect(parseAddress("A:C")).toMatchObject({ wholeColumns: true, column: 0, columnCount: 3 });
    expect(parseAddress("3:5")).toMatchObject({ wholeRows: true, row: 2, rowCount: 3 });
    expect(parseAddress("$C$17")).toMatchObject({ row: 16, column: 2 });
    expect(parseAddress("D10:B3")).toMatchObject({ row: 2, column: 1, rowCount: 8, columnCount: 3 });
    expect(parseAddress("nonsense")).toBeUndefined();
    expect(rectName({ row: 0, column: 0, rowCount: 1048576, columnCount: 2 })).toBe("A:B");
    expect(qualifiedAddress("Sheet1", { row: 16, column: 2, rowCount: 1, columnCount: 1 })).toBe("Sheet1!C17");
    expect(qualifiedAddress("2024年 TOP100", { row: 0, column: 0, rowCount: 2, columnCount: 2 })).toBe("'2024年 TOP100'!A1:B2");
    expect(qualifiedAddress("It's", { row: 0, column: 0, rowCount: 1, columnCount: 1 })).toBe("'It''s'!A1");
  });
});
