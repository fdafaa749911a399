// What a table was read as, in the pane's words: a basis (口径) and a one-line reading of a table
// (its lists' periods and bases, or its layout, periods, indicators and regions; rows kept and
// skipped), shared by Find data's list and the slots' readings.

import type { TablePreview } from "../run";
import type { Language } from "../core/messages";
import type { MessageKey, Messages } from "../i18n";
import { format } from "../i18n";
import type { SlotRole } from "./form";

/** Each input slot's title, as the slot and Find data's list name it. */
export const SLOT_TITLE_KEY: Readonly<Record<SlotRole, MessageKey>> = {
  current: "slotCurrent",
  previous: "slotPrevious",
  wide: "slotWide",
  ranking: "slotRanking",
  series: "slotSeries",
  plan: "slotPlan",
};

const BASIS_KEY: Readonly<Record<string, MessageKey>> = { 全口径: "basisAllIn", 权益: "basisEquity", 操盘: "basisManaged", 并表: "basisConsolidated" };

/** A basis in the pane's words: 全口径 → "all-in (全口径)" in English; one without words as written. */
export function basisWords(t: Messages, basis: string): string {
  const key = BASIS_KEY[basis];
  return key === undefined ? basis : t[key];
}

/** A ranking table's lists: "2024年，口径：全口径; 2024年，口径：权益" — each period once per basis. */
export function listsWords(t: Messages, language: Language, table: TablePreview): string {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const l of table.lists) {
    const period = language === "zh-CN" ? l.label : l.labelEn;
    const text = l.basis === null ? period : format(t.readingList, { period, basis: basisWords(t, l.basis) });
    if (!seen.has(text)) parts.push(text);
    seen.add(text);
  }
  return parts.join(language === "zh-CN" ? "；" : "; ");
}

/** Each series layout as a statistician calls it. */
export const LAYOUT_KEY: Readonly<Record<NonNullable<TablePreview["layout"]>, MessageKey>> = {
  "nbs-export": "layoutNbsExport",
  "nbs-export-transposed": "layoutNbsExportTransposed",
  "nbs-province-export": "layoutNbsProvinceExport",
  "release-table": "layoutReleaseTable",
  "regional-table": "layoutRegionalTable",
  "long-table": "layoutLongTable",
  "hand-table": "layoutHandTable",
};

/** One line saying what a table was read as, for Find data's list. */
export function readingWords(t: Messages, language: Language, table: TablePreview, count: (n: number) => string): string {
  if (table.kind === "ranking") {
    const skipped = table.skipped.reduce((n, s) => n + s.count, 0);
    return format(t.readingRanking, { lists: listsWords(t, language, table), kept: count(table.keptRows), skipped: count(skipped) });
  }
  if (table.kind === "series") {
    const labels = table.periods.map((p) => (language === "zh-CN" ? p.label : p.labelEn));
    const periods =
      labels.length === 0 ? t.previewNone : labels.length === 1 ? labels[0] : format(t.previewPeriodsValue, { first: labels[0], last: labels[labels.length - 1], count: count(labels.length) });
    const indicators = new Set(table.indicators.map((i) => `${i.indicator.quantity}/${i.indicator.category}`)).size;
    return format(t.readingSeries, {
      layout: table.layout === null ? t.kindSeries : t[LAYOUT_KEY[table.layout]],
      periods,
      indicators: count(indicators),
      regions: table.regions.length === 0 ? t.readingNation : format(t.readingRegions, { count: count(table.regions.length) }),
    });
  }
  return format(t.readingPlan, { count: count(table.keptRows) });
}
