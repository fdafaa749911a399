// Plan and actual tables (计划 / 实际 / 完成), as in housing-programme evaluations: completion
// rate = actual / plan. 保障性租赁住房 80000 planned, 81549 built → 101.9% (seed 004).

import { CellValue, cellText, Grid, isBlankRow, MAX_FIGURE, parseNumberCell } from "./cells";
import { Problem, problem } from "./problems";
import { cellLocation, rangeLocation, SourceRef, sourceName } from "./source";
import { headerKey, toHalfWidth } from "./text";
import { Maybe, sharePct } from "./yoy";

export interface PlanTarget {
  readonly item: string;
  readonly unit: string | null;
  readonly plan: Maybe;
  readonly actual: Maybe;
  /** The figures as the cells write them ("80000", "2.7万户"), for sentences. */
  readonly planText: string;
  readonly actualText: string;
  /** actual / plan × 100; null without a positive plan. */
  readonly completionPct: Maybe;
  readonly location: string;
  /** The plan figure's cell (the location above is the actual figure's); absent for targets made by hand. */
  readonly planLocation?: string;
}

export interface PlanTable {
  readonly kind: "plan";
  readonly source: SourceRef;
  readonly headerRow: number;
  readonly range: string;
  readonly targets: readonly PlanTarget[];
  readonly problems: readonly Problem[];
}

const PLAN = /^(年度)?(计划|目标|任务|计划数|目标数|计划值|年度计划|plan|planned|target)/;
const ACTUAL = /^(实际|完成|实际完成|完成数|实际数|实际值|actual|achieved|completed|done)(?!率)/;
const RATE = /完成率|completion|rate|%/;
const ITEM = /^(项目|指标|名称|内容|任务名称|item|indicator|programme|program|measure)/;
const UNIT = /^(单位|计量单位|unit)$/;

/**
 * A figure as plan tables write it: a number, "10.27万", "2.7万户", "1.2亿".
 * Returns the value in the written unit's base (万 × 10⁴, 亿 × 10⁸) and the unit text after it.
 * readPlanFigure("10.27万户") // => { value: 102700, unit: "户" }
 */
export function readPlanFigure(cell: CellValue): { value: number; unit: string } | undefined {
  const parsed = parseNumberCell(cell);
  if (parsed.ok) return parsed.notes.includes("percent") ? undefined : { value: parsed.value, unit: "" };
  if (typeof cell !== "string") return undefined;
  const m = /^([+-]?[\d,]*\.?\d+)\s*(万|亿)?\s*([^\d\s]*)$/.exec(toHalfWidth(cell).trim());
  if (m === null) return undefined;
  const scale = m[2] === "万" ? 1e4 : m[2] === "亿" ? 1e8 : 1;
  const value = Number(m[1].replace(/,/g, "")) * scale;
  return Number.isFinite(value) && Math.abs(value) <= MAX_FIGURE ? { value, unit: m[3] } : undefined;
}

/**
 * A plan figure for a sentence: the cell's text, with the unit added when the text has none of
 * its own (a bare number, or one ending in 万 or 亿).
 * planFigureText("1.7万", "套") // => "1.7万套"; planFigureText("2.7万户", "户") // => "2.7万户"
 */
export function planFigureText(text: string, unit: string | null): string {
  return /[^\d.,\s万亿]$/.test(text) || unit === null ? text : `${text}${unit}`;
}

/** Totals rows are not programmes. */
const TOTAL_ITEM = /^(合计|总计|小计|共计|total|sum)$/i;

function findPlanHeader(grid: Grid): number | undefined {
  for (let r = 0; r < Math.min(grid.length, 40); r++) {
    const keys = grid[r].map((c) => headerKey(cellText(c)));
    if (keys.some((k) => PLAN.test(k) && !RATE.test(k)) && keys.some((k) => ACTUAL.test(k) && !RATE.test(k))) return r;
  }
  return undefined;
}

/** Reads a plan table; undefined when the grid has no 计划 + 实际 header. */
export function readPlanTable(grid: Grid, source: SourceRef): PlanTable | undefined {
  const headerRow = findPlanHeader(grid);
  if (headerRow === undefined) return undefined;
  const keys = grid[headerRow].map((c) => headerKey(cellText(c)));
  const planColumn = keys.findIndex((k) => PLAN.test(k) && !RATE.test(k));
  const actualColumn = keys.findIndex((k) => ACTUAL.test(k) && !RATE.test(k));
  const unitColumn = keys.findIndex((k) => UNIT.test(k));
  let itemColumn = keys.findIndex((k) => ITEM.test(k));
  if (itemColumn < 0) itemColumn = keys.findIndex((k, i) => k !== "" && i !== planColumn && i !== actualColumn && i !== unitColumn);
  if (itemColumn < 0) itemColumn = 0;

  const problems: Problem[] = [];
  const targets: PlanTarget[] = [];
  let lastRow = headerRow;
  for (let r = headerRow + 1; r < grid.length; r++) {
    const row = grid[r];
    if (isBlankRow(row)) continue;
    const item = cellText(row[itemColumn]);
    if (item === "" || /^(注|数据来源|来源|说明|note|source)/i.test(item) || TOTAL_ITEM.test(headerKey(item))) continue;
    lastRow = r;
    const plan = readPlanFigure(row[planColumn]);
    const actual = readPlanFigure(row[actualColumn]);
    const unitText = unitColumn >= 0 ? cellText(row[unitColumn]) : "";
    const unit = unitText !== "" ? unitText : plan?.unit || actual?.unit || null;
    // 1万套 planned against 9000户 done: two different things counted, no rate.
    const unitsDiffer = plan !== undefined && actual !== undefined && plan.unit !== "" && actual.unit !== "" && plan.unit !== actual.unit;
    const planUsable = plan !== undefined && plan.value > 0;
    const completionPct = planUsable && actual !== undefined && !unitsDiffer ? sharePct(actual.value, plan.value) : null;
    const planText = cellText(row[planColumn]);
    const actualText = cellText(row[actualColumn]);
    if (!planUsable) problems.push(problem("plan-no-plan", "warning", cellLocation(source, r, planColumn), { item, text: planText }));
    else if (actual === undefined) problems.push(problem("plan-no-actual", "warning", cellLocation(source, r, actualColumn), { item, text: actualText }));
    else if (unitsDiffer) {
      problems.push(problem("plan-units-differ", "warning", cellLocation(source, r, actualColumn), { item, planUnit: plan.unit, actualUnit: actual.unit }));
    }
    targets.push({
      item,
      unit,
      plan: plan?.value ?? null,
      actual: actual?.value ?? null,
      planText,
      actualText,
      completionPct,
      location: cellLocation(source, r, actualColumn),
      planLocation: cellLocation(source, r, planColumn),
    });
  }
  const range = rangeLocation(source, headerRow, 0, lastRow - headerRow + 1, grid[headerRow].length);
  return { kind: "plan", source, headerRow, range, targets, problems: problems.map((p) => ({ ...p, params: { ...p.params, source: sourceName(source) } })) };
}
