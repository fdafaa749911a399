/**
 * @jest-environment jsdom
 */
// The readings the pane lets a person correct or check beyond the slots (#13 §3), in both
// languages and with the keyboard only, against the in-memory host: a table Find data listed
// beside the slots is corrected as a slot's is and the run uses the correction (and keeps it with
// the analysis); the alias sheet every run reads appears in "what StatDesk understood" — the
// names it unifies and a bad line at its cell — whether the sources were found or typed.

import { cleanup, screen, waitFor, within } from "@testing-library/react";
import type { Language } from "../../src/core/messages";
import { listAnalyses } from "../../src/run/run";
import type { RunResult } from "../../src/run";
import { titledListGrid } from "../fixtures/rankings/history";
import { NAMES_2024 } from "../fixtures/rankings/build";
import { CIA_2023, CIA_2023_NOV, CIA_2024, CIA_2024_NOV } from "../fixtures/rankings/synthetic";
import { handTableGrid } from "../fixtures/nbs/hand-table";
import { nbsExportGrid } from "../fixtures/nbs/build";
import { testWorkbook } from "../excel/harness";
import { escape, listGrid, mountPane, MountedPane, previewOf, runButton, runFinished, selectionOf, tabTo } from "./pane";

/** Runs as the pane makes them, kept for the test to read their analyses. */
function recordingRuns(results: RunResult[]) {
  return (pane: MountedPane["services"]): MountedPane["services"] => ({
    ...pane,
    run: async (definition, onPhase) => {
      const result = await pane.run(definition, onPhase);
      results.push(result);
      return result;
    },
  });
}

/** Presses Find data with the keyboard and waits for the list of what it found. */
async function findWithKeyboard(pane: MountedPane): Promise<HTMLElement> {
  await tabTo(pane.user, screen.getByRole("button", { name: pane.t.findData }));
  await pane.user.keyboard("{Enter}");
  return screen.findByRole("region", { name: pane.t.findDataTitle }, { timeout: 10_000 });
}

/** Tabs to the Run button, presses Enter and waits for the outcome. */
async function runWithKeyboard(pane: MountedPane): Promise<void> {
  (document.activeElement as HTMLElement | null)?.blur();
  await tabTo(pane.user, runButton(pane), 300);
  await pane.user.keyboard("{Enter}");
  await runFinished(pane);
}

/** The year box of a reading, opening its corrections fold with the keyboard when it is folded. */
async function yearBox(pane: MountedPane, reading: HTMLElement): Promise<HTMLInputElement> {
  const box = within(reading).queryByRole("textbox", { name: pane.t.correctYear });
  if (box !== null) return box as HTMLInputElement;
  await tabTo(pane.user, within(reading).getByRole("button", { name: pane.t.correctionsShow }), 200);
  await pane.user.keyboard("{Enter}");
  return (await within(reading).findByRole("textbox", { name: pane.t.correctYear })) as HTMLInputElement;
}

const previewOfFound = (pane: MountedPane, address: string) => previewOf(pane, pane.say(pane.t.findDataTable, { address }));

describe.each(["zh-CN", "en-US"] as Language[])("%s", (language) => {
  test("a list beside the slots whose year is written nowhere: corrected with the keyboard, the run compares this year's list with it; the analysis keeps the correction", async () => {
    // The 1-11月 list of 2024 on a sheet named 上月, its title without the year.
    const book = testWorkbook({
      "2024年1-12月": titledListGrid("2024年1-12月房企销售额排行（单位：亿元）", CIA_2024, NAMES_2024.current),
      "2023年1-12月": titledListGrid("2023年1-12月房企销售额排行（单位：亿元）", CIA_2023, NAMES_2024.previous),
      上月: titledListGrid("1-11月房企销售额排行（单位：亿元）", CIA_2024_NOV, NAMES_2024.current),
      "2023年1-11月": titledListGrid("2023年1-11月房企销售额排行（单位：亿元）", CIA_2023_NOV, NAMES_2024.previous),
    });
    const results: RunResult[] = [];
    const pane = mountPane(language, book, recordingRuns(results));
    const { t, say, user } = pane;
    const found = await findWithKeyboard(pane);
    const address = `上月!A1:C${CIA_2024_NOV.length + 2}`;

    // Run as found: the yearless list cannot be placed in time, so no 1-11月 rate to compare with.
    await runWithKeyboard(pane);
    const before = results[0];
    if (!before.ok) throw new Error(JSON.stringify(before.problems));
    expect(before.analysis.rankings[0].top.find((x) => x.n === 100)?.rateChange ?? null).toBeNull();

    // Check and correct, beside the slots: its reading opens, saying no year was found; the year is typed.
    const open = within(found).getByRole("button", { name: say(t.findDataCorrectFor, { address }) });
    expect(open.getAttribute("aria-expanded")).toBe("false");
    await tabTo(user, open, 200);
    await user.keyboard("{Enter}");
    expect(open.getAttribute("aria-expanded")).toBe("true");
    const reading = await previewOfFound(pane, address);
    expect(within(reading).getByText(say(t.previewHeading, { address }))).toBeTruthy();
    const year = await yearBox(pane, reading);
    await tabTo(user, year, 200);
    await user.keyboard("2024{Enter}");
    // Read again with the year: its period is now 1-11月 of 2024, and the list says it was corrected.
    const period = language === "zh-CN" ? "2024年1-11月" : "Jan–Nov 2024";
    const box = () => within(found).getByRole("checkbox", { name: new RegExp(`^${escape(address)}`) }) as HTMLInputElement;
    await waitFor(() => expect(box().labels?.[0]?.textContent).toContain(period), { timeout: 10_000 });
    expect(box().labels?.[0]?.textContent?.endsWith(say(t.findDataCorrected, { item: "" }))).toBe(true);

    // Run again: this year's TOP100 now has last month's rate beside it (1-11月 −: 2024 against 2023).
    await runWithKeyboard(pane);
    const after = results[1];
    if (!after.ok) throw new Error(JSON.stringify(after.problems));
    expect(after.analysis.rankings[0].top.find((x) => x.n === 100)?.rateChange?.previousPeriod).toBe("2024-11");
    // The analysis keeps the correction with the table, so a refresh reads it the same way.
    const [stored] = await listAnalyses(pane.env);
    expect(stored.sources.filter((s) => s.found === true).map((s) => [s.spec.kind === "region" ? s.spec.anchor : "", s.overrides ?? null])).toEqual([
      ["上月!A1", { year: 2024 }],
      ["'2023年1-11月'!A1", null],
    ]);

    // Opened again for editing: the tables beside the slots are listed with their corrections, each read when it is opened.
    const summary = language === "zh-CN" ? "汇总_2024" : "Summary_2024";
    await tabTo(user, screen.getByRole("button", { name: say(t.editOne, { name: summary }) }), 300);
    await user.keyboard("{Enter}");
    const listed = await screen.findByRole("region", { name: t.findDataTitle });
    await waitFor(() => expect(within(listed).getAllByRole("checkbox")).toHaveLength(2));
    expect((within(listed).getAllByRole("checkbox")[0] as HTMLInputElement).labels?.[0]?.textContent).toBe(
      say(t.findDataCorrected, { item: say(t.findDataItemUnread, { address, goes: t.findDataBesideRanking }) }),
    );
    await tabTo(user, within(listed).getByRole("button", { name: say(t.findDataCorrectFor, { address }) }), 300);
    await user.keyboard("{Enter}");
    const again = await previewOfFound(pane, address);
    expect((await yearBox(pane, again)).value).toBe("2024");
    expect(within(again).getByText(period)).toBeTruthy();
  }, 60_000);

  test("a slot's reading and a table's beside the slots take the header row, the unit and a reset alike, each read again at once", async () => {
    const book = testWorkbook({
      "2024年1-12月": titledListGrid("2024年1-12月房企销售额排行（单位：亿元）", CIA_2024, NAMES_2024.current),
      "2023年1-12月": titledListGrid("2023年1-12月房企销售额排行（单位：亿元）", CIA_2023, NAMES_2024.previous),
      "2024年1-11月": titledListGrid("2024年1-11月房企销售额排行（单位：亿元）", CIA_2024_NOV, NAMES_2024.current),
    });
    const pane = mountPane(language, book);
    const { t, say, user } = pane;
    const found = await findWithKeyboard(pane);
    const beside = `'2024年1-11月'!A1:C${CIA_2024_NOV.length + 2}`;
    await tabTo(user, within(found).getByRole("button", { name: say(t.findDataCorrectFor, { address: beside }) }), 200);
    await user.keyboard("{Enter}");

    // The same corrections in both readings: each one the preview turns into the source's overrides.
    const readings: [string, () => Promise<HTMLElement>, string][] = [
      [t.slotCurrent, () => previewOf(pane, t.slotCurrent), "'2024年1-12月'"],
      [beside, () => previewOfFound(pane, beside), "'2024年1-11月'"],
    ];
    for (const [name, reading, sheet] of readings) {
      // What the reading says and what it keeps: its header row (read again with the correction)
      // and the unit chosen for it (the list's header names 亿元, which wins over a chosen unit).
      const facts = async () => {
        const preview = await reading();
        const headerRow = within(preview).getByText(t.previewHeaderRow, { selector: "dt" }).nextElementSibling?.textContent ?? "";
        const unit = within(preview).queryByRole("combobox", { name: t.correctUnit }) as HTMLSelectElement | null;
        // A slot's reading is drawn anew after each read, its fold closed again when nothing calls for it: no unit chosen.
        return [name, headerRow, unit?.value ?? "", within(preview).queryByRole("button", { name: t.resetCorrections }) !== null];
      };
      await yearBox(pane, await reading()); // opens the corrections' fold
      expect(await facts()).toEqual([name, say(t.previewHeaderRowValue, { row: 2, cell: `${sheet}!A2` }), "", false]);
      await user.selectOptions(within(await reading()).getByRole("combobox", { name: t.correctUnit }), "万元");
      await waitFor(async () => expect(await facts()).toEqual([name, say(t.previewHeaderRowValue, { row: 2, cell: `${sheet}!A2` }), "万元", true]), { timeout: 10_000 });
      const header = within(await reading()).getByRole("spinbutton", { name: t.correctHeaderRow });
      await tabTo(user, header, 200);
      await user.keyboard("{Control>}a{/Control}3{Enter}");
      await waitFor(async () => expect(await facts()).toEqual([name, say(t.previewHeaderRowValue, { row: 3, cell: `${sheet}!A3` }), "万元", true]), { timeout: 10_000 });
      await tabTo(user, within(await reading()).getByRole("button", { name: t.resetCorrections }), 200);
      await user.keyboard("{Enter}");
      // Reset: the reading is StatDesk's own again.
      await waitFor(async () => expect(await facts()).toEqual([name, say(t.previewHeaderRowValue, { row: 2, cell: `${sheet}!A2` }), "", false]), { timeout: 10_000 });
    }
  }, 60_000);

  test("a hand table beside the NBS slot, its months without a year: the year typed in its reading puts its figures in the run", async () => {
    const book = testWorkbook({ 国家统计局: nbsExportGrid(), 手工表: handTableGrid() });
    const results: RunResult[] = [];
    const pane = mountPane(language, book, recordingRuns(results));
    const { t, say, user } = pane;
    const found = await findWithKeyboard(pane);
    const address = "手工表!A1:L9";
    await tabTo(user, within(found).getByRole("button", { name: say(t.findDataCorrectFor, { address }) }), 200);
    await user.keyboard("{Enter}");
    const reading = await previewOfFound(pane, address);
    const year = (await within(reading).findByRole("textbox", { name: t.correctYear })) as HTMLInputElement;
    await tabTo(user, year, 200);
    await user.keyboard("2025{Enter}");
    await waitFor(() => expect(within(found).getByRole("checkbox", { name: new RegExp(language === "zh-CN" ? "2025年1-12月" : "Jan–Dec 2025") })).toBeTruthy(), { timeout: 10_000 });
    await runWithKeyboard(pane);
    const result = results[0];
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    // 2025's sales area from the hand table (88101 万平方米 to December), beside the NBS export's years
    const area = result.analysis.series.find((s) => s.indicatorId === "total.salesArea" && s.points.some((p) => p.period === "2025-12"));
    expect(area?.points.find((p) => p.period === "2025-12")?.value).toBe(88101);
  }, 60_000);

  test("the alias sheet in what StatDesk understood, with sources typed: the names it unifies, a bad line at its cell reached with the keyboard; corrected, read again", async () => {
    const book = testWorkbook({
      "2024年": listGrid("2024年房企销售额排行（单位：亿元）", CIA_2024, NAMES_2024.current),
      "2023年": listGrid("2023年房企销售额排行（单位：亿元）", CIA_2023, NAMES_2024.previous),
      别名: [["名称", "统一名称"], ["碧桂园控股", "碧桂园"], ["万科地产", ""]],
    });
    const pane = mountPane(language, book);
    const { t, say, user } = pane;
    const current = screen.getByRole("textbox", { name: say(t.addressOf, { source: t.slotCurrent }) });
    await tabTo(user, current);
    await user.keyboard("'2024年'!A:C{Enter}");
    await previewOf(pane, t.slotCurrent);
    const aliases = await screen.findByRole("group", { name: t.aliasOf });
    expect(within(aliases).getByText(say(t.aliasHeading, { address: "别名!A1:B3" }))).toBeTruthy();
    expect(within(aliases).getByText(say(t.aliasCount, { count: "1" }))).toBeTruthy();
    expect(within(aliases).getByText(say(t.aliasLine, { name: "碧桂园控股", unified: "碧桂园" }))).toBeTruthy();
    expect(within(aliases).getByText(t.aliasProblemsTitle)).toBeTruthy();
    // The bad line is named at its cell: Tab to it, Enter, and Excel's selection is there.
    const link = within(aliases).getByRole("button", { name: say(t.goToCell, { cell: "别名!B3" }) });
    await tabTo(user, link, 200);
    await user.keyboard("{Enter}");
    await waitFor(() => expect(selectionOf(book)).toEqual({ sheet: "别名", row: 2, column: 1 }));

    // The line corrected in the workbook; reading the slot again reads the alias sheet again.
    book.workbook.sheet("别名")!.setValue(2, 1, "万科");
    await tabTo(user, current, 200);
    await user.keyboard("{Enter}");
    await waitFor(() => expect(within(screen.getByRole("group", { name: t.aliasOf })).getByText(say(t.aliasCount, { count: "2" }))).toBeTruthy(), { timeout: 10_000 });
    expect(within(screen.getByRole("group", { name: t.aliasOf })).queryByText(t.aliasProblemsTitle)).toBeNull();
    expect(screen.getByText(say(t.aliasLine, { name: "万科地产", unified: "万科" }))).toBeTruthy();
  }, 30_000);

  test("the alias sheet in what StatDesk understood after Find data; a workbook without one shows none", async () => {
    const book = testWorkbook({
      "2024年": listGrid("2024年房企销售额排行（单位：亿元）", CIA_2024, NAMES_2024.current),
      "2023年": listGrid("2023年房企销售额排行（单位：亿元）", CIA_2023, NAMES_2024.previous),
      StatDesk_别名: [["名称", "统一名称"], ["碧桂园控股", "碧桂园"], ["万科地产", "万科", "多余"]],
    });
    const pane = mountPane(language, book);
    const { t, say, user } = pane;
    await findWithKeyboard(pane);
    const aliases = await screen.findByRole("group", { name: t.aliasOf });
    expect(within(aliases).getByText(say(t.aliasHeading, { address: "StatDesk_别名!A1:C3" }))).toBeTruthy();
    expect(within(aliases).getByText(say(t.aliasLine, { name: "碧桂园控股", unified: "碧桂园" }))).toBeTruthy();
    const link = within(aliases).getByRole("button", { name: say(t.goToCell, { cell: "StatDesk_别名!C3" }) });
    await tabTo(user, link, 200);
    await user.keyboard("{Enter}");
    await waitFor(() => expect(selectionOf(book)).toEqual({ sheet: "StatDesk_别名", row: 2, column: 2 }));

    // Without an alias sheet, nothing is said of one.
    cleanup();
    const plain = mountPane(language, testWorkbook({ "2024年": listGrid("2024年房企销售额排行（单位：亿元）", CIA_2024, NAMES_2024.current) }));
    await findWithKeyboard(plain);
    expect(screen.queryByRole("group", { name: t.aliasOf })).toBeNull();
  }, 30_000);
});
