// The Excel layer's public face: everything the task pane, the workbench and the command line
// may call. Nothing outside src/excel touches Excel.* or OfficeExtension.

export type {
  AnalysisDefinition,
  ContextRunner,
  ExcelEnvironment,
  OutputDefinition,
  ReadSource,
  RunPhase,
  RunResult,
  RunStats,
  SourceDefinition,
  SourceRole,
  SourceSpec,
  RegionExtent,
} from "./types";
export { runAnalysis, refreshAll, listAnalyses, nationalTotalOfCells } from "./run";
export type { RunContext } from "./run";
export { previewSource, readSelectionAddress, selectLocation, activateSheet } from "./preview";
export type { AliasReading, SourcePreview, TablePreview, ColumnPreview, RankingListPreview } from "./preview";
export { findData } from "./find";
export type { FoundData, FoundSource, FoundSlot } from "./find";
export { describeSource } from "./read";
