// One workbook given to both hosts — Microsoft's Excel client against the in-memory host, and the
// stand-in ET over its own copy — and what a person would see of each afterwards, so the tests can
// say "the same workbook" in one comparison: sheets, every summary cell's value, formula, number
// format and look, widths, names, charts, freeze panes, tab colour, print layout, the active sheet.

import { Grid } from "../../src/core/cells";
import { SheetPort } from "../../src/core/port";
import { ChartModel, SheetModel, WorkbookModel } from "../../src/host/model";
import { parseStoredAnalyses } from "../../src/run/settings";
import { ANALYSES_SHEET, WpsPort } from "../../src/wps";
import { StandIn, standIn, StandInOptions } from "../../src/wps-standin/stand-in";
import { sheetValues, testWorkbook, TestWorkbook } from "../excel/harness";
import { workbookOf } from "../fixtures/workbooks";

export interface BothHosts {
  readonly office: TestWorkbook;
  readonly wps: { readonly workbook: WorkbookModel; readonly et: StandIn; readonly port: SheetPort };
}

/** The same sheets in two workbooks, one behind each port. `prepare` adds what grids cannot say (tables, names). */
export function bothHosts(sheets: Record<string, Grid>, prepare: (workbook: WorkbookModel) => void = () => undefined, options: StandInOptions = {}): BothHosts {
  const office = testWorkbook(sheets);
  prepare(office.workbook);
  const workbook = workbookOf(sheets);
  prepare(workbook);
  const et = standIn(workbook, options);
  return { office, wps: { workbook, et, port: new WpsPort(et.app) } };
}

const round = (x: number, step: number) => Math.round(x / step) * step;

/** A chart as a reader sees it: the same words, series, labels and place whichever host drew it. */
function chartSeen(chart: ChartModel) {
  const labels = (own: boolean, format: string | undefined) => (own ? (format ?? "General") : chart.dataLabels.showValue ? (chart.dataLabels.numberFormat ?? "General") : null);
  return {
    name: chart.name,
    type: chart.chartType,
    source: chart.sourceAddress,
    title: chart.title.visible ? chart.title.text : "",
    legend: chart.legend.visible ? chart.legend.position : "none",
    valueAxis: { title: chart.axes.value.title.visible ? chart.axes.value.title.text : "", numberFormat: chart.axes.value.numberFormat },
    categoryAxis: { title: chart.axes.category.title.visible ? chart.axes.category.title.text : "", labels: chart.axes.category.tickLabelPosition ?? "NextToAxis" },
    series: chart.series.map((s) => ({
      name: s.name,
      values: s.valuesAddress,
      categories: s.categoriesAddress,
      type: s.chartType ?? chart.chartType,
      axis: s.axisGroup,
      // Office.js shows labels chart-wide, WPS series by series: the same labels on the same series.
      labels: labels(s.hasDataLabels, s.dataLabels?.numberFormat),
    })),
    // Column widths travel through WPS's character units (wps-addin.md §2.3): within half a point.
    place: [chart.top, chart.left, chart.width, chart.height].map((x) => round(x, 0.5)),
  };
}

/** A summary sheet as a person sees it. */
export function sheetSeen(workbook: WorkbookModel, name: string) {
  const sheet = workbook.sheet(name);
  if (sheet === undefined) throw new Error(`no sheet ${name}`);
  const values = sheetValues(workbook, name);
  const look = (s: SheetModel, r: number, c: number) => {
    const style = s.style(r, c);
    return [style.numberFormat, style.font.bold, style.font.italic, style.font.color, style.font.name, style.font.size, style.fill ?? "", style.horizontalAlignment, style.verticalAlignment, style.wrapText, JSON.stringify(style.borders)];
  };
  const width = values.reduce((w, row) => Math.max(w, row.length), 0);
  return {
    values,
    formulas: values.map((row, r) => row.map((_v, c) => sheet.formula(r, c) ?? null)),
    looks: values.map((row, r) => row.map((_v, c) => look(sheet, r, c))),
    widths: Array.from({ length: width }, (_x, c) => round(sheet.columnWidth(c), 0.25)),
    heights: [...sheet.rowHeights.entries()].sort(([a], [b]) => a - b),
    hiddenRows: [...sheet.hiddenRows].sort((a, b) => a - b),
    tabColor: sheet.tabColor,
    freeze: sheet.freeze,
    pageLayout: sheet.pageLayout,
    charts: sheet.charts.map(chartSeen),
  };
}

/**
 * Everything a person could see of the workbook. Where the two hosts keep the stored analyses
 * differs by design (Office.js: the workbook's settings; WPS: a hidden sheet), so that sheet is
 * left out here and the analyses are compared through the ports.
 */
export function workbookSeen(workbook: WorkbookModel, summaries: readonly string[]) {
  return {
    sheets: workbook.sheets.filter((s) => s.name !== ANALYSES_SHEET).map((s) => [s.name, s.visibility]),
    active: workbook.activeSheet().name,
    names: workbook.names.map((n) => [n.name, n.formula, n.visible]),
    summaries: summaries.map((name) => sheetSeen(workbook, name)),
  };
}

/** The analyses each port says the workbook remembers. */
export async function storedBoth(hosts: BothHosts): Promise<[unknown, unknown]> {
  const [office, wps] = await Promise.all([hosts.office.env.storedAnalyses(), hosts.wps.port.storedAnalyses()]);
  return [parseStoredAnalyses(office), parseStoredAnalyses(wps)];
}

/** Everything a person could see changed in a workbook, hidden sheets and styles included, for "exactly as it was". */
export function snapshot(workbook: WorkbookModel): string {
  return JSON.stringify({
    sheets: workbook.sheets.map((s) => {
      const used = s.usedRect(false);
      const rect = used === undefined ? { row: 0, column: 0, rowCount: 0, columnCount: 0 } : { row: 0, column: 0, rowCount: used.row + used.rowCount, columnCount: used.column + used.columnCount };
      return {
        name: s.name,
        visibility: s.visibility,
        tabColor: s.tabColor,
        values: s.values(rect),
        formulas: s.values(rect).map((row, r) => row.map((_v, c) => s.formula(r, c) ?? null)),
        styles: s.values(rect).map((row, r) => row.map((_v, c) => s.style(r, c))),
        widths: [...s.columnWidths],
        heights: [...s.rowHeights],
        freeze: s.freeze,
        pageLayout: s.pageLayout,
        charts: s.charts,
      };
    }),
    names: workbook.names,
    active: workbook.activeSheet().name,
  });
}
