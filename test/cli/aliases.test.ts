// The command line with bases side by side and --aliases (issue 12 §2, §3), on the synthetic CRIC
// tables (test/fixtures/rankings/cric-bases.ts) written as CSV files to a temporary folder.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parseArgs } from "../../src/cli/args";
import { CRIC_2023, CRIC_2024, cricCsv } from "../fixtures/rankings/cric-bases";
import { cli } from "./harness";


let dir: string;
let lists: string[];
const write = (name: string, text: string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
};

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "statdesk-aliases-"));
  lists = [write("2024年CRIC.csv", cricCsv(CRIC_2024)), write("2023年CRIC.csv", cricCsv(CRIC_2023))];
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("--aliases is read as an option", () => {
  expect(parseArgs(["summarize", "a.csv", "--aliases", "x.csv"])).toMatchObject({ command: "summarize", files: ["a.csv"], aliases: "x.csv" });
  expect(parseArgs(["summarize", "a.csv", "--aliases"])).toEqual({ command: "usage-error", message: "--aliases needs a value" });
});

test("without --aliases: both bases in the JSON, the rename an entrant and an exit, and the suggestion naming both cells", async () => {
  const r = await cli(["summarize", ...lists, "--json", "--lang", "zh-CN"]);
  expect(r.code).toBe(0);
  const json = JSON.parse(r.stdout);
  expect(json.rankings.map((x: any) => [x.basis, x.year, x.previousYear, x.top[0].n, x.top[0].sum])).toEqual([
    ["全口径", 2024, 2023, 10, 26400],
    ["权益", 2024, 2023, 10, expect.closeTo(20722, 6)],
  ]);
  expect(json.rankings[0].membership[0]).toEqual({ n: 10, entrants: ["碧桂园控股"], exits: ["碧桂园"] });
  const notes = json.warnings.filter((w: any) => w.code === "alias-suggestion");
  expect(notes.map((w: any) => [w.severity, w.location])).toEqual([["info", "2024年CRIC.csv!B5"]]);
  expect(notes[0].message).toContain("2023年CRIC.csv!B5");
  expect(notes[0].message).toContain("碧桂园控股,碧桂园");
});

test("the text report names each ranking's basis", async () => {
  const r = await cli(["summarize", ...lists, "--lang", "zh-CN"]);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain("(salesValue, 全口径, 亿元)");
  expect(r.stdout).toContain("(salesValue, 权益, 亿元)");
});

test("with --aliases: the renamed enterprise leaves entrants and exits, and is one mover", async () => {
  const aliases = write("aliases.csv", "名称,统一名称\n碧桂园控股,碧桂园\n");
  const r = await cli(["summarize", ...lists, "--json", "--aliases", aliases]);
  expect(r.code).toBe(0);
  const json = JSON.parse(r.stdout);
  for (const ranking of json.rankings) {
    expect(ranking.membership.flatMap((m: any) => [...m.entrants, ...m.exits])).not.toEqual(expect.arrayContaining(["碧桂园控股"]));
    expect(ranking.membership.flatMap((m: any) => m.exits)).not.toContain("碧桂园");
  }
  const mover = json.rankings[0].movers.find((m: any) => m.name === "碧桂园");
  expect(mover).toMatchObject({ rank: 3, previousRank: 3, writtenAs: ["碧桂园控股", "碧桂园"] });
  expect(json.warnings.map((w: any) => w.code)).not.toContain("alias-suggestion");
});

test("a missing --aliases file is a usage error (exit 2) naming it; a bad line exits 1 naming the file and line", async () => {
  const missing = await cli(["summarize", ...lists, "--aliases", path.join(dir, "nope.csv"), "--lang", "en-US"]);
  expect(missing.code).toBe(2);
  expect(missing.stderr).toContain("nope.csv");
  expect(missing.stderr).toContain("there is no such file");

  const bad = write("bad-aliases.csv", "名称,统一名称\n碧桂园控股,碧桂园\n万科地产\n");
  const r = await cli(["summarize", ...lists, "--aliases", bad, "--lang", "en-US"]);
  expect(r.code).toBe(1);
  expect(r.stderr).toContain("bad-aliases.csv!B3: Line 3 of the alias list bad-aliases.csv (万科地产,) holds only one name");
  expect(r.stdout).toBe("");
});

test("an alias sheet among the inputs (别名.csv) is used as the alias list, not read as data", async () => {
  const sheet = write("别名.csv", "名称,统一名称\n碧桂园控股,碧桂园\n");
  const r = await cli(["summarize", ...lists, sheet, "--json"]);
  expect(r.code).toBe(0);
  const json = JSON.parse(r.stdout);
  expect(json.rankings[0].membership[0]).toEqual({ n: 10, entrants: [], exits: [] });
  expect(json.warnings.map((w: any) => w.code)).toContain("aliases-used");
});
