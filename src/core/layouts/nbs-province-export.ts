// data.stats.gov.cn 分省 exports: the `指标：` line names the one indicator, the header is
// `地区,2024年12月,2024年11月,…` and the regions run down the rows (31 provinces, as NBS writes
// them; "北\u3000京" and the like lose their spaces). The newest column is often empty.

import { cellText, Grid, isBlank } from "../cells";
import { matchIndicator } from "../indicators";
import { rangeLocation } from "../source";
import { regionName } from "../regions-names";
import { SeriesReadOptions, SeriesTable } from "../series-table";
import { SeriesCollector } from "./collect";
import { cornerOf, headerPeriod, metadataOf } from "./context";
import { headerPeriods } from "./nbs-export";
import { readAcross } from "./across";
import { SeriesSource } from "./types";

const SEARCH_ROWS = 40;

function findHeader(grid: Grid): number | undefined {
  for (let r = 0; r < Math.min(grid.length, SEARCH_ROWS); r++) {
    const row = grid[r];
    if (cornerOf(row[0]) !== "region") continue;
    if (row.slice(1).some((c) => !isBlank(c) && headerPeriod(c) !== undefined)) return r;
  }
  return undefined;
}

export function readNbsProvinceExport({ grid, source }: SeriesSource, _options: SeriesReadOptions): SeriesTable | undefined {
  const headerRow = findHeader(grid);
  if (headerRow === undefined) return undefined;
  const named = metadataOf(grid, headerRow)["指标"];
  const match = named === undefined ? undefined : matchIndicator(named);
  if (match === undefined) return undefined;
  const collector = new SeriesCollector(source, "nbs-province-export", true);
  const periods = headerPeriods(grid, headerRow, collector, headerPeriod);
  const lastRow = readAcross(grid, headerRow, periods, collector, (name) => {
    const region = regionName(name);
    return region === undefined ? { skip: "unknown-row" } : { match, region };
  }, false);
  const range = rangeLocation(source, headerRow, 0, lastRow - headerRow + 1, grid[headerRow].length);
  return { kind: "series", source, layout: "nbs-province-export", headerRow, series: collector.finish(range), problems: collector.problems, skipped: collector.skipped };
}

/** The indicator a 分省 export names, whether or not StatDesk computes it (for the refusal's words). */
export function provinceIndicatorName(grid: Grid): string | undefined {
  for (let r = 0; r < Math.min(grid.length, SEARCH_ROWS); r++) {
    const m = /^指标[:：](.*)$/.exec(cellText(grid[r][0]).trim());
    if (m !== null) return m[1].trim();
  }
  return undefined;
}
