// A small formula evaluator so that formula cells written through the API read back a value, as
// in Excel: arithmetic, comparisons, "&", cell and range references (also on other sheets and
// through defined names), and common functions (SUM, AVERAGE, MIN, MAX, COUNT, COUNTA, IF,
// IFERROR, ROUND, ABS, AND, OR, NOT, LEN, CONCATENATE), the conditional aggregates StatDesk's
// summaries write (COUNTIF(S), SUMIF(S), AVERAGEIF(S)), NUMBERVALUE, LARGE/SMALL, INDEX/MATCH
// and SUMPRODUCT over ranges. Anything else gives "#NAME?".
// Formulas loaded from .xlsx keep their cached value when they cannot be evaluated here.

import { Rect, intersect, isUnbounded, parseReference } from "./address";
import type { SheetModel, WorkbookModel } from "./model";
import { compareWith, criterionOf } from "./formula-criteria";
import { CellValue, displayText, isErrorValue } from "./values";

/** A cell's value: its constant, or its formula's result. */
export function cellValue(sheet: SheetModel, row: number, column: number): CellValue {
  const formula = sheet.formula(row, column);
  if (formula === undefined) return sheet.value(row, column);
  const wb = sheet.workbook;
  const cache = cacheFor(wb);
  const key = `${sheet.id}|${row}|${column}`;
  const hit = cache.values.get(key);
  if (hit !== undefined) return hit;
  if (cache.evaluating.has(key)) return 0; // a circular reference reads as 0, as Excel shows it
  cache.evaluating.add(key);
  let result: CellValue;
  try {
    const computed = evaluate(formula, sheet);
    const cached = sheet.value(row, column);
    // Keep a loaded file's cached result where this evaluator cannot compute the formula.
    result = computed === UNSUPPORTED || (computed === "#NAME?" && cached !== "") ? cached : computed;
  } finally {
    cache.evaluating.delete(key);
  }
  cache.values.set(key, result as CellValue);
  return result as CellValue;
}

/**
 * Formula cells a loaded file saved without a result and that this evaluator cannot compute
 * (a VLOOKUP written by a script that never opened the file in Excel): they read blank or as
 * #NAME? here, where Excel would show a figure. Their count and the first one, row-major.
 */
export function formulasWithoutResults(workbook: WorkbookModel): { count: number; first?: { sheet: string; row: number; column: number } } {
  let count = 0;
  let first: { sheet: string; row: number; column: number } | undefined;
  if (workbook.formulaCount === 0) return { count };
  for (const sheet of workbook.sheets) {
    sheet.forEachUsedCell((r, c) => {
      const formula = sheet.formula(r, c);
      if (formula === undefined || sheet.value(r, c) !== "") return;
      const computed = evaluate(formula, sheet);
      if (computed !== UNSUPPORTED && computed !== "#NAME?") return;
      count++;
      first ??= { sheet: sheet.name, row: r, column: c };
    });
  }
  return first === undefined ? { count } : { count, first };
}

interface Cache {
  version: number;
  values: Map<string, CellValue>;
  evaluating: Set<string>;
}

const caches = new WeakMap<WorkbookModel, Cache>();

function cacheFor(wb: WorkbookModel): Cache {
  let cache = caches.get(wb);
  if (!cache || cache.version !== wb.cellVersion) {
    cache = { version: wb.cellVersion, values: new Map(), evaluating: new Set() };
    caches.set(wb, cache);
  }
  return cache;
}

// ---------------------------------------------------------------------------------------------

const UNSUPPORTED = Symbol("unsupported");

interface RangeValue {
  kind: "range";
  sheet: SheetModel;
  rect: Rect;
}
type Value = CellValue | RangeValue;

type Token =
  | { t: "num"; v: number }
  | { t: "str"; v: string }
  | { t: "bool"; v: boolean }
  | { t: "ref"; v: string }
  | { t: "func"; v: string }
  | { t: "op"; v: string }
  | { t: "err"; v: string };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const refRe = /^(?:(?:'(?:[^']|'')+'|[A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*)!)?\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?/;
  const colRe = /^(?:(?:'(?:[^']|'')+'|[A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*)!)?\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}(?![\w(])/;
  while (i < text.length) {
    const rest = text.slice(i);
    const ch = text[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    let m: RegExpExecArray | null;
    if ((m = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(rest))) {
      tokens.push({ t: "num", v: Number(m[0]) });
    } else if (ch === '"') {
      let j = i + 1;
      let s = "";
      for (;;) {
        if (j >= text.length) throw new Error("unterminated string");
        if (text[j] === '"') {
          if (text[j + 1] === '"') {
            s += '"';
            j += 2;
            continue;
          }
          break;
        }
        s += text[j++];
      }
      tokens.push({ t: "str", v: s });
      i = j + 1;
      continue;
    } else if ((m = /^#[A-Z/0!?]+[!?A]?/.exec(rest)) && isErrorValue(m[0])) {
      tokens.push({ t: "err", v: m[0] });
    } else if ((m = refRe.exec(rest)) && !/^[\w(]/.test(text.slice(i + m[0].length))) {
      tokens.push({ t: "ref", v: m[0] });
    } else if ((m = colRe.exec(rest))) {
      tokens.push({ t: "ref", v: m[0] });
    } else if ((m = /^[A-Za-z_][\w.]*(?=\s*\()/.exec(rest))) {
      tokens.push({ t: "func", v: m[0].toUpperCase() });
    } else if ((m = /^[A-Za-z_\\\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*/.exec(rest))) {
      // A name may be in any script ("=-万科" names 万科, undefined: #NAME?, as in Excel).
      const upper = m[0].toUpperCase();
      if (upper === "TRUE" || upper === "FALSE") tokens.push({ t: "bool", v: upper === "TRUE" });
      else tokens.push({ t: "ref", v: m[0] });
    } else if ((m = /^(<>|<=|>=|[-+*/^&=<>%(),:])/.exec(rest))) {
      tokens.push({ t: "op", v: m[0] });
    } else {
      throw new Error(`unexpected ${ch}`);
    }
    i += m[0].length;
  }
  return tokens;
}

class Parser {
  private pos = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly sheet: SheetModel,
  ) {}

  parse(): Value {
    const v = this.comparison();
    if (this.pos < this.tokens.length) throw new Error("trailing tokens");
    return v;
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private isOp(v: string): boolean {
    const t = this.peek();
    return t?.t === "op" && t.v === v;
  }

  private comparison(): Value {
    let left = this.concat();
    for (;;) {
      const t = this.peek();
      if (t?.t !== "op" || !["=", "<>", "<", ">", "<=", ">="].includes(t.v)) return left;
      this.pos++;
      const right = this.concat();
      left = compare(t.v, scalar(left), scalar(right));
    }
  }

  private concat(): Value {
    let left = this.additive();
    while (this.isOp("&")) {
      this.pos++;
      const right = this.additive();
      const a = scalar(left);
      const b = scalar(right);
      left = isErrorValue(a) ? a : isErrorValue(b) ? b : displayText(a) + displayText(b);
    }
    return left;
  }

  private additive(): Value {
    let left = this.multiplicative();
    while (this.isOp("+") || this.isOp("-")) {
      const op = (this.tokens[this.pos++] as { v: string }).v;
      const right = this.multiplicative();
      left = arith(scalar(left), scalar(right), (a, b) => (op === "+" ? a + b : a - b));
    }
    return left;
  }

  private multiplicative(): Value {
    let left = this.power();
    while (this.isOp("*") || this.isOp("/")) {
      const op = (this.tokens[this.pos++] as { v: string }).v;
      const right = this.power();
      left = arith(scalar(left), scalar(right), (a, b) => (op === "*" ? a * b : b === 0 ? "#DIV/0!" : a / b));
    }
    return left;
  }

  private power(): Value {
    let left = this.unary();
    while (this.isOp("^")) {
      this.pos++;
      const right = this.unary();
      left = arith(scalar(left), scalar(right), (a, b) => Math.pow(a, b));
    }
    return left;
  }

  private unary(): Value {
    if (this.isOp("-")) {
      this.pos++;
      return arith(0, scalar(this.unary()), (a, b) => a - b);
    }
    if (this.isOp("+")) {
      this.pos++;
      return this.unary();
    }
    let v = this.primary();
    while (this.isOp("%")) {
      this.pos++;
      v = arith(scalar(v), 100, (a, b) => a / b);
    }
    return v;
  }

  private primary(): Value {
    const t = this.tokens[this.pos++];
    if (!t) throw new Error("unexpected end");
    switch (t.t) {
      case "num":
      case "str":
      case "bool":
      case "err":
        return t.v;
      case "ref":
        return resolveRef(t.v, this.sheet);
      case "func":
        return this.call(t.v);
      case "op":
        if (t.v === "(") {
          const v = this.comparison();
          if (!this.isOp(")")) throw new Error("missing )");
          this.pos++;
          return v;
        }
    }
    throw new Error("unexpected token");
  }

  private call(name: string): Value {
    this.pos++; // "("
    const args: Value[] = [];
    if (!this.isOp(")")) {
      for (;;) {
        args.push(this.comparison());
        if (this.isOp(",")) {
          this.pos++;
          continue;
        }
        break;
      }
    }
    if (!this.isOp(")")) throw new Error("missing )");
    this.pos++;
    return callFunction(name, args);
  }
}

function resolveRef(text: string, sheet: SheetModel): Value {
  const parsed = parseReference(text);
  if (parsed) {
    const target = parsed.sheet !== undefined ? sheet.workbook.sheet(parsed.sheet) : sheet;
    if (!target) return "#REF!";
    // A single cell is a reference too, not its value: COUNTIFS(C3:C3,">=100") and COUNTIF(C3,…)
    // take it as a range (a one-enterprise list), and SUM(C3) passes over text in it as over
    // text in any range. Operators read its value through scalar().
    return { kind: "range", sheet: target, rect: parsed };
  }
  const named = sheet.workbook.namedItem(text, sheet) ?? sheet.workbook.namedItem(text);
  if (named) {
    const constant = named.formula.replace(/^=/, "");
    if (parseReference(constant)?.sheet !== undefined) return resolveRef(constant, sheet);
    if (/^-?\d+(\.\d+)?$/.test(constant)) return Number(constant);
    if (/^".*"$/.test(constant)) return constant.slice(1, -1).replace(/""/g, '"');
  }
  return "#NAME?";
}

function scalar(v: Value): CellValue {
  if (typeof v !== "object") return v;
  if (v.rect.rowCount === 1 && v.rect.columnCount === 1) return cellValue(v.sheet, v.rect.row, v.rect.column);
  return "#VALUE!";
}

function toNumber(v: CellValue): number | string {
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v === "") return 0;
  if (isErrorValue(v)) return v;
  const n = Number(v.trim());
  return v.trim() !== "" && Number.isFinite(n) ? n : "#VALUE!";
}

function arith(a: CellValue, b: CellValue, op: (x: number, y: number) => number | string): CellValue {
  const x = toNumber(a);
  if (typeof x === "string") return x;
  const y = toNumber(b);
  if (typeof y === "string") return y;
  const r = op(x, y);
  if (typeof r === "number" && !Number.isFinite(r)) return "#NUM!";
  return r;
}

function compare(op: string, a: CellValue, b: CellValue): CellValue {
  if (isErrorValue(a)) return a;
  if (isErrorValue(b)) return b;
  const rank = (v: CellValue) => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2);
  let c: number;
  if (a === "" && typeof b === "number") c = 0 - b;
  else if (b === "" && typeof a === "number") c = a;
  else if (rank(a) !== rank(b)) c = rank(a) - rank(b);
  else if (typeof a === "string") c = a.toLowerCase().localeCompare(String(b).toLowerCase());
  else c = Number(a) - Number(b);
  return compareWith(op, c);
}

/** Every value an argument stands for; `fromRange` tells whether it came from a reference. */
function flatten(args: Value[]): { value: CellValue; fromRange: boolean }[] {
  const out: { value: CellValue; fromRange: boolean }[] = [];
  for (const a of args) {
    if (typeof a === "object") {
      let rect: Rect | undefined = a.rect;
      if (isUnbounded(rect)) {
        const used = a.sheet.usedRect(true);
        rect = used && intersect(rect, used);
        if (!rect) continue;
      }
      for (let r = rect.row; r < rect.row + rect.rowCount; r++) {
        for (let c = rect.column; c < rect.column + rect.columnCount; c++) out.push({ value: cellValue(a.sheet, r, c), fromRange: true });
      }
    } else out.push({ value: a, fromRange: false });
  }
  return out;
}

/** A reference's rectangle, a whole-column or whole-row one cut to rows/columns that hold cells. */
function boundedRect(range: RangeValue, rowEnd?: number): Rect | undefined {
  if (!isUnbounded(range.rect)) return range.rect;
  const used = range.sheet.usedRect(true);
  if (!used) return undefined;
  const end = Math.max(rowEnd ?? 0, used.row + used.rowCount);
  return intersect(range.rect, { row: 0, column: 0, rowCount: end, columnCount: used.column + used.columnCount });
}

/** The values of a range, row-major, in a rectangle of the given shape (Excel's *IFS pairing). */
function rangeCells(range: RangeValue, rect: Rect): CellValue[] {
  const out: CellValue[] = [];
  for (let r = rect.row; r < rect.row + rect.rowCount; r++) {
    for (let c = rect.column; c < rect.column + rect.columnCount; c++) out.push(cellValue(range.sheet, r, c));
  }
  return out;
}

const isRange = (v: Value | undefined): v is RangeValue => typeof v === "object";

/**
 * The cells the *IFS functions look at: the ranges of `ranges`, all of the first one's shape
 * ("#VALUE!" when a range differs in size, as Excel answers), and for each cell whether every
 * criterion holds.
 */
function matching(ranges: Value[], criteria: Value[]): { passes: boolean[]; shape: { rows: number; columns: number } } | string {
  if (!ranges.every(isRange)) return "#VALUE!";
  const rowEnd = Math.max(0, ...ranges.map((r) => { const u = r.sheet.usedRect(true); return u ? u.row + u.rowCount : 0; }));
  const rects = ranges.map((r) => boundedRect(r, rowEnd));
  const first = rects[0];
  if (!first) return { passes: [], shape: { rows: 0, columns: 0 } };
  if (rects.some((r) => !r || r.rowCount !== first.rowCount || r.columnCount !== first.columnCount)) return "#VALUE!";
  const passes = new Array<boolean>(first.rowCount * first.columnCount).fill(true);
  ranges.forEach((range, i) => {
    const test = criterionOf(scalar(criteria[i] ?? ""));
    rangeCells(range, rects[i] as Rect).forEach((v, j) => {
      if (passes[j] && !test(v)) passes[j] = false;
    });
  });
  return { passes, shape: { rows: first.rowCount, columns: first.columnCount } };
}

/** The numbers of `target` (a range of the criteria's shape) where every criterion holds. */
function matchedNumbers(target: Value | undefined, ranges: Value[], criteria: Value[]): number[] | string {
  if (!isRange(target)) return "#VALUE!";
  const found = matching(ranges, criteria);
  if (typeof found === "string") return found;
  const rect = target.rect;
  const shaped = { row: rect.row, column: rect.column, rowCount: found.shape.rows, columnCount: found.shape.columns };
  const values = rangeCells(target, shaped);
  const out: number[] = [];
  values.forEach((v, j) => {
    if (found.passes[j] && typeof v === "number") out.push(v);
  });
  return out;
}

/**
 * NUMBERVALUE(text, decimal, group) as Excel's reference gives it: spaces are removed, group
 * separators may stand anywhere before the decimal separator, trailing "%" divide by 100 each, an
 * empty text is 0, and anything else is "#VALUE!".
 * Spaces are the space (U+0020) — the reference speaks of spaces (" 3 000 " is 3000,
 * https://support.microsoft.com/office/numbervalue-function-1b05c8cf-2bfa-4437-af70-596c7ea7d879)
 * and LibreOffice gives #VALUE! for a no-break (U+00A0) or full-width (U+3000) space; tabs and
 * line breaks, which the reference does not mention, are passed over as LibreOffice does.
 */
function numberValue(text: CellValue, decimal: string, group: string): CellValue {
  if (typeof text === "number") return text;
  if (isErrorValue(text)) return text;
  if (typeof text !== "string") return "#VALUE!";
  let t = text.replace(/[ \t\r\n]+/g, "");
  if (t === "") return 0;
  let percent = 0;
  while (t.endsWith("%")) {
    percent++;
    t = t.slice(0, -1);
  }
  const point = t.indexOf(decimal);
  if (point !== -1 && t.indexOf(decimal, point + 1) !== -1) return "#VALUE!";
  const whole = point === -1 ? t : t.slice(0, point);
  const fraction = point === -1 ? "" : t.slice(point + decimal.length);
  if (group !== "" && fraction.includes(group)) return "#VALUE!";
  const plain = (group === "" ? whole : whole.split(group).join("")) + (point === -1 ? "" : "." + fraction);
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(plain)) return "#VALUE!";
  return Number(plain) / Math.pow(100, percent);
}

/** Numbers for SUM-like functions: numbers in ranges, numbers/booleans/numeric text given directly. */
function numbers(args: Value[]): number[] | string {
  const out: number[] = [];
  for (const { value, fromRange } of flatten(args)) {
    if (isErrorValue(value)) return value as string;
    if (typeof value === "number") out.push(value);
    else if (!fromRange) {
      const n = toNumber(value);
      if (typeof n === "string") return n;
      out.push(n);
    }
  }
  return out;
}

function truthy(v: CellValue): boolean | string {
  if (isErrorValue(v)) return v as string;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  if (v === "") return false;
  const upper = v.toUpperCase();
  if (upper === "TRUE") return true;
  if (upper === "FALSE") return false;
  return "#VALUE!";
}

function roundHalfAway(x: number, digits: number): number {
  const f = Math.pow(10, digits);
  const scaled = Math.abs(x) * f;
  const rounded = Math.round(Number(scaled.toPrecision(15)));
  return (Math.sign(x) * rounded) / f;
}

const sum = (ns: readonly number[]) => ns.reduce((a, b) => a + b, 0);

/** The (range, criterion) pairs of COUNTIFS and of SUMIFS after its sum range. */
function criteriaPairs(args: Value[]): { ranges: Value[]; criteria: Value[] } | string {
  if (args.length === 0 || args.length % 2 !== 0) return "#VALUE!";
  const ranges: Value[] = [];
  const criteria: Value[] = [];
  for (let i = 0; i < args.length; i += 2) {
    ranges.push(args[i]);
    criteria.push(args[i + 1]);
  }
  return { ranges, criteria };
}

function callFunction(name: string, args: Value[]): Value {
  switch (name) {
    case "SUM": {
      const ns = numbers(args);
      return typeof ns === "string" ? ns : ns.reduce((a, b) => a + b, 0);
    }
    case "AVERAGE": {
      const ns = numbers(args);
      if (typeof ns === "string") return ns;
      return ns.length === 0 ? "#DIV/0!" : ns.reduce((a, b) => a + b, 0) / ns.length;
    }
    case "MIN":
    case "MAX": {
      const ns = numbers(args);
      if (typeof ns === "string") return ns;
      if (ns.length === 0) return 0;
      return name === "MIN" ? Math.min(...ns) : Math.max(...ns);
    }
    case "COUNT":
      return flatten(args).filter((x) => typeof x.value === "number" || (!x.fromRange && typeof toNumber(x.value) === "number")).length;
    case "COUNTA":
      return flatten(args).filter((x) => x.value !== "").length;
    case "IF": {
      const cond = truthy(scalar(args[0] ?? false));
      if (typeof cond === "string") return cond;
      return cond ? args[1] ?? true : args[2] ?? false;
    }
    case "IFERROR": {
      const v = scalar(args[0] ?? "");
      return isErrorValue(v) ? args[1] ?? "" : v;
    }
    case "ROUND": {
      const x = toNumber(scalar(args[0] ?? 0));
      const d = toNumber(scalar(args[1] ?? 0));
      if (typeof x === "string") return x;
      if (typeof d === "string") return d;
      return roundHalfAway(x, Math.trunc(d));
    }
    case "ABS":
      return arith(scalar(args[0] ?? 0), 0, (a) => Math.abs(a));
    case "AND":
    case "OR": {
      const flags = flatten(args).filter((x) => !(x.fromRange && (x.value === "" || typeof x.value === "string"))).map((x) => truthy(x.value));
      const err = flags.find((f) => typeof f === "string");
      if (err !== undefined) return err;
      return name === "AND" ? flags.every((f) => f === true) : flags.some((f) => f === true);
    }
    case "NOT": {
      const f = truthy(scalar(args[0] ?? false));
      return typeof f === "string" ? f : !f;
    }
    case "LEN":
      return displayText(scalar(args[0] ?? "")).length;
    case "CONCATENATE":
    case "CONCAT":
      return flatten(args)
        .map((x) => displayText(x.value))
        .join("");
    case "COUNTIF":
    case "COUNTIFS": {
      const pairs = criteriaPairs(args);
      if (typeof pairs === "string") return pairs;
      const found = matching(pairs.ranges, pairs.criteria);
      return typeof found === "string" ? found : found.passes.filter(Boolean).length;
    }
    case "SUMIF":
    case "AVERAGEIF": {
      // SUMIF(range, criterion, [sum_range]): the sum range takes the criteria range's shape.
      const ns = matchedNumbers(args[2] ?? args[0], [args[0]], [args[1] ?? ""]);
      if (typeof ns === "string") return ns;
      return name === "SUMIF" ? sum(ns) : ns.length === 0 ? "#DIV/0!" : sum(ns) / ns.length;
    }
    case "SUMIFS":
    case "AVERAGEIFS": {
      const pairs = criteriaPairs(args.slice(1));
      if (typeof pairs === "string") return pairs;
      const ns = matchedNumbers(args[0], pairs.ranges, pairs.criteria);
      if (typeof ns === "string") return ns;
      return name === "SUMIFS" ? sum(ns) : ns.length === 0 ? "#DIV/0!" : sum(ns) / ns.length;
    }
    case "NUMBERVALUE": {
      const text = scalar(args[0] ?? "");
      const decimal = args[1] === undefined ? "." : displayText(scalar(args[1]));
      const group = args[2] === undefined ? "," : displayText(scalar(args[2]));
      if (decimal === "" || decimal === group) return "#VALUE!";
      return numberValue(text, decimal.slice(0, 1), group.slice(0, 1));
    }
    case "LARGE":
    case "SMALL": {
      const ns = numbers(args.slice(0, 1));
      const k = toNumber(scalar(args[1] ?? ""));
      if (typeof ns === "string") return ns;
      if (typeof k === "string") return k;
      const n = Math.ceil(k);
      if (n < 1 || n > ns.length) return "#NUM!";
      const sorted = [...ns].sort((a, b) => (name === "LARGE" ? b - a : a - b));
      return sorted[n - 1];
    }
    case "INDEX": {
      const range = args[0];
      if (!isRange(range)) return args.length === 1 ? scalar(range ?? "") : "#VALUE!";
      const rect = boundedRect(range);
      if (!rect) return "#REF!";
      let row = toNumber(scalar(args[1] ?? 0));
      let column = toNumber(scalar(args[2] ?? 0));
      if (typeof row === "string") return row;
      if (typeof column === "string") return column;
      // A single row or column takes its one index as the position along it.
      if (rect.rowCount === 1 && args.length === 2) [row, column] = [1, row];
      if (column === 0 && rect.columnCount === 1) column = 1;
      if (row === 0 && rect.rowCount === 1) row = 1;
      if (row < 1 || column < 1 || row > rect.rowCount || column > rect.columnCount) return "#REF!";
      return cellValue(range.sheet, rect.row + Math.trunc(row) - 1, rect.column + Math.trunc(column) - 1);
    }
    case "MATCH": {
      const wanted = scalar(args[0] ?? "");
      const range = args[1];
      const type = toNumber(scalar(args[2] ?? 1));
      if (!isRange(range)) return "#N/A";
      if (typeof type === "string") return type;
      const rect = boundedRect(range);
      if (!rect || (rect.rowCount !== 1 && rect.columnCount !== 1)) return "#N/A";
      const values = rangeCells(range, rect);
      if (type === 0) {
        const test = criterionOf(typeof wanted === "string" ? `=${wanted}` : wanted);
        const at = values.findIndex((v) => (typeof wanted === "string" ? typeof v === "string" && test(v) : v === wanted));
        return at === -1 ? "#N/A" : at + 1;
      }
      // Sorted lookups: the last position whose value is <= (type 1) or >= (type -1) the wanted one.
      let found = -1;
      values.forEach((v, i) => {
        if (typeof v !== typeof wanted || v === "") return;
        const c = compare(type > 0 ? "<=" : ">=", v, wanted);
        if (c === true) found = i;
      });
      return found === -1 ? "#N/A" : found + 1;
    }
    case "SUMPRODUCT": {
      if (!args.every(isRange)) return "#VALUE!";
      const rects = args.map((a) => boundedRect(a));
      const first = rects[0];
      if (!first || rects.some((r) => !r || r.rowCount !== first.rowCount || r.columnCount !== first.columnCount)) return "#VALUE!";
      const columns = args.map((a, i) => rangeCells(a, rects[i] as Rect));
      let total = 0;
      for (let j = 0; j < columns[0].length; j++) {
        let product = 1;
        for (const column of columns) {
          const v = column[j];
          if (isErrorValue(v)) return v;
          product *= typeof v === "number" ? v : 0;
        }
        total += product;
      }
      return total;
    }
    case "ISNUMBER":
      return typeof scalar(args[0] ?? "") === "number";
    case "ISBLANK":
      return scalar(args[0] ?? "") === "";
    default:
      return "#NAME?";
  }
}

/** The value of a formula in the context of a sheet, or the UNSUPPORTED marker. */
function evaluate(formula: string, sheet: SheetModel): CellValue | typeof UNSUPPORTED {
  let tokens: Token[];
  try {
    tokens = tokenize(formula.replace(/^=/, ""));
  } catch {
    return UNSUPPORTED;
  }
  let result: Value;
  try {
    result = new Parser(tokens, sheet).parse();
  } catch {
    return UNSUPPORTED;
  }
  const v = scalar(result);
  // A formula that is just a reference to an empty cell shows 0 in Excel.
  if (v === "" && tokens.length === 1 && tokens[0].t === "ref") return 0;
  return v;
}
