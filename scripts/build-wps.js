#!/usr/bin/env node
// `npm run build:wps`: builds StatDesk for WPS 表格 into dist/wps/ (webpack.wps.config.js), then
// checks what WPS will read — ribbon.xml well-formed and starting with <customUI, every callback
// it names set by the built js/ribbon.js, the pane page without office.js, the deployment files
// filled in — and, when 7-Zip is on the machine, packs the offline archive jsplugins.xml names
// (otherwise it prints the one command IT runs). Exits non-zero when a check fails.
"use strict";

const fs = require("fs");
const path = require("path");
const { execFileSync, execSync } = require("child_process");
const { hasCommand } = require("./debian");
const { version } = require("../package.json");

const ROOT = path.join(__dirname, "..");
const OUT = path.join(ROOT, "dist", "wps");

function say(text) {
  console.log(`build:wps: ${text}`);
}

/** Every problem with the built add-in, in words; empty when it is what WPS needs. */
function check() {
  const problems = [];
  const read = (file) => fs.readFileSync(path.join(OUT, file), "utf8");
  for (const file of ["ribbon.xml", "manifest.xml", "index.html", "main.js", "js/ribbon.js", "ui/taskpane.html", "jsplugins.xml", "publish.xml", "images/statdesk-32.png"]) {
    if (!fs.existsSync(path.join(OUT, file))) problems.push(`${file} is missing`);
  }
  if (problems.length > 0) return problems;
  const ribbon = read("ribbon.xml");
  // WPS's publish check refuses an XML declaration before <customUI (wps-addin.md §2.1).
  if (!ribbon.startsWith("<customUI")) problems.push("ribbon.xml does not start with <customUI");
  if (hasCommand("xmllint")) {
    for (const file of ["ribbon.xml", "manifest.xml", "jsplugins.xml", "publish.xml"]) {
      try {
        execFileSync("xmllint", ["--noout", path.join(OUT, file)], { stdio: ["ignore", "pipe", "pipe"] });
      } catch (error) {
        problems.push(`${file} is not well-formed XML: ${String(error.stderr || error.message).trim()}`);
      }
    }
  } else {
    say("xmllint is not installed (Debian: libxml2-utils): the XML files' well-formedness was not checked");
  }
  // Callbacks are looked up by name ("ribbon.OnAction"): each must be a key the script sets.
  const script = read("js/ribbon.js");
  const callbacks = [...ribbon.matchAll(/\b(?:onLoad|onAction|getImage|getEnabled|getVisible|getLabel)="(?:ribbon\.)?([A-Za-z]+)"/g)].map((m) => m[1]);
  if (callbacks.length === 0) problems.push("ribbon.xml names no callback");
  for (const name of new Set(callbacks)) if (!new RegExp(`\\b${name}\\b`).test(script)) problems.push(`js/ribbon.js does not set ${name}, which ribbon.xml names`);
  const pane = read("ui/taskpane.html");
  if (/office\.js/i.test(pane)) problems.push("ui/taskpane.html loads office.js (WPS does not run it)");
  // html-webpack-plugin minifies away the quotes and names the bundle from ui/ ("../ui/taskpane.1a2b3c4d.js").
  if (!/<script[^>]+src="?(?:\.\.\/ui\/)?taskpane\.[0-9a-f]+\.js/.test(pane)) problems.push("ui/taskpane.html does not load the pane's bundle beside it");
  for (const file of ["manifest.xml", "jsplugins.xml", "publish.xml"]) if (/__(VERSION|BASE)__/.test(read(file))) problems.push(`${file} still holds a placeholder`);
  return problems;
}

/** The offline archive jsplugins.xml names, when 7-Zip is here; else how to make it. */
function pack() {
  const archive = `statdesk_${version}.7z`;
  const command = ["7z", "7za", "7zr"].find(hasCommand);
  const files = fs.readdirSync(OUT).filter((f) => !/^(jsplugins|publish)\.xml$|\.7z$/.test(f));
  if (command === undefined) {
    say(`7-Zip is not installed: for offline deployment pack the add-in with\n    (cd dist/wps && 7z a ${archive} ${files.join(" ")})\n  and publish it beside jsplugins.xml.`);
    return;
  }
  fs.rmSync(path.join(OUT, archive), { force: true });
  execFileSync(command, ["a", "-bd", archive, ...files], { cwd: OUT, stdio: "ignore" });
  say(`packed dist/wps/${archive} for offline deployment`);
}

function main() {
  const mode = process.argv.includes("--development") ? "development" : "production";
  execSync(`npx webpack --config webpack.wps.config.js --mode ${mode}`, { cwd: ROOT, stdio: "inherit" });
  const problems = check();
  if (problems.length > 0) {
    for (const p of problems) console.error(`build:wps: ${p}`);
    process.exitCode = 1;
    return;
  }
  pack();
  say(`dist/wps/ is StatDesk ${version} for WPS 表格 (README, "WPS 表格" says how to load it).`);
}

main();
