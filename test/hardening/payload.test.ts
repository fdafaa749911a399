// Excel on the web answers at most 5 MB a round trip. A source too large for one answer is read
// in blocks; the figures must be exactly those of an unlimited read, and no request or answer may
// pass the limit. The limit is scaled down here (the same code paths, smaller workbooks).

import { OfficePort } from "../../src/excel/port";
import { reportJson } from "../../src/core/report-json";
import { runAnalysis } from "../../src/run/run";
import { readWorkbook } from "../../src/excel/read";
import { RunResult } from "../../src/run/types";
import { WorkbookHost } from "../../src/host/host";
import { WorkbookModel } from "../../src/host/model";
import { connectHost, loadExcelClient } from "../../src/host/node-client";
import { RUN_CONTEXT } from "../excel/harness";
import { sampleRows, scratchSheets, sheetDigests, yearSheet } from "./helpers";
import { definitionOf, workbookOf } from "../fixtures/workbooks";

const ROWS = 10_000;

function book(): WorkbookModel {
  return workbookOf({ "2024年": yearSheet(2024, sampleRows(ROWS, 3000, 0.4)), "2023年": yearSheet(2023, sampleRows(ROWS, 3300, 0.4)) }, "big.xlsx");
}

async function runWith(limitBytes: number | undefined, addresses: readonly string[]): Promise<{ result: RunResult; host: WorkbookHost; workbook: WorkbookModel }> {
  const workbook = book();
  const host = new WorkbookHost(workbook, limitBytes === undefined ? {} : { maxRequestBytes: limitBytes, maxResponseBytes: limitBytes });
  const sources = sheetDigests(workbook, ["2024年", "2023年"]);
  const result = await runAnalysis(new OfficePort({ run: connectHost(loadExcelClient(), host), isSetSupported: () => true }), definitionOf(addresses, "payload"), RUN_CONTEXT);
  expect(sheetDigests(workbook, ["2024年", "2023年"])).toEqual(sources);
  expect(scratchSheets(workbook)).toEqual([]);
  return { result, host, workbook };
}

const json = (r: RunResult) => (r.ok ? JSON.stringify(reportJson(r.analysis, "zh-CN")) : "");

describe.each([
  // Five columns selected (two empty): 50,010 cells, over the 50,000 up to which number formats are read.
  ["selected ranges (as the task pane stores a selection)", [`'2024年'!A1:E${ROWS + 2}`, `'2023年'!A1:E${ROWS + 2}`]],
  ["whole columns", ["'2024年'!A:C", "'2023年'!A:C"]],
])("two %s larger than one answer", (_, addresses) => {
  let unlimited: RunResult;
  beforeAll(async () => {
    unlimited = (await runWith(undefined, addresses)).result;
  });

  test("one read round trip when the answer fits", () => {
    expect(unlimited.ok).toBe(true);
    expect(unlimited.stats.syncs).toBe(2); // read; write (with mark, remember, read back)
  });

  test("read in blocks under a 150 KB limit: the same figures, nothing over the limit", async () => {
    const limit = 150_000;
    const { result, host } = await runWith(limit, addresses);
    expect(result.ok).toBe(true);
    expect(json(result)).toBe(json(unlimited));
    const records = host.stats.records;
    expect(Math.max(...records.map((r) => r.requestBytes))).toBeLessThanOrEqual(limit);
    // Refused answers are replaced by a short error, so what was sent back stays under the limit too.
    expect(Math.max(...records.map((r) => r.responseBytes))).toBeLessThanOrEqual(limit);
    expect(records.filter((r) => r.errorCode !== undefined).every((r) => r.errorCode === "ResponsePayloadSizeLimitExceeded")).toBe(true);
    // Whole columns are first asked for with their number formats, then without; a selection this
    // large is never asked for with formats, so the same request is not sent twice.
    const leadingRefusals = records.findIndex((r) => r.errorCode === undefined);
    expect(leadingRefusals).toBe(addresses[0].endsWith(":C") ? 2 : 1);
    expect(result.stats.syncs).toBe(host.stats.syncs);
  });

  test("a limit smaller than any block the reader tries: payload-too-large, nothing written", async () => {
    const { result, workbook } = await runWith(4_000, addresses);
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.code)).toEqual(["payload-too-large"]);
    expect(workbook.sheets.map((s) => s.name)).toEqual(["2024年", "2023年"]);
  });
});

test("a narrow source of 200,000 rows comes back whole in blocks (a block's 180,000 rows are never spread into one call)", async () => {
  const rows = 200_000;
  const workbook = new WorkbookModel("narrow.xlsx");
  const sheet = workbook.addSheet("S");
  for (let r = 0; r < rows; r++) {
    sheet.setValue(r, 0, r + 1);
    sheet.setValue(r, 1, 0.5);
  }
  const host = new WorkbookHost(workbook);
  const read = await readWorkbook(connectHost(loadExcelClient(), host), [{ spec: { kind: "address", address: `S!A1:B${rows}` } }]);
  expect(read.ok).toBe(true);
  if (!read.ok) return;
  expect(read.syncs).toBeGreaterThan(1);
  const values = read.sources[0].values;
  expect([values.length, values[0][0], values[rows - 1][0]]).toEqual([rows, 1, rows]);
});
