// One open workbook in the workbench: the in-memory host holding it, registered under its own
// URL so the Excel client reaches it, and the conversions to and from the files a person opens
// and downloads. Opening a file makes a new session; the old one is unregistered.

import { readCsv, readXls, readXlsx, registerHost, unregisterHost, WorkbookHost, WorkbookModel, writeXlsx } from "../host";

export interface WorkbookSession {
  /** Counts sessions on the page: the pane is remounted for each new workbook. */
  readonly id: number;
  readonly host: WorkbookHost;
  /** The context URL the Excel client sends this workbook's requests to. */
  readonly url: string;
}

let sessions = 0;

/** Registers a host for `workbook` and returns the session. */
export function openSession(workbook: WorkbookModel): WorkbookSession {
  const host = new WorkbookHost(workbook);
  return { id: ++sessions, host, url: registerHost(host) };
}

/** Forgets a session's registration: requests to its URL fail from now on. */
export function closeSession(session: WorkbookSession): void {
  unregisterHost(session.url);
}

/** The kind of file by its name: .xlsx, .xls (Excel 97–2003), a delimited text file, or neither. */
function fileKind(name: string): "xlsx" | "xls" | "csv" | undefined {
  if (/\.xlsx$/i.test(name)) return "xlsx";
  if (/\.xls$/i.test(name)) return "xls";
  if (/\.(csv|tsv|txt)$/i.test(name)) return "csv";
  return undefined;
}

/**
 * Reads an opened file's bytes into a workbook (CSV encodings are detected as Excel does). Rejects
 * with the reason as its message (a file of another kind: its extension) for the message bar.
 */
export async function workbookFromFile(name: string, bytes: Uint8Array): Promise<WorkbookModel> {
  const kind = fileKind(name);
  if (kind === undefined) throw new Error(name.includes(".") ? `.${name.split(".").pop()}` : name);
  return kind === "csv" ? readCsv(bytes, name) : kind === "xls" ? readXls(bytes, name) : readXlsx(bytes, name);
}

/** The file name a download gets: the workbook's name with an .xlsx extension. */
export function downloadName(workbook: WorkbookModel): string {
  const base = workbook.name.replace(/\.(xlsx|xlsm|xls|csv|tsv|txt)$/i, "").trim() || "StatDesk";
  return `${base}.xlsx`;
}

/** The workbook as .xlsx bytes, wrapped for a download link. */
export async function workbookBlob(workbook: WorkbookModel): Promise<Blob> {
  const bytes = await writeXlsx(workbook);
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return new Blob([copy.buffer], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
}
