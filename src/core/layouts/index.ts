// The catalogue of series layouts, tried in order: each recogniser answers only for its own
// layout, so a new layout is a new module here, not a branch inside an old one.

import { Problem } from "../problems";
import { SeriesReadOptions, SeriesTable } from "../series-table";
import { readHandTable } from "./hand-table";
import { readLongTable } from "./long-table";
import { readNbsExport } from "./nbs-export";
import { readNbsExportTransposed } from "./nbs-export-transposed";
import { refuseOtherNbsExport } from "./nbs-other";
import { readNbsProvinceExport } from "./nbs-province-export";
import { refusePriceIndexTable } from "./price-index";
import { readRegionalTable } from "./regional-table";
import { readReleaseTable } from "./release-table";
import { SeriesRecogniser, SeriesSource } from "./types";

/**
 * Most specific first: a 分省 export has 地区 and periods across, the release table 指标 with
 * 绝对数/增长 columns, before the plain export's 指标 and periods; the hand table's yearless
 * months only when no period says its year.
 */
export const SERIES_LAYOUTS: readonly SeriesRecogniser[] = [
  readNbsProvinceExport,
  readReleaseTable,
  readNbsExport,
  readNbsExportTransposed,
  // A long table has a time column (地区 | 时间 | …); the regional table has none.
  readLongTable,
  readRegionalTable,
  readHandTable,
];

/** Reads a series table in whichever layout it is; undefined when it is none of them. */
export function readSeriesTable(input: SeriesSource, options: SeriesReadOptions = {}): SeriesTable | undefined {
  for (const read of SERIES_LAYOUTS) {
    const table = read(input, options);
    if (table !== undefined) return table;
  }
  return undefined;
}

/** Why a grid that is no series table of ours is refused, when it is an NBS export or a price-index table. */
export function seriesRefusal(input: SeriesSource): Problem | undefined {
  return refuseOtherNbsExport(input) ?? refusePriceIndexTable(input);
}
