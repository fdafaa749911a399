// StatDesk as WPS 表格 loads it, in Debian's Chromium: the built add-in (dist/wps, `npm run
// build:wps`) with the stand-in ET injected before the page's own scripts as WPS injects its
// Application (dist/wps-standin/stand-in.js over the workbench's sample workbook). The ribbon's
// button opens the pane beside the entry page; the pane finds WPS at start, Find data fills its
// slots, Run writes the summary through the WPS adapter. Nothing leaves the page's origin.

import * as path from "path";
import { Browser } from "playwright-core";
import { format, messages } from "../../src/i18n";
import { ARTIFACTS, BASE, eventually, finish, guardedPage, launchChromium, Session } from "./browser";

const STAND_IN = path.join(__dirname, "..", "..", "dist", "wps-standin", "stand-in.js");

/** What the injected stand-in leaves on the page (src/wps-standin/page.ts). */
interface StandInView {
  sheets(): { name: string; visibility: string; charts: string[]; freeze: { rows: number; columns: number } }[];
  cells(sheet: string): (string | number | boolean)[][];
  names(): { name: string; formula: string }[];
  active(): string;
  calls(): number;
  panes(): { url: string; title: string; visible: boolean; dock: number }[];
}
declare const statdeskStandIn: StandInView;

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/** A page of the WPS add-in with WPS's Application stood in, guarded (./browser). */
async function openInWps(file: string): Promise<Session> {
  const session = await guardedPage(browser, { viewport: { width: 420, height: 1100 }, locale: "zh-CN" }, STAND_IN);
  await session.page.goto(`${BASE}/wps/${file}`);
  return session;
}

test("the ribbon's button opens the pane page beside the add-in, docked right", async () => {
  const session = await openInWps("index.html");
  const { page } = session;
  // main.js writes js/ribbon.js into the entry page; its callbacks are then on window, as WPS looks them up.
  await page.waitForFunction(() => typeof (window as unknown as { ribbon?: { OnAction?: unknown } }).ribbon?.OnAction === "function");
  await page.evaluate(() => (window as unknown as { ribbon: { OnAction(c: { Id: string }): boolean } }).ribbon.OnAction({ Id: "StatDeskOpenPane" }));
  const panes = await page.evaluate(() => statdeskStandIn.panes());
  expect(panes).toEqual([{ url: `${BASE}/wps/ui/taskpane.html`, title: "统计助手", visible: true, dock: 2 }]);
  await finish(session);
});

test("the pane page finds WPS at start: Find data fills the slots and Run writes the summary through the WPS adapter", async () => {
  const t = messages("zh-CN");
  const session = await openInWps("ui/taskpane.html");
  const { page } = session;
  await page.getByRole("button", { name: t.findData, exact: true }).click();
  const box = (slot: "slotCurrent" | "slotPrevious" | "slotSeries") => page.getByRole("textbox", { name: format(t.addressOf, { source: t[slot] }) });
  await page.waitForFunction(() => document.querySelectorAll("input").length > 0);
  await expect(eventually(() => box("slotPrevious").inputValue(), (v) => v === "'2023年TOP100'!A1:C124", 15000)).resolves.toBe("'2023年TOP100'!A1:C124");
  await expect(box("slotCurrent").inputValue()).resolves.toBe("'2024年TOP100'!A1:C109");
  await expect(box("slotSeries").inputValue()).resolves.toMatch(/^国家统计局!A1:/);
  await page.screenshot({ path: path.join(ARTIFACTS, "wps-pane-found-zh-CN.png") });

  await page.getByRole("button", { name: t.runButton }).click();
  await page.getByText(format(t.runDone, { sheet: "汇总_2024" })).first().waitFor({ state: "visible", timeout: 30000 });

  // The workbook as the stand-in holds it: the summary in front with its figures, charts and frozen header,
  // the marker name, the stored analyses on their hidden sheet.
  const sheets = await page.evaluate(() => statdeskStandIn.sheets());
  const summary = sheets.find((s) => s.name === "汇总_2024");
  expect(summary?.charts.length).toBeGreaterThan(0);
  expect(summary?.freeze.rows).toBeGreaterThan(0);
  expect(sheets.find((s) => s.name === "StatDesk_analyses")?.visibility).toBe("Hidden");
  await expect(page.evaluate(() => statdeskStandIn.active())).resolves.toBe("汇总_2024");
  const cells = await page.evaluate(() => statdeskStandIn.cells("汇总_2024"));
  const top100 = cells.find((row) => row[0] === "TOP100");
  expect(top100?.[1] as number).toBeCloseTo(43547.3, 6);
  const names = await page.evaluate(() => statdeskStandIn.names());
  expect(names.some((n) => n.name.startsWith("StatDesk_") && n.formula === "=汇总_2024!$A$1")).toBe(true);

  // The pane as the person sees it after the run: the run button, its message and the results below.
  await page.getByRole("button", { name: t.runButton }).evaluate((e) => e.scrollIntoView({ block: "start" }));
  await page.waitForTimeout(100);
  await page.screenshot({ path: path.join(ARTIFACTS, "wps-pane-zh-CN.png") });
  await finish(session);
});
