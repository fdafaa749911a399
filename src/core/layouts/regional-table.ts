// The regional table of the release (东中西部和东北地区, or provinces): `地区` in the corner, each
// indicator across two columns, 绝对数 and 比上年增长(%), under a two-line header (the indicator
// merged over its pair) or one line (`房地产开发投资(亿元) | 比上年增长(%) | …`); 全国总计 or 全国
// first, then the regions. One period, from the title.

import { cellText, Grid, isBlank, isBlankRow } from "../cells";
import { IndicatorMatch, matchIndicator } from "../indicators";
import { problem } from "../problems";
import { headerKey } from "../text";
import { cellLocation, rangeLocation, sourceName } from "../source";
import { regionName } from "../regions-names";
import { SeriesReadOptions, SeriesTable } from "../series-table";
import { SeriesCollector } from "./collect";
import { cornerOf, isFootnote, isMetadata } from "./context";
import { releasePeriod, statedPeriod } from "./release-table";
import { SeriesSource } from "./types";

const SEARCH_ROWS = 40;
const GROWTH = /(增长|增速|增幅|同比|growth|yoy)/;
const ENTERPRISE = /企业|公司|房企|名称|enterprise|company|developer/;
const LEVEL = /^(绝对数|绝对值|数值|本期|累计|累计值|level|value)/;

interface Column {
  readonly match: IndicatorMatch;
  readonly unit?: string;
}

/** Each column's indicator and measure, from one header line or two. */
function columnsOf(grid: Grid, headerRow: number): { columns: (Column | undefined)[]; bodyFrom: number } {
  const top = grid[headerRow];
  const second = grid[headerRow + 1] ?? [];
  const twoLines = second.some((c) => {
    const key = headerKey(cellText(c)).replace(/[(（][^)）]*[)）]/g, "");
    return key !== "" && (LEVEL.test(key) || (GROWTH.test(key) && matchIndicator(cellText(c)) === undefined));
  });
  const columns: (Column | undefined)[] = [];
  let current: IndicatorMatch | undefined;
  for (let c = 1; c < Math.max(top.length, twoLines ? second.length : 0); c++) {
    const named = matchIndicator(cellText(top[c]));
    const topKey = headerKey(cellText(top[c]));
    if (named !== undefined) current = named;
    else if (!isBlank(top[c]) && !GROWTH.test(topKey)) current = undefined;
    if (current === undefined) continue;
    const lower = twoLines ? cellText(second[c]) : "";
    const lowerKey = headerKey(lower).replace(/[(（][^)）]*[)）]/g, "");
    const growth = twoLines ? GROWTH.test(lowerKey) : named === undefined ? GROWTH.test(topKey) : named.measure === "growth";
    const unit = /[(（]([^)）]+)[)）]/.exec(lower)?.[1];
    columns[c] = { match: { ...current, measure: growth ? "growth" : "cumulative" }, ...(unit !== undefined && !growth ? { unit } : {}) };
  }
  return { columns, bodyFrom: headerRow + (twoLines ? 2 : 1) };
}

function findHeader(grid: Grid): number | undefined {
  for (let r = 0; r < Math.min(grid.length, SEARCH_ROWS); r++) {
    const row = grid[r];
    if (cornerOf(row[0]) !== "region") continue;
    // 地区 | 企业名称 | 销售额 is a ranking with a region column, not a regional table.
    if (row.some((c) => ENTERPRISE.test(headerKey(cellText(c))))) continue;
    if (row.slice(1).some((c) => matchIndicator(cellText(c)) !== undefined)) return r;
  }
  return undefined;
}

export function readRegionalTable({ grid, source }: SeriesSource, options: SeriesReadOptions): SeriesTable | undefined {
  const headerRow = findHeader(grid);
  if (headerRow === undefined) return undefined;
  const collector = new SeriesCollector(source, "regional-table", true);
  const width = grid[headerRow].length;
  const stated = statedPeriod(grid, headerRow, source, options);
  if (stated === undefined) {
    collector.problems.push(problem("series-period-missing", "error", cellLocation(source, headerRow, 0), { source: sourceName(source) }));
    return { kind: "series", source, layout: "regional-table", headerRow, series: [], problems: collector.problems, skipped: collector.skipped };
  }
  const { columns, bodyFrom } = columnsOf(grid, headerRow);
  let lastRow = headerRow;
  for (let r = bodyFrom; r < grid.length; r++) {
    const row = grid[r];
    if (isBlankRow(row)) continue;
    if (isFootnote(row) || isMetadata(row)) {
      collector.skip(isFootnote(row) ? "footnote" : "metadata", cellLocation(source, r, 0), cellText(row[0]));
      continue;
    }
    const region = regionName(cellText(row[0]));
    if (region === undefined) {
      collector.skip("unknown-row", cellLocation(source, r, 0), cellText(row[0]));
      continue;
    }
    lastRow = r;
    columns.forEach((column, c) => {
      if (column === undefined) return;
      collector.add(column.match, region, releasePeriod(stated.period, column.match), row[c], cellLocation(source, r, c), column.unit);
    });
  }
  const range = rangeLocation(source, headerRow, 0, lastRow - headerRow + 1, width);
  return { kind: "series", source, layout: "regional-table", headerRow, series: collector.finish(range), problems: collector.problems, skipped: collector.skipped, yearFrom: stated.from };
}
