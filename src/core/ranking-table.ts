// Finds enterprise ranking tables in a grid as desks' sheets hold them — titles above the
// header, units in headers, merged header cells, text numbers, blank rows, totals rows,
// footnotes, one year per table or two years side by side — and turns each into year lists.

import { CellValue, cellText, Grid, gridWidth, isBlank, isBlankRow, isExcelError, parseNumberCell, MAX_FIGURE } from "./cells";
import { basisIn, ColumnRole, combineHeaderRows, HeaderCell, isRankingHeader, isSubHeader, readHeader } from "./headers";
import { findPeriodInText, parsePeriod, Period, periodOfYear } from "./periods";
import { hasErrors, Problem, problem } from "./problems";
import { cellLocator, rangeLocation, SourceRef, sourceName } from "./source";
import { charSet, enterpriseKey, removeSpaces, toHalfWidth } from "./text";
import { keyIndex } from "./key-index";
import { EntriesBuilder, RankingEntries } from "./ranking-entries";
import { detectUnit, foreignCurrency, Metric, REPORT_UNIT, UnitInfo } from "./units";

/** Number format codes beside a grid (Range.numberFormat), when the reader has them: they tell dates from figures. */
export type NumberFormats = readonly (readonly string[])[];

/** A user's corrections to what was understood, from the task pane's preview. */
export interface TableOverrides {
  /** Zero-based grid row of the header. */
  readonly headerRow?: number;
  /** Column index → role, replacing what the header said. */
  readonly roles?: Readonly<Record<number, ColumnRole>>;
  /** The year, for a one-year table that does not say it anywhere. */
  readonly year?: number;
  /** The unit, for a table that does not say it ("亿元", "万元", "万平方米"…). */
  readonly unit?: string;
}

/** One column as understood. */
export interface ColumnInfo {
  readonly index: number;
  readonly header: string;
  readonly role: ColumnRole;
  readonly period?: Period;
  readonly unit?: string;
  /** 全口径 / 权益 / 操盘 / 并表, when the header names it. */
  readonly basis?: string;
  /** Whether the role came from the user rather than the header. */
  readonly corrected: boolean;
}

export type SkipReason = "blank" | "total" | "footnote" | "repeated-header" | "no-name" | "no-value";

export interface SkippedRow {
  readonly row: number;
  readonly location: string;
  readonly reason: SkipReason;
  readonly text: string;
}

export type { RankingEntries, RankingEntry } from "./ranking-entries";

/** Where a list's year came from, most specific first. */
export type YearSource = "year-column" | "header" | "title" | "sheet" | "file" | "user";

/** One year's ranking list, in its own order (published rank, else value descending). */
export interface RankingList {
  readonly source: string;
  /** The table's cells, e.g. "Sheet1!A2:D113". */
  readonly range: string;
  readonly metric: Metric;
  /** The report unit the values are in. */
  readonly unit: string;
  /** The unit the source was written in. */
  readonly sourceUnit: string;
  readonly period: Period;
  readonly yearSource: YearSource;
  readonly entries: RankingEntries;
  /** Whether the list is one year's column of a wide (two-year) table. */
  readonly wide: boolean;
  /** The basis (口径) its amount column's header or the table's title names, if any. */
  readonly basis: string | null;
  /** Where the grid sits, and its name column: to name an enterprise's cell (aliases, suggestions). */
  readonly sourceRef: SourceRef;
  readonly nameColumn: number;
}

/** A ranking table found in a grid: how it was read, its lists, and what was wrong. */
export interface RankingTable {
  readonly kind: "ranking";
  readonly source: SourceRef;
  readonly title: string;
  readonly headerRow: number;
  readonly headerLines: 1 | 2;
  readonly lastRow: number;
  readonly columns: readonly ColumnInfo[];
  readonly lists: readonly RankingList[];
  readonly keptRows: number;
  readonly skippedRows: readonly SkippedRow[];
  readonly problems: readonly Problem[];
}

const FOOTNOTE = /^(注[:：\s]|注$|注\d|备注[:：]|说明[:：]|数据来源|资料来源|来源[:：]|source[:：\s]|sources[:：]|note[s]?[:：\s]|\*|※)/i;
const TOTAL = /^(合计|总计|小计|总和|共计|汇总|总体|全国|平均|均值|中位数|total|sum|subtotal|grandtotal|average|mean|median|top\d+(合计|总计|均值|平均|total|sum|average|mean)?)$/i;
const HEADER_SCAN_ROWS = 50;
/** Every footnote opening holds one of these characters (before or after folding wide forms). */
const FOOTNOTE_HINT = charSet("注备说数资来sSnN*※ｓＳｎＮ＊");
const TOTAL_HINT = charSet("合总小共汇全平均中前tsamTSAMｔｓａｍＴＳＡＭ");

function rowText(row: readonly CellValue[]): string {
  return row.map(cellText).filter((t) => t !== "").join(" ");
}

function isTotalText(text: string): boolean {
  // Every totals pattern holds one of these characters (before or after folding wide forms and
  // spaces): a name or rank without any, the common case, is answered at once.
  if (!TOTAL_HINT.hasAny(text)) return false;
  const key = removeSpaces(toHalfWidth(text)).replace(/[:：]$/, "");
  return TOTAL.test(key) || /^(top\d+|前\d+名?)(合计|总计|均值|平均|总额)/i.test(key) || /(合计|总计|小计)$/.test(key);
}

function isFootnoteText(text: string): boolean {
  if (!FOOTNOTE_HINT.hasAny(text)) return false; // no footnote word can start this text: the common case
  return FOOTNOTE.test(removeSpaces(toHalfWidth(text)).slice(0, 8) || "");
}

/** The first cell that is not blank, if any. */
function firstFilled(row: readonly CellValue[]): CellValue {
  for (let i = 0; i < row.length; i++) if (!isBlank(row[i])) return row[i];
  return undefined;
}

function parseRank(cell: CellValue): number | null {
  if (typeof cell === "number") return Number.isInteger(cell) && cell > 0 ? cell : null;
  if (typeof cell !== "string") return null;
  const m = /^(?:并列|=)?\s*(\d+)\s*=?$/.exec(toHalfWidth(cell).trim());
  return m ? Number(m[1]) : null;
}

/** The first row at or after `from` that heads a ranking table, within the scan window. */
export function findRankingHeader(grid: Grid, from = 0): number | undefined {
  const end = Math.min(grid.length, from + HEADER_SCAN_ROWS);
  for (let r = from; r < end; r++) if (isRankingHeader(grid[r])) return r;
  return undefined;
}

function resolvePeriod(candidates: readonly [YearSource, Period | undefined][]): [YearSource, Period] | undefined {
  for (const [source, period] of candidates) if (period !== undefined) return [source, period];
  return undefined;
}

/** A row holding one piece of text and nothing else: a title such as "2023年" or "单位：亿元". */
function isTitleRow(row: readonly CellValue[]): boolean {
  const filled = row.filter((c) => !isBlank(c));
  return filled.length === 1 && typeof filled[0] === "string" && !/^[\d,.，．\s%-]+$/.test(filled[0]);
}

/** Where each table starts (its title) and where its header is, for tables stacked on one sheet. */
interface TableBounds {
  readonly titleFrom: number;
  readonly headerRow: number;
  readonly lastRow: number;
}

/**
 * Splits a grid into stacked tables. A header row starts a new table when its text differs from
 * the table above's header or a title sits right above it; an identical header straight after
 * data rows is a page-break repeat and stays inside its table.
 */
function stackedTables(grid: Grid, firstHeader: number): TableBounds[] {
  const starts: { titleFrom: number; headerRow: number }[] = [{ titleFrom: 0, headerRow: firstHeader }];
  const signature = (r: number) => grid[r].map((c) => removeSpaces(cellText(c))).join("|");
  for (let r = firstHeader + 1; r < grid.length; r++) {
    if (!isRankingHeader(grid[r])) continue;
    const previous = starts[starts.length - 1];
    let titleFrom = r;
    while (titleFrom - 1 > previous.headerRow && (isBlankRow(grid[titleFrom - 1]) || isTitleRow(grid[titleFrom - 1]))) titleFrom--;
    const hasTitle = grid.slice(titleFrom, r).some(isTitleRow);
    if (hasTitle || signature(r) !== signature(previous.headerRow)) starts.push({ titleFrom, headerRow: r });
  }
  return starts.map((s, i) => ({ ...s, lastRow: i + 1 < starts.length ? starts[i + 1].titleFrom - 1 : grid.length - 1 }));
}

interface ValueColumn {
  readonly column: ColumnInfo;
  readonly metric: Metric;
  readonly unit: UnitInfo | undefined;
}

/**
 * Reads every ranking table in a grid (tables stacked one under another are read one by one).
 * Returns the tables found; a grid without any ranking header gives none. Overrides apply to
 * the first table (the one a person previewed).
 */
export function readRankingTables(grid: Grid, source: SourceRef, overrides: TableOverrides = {}, formats?: NumberFormats): RankingTable[] {
  const firstHeader = overrides.headerRow ?? findRankingHeader(grid);
  if (firstHeader === undefined || firstHeader >= grid.length) return [];
  if (overrides.headerRow !== undefined) {
    return [readRankingTable(grid, source, firstHeader, overrides, 0, grid.length - 1, formats)];
  }
  return stackedTables(grid, firstHeader).map((b, i) =>
    readRankingTable(grid, source, b.headerRow, i === 0 ? overrides : {}, b.titleFrom, b.lastRow, formats),
  );
}

/**
 * Reads one table whose header is at `headerRow`: rows from `titleFrom` up to the header are its
 * title, rows after the header up to `lastRow` its body.
 */
export function readRankingTable(
  grid: Grid,
  source: SourceRef,
  headerRow: number,
  overrides: TableOverrides = {},
  titleFrom = 0,
  lastRow = grid.length - 1,
  formats?: NumberFormats,
): RankingTable {
  const problems: Problem[] = [];
  const width = gridWidth(grid);
  const headerLines: 1 | 2 = headerRow + 1 < grid.length && isSubHeader(grid[headerRow + 1]) ? 2 : 1;
  const headerTexts = combineHeaderRows(grid, headerRow, headerLines, width);
  const title = grid.slice(titleFrom, headerRow).map(rowText).filter((t) => t !== "").join(" ");
  const titlePeriod = title === "" ? undefined : findPeriodInText(title);
  const titleUnit = title === "" ? undefined : detectUnit(title.replace(/^.*?(单位|unit)/i, "$1"));
  const userUnit = overrides.unit !== undefined ? detectUnit(overrides.unit) : undefined;

  const headerCells: (HeaderCell | undefined)[] = headerTexts.map((header) => readHeader(header));
  const columns: ColumnInfo[] = headerTexts.map((header, index) => {
    const read = headerCells[index];
    const corrected = overrides.roles?.[index];
    const role = corrected ?? read?.role ?? "other";
    return {
      index,
      header,
      role,
      ...(read?.period ? { period: read.period } : {}),
      ...(read?.unit ? { unit: read.unit.unit } : {}),
      ...(read?.basis ? { basis: read.basis } : {}),
      corrected: corrected !== undefined,
    };
  });

  const firstRow = headerRow + headerLines;
  const location = cellLocator(source);
  const nameColumn = columns.find((c) => c.role === "name");
  const yearColumn = columns.find((c) => c.role === "year");
  const rankColumns = columns.filter((c) => c.role === "rank");
  const valueColumns: ValueColumn[] = [];
  // Amounts in a foreign currency (亿港元 in the header, or in the title for a column without a
  // unit) are refused and said so, unless the person set the unit: StatDesk does not convert currencies.
  const titleCurrency = titleUnit === undefined && title !== "" ? foreignCurrency(title) : undefined;
  let refusedCurrency = false;
  for (const c of columns) {
    if (c.role !== "value" && c.role !== "area") continue;
    const metric: Metric = c.role === "value" ? "salesValue" : "salesArea";
    const headerUnit = headerCells[c.index]?.unit;
    const currency = metric === "salesValue" && userUnit === undefined ? foreignCurrency(c.header) ?? (headerUnit === undefined ? titleCurrency : undefined) : undefined;
    if (currency !== undefined) {
      problems.push(problem("unit-unknown", "error", location(headerRow, c.index), { unit: currency, header: c.header }));
      refusedCurrency = true;
      continue;
    }
    const unit = [headerUnit, userUnit, titleUnit].find((u) => u !== undefined && u.metric === metric);
    valueColumns.push({ column: c, metric, unit });
  }

  const emptyTable = (lastRow: number): RankingTable => ({
    kind: "ranking", source, title, headerRow, headerLines, lastRow, columns, lists: [], keptRows: 0, skippedRows: [], problems,
  });
  if (nameColumn === undefined) {
    problems.push(problem("no-name-column", "error", location(headerRow, 0), { header: headerTexts.join(" | ") }));
    return emptyTable(lastRow);
  }
  if (valueColumns.length === 0) {
    if (!refusedCurrency) problems.push(problem("no-value-column", "error", location(headerRow, 0), { header: headerTexts.join(" | ") }));
    return emptyTable(lastRow);
  }

  // Which amount columns to use: one per metric, basis and year. Columns on different bases
  // (全口径, 权益, 操盘, 并表 beside each other, as CRIC publishes them) each give their own list;
  // a second column of the same metric, basis and year (two 销售额 columns) is ambiguous: it is
  // reported and left out.
  const titleBasis = title === "" ? undefined : basisIn(title);
  const used: ValueColumn[] = [];
  for (const vc of valueColumns) {
    const clash = used.find((u) => u.metric === vc.metric && u.column.period?.year === vc.column.period?.year && u.column.basis === vc.column.basis);
    if (clash === undefined) used.push(vc);
    else {
      problems.push(
        problem("several-value-columns", "warning", location(headerRow, vc.column.index), {
          used: clash.column.header,
          ignored: vc.column.header,
        }),
      );
    }
  }

  // Unit per metric: written in a header, the title or by the user; else the report unit, said aloud.
  for (const metric of ["salesValue", "salesArea"] as const) {
    const columnsOfMetric = used.filter((u) => u.metric === metric);
    if (columnsOfMetric.length > 0 && columnsOfMetric.every((u) => u.unit === undefined)) {
      problems.push(
        problem("unit-assumed", "warning", location(headerRow, columnsOfMetric[0].column.index), { unit: REPORT_UNIT[metric] }),
      );
    }
  }

  // The period of each amount column: the header's own, else the table's (title, sheet, file, user).
  const sheetPeriod = source.sheet !== undefined ? findPeriodInText(source.sheet) : undefined;
  const filePeriod = source.file !== undefined ? findPeriodInText(source.file) : undefined;
  // The person's year keeps the months the title or a name writes without one (1-11月 stays 1-11月).
  const userPeriod = overrides.year !== undefined ? periodOfYear(overrides.year, [title, source.sheet, source.file]) : undefined;
  const tablePeriod = resolvePeriod([
    ["user", userPeriod],
    ["title", titlePeriod],
    ["sheet", sheetPeriod],
    ["file", filePeriod],
  ]);
  const wide = yearColumn === undefined && new Set(used.map((u) => u.column.period?.year).filter((y) => y !== undefined)).size > 1;

  // Rank columns: one per year in a wide table ("2024年排名"); a plain 排名 belongs to the latest year.
  // Published ranks belong to the amount column they were published for: a rank naming a basis
  // (权益排名) to that basis' column, a plain one to the year's first column (the one the title's
  // basis names, else the first sales-value column). Every other list is ranked by its own
  // figures, so TOP-N of 权益 is the N largest 权益 figures even in a table sorted by 全口径.
  const latestYear = Math.max(...used.map((u) => u.column.period?.year ?? tablePeriod?.[1].year ?? 0));
  const yearOf = (vc: ValueColumn) => vc.column.period?.year;
  const primaryFor = (year: number | undefined): ValueColumn | undefined => {
    const ofYear = used.filter((u) => yearOf(u) === year || yearOf(u) === undefined);
    return (
      ofYear.find((u) => u.metric === "salesValue" && titleBasis !== undefined && (u.column.basis ?? titleBasis) === titleBasis) ??
      ofYear.find((u) => u.metric === "salesValue") ??
      ofYear[0]
    );
  };
  const rankColumnFor = (vc: ValueColumn, year: number | undefined): ColumnInfo | undefined => {
    const ofYear = rankColumns.filter((c) => c.period?.year === year || (c.period === undefined && (year === undefined || year === latestYear)));
    const basis = vc.column.basis;
    const ownBasis = basis === undefined ? undefined : ofYear.find((c) => c.basis === basis);
    if (ownBasis !== undefined) {
      // The first column of that basis (sales value before area) owns it.
      const owner = used.find((u) => u.column.basis === basis && (yearOf(u) === year || yearOf(u) === undefined) && u.metric === "salesValue") ?? used.find((u) => u.column.basis === basis);
      return owner === vc ? ownBasis : undefined;
    }
    if (primaryFor(year) !== vc) return undefined;
    const plain = ofYear.filter((c) => c.basis === undefined || c.basis === (basis ?? titleBasis));
    return plain.find((c) => c.period?.year === year) ?? plain.find((c) => c.period === undefined);
  };

  // Read the rows.
  // Entries in sheet order, put in the list's order once all rows are read.
  const drafts = new Map<string, DraftList>();
  const skippedRows: SkippedRow[] = [];
  let keptRows = 0;
  let sawFootnote = false;

  // The list a figure goes to; the last one found is remembered, since a period from the header
  // or the table is the same object row after row (a year column makes a new one per row).
  // With it, the list's rank column (a year's own, or the plain 排名 for the latest year).
  type DraftList = { vc: ValueColumn; period: Period; yearSource: YearSource; entries: EntriesBuilder; rankColumn: ColumnInfo | undefined };
  // Remembered per amount column, so that a two-year table's columns do not evict each other.
  const last = new Map<ValueColumn, { period: Period; list: DraftList }>();
  const listFor = (vc: ValueColumn, period: Period, yearSource: YearSource): DraftList => {
    const known = last.get(vc);
    if (known !== undefined && known.period === period) return known.list;
    const id = `${vc.column.index}|${period.year}|${period.fromMonth}-${period.toMonth}`;
    let list = drafts.get(id);
    if (list === undefined) {
      list = { vc, period, yearSource, entries: new EntriesBuilder(vc.column.index), rankColumn: rankColumnFor(vc, period.year) };
      drafts.set(id, list);
    }
    last.set(vc, { period, list });
    return list;
  };
  // The figure cells refused (not a number, a percent, zero or negative): the rectangle holding
  // them is where a list left with no usable rows is refused, so a person lands on those cells.
  let refusedTop = -1;
  let refusedBottom = -1;
  let refusedLeft = Infinity;
  let refusedRight = -1;
  const refused = (r: number, column: number) => {
    if (refusedTop < 0) refusedTop = r;
    refusedBottom = r;
    refusedLeft = Math.min(refusedLeft, column);
    refusedRight = Math.max(refusedRight, column);
  };
  const skip = (r: number, row: readonly CellValue[], reason: SkipReason) =>
    skippedRows.push({ row: r, location: location(r, 0), reason, text: rowText(row).slice(0, 60) });

  for (let r = firstRow; r <= lastRow; r++) {
    const row = grid[r] ?? [];
    if (isBlankRow(row)) {
      skip(r, row, "blank");
      continue;
    }
    if (isRankingHeader(row)) {
      skip(r, row, "repeated-header"); // a page-break repeat (a different header would have started a table)
      continue;
    }
    // A figure is never a footnote or a totals label: only text is looked at (no string per row).
    const first = firstFilled(row);
    const firstText = typeof first === "string" ? first.trim() : "";
    // An Excel error (#N/A from a broken lookup) or TRUE/FALSE where the name should be is no name.
    const nameCell = row[nameColumn.index];
    const name = typeof nameCell === "boolean" || (typeof nameCell === "string" && isExcelError(nameCell)) ? "" : cellText(nameCell);
    if (isFootnoteText(firstText) || (sawFootnote && name === "")) {
      sawFootnote = true;
      skip(r, row, "footnote");
      continue;
    }
    // The name, the first cell and the rank cells, each text tested once (they are often the same).
    let isTotal = isTotalText(name) || (firstText !== name && isTotalText(firstText));
    // Loops rather than .some(): no closure per row over a hundred thousand rows.
    for (let k = 0; !isTotal && k < rankColumns.length; k++) {
      const cell = row[rankColumns[k].index];
      if (typeof cell !== "string") continue;
      const t = cell.trim();
      isTotal = t !== name && t !== firstText && isTotalText(t);
    }
    if (isTotal) {
      skip(r, row, "total");
      continue;
    }
    if (name === "") {
      let hasAnyValue = false;
      for (const u of used) hasAnyValue ||= !isBlank(row[u.column.index]);
      if (hasAnyValue) problems.push(problem("missing-name", "warning", location(r, nameColumn.index), { row: r + 1 }));
      skip(r, row, "no-name");
      continue;
    }

    let kept = false;
    // Indexed: a for…of makes an iterator per row until the engine has compiled the loop.
    for (let u = 0; u < used.length; u++) {
      const vc = used[u];
      let period: Period | undefined;
      let yearSource: YearSource;
      if (yearColumn !== undefined) {
        period = parsePeriod(row[yearColumn.index]);
        yearSource = "year-column";
        if (period === undefined) {
          problems.push(problem("no-year", "warning", location(r, yearColumn.index), { text: cellText(row[yearColumn.index]) }));
          continue;
        }
      } else if (vc.column.period !== undefined) {
        period = vc.column.period;
        yearSource = "header";
      } else if (tablePeriod !== undefined) {
        yearSource = tablePeriod[0];
        period = tablePeriod[1];
      } else {
        continue; // reported once below
      }
      const cell = row[vc.column.index];
      let value: number;
      if (typeof cell === "number" && formats === undefined && cell > 0 && cell <= MAX_FIGURE) {
        // The common case, a positive number with no number format to consult, needs none of the
        // checks below (parseNumberCell would accept it as is): nothing is allocated for it.
        value = cell;
      } else {
        const parsed = parseNumberCell(cell, formats?.[r]?.[vc.column.index]);
        const where = location(r, vc.column.index);
        if (!parsed.ok || parsed.notes.includes("percent") || parsed.value <= 0) refused(r, vc.column.index);
        if (!parsed.ok) {
          // In a wide table a dash or blank means "not ranked that year": said, but quietly.
          const quiet = wide && (parsed.reason === "dash" || parsed.reason === "empty");
          problems.push(
            problem("missing-value", quiet ? "info" : "warning", where, { reason: parsed.reason, text: parsed.text, name, year: period.year }),
          );
          continue;
        }
        if (parsed.notes.includes("percent")) {
          problems.push(problem("percent-in-amount", "warning", where, { text: cellText(cell), name }));
          continue;
        }
        if (parsed.notes.length > 0) {
          problems.push(problem("text-number", "info", where, { text: cellText(cell), value: parsed.value }));
        }
        if (parsed.value <= 0) {
          problems.push(problem("negative-value", "warning", where, { value: parsed.value, name }));
          continue;
        }
        value = parsed.value;
      }
      const factor = vc.unit?.factor ?? 1;
      const target = listFor(vc, period, yearSource);
      const rankColumn = target.rankColumn;
      target.entries.push(name, enterpriseKey(name), value * factor, rankColumn === undefined ? null : parseRank(row[rankColumn.index]), r);
      kept = true;
    }
    if (kept) keptRows++;
    else skip(r, row, "no-value");
  }

  if (yearColumn === undefined && tablePeriod === undefined && used.some((u) => u.column.period === undefined)) {
    problems.push(problem("no-year", "error", location(headerRow, 0), { source: sourceName(source) }));
  }

  const range = rangeLocation(source, headerRow, 0, lastRow - headerRow + 1, Math.max(width, 1));
  const lists: RankingList[] = [];
  const reportedDuplicates = new Set<string>();
  for (const draft of drafts.values()) {
    const entries = draft.entries.finish();
    if (entries.byRank) reportRankOrder(entries, problems, location);
    lists.push({
      source: sourceName(source),
      range,
      metric: draft.vc.metric,
      unit: REPORT_UNIT[draft.vc.metric],
      sourceUnit: draft.vc.unit?.unit ?? REPORT_UNIT[draft.vc.metric],
      period: draft.period,
      yearSource: draft.yearSource,
      entries,
      wide,
      basis: draft.vc.column.basis ?? titleBasis ?? null,
      sourceRef: source,
      nameColumn: nameColumn.index,
    });
    // One table's lists share their name cells: a name twice is said once, not once per basis.
    reportDuplicates(entries, nameColumn.index, problems, location, reportedDuplicates);
  }
  if (lists.length === 0 && !hasErrors(problems)) {
    // At the figure cells when there were figures and none could be used; else at the header.
    if (refusedTop >= 0) {
      const figures = rangeLocation(source, refusedTop, refusedLeft, refusedBottom - refusedTop + 1, refusedRight - refusedLeft + 1);
      problems.push(problem("no-rows", "error", figures, { source: sourceName(source), figures }));
    } else {
      problems.push(problem("no-rows", "error", location(headerRow, 0), { source: sourceName(source) }));
    }
  }
  if (wide) {
    const years = [...new Set(lists.map((l) => l.period.year))].sort((a, b) => a - b);
    if (years.length > 1) {
      problems.push(problem("wide-previous-partial", "info", range, { years: years.join(", ") }));
    }
  }
  const notBlank = skippedRows.filter((s) => s.reason !== "blank" && s.reason !== "no-value" && s.reason !== "no-name");
  if (notBlank.length > 0) {
    problems.push(
      problem("rows-skipped", "info", notBlank[0].location, {
        count: notBlank.length,
        totals: notBlank.filter((s) => s.reason === "total").length,
        footnotes: notBlank.filter((s) => s.reason === "footnote").length,
      }),
    );
  }
  return { kind: "ranking", source, title, headerRow, headerLines, lastRow, columns, lists, keptRows, skippedRows, problems };
}

/** Published ranks that contradict the values (a larger figure ranked lower) are reported once. */
function reportRankOrder(entries: RankingEntries, problems: Problem[], location: (row: number, column: number) => string): void {
  const { values } = entries;
  for (let i = 1; i < entries.length; i++) {
    if (values[i] > values[i - 1] + 1e-9) {
      problems.push(
        problem("rank-order", "warning", location(entries.rows[i], entries.column), {
          name: entries.names[i],
          rank: entries.ranks[i],
          previousName: entries.names[i - 1],
        }),
      );
      return;
    }
  }
}

/**
 * An enterprise twice in one list is said at the later row's name cell, naming both rows' name
 * cells and figure cells (in sheet order; `other` is the earlier figure cell).
 */
function reportDuplicates(
  entries: RankingEntries,
  nameColumn: number,
  problems: Problem[],
  location: (row: number, column: number) => string,
  reported: Set<string> = new Set(),
): void {
  for (const [one, another] of keyIndex(entries).duplicates) {
    const [earlier, later] = entries.rows[one] <= entries.rows[another] ? [one, another] : [another, one];
    const nameCell = location(entries.rows[later], nameColumn);
    const rows = `${entries.rows[earlier]}|${entries.rows[later]}`;
    if (reported.has(rows)) continue;
    reported.add(rows);
    problems.push(
      problem("duplicate-enterprise", "warning", nameCell, {
        name: entries.names[later],
        nameCell,
        otherNameCell: location(entries.rows[earlier], nameColumn),
        figure: location(entries.rows[later], entries.column),
        other: location(entries.rows[earlier], entries.column),
      }),
    );
  }
}
