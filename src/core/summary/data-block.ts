// Where a live summary's formulas find a ranking list's figures (#14). A list whose kept rows are
// one unbroken run of plain numbers in the report unit, in the order the statistics take them, is
// referenced where it is ('2024年'!$C$2:$C$111): a reviewer's Trace Precedents lands on the source
// at once. Any other list (text numbers, 万元, a totals row or a blank line among its rows, a list
// StatDesk re-ordered) gets a block in the data area below the tables, each row an enterprise in
// order (TOP-N = the block's first N rows), its figure a formula on the source cell, so what the
// reading left out never enters a SUM.

import { quoteSheetName, columnLetters } from "../a1";
import { RankingList } from "../ranking-table";
import { rankAt } from "../ranking-entries";
import { detectUnit } from "../units";
import { BuiltCell, dataRow, figureFormula, SourceCells, ValueOnlyCell } from "./formulas";

/** Where a list's rows are in the data block, as formula references (data rows resolved later). */
export interface ListBlock {
  readonly length: number;
  /** "$C$⟦3⟧:$C$⟦12⟧": the figures of places from..to (1-based, inclusive). */
  figures(from: number, to: number): string;
  /** "$C$⟦5⟧": the figure of place i (1-based). */
  figure(place: number): string;
  /** "$A$⟦5⟧": the rank shown for place i, when a cell holds it. */
  rank(place: number): string | undefined;
  /** The place (1-based) of an enterprise by its name in this list, if listed. */
  placeOf(name: string): number | undefined;
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

export const FIGURE_COLUMN = 2;

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
    for (let i = 0; i < entries.length; i++) {
      const value = entries.values[i];
      const cell = this.cells.ofGrid(list.sourceRef, entries.rows[i], entries.column);
      const formula = cell === undefined ? undefined : figureFormula(cell, factor, value);
      if (cell !== undefined && formula === undefined) this.valueOnly.push({ location: cell.location, text: String(cell.raw ?? ""), reason: "unreadable" });
      // The source cell is named beside a figure written as a value; a formula names its own.
      this.rows.push([rankAt(entries, i), entries.names[i], formula === undefined ? value : { value, formula: `=${formula}` }, formula === undefined ? (cell?.location ?? "") : ""]);
    }
    this.rows.push([]);
    return {
      length: entries.length,
      figures: (from, to) => `$C$${dataRow(first + from - 1)}:$C$${dataRow(first + to - 1)}`,
      figure: (place) => `$C$${dataRow(first + place - 1)}`,
      rank: (place) => `$A$${dataRow(first + place - 1)}`,
      placeOf: placeFinder(entries.names),
    };
  }

  /**
   * The national figure a share divides by, as a reference: a formula on its source cell when it
   * came from one, else the figure given (a published input, named by its label).
   */
  national(label: string, value: number, location: string | null, factorFree = true): string {
    const key = `${label}|${value}`;
    const known = this.nationals.get(key);
    if (known !== undefined) return known;
    if (this.nationals.size === 0) {
      this.titleRows.push(this.rows.length);
      this.rows.push([this.labels.nationalTitle]);
      this.headerRows.push(this.rows.length);
      this.rows.push([...this.labels.nationalHeader]);
    }
    const cell = factorFree ? this.cells.ofLocation(location) : undefined;
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
 * The list's figures where they are, when the source can be referenced as it is: every kept row
 * one after the other in one column, each a plain number equal to the figure StatDesk read (no
 * unit to convert). Undefined otherwise.
 */
function inPlace(list: RankingList, cells: SourceCells): ListBlock | undefined {
  const { entries } = list;
  if (entries.length === 0 || (detectUnit(list.sourceUnit)?.factor ?? 1) !== 1) return undefined;
  const input = cells.inputOf(list.sourceRef);
  if (input === undefined) return undefined;
  const firstRow = entries.rows[0];
  for (let i = 0; i < entries.length; i++) {
    if (entries.rows[i] !== firstRow + i) return undefined;
    const raw = input.grid[firstRow + i]?.[entries.column];
    if (typeof raw !== "number" || raw !== entries.values[i]) return undefined;
  }
  const sheet = quoteSheetName(input.sheet);
  const column = columnLetters(input.source.column + entries.column);
  // Sheet row (1-based) of place i.
  const rowOf = (place: number) => input.source.row + firstRow + place;
  return {
    length: entries.length,
    figures: (from, to) => `${sheet}!$${column}$${rowOf(from)}:$${column}$${rowOf(to)}`,
    figure: (place) => `${sheet}!$${column}$${rowOf(place)}`,
    // The published rank is an input, not a figure: it stays a value where the list is referenced in place.
    rank: () => undefined,
    placeOf: placeFinder(entries.names),
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
