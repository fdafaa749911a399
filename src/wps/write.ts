// Writing a summary into WPS 表格. ET applies every call at once and has no batch rollback
// (wps-addin.md §2.3, "It is not transactional"), so: check the whole model first, write into a
// fresh sheet with one Value2 (or Formula) per block and one call per rectangular run of a
// format, swap it in for the previous summary last, and undo what was added when anything fails
// on the way. The touches (freeze panes, tab colour, print layout, charts) come after, under the
// rule of core/decorations: a refused one is undone, tried once more, then left out with a warning.

import { CellRect, columnLetters, quoteSheetName, rectName } from "../core/a1";
import { applyDecorations, Decoration, decorationsOf } from "../core/decorations";
import { ApplySummaryRequest, ApplySummaryResult, ReadBack } from "../core/port";
import { Problem, problem } from "../core/problems";
import { sheetNameProblem } from "../core/sheet-name";
import { ChartModel, SheetModel, StyleRun } from "../core/summary/model";
import { bgr, charsOfPoints, coreCell, EtApplication, EtChart, EtChartFrame, EtWorksheet, itemNamed, XL } from "./et";
import { ANALYSES_SHEET, sheetNamed } from "./read";

const PIECE = 30000;

/** A rectangle of cells sharing one number format. */
export interface FormatRun {
  readonly rect: CellRect;
  readonly format: string;
}

/**
 * The model's number formats as rectangles: runs along each row, stacked while the rows below
 * repeat them. "General" cells are left alone (a new sheet is General already).
 */
export function formatRuns(formats: readonly (readonly string[])[]): FormatRun[] {
  const done: FormatRun[] = [];
  let open: { rect: CellRect; format: string }[] = [];
  formats.forEach((row, r) => {
    const runs: { column: number; columnCount: number; format: string }[] = [];
    row.forEach((format, c) => {
      const last = runs[runs.length - 1];
      if (last !== undefined && last.format === format && last.column + last.columnCount === c) last.columnCount++;
      else runs.push({ column: c, columnCount: 1, format });
    });
    const next: { rect: CellRect; format: string }[] = [];
    for (const run of runs.filter((x) => x.format !== "General")) {
      const above = open.find((o) => o.format === run.format && o.rect.column === run.column && o.rect.columnCount === run.columnCount);
      if (above !== undefined) {
        next.push({ format: above.format, rect: { ...above.rect, rowCount: above.rect.rowCount + 1 } });
        open = open.filter((o) => o !== above);
      } else next.push({ format: run.format, rect: { row: r, column: run.column, rowCount: 1, columnCount: run.columnCount } });
    }
    done.push(...open);
    open = next;
  });
  return [...done, ...open];
}

/** Why a model cannot be written, before anything is; undefined when it can. */
function modelProblem(model: SheetModel): string | undefined {
  if (sheetNameProblem(model.name) !== undefined) return `sheet name ${model.name}: ${sheetNameProblem(model.name)}`;
  if (model.values.length !== model.numberFormats.length) return "values and numberFormats differ in rows";
  if (model.values.some((row, r) => row.length !== model.width || model.numberFormats[r].length !== model.width)) return "a row is not `width` cells wide";
  try {
    for (const run of model.styles) for (const colour of [run.style.fill, run.style.fontColor, run.style.borderTop, run.style.borderBottom]) if (colour !== undefined) bgr(colour);
    if (model.tabColor !== "") bgr(model.tabColor);
  } catch (error) {
    return (error as Error).message;
  }
  return undefined;
}

function applyStyle(sheet: EtWorksheet, run: StyleRun): void {
  const range = sheet.Range(rectName(run.rect));
  const { style } = run;
  if (style.bold !== undefined) range.Font.Bold = style.bold;
  if (style.italic !== undefined) range.Font.Italic = style.italic;
  if (style.fontSize !== undefined) range.Font.Size = style.fontSize;
  if (style.fontColor !== undefined) range.Font.Color = bgr(style.fontColor);
  if (style.fill !== undefined) range.Interior.Color = bgr(style.fill);
  if (style.horizontal !== undefined) range.HorizontalAlignment = { Left: XL.alignLeft, Center: XL.alignCenter, Right: XL.alignRight }[style.horizontal];
  if (style.wrap !== undefined) range.WrapText = style.wrap;
  for (const [edge, colour] of [
    [XL.edgeTop, style.borderTop],
    [XL.edgeBottom, style.borderBottom],
  ] as const) {
    if (colour === undefined) continue;
    const border = range.Borders.Item(edge);
    border.LineStyle = XL.lineContinuous;
    border.Weight = XL.weightThin;
    border.Color = bgr(colour);
  }
}

/** Consecutive columns sharing a width, as one ColumnWidth call each. */
function widthRuns(widths: readonly number[]): { from: number; to: number; points: number }[] {
  const runs: { from: number; to: number; points: number }[] = [];
  widths.forEach((points, c) => {
    const last = runs[runs.length - 1];
    if (last !== undefined && last.points === points && last.to === c - 1) last.to = c;
    else runs.push({ from: c, to: c, points });
  });
  return runs;
}

/** A new sheet after the last one (Add() with no arguments inserts before the active sheet; wps-addin.md §2.3 table, "add sheet"). */
function addSheetAtEnd(app: EtApplication): EtWorksheet {
  const sheets = app.ActiveWorkbook.Worksheets;
  // Some builds return null from Add(): the new sheet is then the active one (same row of the table).
  return sheets.Add(undefined, sheets.Item(sheets.Count)) ?? app.ActiveSheet;
}

function writeModel(sheet: EtWorksheet, model: SheetModel): void {
  // Formats before values, so text under "@" is never taken for a number or a date on the way in.
  for (const run of formatRuns(model.numberFormats)) sheet.Range(rectName(run.rect)).NumberFormat = run.format;
  const rows = model.values.length;
  if (rows > 0 && model.width > 0) {
    const block = sheet.Range(rectName({ row: 0, column: 0, rowCount: rows, columnCount: model.width }));
    const formulas = model.formulas;
    // A live summary (#14): formulas and constants in one Formula block, as the Office.js layer writes Range.formulas.
    if (formulas === undefined) block.Value2 = model.values.map((row) => row.map((v) => (v === null ? "" : v)));
    else block.Formula = model.values.map((row, r) => row.map((v, c) => formulas[r][c] ?? (v === null ? "" : v)));
    // The Office.js layer's font and vertical alignment for the whole block (excel/write.ts queueStyles).
    block.Font.Name = "Microsoft YaHei";
    block.VerticalAlignment = XL.alignCenter;
  }
  for (const run of model.styles) applyStyle(sheet, run);
  for (const run of widthRuns(model.columnWidths)) sheet.Range(`${columnLetters(run.from)}:${columnLetters(run.to)}`).ColumnWidth = charsOfPoints(run.points);
  for (const { row, height } of model.rowHeights) sheet.Range(`${row + 1}:${row + 1}`).RowHeight = height;
  // The data block of a live summary, hidden when the person chose so (as the Office.js layer sets rowHidden).
  for (const { row, rowCount } of model.hiddenRows ?? []) if (rowCount > 0) sheet.Range(`${row + 1}:${row + rowCount}`).Hidden = true;
}

function writeAnalyses(sheet: EtWorksheet, text: string): void {
  const pieces: string[][] = [];
  for (let i = 0; i < text.length; i += PIECE) pieces.push([text.slice(i, i + PIECE)]);
  if (pieces.length === 0) pieces.push([""]);
  // "@" first, so a piece that looks like a number or a date stays text.
  const range = sheet.Range(rectName({ row: 0, column: 0, rowCount: pieces.length, columnCount: 1 }));
  range.NumberFormat = "@";
  range.Value2 = pieces;
  sheet.Visible = XL.sheetHidden;
}

const CHART_TYPES: Readonly<Record<ChartModel["kind"], number>> = { ColumnClustered: XL.columnClustered, Line: XL.line, LineMarkers: XL.lineMarkers };

/**
 * A chart's frame over the cells from..to: Shapes.AddChart2 (style 0), else ChartObjects().Add
 * where AddChart2 is missing, refused or returns null (wps-addin.md §2.3 table, "chart": both
 * routes exist; pi-for-excel drew its chart through ChartObjects().Add).
 */
function addChartFrame(sheet: EtWorksheet, spec: ChartModel): EtChartFrame {
  const start = sheet.Cells.Item(spec.from.row + 1, spec.from.column + 1);
  // The cell past the bottom-right corner: its top-left is where the chart ends, as Office.js's setPosition takes it.
  const past = sheet.Cells.Item(spec.to.row + 2, spec.to.column + 2);
  const [left, top] = [start.Left, start.Top];
  const [width, height] = [past.Left - left, past.Top - top];
  const type = CHART_TYPES[spec.kind];
  let frame: EtChartFrame | null;
  try {
    frame = sheet.Shapes.AddChart2(0, type, left, top, width, height);
  } catch {
    // A build without AddChart2 (or refusing it) has ChartObjects().Add.
    frame = null;
  }
  if (frame !== null) return frame;
  const added = sheet.ChartObjects().Add(left, top, width, height);
  added.Chart.ChartType = type;
  return added;
}

/** How WPS makes and undoes each touch, on the summary sheet. */
function wpsTouches(app: EtApplication, sheet: EtWorksheet, model: SheetModel, activate: boolean) {
  const chartOf = (spec: ChartModel): EtChart => sheet.Shapes.Item(spec.name).Chart;
  const lineStands = (spec: ChartModel) => chartOf(spec).SeriesCollection().Count > spec.seriesNames.length;
  return {
    host: "wps" as const,
    codeOf: (error: unknown) => (error instanceof Error ? error.message : String(error)),
    make: (touch: Decoration, step: () => void) => {
      const spec = touch.chart;
      switch (touch.kind) {
        case "freeze": {
          // Window-level: the summary must be the active sheet (§2.3 table, "freeze panes"); the
          // person's sheet comes back after when the summary is not to be brought to the front.
          const was = app.ActiveSheet;
          sheet.Activate();
          const window = app.ActiveWindow;
          window.SplitColumn = 0;
          window.SplitRow = model.freezeRows;
          step();
          window.FreezePanes = true;
          if (!activate) was.Activate();
          return;
        }
        case "tabColor":
          if (model.tabColor !== "") sheet.Tab.Color = bgr(model.tabColor);
          return;
        case "printLayout": {
          // Printed, the summary fits the page width: tables and charts side by side.
          const page = sheet.PageSetup;
          page.Orientation = XL.landscape;
          step();
          page.Zoom = false;
          page.FitToPagesWide = 1;
          page.FitToPagesTall = false;
          return;
        }
        case "chart": {
          if (spec === undefined) return;
          const frame = addChartFrame(sheet, spec);
          step(); // added, not yet named
          frame.Name = spec.name;
          step(); // known by its name: a refresh replaces it by that name
          const chart = frame.Chart;
          chart.SetSourceData(sheet.Range(rectName(spec.source)), XL.plotByColumns);
          // A title shows only with words in it, as Office.js shows a title once its text is set.
          const title = (part: { HasTitle: boolean }, text: string, words: () => { Text: string }) => {
            part.HasTitle = text !== "";
            if (text !== "") words().Text = text;
          };
          title(chart, spec.title, () => chart.ChartTitle);
          chart.HasLegend = true;
          chart.Legend.Position = XL.legendBottom;
          const values = chart.Axes(XL.axisValue);
          title(values, spec.valueAxisTitle, () => values.AxisTitle);
          values.TickLabels.NumberFormat = spec.numberFormat;
          const categories = chart.Axes(XL.axisCategory);
          title(categories, spec.categoryAxisTitle, () => categories.AxisTitle);
          // Category labels at the foot of the plot even when every value is negative (excel/write.ts says why).
          categories.TickLabelPosition = XL.tickLabelsLow;
          const series = chart.SeriesCollection();
          spec.seriesNames.forEach((name, i) => {
            series.Item(i + 1).Name = name;
          });
          return;
        }
        case "secondaryAxis": {
          const line = spec?.secondaryLine;
          if (spec === undefined || line === undefined) return;
          const series = chartOf(spec).SeriesCollection().NewSeries();
          step(); // the series stands, on the primary axis
          series.Name = line.name;
          series.Values = sheet.Range(rectName(line.values));
          series.ChartType = XL.lineMarkers;
          series.AxisGroup = XL.axisSecondary;
          return;
        }
        case "dataLabels": {
          if (spec === undefined) return;
          const series = chartOf(spec).SeriesCollection();
          spec.seriesNames.forEach((_name, i) => {
            const bars = series.Item(i + 1);
            bars.HasDataLabels = true;
            if (i === 0) step(); // labels shown, not yet formatted
            bars.DataLabels().NumberFormat = spec.numberFormat;
          });
          if (spec.secondaryLine !== undefined && lineStands(spec)) {
            const line = series.Item(spec.seriesNames.length + 1);
            line.HasDataLabels = true;
            line.DataLabels().NumberFormat = spec.secondaryLine.numberFormat;
          }
          return;
        }
      }
    },
    undo: (touch: Decoration, reached: number) => {
      const spec = touch.chart;
      if (touch.kind === "freeze") app.ActiveWindow.FreezePanes = false;
      else if (touch.kind === "printLayout") sheet.PageSetup.Orientation = XL.portrait;
      else if (touch.kind === "chart" && spec !== undefined) {
        // A nameless chart is the last shape (a new sheet holds only ours).
        const shapes = sheet.Shapes;
        (reached === 1 ? shapes.Item(shapes.Count) : shapes.Item(spec.name)).Delete();
      } else if (touch.kind === "secondaryAxis" && spec !== undefined) {
        // A YoY line of per-cents on the axis of 亿元 would mislead: it goes whole.
        chartOf(spec).SeriesCollection().Item(spec.seriesNames.length + 1).Delete();
      } else if (touch.kind === "dataLabels" && spec !== undefined) {
        const series = chartOf(spec).SeriesCollection();
        for (let i = 1; i <= series.Count; i++) series.Item(i).HasDataLabels = false;
      }
    },
  };
}

/** A refusal of the write: said as the Office.js layer says its own, naming WPS. */
function writeFailed(error: unknown): Problem {
  return problem("write-failed", "error", undefined, { code: "WPS", detail: error instanceof Error ? error.message : String(error), host: "wps" });
}

/**
 * Writes the model as a new sheet and swaps it in for the previous summary (and the stored
 * analyses for the previous ones), all or nothing: on failure every sheet added is deleted, every
 * rename undone and the names put back, so the workbook is as it was. Screen updating and alerts
 * are off during the write and restored after. `onStep` marks where each stage starts (tests
 * inject faults by it).
 */
export function applySummary(app: EtApplication, request: ApplySummaryRequest, onStep: (step: string) => void = () => undefined): ApplySummaryResult {
  const { model, scratch } = request;
  const invalid = modelProblem(model);
  if (invalid !== undefined) return { ok: false, problems: [writeFailed(new Error(invalid))], syncs: 0 };
  const undo: (() => void)[] = [];
  const notes: Problem[] = [];
  // Read before they are switched off, so they come back as the person had them.
  let screen: boolean | undefined;
  let alerts: boolean | undefined;
  try {
    screen = app.ScreenUpdating;
    alerts = app.DisplayAlerts;
    app.ScreenUpdating = false;
    app.DisplayAlerts = false;
    const workbook = app.ActiveWorkbook;
    // Leftovers of a run that died half-way (a crash, not a fault we caught) go first.
    for (const leftover of [scratch.summary, scratch.backup, scratch.analyses, scratch.analysesBackup]) sheetNamed(app, leftover)?.Delete();

    // Adding a sheet makes it the active one; the person's sheet comes back if anything fails.
    const active = app.ActiveSheet;
    undo.push(() => active.Activate());
    onStep("add-summary");
    const fresh = addSheetAtEnd(app);
    undo.push(() => fresh.Delete());
    fresh.Name = scratch.summary;
    onStep("write-summary");
    writeModel(fresh, model);

    onStep("add-analyses");
    const analyses = addSheetAtEnd(app);
    undo.push(() => analyses.Delete());
    analyses.Name = scratch.analyses;
    writeAnalyses(analyses, request.storedAnalyses);

    // The swap: renames only, each undone in reverse on failure; deleting the old sheets comes last.
    onStep("swap");
    const previous = request.previous === undefined ? undefined : sheetNamed(app, request.previous.name);
    if (previous !== undefined) {
      const was = previous.Name;
      previous.Name = scratch.backup;
      undo.push(() => (previous.Name = was));
    }
    const taken = sheetNamed(app, model.name);
    if (taken !== undefined) throw new Error(`a sheet named ${model.name} is not this analysis' summary`);
    fresh.Name = model.name;
    undo.push(() => (fresh.Name = scratch.summary));
    const oldAnalyses = sheetNamed(app, ANALYSES_SHEET);
    if (oldAnalyses !== undefined) {
      oldAnalyses.Name = scratch.analysesBackup;
      undo.push(() => (oldAnalyses.Name = ANALYSES_SHEET));
    }
    analyses.Name = ANALYSES_SHEET;
    undo.push(() => (analyses.Name = scratch.analyses));

    onStep("marker");
    const refersTo = `=${quoteSheetName(model.name)}!$A$1`;
    const marker = itemNamed(app.ActiveWorkbook.Names, request.marker);
    if (marker !== undefined) {
      const was = marker.RefersTo;
      marker.RefersTo = refersTo;
      undo.push(() => (marker.RefersTo = was));
    } else {
      const added = workbook.Names.Add(request.marker, refersTo, false);
      undo.push(() => added.Delete());
    }

    // The summary in front when asked (the pane's run), as the Office.js run leaves it; otherwise
    // (Refresh all) the sheet the person had, which adding sheets changed.
    (request.activate ? fresh : active).Activate();

    // Past this point the new summary is in place; a failure deleting the old sheets leaves them
    // under their scratch names, deleted on the next run, and is said.
    onStep("delete-previous");
    undo.length = 0;
    for (const old of [previous, oldAnalyses]) {
      try {
        old?.Delete();
      } catch (error) {
        notes.push(problem("leftover-sheet", "warning", undefined, { name: old === previous ? scratch.backup : scratch.analysesBackup, detail: (error as Error).message }));
      }
    }

    onStep("decorations");
    const decorated = applyDecorations(decorationsOf(model, () => true), wpsTouches(app, fresh, model, request.activate));
    const readBack = readBackOf(fresh);
    return { ok: true, ...(readBack !== undefined ? { readBack } : {}), skipped: [...notes, ...decorated.skipped], chartsLeftOut: decorated.chartsLeftOut, syncs: 1 };
  } catch (error) {
    for (const step of undo.reverse()) {
      try {
        step();
      } catch {
        // Keep undoing the rest: one refused undo must not leave the others in place.
      }
    }
    return { ok: false, problems: [writeFailed(error)], syncs: 1 };
  } finally {
    // Each switch on its own: one refused must not keep the other off.
    for (const restore of [() => alerts !== undefined && (app.DisplayAlerts = alerts), () => screen !== undefined && (app.ScreenUpdating = screen)]) {
      try {
        restore();
      } catch {
        // A refused restore cannot be retried from here; the result already says how the run ended.
      }
    }
  }
}

/** What the summary reads back as: its name, A1 and its charts' names; undefined when WPS refuses the reading. */
function readBackOf(sheet: EtWorksheet): ReadBack | undefined {
  try {
    const shapes = sheet.Shapes;
    const charts = Array.from({ length: shapes.Count }, (_x, i) => shapes.Item(i + 1).Name);
    return { name: sheet.Name, title: coreCell(sheet.Range("A1").Value2), charts };
  } catch {
    return undefined;
  }
}
