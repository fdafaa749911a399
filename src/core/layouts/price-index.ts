// Price-index tables (NBS "70个大中城市商品住宅销售价格变动情况", pasted by hand): cities down the
// rows, 环比 / 同比 / 定基 indices with their bases (上月=100, 上年同月=100). StatDesk computes
// no price indices: such a sheet is named for what it is, not met with "no table found".

import { cellText, Grid } from "../cells";
import { Problem, problem } from "../problems";
import { rangeLocation, sourceName } from "../source";
import { headerKey } from "../text";
import { SeriesSource } from "./types";

const SEARCH_ROWS = 6;
const INDEX_WORD = /^(环比|同比|定基|上月=100|上年同月=100|上年同期=100|上年=100|\d+年=100)$/;
const CITY_WORD = /^(城市|城市名称|地区)$/;

/** The refusal for a price-index table; undefined for anything else. */
export function refusePriceIndexTable({ grid, source }: SeriesSource): Problem | undefined {
  const top: Grid = grid.slice(0, SEARCH_ROWS);
  const words = top.flatMap((row) => row.map((c) => headerKey(cellText(c))));
  const indices = words.filter((w) => INDEX_WORD.test(w)).length;
  if (indices < 2 || !words.some((w) => CITY_WORD.test(w))) return undefined;
  const width = Math.max(1, ...top.map((row) => row.length));
  return problem("price-index-not-ours", "error", rangeLocation(source, 0, 0, grid.length, width), { source: sourceName(source) });
}
