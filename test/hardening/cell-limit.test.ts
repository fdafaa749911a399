// Excel reads at most five million cells of one range (excel-fidelity-audit.md row 6): past it,
// RangeExceedsLimit on every platform, or null values on some builds (office-js #4783). A source
// past the limit must be read in row blocks, with the same cells as an unlimited read.

import { readWorkbook, ReadResult } from "../../src/excel/read";
import { WorkbookHost, HostOptions } from "../../src/host/host";
import { WorkbookModel, newWorkbook } from "../../src/host/model";
import { connectHost, loadExcelClient } from "../../src/host/node-client";

const source = (address: string) => [{ role: "auto" as const, spec: { kind: "address" as const, address } }];

async function read(workbook: WorkbookModel, address: string, options: HostOptions = {}): Promise<{ result: ReadResult; host: WorkbookHost }> {
  const host = new WorkbookHost(workbook, options);
  const result = await readWorkbook(connectHost(loadExcelClient(), host), source(address));
  return { result, host };
}

/** A ranking of `rows` rows in A:B under a header. */
function ranking(rows: number): WorkbookModel {
  const wb = newWorkbook("Data");
  const sheet = wb.sheet("Data")!;
  sheet.setValue(0, 0, "企业");
  sheet.setValue(0, 1, "销售额");
  for (let r = 1; r <= rows; r++) {
    sheet.setValue(r, 0, `企业${r}`);
    sheet.setValue(r, 1, r * 1.5);
  }
  return wb;
}

describe("row 6: a source past the cell limit is read in row blocks", () => {
  test("a whole-column source of 6,000,000 cells (A:F to row 1,000,000) under Excel's own limits: refused once with RangeExceedsLimit, then read in blocks", async () => {
    const wb = newWorkbook("Data");
    const sheet = wb.sheet("Data")!;
    sheet.setValue(0, 0, "企业");
    sheet.setValue(0, 5, "销售额");
    sheet.setValue(1, 0, "万科");
    sheet.setValue(1, 5, 3_000);
    sheet.setValue(499_999, 2, "middle");
    sheet.setValue(999_999, 5, 7); // F1000000: the used range is A1:F1000000
    const { result, host } = await read(wb, "'Data'!A:F");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const values = result.sources[0].values;
    expect(result.sources[0].address).toBe("Data!A1:F1000000");
    expect(values.length).toBe(1_000_000);
    expect(values[0]).toEqual(["企业", "", "", "", "", "销售额"]);
    expect(values[1]).toEqual(["万科", "", "", "", "", 3_000]);
    expect(values[499_999][2]).toBe("middle");
    expect(values[999_999][5]).toBe(7);
    const records = host.stats.records;
    // The first read is refused for its cell count; no refused block after that, none over 5 MB.
    expect(records[0].errorCode).toBe("RangeExceedsLimit");
    expect(records.slice(1).every((r) => r.errorCode === undefined)).toBe(true);
    expect(Math.max(...records.map((r) => r.responseBytes))).toBeLessThan(5 * 1024 * 1024);
    expect(records.length).toBeGreaterThan(6_000_000 / 400_000); // blocks of at most ~360,000 cells
  }, 120_000);

  test.each<[string, HostOptions["overCellLimit"]]>([
    ["RangeExceedsLimit", "RangeExceedsLimit"],
    ["null values (Excel for Mac 2407, office-js #4783)", "null"],
  ])("a scaled-down limit answered with %s: the same cells as an unlimited read", async (_, overCellLimit) => {
    const unlimited = await read(ranking(3_000), "'Data'!A:B");
    const limited = await read(ranking(3_000), "'Data'!A:B", { maxCellsPerRead: 5_000, overCellLimit });
    expect(unlimited.result.ok && limited.result.ok).toBe(true);
    if (!unlimited.result.ok || !limited.result.ok) return;
    expect(limited.result.sources[0].values).toEqual(unlimited.result.sources[0].values);
    expect(limited.result.sources[0].values.length).toBe(3_001);
    expect(limited.result.facts.sheets).toEqual(unlimited.result.facts.sheets);
    expect(unlimited.result.syncs).toBe(1);
    expect(limited.result.syncs).toBeGreaterThan(2);
  });

  test("the audit's probe: a RangeExceedsLimit on the first read no longer fails the run", async () => {
    const host = new WorkbookHost(ranking(3_000));
    host.injectFault({ sync: 1, match: (a) => a.kind === "Query" && a.objectType === "Range", code: "RangeExceedsLimit" });
    const result = await readWorkbook(connectHost(loadExcelClient(), host), source("'Data'!A:B"));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.sources[0].values.length).toBe(3_001);
    expect(host.stats.records[0].errorCode).toBe("RangeExceedsLimit");
  });
});
