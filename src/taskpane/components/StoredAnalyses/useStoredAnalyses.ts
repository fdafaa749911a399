// The analyses this workbook remembers, as the Refresh list shows them: a name (the sheet last
// written), when it last ran, what it reads, and what the last refresh of each gave.

import type { AnalysisDefinition, RunResult } from "../../../run";
import { describeSource } from "../../../run";
import { useLocale } from "../../locale";

/** What refreshing gave: per analysis id, the result — or an unexpected failure's text. */
export type RefreshOutcome = { readonly id: string; readonly result: RunResult } | { readonly id: string; readonly detail: string };

export interface StoredAnalysesProps {
  /** null while the list is being read. */
  readonly analyses: readonly AnalysisDefinition[] | null;
  /** The list could not be read (unexpected failure text). */
  readonly failure?: string;
  readonly outcomes: readonly RefreshOutcome[];
  readonly busy: boolean;
  /** Ids of analyses the form can show (table or named-range sources cannot be edited here). */
  readonly editable: ReadonlySet<string>;
  readonly onRefresh: (definition: AnalysisDefinition) => void;
  readonly onRefreshAll: () => void;
  readonly onEdit: (definition: AnalysisDefinition) => void;
  readonly onLocate: (location: string) => void;
}

export interface StoredItem {
  readonly definition: AnalysisDefinition;
  readonly name: string;
  readonly detail: string;
  readonly sources: string;
  readonly editable: boolean;
  readonly outcome?: RefreshOutcome;
}

export interface StoredAnalysesState extends StoredAnalysesProps {
  readonly items: readonly StoredItem[];
}

/** The name a stored analysis goes by: its sheet, else its chosen sheet name, else its id. */
function analysisName(d: AnalysisDefinition): string {
  return d.lastRun?.sheetName ?? (d.output.sheetName !== "" ? d.output.sheetName : d.id);
}

export function useStoredAnalyses(props: StoredAnalysesProps): StoredAnalysesState {
  const { t, f } = useLocale();
  const items: StoredItem[] = (props.analyses ?? []).map((d) => {
    const outcome = props.outcomes.find((o) => o.id === d.id);
    return {
      definition: d,
      name: analysisName(d),
      detail: d.lastRun !== undefined ? f(t.storedLastRun, { date: d.lastRun.on }) : t.storedNeverRun,
      sources: d.sources.map((s) => describeSource(s.spec)).join("; "),
      editable: props.editable.has(d.id),
      ...(outcome !== undefined ? { outcome } : {}),
    };
  });
  return { ...props, items };
}
