// data.stats.gov.cn exports with periods across the top (months newest first, or years): the
// `数据库：`/`时间：` lines, a header `指标,2024年12月,2024年11月,…`, one indicator per row, `注：`
// and `数据来源：` lines below. Every header period carries its own year. A `地区：` line names the
// region of a 分省 export that puts indicators down the rows.

import { cellText, Grid, isBlank } from "../cells";
import { matchIndicator, matchPart } from "../indicators";
import { Period } from "../periods";
import { problem } from "../problems";
import { cellLocation, rangeLocation, sourceName } from "../source";
import { regionName } from "../regions-names";
import { seriesKey, SeriesReadOptions, SeriesTable } from "../series-table";
import { SeriesCollector } from "./collect";
import { cornerOf, headerPeriod, metadataOf, saysNation } from "./context";
import { indicatorRows, readAcross } from "./across";
import { SeriesSource } from "./types";

const SEARCH_ROWS = 40;

/** The header row: periods with years after the first cell, and an indicator named below it. */
function findHeader(grid: Grid): number | undefined {
  for (let r = 0; r < Math.min(grid.length, SEARCH_ROWS); r++) {
    const row = grid[r];
    // A row that names an indicator is a figure row, whatever its numbers look like.
    if (matchIndicator(cellText(row[0])) !== undefined || matchPart(cellText(row[0])) !== undefined) continue;
    let periods = 0;
    let numeric = 0;
    for (let c = 1; c < row.length; c++) {
      if (isBlank(row[c]) || headerPeriod(row[c]) === undefined) continue;
      periods++;
      if (typeof row[c] === "number") numeric++;
    }
    if (periods === 0 || (periods < 2 && cornerOf(row[0]) !== "indicator")) continue;
    // Periods that are numbers (2018, a date serial) head a table only under 指标 or a blank
    // corner: beside any other name they are more likely figures of a row.
    if (numeric === periods && !isBlank(row[0]) && cornerOf(row[0]) === undefined) continue;
    if (grid.slice(r + 1, r + SEARCH_ROWS).some((next) => matchIndicator(cellText(next[0])) !== undefined)) return r;
  }
  return undefined;
}

/** The periods of the header's columns; a repeated or unreadable period is warned about and left out. */
export function headerPeriods(grid: Grid, headerRow: number, collector: SeriesCollector, read: (cell: Grid[number][number]) => Period | undefined): (Period | undefined)[] {
  const source = collector.sourceRef;
  const header = grid[headerRow];
  const firstColumn = new Map<string, number>();
  return header.map((cell, c) => {
    if (c === 0 || isBlank(cell)) return undefined;
    const p = read(cell);
    if (p === undefined) {
      collector.problems.push(problem("series-unknown-period", "warning", cellLocation(source, headerRow, c), { text: cellText(cell) }));
      return undefined;
    }
    const key = seriesKey(p, p.kind === "year" ? "year" : "month");
    const first = firstColumn.get(key);
    if (first !== undefined) {
      const ignored = cellLocation(source, headerRow, c);
      collector.problems.push(problem("series-period-repeated", "warning", ignored, { period: cellText(cell), used: cellLocation(source, headerRow, first), ignored }));
      return undefined;
    }
    firstColumn.set(key, c);
    return p;
  });
}

export function readNbsExport({ grid, source }: SeriesSource, _options: SeriesReadOptions): SeriesTable | undefined {
  const headerRow = findHeader(grid);
  if (headerRow === undefined) return undefined;
  const collector = new SeriesCollector(source, "nbs-export", saysNation(grid, headerRow, source));
  const periods = headerPeriods(grid, headerRow, collector, headerPeriod);
  const region = regionName(metadataOf(grid, headerRow)["地区"] ?? "") ?? null;
  const lastRow = readAcross(grid, headerRow, periods, collector, indicatorRows(region), false);
  if (periods.every((p) => p === undefined)) {
    collector.problems.push(problem("series-no-periods", "error", cellLocation(source, headerRow, 0), { source: sourceName(source) }));
  }
  const range = rangeLocation(source, headerRow, 0, lastRow - headerRow + 1, grid[headerRow].length);
  return { kind: "series", source, layout: "nbs-export", headerRow, series: collector.finish(range), problems: collector.problems, skipped: collector.skipped };
}
