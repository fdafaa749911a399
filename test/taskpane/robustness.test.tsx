/**
 * @jest-environment jsdom
 */
// What must hold whatever happens: a failing service never leaves the pane stuck, a stored
// analysis can be edited and re-run in place, series and plans reach the results, national sales
// can come from a cell, and high contrast gets the high-contrast theme.

import { setForcedColors } from "./setup";
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import { teamsHighContrastTheme, webLightTheme } from "@fluentui/react-components";
import { runAnalysis } from "../../src/run/run";
import { enUS } from "../../src/i18n/en-US";
import { PaneRoot } from "../../src/taskpane/App";
import { paneServices } from "../../src/taskpane/services";
import { RUN_CONTEXT, sheetValues, testWorkbook } from "../excel/harness";
import { nbsExportGrid } from "../fixtures/nbs/build";
import { BEIJING_2023_PLAN } from "../fixtures/plan/beijing-2023";
import { CIA_2023, CIA_2024 } from "../fixtures/rankings/synthetic";
import { NAMES_2024 } from "../fixtures/rankings/build";
import { escape, listGrid, mountPane, MountedPane, previewOf, rankingBook, runButton, runFinished, section, select } from "./pane";

async function typeAddress(pane: MountedPane, title: string, address: string): Promise<void> {
  const box = screen.getByRole("textbox", { name: pane.say(pane.t.addressOf, { source: title }) });
  await pane.user.clear(box);
  await pane.user.type(box, `${address}{Enter}`);
  await previewOf(pane, title);
}

test("services that throw: a translated message with the error's text, and Run usable again", async () => {
  const book = rankingBook();
  let failRun = true;
  const pane = mountPane("zh-CN", book, (s) => ({
    ...s,
    readSelection: () => Promise.reject(new Error("selection lost")),
    listAnalyses: () => Promise.reject(new Error("settings unreadable")),
    run: (d, onPhase) => (failRun ? Promise.reject(new TypeError("network down")) : s.run(d, onPhase)),
  }));
  const { t, say, user } = pane;
  expect(await within(section(t.sectionStored)).findByText(say(t.unexpectedError, { detail: "Error: settings unreadable" }))).toBeTruthy();

  await user.click(screen.getByRole("button", { name: say(t.useSelectionFor, { source: t.slotCurrent }) }));
  expect(await screen.findByText(say(t.unexpectedError, { detail: "Error: selection lost" }))).toBeTruthy();

  await typeAddress(pane, t.slotCurrent, "'2024年'!A1:C112");
  await user.click(runButton(pane));
  const runArea = section(t.sectionRun);
  expect(await within(runArea).findByText(say(t.unexpectedError, { detail: "TypeError: network down" }))).toBeTruthy();
  expect(runButton(pane).getAttribute("aria-disabled")).not.toBe("true");
  failRun = false;
  await user.click(runButton(pane));
  await runFinished(pane);
  expect(book.workbook.sheet("汇总_2024")).toBeDefined();
});

test("a stored analysis is listed at start, edited in the form, and re-run onto its own sheet", async () => {
  const book = rankingBook();
  const stored = await runAnalysis(
    book.env,
    {
      id: "desk1",
      sources: [
        { role: "current", spec: { kind: "address", address: "'2024年'!A1:C112" } },
        { role: "previous", spec: { kind: "address", address: "'2023年'!A:C" } },
      ],
      options: { tiers: "cia2020" },
      output: { sheetName: "月报", language: "zh-CN", colours: "green-up" },
    },
    RUN_CONTEXT,
  );
  expect(stored.ok).toBe(true);
  const pane = mountPane("en-US", book);
  const { t, say, user } = pane;
  const list = section(t.sectionStored);
  await user.click(await within(list).findByRole("button", { name: say(t.editOne, { name: "月报" }) }));
  expect((screen.getByRole("textbox", { name: say(t.addressOf, { source: t.slotPrevious }) }) as HTMLInputElement).value).toBe("'2023年'!A:C");
  expect((screen.getByRole("radio", { name: t.tierCia2020 }) as HTMLInputElement).checked).toBe(true);
  expect((screen.getByRole("radio", { name: t.coloursGreenUp }) as HTMLInputElement).checked).toBe(true);
  expect((screen.getByRole("textbox", { name: t.sheetName }) as HTMLInputElement).value).toBe("月报");

  book.workbook.sheet("2024年")!.setValue(2, 2, 2802.5 + 1000);
  await user.click(runButton(pane));
  await runFinished(pane);
  expect(book.workbook.sheets.map((s) => s.name)).toEqual(["2024年", "2023年", "月报"]);
  expect(sheetValues(book.workbook, "月报").find((r) => r[0] === "TOP100")![1]).toBeCloseTo(44547.3, 6);
  // The 2020–21 preset kept: its 200–500 tier is on the sheet.
  expect(sheetValues(book.workbook, "月报").some((r) => r[0] === "200-500亿")).toBe(true);
  expect(within(list).getAllByRole("listitem")).toHaveLength(1);
});

test("series and plan slots: indicators previewed, basis gaps flagged with their cells, plan completion", async () => {
  const book = testWorkbook({
    "2024年": listGrid("2024年房企销售额排行（单位：亿元）", CIA_2024, NAMES_2024.current),
    "2023年": listGrid("2023年房企销售额排行（单位：亿元）", CIA_2023, NAMES_2024.previous),
    月度数据: nbsExportGrid(),
    计划: BEIJING_2023_PLAN,
  });
  const pane = mountPane("zh-CN", book);
  const { t, say, user } = pane;
  await typeAddress(pane, t.slotCurrent, "'2024年'!A1:C112");
  await typeAddress(pane, t.slotPrevious, "'2023年'!A:C");
  await typeAddress(pane, t.slotSeries, "月度数据!A1:AF12");
  const series = await previewOf(pane, t.slotSeries);
  expect(within(series).getByText(/新建商品房销售额|商品房销售额/)).toBeTruthy();
  expect(within(series).queryByRole("button", { name: t.correctionsShow })).toBeNull(); // NBS layout: nothing to correct
  await typeAddress(pane, t.slotPlan, "计划!A1:E11");
  await user.click(runButton(pane));
  await runFinished(pane);
  const results = section(t.sectionResults);
  // 2023年1-6月 sales area: −13.7% from the levels against −5.3% published (domain.md §2).
  const gap = within(results).getByText(/商品房销售面积（2023年1-6月）/);
  expect(gap.textContent).toContain("-13.7%");
  expect(gap.textContent).toContain("-5.3%");
  await user.click(within(gap).getByRole("button", { name: say(t.goToCell, { cell: "月度数据!T4" }) }));
  await waitFor(() => expect(book.workbook.currentSelection().sheet.name).toBe("月度数据"));
  expect(within(results).getByText(say(t.planItem, { item: "保障性租赁住房建设筹集", rate: "101.9%" }))).toBeTruthy();
  // Concentration from the series: TOP100 over national sales 96750.
  const top100 = sheetValues(book.workbook, "汇总_2024").find((r) => r[0] === "TOP100")!;
  expect(top100[4]).toBeCloseTo(43547.3 / 96750, 10);
});

test("national sales from a cell: read, shown, and used for concentration", async () => {
  const book = rankingBook();
  book.workbook.addSheet("全国").setValue(4, 1, 96750);
  const pane = mountPane("zh-CN", book);
  const { t, say, user } = pane;
  await typeAddress(pane, t.slotCurrent, "'2024年'!A1:C112");
  await typeAddress(pane, t.slotPrevious, "'2023年'!A:C");
  await user.click(screen.getByRole("radio", { name: t.nationalCell }));
  expect(runButton(pane).getAttribute("aria-disabled")).toBe("true"); // a cell must be named first
  select(book, "全国", 4, 1, 1, 1);
  await user.click(screen.getByRole("button", { name: t.nationalUseSelection }));
  expect(await screen.findByText(say(t.nationalCellValue, { address: "全国!B5", value: "96750" }))).toBeTruthy();
  await user.click(runButton(pane));
  await runFinished(pane);
  const top100 = sheetValues(book.workbook, "汇总_2024").find((r) => r[0] === "TOP100")!;
  expect(top100[4]).toBeCloseTo(43547.3 / 96750, 10);
});

test("copying without a clipboard says so instead of pretending", async () => {
  const book = rankingBook();
  const pane = mountPane("en-US", book);
  const { t, user } = pane;
  const clipboard = Object.getOwnPropertyDescriptor(navigator, "clipboard");
  Object.defineProperty(navigator, "clipboard", { value: undefined, configurable: true });
  await typeAddress(pane, t.slotCurrent, "'2024年'!A1:C112");
  await user.click(runButton(pane));
  await runFinished(pane);
  await user.click(screen.getByRole("button", { name: t.copySentences }));
  expect(await screen.findByText(t.copyFailed)).toBeTruthy();
  if (clipboard !== undefined) Object.defineProperty(navigator, "clipboard", clipboard);
});

test("PaneRoot: the light theme, and the high-contrast theme under forced colours", async () => {
  const book = rankingBook();
  const services = paneServices(book.env, "test");
  // Fluent writes the theme's tokens as CSS variables through the CSSOM.
  const themeOf = () => [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).join("\n");
  render(<PaneRoot services={services} language="en-US" />);
  await screen.findByText(enUS.storedEmpty);
  expect(themeOf()).toMatch(new RegExp(`--colorNeutralBackground1:\\s*${escape(webLightTheme.colorNeutralBackground1)}`));
  cleanup();
  setForcedColors(true);
  try {
    render(<PaneRoot services={services} language="en-US" />);
    await screen.findByText(enUS.storedEmpty);
    await waitFor(() => expect(themeOf()).toMatch(new RegExp(`--colorNeutralBackground1:\\s*${escape(teamsHighContrastTheme.colorNeutralBackground1)}`)));
  } finally {
    setForcedColors(false);
  }
});
