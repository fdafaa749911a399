// The NBS release's own table: `指标 | 绝对数 | 比上年增长(%)` (sometimes with a `单位` column), the
// period in the title ("2024年1—12月全国房地产开发和销售情况"), parts indented under their whole
// (`  其中：住宅`, `办公楼`, `国内贷款`). One period: levels and published rates.

import { cellText, Grid, isBlankRow } from "../cells";
import { Period } from "../periods";
import { problem } from "../problems";
import { headerKey } from "../text";
import { cellLocation, rangeLocation, sourceName } from "../source";
import { SeriesReadOptions, SeriesTable } from "../series-table";
import { SeriesCollector } from "./collect";
import { contextPeriod, cornerOf, isFootnote, isMetadata, YearSource, saysNation } from "./context";
import { indicatorRows, RowMeaning } from "./across";
import { Indicator, matchIndicator } from "../indicators";
import { SeriesSource } from "./types";

const SEARCH_ROWS = 40;
const LEVEL = /^(绝对数|绝对值|数值|本期|累计|累计值|本年累计|总量|level|value|amount)/;
const GROWTH = /(增长|增速|增幅|同比|growth|yoy|change)/;
const UNIT = /^(单位|计量单位|unit)$/;

/** Which columns hold the level, the published rate and the unit; undefined when the row is no such header. */
export function releaseColumns(row: Grid[number]): { level: number; growth: number; unit: number } | undefined {
  let level = -1;
  let growth = -1;
  let unit = -1;
  row.forEach((cell, c) => {
    if (c === 0) return;
    const key = headerKey(cellText(cell)).replace(/[(（][^)）]*[)）]/g, "");
    if (key === "") return;
    if (level < 0 && LEVEL.test(key)) level = c;
    else if (growth < 0 && GROWTH.test(key)) growth = c;
    else if (unit < 0 && UNIT.test(key)) unit = c;
  });
  return level >= 0 || growth >= 0 ? { level, growth, unit } : undefined;
}

function findHeader(grid: Grid): number | undefined {
  for (let r = 0; r < Math.min(grid.length, SEARCH_ROWS); r++) {
    const row = grid[r];
    if (cornerOf(row[0]) !== "indicator" || releaseColumns(row) === undefined) continue;
    if (grid.slice(r + 1, r + SEARCH_ROWS).some((next) => matchIndicator(cellText(next[0])) !== undefined)) return r;
  }
  return undefined;
}

/**
 * A release's figures are year to date: a title saying only the year ("2024年…") means 1—12月,
 * and stock is the level at the last month's end.
 */
export function releasePeriod(p: Period, indicator: Indicator): Period {
  const to = p.toMonth;
  if (indicator.quantity === "stockArea") return { year: p.year, fromMonth: to, toMonth: to, kind: "month" };
  return p.fromMonth === 1 ? { year: p.year, fromMonth: 1, toMonth: to, kind: "ytd" } : p;
}

/** The table's period: its title, sheet or file name, else the person's year (the whole year). */
export function statedPeriod(grid: Grid, headerRow: number, source: SeriesSource["source"], options: SeriesReadOptions): { period: Period; from: YearSource } | undefined {
  const stated = contextPeriod(grid, headerRow, source);
  if (options.year !== undefined && (stated === undefined || stated.year !== options.year)) {
    const fromMonth = stated?.fromMonth ?? 1;
    const toMonth = stated?.toMonth ?? 12;
    return { period: { year: options.year, fromMonth, toMonth, kind: fromMonth === 1 && toMonth === 12 ? "year" : "ytd" }, from: "person" };
  }
  return stated === undefined ? undefined : { period: stated, from: "title" };
}

export function readReleaseTable({ grid, source }: SeriesSource, options: SeriesReadOptions): SeriesTable | undefined {
  const headerRow = findHeader(grid);
  if (headerRow === undefined) return undefined;
  const columns = releaseColumns(grid[headerRow])!;
  const collector = new SeriesCollector(source, "release-table", saysNation(grid, headerRow, source));
  const stated = statedPeriod(grid, headerRow, source, options);
  const width = grid[headerRow].length;
  if (stated === undefined) {
    collector.problems.push(problem("series-period-missing", "error", cellLocation(source, headerRow, 0), { source: sourceName(source) }));
    return { kind: "series", source, layout: "release-table", headerRow, series: [], problems: collector.problems, skipped: collector.skipped };
  }
  const meaningOf = indicatorRows(null);
  let parent: Indicator | undefined;
  let lastRow = headerRow;
  for (let r = headerRow + 1; r < grid.length; r++) {
    const row = grid[r];
    if (isBlankRow(row)) continue;
    const name = cellText(row[0]);
    if (isFootnote(row) || isMetadata(row)) {
      collector.skip(isFootnote(row) ? "footnote" : "metadata", cellLocation(source, r, 0), name);
      continue;
    }
    const meaning: RowMeaning = meaningOf(name, parent);
    if ("skip" in meaning) {
      collector.skip(meaning.skip, cellLocation(source, r, 0), name);
      if (meaning.skip === "not-real-estate") collector.problems.push(problem("series-not-real-estate", "info", cellLocation(source, r, 0), { name: name.trim() }));
      continue;
    }
    const { match } = meaning;
    if (matchIndicator(name) !== undefined) parent = match;
    lastRow = r;
    const period = releasePeriod(stated.period, match);
    const unit = columns.unit >= 0 ? cellText(row[columns.unit]) : undefined;
    if (columns.level >= 0) collector.add({ ...match, measure: "cumulative" }, null, period, row[columns.level], cellLocation(source, r, columns.level), unit);
    if (columns.growth >= 0) collector.add({ ...match, measure: "growth" }, null, period, row[columns.growth], cellLocation(source, r, columns.growth));
  }
  const range = rangeLocation(source, headerRow, 0, lastRow - headerRow + 1, width);
  return { kind: "series", source, layout: "release-table", headerRow, series: collector.finish(range), problems: collector.problems, skipped: collector.skipped, yearFrom: stated.from };
}
