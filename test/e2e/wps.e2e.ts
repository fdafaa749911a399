// StatDesk as WPS 表格 loads it, in Debian's Chromium: the built add-in (dist/wps, `npm run
// build:wps`) with the stand-in ET injected before the page's own scripts as WPS injects its
// Application (dist/wps-standin/stand-in.js over the workbench's sample workbook). The ribbon's
// button opens the pane beside the entry page; the pane finds WPS at start, Find data fills its
// slots, Run writes the summary through the WPS adapter. Nothing leaves the page's origin.

import * as fs from "fs";
import * as path from "path";
import { Browser, BrowserContext, chromium, Page } from "playwright-core";
import { format, messages } from "../../src/i18n";

const BASE = process.env.STATDESK_E2E_URL;
const ARTIFACTS = process.env.STATDESK_E2E_ARTIFACTS ?? path.join(__dirname, "..", "..", "test-artifacts", "e2e");
const EXECUTABLE = process.env.STATDESK_E2E_CHROMIUM ?? "/usr/bin/chromium";
const STAND_IN = path.join(__dirname, "..", "..", "dist", "wps-standin", "stand-in.js");

if (BASE === undefined) throw new Error("STATDESK_E2E_URL is not set: run the browser tests with `npm run test:e2e` (scripts/e2e.js serves the build).");

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
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: EXECUTABLE,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
});

afterAll(async () => {
  await browser?.close();
});

interface Session {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly foreign: string[];
  readonly errors: string[];
}

/** A page of the WPS add-in with WPS's Application stood in, every request leaving the origin aborted and remembered. */
async function openInWps(file: string): Promise<Session> {
  const origin = new URL(BASE as string).origin;
  const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 420, height: 1100 }, locale: "zh-CN" });
  const foreign: string[] = [];
  const errors: string[] = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (new URL(url).origin === origin) return route.continue();
    foreign.push(url);
    return route.abort("blockedbyclient");
  });
  await context.addInitScript({ path: STAND_IN });
  const page = await context.newPage();
  page.on("pageerror", (error) => errors.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console error: ${message.text()}`);
  });
  await page.goto(`${BASE}/wps/${file}`);
  return { context, page, foreign, errors };
}

async function finish(session: Session): Promise<void> {
  await session.context.close();
  expect(session.foreign).toEqual([]);
  expect(session.errors).toEqual([]);
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
  await expect(waitForValue(() => box("slotPrevious").inputValue(), "'2023年TOP100'!A1:C124")).resolves.toBe("'2023年TOP100'!A1:C124");
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

/** Polls until the value reads as wanted (or 15 s pass), resolving to the last value read. */
async function waitForValue(read: () => Promise<string>, wanted: string): Promise<string> {
  let value = await read();
  for (let i = 0; i < 150 && value !== wanted; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}
