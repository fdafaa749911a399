// The independent check of a live summary (#14): the command line writes the summary of the
// golden fixtures (2024 list with text numbers "1,234.5", 2023 list in 万元, the NBS export, a plan
// table) with formulas; LibreOffice opens it with every formula recalculated on load
// (OOXMLRecalcMode 0, "always", in a profile of its own) and saves it; each formula's recomputed
// value must be StatDesk's cached one. Then a source cell is changed and LibreOffice recomputes
// again: the totals move by exactly the change. LibreOffice is installed by `npm test`
// (libreoffice-calc); without it this suite fails saying so.

import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Grid } from "../../src/core/cells";
import { WorkbookModel, SheetModel } from "../../src/host/model";
import { readWorkbookFile, writeWorkbookFile } from "../../src/host/node-files";
import { CIA_2023, CIA_2024 } from "../fixtures/rankings/synthetic";
import { NAMES_2024 } from "../fixtures/rankings/build";
import { nbsExportGrid } from "../fixtures/nbs/build";
import { BEIJING_2023_PLAN } from "../fixtures/plan/beijing-2023";
import { workbookOf } from "../fixtures/workbooks";
import { cli } from "../cli/harness";

jest.setTimeout(240_000);

const work = fs.mkdtempSync(path.join(os.tmpdir(), "statdesk-lo-"));

/** A LibreOffice profile whose Calc recalculates every formula of an .xlsx on load. */
function recalcProfile(): string {
  const profile = path.join(work, "profile");
  const user = path.join(profile, "user");
  fs.mkdirSync(user, { recursive: true });
  fs.writeFileSync(
    path.join(user, "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
  return profile;
}

/** LibreOffice opens `file`, recalculates, and saves it as .xlsx in a folder of its own; the saved file. */
function recalculated(file: string, profile: string, tag: string): string {
  const outDir = path.join(work, `lo-${tag}`);
  fs.mkdirSync(outDir, { recursive: true });
  const result = spawnSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", outDir, file], { encoding: "utf8", timeout: 180_000 });
  if (result.error !== undefined) throw new Error(`LibreOffice could not be started (${result.error.message}); install it with: apt-get install -y libreoffice-calc`);
  const saved = path.join(outDir, path.basename(file));
  if (!fs.existsSync(saved)) throw new Error(`LibreOffice saved nothing (exit ${result.status}): ${result.stdout}${result.stderr}`);
  return saved;
}

// The inputs as a desk gets them: 2024 in 亿元 with every tenth figure a text number with
// thousands separators; 2023 in 万元; the NBS export; Beijing's plan table.
const SOURCES: Record<string, Grid> = {
  "2024年": [["2024年房企销售额排行"], ["排名", "企业名称", "销售额（亿元）"], ...CIA_2024.map((v, i) => [i + 1, NAMES_2024.current[i], i % 10 === 4 ? v.toLocaleString("en-US", { minimumFractionDigits: 1 }) : v])],
  "2023年": [["2023年房企销售额排行"], ["排名", "企业名称", "销售额（万元）"], ...CIA_2023.map((v, i) => [i + 1, NAMES_2024.previous[i], Math.round(v * 10000)])],
  月度数据: nbsExportGrid(),
  计划: BEIJING_2023_PLAN,
};

interface FormulaCell {
  readonly row: number;
  readonly column: number;
  readonly formula: string;
  readonly cached: unknown;
}

function formulaCells(sheet: SheetModel): FormulaCell[] {
  const out: FormulaCell[] = [];
  sheet.forEachCell((row, column) => {
    const formula = sheet.formula(row, column);
    // value() is the cached result as the file gave it, never re-evaluated here.
    if (formula !== undefined) out.push({ row, column, formula, cached: sheet.value(row, column) });
  });
  return out;
}

const close = (a: unknown, b: unknown) => typeof a === "number" && typeof b === "number" && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

/**
 * The command line's live summary of `inputs` (--out), recalculated by LibreOffice: the summary as
 * StatDesk wrote it, its formula cells, and every one whose recomputed value is not StatDesk's
 * cached one (none expected).
 */
async function summarizeAndRecalculate(tag: string, inputs: readonly string[], lang: "zh-CN" | "en-US" = "zh-CN"): Promise<{ mine: SheetModel; cells: FormulaCell[]; differ: string[] }> {
  const out = path.join(work, `${tag}-summary.xlsx`);
  const run = await cli(["summarize", ...inputs, "--lang", lang, "--out", out]);
  if (run.code !== 0) throw new Error(run.stderr);
  const written = await readWorkbookFile(out);
  const mine = written.sheets[written.sheets.length - 1];
  const cells = formulaCells(mine);
  const theirs = (await readWorkbookFile(recalculated(out, profile, tag))).sheet(mine.name)!;
  const differ = cells.filter((f) => !close(theirs.value(f.row, f.column), f.cached)).map((f) => `${f.formula} → StatDesk ${String(f.cached)}, LibreOffice ${String(theirs.value(f.row, f.column))}`);
  return { mine, cells, differ };
}

let summaryName: string;
let written: WorkbookModel;
let valuesOnly: WorkbookModel;
let recomputed: WorkbookModel;
let profile: string;
const outFile = path.join(work, "summary.xlsx");

beforeAll(async () => {
  const input = path.join(work, "desk.xlsx");
  await writeWorkbookFile(workbookOf(SOURCES, "desk.xlsx"), input);
  const run = await cli(["summarize", input, "--lang", "zh-CN", "--out", outFile]);
  if (run.code !== 0) throw new Error(run.stderr);
  written = await readWorkbookFile(outFile);
  const valuesFile = path.join(work, "values.xlsx");
  const plain = await cli(["summarize", input, "--lang", "zh-CN", "--values", "--out", valuesFile]);
  if (plain.code !== 0) throw new Error(plain.stderr);
  valuesOnly = await readWorkbookFile(valuesFile);
  summaryName = written.sheets.find((s) => s.name.startsWith("汇总"))!.name;
  profile = recalcProfile();
  recomputed = await readWorkbookFile(recalculated(outFile, profile, "first"));
});

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

test("every figure cell of the summary is a formula, but for the two plan figures no formula reads (2.7万户, 2.91万户)", () => {
  const sheet = written.sheet(summaryName)!;
  let dataTop: number | undefined;
  sheet.forEachCell((r, c) => {
    if (c === 0 && sheet.value(r, c) === "计算所用数据" && dataTop === undefined) dataTop = r;
  });
  const valuesWithoutFormula: string[] = [];
  sheet.forEachCell((r, c) => {
    if (dataTop !== undefined && r >= dataTop) return;
    if (c > 0 && typeof sheet.value(r, c) === "number" && sheet.formula(r, c) === undefined) valuesWithoutFormula.push(`${r + 1}:${c + 1}=${String(sheet.value(r, c))}`);
  });
  // The completion of 租赁补贴发放 (1.078) is a formula on them; the nation's 100% row is no figure here.
  expect(valuesWithoutFormula).toEqual([expect.stringMatching(/=27000$/), expect.stringMatching(/=29100$/)]);
  expect(formulaCells(sheet).length).toBeGreaterThan(300);
});

test("LibreOffice recomputes every formula of the summary to StatDesk's cached value", () => {
  const mine = formulaCells(written.sheet(summaryName)!);
  const theirs = recomputed.sheet(summaryName)!;
  const differ = mine.filter((f) => !close(theirs.value(f.row, f.column), f.cached)).map((f) => `${f.formula} → StatDesk ${String(f.cached)}, LibreOffice ${String(theirs.value(f.row, f.column))}`);
  expect(differ).toEqual([]);
  // LibreOffice kept them as formulas (it did not just copy the values through).
  expect(formulaCells(theirs).length).toBe(mine.length);
});

test("LibreOffice's figures are those of the values-only summary (StatDesk's own), cell for cell, where both have the row", () => {
  const theirs = recomputed.sheet(summaryName)!;
  const plain = valuesOnly.sheet(summaryName)!;
  let compared = 0;
  const differ: string[] = [];
  // The live summary's provenance says in more lines how figures are written: its tables sit lower.
  const rowOf = (sheet: SheetModel, label: string) => {
    for (let r = 0; r < 100; r++) if (sheet.value(r, 0) === label) return r;
    throw new Error(`no ${label}`);
  };
  const shift = rowOf(theirs, "简报表述") - rowOf(plain, "简报表述");
  expect(shift).toBeGreaterThan(0);
  for (const f of formulaCells(written.sheet(summaryName)!)) {
    if (plain.value(f.row - shift, 0) !== theirs.value(f.row, 0)) continue; // the data block has no twin
    const expected = plain.value(f.row - shift, f.column);
    if (typeof expected !== "number") continue;
    compared++;
    if (!close(theirs.value(f.row, f.column), expected)) differ.push(`${f.formula}: ${String(theirs.value(f.row, f.column))} vs ${expected}`);
  }
  expect(differ).toEqual([]);
  expect(compared).toBeGreaterThan(300);
  expect(formulaCells(plain)).toEqual([]);
});

test("a source cell changed, LibreOffice recomputes: the TOP-N totals move by exactly the change, last year's stay", async () => {
  const edited = await readWorkbookFile(outFile);
  const source = edited.sheet("2024年")!;
  source.setValue(2, 2, CIA_2024[0] + 250); // C3, the first company: +250 亿元
  const editedFile = path.join(work, "edited.xlsx");
  await writeWorkbookFile(edited, editedFile);
  const after = (await readWorkbookFile(recalculated(editedFile, profile, "edited"))).sheet(summaryName)!;
  const before = recomputed.sheet(summaryName)!;
  const rowOf = (sheet: SheetModel, label: string) => {
    for (let r = 0; r < 400; r++) if (sheet.value(r, 0) === label) return r;
    throw new Error(`no row ${label}`);
  };
  for (const n of [10, 30, 50, 100]) {
    const r = rowOf(after, `TOP${n}`);
    expect([n, (after.value(r, 1) as number) - (before.value(r, 1) as number)]).toEqual([n, expect.closeTo(250, 6)]);
    expect(after.value(r, 2)).toBe(before.value(r, 2));
  }
  const tier = rowOf(after, "1000亿以上");
  expect((after.value(tier, 4) as number) - (before.value(tier, 4) as number)).toBeCloseTo(250, 6);
});

test("the whole release with the regional table: LibreOffice recomputes every formula to StatDesk's cached value", async () => {
  const nbs = path.join(__dirname, "..", "fixtures", "nbs");
  const { cells, differ } = await summarizeAndRecalculate("release", [path.join(nbs, "全国房地产开发和销售-月度数据-gbk.csv"), path.join(nbs, "东中西部和东北地区-2025-synthetic-regions.csv")], "en-US");
  expect(differ).toEqual([]);
  expect(cells.length).toBeGreaterThan(100);
});

test("a two-year table (last year's column referenced in place by LARGE and SUMIF above the N-th largest): LibreOffice agrees", async () => {
  const { cells, differ } = await summarizeAndRecalculate("wide", [path.join(__dirname, "..", "fixtures", "rankings", "cia-2023-h1-wide-gbk.csv")]);
  expect(cells.some((f) => f.formula.includes("LARGE("))).toBe(true);
  expect(differ).toEqual([]);
});

test("sources on sheets whose names hold full-width brackets, a dash or a period (quoted in every formula): LibreOffice agrees", async () => {
  const input = path.join(work, "names.xlsx");
  await writeWorkbookFile(workbookOf({ "TOP100（2024年）": SOURCES["2024年"], "排行—2023.v1": SOURCES["2023年"] }, "names.xlsx"), input);
  const { cells, differ } = await summarizeAndRecalculate("names", [input]);
  expect(differ).toEqual([]);
  expect(cells.length).toBeGreaterThan(300);
  expect(cells.some((f) => f.formula.includes("'TOP100（2024年）'!"))).toBe(true);
  expect(cells.some((f) => f.formula.includes("'排行—2023.v1'!"))).toBe(true);
});

test("text numbers pasted from a web page, a no-break or full-width space beside the digits: each is a value listed with its cell, and LibreOffice agrees with every formula", async () => {
  const pasted = (grid: Grid) =>
    grid.map((row, r) => (r >= 2 && r % 3 === 0 && typeof row[2] === "number" ? [row[0], row[1], `${row[2].toLocaleString("en-US")}${r % 2 === 0 ? "\u00a0" : " "}`] : r >= 2 && r % 7 === 0 && typeof row[2] === "number" ? [row[0], row[1], `\u3000${row[2]}`] : row));
  const input = path.join(work, "pasted.xlsx");
  await writeWorkbookFile(workbookOf({ "2024年": pasted(SOURCES["2024年"]), "2023年": SOURCES["2023年"] }, "pasted.xlsx"), input);
  const { mine, cells, differ } = await summarizeAndRecalculate("pasted", [input]);
  expect(differ).toEqual([]);
  // Text with an ordinary space is still read by NUMBERVALUE; one with a no-break space is listed as written as its value.
  expect(cells.some((f) => f.formula.startsWith("=NUMBERVALUE("))).toBe(true);
  const notes: string[] = [];
  mine.forEachCell((r, c) => {
    const v = mine.value(r, c);
    if (c === 0 && typeof v === "string" && v.includes("按其数值写入")) notes.push(v);
  });
  expect(notes).toContainEqual(expect.stringMatching(/^\[pasted\.xlsx\]2024年!C\d+：“[\d,.]+\u00a0”按其数值写入$/));
  expect(notes).toContainEqual(expect.stringMatching(/^\[pasted\.xlsx\]2024年!C\d+：“\u3000[\d.]+”按其数值写入$/));
  expect(cells.length).toBeGreaterThan(300);
});
