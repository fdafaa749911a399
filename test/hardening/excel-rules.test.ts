// StatDesk against the Excel rules the host now enforces (excel-fidelity-audit.md rows 24, 35, 42):
// a name that starts with "+", "-" or "=" must land as text, not as a formula; and a workbook
// whose structure is protected refuses the summary cleanly, with a message that says so.

import { OfficePort } from "../../src/excel/port";
import { problemMessage } from "../../src/core/messages";
import { structureProblem } from "../../src/excel/errors";
import { runAnalysis } from "../../src/run/run";
import { WorkbookHost } from "../../src/host/host";
import { connectHost, loadExcelClient } from "../../src/host/node-client";
import { RUN_CONTEXT } from "../excel/harness";
import { definitionOf, workbookOf } from "../fixtures/workbooks";
import { scratchSheets, sheetDigests, yearSheet } from "./helpers";
import { errorOf, setup } from "../host/harness";

const NAMES = ["-万科", "+1.2", "=SUM(1,2)", "-", "保利发展"] as const;

function book() {
  return workbookOf({
    "2024年": yearSheet(2024, NAMES.map((n, i) => [n, 3000 - i * 100] as const)),
    "2023年": yearSheet(2023, NAMES.map((n, i) => [n, 3300 - i * 100] as const)),
  });
}

describe("row 24: names that look like formulas are written as text", () => {
  test.each([
    ["live (formulas on the source cells)", false],
    ["values only", true],
  ])('%s: a ranking of "-万科", "+1.2", "=SUM(1,2)", "-": every name reads back as written, and no name became a formula', async (_, valuesOnly) => {
    const workbook = book();
    const host = new WorkbookHost(workbook);
    const base = definitionOf(["'2024年'!A1:C7", "'2023年'!A1:C7"], "rules");
    const definition = { ...base, output: { ...base.output, ...(valuesOnly ? { valuesOnly: true } : {}) } };
    const result = await runAnalysis(new OfficePort({ run: connectHost(loadExcelClient(), host), isSetSupported: () => true }), definition, RUN_CONTEXT);
    expect(result.ok).toBe(true);
    const summary = workbook.sheets.find((s) => !["2024年", "2023年"].includes(s.name))!;
    const texts = new Set<string>();
    const formulas: string[] = [];
    summary.forEachCell((r, c) => {
      const f = summary.formula(r, c);
      if (f !== undefined) formulas.push(f);
      const v = summary.value(r, c);
      if (typeof v === "string") texts.add(v);
    });
    for (const name of NAMES) expect([name, texts.has(name)]).toEqual([name, true]);
    if (valuesOnly) expect(formulas).toEqual([]);
    else {
      expect(formulas.length).toBeGreaterThan(20);
      // Every formula is one StatDesk wrote for a figure: none is a name taken for a formula.
      expect(formulas.filter((f) => NAMES.some((n) => f === n || f === `=${n}`))).toEqual([]);
    }
  });
});

describe("row 35: a workbook whose structure is protected", () => {
  test("the refusal maps to workbook-protected (not sheet-protected), translated in both languages", async () => {
    const { run } = setup();
    const err = await errorOf(
      run(async (ctx) => {
        ctx.workbook.protection.protect();
        await ctx.sync();
        ctx.workbook.worksheets.add("~StatDesk new x");
        await ctx.sync();
      }),
    );
    const problem = structureProblem(err as never);
    expect(problem?.code).toBe("workbook-protected");
    expect(problemMessage(problem!, "zh-CN")).toContain("保护工作簿");
    expect(problemMessage(problem!, "en-US")).toContain("Protect Workbook");
    // A sheet's own protection is still the sheet's problem.
    expect(structureProblem({ code: "AccessDenied", message: "x", debugInfo: { errorLocation: "Range.values" } })).toBeUndefined();
  });

  test("a run on a structure-protected workbook fails before anything is written: sources, sheets and settings as they were", async () => {
    const workbook = book();
    workbook.structureProtection = { protected: true };
    const before = sheetDigests(workbook, ["2024年", "2023年"]);
    const host = new WorkbookHost(workbook);
    const result = await runAnalysis(new OfficePort({ run: connectHost(loadExcelClient(), host), isSetSupported: () => true }), definitionOf(["'2024年'!A1:C7", "'2023年'!A1:C7"], "rules"), RUN_CONTEXT);
    expect(result.ok).toBe(false);
    // Said as the workbook's protection (Review > Protect Workbook), not as a protected sheet.
    expect(result.problems.filter((p) => p.severity === "error").map((p) => p.code)).toEqual(["workbook-protected"]);
    expect(workbook.sheets.map((s) => s.name)).toEqual(["2024年", "2023年"]);
    expect(sheetDigests(workbook, ["2024年", "2023年"])).toEqual(before);
    expect(scratchSheets(workbook)).toEqual([]);
    expect(workbook.settings.size).toBe(0);
    expect(host.stats.records.some((r) => r.errorCode === "AccessDenied")).toBe(true);
  });
});

describe("row 42: Excel in cell edit mode", () => {
  test.each([
    ["the read", 1],
    ["the write", 2],
  ])("refusing %s with InvalidOperationInCellEditMode: the run says to end the edit, in both languages, and nothing is written", async (_what, sync) => {
    const workbook = book();
    const before = sheetDigests(workbook, ["2024年", "2023年"]);
    const host = new WorkbookHost(workbook);
    host.injectFault({ code: "InvalidOperationInCellEditMode", match: (a) => a.sync === sync });
    const result = await runAnalysis(new OfficePort({ run: connectHost(loadExcelClient(), host), isSetSupported: () => true }), definitionOf(["'2024年'!A1:C7", "'2023年'!A1:C7"], "rules"), RUN_CONTEXT);
    expect(result.ok).toBe(false);
    expect(host.stats.records.filter((r) => r.errorCode === "InvalidOperationInCellEditMode").map((r) => r.index)).toEqual([sync]);
    const errors = result.problems.filter((p) => p.severity === "error");
    expect(errors.map((p) => p.code)).toEqual(["cell-edit-mode"]);
    expect(problemMessage(errors[0], "zh-CN")).toContain("Enter 或 Esc");
    expect(problemMessage(errors[0], "en-US")).toContain("Enter or Esc");
    expect(workbook.sheets.map((s) => s.name)).toEqual(["2024年", "2023年"]);
    expect(sheetDigests(workbook, ["2024年", "2023年"])).toEqual(before);
    expect(scratchSheets(workbook)).toEqual([]);
    expect(workbook.settings.size).toBe(0);
  });
});
