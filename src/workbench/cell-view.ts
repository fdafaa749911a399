// How each cell of a window looks, as Excel draws it: display text from the number format, the
// font, fill, alignment (General: numbers right, text left, TRUE/FALSE centred), borders, merged
// areas drawn as one box, text running into empty neighbours, and #### for a number too wide.
// Pure: text widths come from a `measure` function the page backs with a canvas.

import { BorderModel, cellAddress, CellStyle, cellValue, isErrorValue, Rect, SheetModel } from "../host";
import { formatValue } from "./number-format";
import { SheetLayout } from "./sheet-layout";

export type HorizontalAlign = "left" | "center" | "right";
export type VerticalAlign = "top" | "center" | "bottom";

export interface CellFont {
  readonly family: string;
  /** Points. */
  readonly size: number;
  readonly bold: boolean;
  readonly italic: boolean;
  readonly color: string;
  readonly underline: boolean;
  readonly strikethrough: boolean;
}

export interface CellBorders {
  readonly top?: string;
  readonly right?: string;
  readonly bottom?: string;
  readonly left?: string;
}

/** One cell (or merged area) as drawn, in sheet pixels from A1's top-left corner. */
export interface CellBox {
  readonly row: number;
  readonly column: number;
  /** "B5"; a merged area is named by its first cell. */
  readonly address: string;
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
  /** Covers more than one cell. */
  readonly merged: boolean;
  readonly text: string;
  /** Width of the text box: the cell's, or more when text runs into empty neighbours. */
  readonly textWidth: number;
  /** Where the text box starts, relative to the cell's left edge (negative for centred overflow). */
  readonly textOffset: number;
  readonly align: HorizontalAlign;
  readonly vertical: VerticalAlign;
  readonly wrap: boolean;
  readonly indent: number;
  readonly font: CellFont;
  readonly fill?: string;
  readonly borders: CellBorders;
  readonly isNumber: boolean;
}

/** Width in pixels of a text in a font (a canvas in the page, a fixed estimate in tests). */
export type MeasureText = (text: string, font: CellFont) => number;

/** Horizontal padding Excel leaves inside a cell, each side, in pixels. */
export const CELL_PADDING = 3;

/** Fonts tried after the cell's own (and by the charts): CJK-capable faces first; nothing is fetched from the network. */
export const FALLBACK_FONTS = '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", Calibri, Carlito, "Segoe UI", Arial, sans-serif';

/** The CSS font-family list for a cell's font name. */
export function fontFamily(name: string): string {
  return `"${name.replace(/"/g, "")}", ${FALLBACK_FONTS}`;
}

/** A border as a CSS value ("1px solid #8EA9DB"), or undefined for none. */
export function borderCss(border: BorderModel | undefined): string | undefined {
  if (border === undefined || border.style === "None") return undefined;
  const width = border.weight === "Medium" ? 2 : border.weight === "Thick" ? 3 : 1;
  const line =
    border.style === "Double" ? "double" : border.style === "Dot" ? "dotted" : /Dash/.test(border.style) ? "dashed" : "solid";
  return `${line === "double" ? 3 : width}px ${line} ${border.color || "#000000"}`;
}

const EDGES = [
  ["top", "EdgeTop"],
  ["right", "EdgeRight"],
  ["bottom", "EdgeBottom"],
  ["left", "EdgeLeft"],
] as const;

/** The cell's four edges as CSS, only those drawn. */
function cellBorders(style: CellStyle): CellBorders {
  const borders: { -readonly [K in keyof CellBorders]: string } = {};
  for (const [side, edge] of EDGES) {
    const css = borderCss(style.borders[edge]);
    if (css !== undefined) borders[side] = css;
  }
  return borders;
}

function fontOf(style: CellStyle): CellFont {
  const f = style.font;
  return {
    family: fontFamily(f.name),
    size: f.size,
    bold: f.bold,
    italic: f.italic,
    color: f.color,
    underline: f.underline !== "None" && f.underline !== "",
    strikethrough: f.strikethrough,
  };
}

function horizontal(style: CellStyle, value: unknown): HorizontalAlign {
  switch (style.horizontalAlignment) {
    case "Left":
    case "Fill":
    case "Justify":
    case "Distributed":
      return "left";
    case "Center":
    case "CenterAcrossSelection":
      return "center";
    case "Right":
      return "right";
    default:
      // General: numbers right, logicals and errors centred, text left.
      if (typeof value === "number") return "right";
      if (typeof value === "boolean" || isErrorValue(value)) return "center";
      return "left";
  }
}

function vertical(style: CellStyle): VerticalAlign {
  if (style.verticalAlignment === "Top") return "top";
  if (style.verticalAlignment === "Center" || style.verticalAlignment === "Justify" || style.verticalAlignment === "Distributed") return "center";
  return "bottom";
}

/** Cells of a window: rows [top, bottom), columns [left, right). */
export interface CellRange {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

/** How many columns left of a window are checked for text running into it. */
const OVERFLOW_LOOKBACK = 12;

/**
 * The boxes to draw for a window of a sheet: one per cell, one per merged area meeting the
 * window, and text boxes for cells left of the window whose text runs into it.
 */
export function cellBoxes(sheet: SheetModel, layout: SheetLayout, range: CellRange, measure: MeasureText): CellBox[] {
  const { rows, columns } = layout;
  const boxes: CellBox[] = [];
  const merges = sheet.merges.filter(
    (m) => m.row < range.bottom && m.row + m.rowCount > range.top && m.column < range.right && m.column + m.columnCount > range.left,
  );
  const covered = (r: number, c: number): Rect | undefined =>
    merges.find((m) => r >= m.row && r < m.row + m.rowCount && c >= m.column && c < m.column + m.columnCount);
  const isEmpty = (r: number, c: number) => cellValue(sheet, r, c) === "" && covered(r, c) === undefined;
  const lastColumn = columns.count;

  const box = (r: number, c: number, area: Rect | undefined, drawCell: boolean): CellBox | undefined => {
    const value = cellValue(sheet, r, c);
    const style = sheet.style(r, c);
    const font = fontOf(style);
    const formatted = formatValue(value, style.numberFormat);
    const left = columns.start(c);
    const top = rows.start(r);
    const width = area ? columns.start(c + area.columnCount) - left : columns.size(c);
    const height = area ? rows.start(r + area.rowCount) - top : rows.size(r);
    const align = horizontal(style, value);
    const wrap = style.wrapText;
    const isNumber = typeof value === "number";
    let text = formatted.text;
    let textWidth = width;
    let textOffset = 0;
    const indentPx = style.indentLevel * 9;
    if (text !== "" && !wrap) {
      const needed = measure(text, font) + 2 * CELL_PADDING + indentPx;
      if (isNumber && needed > width) {
        // A number never spills: Excel fills the cell with #.
        const hash = Math.max(1, measure("#", font));
        text = "#".repeat(Math.max(1, Math.floor((width - 2 * CELL_PADDING) / hash)));
      } else if (!isNumber && needed > width && area === undefined) {
        // Text runs into empty neighbours (to the right when left-aligned, both ways when centred, left when right-aligned).
        let right = c + 1;
        let extra = 0;
        if (align !== "right") {
          while (right < lastColumn && extra + width < needed && isEmpty(r, right)) extra += columns.size(right++);
        }
        let leftExtra = 0;
        if (align !== "left") {
          let l = c - 1;
          while (l >= 0 && leftExtra + width + (align === "center" ? extra : 0) < needed && isEmpty(r, l)) leftExtra += columns.size(l--);
        }
        if (align === "center") {
          const spill = Math.min(extra, leftExtra, (needed - width) / 2);
          textWidth = width + 2 * spill;
          textOffset = -spill;
        } else if (align === "right") {
          textWidth = width + leftExtra;
          textOffset = -leftExtra;
        } else textWidth = width + extra;
      }
    }
    if (!drawCell && textWidth === width) return undefined;
    return {
      row: r,
      column: c,
      address: cellAddress(r, c),
      left,
      top,
      width,
      height,
      merged: area !== undefined,
      text,
      textWidth,
      textOffset,
      align,
      vertical: vertical(style),
      wrap,
      indent: indentPx,
      font: formatted.color !== undefined ? { ...font, color: formatted.color } : font,
      ...(style.fill !== undefined ? { fill: style.fill } : {}),
      borders: cellBorders(style),
      isNumber,
    };
  };

  for (let r = range.top; r < range.bottom; r++) {
    // Text from cells left of the window that runs into it.
    for (let c = Math.max(0, range.left - OVERFLOW_LOOKBACK); c < range.left; c++) {
      if (covered(r, c) !== undefined || cellValue(sheet, r, c) === "") continue;
      const spill = box(r, c, undefined, false);
      if (spill && spill.left + spill.textOffset + spill.textWidth > columns.start(range.left)) boxes.push(spill);
    }
    for (let c = range.left; c < range.right; c++) {
      const area = covered(r, c);
      if (area !== undefined) {
        // A merged area is drawn once, from its first cell, when that cell is in the window or the
        // area starts above or left of it.
        const first = r === Math.max(area.row, range.top) && c === Math.max(area.column, range.left);
        if (first) {
          const drawn = box(area.row, area.column, area, true);
          if (drawn) boxes.push(drawn);
        }
        continue;
      }
      const drawn = box(r, c, undefined, true);
      if (drawn) boxes.push(drawn);
    }
  }
  return boxes;
}

/** Font shorthand for a canvas measurement ("italic bold 11pt …"). */
export function canvasFont(font: CellFont): string {
  return `${font.italic ? "italic " : ""}${font.bold ? "bold " : ""}${font.size}pt ${font.family}`;
}
