// Writes a summary sheet so that a failure never leaves a half-written or lost workbook: the new
// sheet is built under a temporary name, then swapped in for the previous summary (which is kept
// under a backup name until the new one stands). The same batch marks the new sheet as the
// analysis' summary, remembers the analysis in the workbook's settings and reads the sheet back.
// Trace markers say how far a failed batch got, and one clean-up round trip puts the workbook
// back as it was.

import { rectName } from "../core/a1";
import { Problem, problem } from "../core/problems";
import { ChartModel, SheetModel } from "../core/summary/model";
import { isOfficeError, isPayloadError, lastTrace, OfficeErrorLike } from "./errors";
import { SETTINGS_KEY, SheetInfo } from "./read";
import { ContextRunner } from "./types";

export interface WritePlan {
  readonly model: SheetModel;
  /** Temporary names, unique to the analysis: "~StatDesk new 1a2b3c". */
  readonly tempName: string;
  readonly backupName: string;
  /** The previous summary to replace, if any (it is StatDesk's own). */
  readonly previous?: SheetInfo;
  /** Sheets left over by an interrupted run, deleted first. */
  readonly leftovers: readonly SheetInfo[];
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

/** What the new sheet read back as, in the same batch. */
export interface ReadBack {
  readonly name: string;
  readonly title: unknown;
  readonly charts: readonly string[];
}

export type WriteOutcome =
  | { readonly ok: true; readonly readBack: ReadBack; readonly syncs: number }
  | { readonly ok: false; readonly problems: readonly Problem[]; readonly syncs: number };

/** Largest request a write batch should make (Excel on the web refuses 5 MB). */
const WRITE_BUDGET_BYTES = 4_000_000;

/** Cell values as Range.values takes them: blanks as "". */
function cells(rows: SheetModel["values"], from: number, to: number): (string | number)[][] {
  return rows.slice(from, to).map((row) => row.map((v) => (v === null ? "" : v)));
}

/** Row blocks small enough for one request each (the summary is usually one block). */
function rowBlocks(model: SheetModel, budget = WRITE_BUDGET_BYTES): { from: number; to: number }[] {
  const blocks: { from: number; to: number }[] = [];
  let from = 0;
  let bytes = 0;
  model.values.forEach((row, r) => {
    // Two arrays per row (values and number formats), CJK text three bytes a character.
    const rowBytes = 3 * (JSON.stringify(row).length + JSON.stringify(model.numberFormats[r]).length);
    if (r > from && bytes + rowBytes > budget) {
      blocks.push({ from, to: r });
      from = r;
      bytes = 0;
    }
    bytes += rowBytes;
  });
  blocks.push({ from, to: model.values.length });
  return blocks;
}

function blockRange(sheet: Excel.Worksheet, model: SheetModel, from: number, to: number): Excel.Range {
  return sheet.getRange(rectName({ row: from, column: 0, rowCount: Math.max(1, to - from), columnCount: model.width }));
}

/** Queues number formats first (so "@" keeps text as text), then values, for rows from..to. */
function queueCells(sheet: Excel.Worksheet, model: SheetModel, from: number, to: number): void {
  if (to <= from) return;
  const range = blockRange(sheet, model, from, to);
  range.numberFormat = model.numberFormats.slice(from, to).map((r) => [...r]);
  range.values = cells(model.values, from, to);
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

function queueLayout(sheet: Excel.Worksheet, model: SheetModel, isSetSupported: WritePlan["isSetSupported"]): void {
  // Equal neighbouring widths in one action.
  let start = 0;
  for (let c = 1; c <= model.columnWidths.length; c++) {
    if (c === model.columnWidths.length || model.columnWidths[c] !== model.columnWidths[start]) {
      sheet.getRange(rectName({ row: 0, column: start, rowCount: 1, columnCount: c - start })).format.columnWidth = model.columnWidths[start];
      start = c;
    }
  }
  for (const { row, height } of model.rowHeights) sheet.getRange(`${row + 1}:${row + 1}`).format.rowHeight = height;
  if (model.freezeRows > 0) sheet.freezePanes.freezeRows(model.freezeRows);
  if (isSetSupported("ExcelApi", "1.7")) sheet.tabColor = model.tabColor;
  if (isSetSupported("ExcelApi", "1.9")) {
    // Printed, the summary fits the page width: tables and charts side by side.
    sheet.pageLayout.orientation = "Landscape";
    sheet.pageLayout.zoom = { horizontalFitToPages: 1 };
  }
}

function queueChart(sheet: Excel.Worksheet, spec: ChartModel, isSetSupported: WritePlan["isSetSupported"]): void {
  const chart = sheet.charts.add(spec.kind, sheet.getRange(rectName(spec.source)), "Columns");
  chart.name = spec.name;
  chart.title.text = spec.title;
  chart.legend.position = "Bottom";
  chart.legend.visible = true;
  chart.dataLabels.showValue = true;
  chart.axes.valueAxis.title.text = spec.valueAxisTitle;
  chart.axes.categoryAxis.title.text = spec.categoryAxisTitle;
  spec.seriesNames.forEach((name, i) => {
    chart.series.getItemAt(i).name = name;
  });
  if (isSetSupported("ExcelApi", "1.8")) {
    chart.dataLabels.numberFormat = spec.numberFormat;
    chart.axes.valueAxis.numberFormat = spec.numberFormat;
    if (spec.secondaryLine !== undefined) {
      const line = chart.series.add(spec.secondaryLine.name);
      line.setValues(sheet.getRange(rectName(spec.secondaryLine.values)));
      line.chartType = "LineMarkers";
      line.axisGroup = "Secondary";
      line.hasDataLabels = true;
      line.dataLabels.numberFormat = spec.secondaryLine.numberFormat;
    }
  }
  chart.setPosition(rectName({ row: spec.from.row, column: spec.from.column, rowCount: 1, columnCount: 1 }), rectName({ row: spec.to.row, column: spec.to.column, rowCount: 1, columnCount: 1 }));
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
 * the previous summary — the one step that cannot be undone, the batch's last action. On failure
 * the workbook is restored exactly and the problems say what happened.
 */
export async function writeSummary(run: ContextRunner, plan: WritePlan): Promise<WriteOutcome> {
  const { model } = plan;
  const blocks = rowBlocks(model, plan.budgetBytes);
  let syncs = 0;
  let created = false;
  try {
    // All but the last block: the sheet is created and filled in parts.
    for (let i = 0; i < blocks.length - 1; i++) {
      syncs++;
      await run(async (context) => {
        const sheets = context.workbook.worksheets;
        if (!created) queueCreate(context, plan);
        context.trace("write:created");
        queueCells(sheets.getItem(plan.tempName), model, blocks[i].from, blocks[i].to);
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
      queueCells(sheet, model, last.from, last.to);
      queueStyles(sheet, model);
      queueLayout(sheet, model, plan.isSetSupported);
      for (const chart of model.charts) queueChart(sheet, chart, plan.isSetSupported);
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
      const charts = sheet.charts;
      charts.load("items/name");
      old?.delete();
      await context.sync();
      return { name: sheet.name, title: title.values[0][0], charts: charts.items.map((c) => c.name) };
    });
    return { ok: true, readBack: written, syncs };
  } catch (error) {
    if (!isOfficeError(error)) throw error;
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
  if (error.code === "AccessDenied") return problem("sheet-protected", "error", undefined, { name: sheetName });
  return problem("write-failed", "error", undefined, { code: error.code, detail: error.message });
}

