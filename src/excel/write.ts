// Writes a summary sheet so that a failure never leaves a half-written or lost workbook: the new
// sheet is built under a temporary name, then swapped in for the previous summary (which is kept
// under a backup name until the new one stands). The same batch marks the new sheet as the
// analysis' summary, remembers the analysis in the workbook's settings and reads the sheet back.
// Trace markers say how far a failed batch got, and one clean-up round trip puts the workbook
// back as it was. Freeze panes, the tab colour, print layout and charts are touches Excel may
// refuse (excel-fidelity-audit.md rows 21, 22, 33): they come after every essential action, and a
// refusal costs only that touch (retried alone once, then left out with a warning: the rule of
// core/decorations, which the WPS layer follows too), never the summary.

import { rectName } from "../core/a1";
import { Problem, problem } from "../core/problems";
import { ChartModel, SheetModel } from "../core/summary/model";
import { Decoration, DecorationKind, decorationsOf, decorationSkipped, DECORATION_TRIES, goesWith } from "../core/decorations";
import { isOfficeError, isPayloadError, lastTrace, officeProblem, OfficeErrorLike, structureProblem } from "./errors";
import { ApplySummaryResult, ReadBack, SheetFact } from "../core/port";
import { SETTINGS_KEY } from "./read";
import { ContextRunner } from "./environment";

export interface WritePlan {
  readonly model: SheetModel;
  /** Temporary names, unique to the analysis: "~StatDesk new 1a2b3c". */
  readonly tempName: string;
  readonly backupName: string;
  /** The previous summary to replace, if any (it is StatDesk's own). */
  readonly previous?: SheetFact;
  /** Sheets left over by an interrupted run, deleted first. */
  readonly leftovers: readonly SheetFact[];
  readonly isSetSupported: (name: string, version: string) => boolean;
  /** Bring the summary to the front when done. */
  readonly activate: boolean;
  /** Largest request a write batch may make; larger summaries are written in row blocks. */
  readonly budgetBytes?: number;
  /** The workbook name that marks the analysis' summary sheet, and whether it exists already. */
  readonly marker: { readonly name: string; readonly exists: boolean };
  /** The stored analyses, this one updated, as the settings value to save. */
  readonly settingsValue: string;
  /** The settings value before the run (undefined: there was none), restored if the write fails. */
  readonly previousSettings: unknown;
}

/** What a write gives back: the port's answer (core/port ApplySummaryResult), the same for every host. */
export type WriteOutcome = ApplySummaryResult;

/** Largest request a write batch should make (Excel on the web refuses 5 MB). */
const WRITE_BUDGET_BYTES = 4_000_000;

/** A block of rows and the columns it writes (from A): rows past the tables' width need not send their empty cells. */
interface RowBlock {
  readonly from: number;
  readonly to: number;
  readonly columns: number;
}

/**
 * What a cell is written as: its formula where it has one (Range.formulas sets constants as
 * Range.values does, so one assignment writes both), else its value, blank as "".
 */
function sentCell(model: SheetModel, row: number, column: number): string | number {
  const formula = model.formulas?.[row][column];
  if (formula !== null && formula !== undefined) return formula;
  const value = model.values[row][column];
  return value === null ? "" : value;
}

/** Columns of a row that carry anything: a value, a formula or a number format other than General. */
function usedColumns(model: SheetModel, row: number): number {
  for (let c = model.width - 1; c >= 0; c--) {
    if (model.values[row][c] !== null || (model.formulas?.[row][c] ?? null) !== null || model.numberFormats[row][c] !== "General") return c + 1;
  }
  return 0;
}

/**
 * What a text weighs in a request, counted on the safe side (excel-fidelity-audit.md row 7: how
 * Excel counts the 5 MB is unverified): two bytes a character for ASCII (UTF-16 at worst), three
 * for any other (UTF-8's CJK). Formulas are mostly ASCII, enterprise names mostly CJK.
 */
function requestWeight(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) bytes += text.charCodeAt(i) < 0x80 ? 2 : 3;
  return bytes;
}

/**
 * Row blocks small enough for one request each (the summary is usually one block), each as wide
 * as its rows need: a long data block below the tables is four columns, not the tables' width.
 */
function rowBlocks(model: SheetModel, budget = WRITE_BUDGET_BYTES): RowBlock[] {
  const blocks: RowBlock[] = [];
  let from = 0;
  let bytes = 0;
  let columns = 1;
  for (let r = 0; r < model.values.length; r++) {
    const used = usedColumns(model, r);
    // Two arrays per row: values or formulas, and number formats.
    const sent = Array.from({ length: used }, (_, c) => sentCell(model, r, c));
    const rowBytes = requestWeight(JSON.stringify(sent)) + requestWeight(JSON.stringify(model.numberFormats[r].slice(0, used)));
    if (r > from && bytes + rowBytes > budget) {
      blocks.push({ from, to: r, columns });
      from = r;
      bytes = 0;
      columns = 1;
    }
    bytes += rowBytes;
    columns = Math.max(columns, used);
  }
  blocks.push({ from, to: model.values.length, columns });
  return blocks;
}

/** Queues number formats first (so "@" keeps text as text), then values or formulas, for a block's rows and columns. */
function queueCells(sheet: Excel.Worksheet, model: SheetModel, block: RowBlock): void {
  const { from, to, columns } = block;
  if (to <= from) return;
  const range = sheet.getRange(rectName({ row: from, column: 0, rowCount: to - from, columnCount: columns }));
  range.numberFormat = model.numberFormats.slice(from, to).map((r) => r.slice(0, columns));
  const rows = Array.from({ length: to - from }, (_, i) => Array.from({ length: columns }, (_, c) => sentCell(model, from + i, c)));
  if (model.formulas === undefined) range.values = rows;
  else range.formulas = rows;
}

function queueStyles(sheet: Excel.Worksheet, model: SheetModel): void {
  for (const run of model.styles) {
    const format = sheet.getRange(rectName(run.rect)).format;
    const s = run.style;
    if (s.bold !== undefined) format.font.bold = s.bold;
    if (s.italic !== undefined) format.font.italic = s.italic;
    if (s.fontSize !== undefined) format.font.size = s.fontSize;
    if (s.fontColor !== undefined) format.font.color = s.fontColor;
    if (s.fill !== undefined) format.fill.color = s.fill;
    if (s.horizontal !== undefined) format.horizontalAlignment = s.horizontal;
    if (s.wrap !== undefined) format.wrapText = s.wrap;
    if (s.borderBottom !== undefined) {
      const edge = format.borders.getItem("EdgeBottom");
      edge.style = "Continuous";
      edge.color = s.borderBottom;
    }
    if (s.borderTop !== undefined) {
      const edge = format.borders.getItem("EdgeTop");
      edge.style = "Continuous";
      edge.color = s.borderTop;
    }
  }
  // A CJK-safe font for the whole block: Microsoft YaHei ships with Windows and Office for Mac.
  const all = sheet.getRange(rectName({ row: 0, column: 0, rowCount: Math.max(1, model.values.length), columnCount: model.width }));
  all.format.font.name = "Microsoft YaHei";
  all.format.verticalAlignment = "Center";
}

function queueLayout(sheet: Excel.Worksheet, model: SheetModel): void {
  // Equal neighbouring widths in one action.
  let start = 0;
  for (let c = 1; c <= model.columnWidths.length; c++) {
    if (c === model.columnWidths.length || model.columnWidths[c] !== model.columnWidths[start]) {
      sheet.getRange(rectName({ row: 0, column: start, rowCount: 1, columnCount: c - start })).format.columnWidth = model.columnWidths[start];
      start = c;
    }
  }
  for (const { row, height } of model.rowHeights) sheet.getRange(`${row + 1}:${row + 1}`).format.rowHeight = height;
  // Range.rowHidden is ExcelApi 1.2, within the manifest's 1.7.
  for (const { row, rowCount } of model.hiddenRows ?? []) if (rowCount > 0) sheet.getRange(`${row + 1}:${row + rowCount}`).rowHidden = true;
}

/**
 * One touch (core/decorations): what it queues and, when a refusal left part of it standing, what
 * undoes that part. `reached` counts the steps (trace markers) the refused attempt passed: 0,
 * nothing of it stands.
 */
interface Touch extends Decoration {
  readonly queue: (batch: TouchBatch) => void;
  readonly undo?: (batch: TouchBatch, reached: number) => void;
}

/** One round trip's touches: trace markers saying how far each got, and the charts it made. */
class TouchBatch {
  private readonly charts = new Map<string, Excel.Chart>();
  private readonly queued = new Set<number>();
  private current = -1;
  private steps = 0;

  constructor(
    readonly context: Excel.RequestContext,
    readonly sheet: Excel.Worksheet,
    private readonly decorations: Decorations,
  ) {}

  begin(touch: number): void {
    this.current = touch;
    this.steps = 0;
    this.queued.add(touch);
    this.context.trace(`deco:${touch}:0`);
  }

  /** What was queued of the current touch so far stands if the batch fails after this point. */
  step(): void {
    this.steps++;
    this.context.trace(`deco:${this.current}:${this.steps}`);
  }

  undoing(touch: number): void {
    this.context.trace(`deco:undo:${touch}`);
  }

  made(spec: ChartModel, chart: Excel.Chart): void {
    this.charts.set(spec.name, chart);
  }

  /** The chart drawn in this batch, or by an earlier one. */
  chart(spec: ChartModel): Excel.Chart {
    return this.charts.get(spec.name) ?? this.sheet.charts.getItem(spec.name);
  }

  /** The YoY line of a chart: added after the chart's own series (one per column of its source). */
  line(spec: ChartModel): Excel.ChartSeries {
    return this.chart(spec).series.getItemAt(spec.seriesNames.length);
  }

  /** Does the chart's YoY line stand (drawn earlier, or queued before in this batch)? */
  lineStands(spec: ChartModel): boolean {
    const touch = this.decorations.touches.findIndex((t) => t.kind === "secondaryAxis" && t.chart === spec);
    return touch >= 0 && (this.decorations.isDone(touch) || this.queued.has(touch));
  }

  /** Charts standing on the sheet before any added in this batch: where a nameless one would sit. */
  get chartsStanding(): number {
    return this.decorations.chartsStanding;
  }
}

/** What Excel can make of the touches: tab colours from ExcelApi 1.7, series axes 1.8, print layout 1.9. */
function officeSupports(isSetSupported: WritePlan["isSetSupported"]): (kind: DecorationKind) => boolean {
  const needs: Partial<Record<DecorationKind, string>> = { tabColor: "1.7", secondaryAxis: "1.8", printLayout: "1.9" };
  return (kind) => needs[kind] === undefined || isSetSupported("ExcelApi", needs[kind]!);
}

/** How Excel makes a chart's touches: the chart itself, its YoY line, its data labels. */
function chartTouch(kind: DecorationKind, spec: ChartModel, isSetSupported: WritePlan["isSetSupported"]): Touch {
  const line = spec.secondaryLine;
  if (kind === "chart") {
    return {
      kind,
      chart: spec,
      queue: (b) => {
        const chart = b.sheet.charts.add(spec.kind, b.sheet.getRange(rectName(spec.source)), "Columns");
        b.step(); // added, not yet named
        chart.name = spec.name;
        b.step(); // known by its name
        b.made(spec, chart);
        chart.title.text = spec.title;
        chart.legend.position = "Bottom";
        chart.legend.visible = true;
        chart.axes.valueAxis.title.text = spec.valueAxisTitle;
        chart.axes.categoryAxis.title.text = spec.categoryAxisTitle;
        // Category labels at the foot of the plot even when every value is negative (a year of
        // falling YoYs put them at the top, over the lines).
        chart.axes.categoryAxis.tickLabelPosition = "Low";
        spec.seriesNames.forEach((name, i) => {
          chart.series.getItemAt(i).name = name;
        });
        if (isSetSupported("ExcelApi", "1.8")) chart.axes.valueAxis.numberFormat = spec.numberFormat;
        chart.setPosition(rectName({ row: spec.from.row, column: spec.from.column, rowCount: 1, columnCount: 1 }), rectName({ row: spec.to.row, column: spec.to.column, rowCount: 1, columnCount: 1 }));
      },
      undo: (b, reached) => {
        // A nameless chart is the one added after those standing (a new sheet holds only ours).
        if (reached === 1) b.sheet.charts.getItemAt(b.chartsStanding).delete();
        else if (reached >= 2) b.sheet.charts.getItem(spec.name).delete();
      },
    };
  }
  if (kind === "secondaryAxis" && line !== undefined) {
    return {
      kind,
      chart: spec,
      queue: (b) => {
        const series = b.chart(spec).series.add(line.name);
        b.step(); // the series stands, on the primary axis
        series.setValues(b.sheet.getRange(rectName(line.values)));
        series.chartType = "LineMarkers";
        series.axisGroup = "Secondary";
      },
      // A YoY line of per-cents on the axis of 亿元 would mislead: it goes whole.
      undo: (b, reached) => {
        if (reached >= 1) b.line(spec).delete();
      },
    };
  }
  return {
    kind,
    chart: spec,
    queue: (b) => {
      const chart = b.chart(spec);
      chart.dataLabels.showValue = true;
      b.step(); // labels shown, not yet formatted
      if (isSetSupported("ExcelApi", "1.8")) chart.dataLabels.numberFormat = spec.numberFormat;
      if (line !== undefined && b.lineStands(spec)) {
        const series = b.line(spec);
        series.hasDataLabels = true;
        series.dataLabels.numberFormat = line.numberFormat;
      }
    },
    undo: (b, reached) => {
      if (reached < 1) return;
      b.chart(spec).dataLabels.showValue = false;
      if (b.lineStands(spec)) b.line(spec).hasDataLabels = false;
    },
  };
}

/** Every touch of a summary as core/decorations orders them, each with how Excel makes and undoes it. */
function summaryTouches(model: SheetModel, isSetSupported: WritePlan["isSetSupported"]): Touch[] {
  return decorationsOf(model, officeSupports(isSetSupported)).map((d): Touch => {
    if (d.chart !== undefined) return chartTouch(d.kind, d.chart, isSetSupported);
    if (d.kind === "freeze") return { kind: d.kind, queue: (b) => b.sheet.freezePanes.freezeRows(model.freezeRows) };
    if (d.kind === "tabColor") return { kind: d.kind, queue: (b) => (b.sheet.tabColor = model.tabColor) };
    return {
      kind: d.kind,
      // Printed, the summary fits the page width: tables and charts side by side.
      queue: (b) => {
        b.sheet.pageLayout.orientation = "Landscape";
        b.step();
        b.sheet.pageLayout.zoom = { horizontalFitToPages: 1 };
      },
      undo: (b, reached) => {
        if (reached >= 1) b.sheet.pageLayout.orientation = "Portrait";
      },
    };
  });
}

const TOUCH_TRACE = /^deco:(\d+):(\d+)$/;

/**
 * The touches of one write and how far they got. Every touch is tried once in the write's last
 * round trip, after the essentials; a refused one is undone where it stood half-made and tried
 * alone once more, then left out with a warning (and, for a chart, its line and labels with it),
 * while the touches after it are tried together again.
 */
class Decorations {
  readonly touches: readonly Touch[];
  readonly skipped: Problem[] = [];
  readonly chartsLeftOut: string[] = [];
  private readonly done = new Set<number>();
  private readonly left = new Set<number>();
  private readonly attempts = new Map<number, number>();
  /** Charts a refused undo could not remove (a nameless one shifts where the next would sit). */
  private leftoverCharts = 0;
  /** Still to try together; a refused touch waiting to be tried alone; what a refusal left half-made. */
  private order: number[];
  private alone: number | undefined;
  private pendingUndo: { readonly touch: number; readonly reached: number } | undefined;

  constructor(model: SheetModel, isSetSupported: WritePlan["isSetSupported"]) {
    this.touches = summaryTouches(model, isSetSupported);
    this.order = this.touches.map((_, i) => i);
  }

  get finished(): boolean {
    return this.order.length === 0 && this.alone === undefined && this.pendingUndo === undefined;
  }

  isDone(touch: number): boolean {
    return this.done.has(touch);
  }

  get chartsStanding(): number {
    return [...this.done].filter((i) => this.touches[i].kind === "chart").length + this.leftoverCharts;
  }

  /** Queues the next attempt: the undo a refusal needs, then the refused touch alone or all still to try. */
  queue(context: Excel.RequestContext, sheet: Excel.Worksheet): { tried: number[]; undo: Decorations["pendingUndo"] } {
    const batch = new TouchBatch(context, sheet, this);
    const undo = this.pendingUndo;
    if (undo !== undefined) {
      batch.undoing(undo.touch);
      this.touches[undo.touch].undo?.(batch, undo.reached);
    }
    const tried = this.alone !== undefined ? [this.alone] : [...this.order];
    for (const i of tried) {
      batch.begin(i);
      this.touches[i].queue(batch);
    }
    return { tried, undo };
  }

  succeeded(tried: readonly number[]): void {
    for (const i of tried) this.done.add(i);
    this.order = this.order.filter((i) => !this.done.has(i));
    this.alone = undefined;
    this.pendingUndo = undefined;
  }

  /** Settles a refused attempt from the last trace marker it passed. */
  refused(attempt: { tried: readonly number[]; undo: Decorations["pendingUndo"] }, error: OfficeErrorLike): void {
    this.pendingUndo = undefined;
    const trace = lastTrace(error) ?? "";
    const at = TOUCH_TRACE.exec(trace);
    if (trace === "deco:readback") {
      this.succeeded(attempt.tried); // every touch was made; only the read-back is asked again
      return;
    }
    if (at !== null && attempt.tried.includes(Number(at[1]))) {
      const touch = Number(at[1]);
      for (const i of attempt.tried.slice(0, attempt.tried.indexOf(touch))) this.done.add(i);
      this.order = this.order.filter((i) => !this.done.has(i) && i !== touch);
      this.refuse(touch, Number(at[2]), error.code);
      return;
    }
    if (attempt.undo !== undefined) {
      // The undo itself was refused: what it should have removed stays, its touch is left out.
      const { touch, reached } = attempt.undo;
      if (this.touches[touch].kind === "chart" && reached >= 1) this.leftoverCharts++;
      if (this.alone === touch) this.alone = undefined;
      this.leaveOut(touch, error.code);
      return;
    }
    // Nothing of the batch ran: its first touch takes the refusal, so every attempt moves on.
    const first = attempt.tried[0];
    if (first === undefined) return;
    this.order = this.order.filter((i) => i !== first);
    this.refuse(first, 0, error.code);
  }

  private refuse(touch: number, reached: number, code: string): void {
    const attempts = (this.attempts.get(touch) ?? 0) + 1;
    this.attempts.set(touch, attempts);
    if (reached > 0 && this.touches[touch].undo !== undefined) this.pendingUndo = { touch, reached };
    if (attempts < DECORATION_TRIES) {
      this.alone = touch;
    } else {
      this.alone = undefined;
      this.leaveOut(touch, code);
    }
  }

  /** One warning per touch left out; a chart left out takes its line and labels with it. */
  private leaveOut(touch: number, code: string): void {
    if (this.left.has(touch)) return;
    this.left.add(touch);
    const left = this.touches[touch];
    this.skipped.push(decorationSkipped(left, code));
    if (left.kind === "chart" && left.chart !== undefined) {
      this.chartsLeftOut.push(left.chart.name);
      this.order = this.order.filter((i) => !goesWith(left, this.touches[i]));
    }
  }
}

/** Is this a failure after every essential action (the write stands; only touches were refused)? */
function afterEssentials(error: OfficeErrorLike): boolean {
  const trace = lastTrace(error);
  return trace === "write:done" || (trace?.startsWith("deco:") ?? false);
}

/**
 * Tries the touches a refusal left, in as few round trips as it allows (one to retry the refused
 * touch alone, one for those after it), and reads the summary back in the last one.
 */
async function finishDecorations(run: ContextRunner, model: SheetModel, decorations: Decorations): Promise<{ readBack?: ReadBack; syncs: number }> {
  let readBack: ReadBack | undefined;
  let syncs = 0;
  // Each touch is tried at most twice and each undo once: a bound, should an Excel refuse everything.
  const most = 3 * decorations.touches.length + 2;
  while ((!decorations.finished || readBack === undefined) && syncs < most) {
    syncs++;
    let attempt: ReturnType<Decorations["queue"]> = { tried: [], undo: undefined };
    try {
      readBack = await run(async (context) => {
        const sheet = context.workbook.worksheets.getItem(model.name);
        attempt = decorations.queue(context, sheet);
        context.trace("deco:readback");
        sheet.load("name");
        const title = sheet.getRange("A1");
        title.load("values");
        const charts = sheet.charts;
        charts.load("items/name");
        await context.sync();
        return { name: sheet.name, title: title.values[0][0], charts: charts.items.map((c) => c.name) };
      });
      decorations.succeeded(attempt.tried);
    } catch (error) {
      if (!isOfficeError(error)) throw error;
      readBack = undefined;
      decorations.refused(attempt, error);
    }
  }
  return readBack === undefined ? { syncs } : { readBack, syncs };
}

/**
 * Where a failed write had got to, from its last trace marker. The swap batch runs: build the
 * new sheet ("created") · rename the previous summary to the backup name ("old-renamed") · give
 * the new sheet the summary's name ("new-renamed") · unmark the previous summary ("unmarked") ·
 * mark the new one ("marked") · save the stored analyses ("saved") · read back · delete the
 * previous summary. Every stage before that last deletion can be undone exactly.
 */
const STAGE_ORDER = ["none", "created", "old-renamed", "new-renamed", "unmarked", "marked", "saved"] as const;
type Stage = (typeof STAGE_ORDER)[number];

const STAGES: Readonly<Record<string, Stage>> = {
  "write:created": "created",
  "swap:begin": "created",
  "swap:old-renamed": "old-renamed",
  "swap:new-renamed": "new-renamed",
  "remember:unmarked": "unmarked",
  "remember:marked": "marked",
  "remember:saved": "saved",
};

function stageOf(error: OfficeErrorLike): Stage {
  const trace = lastTrace(error);
  return trace === undefined ? "none" : STAGES[trace] ?? "none";
}

const reached = (stage: Stage, at: Stage) => STAGE_ORDER.indexOf(stage) >= STAGE_ORDER.indexOf(at);

/** A workbook name on a sheet's A1, hidden from the Name Manager list. */
function queueMark(context: Excel.RequestContext, name: string, sheet: Excel.Worksheet): void {
  context.workbook.names.add(name, sheet.getRange("A1"), "StatDesk: this analysis' summary sheet").visible = false;
}

/**
 * Puts the workbook back after a failed write, from the stage the batch reached: the new sheet
 * goes (under its temporary name, or under the summary's name once the swap had renamed it), the
 * previous summary gets its name back, the marker points to it again and the stored analyses are
 * as they were. One round trip; its own failure is reported, not thrown.
 */
async function recover(run: ContextRunner, plan: WritePlan, stage: Stage): Promise<Problem | undefined> {
  if (stage === "none") return undefined;
  try {
    await run(async (context) => {
      const sheets = context.workbook.worksheets;
      const names = context.workbook.names;
      // The new marker points to the new sheet: it goes first, before its sheet does.
      if (reached(stage, "marked")) names.getItem(plan.marker.name).delete();
      sheets.getItem(reached(stage, "new-renamed") ? plan.model.name : plan.tempName).delete();
      if (reached(stage, "old-renamed") && plan.previous !== undefined) sheets.getItem(plan.backupName).name = plan.previous.name;
      if (reached(stage, "unmarked") && plan.marker.exists && plan.previous !== undefined) {
        queueMark(context, plan.marker.name, sheets.getItem(plan.previous.id));
      }
      if (reached(stage, "saved")) {
        if (plan.previousSettings === undefined) context.workbook.settings.getItem(SETTINGS_KEY).delete();
        else context.workbook.settings.add(SETTINGS_KEY, plan.previousSettings);
      }
      await context.sync();
    });
    return undefined;
  } catch (error) {
    const name = reached(stage, "new-renamed") ? plan.model.name : plan.tempName;
    return problem("recovery-failed", "error", undefined, { code: isOfficeError(error) ? error.code : "Unexpected", name });
  }
}

/** Clears what an interrupted run left behind and adds the temporary sheet ("write:start" marks the attempt). */
function queueCreate(context: Excel.RequestContext, plan: WritePlan): void {
  const sheets = context.workbook.worksheets;
  for (const leftover of plan.leftovers) sheets.getItem(leftover.id).delete();
  context.trace("write:start");
  sheets.add(plan.tempName);
}

/**
 * Writes the summary: builds it under the temporary name (in as many round trips as its size
 * needs, usually one), swaps it in, marks and remembers it, reads it back, and only then deletes
 * the previous summary — the one step that cannot be undone, the batch's last essential action.
 * On failure the workbook is restored exactly and the problems say what happened. The touches
 * (freeze panes, tab colour, print layout, charts) follow in the same round trip; a refused one
 * costs one or two more round trips and a warning, never the summary.
 */
export async function writeSummary(run: ContextRunner, plan: WritePlan): Promise<WriteOutcome> {
  const { model } = plan;
  const blocks = rowBlocks(model, plan.budgetBytes);
  let syncs = 0;
  let created = false;
  const decorations = new Decorations(model, plan.isSetSupported);
  let decoAttempt: ReturnType<Decorations["queue"]> = { tried: [], undo: undefined };
  try {
    // All but the last block: the sheet is created and filled in parts.
    for (let i = 0; i < blocks.length - 1; i++) {
      syncs++;
      await run(async (context) => {
        const sheets = context.workbook.worksheets;
        if (!created) queueCreate(context, plan);
        context.trace("write:created");
        queueCells(sheets.getItem(plan.tempName), model, blocks[i]);
        await context.sync();
      });
      created = true;
    }

    // The last block, the styles, the charts, the swap, marking and remembering, in one batch.
    syncs++;
    const written = await run(async (context) => {
      const sheets = context.workbook.worksheets;
      if (!created) queueCreate(context, plan);
      context.trace("write:created");
      const sheet = sheets.getItem(plan.tempName);
      const last = blocks[blocks.length - 1];
      queueCells(sheet, model, last);
      queueStyles(sheet, model);
      queueLayout(sheet, model);
      if (plan.activate) sheet.activate();

      context.trace("swap:begin");
      const { previous } = plan;
      const old = previous === undefined ? undefined : sheets.getItem(previous.id);
      if (old !== undefined) {
        old.name = plan.backupName;
        context.trace("swap:old-renamed");
      }
      sheet.name = model.name;
      context.trace("swap:new-renamed"); // from here on the new sheet holds the summary's name
      if (previous !== undefined) sheet.position = previous.position;
      if (plan.marker.exists) context.workbook.names.getItem(plan.marker.name).delete();
      context.trace("remember:unmarked");
      queueMark(context, plan.marker.name, sheet);
      context.trace("remember:marked");
      context.workbook.settings.add(SETTINGS_KEY, plan.settingsValue);
      context.trace("remember:saved");

      // Read back what was written, in the same round trip.
      sheet.load("name");
      const title = sheet.getRange("A1");
      title.load("values");
      old?.delete();
      context.trace("write:done"); // the summary stands: nothing after this point is undone

      // The touches ride in the same round trip, after every essential action: Excel applies a
      // failed batch's actions up to the failing one (audit row 13, which recovery above relies
      // on too), so a refusal here leaves the summary standing, and the touches left are finished
      // in further round trips, only then.
      decoAttempt = decorations.queue(context, sheet);
      context.trace("deco:readback");
      const charts = sheet.charts;
      charts.load("items/name");
      await context.sync();
      return { name: sheet.name, title: title.values[0][0], charts: charts.items.map((c) => c.name) };
    });
    decorations.succeeded(decoAttempt.tried);
    return { ok: true, readBack: written, syncs, skipped: decorations.skipped, chartsLeftOut: decorations.chartsLeftOut };
  } catch (error) {
    if (!isOfficeError(error)) throw error;
    if (afterEssentials(error)) {
      // Only a touch was refused: the summary, its marker and the settings stand as written.
      decorations.refused(decoAttempt, error);
      const finished = await finishDecorations(run, model, decorations);
      return {
        ok: true,
        ...(finished.readBack !== undefined ? { readBack: finished.readBack } : {}),
        syncs: syncs + finished.syncs,
        skipped: decorations.skipped,
        chartsLeftOut: decorations.chartsLeftOut,
      };
    }
    const stage = created && stageOf(error) === "none" ? "created" : stageOf(error);
    const failure = writeProblem(error, model.name);
    const recovery = await recover(run, plan, stage);
    return { ok: false, problems: recovery === undefined ? [failure] : [failure, recovery], syncs: syncs + (stage === "none" ? 0 : 1) };
  }
}

function writeProblem(error: OfficeErrorLike, sheetName: string): Problem {
  if (isPayloadError(error)) {
    return problem("payload-too-large", "error", undefined, { detail: error.code, direction: "write" });
  }
  // Protect Workbook refuses the sheet's very creation with AccessDenied too: not the sheet's protection.
  const structure = structureProblem(error);
  if (structure !== undefined) return structure;
  if (error.code === "InvalidOperationInCellEditMode") return officeProblem(error);
  if (error.code === "AccessDenied") return problem("sheet-protected", "error", undefined, { name: sheetName });
  return problem("write-failed", "error", undefined, { code: error.code, detail: error.message });
}

