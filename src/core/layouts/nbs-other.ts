// A data.stats.gov.cn export of indicators StatDesk does not compute (CPI, M2, trade): it is
// recognised by its metadata lines and its header, and refused saying what it holds, instead
// of "no ranking, series or plan table" or a question about a year.

import { cellText, Grid, isBlank } from "../cells";
import { Problem, problem } from "../problems";
import { rangeLocation, sourceName } from "../source";
import { cornerOf, headerPeriod, metadataOf } from "./context";
import { SeriesSource } from "./types";

const SEARCH_ROWS = 40;
/** Indicator names as exports write them, without their unit: "居民消费价格指数(上年同月=100)" → 居民消费价格指数. */
function shortName(text: string): string {
  return text.replace(/[(（][^)）]*[)）]/g, "").replace(/(期末值|当期值|累计值|同比增长|累计增长)$/, "").trim();
}

/** The indicators the export names: its `指标：` line, its header's indicator cells, or its first column. */
function namedIndicators(grid: Grid, headerRow: number): string[] {
  const named = metadataOf(grid, headerRow)["指标"];
  if (named !== undefined && named.trim() !== "") return [shortName(named)];
  const header = grid[headerRow];
  const corner = cornerOf(header[0]);
  const texts =
    corner === "time"
      ? header.slice(1).map(cellText)
      : grid.slice(headerRow + 1).map((row) => cellText(row[0]));
  // 其中 heads the parts of a merged header ("其中(亿元)"): it names no indicator.
  return [...new Set(texts.map(shortName).filter((t) => /[\u4e00-\u9fff]/.test(t) && !/^(注|数据来源)/.test(t) && !/^(其中|合计|小计|总计)$/.test(t)))];
}

/**
 * The refusal for an NBS export without real-estate indicators; undefined for anything else.
 * Called only after every series layout has passed the grid over.
 */
export function refuseOtherNbsExport({ grid, source }: SeriesSource): Problem | undefined {
  const meta = metadataOf(grid, Math.min(grid.length, SEARCH_ROWS));
  for (let r = 0; r < Math.min(grid.length, SEARCH_ROWS); r++) {
    const row = grid[r];
    const corner = cornerOf(row[0]);
    if (corner === undefined) continue;
    const periodsAcross = row.slice(1).some((c) => !isBlank(c) && headerPeriod(c) !== undefined);
    const periodsDown = corner === "time" && grid.slice(r + 1, r + 5).some((next) => headerPeriod(next[0]) !== undefined);
    // An export by its 数据库： line, or by its shape: periods down from 时间, or across from 指标/地区.
    if (!periodsAcross && !periodsDown) continue;
    const names = namedIndicators(grid, r);
    if (names.length === 0) return undefined;
    const shown = names.length > 3 ? `${names.slice(0, 3).join("、")}等${names.length}项` : names.join("、");
    const shownEn = names.length > 3 ? `${names.slice(0, 3).join(", ")} and ${names.length - 3} more` : names.join(", ");
    return problem("nbs-not-real-estate", "error", rangeLocation(source, 0, 0, grid.length, Math.max(1, row.length)), {
      database: meta["数据库"] ?? "",
      // Only a 数据库： line makes it an NBS export; a hand-pasted macro sheet is just a table.
      export: meta["数据库"] !== undefined ? 1 : 0,
      indicators: shown,
      indicatorsEn: shownEn,
      source: sourceName(source),
    });
  }
  return undefined;
}
