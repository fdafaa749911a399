/**
 * @jest-environment jsdom
 */
// The pane's Find data and the table around a clicked cell (#13), in both languages and with the
// keyboard only: Find data on the workbench's sample fills this year's and last year's lists and
// the NBS series and lists what it found per sheet; unticking leaves a table out; Run writes the
// summary; a workbook with nothing names the sheets looked at; one cell stands for its table.

import { OfficePort } from "../../src/excel/port";
import { screen, waitFor, within } from "@testing-library/react";
import type { Language } from "../../src/core/messages";
import { WorkbookHost } from "../../src/host/host";
import { connectHost, loadExcelClient } from "../../src/host/node-client";
import { sampleWorkbook } from "../../src/workbench/sample";
import { listAnalyses } from "../../src/run/run";
import { TestWorkbook, testWorkbook } from "../excel/harness";
import { mountPane, MountedPane, previewOf, runButton, runFinished, select, slot, tabTo } from "./pane";

function sampleBook(): TestWorkbook {
  const workbook = sampleWorkbook();
  const host = new WorkbookHost(workbook);
  return { workbook, host, env: new OfficePort({ run: connectHost(loadExcelClient(), host), isSetSupported: () => true }) };
}

const addressBox = (pane: MountedPane, title: string) => screen.getByRole("textbox", { name: pane.say(pane.t.addressOf, { source: title }) }) as HTMLInputElement;

describe.each(["zh-CN", "en-US"] as Language[])("%s", (language) => {
  test("Find data with the keyboard fills this year's, last year's and the NBS slots, lists each sheet's tables; Run writes the summary", async () => {
    const pane = mountPane(language, sampleBook());
    const { t, user } = pane;
    const button = screen.getByRole("button", { name: t.findData });
    await tabTo(user, button);
    await user.keyboard("{Enter}");
    await waitFor(() => expect(addressBox(pane, t.slotCurrent).value).toBe("'2024年TOP100'!A1:C109"), { timeout: 10_000 });
    expect(addressBox(pane, t.slotPrevious).value).toBe("'2023年TOP100'!A1:C124");
    expect(addressBox(pane, t.slotSeries).value).toMatch(/^国家统计局!A1:/);
    // Each slot shows its reading as after Use selection
    const current = await previewOf(pane, t.slotCurrent);
    expect(within(current).getAllByText(language === "zh-CN" ? "2024年" : "2024").length).toBeGreaterThan(0);
    expect(within(current).getByText(t.previewBases)).toBeTruthy();
    // The list: a group per sheet with tables, the guide sheet said to hold none
    const found = screen.getByRole("region", { name: t.findDataTitle });
    expect(within(found).getByText(pane.say(t.findDataSheetNothing, { sheet: "说明" }))).toBeTruthy();
    const boxes = within(found).getAllByRole("checkbox") as HTMLInputElement[];
    expect(boxes.map((b) => b.checked)).toEqual([true, true, true]);
    expect(boxes[0].labels?.[0]?.textContent).toContain(language === "zh-CN" ? "用作本年排行榜" : "used as this year");
    // Unticking the NBS table empties its slot; ticking it again brings it back (Space, keyboard only)
    boxes[2].focus();
    await user.keyboard(" ");
    await waitFor(() => expect(addressBox(pane, t.slotSeries).value).toBe(""));
    await user.keyboard(" ");
    await waitFor(() => expect(addressBox(pane, t.slotSeries).value).toMatch(/^国家统计局!A1:/));
    // Reading this year's table again (Enter in its box, as after a correction) keeps it as the region Find data chose
    await tabTo(user, addressBox(pane, t.slotCurrent), 200);
    await user.keyboard("{Enter}");
    await waitFor(() => expect(within(slot(t.slotCurrent)).queryByText(t.reading)).toBeNull());
    expect(addressBox(pane, t.slotCurrent).value).toBe("'2024年TOP100'!A1:C109");
    expect(within(slot(t.slotCurrent)).queryByText(pane.say(t.previewExpanded, { address: "'2024年TOP100'!A1:C109" }))).toBeNull();
    await tabTo(user, runButton(pane), 200);
    await user.keyboard("{Enter}");
    await runFinished(pane);
    const summary = language === "zh-CN" ? "汇总_2024" : "Summary_2024";
    expect(pane.workbook.sheet(summary)).toBeDefined();
    // The stored analysis keeps each table as a region around its corner, so a refresh reads rows added below and columns at the right
    const [stored] = await listAnalyses(pane.env);
    expect(stored.sources.map((s) => [s.role, s.spec])).toEqual([
      ["current", { kind: "region", anchor: "'2024年TOP100'!A1", taken: "'2024年TOP100'!A1:C109", extent: "column-band" }],
      ["previous", { kind: "region", anchor: "'2023年TOP100'!A1", taken: "'2023年TOP100'!A1:C124", extent: "column-band" }],
      ["series", { kind: "region", anchor: "国家统计局!A1", taken: expect.stringMatching(/^国家统计局!A1:/), extent: "column-band" }],
    ]);
  }, 30_000);

  test("a workbook where nothing is found says so, naming the sheets looked at", async () => {
    const pane = mountPane(language, testWorkbook({ 说明: [["只有说明"]], 草稿: [["备忘"]] }));
    await pane.user.click(screen.getByRole("button", { name: pane.t.findData }));
    expect(await screen.findByText(pane.say(pane.t.findDataNothing, { sheets: language === "zh-CN" ? "说明、草稿" : "说明, 草稿" }))).toBeTruthy();
    expect(addressBox(pane, pane.t.slotCurrent).value).toBe("");
  });

  test("one cell clicked inside the 2024 list and Use selection: the address box shows the whole table, the reading says it was extended", async () => {
    const book = sampleBook();
    const pane = mountPane(language, book);
    select(book, "2024年TOP100", 4, 1, 1, 1);
    await pane.user.click(screen.getByRole("button", { name: pane.say(pane.t.useSelectionFor, { source: pane.t.slotCurrent }) }));
    await waitFor(() => expect(addressBox(pane, pane.t.slotCurrent).value).toBe("'2024年TOP100'!A1:C109"), { timeout: 10_000 });
    const preview = await previewOf(pane, pane.t.slotCurrent);
    expect(within(preview).getByText(pane.say(pane.t.previewExpanded, { address: "'2024年TOP100'!A1:C109" }))).toBeTruthy();
  });
});
