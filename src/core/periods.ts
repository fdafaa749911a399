// Periods as desks write them — "2024年1-12月", "2024年1—2月", "1-2月", "2024年12月", "2024-12",
// "2024M12", "2024Q1", "2023年上半年", "2024", Excel date serials — read into one shape.

import { CellValue } from "./cells";
import { removeSpaces, toHalfWidth } from "./text";

/**
 * A span of months within one year. A full year is months 1–12. "ytd" spans run from January
 * (NBS cumulative figures); "month" is a single month, or the month a cumulative figure runs to
 * when the source does not say which (the caller knows from the indicator).
 */
export interface Period {
  readonly year: number;
  readonly fromMonth: number;
  readonly toMonth: number;
  readonly kind: "year" | "ytd" | "month" | "quarter" | "half";
}

const RANGE_SEPARATOR = "[-—–~～至到]+";
const CHINESE_DIGITS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4 };

function isYear(n: number): boolean {
  return Number.isInteger(n) && n >= 1900 && n <= 2100;
}

function month(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && n <= 12;
}

/** A full calendar year. */
export function yearPeriod(year: number): Period {
  return { year, fromMonth: 1, toMonth: 12, kind: "year" };
}

/**
 * The calendar date of an Excel date serial (1900 date system, with Excel's phantom 29 Feb 1900).
 * excelSerialToDate(45627) // => { year: 2024, month: 12, day: 1 }
 */
export function excelSerialToDate(serial: number): { year: number; month: number; day: number } {
  const days = Math.floor(serial) - (serial > 60 ? 1 : 0);
  const epoch = Date.UTC(1899, 11, 31);
  const date = new Date(epoch + days * 86400000);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/**
 * Reads a period label; `year` supplies the year for labels that have none ("1-2月").
 * parsePeriod("2024年1—2月") // => { year: 2024, fromMonth: 1, toMonth: 2, kind: "ytd" }
 * parsePeriod("2024Q1") // => { year: 2024, fromMonth: 1, toMonth: 3, kind: "quarter" }
 * parsePeriod(45627) // => { year: 2024, fromMonth: 12, toMonth: 12, kind: "month" } (a date serial)
 */
export function parsePeriod(cell: CellValue, year?: number): Period | undefined {
  if (typeof cell === "number") {
    if (isYear(cell)) return yearPeriod(cell);
    if (cell > 3000 && cell < 2958466) {
      const d = excelSerialToDate(cell);
      return { year: d.year, fromMonth: d.month, toMonth: d.month, kind: "month" };
    }
    return undefined;
  }
  if (typeof cell !== "string") return undefined;
  const text = removeSpaces(toHalfWidth(cell)).replace(/[（(].*?[)）]/g, "");
  if (text === "") return undefined;

  let m: RegExpExecArray | null;
  // 2024年1-12月, 2024年1—2月, 2024.1-6月
  if ((m = new RegExp(`^(\\d{4})[年.]?(\\d{1,2})${RANGE_SEPARATOR}(\\d{1,2})月(份)?$`).exec(text))) {
    return span(Number(m[1]), Number(m[2]), Number(m[3]));
  }
  // 1-2月, 1—11月 (year from elsewhere)
  if ((m = new RegExp(`^(\\d{1,2})${RANGE_SEPARATOR}(\\d{1,2})月(份)?$`).exec(text))) {
    return year === undefined ? undefined : span(year, Number(m[1]), Number(m[2]));
  }
  // 2024年12月, 2024年12月份
  if ((m = /^(\d{4})年(\d{1,2})月(份|末)?$/.exec(text))) return single(Number(m[1]), Number(m[2]));
  // 12月 (year from elsewhere)
  if ((m = /^(\d{1,2})月(份)?$/.exec(text))) return year === undefined ? undefined : single(year, Number(m[1]));
  // 2024-12, 2024/12, 2024.12, 2024M12, 2024-12-01 (a date stands for its month)
  if ((m = /^(\d{4})(?:[-/.]|m)(\d{1,2})(?:[-/.]\d{1,2})?$/i.exec(text))) return single(Number(m[1]), Number(m[2]));
  // 2024Q1, 2024年第一季度, 2024年一季度, 2024年1季度
  if ((m = /^(\d{4})(?:q|年第?)([1-4一二三四])(?:季度)?$/i.exec(text))) {
    const q = CHINESE_DIGITS[m[2]] ?? Number(m[2]);
    return isYear(Number(m[1])) ? { year: Number(m[1]), fromMonth: 3 * q - 2, toMonth: 3 * q, kind: "quarter" } : undefined;
  }
  // 2024年前三季度 → January to September
  if ((m = /^(\d{4})年?前([一二三])季度$/.exec(text))) return span(Number(m[1]), 1, 3 * (CHINESE_DIGITS[m[2]] ?? 0));
  // 2023年上半年, 2023H1, 2023年下半年
  if ((m = /^(\d{4})年?(上半年|h1)$/i.exec(text))) return half(Number(m[1]), 1);
  if ((m = /^(\d{4})年?(下半年|h2)$/i.exec(text))) return half(Number(m[1]), 2);
  // 2024, 2024年, 2024年度, 2024年全年
  if ((m = /^(\d{4})(年|年度|年全年|全年)?$/.exec(text))) return isYear(Number(m[1])) ? yearPeriod(Number(m[1])) : undefined;
  return undefined;
}

function span(year: number, from: number, to: number): Period | undefined {
  if (!isYear(year) || !month(from) || !month(to) || to < from) return undefined;
  return { year, fromMonth: from, toMonth: to, kind: from === 1 ? "ytd" : "month" };
}

function single(year: number, m: number): Period | undefined {
  return isYear(year) && month(m) ? { year, fromMonth: m, toMonth: m, kind: "month" } : undefined;
}

function half(year: number, which: 1 | 2): Period | undefined {
  if (!isYear(year)) return undefined;
  return which === 1 ? { year, fromMonth: 1, toMonth: 6, kind: "half" } : { year, fromMonth: 7, toMonth: 12, kind: "half" };
}

/**
 * Finds a year, and the span of months if one is written, anywhere in free text: a title,
 * a header, a sheet or file name. "TOP100" is not a year; "2024年1-6月" is a half year.
 * findPeriodInText("2024年房企销售额排行（单位：亿元）") // => full year 2024
 * findPeriodInText("中指2023年上半年TOP100") // => 2023, months 1–6
 */
export function findPeriodInText(raw: string): Period | undefined {
  const text = removeSpaces(toHalfWidth(raw));
  const yearMatch = /(?<!\d)((?:19|20)\d{2})(?!\d)(?=年|[-_.\s]|[^\d]|$)/.exec(text);
  if (yearMatch === null) return undefined;
  const year = Number(yearMatch[1]);
  const rest = text.slice(yearMatch.index + 4);
  let m: RegExpExecArray | null;
  if ((m = new RegExp(`^年?度?(\\d{1,2})${RANGE_SEPARATOR}(\\d{1,2})月`).exec(rest))) {
    return span(year, Number(m[1]), Number(m[2])) ?? yearPeriod(year);
  }
  // 2024年1月: January alone is also the year to January, so a monthly list's title reads the
  // same whether the desk means the month or the year to date. (Other single months stay the
  // year: a release titled 2024年12月 runs from January.)
  if (/^年?0?1月(?!\d)/.test(rest)) return span(year, 1, 1);
  if (/^年?(上半年|h1)/i.test(rest)) return half(year, 1);
  if (/^年?(下半年|h2)/i.test(rest)) return half(year, 2);
  if ((m = /^年?前([一二三])季度/.exec(rest))) return span(year, 1, 3 * (CHINESE_DIGITS[m[1]] ?? 0));
  if ((m = /^年?(?:第?([一二三四1-4])季度|q([1-4]))/i.exec(rest))) {
    const q = CHINESE_DIGITS[m[1] ?? ""] ?? Number(m[1] ?? m[2]);
    return { year, fromMonth: 3 * q - 2, toMonth: 3 * q, kind: "quarter" };
  }
  return yearPeriod(year);
}

/** A span of months written without its year: 1-11月, 上半年, 前三季度, 第二季度, Q2, H1. */
const SPAN_WITHOUT_YEAR = new RegExp(`(?<!\\d)\\d{1,2}${RANGE_SEPARATOR}\\d{1,2}月|上半年|下半年|前[一二三]季度|第?[一二三四1-4]季度|(?<![A-Za-z\\d])(?:[Qq][1-4]|[Hh][12])(?!\\d)`);

/**
 * The period of a year the person gave, over the span of months the first of `texts` naming one
 * writes (a title, a sheet or file name; their own year set aside): a list titled "1-11月房企销售额
 * 排行" with the year 2024 is 2024年1-11月, never the whole of 2024. Without a span, the year;
 * undefined for a number that is no year.
 * periodOfYear(2024, ["1-11月房企销售额排行"]) // => { year: 2024, fromMonth: 1, toMonth: 11, kind: "ytd" }
 * periodOfYear(2024, ["房企销售额排行"]) // => full year 2024
 */
export function periodOfYear(year: number, texts: readonly (string | undefined)[]): Period | undefined {
  if (!isYear(year)) return undefined;
  for (const raw of texts) {
    if (raw === undefined) continue;
    const text = removeSpaces(toHalfWidth(raw)).replace(/(?<!\d)(?:19|20)\d{2}(?!\d)年?度?/g, "");
    const m = SPAN_WITHOUT_YEAR.exec(text);
    if (m === null) continue;
    const period = findPeriodInText(`${year}年${text.slice(m.index)}`);
    if (period !== undefined) return period;
  }
  return yearPeriod(year);
}

/** Does the period cover the whole year (January to December)? Takes a ranking summary's months too. */
export function isFullYear(p: Pick<Period, "fromMonth" | "toMonth">): boolean {
  return p.fromMonth === 1 && p.toMonth === 12;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** One month: "2024年12月" / "Dec 2024". */
export function monthLabel(year: number, month: number, language: "zh-CN" | "en-US"): string {
  return language === "zh-CN" ? `${year}年${month}月` : `${MONTHS[month - 1]} ${year}`;
}

/**
 * A span of months, written out even when it is the whole year or one month (an NBS cumulative
 * figure is "1-12月"): monthSpanLabel(2024, 1, 6, "zh-CN") // => "2024年1-6月"; en-US "Jan–Jun 2024".
 */
export function monthSpanLabel(year: number, fromMonth: number, toMonth: number, language: "zh-CN" | "en-US"): string {
  return language === "zh-CN" ? `${year}年${fromMonth}-${toMonth}月` : `${MONTHS[fromMonth - 1]}–${MONTHS[toMonth - 1]} ${year}`;
}

/**
 * The period as a bulletin names it. zh-CN: "2024年" / "2024年1-6月" / "2024年12月";
 * en-US: "2024" / "Jan–Jun 2024" / "Dec 2024".
 */
export function periodLabel(p: Period, language: "zh-CN" | "en-US"): string {
  if (isFullYear(p)) return language === "zh-CN" ? `${p.year}年` : String(p.year);
  if (p.fromMonth === p.toMonth) return monthLabel(p.year, p.toMonth, language);
  return monthSpanLabel(p.year, p.fromMonth, p.toMonth, language);
}

