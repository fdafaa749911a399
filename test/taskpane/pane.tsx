// Mounting the task pane in tests: <PaneRoot> with services over Microsoft's Excel client and
// the in-memory host (as the workbench does), the pane's catalog to find controls by their
// translated names, and the workbooks the flows use.

import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Language } from "../../src/core/messages";
import { format, messages, Messages } from "../../src/i18n";
import { enUS } from "../../src/i18n/en-US";
import { zhCN } from "../../src/i18n/zh-CN";
import { PaneRoot } from "../../src/taskpane/App";
import { paneServices, PaneServices } from "../../src/taskpane/services";
import { CIA_2023, CIA_2024 } from "../fixtures/rankings/synthetic";
import { NAMES_2024 } from "../fixtures/rankings/build";
import { sheetValues, testWorkbook, TestWorkbook } from "../excel/harness";

export type User = ReturnType<typeof userEvent.setup>;

export interface MountedPane extends TestWorkbook {
  readonly user: User;
  readonly services: PaneServices;
  readonly t: Messages;
  /** A catalog string with its placeholders filled. */
  readonly say: (template: string, params?: Record<string, string | number>) => string;
}

/** Renders the pane for a workbook; `wrap` may replace services (to hold a run, or to make one throw). */
export function mountPane(language: Language, book: TestWorkbook, wrap: (s: PaneServices) => PaneServices = (s) => s): MountedPane {
  const services = wrap(paneServices(book.env, "0.1.0-test"));
  const user = userEvent.setup({ delay: null });
  render(<PaneRoot services={services} language={language} />);
  return { ...book, user, services, t: messages(language), say: format };
}

/** A one-year list as desks lay it out: a title naming the year and unit, a header, ranks. */
export type MutableGrid = (string | number)[][];

export function listGrid(title: string, values: readonly number[], names: readonly string[]): MutableGrid {
  return [[title], ["排名", "企业名称", "销售额（亿元）"], ...values.map((v, i) => [i + 1, names[i], v])];
}

/** The 2024 and 2023 lists (synthetic, reproducing 中指's published aggregates: TOP100 43547.3, −30.6%). */
export function rankingBook(change: (grids: MutableGrid[]) => void = () => undefined): TestWorkbook {
  const current = listGrid("2024年房企销售额排行（单位：亿元）", CIA_2024, NAMES_2024.current);
  const previous = listGrid("2023年房企销售额排行（单位：亿元）", CIA_2023, NAMES_2024.previous);
  change([current, previous]);
  return testWorkbook({ "2024年": current, "2023年": previous });
}

/** Selects a block of a sheet, as a person's click and drag does. */
export function select(book: TestWorkbook, sheet: string, row: number, column: number, rowCount: number, columnCount: number): void {
  const model = book.workbook.sheet(sheet);
  if (model === undefined) throw new Error(`no sheet ${sheet}`);
  book.workbook.select(model, { row, column, rowCount, columnCount });
}

/** The selection as "Sheet!A1"-style text, for assertions. */
export function selectionOf(book: TestWorkbook): { sheet: string; row: number; column: number } {
  const { sheet, rect } = book.workbook.currentSelection();
  return { sheet: sheet.name, row: rect.row, column: rect.column };
}

/** A section of the pane by its heading. */
export function section(name: string): HTMLElement {
  return screen.getByRole("region", { name });
}

/** An input slot (its region) by its title. */
export function slot(title: string): HTMLElement {
  return screen.getByRole("region", { name: title });
}

/** The preview of a slot, once it has been read. */
export async function previewOf(pane: MountedPane, title: string): Promise<HTMLElement> {
  return screen.findByRole("group", { name: pane.say(pane.t.previewOf, { source: title }) }, { timeout: 10_000 });
}

/** The Run button. */
export function runButton(pane: MountedPane): HTMLElement {
  return screen.getByRole("button", { name: new RegExp(`^(${escape(pane.t.runButton)}|${escape(pane.t.running)})$`) });
}

/** Waits for the run outcome: the success bar's text, or throws with the pane's text. */
export async function runFinished(pane: MountedPane): Promise<void> {
  await within(section(pane.t.sectionRun)).findByText(new RegExp(escape(pane.t.runDone.split("{sheet}")[0])), {}, { timeout: 15_000 });
}

export function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Tabs until `target` has focus (at most `limit` presses); returns the elements focused on the way. */
export async function tabTo(user: User, target: HTMLElement, limit = 80): Promise<Element[]> {
  const passed: Element[] = [];
  for (let i = 0; i < limit; i++) {
    if (document.activeElement === target) return passed;
    await user.tab();
    if (document.activeElement !== null) passed.push(document.activeElement);
  }
  throw new Error(`not reached with ${limit} tabs: ${target.outerHTML.slice(0, 200)}`);
}

/**
 * The catalog strings of the other language that the pane shows (text or aria-label): none is
 * expected. Strings that read the same in both (StatDesk, TOP-N) and the workbook's own words
 * (a header "企业名称" shown in an English pane) do not count.
 */
export function foreignWords(pane: MountedPane, language: "zh-CN" | "en-US"): string[] {
  const foreign: Record<string, string> = language === "zh-CN" ? enUS : zhCN;
  const own = pane.t as Record<string, string>;
  const cells = pane.workbook.sheets.flatMap((sheet) => sheetValues(pane.workbook, sheet.name).flat().map(String));
  const shown = document.body.textContent ?? "";
  const labels = [...document.querySelectorAll("[aria-label]")].map((e) => e.getAttribute("aria-label") ?? "");
  return Object.entries(foreign)
    .filter(([k, text]) => !own[k].includes(text) && !cells.some((c) => c.includes(text)))
    .filter(([, text]) => text.length > 3 && !text.includes("{"))
    .filter(([, text]) => shown.includes(text) || labels.includes(text))
    .map(([k]) => k);
}
