// Shared checks for the hardening campaign: digests that prove a sheet was not touched, the
// contract every failed run must honour (translated, cell-addressed messages, nothing written),
// and the ranking grids the cases are built from.

import { createHash } from "crypto";
import { Grid } from "../../src/core/cells";
import { problemMessage } from "../../src/core/messages";
import { Problem } from "../../src/core/problems";
import { RunResult } from "../../src/run/types";
import { SheetModel, WorkbookModel } from "../../src/host/model";

/**
 * A digest of everything a person could see or rely on in a sheet: name, position, visibility,
 * every stored cell (value, formula, the resolved style including its number format), merges,
 * frozen panes, protection, widths, heights, row/column styles and charts. Two equal digests
 * mean the sheet is byte-identical as far as the workbook model can tell.
 */
export function sheetDigest(sheet: SheetModel): string {
  const cells: unknown[] = [];
  sheet.forEachCell((r, c) => cells.push([r, c, sheet.value(r, c), sheet.formula(r, c) ?? null, sheet.style(r, c)]));
  const state = {
    id: sheet.id,
    name: sheet.name,
    position: sheet.position,
    visibility: sheet.visibility,
    tabColor: sheet.tabColor,
    protection: sheet.protection,
    freeze: sheet.freeze,
    merges: sheet.merges,
    columnWidths: [...sheet.columnWidths],
    rowHeights: [...sheet.rowHeights],
    columnStyles: [...sheet.columnStyles].map(([c, id]) => [c, sheet.workbook.styles.get(id)]),
    rowStyles: [...sheet.rowStyles].map(([r, id]) => [r, sheet.workbook.styles.get(id)]),
    charts: sheet.charts,
    cells,
  };
  return createHash("sha256").update(JSON.stringify(state)).digest("hex");
}

/** Digests of the named sheets, by name (a missing sheet digests as "missing"). */
export function sheetDigests(workbook: WorkbookModel, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((n) => [n, workbook.sheet(n) === undefined ? "missing" : sheetDigest(workbook.sheet(n) as SheetModel)]));
}

/** What a workbook remembers of StatDesk: its settings and the names marking summary sheets. */
export function settingsDigest(workbook: WorkbookModel): string {
  return JSON.stringify([[...workbook.settings.entries()], workbook.names.map((n) => [n.name, n.formula, n.visible])]);
}

/** Sheets a run leaves behind only when it failed half-way. */
export function scratchSheets(workbook: WorkbookModel): string[] {
  return workbook.sheets.map((s) => s.name).filter((n) => n.startsWith("~StatDesk"));
}

/** Every problem reads as a sentence in both languages, and the two are not the same text. */
export function expectTranslated(problems: readonly Problem[]): void {
  for (const p of problems) {
    const zh = problemMessage(p, "zh-CN");
    const en = problemMessage(p, "en-US");
    expect(zh.trim()).not.toBe("");
    expect(en.trim()).not.toBe("");
    expect(zh).not.toBe(en);
    expect(zh).not.toMatch(/undefined|NaN|\[object/);
    expect(en).not.toMatch(/undefined|NaN|\[object/);
  }
}

/** A sheet-qualified cell or range: "Sheet1!C17", "'2024年'!A1:C3", "a.csv!B2". */
export const CELL_ADDRESS = /^(?:\[[^\]]+\])?(?:'(?:[^']|'')+'|[^'!]+)!\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?$/;

/**
 * What every run must honour: a result (never a throw), a translated message for every problem,
 * at least one error when it failed, and no sheet added or removed when it failed.
 */
export function expectHonestResult(result: RunResult, sheetsBefore: readonly string[], sheetsAfter: readonly string[]): void {
  expectTranslated(result.problems);
  if (result.ok) {
    expect(sheetsAfter).toEqual([...sheetsBefore, result.sheetName]);
  } else {
    expect(result.problems.some((p) => p.severity === "error")).toBe(true);
    expect(sheetsAfter).toEqual(sheetsBefore);
  }
}

export const HEADER = ["排名", "企业名称", "销售额（亿元）"] as const;

/** One year's list as a desk's sheet holds it: a title with the year, the header, ranked rows. */
export function yearSheet(year: number, rows: readonly (readonly [string, number | string | boolean])[], unit = "亿元"): Grid {
  return [[`${year}年房企销售额排行（单位：${unit}）`], ["排名", "企业名称", `销售额（${unit}）`], ...rows.map(([name, value], i) => [i + 1, name, value])];
}

/** n enterprises 样本房企0001… with values falling from `top`, one decimal, as published. */
export function sampleRows(n: number, top = 3000, step = 7.3): [string, number][] {
  return Array.from({ length: n }, (_, i) => [`样本房企${String(i + 1).padStart(4, "0")}`, Math.round((top - i * step) * 10) / 10]);
}

/** Rejects after `ms`: a run that hangs (a frozen task pane) fails the test instead of timing out silently. */
export function withinMs<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not settle within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
