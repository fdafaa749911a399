/**
 * @jest-environment jsdom
 */
// The task pane driven as a statistician drives it — by role and keyboard — against the in-memory
// host through Microsoft's Excel client: choose data, correct what was misread, set tiers, run,
// read the figures, refresh after the data changed, follow an error to its cell. Every flow runs
// with the pane in zh-CN and in en-US.

import "./setup";
import { act, screen, waitFor, within } from "@testing-library/react";
import type { Language } from "../../src/core/messages";
import { problemMessage } from "../../src/core/messages";
import { problem } from "../../src/core/problems";
import { CIA_2023, CIA_2024 } from "../fixtures/rankings/synthetic";
import { NAMES_2024 } from "../fixtures/rankings/build";
import { sheetValues, testWorkbook } from "../excel/harness";
import {
  escape,
  foreignWords,
  listGrid,
  mountPane,
  MountedPane,
  previewOf,
  rankingBook,
  runButton,
  runFinished,
  section,
  select,
  selectionOf,
  slot,
  tabTo,
} from "./pane";

const SUMMARY: Record<Language, string> = { "zh-CN": "汇总_2024", "en-US": "Summary_2024" };

/** The row of a summary sheet whose first cell is `label`. */
function summaryRow(pane: MountedPane, sheet: string, label: string): (string | number | boolean)[] {
  const row = sheetValues(pane.workbook, sheet).find((r) => r[0] === label);
  if (row === undefined) throw new Error(`no row ${label} on ${sheet}`);
  return row;
}

/** What a preview says for one of its facts ("Header row", "Unit"…). */
function fact(preview: HTMLElement, term: string): string {
  return within(preview).getByText(term, { selector: "dt" }).nextElementSibling?.textContent ?? "";
}

/** Takes the current selection into a slot and waits for its preview. */
async function useSelectionFor(pane: MountedPane, title: string): Promise<HTMLElement> {
  await pane.user.click(screen.getByRole("button", { name: pane.say(pane.t.useSelectionFor, { source: title }) }));
  return previewOf(pane, title);
}

/** Types an address into a slot, presses Enter, and waits for its preview. */
async function typeAddress(pane: MountedPane, title: string, address: string): Promise<HTMLElement> {
  const box = screen.getByRole("textbox", { name: pane.say(pane.t.addressOf, { source: title }) });
  await pane.user.clear(box);
  await pane.user.type(box, `${address}{Enter}`);
  return previewOf(pane, title);
}

describe.each<Language>(["zh-CN", "en-US"])("task pane in %s", (language) => {
  const otherLanguage: Language = language === "zh-CN" ? "en-US" : "zh-CN";

  test("select a range, see what was understood, correct a column, run with the keyboard, read the figures", async () => {
    // 2024 list with two amount columns: 全口径 (C, 1.25× the published figures) and 权益 (D, the published figures).
    const book = rankingBook(([current]) => {
      current[1] = ["排名", "企业名称", "全口径销售额（亿元）", "权益销售额（亿元）"];
      CIA_2024.forEach((v, i) => {
        current[i + 2] = [i + 1, NAMES_2024.current[i], Math.round(v * 12.5) / 10, v];
      });
    });
    const pane = mountPane(language, book);
    const { t, say, user } = pane;
    await within(section(t.sectionStored)).findByText(t.storedEmpty);

    // This year's list from the selection: header row, roles, year, unit, rows are shown.
    select(book, "2024年", 0, 0, 112, 4);
    const preview = await useSelectionFor(pane, t.slotCurrent);
    expect(fact(preview, t.previewHeaderRow)).toBe(say(t.previewHeaderRowValue, { row: 2, cell: "'2024年'!A2" }));
    expect(fact(preview, t.previewYears)).toBe("2024");
    expect(fact(preview, t.previewUnit)).toBe(t.unitYi);
    expect(fact(preview, t.previewKept)).toBe("110");
    expect(fact(preview, t.previewSkipped)).toBe("0");
    const columnC = within(preview).getByRole("combobox", { name: say(t.columnLabel, { letter: "C", header: "全口径销售额（亿元）" }) }) as HTMLSelectElement;
    const columnD = within(preview).getByRole("combobox", { name: say(t.columnLabel, { letter: "D", header: "权益销售额（亿元）" }) }) as HTMLSelectElement;
    expect([columnC.value, columnD.value]).toEqual(["value", "value"]);
    // Header row, year and unit are folded while nothing calls for them; the toggle opens them.
    const fold = within(preview).getByRole("button", { name: t.correctionsShow });
    expect(fold.getAttribute("aria-expanded")).toBe("false");
    expect(within(preview).queryByRole("textbox", { name: t.correctYear })).toBeNull();
    await user.click(fold);
    expect(within(preview).getByRole("textbox", { name: t.correctYear })).toBeTruthy();
    expect(within(preview).getByRole("button", { name: t.correctionsHide }).getAttribute("aria-expanded")).toBe("true");
    // Two amount columns on two bases (全口径, 权益): each is a ranking of its own (#12 §2), no clash
    // is reported, and the settings offer both to choose from.
    const several = problemMessage(problem("several-value-columns", "warning", undefined, { used: "全口径销售额（亿元）", ignored: "权益销售额（亿元）" }), language);
    expect(within(preview).queryByText(several, { exact: false })).toBeNull();
    expect(within(section(t.sectionSettings)).getByRole("group", { name: t.rankingsShown })).toBeTruthy();

    // The desk wants 权益: column C is not used. The preview is read again with the correction.
    await user.selectOptions(columnC, "other");
    await waitFor(() => expect(within(slot(t.slotCurrent)).getByText(t.columnCorrected)).toBeTruthy());
    const corrected = await previewOf(pane, t.slotCurrent);
    expect((within(corrected).getByRole("combobox", { name: say(t.columnLabel, { letter: "C", header: "全口径销售额（亿元）" }) }) as HTMLSelectElement).value).toBe("other");
    expect(within(corrected).queryByRole("button", { name: t.showNotes })).toBeNull(); // no more clash

    // Last year's list by typing its address.
    await typeAddress(pane, t.slotPrevious, "'2023年'!A:C");

    // Keyboard only: from the top of the pane, Tab reaches Run after the inputs and settings; Enter runs.
    (document.activeElement as HTMLElement | null)?.blur();
    const run = runButton(pane);
    const passed = await tabTo(user, run);
    const order = [
      screen.getByRole("textbox", { name: say(t.addressOf, { source: t.slotCurrent }) }),
      screen.getByRole("textbox", { name: say(t.addressOf, { source: t.slotPrevious }) }),
      screen.getByRole("textbox", { name: t.topN }),
    ];
    const positions = order.map((el) => passed.indexOf(el));
    expect(positions.every((p, i) => p >= 0 && (i === 0 || p > positions[i - 1]))).toBe(true);
    await user.keyboard("{Enter}");
    await runFinished(pane);

    // The workbook: the summary sheet with the published TOP100 from the 权益 column.
    const top100 = summaryRow(pane, SUMMARY[language], "TOP100");
    expect(top100[1]).toBeCloseTo(43547.3, 6);
    expect(top100[3]).toBeCloseTo(-0.306, 3);

    // The pane: TOP100 total and YoY, tiers with changes, the sentences in the output language.
    const results = section(t.sectionResults);
    const top100Row = within(results).getByRole("row", { name: new RegExp(escape(say(t.topTotal, { n: 100 }))) });
    expect(within(top100Row).getByText("43,547.3")).toBeTruthy();
    expect(within(top100Row).getByText("-30.6%")).toBeTruthy();
    const tierLabel = language === "zh-CN" ? "1000亿以上" : "RMB 100bn and above";
    const tierRow = within(results).getByRole("row", { name: new RegExp(escape(tierLabel)) });
    expect(within(tierRow).getByText("11")).toBeTruthy();
    expect(within(tierRow).getByText("-5")).toBeTruthy();
    const sentence = language === "zh-CN" ? "TOP100房企销售总额为43547.3亿元，同比下降30.6%" : "the TOP100 developers' sales totalled RMB 4,354.73 billion, down 30.6%";
    expect(within(results).getByText(new RegExp(escape(sentence)))).toBeTruthy();

    // Nothing on the pane is in the other language (the sentences follow the output language, here the same).
    expect(foreignWords(pane, language)).toEqual([]);

    // Copy the sentences; the pane says it worked and the clipboard holds them.
    await user.click(within(results).getByRole("button", { name: t.copySentences }));
    expect(await within(results).findByText(t.copied)).toBeTruthy();
    expect(await navigator.clipboard.readText()).toContain(sentence);

    // Go to summary sheet.
    select(book, "2023年", 0, 0, 1, 1);
    await user.click(within(results).getByRole("button", { name: say(t.goToSummary, { sheet: SUMMARY[language] }) }));
    await waitFor(() => expect(selectionOf(book).sheet).toBe(SUMMARY[language]));
  });

  test("custom tiers: an unordered or repeated list is refused and blocks Run; a valid one is used", async () => {
    const book = rankingBook();
    const pane = mountPane(language, book);
    const { t, user } = pane;
    await typeAddress(pane, t.slotCurrent, "'2024年'!A1:C112");
    await typeAddress(pane, t.slotPrevious, "'2023年'!A:C");
    expect(runButton(pane).getAttribute("aria-disabled")).not.toBe("true");

    await user.click(screen.getByRole("radio", { name: t.tierCustom }));
    const bounds = screen.getByRole("textbox", { name: t.customBounds });
    const rejected = async (typed: string, code: "tier-bounds-unordered" | "tier-bounds-duplicate", params: Record<string, number>) => {
      await user.clear(bounds);
      await user.type(bounds, typed);
      await user.tab();
      expect(await screen.findByText(problemMessage(problem(code, "error", undefined, params), language))).toBeTruthy();
      expect(bounds.getAttribute("aria-invalid")).toBe("true");
      const run = runButton(pane);
      expect(run.getAttribute("aria-disabled")).toBe("true");
      expect(run.getAttribute("aria-describedby")).toBeTruthy();
      expect(screen.getByText(t.runBlockedSettings)).toBeTruthy();
      await user.click(run); // refused: nothing is written
      expect(book.workbook.sheets.map((s) => s.name)).toEqual(["2024年", "2023年"]);
    };
    await rejected("300, 100", "tier-bounds-unordered", { before: 300, after: 100 });
    await rejected("100, 100", "tier-bounds-duplicate", { bound: 100 });

    await user.clear(bounds);
    await user.type(bounds, "100, 200, 400, 800");
    await user.tab();
    expect(bounds.getAttribute("aria-invalid")).not.toBe("true");
    expect(runButton(pane).getAttribute("aria-disabled")).not.toBe("true");
    // The sheet and the sentences in the other language: the pane stays in its own.
    await user.click(screen.getByRole("radio", { name: otherLanguage === "zh-CN" ? t.languageZh : t.languageEn }));
    await user.click(runButton(pane));
    await runFinished(pane);
    const sheet = SUMMARY[otherLanguage];
    const top = otherLanguage === "zh-CN" ? "800亿以上" : "RMB 80bn and above";
    expect(summaryRow(pane, sheet, top)[1]).toBe(CIA_2024.filter((v) => v >= 800).length);
    const results = section(t.sectionResults);
    expect(within(results).getByRole("row", { name: new RegExp(escape(language === "zh-CN" ? "800亿以上" : "RMB 80bn and above")) })).toBeTruthy();
    const sentences = within(results).getAllByRole("listitem").map((li) => li.textContent ?? "");
    expect(sentences.some((s) => (otherLanguage === "zh-CN" ? /阵营企业/.test(s) : /developers were in the/.test(s)))).toBe(true);
  });

  test("bad input: the error names the cell, the link selects it, and a correction lets the run through", async () => {
    // "Bare": a list whose year is written nowhere. 2024年: one figure is the text "abc".
    const bare = [["排名", "企业名称", "销售额（亿元）"], ...CIA_2024.slice(0, 20).map((v, i) => [i + 1, NAMES_2024.current[i], v])];
    const current = listGrid("2024年房企销售额排行（单位：亿元）", CIA_2024, NAMES_2024.current);
    current[4] = [3, NAMES_2024.current[2], "abc"];
    const noHeader = CIA_2024.slice(0, 5).map((v, i) => [i + 1, NAMES_2024.current[i], v]);
    const book = testWorkbook({ Bare: bare, "2024年": current, "2023年": listGrid("2023年", CIA_2023, NAMES_2024.previous), NoHeader: noHeader });
    const pane = mountPane(language, book);
    const { t, say, user } = pane;
    await user.click(screen.getByRole("radio", { name: t.layoutSingle }));

    // A selection without a header: nothing recognised, said in the pane's language, and the link selects the cells read.
    select(book, "NoHeader", 0, 0, 5, 3);
    const headless = await useSelectionFor(pane, t.slotRanking);
    expect(within(headless).getByText(problemMessage(problem("no-table", "error", "NoHeader!A1:C5", { source: "NoHeader" }), language))).toBeTruthy();
    select(book, "Bare", 3, 3, 1, 1);
    await user.click(within(headless).getByRole("button", { name: say(t.goToCell, { cell: "NoHeader!A1:C5" }) }));
    await waitFor(() => expect(selectionOf(book)).toEqual({ sheet: "NoHeader", row: 0, column: 0 }));

    // No year anywhere: Run fails with an error bar naming Bare!A1; its link selects that cell.
    await typeAddress(pane, t.slotRanking, "Bare!A1:C21");
    await user.click(runButton(pane));
    const runArea = section(t.sectionRun);
    const noYear = problemMessage(problem("no-year", "error", "Bare!A1", { source: "Bare" }), language);
    expect(await within(runArea).findByText(t.runFailedTitle, {}, { timeout: 10_000 })).toBeTruthy();
    expect(within(runArea).getByText(noYear)).toBeTruthy();
    expect(book.workbook.sheets.map((s) => s.name)).toEqual(["Bare", "2024年", "2023年", "NoHeader"]);
    select(book, "2023年", 9, 9, 1, 1);
    await user.click(within(runArea).getByRole("button", { name: say(t.goToCell, { cell: "Bare!A1" }) }));
    await waitFor(() => expect(selectionOf(book)).toEqual({ sheet: "Bare", row: 0, column: 0 }));

    // The correction the message asks for: the year, typed in the preview. Now it runs.
    const preview = await previewOf(pane, t.slotRanking);
    await user.type(within(preview).getByRole("textbox", { name: t.correctYear }), "2024{Enter}");
    await waitFor(() => expect(within(slot(t.slotRanking)).queryByText(noYear)).toBeNull());
    await user.click(runButton(pane));
    await runFinished(pane);
    expect(summaryRow(pane, SUMMARY[language], "TOP10")[1]).toBeCloseTo(CIA_2024.slice(0, 10).reduce((a, b) => a + b, 0), 6);

    // A figure that is text: the run goes on without it, and the note points at the cell.
    await typeAddress(pane, t.slotRanking, "'2024年'!A1:C112");
    await user.click(runButton(pane));
    await runFinished(pane);
    await user.click(within(runArea).getByRole("button", { name: t.showNotes }));
    const abc = problemMessage(problem("missing-value", "warning", "'2024年'!C5", { reason: "text", text: "abc", name: NAMES_2024.current[2], year: 2024 }), language);
    expect(within(runArea).getByText(abc)).toBeTruthy();
    await user.click(within(runArea).getByRole("button", { name: say(t.goToCell, { cell: "'2024年'!C5" }) }));
    await waitFor(() => expect(selectionOf(book)).toEqual({ sheet: "2024年", row: 4, column: 2 }));
  });

  test("refresh after the data changed: one analysis, then all; the same sheet is rewritten", async () => {
    const book = rankingBook();
    const pane = mountPane(language, book);
    const { t, say, user } = pane;
    await typeAddress(pane, t.slotCurrent, "'2024年'!A1:C112");
    await typeAddress(pane, t.slotPrevious, "'2023年'!A:C");
    await user.click(runButton(pane));
    await runFinished(pane);
    const sheet = SUMMARY[language];
    expect(summaryRow(pane, sheet, "TOP100")[1]).toBeCloseTo(43547.3, 6);

    // The leader's figure is revised up by 1000; Refresh on the stored analysis picks it up.
    book.workbook.sheet("2024年")!.setValue(2, 2, CIA_2024[0] + 1000);
    const stored = section(t.sectionStored);
    await user.click(await within(stored).findByRole("button", { name: say(t.refreshOne, { name: sheet }) }));
    expect(await within(stored).findByText(say(t.refreshDone, { sheet }), {}, { timeout: 10_000 })).toBeTruthy();
    expect(summaryRow(pane, sheet, "TOP100")[1]).toBeCloseTo(44547.3, 6);
    // The pane's figures follow (the refreshed analysis is the one in the form).
    const top100Row = within(section(t.sectionResults)).getByRole("row", { name: new RegExp(escape(say(t.topTotal, { n: 100 }))) });
    expect(within(top100Row).getByText("44,547.3")).toBeTruthy();

    // Another revision; Refresh all.
    book.workbook.sheet("2024年")!.setValue(2, 2, CIA_2024[0] + 2000);
    await user.click(within(stored).getByRole("button", { name: t.refreshAll }));
    await waitFor(() => expect(summaryRow(pane, sheet, "TOP100")[1]).toBeCloseTo(45547.3, 6), { timeout: 10_000 });
    expect(await within(stored).findByText(say(t.refreshDone, { sheet }))).toBeTruthy();

    // Running the form again replaces its own sheet: no "(2)".
    await user.click(runButton(pane));
    await runFinished(pane);
    expect(book.workbook.sheets.map((s) => s.name)).toEqual(["2024年", "2023年", sheet]);
    expect(within(stored).getAllByRole("listitem")).toHaveLength(1);
  });

  test("while a run is going the button is disabled and a second click starts nothing", async () => {
    const book = rankingBook();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let runs = 0;
    const pane = mountPane(language, book, (s) => ({
      ...s,
      run: async (definition, onPhase) => {
        runs++;
        await gate;
        return s.run(definition, onPhase);
      },
    }));
    const { t, user } = pane;
    await typeAddress(pane, t.slotCurrent, "'2024年'!A1:C112");
    // A double click: both clicks arrive before React re-renders the button as disabled.
    const button = runButton(pane);
    act(() => {
      button.dispatchEvent(new MouseEvent("click", { bubbles: true }));
      button.dispatchEvent(new MouseEvent("click", { bubbles: true }));
    });
    await waitFor(() => expect(runButton(pane).getAttribute("aria-disabled")).toBe("true"));
    expect(runs).toBe(1);
    expect(runButton(pane).textContent).toBe(t.running);
    expect(screen.getByRole("progressbar", { name: t.progressLabel })).toBeTruthy();
    await user.click(runButton(pane));
    await user.keyboard("{Enter}");
    expect(runs).toBe(1);
    release();
    await runFinished(pane);
    expect(runs).toBe(1);
    expect(runButton(pane).getAttribute("aria-disabled")).not.toBe("true");
    expect(screen.queryByRole("progressbar")).toBeNull();
  });
});
