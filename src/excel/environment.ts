// How the Office.js layer reaches a workbook: Excel.run in Excel, or Microsoft's Excel client
// against the in-memory host (tests, the workbench, the command line).

/** Runs a batch against a workbook: Excel.run in Excel, or the same client against the in-memory host. */
export type ContextRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** How the Excel layer reaches a workbook, and what that workbook's Excel supports. */
export interface ExcelEnvironment {
  readonly run: ContextRunner;
  /** Office.context.requirements.isSetSupported in Excel; the host says what it implements. */
  readonly isSetSupported: (name: string, version: string) => boolean;
}
