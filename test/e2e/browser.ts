// What both browser suites (workbench.e2e.ts, wps.e2e.ts) stand on: Debian's Chromium, and pages
// whose every request leaving the served origin is aborted and remembered, with every page and
// console error, so that a test fails when StatDesk sends anything elsewhere or breaks. The guard
// is stated here once: workbench.e2e.ts's "the network guard" tests check it for both suites.

import * as fs from "fs";
import * as path from "path";
import { Browser, BrowserContextOptions, chromium, Page } from "playwright-core";

const url = process.env.STATDESK_E2E_URL;
if (url === undefined) throw new Error("STATDESK_E2E_URL is not set: run the browser tests with `npm run test:e2e` (scripts/e2e.js serves the build).");
/** Where scripts/e2e.js serves dist/. */
export const BASE: string = url;
export const ARTIFACTS = process.env.STATDESK_E2E_ARTIFACTS ?? path.join(__dirname, "..", "..", "test-artifacts", "e2e");
const EXECUTABLE = process.env.STATDESK_E2E_CHROMIUM ?? "/usr/bin/chromium";

/** Debian's Chromium, headless, with its own background traffic (updates, sync) turned off; the screenshots' folder made. */
export async function launchChromium(): Promise<Browser> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: EXECUTABLE,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

/** A page in its own browser context, watched. */
export interface Session {
  readonly page: Page;
  /** Requests to anywhere but BASE's origin, each aborted (each one fails the test). */
  readonly foreign: string[];
  /** Uncaught page errors and console errors. */
  readonly errors: string[];
  close(): Promise<void>;
}

/**
 * A new context and page with the guard in place before anything loads. `initScript` runs in every
 * page before the page's own scripts (the WPS suite's stand-in ET, injected as WPS injects its Application).
 */
export async function guardedPage(browser: Browser, options: BrowserContextOptions, initScript?: string): Promise<Session> {
  const origin = new URL(BASE).origin;
  const context = await browser.newContext({ ignoreHTTPSErrors: true, ...options });
  const foreign: string[] = [];
  const errors: string[] = [];
  await context.route("**/*", (route) => {
    const requested = route.request().url();
    if (new URL(requested).origin === origin) return route.continue();
    foreign.push(requested);
    return route.abort("blockedbyclient");
  });
  if (initScript !== undefined) await context.addInitScript({ path: initScript });
  const page = await context.newPage();
  page.on("pageerror", (error) => errors.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console error: ${message.text()}`);
  });
  return { page, foreign, errors, close: () => context.close() };
}

/** Closes a session and fails when the page sent anything elsewhere or reported an error. */
export async function finish(session: Session): Promise<void> {
  await session.close();
  expect(session.foreign).toEqual([]);
  expect(session.errors).toEqual([]);
}

/** Reads a value until it satisfies `ok` (or `timeout` ms pass) and returns the last reading. */
export async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeout = 10000): Promise<T> {
  const until = Date.now() + timeout;
  let value = await read();
  while (!ok(value) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}
