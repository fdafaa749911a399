// Node-only file helpers: read a workbook from a path by its extension, write one to a path.

import { promises as fs } from "fs";
import * as path from "path";
import { readCsv } from "./csv";
import { WorkbookModel } from "./model";
import { readXls } from "./xls";
import { readXlsx, writeXlsx } from "./xlsx";

/** Reads .xlsx, .xls (Excel 97–2003), .csv or .tsv/.txt into a workbook model. */
export async function readWorkbookFile(filePath: string): Promise<WorkbookModel> {
  const bytes = new Uint8Array(await fs.readFile(filePath));
  const ext = path.extname(filePath).toLowerCase();
  const name = path.basename(filePath);
  if (ext === ".xlsx" || ext === ".xlsm") return readXlsx(bytes, name);
  if (ext === ".xls") return readXls(bytes, name);
  if (ext === ".csv" || ext === ".tsv" || ext === ".txt") return readCsv(bytes, name);
  throw new Error(`Cannot open ${name}: only .xlsx, .xls, .csv and .tsv files are supported.`);
}

/** Writes a workbook model to an .xlsx file. */
export async function writeWorkbookFile(workbook: WorkbookModel, filePath: string): Promise<void> {
  await fs.writeFile(filePath, await writeXlsx(workbook));
}
