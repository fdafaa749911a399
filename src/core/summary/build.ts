// Builds the summary sheet of an analysis: title, period and units, where every number came
// from, then the tables (tiers, TOP-N, thresholds, rank groups, entrants and exits, movers,
// series, plans), the bulletin sentences and the data notes, with charts beside their tables.

import { CellRect } from "../a1";
import { Analysis } from "../analyze";
import { Language, problemMessage } from "../messages";
import { narrative } from "../narrative";
import { RankingSummary, spanOfKey } from "../ranking";
import { historyKey, latestRankings, RankingHistory, rankingHistories } from "../ranking-history";
import { Indicator, IndicatorGroup, indicatorName, QUANTITY_GROUP } from "../indicators";
import { nationalRelease } from "../narrative/shared";
import { isNational, rankRegions, RateBasis, releaseOrder } from "../regions";
import { SeriesPoint, SeriesSummary } from "../series";
import { PlanTarget } from "../plan";
import { Maybe } from "../yoy";
import { tierLabel, tiersFromBounds } from "../tiers";
import { ChartModel, CellStyle, SheetModel, SheetValue, StyleRun } from "./model";
import { at, BuiltCell, Cells, FormulaSource, growthOf, isFormulaCell, placeDataRows, readingAt, shownValue, SourceCells, ValueOnlyCell } from "./formulas";
import { DataArea, ListBlock, NationalCandidate, RankingData } from "./data-block";
import { periodLabel } from "../periods";
import { SHEET_LABELS, SheetLabels } from "./labels";

/** Red for increases (the mainland convention, 红涨绿跌) or green for increases. */
export type ColourConvention = "red-up" | "green-up";

export interface SummaryRequest {
  readonly analysis: Analysis;
  readonly language: Language;
  readonly sheetName: string;
  readonly colours: ColourConvention;
  /** "2026-11-22": passed in, because the core never reads the clock. */
  readonly generatedOn: string;
  readonly version: string;
  /** Rows of movers to list (the largest TOP-N by default). */
  readonly moversLimit?: number;
  /**
   * Where the analysis' inputs are in the workbook: given, the figures are live formulas on
   * those cells (#14); absent, the summary holds values only (for sheets sent outside).
   */
  readonly formulaSources?: readonly FormulaSource[];
  /** Hide the rows of the data block below the tables (its title stays, saying so); shown by default. */
  readonly hideData?: boolean;
}

const COLOURS = {
  title: "#1F3864",
  section: "#DDEBF7",
  header: "#F2F2F2",
  rule: "#808080",
  note: "#595959",
  flag: "#FFF2CC",
  tab: "#2F5597",
};

const SECTION_STYLE: CellStyle = { bold: true, fontSize: 12, fill: COLOURS.section };
const CHART_COLUMNS = 8;
const CHART_ROWS = 16;
const MAX_NOTES = 60;

/** Number formats, in Excel's English codes as Office.js takes them. */
function formats(colours: ColourConvention) {
  const [up, down] = colours === "red-up" ? ["[Red]", "[Color10]"] : ["[Color10]", "[Red]"];
  return {
    text: "@",
    general: "General",
    amount: "#,##0.0",
    level: "#,##0",
    count: "0",
    /** Change in companies or places: ▲5 / ▼5. */
    countChange: `${up}▲0;${down}▼0;0`,
    /** Growth rate stored as a fraction: ▲6.0% / ▼30.6%. */
    growth: `${up}▲0.0%;${down}▼0.0%;0.0%`,
    share: "0.0%",
    /** Change in percentage points: ▲2.9 / ▼8.8. */
    points: `${up}▲0.0;${down}▼0.0;0.0`,
    plain: "0.0",
  };
}

type Formats = ReturnType<typeof formats>;

/** Collects rows of cells with their formulas, formats, styles and merges. */
class SheetBuilder {
  readonly values: SheetValue[][] = [];
  /** Same shape as values: the formula of each cell, or null for a constant. */
  readonly formulas: (string | null)[][] = [];
  readonly numberFormats: string[][] = [];
  readonly hiddenRows: { row: number; rowCount: number }[] = [];
  readonly styles: StyleRun[] = [];
  readonly sections: Record<string, CellRect> = {};
  /** Rows of section titles, whose band is drawn across the full width at the end. */
  readonly titleRows: number[] = [];
  /** Sections whose text runs on to the right (long lists): they do not set column widths. */
  readonly overflowing = new Set<string>();
  /** Header rows of tables, whose height fits their wrapped headers. */
  readonly headerRows: number[] = [];

  get row(): number {
    return this.values.length;
  }

  add(cells: readonly BuiltCell[], cellFormats: readonly string[] = [], style?: CellStyle): number {
    const row = this.values.length;
    this.values.push(cells.map(shownValue));
    this.formulas.push(cells.map((c) => (isFormulaCell(c) ? c.formula : null)));
    this.numberFormats.push(cells.map((c, i) => cellFormats[i] ?? (typeof c === "string" ? "@" : "General")));
    if (style !== undefined && cells.length > 0) this.style({ row, column: 0, rowCount: 1, columnCount: cells.length }, style);
    return row;
  }

  blank(): void {
    this.add([]);
  }

  style(rect: CellRect, style: CellStyle): void {
    this.styles.push({ rect, style });
  }

  /** A table: a header row, then rows; records the block as a named section. */
  table(name: string, header: readonly string[], rows: readonly (readonly BuiltCell[])[], rowFormats: readonly string[]): CellRect {
    const top = this.add(header, header.map(() => "@"), { bold: true, fill: COLOURS.header, wrap: true, borderBottom: COLOURS.rule, horizontal: "Center" });
    this.headerRows.push(top);
    this.style({ row: top, column: 0, rowCount: 1, columnCount: 1 }, { horizontal: "Left" });
    for (const r of rows) this.add(r, rowFormats.map((f, i) => (typeof r[i] === "string" ? "@" : f)));
    const rect = { row: top, column: 0, rowCount: rows.length + 1, columnCount: header.length };
    this.sections[name] = rect;
    return rect;
  }

  sectionTitle(text: string): void {
    this.titleRows.push(this.add([text], ["@"]));
  }

  note(text: string): void {
    this.add([text], ["@"], { italic: true, fontColor: COLOURS.note });
  }
}

/** The live side of a summary: how its cells are made, and the lists' data blocks (null: a values-only summary). */
interface Live {
  readonly C: Cells;
  /** The source cells formulas may reference; null for a values-only summary. */
  readonly cells: SourceCells | null;
  readonly data: RankingData | null;
  /** The previous period of the same year a ranking is compared with (ranking-history linkPeriods). */
  readonly before: (r: RankingSummary) => RankingSummary | undefined;
}

/** A block's figures from the first place to the last, for COUNTIFS and SUMIFS. */
function whole(block: ListBlock | undefined): string | undefined {
  return block === undefined || block.length === 0 ? undefined : block.all();
}

/** The criteria of a tier on a range: lower bound inclusive, upper exclusive (tiers.ts inTier). */
function tierCriteria(range: string, min: number, max: number | null): string {
  return `${range},">=${min}"${max === null ? "" : `,${range},"<${max}"`}`;
}

/** A tier's count, sum or mean over a block's figures: COUNTIFS(range, criteria) or SUMIFS/AVERAGEIFS(range, range, criteria). */
function tierFormula(fn: "COUNTIFS" | "SUMIFS" | "AVERAGEIFS", block: ListBlock | undefined, min: number, max: number | null): string | undefined {
  const range = whole(block);
  if (range === undefined) return undefined;
  return `${fn}(${fn === "COUNTIFS" ? "" : `${range},`}${tierCriteria(range, min, max)})`;
}
const tierCount = (block: ListBlock | undefined, min: number, max: number | null) => tierFormula("COUNTIFS", block, min, max);
const tierSum = (block: ListBlock | undefined, min: number, max: number | null) => tierFormula("SUMIFS", block, min, max);
const tierMean = (block: ListBlock | undefined, min: number, max: number | null) => tierFormula("AVERAGEIFS", block, min, max);
/** 百亿企业: every company at or above 100亿 (ranking.ts hundredBillion), the tier count from 100 up. */
const hundredBillionCount = (block: ListBlock | undefined) => tierCount(block, 100, null);
/** SUM of the TOP-n of a block, when it holds them. */
const topSumOf = (block: ListBlock | undefined, n: number) => (block === undefined || n > block.length ? undefined : block.topSum(n));
const thresholdOf = (block: ListBlock | undefined, n: number) => (block === undefined || n > block.length ? undefined : block.nth(n));
const groupMeanOf = (block: ListBlock | undefined, from: number, to: number) => (block === undefined || to > block.length ? undefined : block.groupMean(from, to));

function tierSection(b: SheetBuilder, r: RankingSummary, L: SheetLabels, f: Formats, language: Language, x: Live): { rect: CellRect; chartRows: number } {
  const base = r.shareBaseN ?? 100;
  const span = previousSpan(r, L);
  const { C } = x;
  const { cur, prev } = x.data?.of(r) ?? {};
  const before = x.before(r);
  const earlier = before === undefined ? undefined : x.data?.of(before).cur;
  const header = [L.tier, L.count, L.previousCount, L.countChange, L.tierSum, L.mean, L.previousMean, L.meanYoy, L.shareOfTop(base), ...(span === null ? [] : [L.countChangeVs(span)])];
  const top = b.row;
  const rows: BuiltCell[][] = r.tiers.map((t, i) => {
    const cell = (column: number) => at(column, top + 1 + i);
    const mean = tierMean(cur, t.min, t.max);
    const previousMean = tierMean(prev, t.min, t.max);
    const sumCell = C.use(cell(4), tierSum(cur, t.min, t.max));
    const baseSum = topSumOf(cur, base);
    return [
      language === "zh-CN" ? t.label : t.labelEn,
      C.exact(t.count, tierCount(cur, t.min, t.max)),
      C.exact(t.previousCount, tierCount(prev, t.min, t.max)),
      C.exact(t.countChange, `${cell(1)}-${cell(2)}`),
      C.figure(t.sum, 1, tierSum(cur, t.min, t.max)),
      C.figure(t.mean, 1, mean),
      C.figure(t.previousMean, 1, previousMean),
      C.rate(t.meanYoyPct, growthOf(C.use(cell(5), mean), C.use(cell(6), previousMean))),
      C.rate(t.sharePct, sumCell === undefined || baseSum === undefined ? undefined : `${sumCell}/${baseSum}`),
      ...(span === null ? [] : [C.exact(t.periodCountChange?.change ?? null, earlier === undefined ? undefined : `${cell(1)}-${tierCount(earlier, t.min, t.max)}`)]),
    ];
  });
  const rowFormats = [f.text, f.count, f.count, f.countChange, f.amount, f.amount, f.amount, f.growth, f.share, f.countChange];
  const rect = b.table(sectionName("tiers", r), header, rows, rowFormats);
  if (r.hundredBillionCount !== null) {
    const row = b.row;
    const sinceLast = span === null ? [] : [null, null, null, null, null, C.exact(r.hundredBillionPeriodChange?.change ?? null, earlier === undefined ? undefined : `${at(1, row)}-${hundredBillionCount(earlier)}`)];
    const change = r.previousHundredBillionCount === null ? null : r.hundredBillionCount - r.previousHundredBillionCount;
    b.add(
      [L.hundredBillion, C.exact(r.hundredBillionCount, hundredBillionCount(cur)), C.exact(r.previousHundredBillionCount, hundredBillionCount(prev)), C.exact(change, `${at(1, row)}-${at(2, row)}`), ...sinceLast],
      [f.text, f.count, f.count, f.countChange, f.general, f.general, f.general, f.general, f.general, f.countChange],
    );
    b.style({ row, column: 0, rowCount: 1, columnCount: header.length }, { bold: true, borderTop: COLOURS.rule });
  }
  return { rect, chartRows: r.tiers.length };
}

/** Section names are per metric when a sheet holds a value and an area ranking, and per basis when it names one. */
function sectionName(name: string, r: RankingSummary): string {
  return (r.metric === "salesValue" ? name : `${name}_${r.metric}`) + basisTag(r);
}

/** A basis in table and chart names (ASCII, as Excel names are safest): "" for none or 全口径 alone. */
function basisTag(r: RankingSummary): string {
  const tags: Readonly<Record<string, string>> = { 全口径: "", 权益: "_equity", 操盘: "_managed", 并表: "_consolidated" };
  return r.basis === null ? "" : tags[r.basis] ?? "";
}

/** The months of the previous period of the ranking's year, short ("1—11月"), or null without one. */
function previousSpan(r: RankingSummary, L: SheetLabels): string | null {
  if (r.previousPeriod === null) return null;
  const { fromMonth, toMonth } = spanOfKey(r.previousPeriod);
  return L.spanShort(fromMonth, toMonth);
}

/**
 * One row per period of a metric and basis, oldest first: each TOP-N's YoY (which the line chart
 * beside it draws), its sales, 百亿企业 and the thresholds. Named per metric and basis
 * ("history", "StatDesk_history_salesValue"), so a refresh with a new month's list replaces the
 * table and chart with longer ones.
 */
function historySection(b: SheetBuilder, h: RankingHistory, r: RankingSummary, L: SheetLabels, f: Formats, language: Language, charts: ChartModel[], x: Live): void {
  const ns = r.top.map((t) => t.n);
  const withTiers = h.metric === "salesValue";
  const { C } = x;
  const topOf = (p: RankingSummary, n: number) => p.top.find((t) => t.n === n);
  b.sectionTitle(L.historySection(language === "zh-CN" ? h.unit : L.unitName(h.unit)));
  const top = b.row;
  const rect = b.table(
    sectionName("history", r),
    [L.period, ...ns.map(L.historyYoy), ...ns.map(L.historySum), ...(withTiers ? [L.historyHundredBillion] : []), ...ns.map(L.historyThreshold)],
    h.periods.map((p, i) => {
      const { cur, prev } = x.data?.of(p) ?? {};
      const row = top + 1 + i;
      const sumColumn = (k: number) => 1 + ns.length + k;
      return [
        L.historyPeriod(p.year, p.fromMonth, p.toMonth),
        ...ns.map((n, k) => C.rate(topOf(p, n)?.sumYoyPct ?? null, growthOf(C.use(at(sumColumn(k), row), topSumOf(cur, n)), topSumOf(prev, n)))),
        ...ns.map((n) => C.figure(topOf(p, n)?.sum ?? null, 1, topSumOf(cur, n))),
        ...(withTiers ? [C.exact(p.hundredBillionCount, hundredBillionCount(cur))] : []),
        ...ns.map((n) => C.figure(topOf(p, n)?.threshold ?? null, 1, thresholdOf(cur, n))),
      ];
    }),
    [f.text, ...ns.map(() => f.growth), ...ns.map(() => f.amount), ...(withTiers ? [f.count] : []), ...ns.map(() => f.amount)],
  );
  const basisPart = sectionName("", r).replace(`_${r.metric}`, "");
  // A point per period and TOP-N: labels on every point (48 for a year of months) would overlap.
  charts.push({
    ...chart(`StatDesk_history_${r.metric}${basisPart}`, "LineMarkers", { row: rect.row, column: 0, rowCount: h.periods.length + 1, columnCount: ns.length + 1 }, L.historyChartTitle, L.percent, L.period, "0.0%", rect.row, ns.map(L.topName)),
    dataLabels: false,
  });
  b.blank();
}

/** The ranking's figures: tiers, TOP-N, thresholds, rank groups (charts beside the first two). */
function rankingTables(b: SheetBuilder, r: RankingSummary, L: SheetLabels, f: Formats, language: Language, charts: ChartModel[], x: Live): void {
  const unit = r.unit;
  const { C } = x;
  const { cur, prev } = x.data?.of(r) ?? {};
  const before = x.before(r);
  const earlier = before === undefined ? {} : x.data?.of(before) ?? {};
  if (r.tiers.length > 0) {
    b.sectionTitle(L.tiersSection(L.sectionUnit(unit, r.basis)));
    const { rect, chartRows } = tierSection(b, r, L, f, language, x);
    charts.push(
      chart(`StatDesk_tiers_${r.metric}${basisTag(r)}`, "ColumnClustered", { row: rect.row, column: 0, rowCount: chartRows + 1, columnCount: r.previousYear === null ? 2 : 3 }, L.tierChartTitle(r.year, r.previousYear), L.companies, L.tier, "0", rect.row, yearNames(r, L)),
    );
    b.blank();
  }

  // The YoY against the previous period of the year, in 个百分点 (降幅较1—11月缩窄2.3), where there is one.
  const span = previousSpan(r, L);
  b.sectionTitle(L.topSection(L.sectionUnit(unit, r.basis)));
  const topRow = b.row;
  b.table(
    sectionName("top", r),
    ["TOP-N", L.sum, L.previousSum, L.yoy, L.share, L.previousShare, L.shareChange, ...(span === null ? [] : [L.rateChangeVs(span)])],
    r.top.map((t, i) => {
      const cell = (column: number) => at(column, topRow + 1 + i);
      const sum = topSumOf(cur, t.n);
      const previousSum = topSumOf(prev, t.n);
      const national = x.data?.national(t.sum, t.share);
      const previousNational = x.data?.national(t.previousSum, t.previousShare);
      const share = national === undefined ? undefined : `${C.use(cell(1), sum)}/${national}`;
      const previousShare = previousNational === undefined ? undefined : `${C.use(cell(2), previousSum)}/${previousNational}`;
      const yoy = growthOf(sum, previousSum);
      const earlierYoy = growthOf(topSumOf(earlier.cur, t.n), topSumOf(earlier.prev, t.n));
      return [
        L.topName(t.n),
        C.figure(t.sum, 1, sum),
        C.figure(t.previousSum, 1, previousSum),
        C.rate(t.sumYoyPct, growthOf(C.use(cell(1), sum), C.use(cell(2), previousSum))),
        C.rate(t.share, share),
        C.rate(t.previousShare, previousShare),
        C.figure(t.shareChangePts, 1, share === undefined || previousShare === undefined ? undefined : `(${C.use(cell(4), share)}-${C.use(cell(5), previousShare)})*100`),
        ...(span === null ? [] : [C.rateChange(t.rateChange?.changePts ?? null, t.sumYoyPct, before?.top.find((o) => o.n === t.n)?.sumYoyPct ?? null, yoy, earlierYoy)]),
      ];
    }),
    [f.text, f.amount, f.amount, f.growth, f.share, f.share, f.points, f.points],
  );
  b.blank();

  b.sectionTitle(L.thresholdSection(L.sectionUnit(unit, r.basis)));
  const thresholdRow = b.row;
  const thresholds = b.table(
    sectionName("thresholds", r),
    ["TOP-N", L.threshold, L.previousThreshold, L.yoy, ...(span === null ? [] : [L.rateChangeVs(span)])],
    r.top.map((t, i) => {
      const cell = (column: number) => at(column, thresholdRow + 1 + i);
      const now = thresholdOf(cur, t.n);
      const then = thresholdOf(prev, t.n);
      return [
        L.topName(t.n),
        C.figure(t.threshold, 1, now),
        C.figure(t.previousThreshold, 1, then),
        C.rate(t.thresholdYoyPct, growthOf(C.use(cell(1), now), C.use(cell(2), then))),
        ...(span === null
          ? []
          : [C.rateChange(t.thresholdRateChange?.changePts ?? null, t.thresholdYoyPct, before?.top.find((o) => o.n === t.n)?.thresholdYoyPct ?? null, growthOf(now, then), growthOf(thresholdOf(earlier.cur, t.n), thresholdOf(earlier.prev, t.n)))]),
      ];
    }),
    [f.text, f.amount, f.amount, f.growth, f.points],
  );
  const thresholdChart = chart(`StatDesk_thresholds_${r.metric}${basisTag(r)}`, "ColumnClustered", { row: thresholds.row, column: 0, rowCount: r.top.length + 1, columnCount: r.previousYear === null ? 2 : 3 }, L.thresholdChartTitle, unit, "TOP-N", "#,##0.0", thresholds.row, yearNames(r, L));
  charts.push(
    r.previousYear === null
      ? thresholdChart
      : { ...thresholdChart, secondaryLine: { name: L.yoy, values: { row: thresholds.row + 1, column: 3, rowCount: r.top.length, columnCount: 1 }, numberFormat: "0.0%" } },
  );
  b.blank();

  b.sectionTitle(L.groupsSection(L.sectionUnit(unit, r.basis)));
  const groupRow = b.row;
  b.table(
    sectionName("groups", r),
    [L.rankGroupHeader, L.mean, L.previousMean, L.yoy],
    r.groups.map((g, i) => {
      const mean = groupMeanOf(cur, g.from, g.to);
      const previousMean = groupMeanOf(prev, g.from, g.to);
      return [
        L.rankGroup(g.from, g.to),
        C.figure(g.mean, 1, mean),
        C.figure(g.previousMean, 1, previousMean),
        C.rate(g.meanYoyPct, growthOf(C.use(at(1, groupRow + 1 + i), mean), C.use(at(2, groupRow + 1 + i), previousMean))),
      ];
    }),
    [f.text, f.amount, f.amount, f.growth],
  );
  b.blank();
}

/** The ranking's lists: who entered and left each TOP-N, and every listed company's move. */
function rankingLists(b: SheetBuilder, r: RankingSummary, L: SheetLabels, f: Formats, moversLimit: number, x: Live): void {
  if (r.membership.length > 0) {
    b.sectionTitle(L.membershipSection);
    // One row per list; the names run on to the right over empty cells, as a sentence would.
    const name = sectionName("membership", r);
    b.table(
      name,
      ["TOP-N", "", ""],
      r.membership.flatMap((m) => [
        [L.topName(m.n), L.entrants, m.entrants.join(L.listSeparator) || "—"],
        [L.topName(m.n), L.exits, m.exits.join(L.listSeparator) || "—"],
      ]),
      [f.text, f.text, f.text],
    );
    b.overflowing.add(name);
    b.blank();
  }

  const movers = r.movers.filter((m) => m.rank !== null).slice(0, moversLimit);
  if (movers.length > 0) {
    const { C } = x;
    const { cur, prev } = x.data?.of(r) ?? {};
    b.sectionTitle(L.moversSection(moversLimit));
    const top = b.row;
    b.table(
      sectionName("movers", r),
      [L.enterprise, L.rank, L.previousRank, L.rankChange, L.value, L.previousValue, L.yoy],
      movers.map((m, i) => {
        const cell = (column: number) => at(column, top + 1 + i);
        // The enterprise's row in each year's block (by the name each list wrote; an alias-unified name may not be found, and its figures stay values).
        const here = cur?.placeOf(m.writtenAs?.[0] ?? m.name);
        const there = m.previousRank === null ? undefined : prev?.placeOf(m.writtenAs?.[1] ?? m.name);
        const value = here === undefined ? undefined : cur!.figure(here);
        const previousValue = there === undefined ? undefined : prev!.figure(there);
        return [
          m.name,
          C.exact(m.rank, here === undefined ? undefined : cur!.rank(here)),
          m.previousRank === null ? L.notRanked : C.exact(m.previousRank, there === undefined ? undefined : prev!.rank(there)),
          C.exact(m.rankChange, `${cell(2)}-${cell(1)}`),
          C.figure(m.value, 1, value),
          C.figure(m.previousValue, 1, previousValue),
          C.rate(m.valueYoyPct, growthOf(C.use(cell(4), value), C.use(cell(5), previousValue))),
        ];
      }),
      [f.text, f.count, f.count, f.countChange, f.amount, f.amount, f.growth],
    );
    b.blank();
  }
}

/**
 * The levels of a series by the cell each was read from: the month before's level a single month
 * subtracts. Asked for the month before's own figure, its reading is found whatever the decimals;
 * a figure worked back from the single month (15.82 − 14.59 = 1.2300000000000004) matches no cell.
 */
function levelsByCell(s: SeriesSummary): (location: string | null | undefined) => Maybe {
  const levels = new Map<string, number>();
  for (const q of s.points) if (q.cells?.level != null && q.value !== null) levels.set(q.cells.level, q.value);
  return (location) => (location == null ? null : levels.get(location) ?? null);
}

/** The level read at `location` when subtracting it from `level` gives exactly the single month StatDesk computed, else null. */
function monthBeforeLevel(levelAt: (location: string | null | undefined) => Maybe, location: string | null | undefined, level: Maybe, single: Maybe | undefined): Maybe {
  const before = levelAt(location);
  return before === null || level === null || single === null || single === undefined || level - before !== single ? null : before;
}

/**
 * The formulas of a series point's figures, on its source cells: the level and the year-earlier
 * level, the published rate (as the fraction % shows), the rate computed from the levels and its
 * gap to the published one, and the single months. `row` is the point's row on the summary and
 * `columns` where its level, previous level and rates are, so formulas read the cells beside them;
 * `levelAt` gives the series' levels by cell (levelsByCell).
 */
function pointCells(p: SeriesPoint, row: number, columns: { published: number; computed: number; level: number; previous: number; single?: number }, x: Live, levelAt: (location: string | null | undefined) => Maybe) {
  const { C } = x;
  const cells = p.cells;
  const level = C.read(x.cells, cells?.level, p.value);
  const previous = C.read(x.cells, cells?.previous, p.previous);
  const published = C.readRate(x.cells, cells?.published, p.publishedYoyPct);
  const computed = growthOf(C.use(at(columns.level, row), level, p.value), C.use(at(columns.previous, row), previous, p.previous));
  const gap = computed === undefined || published === undefined ? undefined : `(${C.use(at(columns.computed, row), computed)}-${C.use(at(columns.published, row), published)})*100`;
  const monthBefore = readingAt(x.cells, cells?.monthBefore, monthBeforeLevel(levelAt, cells?.monthBefore, p.value, p.singleMonth));
  const previousMonthBefore = readingAt(x.cells, cells?.previousMonthBefore, monthBeforeLevel(levelAt, cells?.previousMonthBefore, p.previous, p.singleMonthPrevious));
  const single = level === undefined || monthBefore === undefined ? undefined : `${C.use(at(columns.level, row), level)}-${monthBefore}`;
  const singlePrevious = previous === undefined || previousMonthBefore === undefined ? undefined : `${C.use(at(columns.previous, row), previous)}-${previousMonthBefore}`;
  const s = columns.single;
  return {
    level: C.figure(p.value, 0, level),
    previous: C.figure(p.previous, 0, previous),
    published: C.rate(p.publishedYoyPct, published),
    computed: C.rate(p.yoyPct, computed),
    gap: C.figure(p.basisGapPts, 1, gap),
    single: C.figure(p.singleMonth ?? null, 0, single),
    singlePrevious: C.figure(p.singleMonthPrevious ?? null, 0, singlePrevious),
    singleYoy: C.rate(p.singleMonthYoyPct ?? null, s === undefined ? undefined : growthOf(C.use(at(s, row), single), C.use(at(s + 1, row), singlePrevious))),
  };
}

function seriesSection(b: SheetBuilder, s: SeriesSummary, index: number, L: SheetLabels, f: Formats, language: Language, charts: ChartModel[], x: Live): void {
  const name = (language === "zh-CN" ? s.indicator : s.indicatorEn).replace(/^the /, "");
  const title = s.region !== null ? `${s.region} ${name}` : name;
  b.sectionTitle(L.seriesSection(title.charAt(0).toUpperCase() + title.slice(1), L.unitName(s.unit)));
  // Single months (asked for, and derived from year-to-date figures) come after the levels.
  const single = s.points.some((p) => p.singleMonth !== undefined);
  const levelAt = levelsByCell(s);
  const top = b.row;
  const rect = b.table(
    `series_${index}`,
    [L.period, L.publishedYoy, L.computedYoy, L.basisGap, L.level, L.previousLevel, ...(single ? [L.singleMonth, L.singleMonthPrevious, L.singleMonthYoy] : []), L.note],
    s.points.map((p, i) => {
      const c = pointCells(p, top + 1 + i, { published: 1, computed: 2, level: 4, previous: 5, ...(single ? { single: 6 } : {}) }, x, levelAt);
      return [language === "zh-CN" ? p.label : p.labelEn, c.published, c.computed, c.gap, c.level, c.previous, ...(single ? [c.single, c.singlePrevious, c.singleYoy] : []), p.basisFlag ? L.gapFlag : null];
    }),
    // NBS levels are whole 万平方米 and 亿元.
    [f.text, f.growth, f.growth, f.points, f.level, f.level, ...(single ? [f.level, f.level, f.growth] : []), f.text],
  );
  s.points.forEach((p, i) => {
    if (p.basisFlag) b.style({ row: rect.row + 1 + i, column: 0, rowCount: 1, columnCount: rect.columnCount }, { fill: COLOURS.flag });
  });
  if (s.points.some((p) => p.publishedYoyPct !== null || p.yoyPct !== null)) {
    charts.push(chart(`StatDesk_yoy_${index + 1}`, "LineMarkers", { row: rect.row, column: 0, rowCount: s.points.length + 1, columnCount: 3 }, L.seriesChartTitle(title), L.percent, L.period, "0.0%", rect.row, [L.publishedYoy, L.computedYoy]));
  }
  b.blank();
}

const GROUPS: readonly IndicatorGroup[] = ["investment", "construction", "sales", "stock", "funds"];

/** An indicator's name on the sheet: the whole as named, a part under it ("其中：住宅投资", "of which: residential"). */
function indicatorRowName(s: SeriesSummary, year: number, L: SheetLabels, language: Language): string {
  if (language === "zh-CN") {
    const name = indicatorName({ category: s.category, quantity: s.quantity }, "zh-CN", year);
    return s.category === "total" ? name : L.partOf(name);
  }
  // A part is named by itself in English, as a source of funds is ("residential", "domestic loans").
  if (s.category !== "total") return L.partOf(indicatorName({ category: s.category, quantity: "funds" }, "en-US"));
  const name = indicatorName({ category: "total", quantity: s.quantity }, "en-US", year).replace(/^the /, "");
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/**
 * The national release at its latest period, one table per group in the release's order
 * (investment, construction, sales, stock, funds): each row an indicator, the whole before its
 * parts, with the level, the year-earlier level, the published and computed rates and their gap.
 */
function releaseTables(b: SheetBuilder, analysis: Analysis, L: SheetLabels, f: Formats, language: Language, x: Live): void {
  const release = nationalRelease(analysis.series);
  if (release === undefined) return;
  const national = analysis.series.filter(isNational).sort(releaseOrder);
  // Numbered by the groups present, so a table without construction figures reads 一、二、三 with no gap.
  let written = 0;
  for (const group of GROUPS) {
    const seen = new Set<string>();
    const rows: { s: SeriesSummary; p: SeriesPoint }[] = [];
    for (const s of national) {
      const p = s.points.find((x) => x.period === release.period);
      if (QUANTITY_GROUP[s.quantity] !== group || p === undefined || seen.has(s.indicatorId)) continue;
      seen.add(s.indicatorId);
      rows.push({ s, p });
    }
    if (rows.length === 0) continue;
    const first = rows[0].p;
    b.sectionTitle(L.releaseSection(group, language === "zh-CN" ? first.label : first.labelEn, written++));
    const top = b.row;
    const rect = b.table(
      `release_${group}`,
      [L.indicatorHeader, L.unit, L.level, L.previousLevel, L.publishedYoy, L.computedYoy, L.basisGap, L.note],
      rows.map(({ s, p }, i) => {
        const c = pointCells(p, top + 1 + i, { level: 2, previous: 3, published: 4, computed: 5 }, x, levelsByCell(s));
        return [indicatorRowName(s, p.year, L, language), L.unitName(s.unit), c.level, c.previous, c.published, c.computed, c.gap, p.basisFlag ? L.gapFlag : null];
      }),
      [f.text, f.text, f.level, f.level, f.growth, f.growth, f.points, f.text],
    );
    rows.forEach(({ p }, i) => {
      if (p.basisFlag) b.style({ row: rect.row + 1 + i, column: 0, rowCount: 1, columnCount: rect.columnCount }, { fill: COLOURS.flag });
    });
    b.blank();
  }
}

/** An indicator's name standing alone, as in a title: "住宅投资", "Investment in real estate development: residential". */
function indicatorTitle(i: Indicator, year: number, language: Language): string {
  if (language === "zh-CN") return indicatorName(i, "zh-CN", year);
  const whole = indicatorName({ category: "total", quantity: i.quantity }, "en-US", year).replace(/^the /, "");
  const capitalised = whole.charAt(0).toUpperCase() + whole.slice(1);
  return i.category === "total" ? capitalised : `${capitalised}: ${indicatorName({ category: i.category, quantity: "funds" }, "en-US")}`;
}

/** A stable name for an indicator's sheet objects: "total.salesArea" → "total_salesArea". */
function idName(indicatorId: string): string {
  return indicatorId.replace(/[^A-Za-z0-9]/g, "_");
}

/**
 * Per indicator, the regions at their latest period against the nation: the national row first,
 * then the regions ranked (regions.ts rankRegions) with their rate, its basis, level, the
 * nation's rate on the same basis, the gap in 个百分点 and the share of the national level; a
 * bar chart of the rates beside each whole's table ("StatDesk_regions_total_salesArea").
 */
function regionTables(b: SheetBuilder, analysis: Analysis, L: SheetLabels, f: Formats, language: Language, charts: ChartModel[], x: Live): void {
  const { C } = x;
  const ids = [...new Set(analysis.regions.map((r) => r.indicatorId))];
  for (const id of ids) {
    const ofId = analysis.regions.filter((r) => r.indicatorId === id);
    const period = ofId.map((r) => r.period).sort()[ofId.length - 1];
    const ranked = rankRegions(ofId.filter((r) => r.period === period));
    const head = ranked[0];
    const nation = analysis.series.find((s) => isNational(s) && s.indicatorId === id)?.points.find((p) => p.period === period);
    const regionPoint = (region: string) => analysis.series.find((s) => s.indicatorId === id && s.region === region)?.points.find((p) => p.period === period);
    const title = indicatorTitle(head, Number(period.slice(0, 4)), language);
    const label = language === "zh-CN" ? head.label : head.labelEn;
    const basisText = (basis: RateBasis | null): string | null => (basis === null ? null : basis === "published" ? L.basisPublished : L.basisComputed);
    // A rate's formula on its basis: the published cell, or the two levels' growth.
    const rateFormula = (p: SeriesPoint | undefined, basis: RateBasis | null, rate: Maybe): string | undefined => {
      if (p === undefined || rate === null) return undefined;
      if (basis === "published") return C.readRate(x.cells, p.cells?.published, rate);
      return rate === p.yoyPct ? growthOf(C.read(x.cells, p.cells?.level, p.value), C.read(x.cells, p.cells?.previous, p.previous)) : undefined;
    };
    // The section title first: `top` is then the table's header row, and its rows follow it.
    b.sectionTitle(L.regionsSection(title, label, L.unitName(head.unit)));
    const top = b.row;
    const nationRow = top + 1;
    const nationLevel = nation === undefined ? undefined : C.read(x.cells, nation.cells?.level, nation.value);
    const rows: BuiltCell[][] = [];
    if (nation !== undefined) {
      const published = nation.publishedYoyPct !== null;
      const rate = published ? nation.publishedYoyPct : nation.yoyPct;
      const basis: RateBasis | null = rate === null ? null : published ? "published" : "computed";
      rows.push([L.nation, C.rate(rate, rateFormula(nation, basis, rate)), basisText(basis), C.figure(nation.value, 0, nationLevel), null, null, nation.value !== null && nation.value > 0 ? 1 : null]);
    }
    for (const r of ranked) {
      const row = top + 1 + rows.length;
      const p = regionPoint(r.region);
      const level = C.read(x.cells, p?.cells?.level, r.value);
      const rate = rateFormula(p, r.yoyBasis, r.yoyPct);
      const nationalRate = rateFormula(nation, r.nationalYoyBasis, r.nationalYoyPct);
      rows.push([
        L.regionName(r.region),
        C.rate(r.yoyPct, rate),
        basisText(r.yoyBasis),
        C.figure(r.value, 0, level),
        C.rate(r.nationalYoyPct, nationalRate),
        C.rateChange(r.gapPts, r.yoyPct, r.nationalYoyPct, C.use(at(1, row), rate), C.use(at(4, row), nationalRate)),
        C.rate(r.shareOfNationalPct, level === undefined || nationLevel === undefined || nation === undefined ? undefined : `${C.use(at(3, row), level)}/${C.use(at(3, nationRow), nationLevel)}`),
      ]);
    }
    const rect = b.table(
      `regions_${idName(id)}`,
      [L.region, L.yoy, L.rateBasis, L.level, L.nationalYoy, L.gapToNation, L.shareOfNational],
      rows,
      [f.text, f.growth, f.text, f.level, f.growth, f.points, f.share],
    );
    if (head.category === "total" && rows.some((r) => shownValue(r[1]) !== null)) {
      charts.push(chart(`StatDesk_regions_${idName(id)}`, "ColumnClustered", { row: rect.row, column: 0, rowCount: rows.length + 1, columnCount: 2 }, L.regionsChartTitle(title, label), L.percent, L.region, "0.0%", rect.row, [L.yoy]));
    }
    b.blank();
  }
}

function planSection(b: SheetBuilder, targets: readonly PlanTarget[], L: SheetLabels, f: Formats, x: Live): void {
  const { C } = x;
  b.sectionTitle(L.planSection);
  const top = b.row;
  b.table(
    "plan",
    [L.item, L.unit, L.plan, L.actual, L.completion],
    targets.map((t, i) => {
      const row = top + 1 + i;
      const plan = C.read(x.cells, t.planLocation, t.plan);
      const actual = C.read(x.cells, t.location, t.actual);
      // The plan and actual cells hold the figures unrounded, formulas or listed values: completion is computed from them.
      const completion = t.plan === null || t.actual === null ? undefined : `${at(3, row)}/${at(2, row)}`;
      return [t.item, t.unit, C.exact(t.plan, plan), C.exact(t.actual, actual), C.rate(t.completionPct, completion)];
    }),
    [f.text, f.text, "#,##0.##", "#,##0.##", f.share],
  );
  b.blank();
}

/** A chart placed later, once the table's width is known; `anchorRow` is the table's first row. */
function chart(
  name: string,
  kind: ChartModel["kind"],
  source: CellRect,
  title: string,
  valueAxisTitle: string,
  categoryAxisTitle: string,
  numberFormat: string,
  anchorRow: number,
  seriesNames: readonly string[],
): ChartModel {
  return {
    name,
    kind,
    source,
    title,
    valueAxisTitle,
    categoryAxisTitle,
    dataLabels: true,
    numberFormat,
    seriesNames: seriesNames.slice(0, source.columnCount - 1),
    from: { row: anchorRow, column: 0 },
    to: { row: anchorRow, column: 0 },
  };
}

/** Legend names for this year's and last year's columns: "2024年", "2023年". */
function yearNames(r: RankingSummary, L: SheetLabels): string[] {
  return r.previousYear === null ? [L.yearLabel(r.year)] : [L.yearLabel(r.year), L.yearLabel(r.previousYear)];
}

/** Text width in "characters", counting CJK as two, for column widths. */
function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/.test(ch) ? 2 : 1;
  return width;
}

function sourceLines(analysis: Analysis, L: SheetLabels, language: Language): string[] {
  const lines: string[] = [];
  for (const t of analysis.tables) {
    if (t.kind === "ranking") {
      const years = [...new Set(t.lists.map((l) => l.period.year))].sort((a, b) => b - a);
      const yearText = years.map(L.yearLabel).join(L.listSeparator);
      const role = years.length > 1 ? L.roleCurrent : years[0] === analysis.rankings[0]?.year ? L.roleCurrent : L.rolePrevious;
      const range = t.lists[0]?.range ?? "";
      const bracketed = yearText === "" ? "" : language === "zh-CN" ? `（${yearText}）` : ` (${yearText})`;
      lines.push(L.sourceLine(role, `${range}${bracketed}`));
    } else if (t.kind === "series") {
      const range = t.series[0]?.range;
      if (range !== undefined) lines.push(L.sourceLine(L.roleSeries, range));
    } else {
      lines.push(L.sourceLine(L.rolePlan, t.range));
    }
  }
  return lines;
}

/** The period the sheet is about, for its title: the latest ranking, else the latest series point. */
function headlinePeriod(analysis: Analysis, language: Language): { text: string; previous: string | null; year: number | null } {
  const r = analysis.rankings[0];
  if (r !== undefined) {
    const previous = r.previousYear === null ? null : SHEET_LABELS[language].yearLabel(r.previousYear);
    return { text: language === "zh-CN" ? r.period : r.periodEn, previous, year: r.year };
  }
  const points = analysis.series.flatMap((s) => s.points);
  const latest = points.reduce<(typeof points)[number] | undefined>((a, p) => (a === undefined || p.period > a.period ? p : a), undefined);
  if (latest !== undefined) return { text: language === "zh-CN" ? latest.label : latest.labelEn, previous: null, year: latest.year };
  return { text: "", previous: null, year: null };
}

/** The default name of a summary sheet: "汇总_2024" / "Summary_2024". */
export function defaultSheetName(analysis: Analysis, language: Language): string {
  const { year } = headlinePeriod(analysis, language);
  return year === null ? SHEET_LABELS[language].sheetPrefix : `${SHEET_LABELS[language].sheetPrefix}_${year}`;
}

/** The most characters an Excel cell holds. */
export const MAX_CELL_CHARS = 32767;

/**
 * A text cut to what a cell holds, marked with an ellipsis: a pasted name of forty thousand
 * characters would otherwise make Excel refuse the write (or repair the saved file).
 */
function fitCell(value: SheetValue): SheetValue {
  return typeof value === "string" && value.length > MAX_CELL_CHARS ? `${value.slice(0, MAX_CELL_CHARS - 1)}…` : value;
}

/** The national figures a share may have divided by: the ones the person gave, and the nation's sales series read. */
function nationalCandidates(analysis: Analysis, L: SheetLabels): NationalCandidate[] {
  const out: NationalCandidate[] = [];
  const given = analysis.options.nationalTotal;
  if (given?.current != null) out.push({ label: L.data.nationalGiven, value: given.current, location: null });
  if (given?.previous != null) out.push({ label: L.data.nationalGiven, value: given.previous, location: null });
  for (const s of analysis.series) {
    if (!isNational(s) || s.category !== "total" || (s.quantity !== "salesValue" && s.quantity !== "salesArea")) continue;
    for (const p of s.points) {
      if (p.value !== null) out.push({ label: `${s.indicator} ${p.label}`, value: p.value, location: p.cells?.level ?? null });
    }
  }
  return out;
}

/**
 * Below the tables of a live summary: the cells written as values (with where they came from
 * and why), then the data block the formulas reference, its rows placed at last so every
 * formula's data rows can be resolved.
 */
function placeData(b: SheetBuilder, area: DataArea, valueOnly: readonly ValueOnlyCell[], L: SheetLabels, hide: boolean): void {
  const listed = valueOnly.filter((v) => v.location !== "");
  if (valueOnly.length > 0) {
    b.sectionTitle(L.valueOnlySection);
    const top = b.row;
    const rounding = valueOnly.length - listed.length;
    for (const v of listed.slice(0, MAX_NOTES)) b.note(v.reason === "unreadable" ? L.valueOnlyCell(v.location, v.text) : L.valueOnlyRounded(v.location));
    if (listed.length > MAX_NOTES) b.note(L.moreWarnings(listed.length - MAX_NOTES));
    if (rounding > 0) b.note(L.valueOnlyRounding(rounding));
    b.sections.valueOnly = { row: top, column: 0, rowCount: b.row - top, columnCount: 1 };
    b.blank();
  }
  if (area.rows.length === 0) return;
  b.sectionTitle(L.data.section);
  b.note(hide ? L.data.hiddenNote : L.data.note);
  const top = b.row;
  const titles = new Set(area.titleRows);
  const headers = new Set(area.headerRows);
  // The rows in grey, in one style run (a run per row would be an action per enterprise); the
  // blocks' titles and headers over it.
  b.style({ row: top, column: 0, rowCount: Math.max(1, area.rows.length), columnCount: 4 }, { fontColor: COLOURS.note });
  area.rows.forEach((row, i) => {
    if (titles.has(i)) b.add(row, ["@"], { bold: true, fontColor: COLOURS.title });
    else if (headers.has(i)) b.add(row, ["@", "@", "@", "@"], { bold: true, fill: COLOURS.header, borderBottom: COLOURS.rule });
    else b.add(row, ["0", "@", "#,##0.0###", "@"]);
  });
  b.sections.data = { row: top, column: 0, rowCount: Math.max(1, b.row - top), columnCount: 4 };
  if (hide) b.hiddenRows.push({ row: top, rowCount: b.row - top });
  b.overflowing.add("data");
  for (const row of b.formulas) {
    for (let c = 0; c < row.length; c++) {
      const formula = row[c];
      if (formula !== null) row[c] = placeDataRows(formula, top);
    }
  }
}

/** Builds the summary sheet model for an analysis. */
export function buildSummary(request: SummaryRequest): SheetModel {
  const { analysis, language } = request;
  const L = SHEET_LABELS[language];
  const rule = analysis.options.rounding;
  const f = formats(request.colours);
  const b = new SheetBuilder();
  const charts: ChartModel[] = [];
  const live = request.formulaSources !== undefined;
  const C = new Cells(live, rule);
  const cells = live ? new SourceCells(request.formulaSources ?? []) : null;
  const area = cells === null ? null : new DataArea(cells, C.valueOnly, L.data);
  const x: Live = {
    C,
    cells,
    data: area === null ? null : new RankingData(area, analysis.tables, (list) => periodLabel(list.period, language), nationalCandidates(analysis, L)),
    before: (r) => analysis.rankings.find((o) => o.periodKey === r.previousPeriod && historyKey(o) === historyKey(r)),
  };

  const headline = headlinePeriod(analysis, language);
  b.add([L.title(headline.text)], ["@"], { bold: true, fontSize: 16, fontColor: COLOURS.title });
  b.add([L.periodLine(headline.text, headline.previous)], ["@"], { italic: true, fontColor: COLOURS.note });
  b.blank();

  b.sectionTitle(L.provenance);
  const provenanceTop = b.row;
  for (const line of sourceLines(analysis, L, language)) b.note(line);
  if (analysis.rankings.length > 0) {
    const tiers = tiersFromBounds(analysis.options.tierBounds).map((t) => tierLabel(t, "亿元", language)).join(L.listSeparator);
    b.note(L.tierRule(L.presetNames[analysis.options.tierPreset] ?? analysis.options.tierPreset, tiers));
  }
  b.note(L.roundingRule(rule));
  b.note(L.yoyRule);
  if (analysis.series.length > 0) b.note(L.basisRule(String(analysis.options.basisTolerancePts)));
  b.note(L.colourRule(request.colours === "red-up"));
  for (const line of live ? L.formulaRule(rule === "half-even") : [L.valuesRule]) b.note(line);
  // How many figures are values for want of a formula: known once the tables are built, so the
  // line is kept here and filled in at the end.
  const valueOnlyLine = live ? b.row : undefined;
  if (live) b.note("");
  b.note(L.generated(request.generatedOn, request.version));
  b.sections.provenance = { row: provenanceTop, column: 0, rowCount: b.row - provenanceTop, columnCount: 1 };
  b.blank();

  // The sentences first: they are what a reviewer reads, and every figure in them is below.
  const sentences = narrative(analysis, language, rule);
  if (sentences.length > 0) {
    b.sectionTitle(L.narrativeSection);
    const top = b.row;
    for (const s of sentences) b.add([s], ["@"]);
    b.sections.narrative = { row: top, column: 0, rowCount: sentences.length, columnCount: 1 };
    b.blank();
  }

  const moversLimit = request.moversLimit ?? Math.max(...analysis.options.topN, 10);
  // The latest period of each metric and basis in full; its earlier periods in the history table.
  const latest = latestRankings(analysis.rankings);
  const histories = rankingHistories(analysis.rankings);
  for (const r of latest) {
    rankingTables(b, r, L, f, language, charts, x);
    const h = histories.find((x) => x.key === historyKey(r));
    if (h !== undefined && h.periods.length > 1) historySection(b, h, r, L, f, language, charts, x);
  }
  releaseTables(b, analysis, L, f, language, x);
  regionTables(b, analysis, L, f, language, charts, x);
  // History tables: every national series as before; a region's only when it has several periods
  // (its latest one is in the regional table). Names keep the series' index, so refresh replaces them.
  analysis.series.forEach((s, i) => {
    if (isNational(s) || s.points.length > 1) seriesSection(b, s, i, L, f, language, charts, x);
  });
  if (analysis.targets.length > 0) planSection(b, analysis.targets, L, f, x);
  for (const r of latest) rankingLists(b, r, L, f, moversLimit, x);

  const notes = analysis.problems.filter((p) => p.severity !== "info");
  if (notes.length > 0) {
    b.sectionTitle(L.warningsSection);
    b.table(
      "warnings",
      [L.location, L.message],
      notes.slice(0, MAX_NOTES).map((p) => [p.location ?? "", problemMessage(p, language)]),
      ["@", "@"],
    );
    if (notes.length > MAX_NOTES) b.note(L.moreWarnings(notes.length - MAX_NOTES));
  }

  if (area !== null) placeData(b, area, C.valueOnly, L, request.hideData === true);
  if (valueOnlyLine !== undefined) b.values[valueOnlyLine][0] = L.valueOnlyCount(C.valueOnly.length);

  // Square the block: every row as wide as the widest table.
  const width = Math.max(1, ...Object.values(b.sections).map((s) => s.column + s.columnCount));
  const values = b.values.map((row) => [...row, ...Array<SheetValue>(Math.max(0, width - row.length)).fill(null)].slice(0, width).map(fitCell));
  const numberFormats = b.numberFormats.map((row) => [...row, ...Array<string>(Math.max(0, width - row.length)).fill("General")].slice(0, width));
  const formulas = live ? b.formulas.map((row) => [...row, ...Array<string | null>(Math.max(0, width - row.length)).fill(null)].slice(0, width)) : undefined;

  // Charts to the right of the tables, each beside its table and never over the one above.
  let nextFree = 0;
  const placed = charts.map((c) => {
    const top = Math.max(c.from.row, nextFree);
    nextFree = top + CHART_ROWS + 1;
    return { ...c, from: { row: top, column: width + 1 }, to: { row: top + CHART_ROWS - 1, column: width + CHART_COLUMNS } };
  });

  // Widths: the first column fits its labels; the others fit their figures, with headers wrapping
  // onto two lines. Long sentences and lists simply run on to the right.
  const measured = Object.entries(b.sections).filter(([name]) => !b.overflowing.has(name)).map(([, rect]) => rect);
  const columnWidths = Array.from({ length: width }, (_, c) => {
    let chars = c === 0 ? 12 : 9;
    for (const section of measured) {
      if (c >= section.columnCount || section.columnCount === 1) continue;
      chars = Math.max(chars, Math.min(Math.ceil(textWidth(String(values[section.row][c] ?? "")) / 2) + 2, 16));
      for (let r = section.row + 1; r < section.row + section.rowCount; r++) {
        const v = values[r]?.[c];
        const text = typeof v === "number" ? v.toLocaleString("en-US", { maximumFractionDigits: 1 }) + "  " : v ?? "";
        chars = Math.max(chars, Math.min(textWidth(text) + 2, c === 0 ? 30 : 18));
      }
    }
    return Math.round(chars * 6 + 6);
  });
  // Header rows tall enough for their wrapped text (Excel does not grow rows it is given).
  const rowHeights = b.headerRows
    .map((row) => {
      const lines = Math.max(1, ...values[row].map((v, c) => Math.ceil(textWidth(String(v ?? "")) / Math.max(1, (columnWidths[c] - 6) / 6 - 1))));
      return { row, height: Math.min(lines, 3) * 15 };
    })
    .filter((h) => h.height > 15);
  const styles = [...b.titleRows.map((row) => ({ rect: { row, column: 0, rowCount: 1, columnCount: width }, style: SECTION_STYLE })), ...b.styles];

  return {
    name: request.sheetName,
    values,
    numberFormats,
    ...(formulas !== undefined ? { formulas } : {}),
    ...(b.hiddenRows.length > 0 ? { hiddenRows: b.hiddenRows } : {}),
    width,
    styles,
    columnWidths,
    rowHeights,
    freezeRows: 2,
    charts: placed,
    tabColor: COLOURS.tab,
    sections: b.sections,
  };
}
