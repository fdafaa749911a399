// Shared setup for the host conformance suites: a fresh workbook host reached through Microsoft's
// real Excel JS client, as add-in code reaches Excel.
import { WorkbookHost, HostOptions } from "../../src/host/host";
import { WorkbookModel, newWorkbook } from "../../src/host/model";
import { ContextRunner, ExcelClientLibrary, connectHost, loadExcelClient } from "../../src/host/node-client";

export interface Harness {
  lib: ExcelClientLibrary;
  host: WorkbookHost;
  run: ContextRunner;
}

export function setup(workbook: WorkbookModel = newWorkbook(), options: HostOptions = {}): Harness {
  const lib = loadExcelClient();
  const host = new WorkbookHost(workbook, options);
  return { lib, host, run: connectHost(lib, host) };
}

/** The error a batch rejects with (fails the test when it resolves). */
export async function errorOf(promise: Promise<unknown>): Promise<{ code: string; message: string; httpStatusCode?: number; debugInfo?: { errorLocation?: string }; traceMessages?: string[] }> {
  try {
    await promise;
  } catch (e) {
    return e as never;
  }
  throw new Error("expected the batch to fail, but it succeeded");
}
