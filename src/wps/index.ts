// The WPS 表格 adapter behind the port (src/core/port.ts): the same steps the Office.js layer
// offers, over ET's synchronous object model (each step runs to completion before it resolves).

import { ApplySummaryRequest, ApplySummaryResult, ReadGridsResult, SheetPort } from "../core/port";
import { EtApplication } from "./et";
import { readGrids } from "./read";
import { applySummary, readStoredAnalyses } from "./write";

export type { EtApplication } from "./et";
export { ANALYSES_SHEET } from "./write";

export class WpsPort implements SheetPort {
  constructor(private readonly app: EtApplication) {}

  readGrids(addresses: readonly string[]): Promise<ReadGridsResult> {
    return Promise.resolve().then(() => readGrids(this.app, addresses));
  }

  applySummary(request: ApplySummaryRequest): Promise<ApplySummaryResult> {
    return Promise.resolve().then(() => applySummary(this.app, request));
  }

  storedAnalyses(): Promise<string | undefined> {
    return Promise.resolve().then(() => readStoredAnalyses(this.app));
  }

  selectCell(sheet: string, row: number, column: number): Promise<void> {
    return Promise.resolve().then(() => {
      const target = this.app.ActiveWorkbook.Worksheets.Item(sheet);
      target.Activate();
      target.Cells.Item(row + 1, column + 1).Select();
    });
  }
}
