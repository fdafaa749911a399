// The small interface between the task pane and the rest of StatDesk. The pane never calls a
// host itself: these services run the run code over a port (core/port.ts) — Excel.run in Excel,
// the ET object model in WPS 表格, Microsoft's Excel client against the in-memory host in the
// workbench and in tests — and do not know which.

import type { Problem } from "../core/problems";
import {
  activateSheet,
  AnalysisDefinition,
  findData,
  FoundData,
  listAnalyses,
  previewSource,
  refreshAll,
  RunPhase,
  RunResult,
  runAnalysis,
  selectLocation,
  SheetPort,
  SourceDefinition,
  SourcePreview,
} from "../run";

export interface PaneServices {
  /** The address of the current selection, e.g. "'2024年'!A1:D120". */
  readSelection(): Promise<string>;
  /** What StatDesk understands of a source (with the person's corrections applied). */
  preview(source: SourceDefinition): Promise<SourcePreview>;
  /** Every visible sheet read and its tables recognised, assigned to the pane's slots ("Find data"). */
  findData(): Promise<FoundData>;
  /** Runs an analysis and writes its summary; `onPhase` drives the progress indicator. */
  run(definition: AnalysisDefinition, onPhase: (phase: RunPhase) => void): Promise<RunResult>;
  /** The analyses stored in this workbook. */
  listAnalyses(): Promise<AnalysisDefinition[]>;
  /** Runs every stored analysis again. */
  refreshAll(onPhase: (phase: RunPhase) => void): Promise<RunResult[]>;
  /** Selects the cell a problem names ("Sheet1!C17"). */
  selectLocation(location: string): Promise<Problem | undefined>;
  /** Brings a sheet to the front. */
  activateSheet(name: string): Promise<Problem | undefined>;
}

/** Today's date as the provenance block shows it (local calendar date, ISO form). */
function isoToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Services over a workbook's port (Excel, WPS 表格, or the client against the in-memory host). */
export function paneServices(port: SheetPort, version: string): PaneServices {
  const context = () => ({ today: isoToday(), version, now: () => performance.now() });
  return {
    readSelection: () => port.selection(),
    preview: (source) => previewSource(port, source),
    findData: () => findData(port),
    run: (definition, onPhase) => runAnalysis(port, definition, { ...context(), onPhase, activate: true }),
    listAnalyses: () => listAnalyses(port),
    refreshAll: (onPhase) => refreshAll(port, { ...context(), onPhase }),
    selectLocation: (location) => selectLocation(port, location),
    activateSheet: (name) => activateSheet(port, name),
  };
}
