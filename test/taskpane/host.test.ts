// The pane's host at start (src/taskpane/host.ts): WPS 表格 first, by either entry point WPS gives
// (wps-addin.md §2.3: the global Application, or the older wps.EtApplication()), even beside an
// Office global; WPS 文字's Application is not ET's; Excel when Office.js is there; else neither.

import { paneHost } from "../../src/taskpane/host";
import { standIn } from "../../src/wps-standin/stand-in";
import { workbookOf } from "../fixtures/workbooks";

const et = () => standIn(workbookOf({ Data: [["x", 1]] })).app;
const office = { onReady: () => Promise.resolve({ host: "Excel" }) };

test.each([
  ["the global Application", () => ({ Application: et() })],
  ["wps.EtApplication()", () => ({ wps: { EtApplication: et } })],
  ["WPS beside an Office global", () => ({ Application: et(), Office: office })],
])("WPS through %s: its port, reading the workbook", async (_how, globals) => {
  const host = paneHost(globals());
  expect(host.kind).toBe("wps");
  if (host.kind !== "wps") return;
  const read = await host.port.read([{ kind: "address", address: "Data!A1:B1" }]);
  expect(read.ok && read.grids[0].values).toEqual([["x", 1]]);
});

test("WPS 文字 (an Application with documents, no workbook; EtApplication throwing) is not taken for 表格", () => {
  const writer = { ActiveDocument: {} };
  const throwing = { EtApplication: () => { throw new Error("not ET"); } };
  expect(paneHost({ Application: writer, wps: throwing }).kind).toBe("none");
  expect(paneHost({ Application: writer, wps: throwing, Office: office }).kind).toBe("office");
});

test("Excel when Office.js is on the page, neither otherwise", () => {
  expect(paneHost({ Office: office }).kind).toBe("office");
  expect(paneHost({}).kind).toBe("none");
});
