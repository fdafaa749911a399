// The Office.js layer behind the port (src/core/port.ts), made of the functions runAnalysis
// uses, so the same steps can be driven against Excel and against WPS. runAnalysis itself does
// not go through it yet: it reads the workbook's facts with the sources (two round trips a run),
// where applySummary here reads them again (three).

import { ApplySummaryRequest, ApplySummaryResult, ReadGridsResult, SheetPort } from "../core/port";
import { readWorkbook, SETTINGS_KEY, SheetInfo } from "./read";
import { writeSummary } from "./write";
import { ExcelEnvironment } from "./types";
import { isOfficeError } from "./errors";

/** Temporary sheet names from the marker, as runAnalysis makes them from the analysis id. */
function scratch(marker: string): { tempName: string; backupName: string } {
  const tag = marker.replace(/^StatDesk_/, "").replace(/[^A-Za-z0-9]/g, "").slice(0, 12) || "x";
  return { tempName: `~StatDesk new ${tag}`, backupName: `~StatDesk old ${tag}` };
}

export class OfficePort implements SheetPort {
  constructor(private readonly env: ExcelEnvironment) {}

  async readGrids(addresses: readonly string[]): Promise<ReadGridsResult> {
    const read = await readWorkbook(
      this.env.run,
      addresses.map((address) => ({ role: "auto" as const, spec: { kind: "address" as const, address } })),
    );
    if (!read.ok) return { ok: false, problems: read.problems };
    return {
      ok: true,
      grids: read.sources.map((s, i) => {
        const formats = read.numberFormats[i];
        return { address: s.address, sheet: s.sheet, row: s.row, column: s.column, values: s.values, ...(formats !== undefined ? { numberFormats: formats } : {}) };
      }),
    };
  }

  async applySummary(request: ApplySummaryRequest): Promise<ApplySummaryResult> {
    const { tempName, backupName } = scratch(request.marker);
    // The facts writeSummary needs: the sheets (previous summary, leftovers), the marker, the settings before.
    const facts = await this.env.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/id,items/name,items/position,items/visibility");
      const marker = context.workbook.names.getItemOrNullObject(request.marker);
      const setting = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
      setting.load("value");
      await context.sync();
      const all: SheetInfo[] = sheets.items.map((s) => ({ id: s.id, name: s.name, position: s.position, visibility: s.visibility }));
      return { all, markerExists: !marker.isNullObject, settings: setting.isNullObject ? undefined : (setting.value as unknown) };
    });
    const previous = request.previousSheet === undefined ? undefined : facts.all.find((s) => s.name.toLowerCase() === request.previousSheet!.toLowerCase());
    try {
      const written = await writeSummary(this.env.run, {
        model: request.model,
        tempName,
        backupName,
        ...(previous !== undefined ? { previous } : {}),
        leftovers: facts.all.filter((s) => s.name === tempName || s.name === backupName),
        isSetSupported: this.env.isSetSupported,
        activate: false,
        marker: { name: request.marker, exists: facts.markerExists },
        settingsValue: request.storedAnalyses,
        previousSettings: facts.settings,
      });
      if (!written.ok) return { ok: false, error: written.problems.map((p) => p.code).join(", ") };
      return { ok: true, sheetName: request.model.name, skipped: written.skipped.map((p) => `${p.code}: ${JSON.stringify(p.params)}`) };
    } catch (error) {
      if (isOfficeError(error)) return { ok: false, error: String((error as { code?: unknown }).code) };
      throw error;
    }
  }

  async storedAnalyses(): Promise<string | undefined> {
    return this.env.run(async (context) => {
      const setting = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
      setting.load("value");
      await context.sync();
      return setting.isNullObject ? undefined : typeof setting.value === "string" ? setting.value : JSON.stringify(setting.value);
    });
  }

  async selectCell(sheet: string, row: number, column: number): Promise<void> {
    await this.env.run(async (context) => {
      const target = context.workbook.worksheets.getItem(sheet);
      target.activate();
      target.getCell(row, column).select();
      await context.sync();
    });
  }
}
