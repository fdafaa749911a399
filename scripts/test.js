#!/usr/bin/env node
// `npm test`: every check StatDesk has, in the order a failure is cheapest to find — types,
// lint, manifest, unit and integration tests (jest), the production builds (Excel, WPS 表格), then
// the browser end-to-end suite. Installs the Debian packages it needs when it can (root with apt-get),
// and says exactly how when it cannot. Stops at the first failing step.
"use strict";

const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const { canInstallPackages, hasCommand, installPackages } = require("./debian");

const root = path.join(__dirname, "..");
const shared = path.join(root, "..", "shared");
process.chdir(root);

/** Installs Debian packages for missing commands, when running as root with apt-get; else says how. */
function ensureCommands(needs) {
  const missing = needs.filter(([command]) => !hasCommand(command));
  if (missing.length === 0) return;
  const packages = [...new Set(missing.map(([, pkg]) => pkg))];
  if (canInstallPackages()) {
    console.log(`\n▶ installing Debian packages: ${packages.join(" ")}`);
    installPackages(packages);
    return;
  }
  console.error(`\nThe tests need: ${missing.map(([c]) => c).join(", ")}. Install them with:\n  sudo apt-get install -y ${packages.join(" ")}\n`);
  process.exit(1);
}

const steps = [];
function step(name, command, env = {}) {
  steps.push({ name, command, env });
}

step("compile the command line (lib/)", "npx tsc -p tsconfig.cli.json");
step("type check (strict)", "npx tsc --noEmit -p tsconfig.json");
step("type check the pure core (ECMAScript library only)", "npx tsc --noEmit -p tsconfig.core.json");
step("lint", "npx eslint .");
step("validate manifest.xml against the Office XSDs", `xmllint --noout --schema "${path.join(shared, "office-manifest-schemas", "OfficeAppManifestV1_1.xsd")}" manifest.xml`);
step("unit and integration tests (jest)", "npx jest --ci", { TZ: "UTC" });
step("production build (webpack)", "npx webpack --mode production");
step("WPS 表格 build (dist/wps, its ribbon and deployment files checked)", "node scripts/build-wps.js");
step("end-to-end tests in Chromium", "node scripts/e2e.js", { TZ: "UTC" });

ensureCommands([
  ["xmllint", "libxml2-utils"],
  ["chromium", "chromium"],
  // The independent check of live summaries (test/libreoffice): LibreOffice recomputes them.
  ["soffice", "libreoffice-calc"],
]);
if (!fs.existsSync(path.join(shared, "office-manifest-schemas"))) {
  console.error(`\nThe Office manifest schemas are expected in ${path.join(shared, "office-manifest-schemas")} (the shared folder beside this repository).`);
  process.exit(1);
}

const started = Date.now();
for (const [i, s] of steps.entries()) {
  const t0 = Date.now();
  console.log(`\n▶ [${i + 1}/${steps.length}] ${s.name}\n  $ ${s.command}`);
  const result = spawnSync(s.command, { shell: true, stdio: "inherit", env: { ...process.env, ...s.env } });
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n✗ ${s.name} failed after ${seconds} s (exit ${result.status ?? result.signal}).`);
    process.exit(1);
  }
  console.log(`✓ ${s.name} (${seconds} s)`);
}
console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
