// Hand-made tables of NBS figures whose header gives months without a year: the bare numbers
// 12, 11, … 2 (housing_sales.xlsx), "12月", "1-2月", "1—6月". The year is taken from the title
// rows, the sheet name or the file name when one says it, or from the person; otherwise the
// reading fails at the first month cell and says how to give the year. It is never guessed.
// Flows are year to date, as NBS publishes them (2 stands for 1—2月); stock is the month's end.

import { cellText, Grid, isBlank } from "../cells";
import { matchIndicator, matchPart } from "../indicators";
import { Period } from "../periods";
import { problem } from "../problems";
import { cellLocation, rangeLocation, sourceName } from "../source";
import { SeriesReadOptions, SeriesTable } from "../series-table";
import { SeriesCollector } from "./collect";
import { contextYear, Months, yearlessMonths, saysNation } from "./context";
import { headerPeriods } from "./nbs-export";
import { indicatorRows, readAcross } from "./across";
import { SeriesSource } from "./types";

const SEARCH_ROWS = 40;

/** A header of months without a year: at least two such cells, distinct, and an indicator below. */
function findHeader(grid: Grid): number | undefined {
  for (let r = 0; r < Math.min(grid.length, SEARCH_ROWS); r++) {
    const row = grid[r];
    if (matchIndicator(cellText(row[0])) !== undefined || matchPart(cellText(row[0])) !== undefined) continue;
    const seen = new Set<string>();
    let others = 0;
    for (let c = 1; c < row.length; c++) {
      if (isBlank(row[c])) continue;
      const m = yearlessMonths(row[c]);
      if (m === undefined) others++;
      else seen.add(`${m.fromMonth}-${m.toMonth}`);
    }
    if (seen.size < 2 || others > 0) continue;
    if (grid.slice(r + 1, r + SEARCH_ROWS).some((next) => matchIndicator(cellText(next[0])) !== undefined)) return r;
  }
  return undefined;
}

function periodOf(m: Months, year: number): Period {
  if (m.fromMonth === m.toMonth) return { year, fromMonth: m.fromMonth, toMonth: m.toMonth, kind: "month" };
  return { year, fromMonth: m.fromMonth, toMonth: m.toMonth, kind: m.fromMonth === 1 ? "ytd" : "month" };
}

export function readHandTable({ grid, source }: SeriesSource, options: SeriesReadOptions): SeriesTable | undefined {
  const headerRow = findHeader(grid);
  if (headerRow === undefined) return undefined;
  const collector = new SeriesCollector(source, "hand-table", saysNation(grid, headerRow, source));
  const header = grid[headerRow];
  const firstMonth = header.findIndex((cell, c) => c > 0 && !isBlank(cell));
  const year = contextYear(grid, headerRow, source, options.year);
  if (year === undefined) {
    const months = header.slice(1).filter((c) => !isBlank(c)).map(cellText);
    collector.problems.push(
      problem("series-year-missing", "error", cellLocation(source, headerRow, firstMonth), {
        months: months.length > 4 ? `${months.slice(0, 3).join(", ")}, …, ${months[months.length - 1]}` : months.join(", "),
        source: sourceName(source),
      }),
    );
    return { kind: "series", source, layout: "hand-table", headerRow, series: [], problems: collector.problems, skipped: collector.skipped };
  }
  const periods = headerPeriods(grid, headerRow, collector, (cell) => {
    const m = yearlessMonths(cell);
    return m === undefined ? undefined : periodOf(m, year.year);
  });
  const lastRow = readAcross(grid, headerRow, periods, collector, indicatorRows(null), true);
  return {
    kind: "series",
    source,
    layout: "hand-table",
    headerRow,
    series: collector.finish(rangeLocation(source, headerRow, 0, lastRow - headerRow + 1, header.length)),
    problems: collector.problems,
    skipped: collector.skipped,
    yearFrom: year.from,
  };
}
