// The workbench in Debian's Chromium, driven by playwright-core as a person would: select the
// ranking lists with the mouse, take them into the real task pane, run, and read the summary
// sheet and its chart as drawn; switch language and run again; feed a bad file and follow the
// error to its cell; download the workbook and parse it. Every request that leaves the page's
// own origin is aborted and fails the test. Run with `npm run test:e2e` (scripts/e2e.js).

import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { Browser, Locator, Page } from "playwright-core";
import type { Language } from "../../src/core/messages";
import { format, messages } from "../../src/i18n";
import { workbenchStrings } from "../../src/workbench/strings";
import type { Grid } from "../../src/core/cells";
import { titledListGrid } from "../fixtures/rankings/history";
import { NAMES_2024 } from "../fixtures/rankings/build";
import { CIA_2023, CIA_2023_NOV, CIA_2024, CIA_2024_NOV } from "../fixtures/rankings/synthetic";
import { ARTIFACTS, BASE, eventually, finish, guardedPage, launchChromium, Session } from "./browser";

const FIXTURES = path.join(__dirname, "fixtures");

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/** The workbench in the given language, guarded (./browser), once its grid is drawn. */
async function openWorkbench(language: Language, file = "workbench.html"): Promise<Session> {
  const session = await guardedPage(browser, { acceptDownloads: true, viewport: { width: 1440, height: 960 }, locale: language });
  await session.page.goto(`${BASE}/${file}?lang=${language}`);
  await session.page.locator('[role="grid"]').waitFor();
  return session;
}

async function shot(target: Page | Locator, name: string): Promise<void> {
  await target.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
}

const grid = (page: Page) => page.locator('[role="grid"]');
const cell = (page: Page, address: string) => grid(page).locator(`[role="gridcell"][data-address="${address}"]`);
const nameBox = (page: Page) => page.locator("[data-name-box]");

/** Brings a sheet to the front by its tab. */
async function showSheet(page: Page, sheet: string): Promise<void> {
  await page.locator(`[role="tab"][data-sheet-tab="${sheet}"]`).click();
  await expect(grid(page).getAttribute("data-sheet")).resolves.toBe(sheet);
}

/** Selects from one cell to another with the mouse: click, scroll with the wheel, Shift+click. */
async function selectWithMouse(page: Page, sheet: string, from: string, to: string): Promise<void> {
  await showSheet(page, sheet);
  await cell(page, from).click();
  await page.locator("[data-grid-body]").hover();
  for (let i = 0; i < 40 && (await cell(page, to).count()) === 0; i++) {
    await page.mouse.wheel(0, 400);
    await page.waitForTimeout(30);
  }
  await cell(page, to).click({ modifiers: ["Shift"] });
  await expect(nameBox(page).inputValue()).resolves.toBe(from);
}

/** Takes the grid's selection into one of the pane's slots and returns the address it shows. */
async function useSelection(page: Page, language: Language, slot: "slotCurrent" | "slotPrevious" | "slotRanking" | "slotSeries"): Promise<string> {
  const t = messages(language);
  await page.getByRole("button", { name: format(t.useSelectionFor, { source: t[slot] }) }).click();
  const input = page.getByRole("textbox", { name: format(t.addressOf, { source: t[slot] }) });
  return eventually(() => input.inputValue(), (value) => value !== "");
}

/** Runs the analysis from the pane and waits for the summary sheet's tab. */
async function runAnalysis(page: Page, language: Language, sheet: string): Promise<void> {
  await page.getByRole("button", { name: messages(language).runButton }).click();
  await page.locator(`[role="tab"][data-sheet-tab="${sheet}"]`).waitFor({ timeout: 30000 });
  await expect(grid(page).getAttribute("data-sheet")).resolves.toBe(sheet);
}

/** The texts of the grid row whose column A reads `label` (scrolling down until it is drawn). */
async function rowWithLabel(page: Page, label: string): Promise<{ texts: string[]; row: Locator }> {
  const body = page.locator("[data-grid-body]");
  await body.evaluate((b) => (b.scrollTop = 0));
  const labelCell = grid(page).locator('[role="gridcell"][data-address^="A"]').filter({ hasText: new RegExp(`^${label}$`) });
  for (let i = 0; i < 30 && (await labelCell.count()) === 0; i++) {
    await body.evaluate((b) => (b.scrollTop += b.clientHeight * 0.8));
    await page.waitForTimeout(50);
  }
  const row = labelCell.first().locator("xpath=..");
  const texts = await row.locator('[role="gridcell"]').allInnerTexts();
  return { texts: texts.map((t) => t.trim()), row };
}

/**
 * The two pictures the README shows (copied to docs/screenshots by `STATDESK_UPDATE_SCREENSHOTS=1
 * npm run test:e2e`): the whole page on a 1920 x 1080 screen with the tier table beside its chart,
 * and the pane with its result.
 */
async function docsScreenshots(page: Page, language: Language): Promise<void> {
  const before = page.viewportSize();
  await page.setViewportSize({ width: 1920, height: 1080 });
  const body = page.locator("[data-grid-body]");
  await body.evaluate((b) => {
    b.scrollTop = 0;
    b.scrollLeft = 0;
  });
  // Row 23 heads the tier table: bring it to the top of the scrolling rows.
  const tableTop = await cell(page, "A23").evaluate((e) => (e as HTMLElement).offsetTop);
  await body.evaluate((b, top) => (b.scrollTop = top), tableTop);
  await page.waitForTimeout(200);
  await shot(page, "workbench-summary");
  const t = messages(language);
  await page.getByRole("button", { name: t.runButton }).evaluate((e) => e.scrollIntoView({ block: "start" }));
  await page.waitForTimeout(100);
  await shot(page.locator("[data-pane]"), "workbench-pane");
  await body.evaluate((b) => (b.scrollTop = 0));
  if (before !== null) await page.setViewportSize(before);
}

describe("the workbench with the sample workbook", () => {
  let session: Session;
  const zh = "zh-CN" as const;

  beforeAll(async () => {
    session = await openWorkbench(zh);
  });

  afterAll(async () => {
    await finish(session);
  });

  test("opens with the sample: sheet tabs, the 2024 list formatted as Excel shows it, frozen header", async () => {
    const { page } = session;
    const tabs = await page.locator('[role="tab"][data-sheet-tab]').evaluateAll((els) => els.map((e) => e.getAttribute("data-sheet-tab")));
    expect(tabs).toEqual(["说明", "2024年TOP100", "2023年TOP100", "国家统计局"]);
    await expect(grid(page).getAttribute("data-sheet")).resolves.toBe("2024年TOP100");
    await expect(cell(page, "B2").innerText()).resolves.toBe("企业名称");
    // 3039.1 under #,##0.0, right-aligned as a number.
    await expect(cell(page, "C3").innerText()).resolves.toBe("3,039.1");
    // The header row stays in view when the list scrolls.
    await page.locator("[data-grid-body]").evaluate((b) => (b.scrollTop = 1200));
    await expect(cell(page, "B2").isVisible()).resolves.toBe(true);
    await page.locator("[data-grid-body]").evaluate((b) => (b.scrollTop = 0));
  });

  test("a ranking selected with the mouse runs through the pane and writes the summary, its figures and its chart", async () => {
    const { page } = session;
    await selectWithMouse(page, "2024年TOP100", "A1", "C107");
    await expect(useSelection(page, zh, "slotCurrent")).resolves.toBe("'2024年TOP100'!A1:C107");
    await selectWithMouse(page, "2023年TOP100", "A1", "C122");
    await expect(useSelection(page, zh, "slotPrevious")).resolves.toBe("'2023年TOP100'!A1:C122");
    await shot(page.locator("[data-pane]"), "pane-ready");
    await runAnalysis(page, zh, "汇总_2024");
    await expect(page.getByText(format(messages(zh).runDone, { sheet: "汇总_2024" }))).toBeVisibleSoon();

    // 中指 2024: TOP100 43547.3亿元, −30.6% (shown ▼30.6% in green: red for up, green for down).
    const top100 = await rowWithLabel(page, "TOP100");
    expect(top100.texts).toContain("43,547.3");
    expect(top100.texts).toContain("▼30.6%");
    const colour = await top100.row.locator("span", { hasText: /^▼30\.6%$/ }).evaluate((e) => getComputedStyle(e).color);
    expect(colour).toBe("rgb(0, 128, 0)");
    // A reviewer clicks the figure and reads its formula, which leads to the source sheet (#14).
    await top100.row.locator('[role="gridcell"]', { hasText: /^43,547\.3$/ }).first().click();
    await expect(page.locator("[data-formula-bar]").inputValue()).resolves.toMatch(/^=SUM\('2024年TOP100'!\$C\$\d+:\$C\$\d+\)$/);
    // Tier 1000亿以上: 11 companies (16 the year before, ▼5).
    const tier = await rowWithLabel(page, "1000亿以上");
    expect(tier.texts.slice(0, 4)).toEqual(["1000亿以上", "11", "16", "▼5"]);

    // The tier chart, drawn from its definition: a title, bars for both years, labels.
    const chart = page.locator('svg[role="img"][data-chart-name^="StatDesk_tiers"]');
    await expect(chart.count()).resolves.toBe(1);
    const title = await chart.locator("[data-chart-title]").textContent();
    expect(title).toMatch(/2024/);
    await expect(chart.getAttribute("aria-labelledby")).resolves.toBeTruthy();
    expect(await chart.locator("rect").count()).toBeGreaterThanOrEqual(8);
    const labels = await chart.locator("text").allTextContents();
    expect(labels).toEqual(expect.arrayContaining(["11", "16", "50", "67"]));

    await page.locator("[data-grid-body]").evaluate((b) => (b.scrollTop = 0));
    await shot(page, "summary");
    await chart.scrollIntoViewIfNeeded();
    await shot(chart, "chart-tiers");
    await docsScreenshots(page, zh);
  });

  test("the workbook downloads as an .xlsx that ExcelJS reads: the summary sheet with its figures (formulas with their results) and charts", async () => {
    const { page } = session;
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: workbenchStrings(zh).download }).click()]);
    const file = path.join(ARTIFACTS, "workbook.xlsx");
    await download.saveAs(file);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const bytes = fs.readFileSync(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const names = workbook.worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(["2024年TOP100", "2023年TOP100", "汇总_2024"]));
    const summary = workbook.getWorksheet("汇总_2024")!;
    let top100: ExcelJS.Row | undefined;
    summary.eachRow((row) => {
      if (row.getCell(1).value === "TOP100" && top100 === undefined) top100 = row;
    });
    expect(top100).toBeDefined();
    // Figures are live formulas (#14), each with StatDesk's value cached as its result.
    const cells = top100!.values as unknown[];
    const numbers = cells.map((v) => (typeof v === "object" && v !== null && "result" in v ? (v as { result: unknown }).result : v)).filter((v): v is number => typeof v === "number");
    expect(cells.some((v) => typeof v === "object" && v !== null && "formula" in v)).toBe(true);
    expect(numbers.some((v) => Math.abs(v - 43547.3) < 1e-6)).toBe(true);
    expect(numbers.some((v) => Math.abs(v + 0.306) < 5e-4)).toBe(true);
    const zip = await JSZip.loadAsync(bytes);
    expect(Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f)).length).toBeGreaterThanOrEqual(2);
  });

  test("the downloaded .xlsx opens again in a fresh workbench: its sheets and formatted figures come back", async () => {
    const file = path.join(ARTIFACTS, "workbook.xlsx");
    expect(fs.existsSync(file)).toBe(true);
    const fresh = await openWorkbench(zh);
    const { page } = fresh;
    await page.locator("[data-open-file]").setInputFiles(file);
    await expect(page.locator('[data-workbench-notice="success"]')).toBeVisibleSoon();
    await showSheet(page, "汇总_2024");
    const top100 = await rowWithLabel(page, "TOP100");
    expect(top100.texts).toContain("43,547.3");
    expect(top100.texts).toContain("▼30.6%");
    // (Charts are not read back: the host's readXlsx imports cells and formats, not DrawingML.)
    await shot(page, "reopened");
    await finish(fresh);
  });

  test("switching to English remounts the pane in English; a second run writes an English summary", async () => {
    const { page } = session;
    const en = "en-US" as const;
    await page.locator("[data-language-select]").selectOption(en);
    await expect(page.getByRole("button", { name: messages(en).runButton })).toBeVisibleSoon();
    await expect(page.getByRole("button", { name: messages(zh).runButton }).count()).resolves.toBe(0);
    await expect(page.getByRole("heading", { name: workbenchStrings(en).pageTitle }).count()).resolves.toBe(1);
    await shot(page.locator("[data-pane]"), "pane-english");

    await selectWithMouse(page, "2024年TOP100", "A1", "C107");
    await useSelection(page, en, "slotCurrent");
    await selectWithMouse(page, "2023年TOP100", "A1", "C122");
    await useSelection(page, en, "slotPrevious");
    await runAnalysis(page, en, "Summary_2024");
    const top100 = await rowWithLabel(page, "TOP100");
    expect(top100.texts).toContain("43,547.3");
    expect(top100.texts).toContain("▼30.6%");
    await shot(page, "summary-english");
  });
});

describe("Find data and the table around a clicked cell (#13)", () => {
  test.each(["zh-CN", "en-US"] as const)("%s: one cell takes its whole table; 查找数据 fills this year's, last year's and the NBS slots; the run writes the summary", async (language) => {
    const t = messages(language);
    const session = await openWorkbench(language);
    const { page } = session;
    const box = (slot: "slotCurrent" | "slotPrevious" | "slotSeries") => page.getByRole("textbox", { name: format(t.addressOf, { source: t[slot] }) });

    // One cell inside the 2024 list, then Use selection: the address is the whole table, title and footnotes included.
    await showSheet(page, "2024年TOP100");
    await cell(page, "B5").click();
    await expect(nameBox(page).inputValue()).resolves.toBe("B5");
    await page.getByRole("button", { name: format(t.useSelectionFor, { source: t.slotCurrent }) }).click();
    await expect(eventually(() => box("slotCurrent").inputValue(), (v) => v === "'2024年TOP100'!A1:C109")).resolves.toBe("'2024年TOP100'!A1:C109");
    await expect(page.getByText(format(t.previewExpanded, { address: "'2024年TOP100'!A1:C109" }))).toBeVisibleSoon();

    // Find data: every slot from the workbook, the list of what was found per sheet.
    await page.getByRole("button", { name: t.findData, exact: true }).click();
    await expect(eventually(() => box("slotPrevious").inputValue(), (v) => v === "'2023年TOP100'!A1:C124")).resolves.toBe("'2023年TOP100'!A1:C124");
    await expect(box("slotCurrent").inputValue()).resolves.toBe("'2024年TOP100'!A1:C109");
    await expect(box("slotSeries").inputValue()).resolves.toMatch(/^国家统计局!A1:/);
    const found = page.getByRole("region", { name: t.findDataTitle });
    await expect(found).toBeVisibleSoon();
    await expect(found.getByRole("checkbox").count()).resolves.toBe(3);
    await expect(found.getByText(format(t.findDataSheetNothing, { sheet: "说明" }))).toBeVisibleSoon();
    await page.locator("[data-find-data]").evaluate((e) => e.scrollIntoView({ block: "start" }));
    await page.waitForTimeout(100);
    await shot(page.locator("[data-pane]"), `pane-find-data-sample-${language}`);

    const summary = language === "zh-CN" ? "汇总_2024" : "Summary_2024";
    await runAnalysis(page, language, summary);
    const top100 = await rowWithLabel(page, "TOP100");
    expect(top100.texts).toContain("43,547.3");
    expect(top100.texts).toContain("▼30.6%");
    await finish(session);
  });

  test.each(["zh-CN", "en-US"] as const)(
    "%s: a list beside the slots whose title gives months only is corrected in Find data's list; the alias sheet's reading names its bad line at its cell",
    async (language) => {
      const t = messages(language);
      const session = await openWorkbench(language);
      const { page } = session;
      // This year's and last year's lists, the 1-11月 lists (2024's titled without its year), and an alias sheet with a bad line.
      const file = await xlsxOf({
        "2024年1-12月": titledListGrid("2024年1-12月房企销售额排行（单位：亿元）", CIA_2024, NAMES_2024.current),
        "2023年1-12月": titledListGrid("2023年1-12月房企销售额排行（单位：亿元）", CIA_2023, NAMES_2024.previous),
        上月: titledListGrid("1-11月房企销售额排行（单位：亿元）", CIA_2024_NOV, NAMES_2024.current),
        "2023年1-11月": titledListGrid("2023年1-11月房企销售额排行（单位：亿元）", CIA_2023_NOV, NAMES_2024.previous),
        别名: [["名称", "统一名称"], ["碧桂园控股", "碧桂园"], ["万科地产", ""]],
      });
      await page.locator("[data-open-file]").setInputFiles({ name: "periods.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: file });
      await expect(page.locator('[data-workbench-notice="success"]')).toBeVisibleSoon();
      await page.getByRole("button", { name: t.findData, exact: true }).click();
      const found = page.getByRole("region", { name: t.findDataTitle });
      await expect(found).toBeVisibleSoon();
      await expect(found.getByRole("checkbox").count()).resolves.toBe(4);

      // The list beside the slots: its reading opens under it, the year is typed, the list reads it as 2024年1-11月.
      const address = `上月!A1:C${CIA_2024_NOV.length + 2}`;
      await found.getByRole("button", { name: format(t.findDataCorrectFor, { address }) }).click();
      const reading = page.getByRole("group", { name: format(t.previewOf, { source: format(t.findDataTable, { address }) }) });
      await expect(reading).toBeVisibleSoon();
      const year = reading.getByRole("textbox", { name: t.correctYear, exact: true });
      if ((await year.count()) === 0) await reading.getByRole("button", { name: t.correctionsShow }).click();
      await year.fill("2024");
      await year.press("Enter");
      const period = language === "zh-CN" ? "2024年1-11月" : "Jan–Nov 2024";
      await expect(found.getByText(new RegExp(`^${escapeRegExp(address)}.*${escapeRegExp(period)}`))).toBeVisibleSoon();
      await expect(year.inputValue()).resolves.toBe("2024");
      // A tall screen, so the picture holds the list and the opened reading down to its year.
      await page.setViewportSize({ width: 1440, height: 1560 });
      await page.locator("[data-find-data]").evaluate((e) => e.scrollIntoView({ block: "start" }));
      await page.waitForTimeout(100);
      await shot(page.locator("[data-pane]"), `pane-find-data-${language}`);
      await page.setViewportSize({ width: 1440, height: 960 });

      // The alias sheet in what StatDesk understood: the name it unifies, the bad line's cell, which the link selects.
      const aliases = page.getByRole("group", { name: t.aliasOf });
      await expect(aliases.getByText(format(t.aliasLine, { name: "碧桂园控股", unified: "碧桂园" }))).toBeVisibleSoon();
      await aliases.evaluate((e) => e.scrollIntoView({ block: "center" }));
      await page.waitForTimeout(100);
      await shot(page.locator("[data-pane]"), `pane-alias-sheet-${language}`);
      await aliases.getByRole("button", { name: format(t.goToCell, { cell: "别名!B3" }) }).click();
      await expect(grid(page).getAttribute("data-sheet")).resolves.toBe("别名");
      await expect(eventually(() => nameBox(page).inputValue(), (value) => value === "B3")).resolves.toBe("B3");
      await finish(session);
    },
  );
});

/** An .xlsx of the given sheets, each filled from A1, as a person's file would come. */
async function xlsxOf(sheets: Record<string, Grid>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(name);
    rows.forEach((row, r) => row.forEach((value, c) => (sheet.getCell(r + 1, c + 1).value = value === "" ? null : (value ?? null))));
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe("the grid", () => {
  test("the keyboard moves and extends the selection as in Excel; the Name Box goes to an address", async () => {
    const session = await openWorkbench("en-US");
    const { page } = session;
    await cell(page, "B3").click();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowRight");
    await expect(nameBox(page).inputValue()).resolves.toBe("C4");
    await page.keyboard.press("Shift+ArrowDown");
    await page.keyboard.press("Shift+ArrowDown");
    await expect(cell(page, "C6").getAttribute("aria-selected")).resolves.toBe("true");
    await expect(nameBox(page).inputValue()).resolves.toBe("C4");
    // Ctrl+Down runs to the end of the list (row 107 of 2024年TOP100) and scrolls it into view.
    await page.keyboard.press("Control+ArrowDown");
    await expect(nameBox(page).inputValue()).resolves.toBe("C107");
    await expect(cell(page, "C107").isVisible()).resolves.toBe(true);
    await nameBox(page).fill("'2023年TOP100'!B50");
    await nameBox(page).press("Enter");
    await expect(grid(page).getAttribute("data-sheet")).resolves.toBe("2023年TOP100");
    await expect(eventually(() => nameBox(page).inputValue(), (v) => v === "B50")).resolves.toBe("B50");
    await expect(cell(page, "B50").isVisible()).resolves.toBe(true);
    await finish(session);
  });

  test("dragging selects a range, and dragging past the bottom edge scrolls and keeps extending", async () => {
    const session = await openWorkbench("en-US");
    const { page } = session;
    const centre = async (address: string) => {
      const box = (await cell(page, address).boundingBox())!;
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    };
    const from = await centre("A3");
    const to = await centre("C6");
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 5 });
    await page.mouse.up();
    await expect(nameBox(page).inputValue()).resolves.toBe("A3");
    await expect(cell(page, "C6").getAttribute("aria-selected")).resolves.toBe("true");
    await expect(cell(page, "D6").getAttribute("aria-selected")).resolves.toBe("false");

    const body = (await page.locator("[data-grid-body]").boundingBox())!;
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, body.y + body.height + 30, { steps: 5 });
    // Held past the edge, the grid keeps scrolling (at least ten rows' worth) without further moves.
    const scrolled = await eventually(() => page.locator("[data-grid-body]").evaluate((b) => b.scrollTop), (top) => top > 200);
    await page.mouse.up();
    expect(scrolled).toBeGreaterThan(200);
    const lastSelected = await grid(page)
      .locator('[role="gridcell"][aria-selected="true"]')
      .evaluateAll((cells) => Math.max(...cells.map((c) => Number((c.getAttribute("data-address") ?? "").replace(/^[A-Z]+/, "")))));
    expect(lastSelected).toBeGreaterThan(45);
    await finish(session);
  });

  test("a 100,000-row sheet: only the visible rows are in the page, and the last row is reached by scrolling", async () => {
    const session = await openWorkbench("en-US");
    const { page } = session;
    const lines = ["rank,name,value"];
    for (let i = 1; i <= 100000; i++) lines.push(`${i},Company ${i},${(200000 - i) / 10}`);
    await page.locator("[data-open-file]").setInputFiles({ name: "big-2024.csv", mimeType: "text/csv", buffer: Buffer.from(lines.join("\n")) });
    await expect(page.locator('[data-workbench-notice="success"]')).toBeVisibleSoon();
    expect(await grid(page).locator('[role="gridcell"]').count()).toBeLessThan(2000);
    await page.locator("[data-grid-body]").evaluate((b) => (b.scrollTop = b.scrollHeight));
    await expect(cell(page, "A100001")).toBeVisibleSoon();
    await expect(cell(page, "C100001").innerText()).resolves.toBe("10000");
    expect(await grid(page).locator('[role="gridcell"]').count()).toBeLessThan(2000);
    await finish(session);
  });
});

describe("a real hand-made NBS table (housing_sales.xlsx: months 12 … 2, no year)", () => {
  const REAL = path.join(__dirname, "..", "fixtures", "real-data", "hand-pasted-2025-xlsx", "housing_sales.xlsx");

  test.each(["zh-CN", "en-US"] as const)("%s: refused at B1 until the year is typed, then read and summarised", async (language) => {
    const t = messages(language);
    const session = await openWorkbench(language);
    const { page } = session;
    await page.locator("[data-open-file]").setInputFiles(REAL);
    await expect(page.locator('[data-workbench-notice="success"]')).toBeVisibleSoon();
    await expect(grid(page).getAttribute("data-sheet")).resolves.toBe("Sheet1");
    await cell(page, "A1").click();
    await cell(page, "L9").click({ modifiers: ["Shift"] });
    await expect(useSelection(page, language, "slotSeries")).resolves.toBe("Sheet1!A1:L9");

    // The reading says no year is given and where; the year field is empty: nothing is guessed.
    const pane = page.locator("[data-pane]");
    await expect(pane.getByRole("button", { name: new RegExp(`${escapeRegExp(format(t.goToCell, { cell: "" }))}.*B1$`) }).first()).toBeVisibleSoon();
    const year = pane.getByRole("textbox", { name: t.correctYear, exact: true });
    await expect(year.inputValue()).resolves.toBe("");
    await expect(pane.innerText()).resolves.not.toMatch(/2126|2025/);
    await shot(pane, `pane-hand-table-refused-${language}`);

    await year.fill("2025");
    await year.press("Enter");
    await expect(pane.getByText(t.layoutHandTable)).toBeVisibleSoon();
    await expect(pane.getByText(language === "zh-CN" ? /2025年1-12月/ : /Jan–Dec 2025/).first()).toBeVisibleSoon();
    await shot(pane, `pane-hand-table-${language}`);

    const summary = language === "zh-CN" ? "汇总_2025" : "Summary_2025";
    await runAnalysis(page, language, summary);
    const sales = await rowWithLabel(page, language === "zh-CN" ? "新建商品房销售面积" : "Floor area sold of new commercial housing");
    expect(sales.texts).toContain("88,101");
    const investment = await rowWithLabel(page, language === "zh-CN" ? "房地产开发投资" : "Investment in real estate development");
    expect(investment.texts).toContain("82,788");
    await page.locator("[data-grid-body]").evaluate((b) => (b.scrollTop = 0));
    await shot(page, `summary-hand-table-${language}`);
    await finish(session);
  });
});

describe("bad input", () => {
  test("a ranking without a year anywhere: the error names the cell, and the link selects it in the grid", async () => {
    const language = "zh-CN" as const;
    const t = messages(language);
    const session = await openWorkbench(language);
    const { page } = session;
    await page.locator("[data-open-file]").setInputFiles(path.join(FIXTURES, "ranking-no-year.csv"));
    await expect(page.locator('[data-workbench-notice="success"]')).toBeVisibleSoon();
    const sheet = await grid(page).getAttribute("data-sheet");
    expect(sheet).toBe("ranking-no-year");

    await page.getByRole("radio", { name: t.layoutSingle }).check();
    await cell(page, "A1").click();
    await cell(page, "C7").click({ modifiers: ["Shift"] });
    await useSelection(page, language, "slotRanking");
    await page.getByRole("button", { name: t.runButton }).click();

    // The run's error, in the section of the Run button (the preview above says it too), is
    // addressed to the header row, the third, of the opened sheet.
    const runSection = page.locator("section", { has: page.getByRole("button", { name: t.runButton }) });
    await expect(runSection.getByText(t.runFailedTitle)).toBeVisibleSoon();
    const link = runSection.getByRole("button", { name: new RegExp(`^${escapeRegExp(format(t.goToCell, { cell: "" }))}.*!A3$`) });
    await expect(link).toBeVisibleSoon();
    await shot(page.locator("[data-pane]"), "pane-error");
    await link.click();
    await expect(eventually(() => nameBox(page).inputValue(), (value) => value === "A3")).resolves.toBe("A3");
    await expect(cell(page, "A3").getAttribute("aria-selected")).resolves.toBe("true");
    await expect(cell(page, "A1").getAttribute("aria-selected")).resolves.toBe("false");
    await shot(page, "bad-input");
    await finish(session);
  });

  test("a file that is neither .xlsx nor .csv is refused in the message bar, and the workbook stays", async () => {
    const session = await openWorkbench("en-US");
    const { page } = session;
    await page.locator("[data-open-file]").setInputFiles({ name: "notes.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4") });
    const notice = page.locator('[data-workbench-notice="error"]');
    await expect(notice).toBeVisibleSoon();
    await expect(notice.innerText()).resolves.toContain("notes.pdf");
    await expect(grid(page).getAttribute("data-sheet")).resolves.toBe("2024年TOP100");
    await finish(session);
  });
});

describe("the network guard", () => {
  const probe = () =>
    fetch("https://example.com/statdesk-guard-check").then(
      () => "sent",
      () => "blocked",
    );

  test("the page's own policy refuses to send anything elsewhere", async () => {
    const session = await openWorkbench("en-US");
    await expect(session.page.evaluate(probe)).resolves.toBe("blocked");
    await session.close();
  });

  test("the guard catches a request that does leave (so an empty list above means nothing left)", async () => {
    // A blank page has no policy of its own: its request reaches the guard, which must see it.
    const session = await openWorkbench("en-US");
    const blank = await session.page.context().newPage();
    await expect(blank.evaluate(probe)).resolves.toBe("blocked");
    await session.close();
    expect(session.foreign).toEqual(["https://example.com/statdesk-guard-check"]);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// ---------------------------------------------------------------------------------------------
// A small matcher: wait for an element to become visible (playwright-core has no expect()).

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    interface Matchers<R> {
      toBeVisibleSoon(timeout?: number): Promise<R>;
    }
  }
}

expect.extend({
  async toBeVisibleSoon(received: Locator, timeout = 15000) {
    try {
      await received.first().waitFor({ state: "visible", timeout });
      return { pass: true, message: () => "expected the element not to become visible" };
    } catch {
      return { pass: false, message: () => `expected ${received} to become visible within ${timeout} ms` };
    }
  },
});
