// Find data's list: the sheets looked at, each with the tables found on it (what each was read
// as and what it is used for, a checkbox to leave it out, and for a table beside the slots its
// reading to check and correct), the alias sheet, or the sheets named when nothing was found.

import type { TableOverrides } from "../../../core/ranking-table";
import type { SourcePreview } from "../../../run";
import type { FoundItem, FormState } from "../../form";
import { foundIncluded, hasOverrides } from "../../form";
import type { PaneServices } from "../../services";
import type { FindState } from "../../useApp";
import { useLocale } from "../../locale";
import { readingWords, SLOT_TITLE_KEY } from "../../words";

export interface FoundDataProps {
  readonly find: FindState;
  readonly form: FormState;
  readonly services: PaneServices;
  readonly onFind: () => void;
  readonly onToggle: (key: string, on: boolean) => void;
  /** A table beside the slots corrected, and read again (a slot's table is corrected in its slot). */
  readonly onCorrect: (key: string, overrides: TableOverrides) => void;
  readonly onRead: (key: string, preview: SourcePreview) => void;
  readonly onLocate: (location: string) => void;
  readonly disabled?: boolean;
}

/** One table found, as the list shows it. */
export interface FoundRow {
  readonly key: string;
  readonly label: string;
  readonly checked: boolean;
  /** A table beside the slots, whose reading is checked and corrected in the list. */
  readonly beside?: FoundItem;
}

/** A sheet looked at and what was found on it. */
export interface FoundSheet {
  readonly sheet: string;
  readonly rows: readonly FoundRow[];
}

export interface FoundDataState extends FoundDataProps {
  readonly sheets: readonly FoundSheet[];
  /** The sentence above the list: how many tables in how many sheets, or that none was found (naming the sheets). */
  readonly summary?: { readonly intent: "info" | "warning"; readonly text: string };
  readonly alias?: string;
}

export function useFoundData(props: FoundDataProps): FoundDataState {
  const { t, f, language, numbers } = useLocale();
  const count = (n: number) => numbers("half-away").fixed(n, 0);
  const { find, form } = props;
  const goes = (item: FoundItem): string => {
    const words =
      item.slot !== null ? t[SLOT_TITLE_KEY[item.slot]] : item.role === "series" ? t.findDataBesideSeries : item.role === "plan" ? t.findDataBesidePlan : t.findDataBesideRanking;
    // Mid-sentence in English: "used as this year's ranking", but "NBS" stays as it is.
    return language === "en-US" && /^[A-Z][a-z]/.test(words) ? words.charAt(0).toLowerCase() + words.slice(1) : words;
  };
  const row = (item: FoundItem): FoundRow => {
    // A stored analysis opened again lists its tables unread: what they hold is read when one is opened.
    const label =
      item.preview === undefined
        ? f(t.findDataItemUnread, { address: item.address, goes: goes(item) })
        : f(t.findDataItem, {
            address: item.address,
            goes: goes(item),
            reading: item.preview.tables.map((table) => readingWords(t, language, table, count)).join(language === "zh-CN" ? "；" : "; "),
          });
    return {
      key: item.key,
      checked: foundIncluded(form, item),
      label: hasOverrides(item.overrides) ? f(t.findDataCorrected, { item: label }) : label,
      ...(item.slot === null ? { beside: item } : {}),
    };
  };
  const rowsOf = (sheet: string) => form.found.filter((item) => item.sheet === sheet).map(row);
  if (find.status !== "ready") {
    // An analysis opened for editing keeps the tables Find data chose beside the slots: listed so they can be checked, corrected or left out.
    if (find.status !== "idle" || form.found.length === 0) return { ...props, sheets: [] };
    return { ...props, sheets: [...new Set(form.found.map((item) => item.sheet))].map((sheet) => ({ sheet, rows: rowsOf(sheet) })) };
  }
  const { data } = find;
  const list = language === "zh-CN" ? "、" : ", ";
  if (data.sheets.length === 0) return { ...props, sheets: [], summary: { intent: "warning", text: t.findDataNoSheets } };
  if (data.sources.length === 0) return { ...props, sheets: [], summary: { intent: "warning", text: f(t.findDataNothing, { sheets: data.sheets.join(list) }) } };
  const sheets: FoundSheet[] = data.sheets.map((sheet) => ({ sheet, rows: rowsOf(sheet) }));
  return {
    ...props,
    sheets,
    summary: { intent: "info", text: f(t.findDataSummary, { count: count(data.sources.length), sheetCount: count(data.sheets.length) }) },
    ...(data.aliasSheet !== undefined ? { alias: f(t.findDataAlias, { address: data.aliasSheet.address, count: count(data.aliasSheet.lines.length) }) } : {}),
  };
}
