// The Office.js layer behind the port (src/core/port.ts): the read, the write and the small steps
// the pane takes, each in the round trips it took before the port existed — a run that fits one
// answer is two (read; write), because the read brings every fact the write needs (the sheets,
// the markers, the stored analyses before the run) and the write is given them back.

import { ApplySummaryRequest, ApplySummaryResult, ReadResult, SheetPort, SourceSpec } from "../core/port";
import { Problem } from "../core/problems";
import { quoteSheetName } from "../core/a1";
import { ContextRunner, ExcelEnvironment } from "./environment";
import { isOfficeError, officeProblem } from "./errors";
import { readWorkbook, SETTINGS_KEY } from "./read";
import { writeSummary } from "./write";

/**
 * Excel (or Microsoft's client against the in-memory host) seen through the port. It is an
 * ExcelEnvironment too, so code that holds one (tests, the benchmarks) can still batch directly.
 */
export class OfficePort implements SheetPort, ExcelEnvironment {
  readonly run: ContextRunner;
  readonly isSetSupported: ExcelEnvironment["isSetSupported"];

  constructor(env: ExcelEnvironment) {
    this.run = env.run;
    this.isSetSupported = env.isSetSupported;
  }

  async read(sources: readonly SourceSpec[]): Promise<ReadResult> {
    const read = await readWorkbook(this.run, sources.map((spec) => ({ spec })));
    return read.ok ? { ok: true, grids: read.sources, facts: read.facts, syncs: read.syncs } : read;
  }

  async applySummary(request: ApplySummaryRequest): Promise<ApplySummaryResult> {
    const { facts, scratch } = request;
    const marker = request.marker.toLowerCase();
    return writeSummary(this.run, {
      model: request.model,
      tempName: scratch.summary,
      backupName: scratch.backup,
      ...(request.previous !== undefined ? { previous: request.previous } : {}),
      leftovers: facts.sheets.filter((s) => s.name === scratch.summary || s.name === scratch.backup),
      isSetSupported: this.isSetSupported,
      activate: request.activate,
      ...(request.budgetBytes !== undefined ? { budgetBytes: request.budgetBytes } : {}),
      marker: { name: request.marker, exists: facts.names.some((n) => n.name.toLowerCase() === marker) },
      settingsValue: request.storedAnalyses,
      previousSettings: facts.storedAnalyses,
    });
  }

  async storedAnalyses(): Promise<unknown> {
    return this.run(async (context) => {
      const setting = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
      setting.load("value");
      await context.sync();
      return setting.isNullObject ? undefined : (setting.value as unknown);
    });
  }

  /** The address of the current selection ("Sheet1!A1:D120"), one round trip. */
  async selection(): Promise<string> {
    return this.run(async (context) => {
      const range = context.workbook.getSelectedRange();
      range.load("address");
      await context.sync();
      return range.address;
    });
  }

  async select(sheet: string, reference: string): Promise<Problem | undefined> {
    try {
      await this.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(reference).select();
        await context.sync();
      });
      return undefined;
    } catch (error) {
      if (!isOfficeError(error)) throw error;
      return officeProblem(error, `${quoteSheetName(sheet)}!${reference}`);
    }
  }
}
