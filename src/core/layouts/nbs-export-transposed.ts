// data.stats.gov.cn exports with the periods down the rows, as real downloads often come: the
// corner cell `时间` (or `指标`), one indicator per column (`新建商品房销售面积累计值(万平方米)`), one
// period per row (`2024年12月`, newest first), then `注：` and `数据来源：` lines.

import { cellText, Grid, isBlank, isBlankRow } from "../cells";
import { IndicatorMatch, matchIndicator } from "../indicators";
import { problem } from "../problems";
import { cellLocation, rangeLocation } from "../source";
import { regionName } from "../regions-names";
import { SeriesReadOptions, SeriesTable } from "../series-table";
import { periodOfFigure, SeriesCollector } from "./collect";
import { cornerOf, headerPeriod, isFootnote, isMetadata, metadataOf, saysNation } from "./context";
import { SeriesSource } from "./types";

const SEARCH_ROWS = 40;

function findHeader(grid: Grid): number | undefined {
  for (let r = 0; r < Math.min(grid.length, SEARCH_ROWS); r++) {
    const row = grid[r];
    const corner = cornerOf(row[0]);
    if (corner !== "time" && corner !== "indicator") continue;
    // 时间 | 地区 | 销售面积 … is a long table by region, not an export.
    if (row.slice(1).some((c) => cornerOf(c) !== undefined)) continue;
    if (!row.slice(1).some((c) => matchIndicator(cellText(c)) !== undefined)) continue;
    if (grid.slice(r + 1, r + SEARCH_ROWS).some((next) => headerPeriod(next[0]) !== undefined)) return r;
  }
  return undefined;
}

export function readNbsExportTransposed({ grid, source }: SeriesSource, _options: SeriesReadOptions): SeriesTable | undefined {
  const headerRow = findHeader(grid);
  if (headerRow === undefined) return undefined;
  const collector = new SeriesCollector(source, "nbs-export-transposed", saysNation(grid, headerRow, source));
  const header = grid[headerRow];
  const columns: (IndicatorMatch | undefined)[] = header.map((cell, c) => (c === 0 ? undefined : matchIndicator(cellText(cell))));
  header.forEach((cell, c) => {
    if (c > 0 && !isBlank(cell) && columns[c] === undefined) {
      collector.skip("not-real-estate", cellLocation(source, headerRow, c), cellText(cell));
      collector.problems.push(problem("series-not-real-estate", "info", cellLocation(source, headerRow, c), { name: cellText(cell).trim() }));
    }
  });
  const region = regionName(metadataOf(grid, headerRow)["地区"] ?? "") ?? null;
  let lastRow = headerRow;
  for (let r = headerRow + 1; r < grid.length; r++) {
    const row = grid[r];
    if (isBlankRow(row)) continue;
    if (isFootnote(row) || isMetadata(row)) {
      collector.skip(isFootnote(row) ? "footnote" : "metadata", cellLocation(source, r, 0), cellText(row[0]));
      continue;
    }
    const period = headerPeriod(row[0]);
    if (period === undefined) {
      collector.problems.push(problem("series-unknown-period", "warning", cellLocation(source, r, 0), { text: cellText(row[0]) }));
      continue;
    }
    lastRow = r;
    for (let c = 1; c < row.length; c++) {
      const match = columns[c];
      if (match === undefined) continue;
      collector.add(match, region, periodOfFigure(period, match, false), row[c], cellLocation(source, r, c));
    }
  }
  const range = rangeLocation(source, headerRow, 0, lastRow - headerRow + 1, header.length);
  return { kind: "series", source, layout: "nbs-export-transposed", headerRow, series: collector.finish(range), problems: collector.problems, skipped: collector.skipped };
}
