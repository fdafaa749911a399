// The run code's public face: what the task pane, the workbench and the command line may call to
// read, preview, find, run and refresh analyses. It talks to a workbook only through the port
// (core/port.ts), so it runs the same in Excel and in WPS 表格.

export type { AnalysisDefinition, OutputDefinition, ReadSource, RegionExtent, RunPhase, RunResult, RunStats, SourceDefinition, SourceRole, SourceSpec } from "./types";
export { runAnalysis, refreshAll, listAnalyses, nationalTotalOfCells, markerName } from "./run";
export type { RunContext } from "./run";
export { previewSource, selectLocation, activateSheet } from "./preview";
export type { AliasReading, SourcePreview, TablePreview, ColumnPreview, RankingListPreview } from "./preview";
export { findData } from "./find";
export type { FoundData, FoundSource, FoundSlot } from "./find";
export { describeSource } from "../core/source";
export type { SheetPort } from "../core/port";
