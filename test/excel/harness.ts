// Test workbooks: an in-memory host holding given sheets, reached through Microsoft's Excel
// client exactly as the add-in reaches Excel.

import { Grid } from "../../src/core/cells";
import { WorkbookHost } from "../../src/host/host";
import { cellValue } from "../../src/host/formula";
import { WorkbookModel } from "../../src/host/model";
import { connectHost, loadExcelClient } from "../../src/host/node-client";
import { ExcelEnvironment } from "../../src/excel/environment";
import { OfficePort } from "../../src/excel/port";
import { RunContext } from "../../src/run/run";
import { workbookOf } from "../fixtures/workbooks";

export interface TestWorkbook {
  readonly host: WorkbookHost;
  readonly workbook: WorkbookModel;
  /** Excel through the port (what the run code is given); an ExcelEnvironment too, for batches of a test's own. */
  readonly env: OfficePort;
}

/** A workbook with the given sheets (in order), each filled from A1 with its grid. */
export function testWorkbook(sheets: Record<string, Grid>, isSetSupported: ExcelEnvironment["isSetSupported"] = () => true): TestWorkbook {
  const workbook = workbookOf(sheets);
  if (workbook.sheets.length === 0) workbook.addSheet("Sheet1");
  const host = new WorkbookHost(workbook);
  const run = connectHost(loadExcelClient(), host);
  return { host, workbook, env: new OfficePort({ run, isSetSupported }) };
}

/** The cells of a sheet as Excel shows them ("" for empty, a formula's result), for assertions. */
export function sheetValues(workbook: WorkbookModel, name: string): (string | number | boolean)[][] {
  const sheet = workbook.sheet(name);
  if (sheet === undefined) throw new Error(`no sheet ${name}`);
  const used = sheet.usedRect(true);
  if (used === undefined) return [];
  const rows: (string | number | boolean)[][] = [];
  for (let r = 0; r < used.row + used.rowCount; r++) {
    const row: (string | number | boolean)[] = [];
    for (let c = 0; c < used.column + used.columnCount; c++) row.push(cellValue(sheet, r, c));
    rows.push(row);
  }
  return rows;
}

export const RUN_CONTEXT: RunContext = { today: "2026-11-22", version: "0.1.0-test" };
