// The criteria of COUNTIF(S), SUMIF(S) and AVERAGEIF(S): ">=1000", "<>", "万*", 32, as Excel's
// function reference describes them (support.microsoft.com, "COUNTIFS function": "criteria ...
// in the form of a number, expression, cell reference, or text", with the wildcards "?" and "*"
// and "~" before one to match it literally; "=" matches empty cells and "<>" non-empty ones).

import { CellValue, isErrorValue } from "./values";

/** A test one cell's value passes or fails. */
export type Criterion = (value: CellValue) => boolean;

const OPERATOR = /^(<=|>=|<>|=|<|>)?([\s\S]*)$/;

/** The number a criterion's text stands for ("1000", "-2.5", "1e3"), if any. */
function numberIn(text: string): number | undefined {
  const t = text.trim();
  if (t === "") return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

/** A text pattern with Excel's wildcards as a case-insensitive RegExp. */
function wildcardPattern(text: string): RegExp {
  let source = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "~" && i + 1 < text.length && "*?~".includes(text[i + 1])) source += escapeRegExp(text[++i]);
    else if (ch === "*") source += "[\\s\\S]*";
    else if (ch === "?") source += "[\\s\\S]";
    else source += escapeRegExp(ch);
  }
  return new RegExp(`^${source}$`, "i");
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Whether a comparison's result c (negative, zero, positive) satisfies the operator ("=" when none). */
export function compareWith(op: string, c: number): boolean {
  switch (op) {
    case "<":
      return c < 0;
    case ">":
      return c > 0;
    case "<=":
      return c <= 0;
    case ">=":
      return c >= 0;
    case "<>":
      return c !== 0;
    default:
      return c === 0;
  }
}

/** The test a criterion argument (a number, a boolean or a text such as ">=1000") stands for. */
export function criterionOf(criterion: CellValue): Criterion {
  if (typeof criterion === "number") return (v) => typeof v === "number" ? v === criterion : typeof v === "string" && numberIn(v) === criterion;
  if (typeof criterion === "boolean") return (v) => v === criterion;
  if (isErrorValue(criterion)) return (v) => v === criterion;
  const [, op = "", operand] = OPERATOR.exec(criterion) as RegExpExecArray;
  if (operand === "") {
    // "" and "=" match empty cells; "<>" matches every non-empty one.
    if (op === "<>") return (v) => v !== "";
    if (op === "" || op === "=") return (v) => v === "";
    return () => false;
  }
  const n = numberIn(operand);
  if (n !== undefined) {
    if (op === "" || op === "=") return (v) => (typeof v === "number" ? v === n : typeof v === "string" && numberIn(v) === n);
    if (op === "<>") return (v) => !(typeof v === "number" ? v === n : typeof v === "string" && numberIn(v) === n);
    return (v) => typeof v === "number" && compareWith(op, v - n);
  }
  const upper = operand.toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") {
    const flag = upper === "TRUE";
    return op === "<>" ? (v) => v !== flag : (v) => v === flag;
  }
  if (op === "" || op === "=" || op === "<>") {
    const pattern = wildcardPattern(operand);
    const matches = (v: CellValue) => typeof v === "string" && v !== "" && pattern.test(v);
    return op === "<>" ? (v) => !matches(v) : matches;
  }
  const lower = operand.toLowerCase();
  return (v) => typeof v === "string" && v !== "" && !isErrorValue(v) && compareWith(op, v.toLowerCase().localeCompare(lower));
}
