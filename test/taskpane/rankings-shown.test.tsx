/**
 * @jest-environment jsdom
 */
// The pane's choice of bases and metrics (issue 12 §2): a CRIC table with 全口径 and 权益 (synthetic,
// test/fixtures/rankings/cric-bases.ts) offers both, ticked by default; unticking 全口径 with the
// keyboard leaves only the 权益 tables on the summary, the choice is stored with the analysis and
// a refresh keeps it. In both pane languages.

import "./setup";
import { screen, within } from "@testing-library/react";
import type { Language } from "../../src/core/messages";
import { parseStoredAnalyses } from "../../src/run/settings";
import { sheetValues, testWorkbook } from "../excel/harness";
import { CRIC_2023, CRIC_2024, cricGrid } from "../fixtures/rankings/cric-bases";
import { mountPane, previewOf, runButton, runFinished, section } from "./pane";

const SUMMARY: Record<Language, string> = { "zh-CN": "汇总_2024", "en-US": "Summary_2024" };

/** Every figure on a sheet. */
function figures(values: (string | number | boolean)[][]): number[] {
  return values.flat().filter((v): v is number => typeof v === "number");
}
const has = (values: number[], x: number) => values.some((v) => Math.abs(v - x) < 1e-6);

describe.each<Language>(["zh-CN", "en-US"])("rankings shown, pane in %s", (language) => {
  test("both bases are offered and ticked; unticking 全口径 leaves 权益 alone on the summary, stored and kept by a refresh", async () => {
    const book = testWorkbook({ "2024": cricGrid(CRIC_2024) as never, "2023": cricGrid(CRIC_2023) as never });
    const pane = mountPane(language, book);
    const { t, say, user } = pane;
    for (const [title, address] of [[t.slotCurrent, "'2024'!A1:D32"], [t.slotPrevious, "'2023'!A1:D32"]]) {
      const box = screen.getByRole("textbox", { name: say(t.addressOf, { source: title }) });
      await user.type(box, `${address}{Enter}`);
      await previewOf(pane, title);
    }

    const group = within(section(t.sectionSettings)).getByRole("group", { name: t.rankingsShown });
    const allIn = within(group).getByRole("checkbox", { name: say(t.rankingChoice, { metric: t.metricSalesValue, basis: t.basisAllIn }) }) as HTMLInputElement;
    const equity = within(group).getByRole("checkbox", { name: say(t.rankingChoice, { metric: t.metricSalesValue, basis: t.basisEquity }) }) as HTMLInputElement;
    expect([allIn.checked, equity.checked]).toEqual([true, true]);

    // Keyboard: focus 全口径 and press Space. The last one ticked cannot be unticked.
    allIn.focus();
    await user.keyboard(" ");
    expect([allIn.checked, equity.checked]).toEqual([false, true]);
    expect(equity.disabled).toBe(true);

    await user.click(runButton(pane));
    await runFinished(pane);
    const sheet = SUMMARY[language];
    // TOP10 by 权益 is 20722 (2024) against 27815; the 全口径 TOP10 (26400) is not on the sheet.
    let shown = figures(sheetValues(book.workbook, sheet));
    expect(has(shown, 20722)).toBe(true);
    expect(has(shown, 26400)).toBe(false);

    const stored = parseStoredAnalyses(book.workbook.settings.get("StatDesk.analyses"));
    expect(stored.map((d) => d.options.rankingsShown)).toEqual([[{ metric: "salesValue", basis: "权益" }]]);

    // Refresh all: the same choice.
    await user.click(within(section(t.sectionStored)).getByRole("button", { name: t.refreshAll }));
    expect(await within(section(t.sectionStored)).findByText(say(t.refreshDone, { sheet }), {}, { timeout: 10_000 })).toBeTruthy();
    shown = figures(sheetValues(book.workbook, sheet));
    expect(has(shown, 20722)).toBe(true);
    expect(has(shown, 26400)).toBe(false);
  }, 60_000);
});
