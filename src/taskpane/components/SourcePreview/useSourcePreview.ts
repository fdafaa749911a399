// Turns what the Excel layer understood of a source into what the preview shows — sheet row
// numbers rather than offsets, names for roles and reasons — and the person's corrections into
// the source's new TableOverrides (stated here once for a slot and a table Find data listed beside
// the slots), keeping the typed ones (header row, year) as drafts until Enter or leaving the field
// commits them.

import * as React from "react";
import type { SourcePreview, SourceRole, TablePreview } from "../../../run";
import type { TableOverrides } from "../../../core/ranking-table";
import type { ColumnRole } from "../../../core/headers";
import { parseAddress } from "../../../core/a1";
import { indicatorName } from "../../../core/indicators";
import { corrected, hasOverrides } from "../../form";
import { useLocale } from "../../locale";

export interface SourcePreviewProps {
  /** The slot's title, to name the preview and its fields. */
  readonly title: string;
  /** What the source is used as: which corrections it takes. */
  readonly role: SourceRole;
  readonly preview: SourcePreview;
  readonly overrides: TableOverrides;
  /**
   * The source's corrections after the person changed one (a column's role; the header row, as a
   * zero-based row within the source; the year; the unit) or reset them all ({}); the caller keeps
   * them and reads the source again with them.
   */
  readonly onCorrect: (overrides: TableOverrides) => void;
  readonly onLocate: (location: string) => void;
  readonly disabled?: boolean;
}

export interface TableView {
  readonly key: string;
  readonly table: TablePreview;
  /** The header's row as the sheet numbers it (1-based). */
  readonly headerSheetRow: number;
  /** Series indicators in words; plan items as written. */
  readonly items: readonly string[];
  /** Series: the periods read, oldest first, as the pane's language names them. */
  readonly periods: readonly string[];
}

/** A correction typed as text: the draft, and committing it (on Enter or on leaving the field). */
export interface Draft {
  readonly draft: string;
  readonly setDraft: (text: string) => void;
  readonly commit: () => void;
}

export interface SourcePreviewState extends SourcePreviewProps {
  readonly tables: readonly TableView[];
  /** Corrections of a ranking's header row, year and unit; series and plan tables have fixed layouts (a series may take a year). */
  readonly corrections: boolean;
  readonly setColumnRole: (index: number, role: ColumnRole) => void;
  readonly setUnit: (unit: string | undefined) => void;
  readonly resetCorrections: () => void;
  /** The header row as the sheet numbers it, and the year. */
  readonly header: Draft;
  readonly year: Draft;
  readonly corrected: boolean;
  /** Header row, year and unit are folded away until needed: opened by the person, by a correction in force, or by an error. */
  readonly correctionsOpen: boolean;
  readonly toggleCorrections: () => void;
  /**
   * A series table needs the person's year (its months say none) or may take one: a hand table,
   * a series-year-missing refusal, or a year already given (so it can be changed or cleared).
   */
  readonly seriesYear: boolean;
}

const YEAR = /^\s*(19|20)\d{2}\s*$/;
const readYear = (text: string): number | undefined => (YEAR.test(text) ? Number(text) : undefined);

/**
 * A correction typed as text, kept as a draft until committed: the text in force commits nothing,
 * a blank clears the correction, and text `read` refuses goes back to what is in force.
 */
function useDraft(shown: string, read: (text: string) => number | undefined, apply: (value: number | undefined) => void): Draft {
  const [draft, setDraft] = React.useState(shown);
  // A new reading (or a reset) replaces the draft with what is now in force.
  React.useEffect(() => setDraft(shown), [shown]);
  const commit = React.useCallback(() => {
    const text = draft.trim();
    if (text === shown) return;
    if (text === "") return apply(undefined);
    const value = read(text);
    if (value !== undefined) apply(value);
    else setDraft(shown);
  }, [draft, shown, read, apply]);
  return { draft, setDraft, commit };
}

export function useSourcePreview(props: SourcePreviewProps): SourcePreviewState {
  const { language } = useLocale();
  const parsed = parseAddress(props.preview.address);
  const firstRow = parsed?.row ?? 0;
  const tables: TableView[] = props.preview.tables.map((table, i) => ({
    key: `${table.kind}-${table.headerRow}-${i}`,
    table,
    headerSheetRow: firstRow + table.headerRow + 1,
    items: table.kind === "series" ? table.indicators.map((s) => `${indicatorName(s.indicator, language)}${s.region ? ` (${s.region})` : ""}`) : table.items,
    periods: table.periods.map((p) => (language === "zh-CN" ? p.label : p.labelEn)),
  }));

  const headerOverride = props.overrides.headerRow;
  const shownHeader = headerOverride !== undefined ? String(firstRow + headerOverride + 1) : tables[0] !== undefined ? String(tables[0].headerSheetRow) : "";
  const shownYear = props.overrides.year !== undefined ? String(props.overrides.year) : "";
  // The header row is typed as the sheet numbers it, and kept as an offset within the source.
  const readHeader = React.useCallback(
    (text: string) => {
      const row = Number(text);
      return Number.isInteger(row) && row > firstRow ? row - 1 - firstRow : undefined;
    },
    [firstRow],
  );
  const o = props.overrides;
  const { onCorrect } = props;
  const header = useDraft(shownHeader, readHeader, (row) => onCorrect(corrected(o, "headerRow", row)));
  const year = useDraft(shownYear, readYear, (value) => onCorrect(corrected(o, "year", value)));

  const isCorrected = hasOverrides(o);
  const needed = o.headerRow !== undefined || o.year !== undefined || o.unit !== undefined || props.preview.problems.some((p) => p.severity === "error");
  const [opened, setOpened] = React.useState<boolean | undefined>(undefined);
  const correctionsOpen = opened ?? needed;
  const toggleCorrections = React.useCallback(() => setOpened(!correctionsOpen), [correctionsOpen]);
  const seriesYear =
    props.preview.tables.some((t) => t.layout === "hand-table") || props.preview.problems.some((p) => p.code === "series-year-missing" || p.code === "series-period-missing") || (o.year !== undefined && props.preview.tables.some((t) => t.kind === "series"));
  return {
    ...props,
    tables,
    corrections: props.role !== "series" && props.role !== "plan",
    setColumnRole: (index, role) => onCorrect({ ...o, roles: { ...(o.roles ?? {}), [index]: role } }),
    setUnit: (unit) => onCorrect(corrected(o, "unit", unit)),
    resetCorrections: () => onCorrect({}),
    header,
    year,
    corrected: isCorrected,
    correctionsOpen,
    toggleCorrections,
    seriesYear,
  };
}

