// The body shared by layouts with periods across the top and one row per indicator or region
// below (the data.stats.gov.cn export, its 分省 variant, hand-made tables): each row is read
// as what the layout says it is, and each period column's cell as that row's figure.

import { cellText, Grid, isBlank, isBlankRow } from "../cells";
import { Indicator, IndicatorMatch, matchIndicator, matchIndicatorUnder } from "../indicators";
import { Period } from "../periods";
import { problem } from "../problems";
import { cellLocation } from "../source";
import { SeriesCollector, periodOfFigure } from "./collect";
import { isFootnote, isMetadata } from "./context";

/** What a body row is: an indicator (for a region or the nation), or a row to pass over. */
export type RowMeaning = { readonly match: IndicatorMatch; readonly region: string | null } | { readonly skip: "not-real-estate" | "unknown-row" };

/**
 * Rows named by their indicator in the first column, parts read under the row above
 * ("  其中：住宅" under 房地产开发投资); `region` for all of them.
 */
export function indicatorRows(region: string | null): (name: string, parent: Indicator | undefined) => RowMeaning {
  return (name, parent) => {
    const match = matchIndicatorUnder(name, parent);
    if (match !== undefined) return { match, region };
    return { skip: /[\u4e00-\u9fff]/.test(name) ? "not-real-estate" : "unknown-row" };
  };
}

/**
 * Reads the rows below `headerRow`: `periods[c]` is column c's period (undefined: not a figure
 * column). `yearToDate` says the table gives flows from January (NBS's rule) even where the
 * indicator's name does not say 累计. Returns the last row read.
 */
export function readAcross(
  grid: Grid,
  headerRow: number,
  periods: readonly (Period | undefined)[],
  collector: SeriesCollector,
  meaningOf: (name: string, parent: Indicator | undefined) => RowMeaning,
  yearToDate: boolean,
): number {
  const source = collector.sourceRef;
  let lastRow = headerRow;
  let parent: Indicator | undefined;
  for (let r = headerRow + 1; r < grid.length; r++) {
    const row = grid[r];
    if (isBlankRow(row)) continue;
    const name = cellText(row[0]);
    if (isFootnote(row)) {
      collector.skip("footnote", cellLocation(source, r, 0), name);
      continue;
    }
    if (isMetadata(row)) {
      collector.skip("metadata", cellLocation(source, r, 0), name);
      continue;
    }
    const meaning = meaningOf(name, parent);
    if ("skip" in meaning) {
      const hasFigures = row.slice(1).some((c) => !isBlank(c));
      if (hasFigures || name.trim() !== "") collector.skip(meaning.skip, cellLocation(source, r, 0), name);
      if (meaning.skip === "not-real-estate" && hasFigures) {
        collector.problems.push(problem("series-not-real-estate", "info", cellLocation(source, r, 0), { name: name.trim() }));
      }
      continue;
    }
    const { match, region } = meaning;
    // A row that names its indicator in full is the whole its parts ("其中：住宅") are read under.
    if (matchIndicator(name) !== undefined) parent = match;
    lastRow = r;
    for (let c = 1; c < row.length; c++) {
      const period = periods[c];
      if (period === undefined) continue;
      if (period.kind === "month" && period.toMonth === 1 && !isBlank(row[c]) && match.measure !== "growth") {
        collector.problems.push(problem("series-january", "warning", cellLocation(source, r, c), { period: `${period.year}年1月` }));
      }
      collector.add(match, region, periodOfFigure(period, match, yearToDate), row[c], cellLocation(source, r, c));
    }
  }
  return lastRow;
}
