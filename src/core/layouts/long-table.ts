// Long tables, one figure per row: `时间 | 指标 | 数值 | 增长` or `时间 | 地区 | 销售面积 | 销售额`, with
// the period per row ("2024年1-12月", "2024-12", a date serial) or a year column beside a month
// one. Months without a year take it from the year column, the title, the sheet, the file or
// the person, and fail at their cell when none says it.

import { CellValue, cellText, Grid, isBlankRow } from "../cells";
import { IndicatorMatch, matchIndicator } from "../indicators";
import { parsePeriod, Period } from "../periods";
import { problem } from "../problems";
import { headerKey } from "../text";
import { cellLocation, rangeLocation, sourceName } from "../source";
import { regionName } from "../regions-names";
import { SeriesReadOptions, SeriesTable } from "../series-table";
import { periodOfFigure, SeriesCollector } from "./collect";
import { contextYear, isFootnote, saysNation, yearlessMonths } from "./context";
import { SeriesSource } from "./types";

type Role = "period" | "year" | "indicator" | "region" | "value" | "growth" | "indicatorColumn";
interface ColumnRole {
  readonly role: Role;
  readonly match?: IndicatorMatch;
}

const PERIOD_HEADER = /^(时间|期间|月份|日期|年月|统计期|报告期|统计时间|period|date|month|time)$/;
const YEAR_HEADER = /^(年份|年度|年|year)$/;
const INDICATOR_HEADER = /^(指标|指标名称|indicator|项目|名称|series)$/;
const REGION_HEADER = /^(地区|省份|省市|城市|区域|region|province|city)$/;
const VALUE_HEADER = /^(数值|值|value|数据|累计值|当期值|本期|本期值|level)/;
const GROWTH_HEADER = /(增长|同比|增速|增幅|growth|yoy)/;

function roleOf(cell: CellValue): ColumnRole | undefined {
  const key = headerKey(cellText(cell)).replace(/[(（][^)）]*[)）]$/, "");
  if (key === "") return undefined;
  if (PERIOD_HEADER.test(key)) return { role: "period" };
  if (YEAR_HEADER.test(key)) return { role: "year" };
  if (INDICATOR_HEADER.test(key)) return { role: "indicator" };
  if (REGION_HEADER.test(key)) return { role: "region" };
  const match = matchIndicator(cellText(cell));
  if (match !== undefined) return { role: "indicatorColumn", match };
  if (GROWTH_HEADER.test(key)) return { role: "growth" };
  if (VALUE_HEADER.test(key)) return { role: "value" };
  return undefined;
}

function findHeader(grid: Grid): { row: number; roles: (ColumnRole | undefined)[] } | undefined {
  for (let r = 0; r < Math.min(grid.length, 40); r++) {
    const roles = grid[r].map(roleOf);
    const has = (role: Role) => roles.some((x) => x?.role === role);
    const timed = has("period") || has("year");
    if (timed && (has("indicatorColumn") || (has("indicator") && (has("value") || has("growth"))))) return { row: r, roles };
  }
  return undefined;
}

export function readLongTable({ grid, source }: SeriesSource, options: SeriesReadOptions): SeriesTable | undefined {
  const header = findHeader(grid);
  if (header === undefined) return undefined;
  const { row: headerRow, roles } = header;
  const at = (role: Role) => roles.findIndex((x) => x?.role === role);
  // With a region column, figures without a region come from its 全国 cells.
  const collector = new SeriesCollector(source, "long-table", at("region") >= 0 || saysNation(grid, headerRow, source));
  const periodColumn = at("period");
  const yearColumn = at("year");
  const indicatorColumn = at("indicator");
  const regionColumn = at("region");
  const valueColumn = at("value");
  const growthColumn = at("growth");
  const valueUnit = valueColumn >= 0 ? cellText(grid[headerRow][valueColumn]) : undefined;
  const fallbackYear = contextYear(grid, headerRow, source, options.year);
  let yearMissingSaid = false;
  let lastRow = headerRow;

  for (let r = headerRow + 1; r < grid.length; r++) {
    const row = grid[r];
    if (isBlankRow(row)) continue;
    if (isFootnote(row)) {
      collector.skip("footnote", cellLocation(source, r, 0), cellText(row[0]));
      continue;
    }
    const yearCell = yearColumn >= 0 ? parsePeriod(row[yearColumn]) : undefined;
    const rowYear = yearCell?.year ?? fallbackYear?.year;
    const periodCell = periodColumn >= 0 ? row[periodColumn] : undefined;
    const period: Period | undefined = periodColumn >= 0 ? (rowYear !== undefined ? parsePeriod(periodCell, rowYear) : parsePeriod(periodCell)) : yearCell;
    const where = Math.max(periodColumn >= 0 ? periodColumn : yearColumn, 0);
    if (period === undefined) {
      if (rowYear === undefined && yearlessMonths(periodCell) !== undefined) {
        if (!yearMissingSaid) {
          collector.problems.push(problem("series-year-missing", "error", cellLocation(source, r, where), { months: cellText(periodCell), source: sourceName(source) }));
          yearMissingSaid = true;
        }
      } else {
        collector.problems.push(problem("series-unknown-period", "warning", cellLocation(source, r, where), { text: cellText(row[where]) }));
      }
      continue;
    }
    lastRow = r;
    const region = regionColumn >= 0 ? (regionName(cellText(row[regionColumn])) ?? null) : null;
    if (indicatorColumn >= 0) {
      const match = matchIndicator(cellText(row[indicatorColumn]));
      if (match === undefined) {
        collector.skip("not-real-estate", cellLocation(source, r, indicatorColumn), cellText(row[indicatorColumn]));
      } else {
        const figurePeriod = periodOfFigure(period, match, false);
        if (valueColumn >= 0) collector.add(match, region, figurePeriod, row[valueColumn], cellLocation(source, r, valueColumn), valueUnit);
        if (growthColumn >= 0) collector.add({ ...match, measure: "growth" }, region, figurePeriod, row[growthColumn], cellLocation(source, r, growthColumn));
      }
    }
    roles.forEach((role, c) => {
      if (role?.role !== "indicatorColumn" || role.match === undefined) return;
      collector.add(role.match, region, periodOfFigure(period, role.match, false), row[c], cellLocation(source, r, c));
    });
  }
  const range = rangeLocation(source, headerRow, 0, lastRow - headerRow + 1, grid[headerRow].length);
  return {
    kind: "series",
    source,
    layout: "long-table",
    headerRow,
    series: collector.finish(range),
    problems: collector.problems,
    skipped: collector.skipped,
    ...(fallbackYear !== undefined ? { yearFrom: fallbackYear.from } : {}),
  };
}
