// Cell display text from a value and its Excel number format code, for the workbench grid: the
// formats StatDesk writes (General, 0, 0.0, #,##0, #,##0.0, #,##0.##, 0.0%, "@", and sectioned
// colour formats such as `[Red]▲0.0%;[Color10]▼0.0%;0.0%`) and the common ones a person's own
// .xlsx brings (dates, literals, thousands scaling, scientific). Pure: no DOM, no locale.

import { excelSerialToDate } from "../core/periods";
import type { CellValue } from "../host";

/** What a cell shows: its text and, when the format names one, a colour ("#RRGGBB"). */
export interface FormattedValue {
  readonly text: string;
  readonly color?: string;
}

/** Excel's named format colours. */
const NAMED_COLOURS: Readonly<Record<string, string>> = {
  black: "#000000",
  blue: "#0000FF",
  cyan: "#00FFFF",
  green: "#00FF00",
  magenta: "#FF00FF",
  red: "#FF0000",
  white: "#FFFFFF",
  yellow: "#FFFF00",
};

/** Excel's default 56-colour palette, addressed in formats as [Color1]…[Color56]. */
const PALETTE: readonly string[] = [
  "#000000", "#FFFFFF", "#FF0000", "#00FF00", "#0000FF", "#FFFF00", "#FF00FF", "#00FFFF",
  "#800000", "#008000", "#000080", "#808000", "#800080", "#008080", "#C0C0C0", "#808080",
  "#9999FF", "#993366", "#FFFFCC", "#CCFFFF", "#660066", "#FF8080", "#0066CC", "#CCCCFF",
  "#000080", "#FF00FF", "#FFFF00", "#00FFFF", "#800080", "#800000", "#008080", "#0000FF",
  "#00CCFF", "#CCFFFF", "#CCFFCC", "#FFFF99", "#99CCFF", "#FF99CC", "#CC99FF", "#FFCC99",
  "#3366FF", "#33CCCC", "#99CC00", "#FFCC00", "#FF9900", "#FF6600", "#666699", "#969696",
  "#003366", "#339966", "#003300", "#333300", "#993300", "#993366", "#333399", "#333333",
];

/** The colour a format bracket names ("Red", "Color10"), or undefined when it is not a colour. */
export function formatColour(name: string): string | undefined {
  const lower = name.toLowerCase();
  if (lower in NAMED_COLOURS) return NAMED_COLOURS[lower];
  const indexed = /^color\s*(\d{1,2})$/.exec(lower);
  if (indexed) return PALETTE[Number(indexed[1]) - 1];
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Parsing a format code into sections of tokens

type Token =
  | { readonly kind: "literal"; readonly text: string }
  | { readonly kind: "digit"; readonly char: "0" | "#" | "?" }
  | { readonly kind: "point" }
  | { readonly kind: "comma" }
  | { readonly kind: "percent" }
  | { readonly kind: "exponent"; readonly sign: "+" | "-" }
  | { readonly kind: "text" }
  | { readonly kind: "general" }
  | { readonly kind: "date"; readonly code: string };

interface Condition {
  readonly op: "<" | "<=" | ">" | ">=" | "=" | "<>";
  readonly value: number;
}

interface Section {
  readonly tokens: readonly Token[];
  readonly color?: string;
  readonly condition?: Condition;
}

/** Splits a code at the semicolons that separate sections (not those inside quotes or brackets). */
function splitSections(code: string): string[] {
  const sections: string[] = [];
  let current = "";
  let quoted = false;
  let bracket = false;
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (!quoted && !bracket && ch === "\\" && i + 1 < code.length) {
      current += ch + code[++i];
      continue;
    }
    if (ch === '"' && !bracket) quoted = !quoted;
    else if (ch === "[" && !quoted) bracket = true;
    else if (ch === "]" && !quoted) bracket = false;
    if (ch === ";" && !quoted && !bracket) {
      sections.push(current);
      current = "";
    } else current += ch;
  }
  sections.push(current);
  return sections;
}

const DATE_CODES = /^(yyyy|yy|e|mmmmm|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|am\/pm|a\/p)/i;

function parseSection(text: string): Section {
  const tokens: Token[] = [];
  let color: string | undefined;
  let condition: Condition | undefined;
  const literal = (t: string) => {
    const last = tokens[tokens.length - 1];
    if (last?.kind === "literal") tokens[tokens.length - 1] = { kind: "literal", text: last.text + t };
    else tokens.push({ kind: "literal", text: t });
  };
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    const rest = text.slice(i);
    if (ch === '"') {
      const end = text.indexOf('"', i + 1);
      literal(text.slice(i + 1, end < 0 ? text.length : end));
      i = end < 0 ? text.length : end + 1;
    } else if (ch === "\\") {
      literal(text[i + 1] ?? "");
      i += 2;
    } else if (ch === "_") {
      literal(" "); // a space as wide as the next character
      i += 2;
    } else if (ch === "*") {
      i += 2; // fill with the next character: the grid does not repeat it
    } else if (ch === "[") {
      const end = text.indexOf("]", i);
      const inside = text.slice(i + 1, end < 0 ? text.length : end);
      i = end < 0 ? text.length : end + 1;
      const cond = /^(<=|>=|<>|<|>|=)\s*(-?\d+(?:\.\d*)?)$/.exec(inside.trim());
      if (cond) condition = { op: cond[1] as Condition["op"], value: Number(cond[2]) };
      else if (inside.startsWith("$")) {
        // [$¥-804]: a currency symbol (before the dash) and a locale id, which is ignored.
        const symbol = inside.slice(1).split("-")[0];
        if (symbol) literal(symbol);
      } else if (/^(h+|m+|s+)$/i.test(inside)) tokens.push({ kind: "date", code: `[${inside.toLowerCase()}]` });
      else color = formatColour(inside) ?? color;
    } else if (/^general/i.test(rest)) {
      tokens.push({ kind: "general" });
      i += 7;
    } else if (ch === "0" || ch === "#" || ch === "?") {
      tokens.push({ kind: "digit", char: ch });
      i++;
    } else if (ch === ".") {
      tokens.push({ kind: "point" });
      i++;
    } else if (ch === ",") {
      tokens.push({ kind: "comma" });
      i++;
    } else if (ch === "%") {
      tokens.push({ kind: "percent" });
      i++;
    } else if ((ch === "E" || ch === "e") && (text[i + 1] === "+" || text[i + 1] === "-")) {
      tokens.push({ kind: "exponent", sign: text[i + 1] as "+" | "-" });
      i += 2;
    } else if (ch === "@") {
      tokens.push({ kind: "text" });
      i++;
    } else {
      const date = DATE_CODES.exec(rest);
      if (date) {
        tokens.push({ kind: "date", code: date[1].toLowerCase() });
        i += date[1].length;
      } else {
        literal(ch);
        i++;
      }
    }
  }
  return { tokens, ...(color !== undefined ? { color } : {}), ...(condition !== undefined ? { condition } : {}) };
}

const parsed = new Map<string, Section[]>();

/** A format code's sections, parsed once and cached (a sheet reuses a handful of codes). */
function sectionsOf(code: string): Section[] {
  let sections = parsed.get(code);
  if (sections === undefined) {
    sections = splitSections(code).map(parseSection);
    if (parsed.size > 2000) parsed.clear();
    parsed.set(code, sections);
  }
  return sections;
}

// ---------------------------------------------------------------------------------------------
// Decimal rounding on digit strings (no binary noise: 1.005 to 2 places is 1.01, as in Excel)

/**
 * The digits of |x| · 10^shift rounded half away from zero to `decimals` places, as an integer
 * part and a fraction part of exactly `decimals` digits. Uses Excel's 15 significant digits.
 */
export function roundDecimal(x: number, decimals: number, shift = 0): { int: string; frac: string } {
  const abs = Math.abs(x);
  if (abs === 0 || !Number.isFinite(abs)) return { int: "0", frac: "0".repeat(decimals) };
  const [mantissa, exponentText] = abs.toExponential(14).split("e");
  let digits = mantissa.replace(".", "");
  const pointAt = Number(exponentText) + shift + 1; // digits before the decimal point
  const keep = pointAt + decimals;
  if (keep < 0) return { int: "0", frac: "0".repeat(decimals) };
  let kept = digits.slice(0, keep).padEnd(keep, "0");
  if (keep < digits.length && digits[keep] >= "5") {
    // Carry one into the kept digits.
    const chars = kept.split("");
    let k = chars.length - 1;
    while (k >= 0 && chars[k] === "9") chars[k--] = "0";
    if (k >= 0) chars[k] = String(Number(chars[k]) + 1);
    kept = (k < 0 ? "1" : "") + chars.join("");
    if (k < 0) return split(kept, pointAt + 1, decimals);
  }
  digits = kept;
  return split(digits, pointAt, decimals);
}

function split(digits: string, pointAt: number, decimals: number): { int: string; frac: string } {
  const int = pointAt > 0 ? digits.slice(0, pointAt) : "";
  const frac = pointAt >= 0 ? digits.slice(pointAt) : "0".repeat(-pointAt) + digits;
  return { int: int.replace(/^0+(?=\d)/, "") || "0", frac: frac.slice(0, decimals).padEnd(decimals, "0") };
}

/** Inserts thousands separators into a string of digits. */
function group(int: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

// ---------------------------------------------------------------------------------------------
// General

/**
 * Excel's General display of a number in a standard-width cell: up to 11 characters, integers in
 * full below 10^11, otherwise rounded to fit, very large or small magnitudes as 1.23457E+11.
 */
export function formatGeneral(x: number): string {
  if (x === 0) return "0";
  if (!Number.isFinite(x)) return "#NUM!";
  const sign = x < 0 ? "-" : "";
  const abs = Math.abs(x);
  if (abs >= 1e11 || abs < 1e-9) {
    const [mantissa, exponent] = abs.toExponential(5).split("e");
    const trimmed = mantissa.replace(/\.?0+$/, "");
    const e = Number(exponent);
    return `${sign}${trimmed}E${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
  }
  const intDigits = abs < 1 ? 1 : Math.floor(Math.log10(abs)) + 1;
  const { int, frac } = roundDecimal(abs, Math.max(0, 10 - intDigits));
  const trimmedFrac = frac.replace(/0+$/, "");
  return `${sign}${int}${trimmedFrac ? `.${trimmedFrac}` : ""}`;
}

// ---------------------------------------------------------------------------------------------
// Numbers

function formatNumber(abs: number, tokens: readonly Token[], negativeSign: boolean): string {
  const placeholders = tokens.filter((t) => t.kind === "digit" || t.kind === "point" || t.kind === "comma" || t.kind === "exponent");
  const percents = tokens.filter((t) => t.kind === "percent").length;
  const exponentAt = placeholders.findIndex((t) => t.kind === "exponent");
  const mantissa = exponentAt < 0 ? placeholders : placeholders.slice(0, exponentAt);
  const pointAt = mantissa.findIndex((t) => t.kind === "point");
  const intPart = pointAt < 0 ? mantissa : mantissa.slice(0, pointAt);
  const fracPart = pointAt < 0 ? [] : mantissa.slice(pointAt + 1).filter((t) => t.kind === "digit");
  // Commas after the last integer digit scale by 1,000 each; a comma between digits groups.
  let trailingCommas = 0;
  for (let k = intPart.length - 1; k >= 0 && intPart[k].kind === "comma"; k--) trailingCommas++;
  const intDigits = intPart.slice(0, intPart.length - trailingCommas);
  const grouping = intDigits.some((t) => t.kind === "comma");
  const intPlaceholders = intDigits.filter((t) => t.kind === "digit") as { char: string }[];
  const decimals = fracPart.length;

  let numberText: string;
  if (exponentAt >= 0) {
    const sign = (placeholders[exponentAt] as { sign: string }).sign;
    const exponentDigits = placeholders.slice(exponentAt + 1).filter((t) => t.kind === "digit").length;
    const scaled = abs * Math.pow(10, 2 * percents);
    const intCount = Math.max(1, intPlaceholders.length);
    let e = scaled === 0 ? 0 : Math.floor(Math.log10(scaled)) - (intCount - 1);
    let { int, frac } = roundDecimal(scaled, decimals, -e);
    if (int.length > intCount) {
      e += 1;
      ({ int, frac } = roundDecimal(scaled, decimals, -e));
    }
    const exponentText = String(Math.abs(e)).padStart(Math.max(1, exponentDigits), "0");
    numberText = `${int}${decimals > 0 ? `.${frac}` : ""}E${e < 0 ? "-" : sign === "+" ? "+" : ""}${exponentText}`;
  } else {
    const { int, frac } = roundDecimal(abs, decimals, 2 * percents - 3 * trailingCommas);
    // Integer digits: at least as many as there are 0 placeholders; a lone 0 shows only under 0.
    const minInt = intPlaceholders.filter((p) => p.char === "0").length;
    let intText = int === "0" ? (minInt > 0 ? "0" : "") : int;
    if (intText.length < minInt) intText = intText.padStart(minInt, "0");
    const spaces = intPlaceholders.filter((p) => p.char === "?").length;
    if (intText.length < minInt + spaces) intText = intText.padStart(minInt + spaces, " ");
    if (grouping) intText = group(intText.trim()).padStart(intText.length, " ");
    // Fraction digits: # drops trailing zeros, ? turns them into spaces, 0 keeps them.
    const fracChars = frac.split("");
    for (let k = decimals - 1; k >= 0 && fracChars[k] === "0"; k--) {
      const p = (fracPart[k] as { char: string }).char;
      if (p === "0") break;
      fracChars[k] = p === "?" ? " " : "";
    }
    numberText = pointAt >= 0 ? `${intText}.${fracChars.join("")}` : intText;
    if (intPlaceholders.length === 0 && pointAt < 0) numberText = "";
  }

  let out = "";
  let placed = false;
  for (const t of tokens) {
    if (t.kind === "literal") out += t.text;
    else if (t.kind === "percent") out += "%";
    else if (t.kind === "general") out += formatGeneral(abs);
    else if (t.kind === "digit" || t.kind === "point" || t.kind === "comma" || t.kind === "exponent") {
      if (!placed) out += numberText;
      placed = true;
    }
  }
  return negativeSign ? `-${out}` : out;
}

// ---------------------------------------------------------------------------------------------
// Dates (1900 date system, as Excel on Windows and .xlsx files use)

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

function formatDate(serial: number, tokens: readonly Token[]): string {
  if (serial < 0) return "#".repeat(8);
  const whole = Math.floor(serial);
  const ms = Math.round((serial - whole) * 86400000);
  // Serial 60 is Excel's fictitious 1900-02-29, which no calendar (and so not core's) holds.
  const date = whole === 60 ? { year: 1900, month: 2, day: 29 } : excelSerialToDate(whole);
  const [y, mo, d] = [date.year, date.month - 1, date.day];
  // Excel's weekdays run on from serial 1 as a Sunday, the fictitious day included.
  const dow = (whole + 6) % 7;
  const seconds = Math.round(ms / 1000);
  const h = Math.floor(seconds / 3600) % 24;
  const mi = Math.floor(seconds / 60) % 60;
  const s = seconds % 60;
  const twelveHour = tokens.some((t) => t.kind === "date" && (t.code === "am/pm" || t.code === "a/p"));
  const pad = (n: number) => String(n).padStart(2, "0");
  let out = "";
  tokens.forEach((t, k) => {
    if (t.kind === "literal") out += t.text;
    else if (t.kind === "digit") out += t.char === "0" ? "0" : "";
    else if (t.kind === "point") out += ".";
    else if (t.kind === "comma") out += ",";
    else if (t.kind === "percent") out += "%";
    else if (t.kind === "date") {
      // "m" after an hour or before a second is minutes.
      const previous = tokens.slice(0, k).reverse().find((x) => x.kind === "date") as { code: string } | undefined;
      const next = tokens.slice(k + 1).find((x) => x.kind === "date") as { code: string } | undefined;
      const minutes = (t.code === "m" || t.code === "mm") && (/^(h|hh|\[h+\])$/.test(previous?.code ?? "") || /^(s|ss)$/.test(next?.code ?? ""));
      const hour = twelveHour ? h % 12 || 12 : h;
      switch (minutes ? `${t.code}:min` : t.code) {
        case "yyyy": case "e": out += String(y); break;
        case "yy": out += pad(y % 100); break;
        case "mmmmm": out += MONTHS[mo][0]; break;
        case "mmmm": out += MONTHS[mo]; break;
        case "mmm": out += MONTHS[mo].slice(0, 3); break;
        case "mm": out += pad(mo + 1); break;
        case "m": out += String(mo + 1); break;
        case "mm:min": out += pad(mi); break;
        case "m:min": out += String(mi); break;
        case "dddd": out += DAYS[dow]; break;
        case "ddd": out += DAYS[dow].slice(0, 3); break;
        case "dd": out += pad(d); break;
        case "d": out += String(d); break;
        case "hh": out += pad(hour); break;
        case "h": out += String(hour); break;
        case "[h]": case "[hh]": out += String(whole * 24 + h); break;
        case "ss": out += pad(s); break;
        case "s": out += String(s); break;
        case "am/pm": out += h < 12 ? "AM" : "PM"; break;
        case "a/p": out += h < 12 ? "A" : "P"; break;
        default: break;
      }
    }
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// The entry point

function holds(condition: Condition, x: number): boolean {
  switch (condition.op) {
    case "<": return x < condition.value;
    case "<=": return x <= condition.value;
    case ">": return x > condition.value;
    case ">=": return x >= condition.value;
    case "=": return x === condition.value;
    case "<>": return x !== condition.value;
  }
}

/** The section a number uses, and whether its sign must still be printed. */
function numberSection(sections: readonly Section[], x: number): { section: Section; sign: boolean } {
  const numeric = sections.filter((s, i) => i < 3 && !(i === sections.length - 1 && sections.length === 4 && s.tokens.some((t) => t.kind === "text")));
  if (numeric.some((s) => s.condition !== undefined)) {
    // Conditional sections: the first whose condition holds, else the next one without a
    // condition, else the last; the minus sign stays (the condition, not the section, chose it).
    const chosen = numeric.find((s) => s.condition !== undefined && holds(s.condition, x)) ?? numeric.find((s, i) => i > 0 && s.condition === undefined) ?? numeric[numeric.length - 1];
    return { section: chosen, sign: x < 0 };
  }
  if (numeric.length <= 1) return { section: numeric[0] ?? { tokens: [{ kind: "general" }] }, sign: x < 0 };
  if (numeric.length === 2) return x < 0 ? { section: numeric[1], sign: false } : { section: numeric[0], sign: false };
  if (x > 0) return { section: numeric[0], sign: false };
  if (x < 0) return { section: numeric[1], sign: false };
  return { section: numeric[2], sign: false };
}

/**
 * What Excel shows for a value under a number format: `formatValue(-0.306, "[Red]▲0.0%;[Color10]▼0.0%;0.0%")`
 * => { text: "▼30.6%", color: "#008000" }. Text under a format without a text section shows as
 * typed; booleans as TRUE/FALSE; an empty cell as "".
 */
export function formatValue(value: CellValue, code: string): FormattedValue {
  if (value === "") return { text: "" };
  if (typeof value === "boolean") return { text: value ? "TRUE" : "FALSE" };
  const format = code.trim() === "" ? "General" : code;
  const sections = sectionsOf(format);
  if (typeof value === "string") {
    const textSection = sections.length === 4 ? sections[3] : sections.find((s) => s.tokens.some((t) => t.kind === "text"));
    if (!textSection || !textSection.tokens.some((t) => t.kind === "text")) return { text: value };
    const text = textSection.tokens.map((t) => (t.kind === "literal" ? t.text : t.kind === "text" ? value : "")).join("");
    return { text, ...(textSection.color !== undefined ? { color: textSection.color } : {}) };
  }
  if (!Number.isFinite(value)) return { text: "#NUM!" };
  const { section, sign } = numberSection(sections, value);
  const colour = section.color !== undefined ? { color: section.color } : {};
  const tokens = section.tokens;
  if (tokens.length === 0) return { text: "", ...colour };
  if (tokens.some((t) => t.kind === "text") && !tokens.some((t) => t.kind === "digit" || t.kind === "general")) {
    // "@" applied to a number: Excel shows it as General.
    return { text: formatGeneral(value) };
  }
  if (tokens.some((t) => t.kind === "date")) return { text: formatDate(value, tokens), ...colour };
  if (!tokens.some((t) => t.kind === "digit" || t.kind === "general")) {
    // Only literals (e.g. "-" for zero): the literals are the display.
    return { text: tokens.map((t) => (t.kind === "literal" ? t.text : t.kind === "percent" ? "%" : "")).join(""), ...colour };
  }
  return { text: formatNumber(Math.abs(value), tokens, sign), ...colour };
}
