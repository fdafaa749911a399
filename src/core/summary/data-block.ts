// Where a live summary's formulas find a ranking list's figures (#14). A list of plain numbers in
// the report unit is referenced where it is, so a reviewer's Trace Precedents lands on the source
// at once: as one unbroken run in rank order, TOP-N is a plain SUM('2024年'!$C$3:$C$102); with
// text, blanks or dashes among its rows, or in another order than its figures' (a two-year
// table's last-year column), by order-free formulas on its column — COUNTIFS, LARGE and a SUMIF
// above the N-th largest — which ignore the text as StatDesk's reading did. Any other list (text
// numbers, 万元, another number among its rows such as a subtotal, published ranks out of the
// figures' order) gets a block in the data area below the tables, each row an enterprise in rank
// order, its figure a formula on the source cell, so what the reading left out never enters a SUM.

import { quoteSheetName, columnLetters } from "../a1";
import { isExcelError } from "../cells";
import { RankingList } from "../ranking-table";
import { rankAt } from "../ranking-entries";
import { detectUnit } from "../units";
import { BuiltCell, dataRow, figureFormula, SourceCells, ValueOnlyCell } from "./formulas";

/**
 * A list's figures as formulas reach them (data-block rows as [n], resolved once the block is
 * placed). Places are 1-based, in the list's order; every method expects places within the list.
 */
export interface ListBlock {
  readonly length: number;
  /** A range holding every figure of the list and nothing else a numeric criterion counts: for COUNTIFS, SUMIFS, AVERAGEIFS. */
  all(): string;
  /** The sum of the first n figures (TOP-n): "SUM($C$[3]:$C$[12])". */
  topSum(n: number): string;
  /** The n-th figure (the TOP-n threshold). */
  nth(n: number): string;
  /** The mean of places from..to (a rank group). */
  groupMean(from: number, to: number): string;
  /** The figure of the enterprise at a place, its own cell. */
  figure(place: number): string;
  /** The rank shown for a place, when a cell holds it. */
  rank(place: number): string | undefined;
  /** The place of an enterprise by its name in this list, if listed. */
  placeOf(name: string): number | undefined;
}

/** A list held in one run of cells in its order: TOP-N, thresholds and groups are plain SUM, cell and AVERAGE. */
function orderedBlock(length: number, range: (from: number, to: number) => string, cell: (place: number) => string, rank: ListBlock["rank"], placeOf: ListBlock["placeOf"]): ListBlock {
  return {
    length,
    all: () => range(1, length),
    topSum: (n) => `SUM(${range(1, n)})`,
    nth: cell,
    groupMean: (from, to) => `AVERAGE(${range(from, to)})`,
    figure: cell,
    rank,
    placeOf,
  };
}

/** The words a data block is headed with. */
export interface DataBlockLabels {
  /** The note under the section title when the block's rows are hidden: how to show them. */
  readonly hiddenNote: string;
  readonly blockTitle: (range: string, period: string, unit: string) => string;
  readonly header: readonly [string, string, string, string];
  readonly nationalTitle: string;
  readonly nationalHeader: readonly [string, string, string, string];
}

/** Builds the data block: rows of cells, data-relative, with the blocks' places. */
export class DataArea {
  readonly rows: BuiltCell[][] = [];
  /** Rows that head a block (its title) and hold its column names, for styling. */
  readonly titleRows: number[] = [];
  readonly headerRows: number[] = [];
  private readonly blocks = new Map<RankingList, ListBlock>();
  private readonly nationals = new Map<string, string>();

  constructor(
    private readonly cells: SourceCells,
    private readonly valueOnly: ValueOnlyCell[],
    private readonly labels: DataBlockLabels,
  ) {}

  /** Where a list's figures are: in place when they can be, else a block written the first time it is asked for. */
  list(list: RankingList, period: string): ListBlock {
    const known = this.blocks.get(list);
    if (known !== undefined) return known;
    const block = inPlace(list, this.cells) ?? this.block(list, period);
    this.blocks.set(list, block);
    return block;
  }

  private block(list: RankingList, period: string): ListBlock {
    const { entries } = list;
    this.titleRows.push(this.rows.length);
    this.rows.push([this.labels.blockTitle(list.range, period, list.unit)]);
    this.headerRows.push(this.rows.length);
    this.rows.push([...this.labels.header]);
    const first = this.rows.length;
    const factor = detectUnit(list.sourceUnit)?.factor ?? 1;
    const cellAt = this.cells.column(list.sourceRef, entries.column);
    for (let i = 0; i < entries.length; i++) {
      const value = entries.values[i];
      const cell = cellAt?.(entries.rows[i]);
      const formula = cell === undefined ? undefined : figureFormula(cell, factor, value);
      if (cell !== undefined && formula === undefined) this.valueOnly.push({ location: cell.location, text: String(cell.raw ?? ""), reason: "unreadable" });
      // The source cell is named beside a figure written as a value; a formula names its own.
      this.rows.push([rankAt(entries, i), entries.names[i], formula === undefined ? value : { value, formula: `=${formula}` }, formula === undefined ? (cell?.location ?? "") : ""]);
    }
    this.rows.push([]);
    return orderedBlock(
      entries.length,
      (from, to) => `$C$${dataRow(first + from - 1)}:$C$${dataRow(first + to - 1)}`,
      (place) => `$C$${dataRow(first + place - 1)}`,
      (place) => `$A$${dataRow(first + place - 1)}`,
      placeFinder(entries.names),
    );
  }

  /**
   * The national figure a share divides by, as a reference: a formula on its source cell when it
   * came from one, else the figure given (a published input, named by its label).
   */
  national(label: string, value: number, location: string | null): string {
    const key = `${label}|${value}`;
    const known = this.nationals.get(key);
    if (known !== undefined) return known;
    if (this.nationals.size === 0) {
      this.titleRows.push(this.rows.length);
      this.rows.push([this.labels.nationalTitle]);
      this.headerRows.push(this.rows.length);
      this.rows.push([...this.labels.nationalHeader]);
    }
    const cell = this.cells.ofLocation(location);
    const formula = cell === undefined ? undefined : figureFormula(cell, 1, value);
    const row = this.rows.length;
    this.rows.push([null, label, formula === undefined ? value : { value, formula: `=${formula}` }, formula === undefined ? (cell?.location ?? location ?? "") : ""]);
    const ref = `$C$${dataRow(row)}`;
    this.nationals.set(key, ref);
    return ref;
  }
}

/** The place (1-based) of a name in a list, the first one where a name is listed twice; the index made on first use. */
function placeFinder(names: readonly string[]): (name: string) => number | undefined {
  let places: Map<string, number> | undefined;
  return (name) => {
    if (places === undefined) {
      places = new Map();
      for (let i = names.length - 1; i >= 0; i--) places.set(names[i], i + 1);
    }
    return places.get(name);
  };
}

/**
 * The list's figures where they are, when the source can be referenced as it is: every figure a
 * plain number in its own cell equal to what StatDesk read (no unit to convert), in the order of
 * their size (ties aside), and no other number (nor an error) in the column between the first and
 * the last. One unbroken run in sheet order is an ordered block; otherwise the formulas do not
 * depend on the order. Undefined when the list needs the data block.
 */
function inPlace(list: RankingList, cells: SourceCells): ListBlock | undefined {
  const { entries } = list;
  if (entries.length === 0 || (detectUnit(list.sourceUnit)?.factor ?? 1) !== 1) return undefined;
  const input = cells.inputOf(list.sourceRef);
  if (input === undefined) return undefined;
  let top = Infinity;
  let bottom = -1;
  let unbroken = true;
  let bySize = true;
  for (let i = 0; i < entries.length; i++) {
    const row = entries.rows[i];
    const raw = input.grid[row]?.[entries.column];
    if (typeof raw !== "number" || raw !== entries.values[i]) return undefined;
    if (i > 0 && entries.values[i] > entries.values[i - 1]) bySize = false;
    if (i > 0 && row !== entries.rows[i - 1] + 1) unbroken = false;
    top = Math.min(top, row);
    bottom = Math.max(bottom, row);
  }
  // Between the first and last figure, only the list's own numbers: text, blanks and dashes are what COUNTIFS and LARGE pass over.
  let numbers = 0;
  for (let row = top; row <= bottom; row++) {
    const raw = input.grid[row]?.[entries.column];
    if (typeof raw === "number") numbers++;
    else if (typeof raw === "string" && isExcelError(raw)) return undefined; // an error stops LARGE
  }
  if (numbers !== entries.length) return undefined;
  const sheet = quoteSheetName(input.sheet);
  const column = columnLetters(input.source.column + entries.column);
  const cellAt = (gridRow: number) => `${sheet}!$${column}$${input.source.row + gridRow + 1}`;
  const figure = (place: number) => cellAt(entries.rows[place - 1]);
  // The published rank is an input, not a figure: it stays a value where the list is referenced in place.
  const rank = () => undefined;
  const placeOf = placeFinder(entries.names);
  if (unbroken) return orderedBlock(entries.length, (from, to) => `${figure(from)}:$${column}$${input.source.row + entries.rows[to - 1] + 1}`, figure, rank, placeOf);
  // TOP-N is the first N of the list: the order-free formulas take the N largest, the same only in size order.
  if (!bySize) return undefined;
  const all = `${cellAt(top)}:$${column}$${input.source.row + bottom + 1}`;
  // The sum of the n largest, ties included: those above the n-th largest, and the n-th as often as places are left.
  const topSum = (n: number) => (n === 0 ? "0" : `(SUMIF(${all},">"&LARGE(${all},${n}))+LARGE(${all},${n})*(${n}-COUNTIF(${all},">"&LARGE(${all},${n}))))`);
  return {
    length: entries.length,
    all: () => all,
    topSum,
    nth: (n) => `LARGE(${all},${n})`,
    groupMean: (from, to) => `(${topSum(to)}-${topSum(from - 1)})/${to - from + 1}`,
    figure,
    rank,
    placeOf,
  };
}

/** A national figure a share may have divided by: its value and where it was read, if from a cell. */
export interface NationalCandidate {
  readonly label: string;
  readonly value: number;
  readonly location: string | null;
}

/** Finds the data blocks of a ranking summary's lists (this year's and last year's) in the analysis' tables. */
export class RankingData {
  private readonly lists: readonly RankingList[];

  constructor(
    readonly area: DataArea,
    tables: readonly { readonly kind: string; readonly lists?: readonly RankingList[] }[],
    private readonly periodText: (list: RankingList) => string,
    private readonly nationals: readonly NationalCandidate[],
  ) {
    this.lists = tables.flatMap((t) => (t.kind === "ranking" && t.lists !== undefined ? t.lists : []));
  }

  private find(range: string | null, year: number | null, r: Pick<RankingSummaryLike, "metric" | "fromMonth" | "toMonth" | "basis">): RankingList | undefined {
    if (range === null || year === null) return undefined;
    const candidates = this.lists.filter((l) => l.range === range && l.period.year === year && l.metric === r.metric && l.period.fromMonth === r.fromMonth && l.period.toMonth === r.toMonth);
    return candidates.find((l) => l.basis === r.basis) ?? (candidates.length === 1 ? candidates[0] : undefined);
  }

  /** The blocks of this year's and last year's lists of a summary (absent when not found). */
  of(r: RankingSummaryLike): { cur?: ListBlock; prev?: ListBlock } {
    const current = this.find(r.range, r.year, r);
    const previous = this.find(r.previousRange, r.previousYear, r);
    return {
      ...(current !== undefined ? { cur: this.area.list(current, this.periodText(current)) } : {}),
      ...(previous !== undefined ? { prev: this.area.list(previous, this.periodText(previous)) } : {}),
    };
  }

  /**
   * The reference of the national figure a share was computed with: the candidate whose share of
   * `sum` is exactly the share StatDesk computed (the same division), placed in the data block.
   */
  national(sum: number | null, sharePct: number | null): string | undefined {
    if (sum === null || sharePct === null) return undefined;
    const used = this.nationals.find((n) => n.value > 0 && (sum / n.value) * 100 === sharePct);
    return used === undefined ? undefined : this.area.national(used.label, used.value, used.location);
  }
}

/** The fields of a ranking summary the data blocks are found by. */
export interface RankingSummaryLike {
  readonly range: string;
  readonly previousRange: string | null;
  readonly year: number;
  readonly previousYear: number | null;
  readonly metric: string;
  readonly fromMonth: number;
  readonly toMonth: number;
  readonly basis: string | null;
}
