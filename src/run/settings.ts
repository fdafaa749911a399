// The analyses a workbook remembers, in its settings (Excel.SettingCollection, ExcelApi 1.4),
// so that "Refresh all" can read the same sources and rewrite the same sheets — even after the
// workbook was closed, shared and opened elsewhere.

import { AnalysisDefinition } from "./types";

/** The shape stored under SETTINGS_KEY; versioned so a later StatDesk can read an older workbook. */
export interface StoredAnalyses {
  readonly format: 1;
  readonly analyses: readonly AnalysisDefinition[];
}

function isDefinition(value: unknown): value is AnalysisDefinition {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Partial<AnalysisDefinition>;
  return typeof v.id === "string" && Array.isArray(v.sources) && typeof v.output === "object" && v.output !== null && typeof v.options === "object";
}

/**
 * The analyses stored in a workbook. Anything unreadable (a hand-edited or foreign setting) gives
 * an empty list rather than an error: the worst case is that a refresh list is empty.
 */
export function parseStoredAnalyses(value: unknown): AnalysisDefinition[] {
  const parsed = typeof value === "string" ? safeParse(value) : value;
  if (typeof parsed !== "object" || parsed === null) return [];
  const analyses = (parsed as { analyses?: unknown }).analyses;
  return Array.isArray(analyses) ? analyses.filter(isDefinition) : [];
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The stored list with one analysis added or replaced (matched by id), order kept. */
export function withAnalysis(stored: readonly AnalysisDefinition[], definition: AnalysisDefinition): StoredAnalyses {
  const index = stored.findIndex((d) => d.id === definition.id);
  const analyses = index < 0 ? [...stored, definition] : stored.map((d, i) => (i === index ? definition : d));
  return { format: 1, analyses };
}

/**
 * As saved: a JSON string, so that nothing in it is reinterpreted by the settings channel
 * (Office.js revives "Date(…)"-looking strings, and hosts differ on nested objects).
 */
export function serialiseStoredAnalyses(stored: StoredAnalyses): string {
  return JSON.stringify(stored);
}
