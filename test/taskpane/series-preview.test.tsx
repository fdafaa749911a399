/**
 * @jest-environment jsdom
 */
// The series slot's reading as a statistician checks it before a run, in both languages: which
// layout StatDesk recognised, the periods, indicators and regions, rows passed over, and where the
// year came from — and a hand table of yearless months refused until the person types the year.

import "./setup";
import { screen, waitFor, within } from "@testing-library/react";
import type { Language } from "../../src/core/messages";
import { problemMessage } from "../../src/core/messages";
import { indicatorName } from "../../src/core/indicators";
import { problem } from "../../src/core/problems";
import { testWorkbook } from "../excel/harness";
import { handTableGrid, regionalTableGrid } from "../fixtures/nbs/hand-table";
import { foreignWords, mountPane, MountedPane, previewOf, tabTo } from "./pane";

/** What a preview says for one of its facts ("Layout", "Periods"…). */
function fact(preview: HTMLElement, term: string): string {
  return within(preview).getByText(term, { selector: "dt" }).nextElementSibling?.textContent ?? "";
}

/** Types the series slot's address with the keyboard, presses Enter, and waits for its preview. */
async function readSeries(pane: MountedPane, address: string): Promise<HTMLElement> {
  const box = screen.getByRole("textbox", { name: pane.say(pane.t.addressOf, { source: pane.t.slotSeries }) });
  await pane.user.click(box);
  await pane.user.keyboard(`${address}{Enter}`);
  return previewOf(pane, pane.t.slotSeries);
}

describe.each<Language>(["zh-CN", "en-US"])("series preview in %s", (language) => {
  test("a hand table's months without a year are refused at B1; the person types 2025 and the reading shows its periods and indicators", async () => {
    const pane = mountPane(language, testWorkbook({ Sheet1: handTableGrid() }));
    const { t, say, user } = pane;
    const refused = await readSeries(pane, "Sheet1!A1:L9");

    // The refusal: the layout named, nothing read, the problem with its cell, and the year asked for.
    expect(fact(refused, t.previewLayout)).toBe(t.layoutHandTable);
    expect(fact(refused, t.previewPeriods)).toBe(t.previewNone);
    expect(fact(refused, t.previewIndicators)).toBe(t.previewNone);
    expect(within(refused).queryByText(t.previewYearFrom, { selector: "dt" })).toBeNull();
    const missing = problemMessage(problem("series-year-missing", "error", "Sheet1!B1", { months: "12, 11, 10, …, 2", source: "Sheet1" }), language);
    expect(within(refused).getByText(missing, { exact: false })).toBeTruthy();
    expect(within(refused).getByRole("button", { name: say(t.goToCell, { cell: "Sheet1!B1" }) })).toBeTruthy();
    const yearBox = within(refused).getByRole("textbox", { name: t.correctYear }) as HTMLInputElement;
    expect(yearBox.value).toBe(""); // never a guessed year

    // Keyboard only: Tab to the year, type it, Enter; the source is read again with it.
    await tabTo(user, yearBox);
    await user.keyboard("2025{Enter}");
    const [first, last] = language === "zh-CN" ? ["2025年1-2月", "2025年1-12月"] : ["Jan–Feb 2025", "Jan–Dec 2025"];
    await waitFor(async () => expect(fact(await previewOf(pane, t.slotSeries), t.previewPeriods)).toBe(say(t.previewPeriodsValue, { first, last, count: "11" })), { timeout: 10_000 });
    const read = await previewOf(pane, t.slotSeries);
    expect(fact(read, t.previewLayout)).toBe(t.layoutHandTable);
    expect(fact(read, t.previewYears)).toBe("2025");
    expect(fact(read, t.previewYearFrom)).toBe(t.yearFromPerson);
    const indicators = fact(read, t.previewIndicators);
    for (const quantity of ["investment", "salesArea", "salesValue", "stockArea"] as const) {
      expect(indicators).toContain(indicatorName({ quantity, category: "total" }, language));
      expect(indicators).toContain(indicatorName({ quantity, category: "residential" }, language));
    }
    expect(fact(read, t.previewRegions)).toBe(t.previewRegionsNation);
    expect(fact(read, t.previewObservations)).toBe("88");
    expect(fact(read, t.previewFigureRows)).toBe("8");
    expect(within(read).queryByText(missing, { exact: false })).toBeNull();
    expect((within(read).getByRole("textbox", { name: t.correctYear }) as HTMLInputElement).value).toBe("2025");
    expect(foreignWords(pane, language)).toEqual([]);
  });

  test("the release's regional table: its layout named, four regions, the period from the title, the note passed over; no year asked", async () => {
    const pane = mountPane(language, testWorkbook({ 地区: regionalTableGrid() }));
    const { t, say } = pane;
    const read = await readSeries(pane, "地区!A1:E9");
    expect(fact(read, t.previewLayout)).toBe(t.layoutRegionalTable);
    const names = ["东部地区", "中部地区", "西部地区", "东北地区"].join(language === "zh-CN" ? "、" : ", ");
    expect(fact(read, t.previewRegions)).toBe(say(t.previewRegionsValue, { count: "4", names }));
    expect(fact(read, t.previewPeriods)).toBe(language === "zh-CN" ? "2024年1-12月" : "Jan–Dec 2024");
    expect(fact(read, t.previewYearFrom)).toBe(t.yearFromTitle);
    const skipped = fact(read, t.previewSkipped);
    expect(skipped).toContain(say(t.skippedItem, { count: "1", reason: t.skipFootnote }));
    expect(within(read).getByRole("button", { name: say(t.goToCell, { cell: "地区!A9" }) })).toBeTruthy();
    expect(within(read).queryByRole("textbox", { name: t.correctYear })).toBeNull();
    expect(foreignWords(pane, language)).toEqual([]);
  });
});
