// The small interface between the task pane and the rest of StatDesk. The pane never calls
// Excel itself: in Excel these services wrap Excel.run; in the workbench and in tests the same
// services run Microsoft's Excel client against the in-memory host.

import type { Problem } from "../core/problems";
import {
  activateSheet,
  AnalysisDefinition,
  ExcelEnvironment,
  findData,
  FoundData,
  listAnalyses,
  previewSource,
  readSelectionAddress,
  refreshAll,
  RunPhase,
  RunResult,
  runAnalysis,
  selectLocation,
  SourceDefinition,
  SourcePreview,
} from "../excel";

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

/** Services over an Excel environment (Excel itself, or the client against the in-memory host). */
export function excelServices(env: ExcelEnvironment, version: string): PaneServices {
  const context = () => ({ today: isoToday(), version, now: () => performance.now() });
  return {
    readSelection: () => readSelectionAddress(env.run),
    preview: (source) => previewSource(env, source),
    findData: () => findData(env),
    run: (definition, onPhase) => runAnalysis(env, definition, { ...context(), onPhase, activate: true }),
    listAnalyses: () => listAnalyses(env),
    refreshAll: (onPhase) => refreshAll(env, { ...context(), onPhase }),
    selectLocation: (location) => selectLocation(env.run, location),
    activateSheet: (name) => activateSheet(env.run, name),
  };
}
