#!/usr/bin/env node
// `npm run test:e2e`: the workbench in a real browser. Makes sure Debian's Chromium is there
// (installs it when running as root with apt-get, else says how), builds the production bundle
// when dist/ is missing or older than the sources, serves dist/ over HTTPS on a free port
// (scripts/serve.js) with the WPS add-in in dist/wps/ (npm run build:wps), runs the browser tests
// (test/e2e, jest: the workbench, and the WPS pane with the stand-in ET), stops the server, and exits
// non-zero when anything failed. Screenshots go to test-artifacts/e2e/; with
// STATDESK_UPDATE_SCREENSHOTS=1 the README's and docs' pictures are also copied to docs/screenshots/.
"use strict";

const fs = require("fs");
const path = require("path");
const { execSync, spawn } = require("child_process");
const { canInstallPackages, installPackages } = require("./debian");
const { startServer } = require("./serve");

const ROOT = path.join(__dirname, "..");
const CHROMIUM = "/usr/bin/chromium";
const ARTIFACTS = path.join(ROOT, "test-artifacts", "e2e");

function say(text) {
  console.log(`e2e: ${text}`);
}

/** Debian's Chromium, installed when possible; otherwise the exact command to run. */
function ensureChromium() {
  if (fs.existsSync(CHROMIUM)) return;
  if (canInstallPackages()) {
    say(`${CHROMIUM} is missing; installing Debian's chromium package…`);
    installPackages(["chromium"]);
    if (fs.existsSync(CHROMIUM)) return;
  }
  throw new Error(
    `The end-to-end tests drive Debian's Chromium at ${CHROMIUM}, which is not installed.\n` +
      "Install it with:\n  sudo apt-get update && sudo apt-get install -y chromium\n" +
      "(playwright-core never downloads a browser here: `npx playwright install` is not used.)",
  );
}

/** The newest modification time of any file under `dir`. */
function newest(dir) {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
  }
  return latest;
}

/** When a built file was written (0: it is not there). */
function builtAt(file) {
  return fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0;
}

/** The newest change to the sources and to the given files beside them. */
function sourcesAt(files) {
  return Math.max(newest(path.join(ROOT, "src")), ...files.map((f) => builtAt(path.join(ROOT, f))));
}

/**
 * Builds dist/ with webpack (production) unless it is newer than every source it is built from,
 * then dist/wps/ and dist/wps-standin/ (`npm run build:wps`) likewise — after the first, whose
 * build empties dist/.
 */
function ensureBuild() {
  const built = builtAt(path.join(ROOT, "dist", "workbench.html"));
  if (built > sourcesAt(["webpack.config.js", "package.json", "manifest.xml"])) {
    say("dist/ is up to date.");
  } else {
    say(built === 0 ? "no build in dist/; building (webpack, production)…" : "dist/ is older than the sources; rebuilding (webpack, production)…");
    execSync("npx webpack --mode production", { cwd: ROOT, stdio: "inherit" });
  }
  const wps = Math.min(builtAt(path.join(ROOT, "dist", "wps", "ui", "taskpane.html")), builtAt(path.join(ROOT, "dist", "wps-standin", "stand-in.js")));
  if (wps > sourcesAt(["webpack.wps.config.js", "package.json"]) && wps > newest(path.join(ROOT, "wps"))) {
    say("dist/wps/ is up to date.");
    return;
  }
  say("building dist/wps/ and the stand-in page (npm run build:wps)…");
  execSync("node scripts/build-wps.js", { cwd: ROOT, stdio: "inherit" });
}

/** Runs jest on test/e2e with its own config; resolves to its exit code. */
function runTests(url) {
  return new Promise((resolve) => {
    const jest = path.join(ROOT, "node_modules", "jest", "bin", "jest.js");
    const child = spawn(process.execPath, [jest, "--config", path.join("test", "e2e", "jest.config.js"), "--runInBand", ...process.argv.slice(2)], {
      cwd: ROOT,
      stdio: "inherit",
      env: { ...process.env, TZ: "UTC", STATDESK_E2E_URL: url, STATDESK_E2E_ARTIFACTS: ARTIFACTS, STATDESK_E2E_CHROMIUM: CHROMIUM },
    });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on("error", (error) => {
      console.error(`e2e: could not start jest: ${error.message}`);
      resolve(1);
    });
  });
}

async function main() {
  const started = Date.now();
  ensureChromium();
  ensureBuild();
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const server = await startServer({ port: 0, log: (line) => say(line) });
  say(`serving dist/ at ${server.url} (${server.how})`);
  let code;
  try {
    code = await runTests(server.url);
  } finally {
    await server.close();
  }
  if (code === 0 && process.env.STATDESK_UPDATE_SCREENSHOTS === "1") {
    // The README's pictures are refreshed on request only, so a test run never dirties the tree.
    const docs = path.join(ROOT, "docs", "screenshots");
    fs.mkdirSync(docs, { recursive: true });
    const names = [
      "workbench-summary.png",
      "workbench-pane.png",
      "pane-hand-table-zh-CN.png",
      "pane-hand-table-en-US.png",
      "pane-find-data-zh-CN.png",
      "pane-find-data-en-US.png",
      "pane-alias-sheet-zh-CN.png",
      "pane-alias-sheet-en-US.png",
    ];
    for (const name of names) fs.copyFileSync(path.join(ARTIFACTS, name), path.join(docs, name));
    say(`copied ${names.join(", ")} to docs/screenshots/`);
  }
  say(`${code === 0 ? "passed" : "FAILED"} in ${Math.round((Date.now() - started) / 1000)} s; screenshots in ${path.relative(ROOT, ARTIFACTS)}/`);
  process.exitCode = code;
}

main().catch((error) => {
  console.error(`e2e: ${error.message}`);
  process.exitCode = 1;
});
