// What reading an NBS series table gives: levels and published rates per indicator, region and
// period, with the cell each came from. The layouts that read them are in ./layouts.

import { Indicator } from "./indicators";
import { Period } from "./periods";
import { Problem } from "./problems";
import { SourceRef } from "./source";
import type { YearSource } from "./layouts/context";

/**
 * Which recogniser read a table: a data.stats.gov.cn export with periods across
 * ("nbs-export") or down the rows ("nbs-export-transposed"), a 分省 export, the release's own
 * table, the regional table, a long table, or a hand-made table of months without a year.
 */
export type SeriesLayout =
  | "nbs-export"
  | "nbs-export-transposed"
  | "nbs-province-export"
  | "release-table"
  | "regional-table"
  | "long-table"
  | "hand-table";

/** One figure of a series, with the cell it came from. */
export interface Observation {
  readonly period: Period;
  readonly value: number;
  readonly location: string;
}

/** A series as read: levels and published growth rates by period key. */
export interface RawSeries {
  readonly source: string;
  readonly range: string;
  readonly layout: SeriesLayout;
  readonly indicator: Indicator;
  /** The region as NBS writes it ("北京市", "东部地区"); absent for the nation. */
  readonly region?: string;
  /** For figures without a region: whether the table says they are the nation's (全国). */
  readonly nationStated?: boolean;
  /** The unit of the levels after conversion (万平方米 or 亿元). */
  readonly unit: string;
  /** Year-to-date figures (NBS monthly releases) rather than figures for the period alone. */
  readonly cumulative: boolean;
  readonly frequency: "month" | "year";
  readonly levels: ReadonlyMap<string, Observation>;
  readonly published: ReadonlyMap<string, Observation>;
}

/** A row a layout passed over, and why, for the task pane's reading. */
export interface SkippedSeriesRow {
  readonly reason: "footnote" | "metadata" | "not-real-estate" | "unknown-row";
  readonly location: string;
  readonly text: string;
}

export interface SeriesTable {
  readonly kind: "series";
  readonly source: SourceRef;
  readonly layout: SeriesLayout;
  readonly headerRow: number;
  readonly series: readonly RawSeries[];
  readonly problems: readonly Problem[];
  readonly skipped: readonly SkippedSeriesRow[];
  /** Where the year came from when the header gives months without one. */
  readonly yearFrom?: YearSource;
}

/** What the reading of a table can be told by the person. */
export interface SeriesReadOptions {
  /** The year, for a table whose months say none ("12, 11, … 2"). */
  readonly year?: number;
}

/**
 * The key of a period in a series: "2024" for a year, "2024-12" for a month (a cumulative
 * figure is keyed by the month it runs to), so that keys sort in time order.
 */
export function seriesKey(p: Period, frequency: "month" | "year"): string {
  return frequency === "year" ? String(p.year) : `${p.year}-${String(p.toMonth).padStart(2, "0")}`;
}
