// The WPS 表格 adapter behind the port (src/core/port.ts): the same steps the Office.js layer
// offers, over ET's synchronous object model (each step runs to completion before it resolves).

import { quoteSheetName } from "../core/a1";
import { ApplySummaryRequest, ApplySummaryResult, ReadResult, SheetPort, SourceSpec } from "../core/port";
import { Problem, problem } from "../core/problems";
import { EtApplication } from "./et";
import { readStoredAnalyses, readWorkbook, selectionAddress, sheetNamed } from "./read";
import { applySummary } from "./write";

export type { EtApplication } from "./et";
export { ANALYSES_SHEET } from "./read";
export { wpsApplication } from "./detect";

export class WpsPort implements SheetPort {
  constructor(private readonly app: EtApplication) {}

  read(sources: readonly SourceSpec[]): Promise<ReadResult> {
    return Promise.resolve().then(() => readWorkbook(this.app, sources));
  }

  applySummary(request: ApplySummaryRequest): Promise<ApplySummaryResult> {
    return Promise.resolve().then(() => applySummary(this.app, request));
  }

  storedAnalyses(): Promise<unknown> {
    return Promise.resolve().then(() => readStoredAnalyses(this.app));
  }

  selection(): Promise<string> {
    return Promise.resolve().then(() => selectionAddress(this.app));
  }

  select(sheet: string, reference: string): Promise<Problem | undefined> {
    return Promise.resolve().then(() => {
      const location = `${quoteSheetName(sheet)}!${reference}`;
      const target = sheetNamed(this.app, sheet);
      if (target === undefined) return problem("source-missing", "error", location, { source: location, kind: "sheet" });
      try {
        target.Activate();
        target.Range(reference).Select();
        return undefined;
      } catch (error) {
        return problem("excel-error", "error", location, { code: "WPS", detail: error instanceof Error ? error.message : String(error), host: "wps" });
      }
    });
  }
}
