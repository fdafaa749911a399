// Who may import whom (STYLE.md): data flows one way, cells → statistics → summary → Excel.
// A wrong import fails here instead of waiting for review. Every module under src/ is checked.

import * as fs from "fs";
import * as path from "path";

const SRC = path.join(__dirname, "..", "..", "src");

type Layer = "core" | "run" | "excel" | "wps" | "wps-standin" | "host" | "i18n" | "taskpane" | "workbench" | "cli";

/**
 * What each layer may import: our own modules (by path under src/, a prefix match) and packages.
 * host uses core's address notation (a1, sheet-name) so the host and the add-in never disagree
 * about an address; nothing else of ours.
 */
const RULES: Record<Layer, { ours: string[]; packages: RegExp }> = {
  core: { ours: ["core/"], packages: /^$/ },
  // The run code (run, preview, Find data, refresh) talks to a workbook only through core/port: it knows no host.
  run: { ours: ["core/", "run/"], packages: /^$/ },
  excel: { ours: ["core/", "excel/"], packages: /^$/ },
  // WPS's ET layer beside the Office.js one: both stand behind core/port, neither imports the other.
  wps: { ours: ["core/", "wps/"], packages: /^$/ },
  // The stand-in ET answers from the host's workbook with the adapter's own ET types; its page
  // (the e2e's WPS) opens the workbench's sample workbook. Nothing in the add-in imports it.
  "wps-standin": { ours: ["wps-standin/", "wps/et", "wps/ribbon", "host/", "core/", "workbench/sample"], packages: /^$/ },
  host: { ours: ["host/", "core/a1", "core/sheet-name", "core/cells", "core/text"], packages: /^(exceljs|jszip)$/ },
  i18n: { ours: ["i18n/", "core/messages"], packages: /^$/ },
  taskpane: { ours: ["taskpane/", "core/", "run/index", "i18n/", "excel/index", "wps/index"], packages: /^(react|react-dom|react-dom\/client|react\/jsx-runtime|@fluentui\/.+)$/ },
  workbench: { ours: ["workbench/", "taskpane/", "run/", "excel/", "host/", "core/", "i18n/"], packages: /^(react|react-dom|react-dom\/client|@fluentui\/.+|exceljs)$/ },
  cli: { ours: ["cli/", "core/", "run/", "excel/", "wps/", "wps-standin/", "host/"], packages: /^(fs|path|os|child_process)$/ },
};

/**
 * Only the pane's composition root knows the hosts: it finds one at start and hands its port to
 * the services. Every other pane module sees the run code alone (STYLE.md: "neither knows its host").
 */
const HOST_CHOOSERS = new Set(["taskpane/index.tsx", "taskpane/host.ts"]);

/** Node APIs are allowed only where Node runs: the CLI and the host's Node entry points. */
const NODE_FILES = new Set(["host/node-client.ts", "host/node-files.ts"]);

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return files(full);
    return /\.(ts|tsx)$/.test(e.name) && !e.name.endsWith(".d.ts") ? [full] : [];
  });
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  return [...text.matchAll(/(?:import|export)\s[^"']*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|require\(\s*["']([^"']+)["']\s*\)/g)].map(
    (m) => m[1] ?? m[2] ?? m[3],
  );
}

/** Our module an import names, as a path under src/ without extension ("core/a1", "excel/index"). */
function resolveOurs(from: string, spec: string): string {
  const target = path.relative(SRC, path.resolve(path.dirname(from), spec)).split(path.sep).join("/");
  const asDir = path.join(SRC, target);
  return fs.existsSync(asDir) && fs.statSync(asDir).isDirectory() ? `${target}/index` : target;
}

/** Why an import of one of our modules (`target`) from `relative` breaks the layers, or undefined. */
function ourImportViolation(relative: string, target: string): string | undefined {
  const layer = relative.split("/")[0] as Layer;
  if (!RULES[layer].ours.some((prefix) => target === prefix || target.startsWith(prefix))) return `${relative} imports ${target}`;
  if (layer === "taskpane" && /^(excel|wps)\//.test(target) && !HOST_CHOOSERS.has(relative)) return `${relative} imports ${target}: only the composition root knows the host`;
  return undefined;
}

const violations: string[] = [];
const all = files(SRC);
for (const file of all) {
  const relative = path.relative(SRC, file).split(path.sep).join("/");
  const layer = relative.split("/")[0] as Layer;
  const rule = RULES[layer];
  if (rule === undefined) {
    violations.push(`${relative}: not in a known layer`);
    continue;
  }
  for (const spec of importsOf(file)) {
    if (spec.startsWith(".")) {
      const wrong = ourImportViolation(relative, resolveOurs(file, spec));
      if (wrong !== undefined) violations.push(wrong);
    } else if (!(rule.packages.test(spec) || (NODE_FILES.has(relative) && /^(fs|path|vm)$/.test(spec)))) {
      violations.push(`${relative} imports package ${spec}`);
    }
  }
}

test("src/ has modules in every layer (the check sees them)", () => {
  expect(all.length).toBeGreaterThan(40);
  for (const layer of ["core", "run", "excel", "wps", "wps-standin", "host", "cli", "i18n"]) expect(all.some((f) => f.includes(`${path.sep}${layer}${path.sep}`))).toBe(true);
});

test("every import respects the layer boundaries", () => {
  expect(violations).toEqual([]);
});

test("the check catches a wrong import (wps importing excel, excel importing wps)", () => {
  expect(RULES.wps.ours.some((p) => resolveOurs(path.join(SRC, "wps", "x.ts"), "../excel/run").startsWith(p))).toBe(false);
  expect(RULES.excel.ours.some((p) => resolveOurs(path.join(SRC, "excel", "x.ts"), "../wps/write").startsWith(p))).toBe(false);
});

test("the check catches the run code knowing a host, and the add-in importing the stand-in", () => {
  for (const host of ["../excel/read", "../wps/write", "../wps-standin/stand-in"]) {
    expect(RULES.run.ours.some((p) => resolveOurs(path.join(SRC, "run", "x.ts"), host).startsWith(p))).toBe(false);
  }
  for (const layer of ["taskpane", "excel", "wps"] as const) {
    expect(ourImportViolation(`${layer}/x.ts`, "wps-standin/stand-in")).toBeDefined();
  }
  // the pane's components and services see the run code only; its composition root picks the host
  expect(ourImportViolation("taskpane/services.ts", "excel/index")).toMatch(/only the composition root/);
  expect(ourImportViolation("taskpane/components/RunPanel/useRunPanel.ts", "wps/index")).toMatch(/only the composition root/);
  expect(ourImportViolation("taskpane/index.tsx", "wps/index")).toBeUndefined();
  expect(ourImportViolation("taskpane/services.ts", "run/index")).toBeUndefined();
});

test("the check catches a wrong import (core importing excel)", () => {
  const rule = RULES.core;
  const target = resolveOurs(path.join(SRC, "core", "x.ts"), "../excel/run");
  expect(rule.ours.some((p) => target.startsWith(p))).toBe(false);
});
