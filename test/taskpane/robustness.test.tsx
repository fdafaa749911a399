/**
 * @jest-environment jsdom
 */
// What must hold whatever happens: a failing service never leaves the pane stuck, a stored
// analysis can be edited and re-run in place, national sales can come from a cell, the pane
// shows no word outside its language, and high contrast gets the high-contrast theme.

import { setForcedColors } from "./setup";
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import { teamsHighContrastTheme, webLightTheme } from "@fluentui/react-components";
import { runAnalysis } from "../../src/excel/run";
import { enUS } from "../../src/i18n/en-US";
import { zhCN } from "../../src/i18n/zh-CN";
import { PaneRoot } from "../../src/taskpane/App";
import { excelServices } from "../../src/taskpane/services";
import { RUN_CONTEXT, sheetValues } from "../excel/harness";
import { escape, mountPane, MountedPane, previewOf, rankingBook, runButton, runFinished, section, select } from "./pane";

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

test("in zh-CN the pane shows no English words of its catalog; in en-US none of the Chinese", async () => {
  for (const [language, foreign] of [["zh-CN", enUS], ["en-US", zhCN]] as const) {
    const book = rankingBook();
    const pane = mountPane(language, book);
    const { t, user } = pane;
    await typeAddress(pane, t.slotCurrent, "'2024年'!A1:C112");
    await typeAddress(pane, t.slotPrevious, "'2023年'!A:C");
    await user.click(screen.getByRole("radio", { name: t.tierCustom }));
    await user.click(runButton(pane));
    await runFinished(pane);
    // Names and codes that read the same in both (StatDesk, TOP-N, the language names) are not leaks.
    const own = pane.t as Record<string, string>;
    const shared = new Set(Object.keys(foreign).filter((k) => own[k].includes((foreign as Record<string, string>)[k])));
    // The workbook's own words (a header "企业名称" shown in an English pane) are data, not the pane's.
    const cells = book.workbook.sheets.flatMap((sheet) => sheetValues(book.workbook, sheet.name).flat().map(String));
    for (const [k, text] of Object.entries(foreign)) if (cells.some((c) => c.includes(text))) shared.add(k);
    const shown = document.body.textContent ?? "";
    const labels = [...document.querySelectorAll("[aria-label]")].map((e) => e.getAttribute("aria-label") ?? "");
    const leaks = Object.entries(foreign)
      .filter(([k, text]) => !shared.has(k) && text.length > 3 && !text.includes("{"))
      .filter(([, text]) => shown.includes(text) || labels.includes(text))
      .map(([k]) => k);
    expect([language, leaks]).toEqual([language, []]);
    cleanup();
  }
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
  const services = excelServices(book.env, "test");
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
