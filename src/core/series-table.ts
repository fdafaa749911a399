// Reads National Bureau of Statistics sales series as they come: data.stats.gov.cn exports
// (metadata rows, periods newest first across the top, one indicator per row, footnotes) and
// long tables (period | indicator or region | value). Levels and published rates are kept apart.

import { CellValue, cellText, Grid, isBlank, isBlankRow, parseNumberCell } from "./cells";
import { Indicator, indicatorId, indicatorName, matchIndicator, Measure, QUANTITY_UNIT } from "./indicators";
import { findPeriodInText, parsePeriod, Period, periodLabel } from "./periods";
import { Problem, problem } from "./problems";
import { cellLocation, rangeLocation, SourceRef, sourceName } from "./source";
import { headerKey } from "./text";
import { detectUnit } from "./units";

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
  readonly indicator: Indicator;
  /** A region or other breakdown from a long table ("北京"), if any. */
  readonly region?: string;
  /** The unit of the levels after conversion (万平方米 or 亿元). */
  readonly unit: string;
  /** Year-to-date figures (NBS monthly releases) rather than figures for the period alone. */
  readonly cumulative: boolean;
  readonly frequency: "month" | "year";
  readonly levels: ReadonlyMap<string, Observation>;
  readonly published: ReadonlyMap<string, Observation>;
}

export interface SeriesTable {
  readonly kind: "series";
  readonly source: SourceRef;
  readonly layout: "nbs" | "long";
  readonly headerRow: number;
  readonly series: readonly RawSeries[];
  readonly problems: readonly Problem[];
}

/**
 * The key of a period in a series: "2024" for a year, "2024-12" for a month (a cumulative
 * figure is keyed by the month it runs to), so that keys sort in time order.
 */
export function seriesKey(p: Period, frequency: "month" | "year"): string {
  return frequency === "year" ? String(p.year) : `${p.year}-${String(p.toMonth).padStart(2, "0")}`;
}

const FOOTNOTE = /^(注|数据来源|资料来源|来源|说明|source|note)/i;
const META = /^(数据库|时间|指标|地区|频度|单位)[:：]/;

interface Draft {
  indicator: Indicator;
  region?: string;
  unitFactor: number;
  cumulative: boolean;
  frequency: "month" | "year";
  levels: Map<string, Observation>;
  published: Map<string, Observation>;
}

function draftKey(i: Indicator, region: string | undefined): string {
  return `${indicatorId(i)}|${region ?? ""}`;
}

/** A period that stands for a year-to-date figure is keyed by its last month; a year by itself. */
function frequencyOf(p: Period): "month" | "year" {
  return p.kind === "year" ? "year" : "month";
}

function addObservation(
  drafts: Map<string, Draft>,
  match: { indicator: Indicator; measure: Measure; unit?: string },
  region: string | undefined,
  period: Period,
  cell: CellValue,
  location: string,
  cumulativeHint: boolean,
  problems: Problem[],
): void {
  const parsed = parseNumberCell(cell);
  if (!parsed.ok) {
    if (parsed.reason !== "empty" && parsed.reason !== "dash") {
      // Named as NBS names the indicator that year (新建商品房销售额 from 2024), not by its internal id.
      const zh = indicatorName(match.indicator, "zh-CN", period.year);
      const en = indicatorName(match.indicator, "en-US", period.year);
      const growth = match.measure === "growth";
      problems.push(
        problem("missing-value", "warning", location, {
          reason: parsed.reason,
          text: parsed.text,
          name: growth ? `${zh}增速` : zh,
          nameEn: growth ? `the growth rate of ${en}` : en,
          year: period.year,
        }),
      );
    }
    return;
  }
  const key = draftKey(match.indicator, region);
  const frequency = frequencyOf(period);
  let draft = drafts.get(key);
  if (draft === undefined) {
    draft = {
      indicator: match.indicator,
      ...(region !== undefined ? { region } : {}),
      unitFactor: 1,
      cumulative: false,
      frequency,
      levels: new Map(),
      published: new Map(),
    };
    drafts.set(key, draft);
  }
  const seriesPeriodKey = seriesKey(period, frequency);
  // A second figure for the same indicator and period (a repeated row, or the indicator twice)
  // would silently replace the first; the first is kept and the second named.
  const figures = match.measure === "growth" ? draft.published : draft.levels;
  const earlier = figures.get(seriesPeriodKey);
  if (earlier !== undefined) {
    problems.push(
      problem("series-value-repeated", "warning", location, {
        indicator: indicatorName(match.indicator, "zh-CN", period.year),
        indicatorEn: indicatorName(match.indicator, "en-US", period.year),
        period: periodLabel(period, "zh-CN"),
        periodEn: periodLabel(period, "en-US"),
        used: earlier.location,
        ignored: location,
      }),
    );
    return;
  }
  if (match.measure === "growth") {
    draft.published.set(seriesPeriodKey, { period, value: parsed.value, location });
    return;
  }
  const unit = match.unit !== undefined ? detectUnit(match.unit) : undefined;
  const factor = unit !== undefined && unit.metric === (match.indicator.quantity === "salesValue" ? "salesValue" : "salesArea") ? unit.factor : 1;
  draft.levels.set(seriesPeriodKey, { period, value: parsed.value * factor, location });
  if (match.measure === "cumulative" || cumulativeHint) draft.cumulative = true;
}

function finish(drafts: Map<string, Draft>, source: SourceRef, range: string): RawSeries[] {
  return [...drafts.values()].map((d) => ({
    source: sourceName(source),
    range,
    indicator: d.indicator,
    ...(d.region !== undefined ? { region: d.region } : {}),
    unit: QUANTITY_UNIT[d.indicator.quantity],
    // A series of published rates alone is as cumulative as NBS releases are.
    cumulative: d.cumulative || (d.levels.size === 0 && d.frequency === "month"),
    frequency: d.frequency,
    levels: d.levels,
    published: d.published,
  }));
}

/** The year a table's title, sheet or file name states, for period labels that carry none ("1-2月"). */
function contextYear(grid: Grid, headerRow: number, source: SourceRef): number | undefined {
  const title = grid.slice(0, headerRow).map((r) => r.map(cellText).join(" ")).join(" ");
  return (findPeriodInText(title) ?? (source.sheet ? findPeriodInText(source.sheet) : undefined) ?? (source.file ? findPeriodInText(source.file) : undefined))
    ?.year;
}

/**
 * The data.stats.gov.cn layout: a header row whose cells after the first are periods
 * ("2024年12月", "2024"), indicator names down the first column.
 */
function findNbsHeader(grid: Grid): number | undefined {
  for (let r = 0; r < Math.min(grid.length, 40); r++) {
    const row = grid[r];
    const periods = row.slice(1).filter((c) => !isBlank(c) && parsePeriod(c) !== undefined).length;
    if (periods >= 1 && (headerKey(cellText(row[0])).startsWith("指标") || headerKey(cellText(row[0])) === "indicator" || periods >= 2)) {
      // at least one indicator row below
      if (grid.slice(r + 1, r + 40).some((next) => matchIndicator(cellText(next[0])) !== undefined)) return r;
    }
  }
  return undefined;
}

function readNbs(grid: Grid, source: SourceRef, headerRow: number): SeriesTable {
  const problems: Problem[] = [];
  const header = grid[headerRow];
  const year = contextYear(grid, headerRow, source);
  // The column each period key was first seen in: a repeated period is read from its first column only.
  const firstColumn = new Map<string, number>();
  const periods: (Period | undefined)[] = header.map((cell, c) => {
    if (c === 0 || isBlank(cell)) return undefined;
    const p = parsePeriod(cell, year);
    if (p === undefined) {
      problems.push(problem("series-unknown-period", "warning", cellLocation(source, headerRow, c), { text: cellText(cell) }));
      return undefined;
    }
    const key = seriesKey(p, frequencyOf(p));
    const first = firstColumn.get(key);
    if (first !== undefined) {
      const ignored = cellLocation(source, headerRow, c);
      problems.push(problem("series-period-repeated", "warning", ignored, { period: cellText(cell), used: cellLocation(source, headerRow, first), ignored }));
      return undefined;
    }
    firstColumn.set(key, c);
    return p;
  });
  const drafts = new Map<string, Draft>();
  let lastRow = headerRow;
  for (let r = headerRow + 1; r < grid.length; r++) {
    const row = grid[r];
    const name = cellText(row[0]);
    if (isBlankRow(row)) continue;
    if (FOOTNOTE.test(name) || META.test(name)) continue;
    const match = matchIndicator(name);
    if (match === undefined) continue;
    lastRow = r;
    for (let c = 1; c < row.length; c++) {
      const period = periods[c];
      if (period === undefined) continue;
      if (period.kind === "month" && period.toMonth === 1 && !isBlank(row[c]) && match.measure !== "growth") {
        problems.push(problem("series-january", "warning", cellLocation(source, r, c), { period: cellText(header[c]) }));
      }
      // An NBS month column of a 累计 indicator holds January to that month.
      const ytd: Period = match.measure === "cumulative" && period.kind === "month" ? { ...period, fromMonth: 1, kind: "ytd" } : period;
      addObservation(drafts, { indicator: match, measure: match.measure, ...(match.unit ? { unit: match.unit } : {}) }, undefined, ytd, row[c], cellLocation(source, r, c), false, problems);
    }
  }
  const width = header.length;
  const range = rangeLocation(source, headerRow, 0, lastRow - headerRow + 1, width);
  if (periods.every((p) => p === undefined)) problems.push(problem("series-no-periods", "error", cellLocation(source, headerRow, 0), { source: sourceName(source) }));
  return { kind: "series", source, layout: "nbs", headerRow, series: finish(drafts, source, range), problems };
}

type LongRole = "period" | "year" | "indicator" | "region" | "value" | "growth" | "indicatorColumn";
const PERIOD_HEADER = /^(时间|期间|月份|日期|年月|统计期|报告期|统计时间|period|date|month|time)$/;
const YEAR_HEADER = /^(年份|年度|年|year)$/;
const INDICATOR_HEADER = /^(指标|指标名称|indicator|项目|名称|series)$/;
const REGION_HEADER = /^(地区|省份|省市|城市|区域|region|province|city)$/;
const VALUE_HEADER = /^(数值|值|value|数据|累计值|当期值|本期|本期值|level)/;
const GROWTH_HEADER = /(增长|同比|增速|增幅|growth|yoy)/;

function longRole(cell: CellValue): { role: LongRole; match?: ReturnType<typeof matchIndicator> } | undefined {
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

function findLongHeader(grid: Grid): { row: number; roles: (ReturnType<typeof longRole>)[] } | undefined {
  for (let r = 0; r < Math.min(grid.length, 40); r++) {
    const roles = grid[r].map(longRole);
    const has = (role: LongRole) => roles.some((x) => x?.role === role);
    const timed = has("period") || has("year");
    if (timed && (has("indicatorColumn") || (has("indicator") && (has("value") || has("growth"))) || (has("region") && has("indicatorColumn")))) {
      return { row: r, roles };
    }
  }
  return undefined;
}

function readLong(grid: Grid, source: SourceRef, headerRow: number, roles: (ReturnType<typeof longRole>)[]): SeriesTable {
  const problems: Problem[] = [];
  const at = (role: LongRole) => roles.findIndex((x) => x?.role === role);
  const periodColumn = at("period");
  const yearColumn = at("year");
  const indicatorColumn = at("indicator");
  const regionColumn = at("region");
  const valueColumn = at("value");
  const growthColumn = at("growth");
  const valueUnit = valueColumn >= 0 ? detectUnit(cellText(grid[headerRow][valueColumn])) : undefined;
  const fallbackYear = contextYear(grid, headerRow, source);
  const drafts = new Map<string, Draft>();
  let lastRow = headerRow;

  for (let r = headerRow + 1; r < grid.length; r++) {
    const row = grid[r];
    if (isBlankRow(row)) continue;
    if (FOOTNOTE.test(cellText(row.find((c) => !isBlank(c))))) continue;
    const yearCell = yearColumn >= 0 ? parsePeriod(row[yearColumn]) : undefined;
    const rowYear = yearCell?.year ?? fallbackYear;
    const period = periodColumn >= 0 ? parsePeriod(row[periodColumn], rowYear) : yearCell;
    if (period === undefined) {
      const where = periodColumn >= 0 ? periodColumn : yearColumn;
      problems.push(problem("series-unknown-period", "warning", cellLocation(source, r, Math.max(where, 0)), { text: cellText(row[Math.max(where, 0)]) }));
      continue;
    }
    lastRow = r;
    const region = regionColumn >= 0 ? cellText(row[regionColumn]) || undefined : undefined;
    const ytdHint = period.kind === "ytd";
    if (indicatorColumn >= 0) {
      const match = matchIndicator(cellText(row[indicatorColumn]));
      if (match === undefined) continue;
      const unit = match.unit ?? valueUnit?.unit;
      if (valueColumn >= 0) {
        const measure = match.measure === "growth" ? "growth" : match.measure;
        addObservation(drafts, { indicator: match, measure, ...(unit ? { unit } : {}) }, region, period, row[valueColumn], cellLocation(source, r, valueColumn), ytdHint, problems);
      }
      if (growthColumn >= 0) {
        addObservation(drafts, { indicator: match, measure: "growth" }, region, period, row[growthColumn], cellLocation(source, r, growthColumn), ytdHint, problems);
      }
    }
    roles.forEach((role, c) => {
      if (role?.role !== "indicatorColumn" || role.match === undefined) return;
      const m = role.match;
      addObservation(drafts, { indicator: m, measure: m.measure, ...(m.unit ? { unit: m.unit } : {}) }, region, period, row[c], cellLocation(source, r, c), ytdHint, problems);
    });
  }
  const range = rangeLocation(source, headerRow, 0, lastRow - headerRow + 1, grid[headerRow].length);
  return { kind: "series", source, layout: "long", headerRow, series: finish(drafts, source, range), problems };
}

/** Reads a series table from a grid, in whichever layout it is; undefined when it is neither. */
export function readSeriesTable(grid: Grid, source: SourceRef): SeriesTable | undefined {
  const nbs = findNbsHeader(grid);
  if (nbs !== undefined) return readNbs(grid, source, nbs);
  const long = findLongHeader(grid);
  if (long !== undefined) return readLong(grid, source, long.row, long.roles);
  return undefined;
}
