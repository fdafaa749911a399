// The workbooks the benchmark runs on, as desks have them: ranking lists of N enterprises
// (one sheet per year, or both years side by side) and NBS monthly exports of P months. Names
// and figures are synthetic and deterministic (a seeded generator), never real data.

import { Grid } from "../src/core/cells";
import { AnalysisDefinition } from "../src/run/types";
import { WorkbookModel } from "../src/host/model";
import { columnLetters } from "../src/core/a1";
import { prng } from "../test/fixtures/rankings/synthetic";
import { monthsNewestFirst, NBS_INDICATORS, nbsExportGrid } from "../test/fixtures/nbs/build";
import { oracleExportGrid, oracleMonths } from "../test/fixtures/nbs/oracle";
import { definitionOf, workbookOf } from "../test/fixtures/workbooks";
import { monthlySheets } from "../test/fixtures/rankings/history";
import { regionalTableGrid } from "../test/fixtures/nbs/hand-table";

/** 样本房企000123: realistic length (4 CJK characters and 6 digits, like 碧桂园控股有限公司 in bytes). */
function enterpriseName(i: number): string {
  return `样本房企${String(i).padStart(6, "0")}`;
}

/** Sales in 亿元 with one decimal, falling like published lists (a few thousand at the top, under 10 far down). */
function salesAt(rank: number, scale: number, random: () => number): number {
  const v = (scale / Math.pow(rank, 0.75)) * (0.97 + 0.06 * random());
  return Math.max(0.1, Math.round(v * 10) / 10);
}

interface RankingLists {
  /** [name, sales] ranked, this year and last year. */
  readonly current: readonly (readonly [string, number])[];
  readonly previous: readonly (readonly [string, number])[];
}

/**
 * Two years of an N-enterprise list: last year's order reshuffled a little, about 5% leaving and
 * as many arriving, values recomputed and each list sorted by its own values.
 */
function rankingLists(n: number, seed = 2024): RankingLists {
  const random = prng(seed);
  const previous = Array.from({ length: n }, (_, i) => [enterpriseName(i + 1), salesAt(i + 1, 8000, random)] as [string, number]);
  let next = n + 1;
  const current = previous.map(([name], i) => {
    const stays = random() > 0.05;
    return [stays ? name : enterpriseName(next++), salesAt(Math.max(1, i + 1 + Math.round((random() - 0.5) * 6)), 6000, random)] as [string, number];
  });
  current.sort((a, b) => b[1] - a[1]);
  return { current, previous };
}

/**
 * "two-sheets-text": as "two-sheets" with every figure a text with thousands separators
 * ("1,234.5"), as some exports give them: a live summary then reads them through its data block.
 */
export type RankingLayout = "two-sheets" | "two-sheets-text" | "wide";

export interface Workload {
  readonly workbook: WorkbookModel;
  readonly definition: AnalysisDefinition;
  /** The sheets and cell blocks read, for the naive baseline. */
  readonly sources: readonly { readonly sheet: string; readonly rows: number; readonly columns: number }[];
}

/**
 * A ranking workload. "two-sheets": 2024年 and 2023年, each title + header + N ranked rows
 * (排名 | 企业名称 | 销售额（亿元）), as the China Index Academy lists come. "wide": one sheet,
 * 排名 | 企业名称 | 2024年销售额（亿元） | 2023年销售额（亿元）, N rows, "—" where a company was not
 * listed last year. Sources are addresses as the task pane stores a selection ("'2024年'!A1:C10002").
 */
export function rankingWorkload(n: number, layout: RankingLayout): Workload {
  const { current, previous } = rankingLists(n);
  if (layout === "two-sheets" || layout === "two-sheets-text") {
    const figure = (v: number) => (layout === "two-sheets-text" ? v.toLocaleString("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 }) : v);
    const list = (year: number, rows: RankingLists["current"]): Grid => [
      [`${year}年房地产企业销售额排行榜（单位：亿元）`],
      ["排名", "企业名称", "销售额（亿元）"],
      ...rows.map(([name, v], i) => [i + 1, name, figure(v)]),
    ];
    return {
      workbook: workbookOf({ "2024年": list(2024, current), "2023年": list(2023, previous) }, "bench.xlsx"),
      definition: definitionOf([`'2024年'!A1:C${n + 2}`, `'2023年'!A1:C${n + 2}`], "bench"),
      sources: [
        { sheet: "2024年", rows: n + 2, columns: 3 },
        { sheet: "2023年", rows: n + 2, columns: 3 },
      ],
    };
  }
  const before = new Map(previous);
  const grid: Grid = [
    ["2024年房地产企业销售额排行榜"],
    ["排名", "企业名称", "2024年销售额（亿元）", "2023年销售额（亿元）"],
    ...current.map(([name, v], i) => [i + 1, name, v, before.get(name) ?? "—"]),
  ];
  return { workbook: workbookOf({ 排行榜: grid }, "bench.xlsx"), definition: definitionOf([`排行榜!A1:D${n + 2}`], "bench"), sources: [{ sheet: "排行榜", rows: n + 2, columns: 4 }] };
}

/**
 * The whole NBS release over fifteen years as a data.stats.gov.cn export: the real oracle's 169
 * months (2011-02 … 2026-05) of twelve indicators, levels and published rates (19 rows).
 */
export function releaseWorkload(): Workload {
  const grid = oracleExportGrid(oracleMonths().reverse());
  const columns = Math.max(...grid.map((row) => row.length));
  return {
    workbook: workbookOf({ 月度数据: grid }, "bench.xlsx"),
    definition: definitionOf([`月度数据!A1:${columnLetters(columns - 1)}${grid.length}`], "bench"),
    sources: [{ sheet: "月度数据", rows: grid.length, columns }],
  };
}

/**
 * A data.stats.gov.cn monthly export of P months, newest first from December 2024: metadata
 * rows, "指标 | 2024年12月 | …", six indicator rows (levels and published growth), January
 * empty as NBS publishes it, footnotes.
 */
export function seriesWorkload(periods: number): Workload {
  const random = prng(periods);
  const months = monthsNewestFirst(periods);
  const grid: (string | number)[][] = [["数据库：月度数据"], [`时间：最近${periods}个月`], ["指标", ...months.map((m) => `${m.year}年${m.month}月`)]];
  NBS_INDICATORS.forEach((name, k) => {
    const row: (string | number)[] = [name];
    for (const { year, month } of months) {
      if (month === 1) {
        row.push("");
        continue;
      }
      const annual = (k < 2 ? 100000 : 95000) * (1 + 0.02 * (year - 2000));
      const level = Math.round((annual * month) / 12 * (0.95 + 0.1 * random()));
      row.push(k % 2 === 0 && k < 4 ? level : Math.round((random() * 40 - 20) * 10) / 10);
    }
    grid.push(row);
  });
  grid.push(["注：1.新建商品房销售面积和销售额增速按可比口径计算。2.1-2月数据合并发布。"], ["数据来源：国家统计局（合成数据）"]);
  const columns = periods + 1;
  const lastColumn = columnLetters(columns - 1);
  return { workbook: workbookOf({ 月度数据: grid }, "bench.xlsx"), definition: definitionOf([`月度数据!A1:${lastColumn}${grid.length}`], "bench"), sources: [{ sheet: "月度数据", rows: grid.length, columns }] };
}

/**
 * Find data's workbook (#13): 24 monthly TOP200 lists (2023 and 2024, one sheet each), an NBS
 * export and a regional table. The definition names every sheet's columns, as Find data stores
 * them; Find data itself is given nothing.
 */
export function findWorkload(): Workload {
  const sheets: Record<string, Grid> = { ...monthlySheets(), 国家统计局: nbsExportGrid(), 分地区: regionalTableGrid() };
  const extent = (grid: Grid) => ({ rows: grid.length, columns: Math.max(...grid.map((r) => r.length)) });
  return {
    workbook: workbookOf(sheets, "bench.xlsx"),
    definition: definitionOf(Object.entries(sheets).map(([name, grid]) => `'${name}'!A1:${columnLetters(extent(grid).columns - 1)}${grid.length}`), "bench"),
    sources: Object.entries(sheets).map(([sheet, grid]) => ({ sheet, ...extent(grid) })),
  };
}
