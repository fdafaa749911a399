// Refusals an Excel makes of a summary's optional touches, switched on one by one for tests: the
// host otherwise accepts every one of them, so without this the tests could never see a refusal.
// Each is a fault rule (WorkbookHost.injectFault) that recognises the touch by its actions.

import { ActionInfo, WorkbookHost } from "./host";

/**
 * The touches that can be refused:
 * - `freezeRows`: `freezePanes.freezeRows(n)`, which answers GeneralException on Excel 2019
 *   builds 16.0.1440.x (office-js #2196; excel-fidelity-audit.md row 21);
 * - `chart`: one chart (by name) once it has been named, or every chart as it is added;
 * - `pageLayout`: the print layout's orientation and zoom (ExcelApi 1.9, audit row 22);
 * - `dataLabels`: a chart's data labels and its series' (audit rows 30, 32, 33);
 * - `secondaryAxis`: putting a series on the secondary axis (audit row 33).
 */
export type RefusableTouch = "freezeRows" | "chart" | "pageLayout" | "dataLabels" | "secondaryAxis";

export interface Refusal {
  readonly touch: RefusableTouch;
  /** Only this chart's (its name, as `chart.name` sets it); every chart's when absent. */
  readonly chart?: string;
  /** The error Excel answers (default GeneralException, as in office-js #2196). */
  readonly code?: string;
  /** How many attempts are refused (default: every one). */
  readonly times?: number;
}

/** Whether an action makes the touch. Deleting a chart or a series is never refused, as in Excel. */
function makes(refusal: Refusal, a: ActionInfo): boolean {
  const ofChart = refusal.chart === undefined || a.chartName === refusal.chart;
  switch (refusal.touch) {
    case "freezeRows":
      return a.objectType === "WorksheetFreezePanes" && a.kind === "Method" && a.name === "FreezeRows";
    case "chart":
      // A chart is known by its name only once named: a named one is refused at its first
      // action after that (its title); all charts are refused as they are added.
      if (refusal.chart === undefined) return a.objectType === "ChartCollection" && a.kind === "Instantiate" && a.name === "Add";
      return a.chartName === refusal.chart && !(a.kind === "Method" && a.name === "Delete") && !(a.objectType === "Chart" && a.name === "Name");
    case "pageLayout":
      return a.objectType === "PageLayout" && a.kind === "SetProperty";
    case "dataLabels":
      return ofChart && ((a.objectType === "ChartDataLabels" && a.kind === "SetProperty") || (a.objectType === "ChartSeries" && a.name === "HasDataLabels"));
    case "secondaryAxis":
      return ofChart && a.objectType === "ChartSeries" && a.kind === "SetProperty" && a.name === "AxisGroup" && a.args[0] === "Secondary";
  }
}

/** Makes the host refuse a touch as an Excel would, `times` times (default: always). */
export function refuseTouch(host: WorkbookHost, refusal: Refusal): void {
  host.injectFault({ code: refusal.code ?? "GeneralException", times: refusal.times ?? Infinity, match: (a) => makes(refusal, a) });
}
