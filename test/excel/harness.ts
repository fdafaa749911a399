// Test workbooks: an in-memory host holding given sheets, reached through Microsoft's Excel
// client exactly as the add-in reaches Excel.

import { Grid } from "../../src/core/cells";
import { WorkbookHost } from "../../src/host/host";
import { WorkbookModel } from "../../src/host/model";
import { connectHost, loadExcelClient } from "../../src/host/node-client";
import { ExcelEnvironment } from "../../src/excel/types";
import { RunContext } from "../../src/excel/run";
import { workbookOf } from "../fixtures/workbooks";

export interface TestWorkbook {
  readonly host: WorkbookHost;
  readonly workbook: WorkbookModel;
  readonly env: ExcelEnvironment;
}

/** A workbook with the given sheets (in order), each filled from A1 with its grid. */
export function testWorkbook(sheets: Record<string, Grid>, isSetSupported: ExcelEnvironment["isSetSupported"] = () => true): TestWorkbook {
  const workbook = workbookOf(sheets);
  if (workbook.sheets.length === 0) workbook.addSheet("Sheet1");
  const host = new WorkbookHost(workbook);
  const run = connectHost(loadExcelClient(), host);
  return { host, workbook, env: { run, isSetSupported } };
}

/** The cells of a sheet as a grid of values ("" for empty), for assertions. */
export function sheetValues(workbook: WorkbookModel, name: string): (string | number | boolean)[][] {
  const sheet = workbook.sheet(name);
  if (sheet === undefined) throw new Error(`no sheet ${name}`);
  const used = sheet.usedRect(true);
  if (used === undefined) return [];
  return sheet.values({ row: 0, column: 0, rowCount: used.row + used.rowCount, columnCount: used.column + used.columnCount }) as (string | number | boolean)[][];
}

export const RUN_CONTEXT: RunContext = { today: "2026-11-22", version: "0.1.0-test" };
