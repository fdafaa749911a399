// Live formulas for the summary's figures (#14): each figure is written as an Excel formula whose
// precedents lead back to the source cells, with StatDesk's own value beside it (the value the
// cell shows before any recalculation). Source cells are reached through a data block on the
// summary sheet whose cells are formulas on the source cells (='2024年'!C5,
// =NUMBERVALUE('2024年'!C5,".",",")*0.0001), in the order the statistics use them; a cell no
// formula can read as StatDesk did (full-width digits, "约3000") is written as its value and
// listed with its address.
//
// Only functions Excel 2019 and LibreOffice both compute are used: SUM, AVERAGE, COUNTIF(S),
// SUMIF(S), AVERAGEIFS, LARGE, ROUND and NUMBERVALUE (Excel 2013; its separator arguments make the reading
// independent of the reader's locale, https://support.microsoft.com/office/numbervalue-function-1b05c8cf-2bfa-4437-af70-596c7ea7d879).

import { columnIndex, columnLetters, quoteSheetName } from "../a1";
import { CellValue, Grid, gridWidth } from "../cells";
import { roundTo, RoundingRule } from "../rounding";
import { locationPrefix, SourceRef } from "../source";
import { UNIT_FACTORS } from "../units";
import { Maybe } from "../yoy";
import { SheetValue } from "./model";

/** Where an input's grid sits in the workbook the summary is written to. */
export interface FormulaSource {
  /** The source as the analysis knows it (its locations are written with this). */
  readonly source: SourceRef;
  /** The workbook sheet its cells are on (a CSV loaded by the command line is a sheet too). */
  readonly sheet: string;
  readonly grid: Grid;
}

/** A figure with the formula that computes it; the value is StatDesk's own, the cell's cached value. */
export interface FormulaCell {
  readonly value: SheetValue;
  readonly formula: string;
}

/** What a summary cell is given as: a constant, or a formula with its value. */
export type BuiltCell = SheetValue | FormulaCell;

export function isFormulaCell(cell: BuiltCell | undefined): cell is FormulaCell {
  return typeof cell === "object" && cell !== null;
}

/** The value a built cell shows. */
export function shownValue(cell: BuiltCell | undefined): SheetValue {
  return cell === undefined ? null : isFormulaCell(cell) ? cell.value : cell;
}

/** One source cell, as a formula reaches it, and what it holds. */
export interface SourceCell {
  /** "'2024年TOP100'!$C$5" */
  readonly ref: string;
  readonly raw: CellValue;
  /** As problems and the provenance block name it ("2024.csv!C5"). */
  readonly location: string;
}

// [n] in a formula stands for the sheet row (1-based) of the data block's row n, known only once
// the tables above it are laid out. Square brackets are never in a sheet name (Excel refuses
// [ and ] there) nor in any formula StatDesk writes, so nothing else can be taken for one.
const DATA_ROW = /\[(\d+)\]/g;

/** The row number text for data row n, resolved when the data block is placed. */
export function dataRow(n: number): string {
  return `[${n}]`;
}

/** Replaces the data rows in a formula by sheet rows, the data block starting at sheet row `top` (0-based). */
export function placeDataRows(formula: string, top: number): string {
  return formula.replace(DATA_ROW, (_, n: string) => String(top + Number(n) + 1));
}

/** The source cells a summary's formulas may reference, found by the analysis' locations. */
export class SourceCells {
  private readonly sources: readonly FormulaSource[];
  /** Each source's width (its longest row), worked out on first use. */
  private readonly widths = new Map<FormulaSource, number>();

  constructor(sources: readonly FormulaSource[]) {
    this.sources = sources;
  }

  private widthOf(s: FormulaSource): number {
    let width = this.widths.get(s);
    if (width === undefined) {
      width = gridWidth(s.grid);
      this.widths.set(s, width);
    }
    return width;
  }

  /** The input whose source is `source` (the same object, or one naming the same place). */
  inputOf(source: SourceRef): FormulaSource | undefined {
    const prefix = locationPrefix(source);
    return this.sources.find((x) => x.source === source) ?? this.sources.find((x) => locationPrefix(x.source) === prefix && x.source.row === source.row && x.source.column === source.column);
  }

  /** The cell a location names ("'NBS'!C17", "nbs.csv!C17"), if it lies in a source's grid. */
  ofLocation(location: string | null | undefined): SourceCell | undefined {
    if (location === null || location === undefined) return undefined;
    for (const s of this.sources) {
      const prefix = locationPrefix(s.source);
      if (!location.startsWith(prefix)) continue;
      const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(location.slice(prefix.length));
      if (m === null) continue;
      const row = Number(m[2]) - 1 - s.source.row;
      const column = columnIndex(m[1]) - s.source.column;
      // Within this grid's rows and columns: two tables side by side on one sheet are two inputs
      // with the same prefix, and the cell is in the one whose columns hold it.
      if (row < 0 || column < 0 || row >= s.grid.length || column >= this.widthOf(s)) continue;
      return cellsOfColumn(s, column)(row);
    }
    return undefined;
  }

  /**
   * The cells of one column of an input, by grid row: the sheet and column parts of their
   * references worked out once, for reading every row of a long list.
   */
  column(source: SourceRef, column: number): ((row: number) => SourceCell) | undefined {
    const s = this.inputOf(source);
    return s === undefined ? undefined : cellsOfColumn(s, column);
  }
}

/** The cells of a grid column by row, as formulas reach them and as locations name them. */
function cellsOfColumn(s: FormulaSource, column: number): (row: number) => SourceCell {
  const letters = columnLetters(s.source.column + column);
  const refPrefix = `${quoteSheetName(s.sheet)}!$${letters}$`;
  const locationPrefixText = `${locationPrefix(s.source)}${letters}`;
  return (row) => {
    const sheetRow = s.source.row + row + 1;
    return { ref: `${refPrefix}${sheetRow}`, raw: s.grid[row]?.[column], location: `${locationPrefixText}${sheetRow}` };
  };
}

// A number as text that NUMBERVALUE reads with "." for decimals and "," for thousands: "1,234.5", "-12".
const PLAIN_TEXT_NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

/**
 * The text NUMBERVALUE sees once it has passed over spaces, which is all it passes over: a
 * no-break space (U+00A0, text pasted from a web page) or a full-width one (U+3000) makes it
 * #VALUE! (LibreOffice; Excel's reference names only spaces), though StatDesk's reading trims them.
 * numberValueText(" 1,234.5 ") // => "1,234.5"; numberValueText("1,234.5\u00a0") // => "1,234.5\u00a0"
 */
function numberValueText(text: string): string {
  return text.replace(/^ +| +$/g, "");
}

/** A factor as a formula writes it: 0.0001, 1E-8, 10. */
function factorText(factor: number): string {
  return String(factor).toUpperCase();
}

/**
 * The formula that gives a source cell's figure as StatDesk read it (in the report unit, times
 * `factor`), or undefined when no plain formula gives exactly `expected` (full-width digits,
 * "约3000", "1234亿元"): the figure is then written as a value.
 * figureFormula({ ref: "'2023年'!$C$5", raw: "1,234.5", … }, 1, 1234.5) // => "NUMBERVALUE('2023年'!$C$5,\".\",\",\")"
 */
export function figureFormula(cell: SourceCell, factor: number, expected: number): string | undefined {
  let base: string;
  let read: number;
  if (typeof cell.raw === "number") {
    base = cell.ref;
    read = cell.raw;
  } else if (typeof cell.raw === "string" && PLAIN_TEXT_NUMBER.test(numberValueText(cell.raw))) {
    base = `NUMBERVALUE(${cell.ref},".",",")`;
    read = Number(numberValueText(cell.raw).replace(/,/g, ""));
  } else {
    return undefined;
  }
  // The same multiplication the reading did, so the formula's result is the very same double.
  const value = factor === 1 ? read : read * factor;
  if (value !== expected) return undefined;
  return factor === 1 ? base : `${base}*${factorText(factor)}`;
}

/** A figure written as a value because no formula reads it: where it came from and what it said. */
export interface ValueOnlyCell {
  readonly location: string;
  readonly text: string;
  readonly reason: "unreadable" | "rounding";
}

/**
 * Makes the summary's cells: formulas with StatDesk's values when `live`, plain values otherwise.
 * Rounding: with GB/T 8170 (half-even) the value shown is rounded once, and a formula gets
 * ROUND(…) where Excel's ROUND (half away from zero) gives the same; where it would not (an
 * exact tie), the figure stays a value and is listed.
 */
export class Cells {
  readonly valueOnly: ValueOnlyCell[] = [];
  private readonly listed = new Set<string>();
  constructor(
    readonly live: boolean,
    readonly rule: RoundingRule,
  ) {}

  /** A figure shown to `decimals`: x as computed, `formula` (without "=") computing it; null stays blank. */
  figure(x: Maybe, decimals: number, formula: string | undefined): BuiltCell {
    if (x === null) return null;
    const shown = this.rule === "half-even" ? roundTo(x, decimals, "half-even") : x;
    if (!this.live || formula === undefined) return shown;
    if (this.rule !== "half-even") return { value: shown, formula: `=${formula}` };
    if (roundTo(x, decimals, "half-away") !== shown) {
      this.valueOnly.push({ location: "", text: String(x), reason: "rounding" });
      return shown;
    }
    return { value: shown, formula: `=ROUND(${formula},${decimals})` };
  }

  /** A rate StatDesk holds in per cent, written as the fraction Excel's % format shows (one decimal); `formula` gives the fraction. */
  rate(pct: Maybe, formula: string | undefined): BuiltCell {
    if (pct === null) return null;
    const shown = this.rule === "half-even" ? roundTo(pct, 1, "half-even") / 100 : pct / 100;
    if (!this.live || formula === undefined) return shown;
    if (this.rule !== "half-even") return { value: shown, formula: `=${formula}` };
    if (roundTo(pct, 1, "half-away") !== roundTo(pct, 1, "half-even")) {
      this.valueOnly.push({ location: "", text: String(pct), reason: "rounding" });
      return shown;
    }
    return { value: shown, formula: `=ROUND((${formula})*100,1)/100` };
  }

  /**
   * What another cell's figure is referenced as: the cell itself, or, when displayed figures are
   * rounded (half-even), the expression behind it, so a rate is computed from unrounded figures
   * as StatDesk computes it.
   */
  use(cell: string, expression: string | undefined, shown?: Maybe): string | undefined {
    if (this.rule === "half-even") return expression === undefined ? undefined : `(${expression})`;
    // Unrounded cells: a figure written as a value (listed with its source) is referenced all the same.
    return expression !== undefined || (shown !== undefined && shown !== null) ? cell : undefined;
  }

  /**
   * The formula reading the figure at a source location as StatDesk read it (readingAt), or
   * undefined; a source cell no formula reads is listed once, with what it says, so the figure
   * written as a value is accounted for.
   */
  read(cells: SourceCells | null, location: string | null | undefined, expected: Maybe): string | undefined {
    const formula = readingAt(cells, location, expected);
    if (formula !== undefined || !this.live || expected === null) return formula;
    const cell = cells?.ofLocation(location);
    if (cell !== undefined && !this.listed.has(cell.location)) {
      this.listed.add(cell.location);
      this.valueOnly.push({ location: cell.location, text: String(cell.raw ?? ""), reason: "unreadable" });
    }
    return undefined;
  }

  /** A published rate (per cent in its cell) as the fraction Excel's % format shows: read(…)/100. */
  readRate(cells: SourceCells | null, location: string | null | undefined, pct: Maybe): string | undefined {
    const reading = this.read(cells, location, pct);
    return reading === undefined ? undefined : `${reading}/100`;
  }

  /**
   * A change of a rate against the previous period's in 个百分点, as desks compute it: both rates
   * rounded to one decimal, subtracted, rounded once more (ranking-history periodRateChange).
   * Under half-even the formula is written only where ROUND gives the same roundings.
   */
  rateChange(changePts: Maybe, rate: Maybe, previousRate: Maybe, rateFormula: string | undefined, previousFormula: string | undefined): BuiltCell {
    if (changePts === null) return null;
    if (!this.live || rateFormula === undefined || previousFormula === undefined || rate === null || previousRate === null) return changePts;
    const same = (x: number) => roundTo(x, 1, "half-away") === roundTo(x, 1, this.rule);
    if (!same(rate) || !same(previousRate) || !same(roundTo(rate, 1, this.rule) - roundTo(previousRate, 1, this.rule))) {
      this.valueOnly.push({ location: "", text: String(changePts), reason: "rounding" });
      return changePts;
    }
    return { value: changePts, formula: `=ROUND(ROUND((${rateFormula})*100,1)-ROUND((${previousFormula})*100,1),1)` };
  }

  /** A figure written as it is, never rounded: a count, a rank, a plan's figures. */
  exact(n: Maybe, formula: string | undefined): BuiltCell {
    if (n === null) return null;
    return this.live && formula !== undefined ? { value: n, formula: `=${formula}` } : n;
  }
}

/** Cell (row, column) as a formula on the same sheet references it: "B7". */
export function at(column: number, row: number): string {
  return `${columnLetters(column)}${row + 1}`;
}

/** `a/b-1`, or undefined when either side is. */
export function growthOf(a: string | undefined, b: string | undefined): string | undefined {
  return a === undefined || b === undefined ? undefined : `${a}/${b}-1`;
}

/** The formula reading the figure at a location as StatDesk read it (`expected`), or undefined. */
export function readingAt(cells: SourceCells | null, location: string | null | undefined, expected: Maybe): string | undefined {
  if (cells === null || expected === null) return undefined;
  const cell = cells.ofLocation(location);
  if (cell === undefined) return undefined;
  // The factor the reading multiplied by (units.ts): the one whose exact product is the figure.
  for (const factor of UNIT_FACTORS) {
    const formula = figureFormula(cell, factor, expected);
    if (formula !== undefined) return formula;
  }
  return undefined;
}
