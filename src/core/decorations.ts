// The touches a summary gets after its essentials — freeze panes, the tab colour, print layout,
// and each chart with its YoY line and data labels — and the one rule both hosts follow when a
// host refuses one: what it left half-made is undone, it is tried alone once more, then it is
// left out with a `decoration-skipped` warning (a chart left out takes its line and labels with
// it). The summary's figures never depend on a touch. Stated once here; the Office.js layer
// (excel/write.ts, which batches the touches into round trips) and the WPS layer (wps/write.ts,
// whose calls apply at once, through applyDecorations below) both follow it.

import { Problem, problem } from "./problems";
import { ChartModel, SheetModel } from "./summary/model";

export type DecorationKind = "freeze" | "tabColor" | "printLayout" | "chart" | "secondaryAxis" | "dataLabels";

/** One touch, and the chart it draws or adjusts. */
export interface Decoration {
  readonly kind: DecorationKind;
  readonly chart?: ChartModel;
}

/** How many times a refused touch is tried before it is left out: once with the others, once alone. */
export const DECORATION_TRIES = 2;

/**
 * Every touch of a summary, in the order they are made: sheet-wide ones, then chart by chart
 * (the chart, its line on the secondary axis, its data labels). `supports` says which a host can
 * make (an Excel without ExcelApi 1.9 has no print layout): the others are not tried at all.
 */
export function decorationsOf(model: SheetModel, supports: (kind: DecorationKind) => boolean): Decoration[] {
  const touches: Decoration[] = [];
  if (model.freezeRows > 0 && supports("freeze")) touches.push({ kind: "freeze" });
  for (const kind of ["tabColor", "printLayout"] as const) if (supports(kind)) touches.push({ kind });
  for (const chart of model.charts) {
    touches.push({ kind: "chart", chart });
    if (chart.secondaryLine !== undefined && supports("secondaryAxis")) touches.push({ kind: "secondaryAxis", chart });
    if (chart.dataLabels && supports("dataLabels")) touches.push({ kind: "dataLabels", chart });
  }
  return touches;
}

/** Does `other` go when `left` is left out? A chart takes its own line and labels with it. */
export function goesWith(left: Decoration, other: Decoration): boolean {
  return left.kind === "chart" && other.chart === left.chart;
}

/**
 * The warning for a touch left out: what it was in a statistician's words (core/messages), the
 * host's code, and which host said it when it is not Excel.
 */
export function decorationSkipped(touch: Decoration, code: string, host?: "wps"): Problem {
  const { kind, chart } = touch;
  return problem("decoration-skipped", "warning", undefined, {
    touch: kind,
    code,
    ...(chart !== undefined ? { chart: chart.title } : {}),
    ...(kind === "secondaryAxis" && chart?.secondaryLine !== undefined ? { line: chart.secondaryLine.name } : {}),
    ...(host !== undefined ? { host } : {}),
  });
}

/** A host that applies every call at once (WPS): how a touch is made and undone. */
export interface ImmediateTouches {
  /** Makes the touch; calls `step()` after each part that stands on its own (a chart added, then named). */
  readonly make: (touch: Decoration, step: () => void) => void;
  /** Removes what a refused attempt left standing, from how many steps it passed. */
  readonly undo: (touch: Decoration, reached: number) => void;
  /** The host's code for a refusal, for the warning. */
  readonly codeOf: (error: unknown) => string;
  readonly host?: "wps";
}

/** The rule for a host whose calls apply at once: each touch alone, undone where half-made, tried twice, then left out. */
export function applyDecorations(touches: readonly Decoration[], host: ImmediateTouches): { skipped: Problem[]; chartsLeftOut: string[] } {
  const skipped: Problem[] = [];
  const chartsLeftOut: string[] = [];
  const leftOut: Decoration[] = [];
  for (const touch of touches) {
    if (leftOut.some((l) => goesWith(l, touch))) continue;
    for (let attempt = 1; attempt <= DECORATION_TRIES; attempt++) {
      let reached = 0;
      try {
        host.make(touch, () => reached++);
        break;
      } catch (error) {
        let code = host.codeOf(error);
        let undone = true;
        if (reached > 0) {
          try {
            host.undo(touch, reached);
          } catch (undoError) {
            // What the undo should have removed stays: the touch is not tried again.
            undone = false;
            code = host.codeOf(undoError);
          }
        }
        if (undone && attempt < DECORATION_TRIES) continue;
        leftOut.push(touch);
        skipped.push(decorationSkipped(touch, code, host.host));
        if (touch.kind === "chart" && touch.chart !== undefined) chartsLeftOut.push(touch.chart.name);
        break;
      }
    }
  }
  return { skipped, chartsLeftOut };
}
