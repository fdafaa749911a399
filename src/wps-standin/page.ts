// What the browser tests inject into the WPS pages before their own scripts run (Playwright's
// addInitScript), so the real pane page and the real ribbon script meet a WPS: the stand-in ET
// Application over the workbench's sample workbook, with the add-in surface (task panes,
// PluginStorage) on it, as `window.Application`. The workbook and what crossed the bridge are
// left on `window.statdeskStandIn` for the test to read. Never part of the add-in (dist/wps).

import { sampleWorkbook } from "../workbench/sample";
import { cellValue } from "../host/formula";
import { addinHost, standIn } from "./stand-in";

const workbook = sampleWorkbook();
const et = standIn(workbook);
const addin = addinHost();
// Plain values, not getters: copying the stand-in's members would call each of them.
for (const [name, value] of Object.entries(addin)) Object.defineProperty(et.app, name, { value, enumerable: false });

/** One sheet's used cells as the pane's run left them (formulas evaluated), for assertions. */
function cellsOf(name: string): (string | number | boolean)[][] {
  const sheet = workbook.sheet(name);
  const used = sheet?.usedRect(true);
  if (sheet === undefined || used === undefined) return [];
  return Array.from({ length: used.row + used.rowCount }, (_r, r) => Array.from({ length: used.column + used.columnCount }, (_c, c) => cellValue(sheet, r, c)));
}

Object.assign(window, {
  Application: et.app,
  statdeskStandIn: {
    sheets: () => workbook.sheets.map((s) => ({ name: s.name, visibility: s.visibility, charts: s.charts.map((c) => c.name), freeze: s.freeze })),
    cells: cellsOf,
    names: () => workbook.names.map((n) => ({ name: n.name, formula: n.formula })),
    active: () => workbook.activeSheet().name,
    calls: () => et.log.calls,
    panes: () => addin.panes.map((p) => ({ url: p.url, title: p.title, visible: p.Visible, dock: p.DockPosition })),
  },
});
