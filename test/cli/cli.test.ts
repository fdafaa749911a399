// The command line on the fixture files: exit statuses, the documented JSON, files in every
// encoding desks send, the .xlsx it writes, and the same bytes every time.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { execFileSync } from "child_process";
import * as iconv from "iconv-lite";
import { main, CliIo, nodeOutputFiles, OutputFiles } from "../../src/cli/main";
import { parseArgs } from "../../src/cli/args";
import { readXlsx } from "../../src/host/xlsx";
import { formatFixed } from "../../src/core/rounding";
import { NBS_PUBLISHED } from "../fixtures/nbs/build";

const fixtures = path.join(__dirname, "..", "fixtures");
const rankings = (name: string) => path.join(fixtures, "rankings", name);
const nbs = (name: string) => path.join(fixtures, "nbs", name);

async function cli(args: string[], env: Record<string, string> = {}) {
  let stdout = "";
  let stderr = "";
  const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env, today: () => "2026-11-22" };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

/** The command with --out written through the file operations given (to simulate a full disk). */
async function cliWith(args: string[], outputFiles: OutputFiles) {
  let stdout = "";
  let stderr = "";
  const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: {}, today: () => "2026-11-22", outputFiles };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

const one = (x: number | null) => (x === null ? null : formatFixed(x, 1));

describe("summarize --json on the 2024 lists (two CSV files, year from the file names)", () => {
  let json: any;
  beforeAll(async () => {
    const r = await cli(["summarize", rankings("2024年TOP100.csv"), rankings("2023年TOP100.csv"), "--json"]);
    expect(r.code).toBe(0);
    json = JSON.parse(r.stdout);
  });

  test("has the documented keys in order", () => {
    expect(Object.keys(json).slice(0, 5)).toEqual(["rankings", "series", "targets", "narrative", "warnings"]);
    const r = json.rankings[0];
    expect(Object.keys(r).slice(0, 13)).toEqual([
      "source", "metric", "unit", "year", "previousYear", "enterprises", "previousEnterprises", "tiers",
      "hundredBillionCount", "previousHundredBillionCount", "top", "groups", "movers",
    ]);
    expect(Object.keys(r.tiers[0]).slice(0, 10)).toEqual(["label", "min", "max", "count", "previousCount", "countChange", "sum", "mean", "previousMean", "meanYoyPct"]);
    expect(Object.keys(r.top[0]).slice(0, 9)).toEqual(["n", "sum", "previousSum", "sumYoyPct", "threshold", "previousThreshold", "thresholdYoyPct", "share", "shareChangePts"]);
    expect(Object.keys(r.movers[0]).slice(0, 4)).toEqual(["name", "rank", "previousRank", "rankChange"]);
    expect(Object.keys(json.warnings[0]).slice(0, 3)).toEqual(["code", "message", "location"]);
  });

  test("reproduces the published 2024 figures (seed 000)", () => {
    const r = json.rankings[0];
    expect([r.source, r.metric, r.unit, r.year, r.previousYear, r.enterprises, r.previousEnterprises]).toEqual([
      "2024年TOP100.csv", "salesValue", "亿元", 2024, 2023, 110, 126,
    ]);
    expect(r.tiers.map((t: any) => [t.label, t.count, t.previousCount, t.countChange, one(t.mean)])).toEqual([
      ["1000亿以上", 11, 16, -5, "2001.4"],
      ["500-1000亿", 7, 19, -12, "704.0"],
      ["300-500亿", 18, 14, 4, "375.7"],
      ["100-300亿", 50, 67, -17, "172.4"],
    ]);
    expect([r.hundredBillionCount, r.previousHundredBillionCount]).toEqual([86, 116]);
    const top100 = r.top.find((t: any) => t.n === 100);
    expect([one(top100.sum), one(top100.sumYoyPct), top100.share, top100.shareChangePts]).toEqual(["43547.3", "-30.6", null, null]);
  });

  test("warnings name the file and the cell of the n/a value; nothing else is amiss", () => {
    const warnings = json.warnings.filter((w: any) => w.severity === "warning");
    expect(warnings.map((w: any) => [w.code, w.location])).toEqual([
      ["missing-value", "2024年TOP100.csv!C114"],
      ["missing-value", "2023年TOP100.csv!C130"],
    ]);
    // the text numbers ("2,161.6", full-width digits) are read and noted quietly
    expect(json.warnings.filter((w: any) => w.code === "text-number").map((w: any) => w.location)).toEqual(
      expect.arrayContaining(["2024年TOP100.csv!C7", "2024年TOP100.csv!C13"]),
    );
  });

  test("the sentences are in both languages", () => {
    expect(json.narrative["zh-CN"][0]).toBe("2024年，TOP100房企销售总额为43547.3亿元，同比下降30.6%。");
    expect(json.narrative["en-US"][0]).toBe("In 2024, the TOP100 developers' sales totalled RMB 4,354.73 billion, down 30.6% year on year.");
  });
});

test("concentration from --national-total, in percentage points", async () => {
  const r = await cli(["summarize", rankings("2024年TOP100.csv"), rankings("2023年TOP100.csv"), "--json", "--national-total", "96750,116622"]);
  const top100 = JSON.parse(r.stdout).rankings[0].top.find((t: any) => t.n === 100);
  expect(top100.share).toBeCloseTo((43547.3 / 96750) * 100, 10);
  expect(top100.shareChangePts).toBeCloseTo((43547.3 / 96750 - 62748.6 / 116622) * 100, 10);
});

test("the 2023 H1 wide table in GBK: published tier table", async () => {
  const r = await cli(["summarize", rankings("cia-2023-h1-wide-gbk.csv"), "--json"]);
  expect(r.code).toBe(0);
  const ranking = JSON.parse(r.stdout).rankings[0];
  expect([ranking.year, ranking.previousYear]).toEqual([2023, 2022]);
  expect(ranking.tiers.map((t: any) => [t.count, t.countChange, one(t.mean)])).toEqual([
    [7, -2, "1793.7"],
    [10, 3, "784.3"],
    [16, -1, "358.3"],
    [45, -7, "171.4"],
  ]);
  expect(ranking.groups.map((g: any) => [one(g.mean), one(g.meanYoyPct)])).toEqual([
    ["1542.0", "6.0"],
    ["489.3", "1.0"],
    ["241.0", "-6.4"],
    ["113.1", "-9.6"],
  ]);
});

describe.each([
  ["data.stats.gov.cn export, UTF-8 with BOM", "全国新建商品房销售-月度数据.csv"],
  ["data.stats.gov.cn export, GBK", "nbs-monthly-gbk.csv"],
  ["long table", "nbs-long-table.csv"],
])("NBS series from the %s file", (_layout, file) => {
  test("every published row, with computed rates and gaps", async () => {
    const r = await cli(["summarize", nbs(file), "--json"]);
    expect(r.code).toBe(0);
    const series = JSON.parse(r.stdout).series;
    const area = series.find((s: any) => s.indicator === "商品房销售面积");
    const value = series.find((s: any) => s.indicator === "商品房销售额");
    expect([area.unit, area.cumulative, value.unit]).toEqual(["万平方米", true, "亿元"]);
    for (const [year, month, a, ay, v, vy] of NBS_PUBLISHED) {
      const key = `${year}-${String(month).padStart(2, "0")}`;
      const pa = area.points.find((p: any) => p.period === key);
      const pv = value.points.find((p: any) => p.period === key);
      expect([pa.value, pa.publishedYoyPct, pv.value, pv.publishedYoyPct]).toEqual([a, ay, v, vy]);
      if (pa.yoyPct !== null) expect(pa.basisGapPts).toBeCloseTo(pa.yoyPct - ay, 10);
    }
    const full2024 = area.points.find((p: any) => p.period === "2024-12");
    expect(full2024.label).toBe("2024年1-12月");
    expect([formatFixed(full2024.yoyPct, 2), formatFixed(full2024.basisGapPts, 2), full2024.basisFlag]).toEqual(["-12.84", "0.06", false]);
    expect(area.points.find((p: any) => p.period === "2023-12").basisFlag).toBe(true);
  });
});

test("the plan, ranking and series files together, text output", async () => {
  const r = await cli(["summarize", rankings("2024年TOP100.csv"), rankings("2023年TOP100.csv"), nbs("nbs-monthly-gbk.csv"), "--lang", "zh-CN"]);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain("2024年，新建商品房销售面积97385万平方米，同比下降12.9%，其中住宅销售面积下降14.1%。");
  expect(r.stdout).toContain("TOP100房企销售额占全国新建商品房销售额的45.0%，较上年下降8.8个百分点。");
});

test("--out writes the inputs and a formatted summary sheet", async () => {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "statdesk-")), "summary.xlsx");
  const r = await cli(["summarize", rankings("2024年TOP100.csv"), rankings("2023年TOP100.csv"), "--out", out, "--lang", "en-US"]);
  expect(r.code).toBe(0);
  const book = await readXlsx(new Uint8Array(fs.readFileSync(out)), "summary.xlsx");
  expect(book.sheets.map((s) => s.name)).toEqual(["2024年TOP100", "2023年TOP100", "Summary_2024"]);
  const summary = book.sheet("Summary_2024")!;
  expect(summary.value(0, 0)).toBe("Real estate sales summary, 2024");
  expect(summary.freeze.rows).toBe(2);
});

test("the same inputs give byte-identical JSON", async () => {
  const args = ["summarize", rankings("cia-2023-h1-wide-gbk.csv"), nbs("nbs-long-table.csv"), "--json"];
  const a = await cli(args);
  const b = await cli(args);
  expect(a.stdout.length).toBeGreaterThan(1000);
  expect(a.stdout).toBe(b.stdout);
});

describe("exit statuses", () => {
  test("2 for usage errors, with the usage", async () => {
    for (const args of [[], ["frobnicate"], ["summarize"], ["summarize", "x.csv", "--lang", "fr"], ["summarize", "x.csv", "--out", "x.pdf"], ["summarize", "x.csv", "--bogus"]]) {
      const r = await cli(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("Usage: statdesk summarize");
    }
  });

  test("1 when a file cannot be read, naming it", async () => {
    const r = await cli(["summarize", path.join(fixtures, "does-not-exist.csv")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("does-not-exist.csv");
  });

  test("1 when nothing can be summarised, naming the file and cell", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "statdesk-"));
    const file = path.join(dir, "notes.csv");
    fs.writeFileSync(file, "企业名称,销售额（亿元）\n");
    const r = await cli(["summarize", file, "--lang", "en-US"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/notes\.csv!A1: The year of notes\.csv was not found/);
  });

  test("1 when every figure is unusable, naming the figure cells rather than the header", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "statdesk-"));
    const file = path.join(dir, "2024年.csv");
    fs.writeFileSync(file, "排名,企业名称,销售额（亿元）\n1,甲,#N/A\n2,乙,\n3,丙,暂无\n");
    const en = await cli(["summarize", file, "--lang", "en-US"]);
    expect(en.code).toBe(1);
    expect(en.stderr).toContain("2024年.csv!C2:C4: 2024年.csv has a header but no usable data rows: none of the figures in C2:C4 can be counted");
    const zh = await cli(["summarize", file, "--lang", "zh-CN"]);
    expect(zh.stderr).toContain("2024年.csv!C2:C4: 2024年.csv 有表头但没有可用的数据行：C2:C4 中没有一个可计入的数值");
  });

  test("2 for bad option values, as --help says, with the message and the usage, before any file is read", async () => {
    const file = rankings("2024年TOP100.csv");
    const cases: [string[], string][] = [
      [["--tiers", "300,100"], "--tiers: Tier bounds must ascend: 100 comes after 300."],
      [["--top", "0"], '--top: TOP-N must be positive whole numbers ("0").'],
      [["--tiers", "abc"], '--tiers: "abc" is not a preset; the presets are cia2023, cia2020, or give ascending bounds'],
      [["--tiers", "cia2021"], '--tiers: "cia2021" is not a preset; the presets are cia2023, cia2020'],
      [["--national-total", "abc"], '--national-total must be one or two positive numbers in 亿元, such as 96750 or 96,750;116,622 ("abc").'],
      [["--national-total", "1,2,3"], '--national-total takes at most two values, this year and last year ("1,2,3").'],
      [["--sheet-name", "a/b"], '--sheet-name: The output sheet name "a/b" cannot be used'],
    ];
    for (const [options, message] of cases) {
      // the missing second file shows the value is refused before the files are opened
      const r = await cli(["summarize", file, path.join(fixtures, "does-not-exist.csv"), ...options, "--lang", "en-US"]);
      expect([options, r.code, r.stdout]).toEqual([options, 2, ""]);
      expect(r.stderr).toContain(message);
      expect(r.stderr).toContain("Usage: statdesk summarize");
      expect(r.stderr).not.toContain("does-not-exist.csv");
    }
    const zh = await cli(["summarize", file, "--tiers", "cia2021", "--lang", "zh-CN"]);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain("--tiers：“cia2021”不是预设方案；可用的预设为 cia2023, cia2020");
  });

  test("0 and the help text for --help", async () => {
    const r = await cli(["--help"]);
    expect([r.code, r.stdout.startsWith("Usage:")]).toEqual([0, true]);
  });
});

describe("--national-total: thousands separators and the separator between the two years", () => {
  // The rule documented in --help: ";", "；", "/" or a space separate the years; otherwise a comma
  // does, unless the whole text is one number grouped in thousands (a comma, then three digits).
  test.each([
    ["96750", { current: 96750, previous: null }],
    ["96,750", { current: 96750, previous: null }],
    ["1,234,567.5", { current: 1234567.5, previous: null }],
    ["96750,116622", { current: 96750, previous: 116622 }],
    ["96750，116622", { current: 96750, previous: 116622 }],
    ["96750, 116622", { current: 96750, previous: 116622 }],
    ["96,750;116,622", { current: 96750, previous: 116622 }],
    ["96,750；116,622", { current: 96750, previous: 116622 }],
    ["96,750 / 116,622", { current: 96750, previous: 116622 }],
    ["96,750 116,622", { current: 96750, previous: 116622 }],
  ])("%s", (text, total) => {
    expect(parseArgs(["summarize", "a.csv", "--national-total", text])).toMatchObject({ command: "summarize", nationalTotal: total });
  });

  test.each(["1,2,3", "96,750;116,622;1", "96750,116,622"])("%s is refused: at most two values", (text) => {
    expect(parseArgs(["summarize", "a.csv", "--national-total", text])).toMatchObject({ command: "usage-error", message: expect.stringContaining("at most two values") });
  });

  test.each(["abc", "0", "96,750;1,2", "96,750;-1", ""])("%p is refused: not a positive number", (text) => {
    expect(parseArgs(["summarize", "a.csv", `--national-total=${text}`])).toMatchObject({ command: "usage-error", message: expect.stringContaining("positive numbers") });
  });

  test("96,750 is this year's 96750 (not 96 this year and 750 last year) through the whole run", async () => {
    const r = await cli(["summarize", rankings("2024年TOP100.csv"), rankings("2023年TOP100.csv"), "--json", "--national-total", "96,750"]);
    expect(r.code).toBe(0);
    const top100 = JSON.parse(r.stdout).rankings[0].top.find((t: any) => t.n === 100);
    expect(top100.share).toBeCloseTo((43547.3 / 96750) * 100, 10);
    expect(top100.shareChangePts).toBeNull();
  });

  test("--help states the rule", async () => {
    const r = await cli(["--help"]);
    expect(r.stdout).toContain("So 96,750 is one");
    expect(r.stdout).toContain("96750,116622 and 96,750;116,622 are two");
  });
});

describe("--out", () => {
  const inputs = [rankings("2024年TOP100.csv"), rankings("2023年TOP100.csv")];
  const freshDir = () => fs.mkdtempSync(path.join(os.tmpdir(), "statdesk-out-"));
  const failure = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });

  test.each([
    ["a folder that does not exist", () => "/no/such/dir/x.xlsx", "Cannot write /no/such/dir/x.xlsx: the folder /no/such/dir does not exist"],
    [
      "a folder",
      () => {
        const target = path.join(freshDir(), "x.xlsx");
        fs.mkdirSync(target);
        return target;
      },
      ": it is a folder, not a file",
    ],
    ["below a file", () => path.join(rankings("2024年TOP100.csv"), "x.xlsx"), "is not a folder"],
  ])("naming %s: exit 2 with a plain message, before anything is read, computed or printed", async (_, target, message) => {
    const out = target();
    const r = await cli(["summarize", ...inputs, path.join(fixtures, "does-not-exist.csv"), "--out", out, "--lang", "en-US"]);
    expect([r.code, r.stdout]).toEqual([2, ""]);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/internal error|ENOENT|EISDIR|\n\s+at /);
    expect(r.stderr).not.toContain("does-not-exist.csv");
  });

  test("in a folder that takes no new files (/proc): exit 2, said plainly", async () => {
    const r = await cli(["summarize", ...inputs, "--out", "/proc/x.xlsx", "--lang", "en-US"]);
    expect([r.code, r.stdout]).toEqual([2, ""]);
    // root may write anywhere but /proc takes no files; anyone else is refused permission
    expect(r.stderr).toMatch(/^statdesk: Cannot write \/proc\/x\.xlsx: (files cannot be created in the folder \/proc|permission denied)\n$/);
  });

  test("in a folder without write permission (simulated): exit 2, in the language chosen", async () => {
    const outputFiles: OutputFiles = { ...nodeOutputFiles, createFile: () => Promise.reject(failure("EACCES")) };
    const out = path.join(freshDir(), "x.xlsx");
    const r = await cliWith(["summarize", ...inputs, "--out", out, "--lang", "zh-CN"], outputFiles);
    expect([r.code, r.stdout]).toEqual([2, ""]);
    expect(r.stderr).toBe(`statdesk: 无法写入文件 ${out}：没有权限\n`);
  });

  test("a failed write (disk full, simulated) keeps the previous workbook and leaves no temporary file", async () => {
    const dir = freshDir();
    const out = path.join(dir, "summary.xlsx");
    const first = await cli(["summarize", ...inputs, "--out", out, "--lang", "en-US"]);
    expect(first.code).toBe(0);
    expect(fs.readdirSync(dir)).toEqual(["summary.xlsx"]);
    const good = fs.readFileSync(out);

    // The writer gets half the bytes onto the disk, then the disk is full.
    const written: string[] = [];
    const outputFiles: OutputFiles = {
      ...nodeOutputFiles,
      createFile: async (file, bytes) => {
        if (bytes.length === 0) return nodeOutputFiles.createFile(file, bytes); // the up-front check
        written.push(file);
        fs.writeFileSync(file, bytes.subarray(0, bytes.length >> 1), { flag: "wx" });
        throw failure("ENOSPC");
      },
    };
    const r = await cliWith(["summarize", ...inputs, "--out", out, "--lang", "en-US"], outputFiles);
    expect([r.code, r.stdout]).toEqual([1, ""]);
    expect(r.stderr).toBe(`statdesk: Cannot write ${out}: the disk is full. Any existing summary.xlsx is unchanged.\n`);
    expect(written).toHaveLength(1);
    expect(path.dirname(written[0])).toBe(dir); // beside the target, so the rename is one step
    expect(written[0]).not.toBe(out);
    expect(fs.readFileSync(out).equals(good)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(["summary.xlsx"]);
    const book = await readXlsx(new Uint8Array(good), "summary.xlsx");
    expect(book.sheets.map((s) => s.name)).toContain("Summary_2024");
  });

  test("a file too large for the system's limit (EFBIG), said in Chinese", async () => {
    const out = path.join(freshDir(), "x.xlsx");
    const outputFiles: OutputFiles = {
      ...nodeOutputFiles,
      createFile: (file, bytes) => (bytes.length === 0 ? nodeOutputFiles.createFile(file, bytes) : Promise.reject(failure("EFBIG"))),
    };
    const r = await cliWith(["summarize", ...inputs, "--out", out, "--lang", "zh-CN"], outputFiles);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`statdesk: 无法写入文件 ${out}：文件超过系统允许的大小（文件大小上限）。原有的 x.xlsx（如有）未改动。\n`);
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe("input files that cannot be read: the reason in the language chosen, naming the file", () => {
  test.each([
    ["en-US", "Cannot read nope.csv: there is no such file", "Cannot read folder.csv: it is a folder, not a file"],
    ["zh-CN", "无法读取文件 nope.csv：文件不存在", "无法读取文件 folder.csv：这是文件夹，不是文件"],
  ])("%s", async (language, missing, folder) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "statdesk-"));
    fs.mkdirSync(path.join(dir, "folder.csv"));
    const r = await cli(["summarize", path.join(dir, "nope.csv"), path.join(dir, "folder.csv"), "--lang", language]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`statdesk: ${missing}\nstatdesk: ${folder}\n`);
  });
});

describe("an input file that gave nothing is named, with why, when the others worked", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "statdesk-"));
    fs.writeFileSync(path.join(dir, "empty.csv"), "");
    fs.writeFileSync(path.join(dir, "notes.csv"), "说明\n本文件为说明，没有数据表。\n");
    fs.writeFileSync(path.join(dir, "noise.csv"), new Uint8Array(2048).map((_, i) => (i * 7919 + 13) % 251));
  });
  const files = () => [rankings("2024年TOP100.csv"), rankings("2023年TOP100.csv"), ...["empty.csv", "notes.csv", "noise.csv"].map((f) => path.join(dir, f))];

  test("in the text report", async () => {
    const r = await cli(["summarize", ...files(), "--lang", "en-US"]);
    expect(r.code).toBe(0);
    const notes = r.stdout.slice(r.stdout.indexOf("Notes ("));
    expect(notes).toContain("  empty.csv holds no data.");
    expect(notes).toMatch(/ {2}notes\.csv!A1:A2: No ranking, sales series or plan table was found in notes\.csv\./);
    expect(notes).toMatch(/ {2}noise\.csv!\S+: No ranking, sales series or plan table was found in noise\.csv\./);
    expect(r.stdout).toContain("TOP100: 43547.3");
  });

  test("in the JSON, the empty file too", async () => {
    const r = await cli(["summarize", ...files(), "--json", "--lang", "en-US"]);
    expect(r.code).toBe(0);
    const warnings = JSON.parse(r.stdout).warnings.filter((w: any) => w.code === "empty-input" || w.code === "no-table");
    expect(warnings.map((w: any) => [w.code, w.severity, w.message.split(" ")[0]])).toEqual(
      expect.arrayContaining([
        ["empty-input", "info", "empty.csv"],
        ["no-table", "info", "No"],
      ]),
    );
  });
});

test("characters a GBK/GB18030 file cannot decode are a warning naming the file and the cell", async () => {
  const text = fs.readFileSync(rankings("2024年TOP100.csv"), "utf8").replace(/^\ufeff/, "");
  const bytes = iconv.encode(text, "gb18030");
  const at = bytes.indexOf(iconv.encode("样本房企002", "gb18030"));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "statdesk-"));
  const file = path.join(dir, "2024年TOP100.csv");
  fs.writeFileSync(file, Buffer.concat([bytes.subarray(0, at), Buffer.from([0xff]), bytes.subarray(at)]));
  const json = await cli(["summarize", file, rankings("2023年TOP100.csv"), "--json", "--lang", "en-US"]);
  expect(json.code).toBe(0);
  expect(JSON.parse(json.stdout).warnings.filter((w: any) => w.code === "undecodable-text")).toEqual([
    expect.objectContaining({
      severity: "warning",
      location: "2024年TOP100.csv!B3",
      message: expect.stringContaining("2024年TOP100.csv holds 1 character(s) that could not be decoded as GB18030"),
    }),
  ]);
  const text2 = await cli(["summarize", file, rankings("2023年TOP100.csv"), "--lang", "zh-CN"]);
  expect(text2.stdout).toContain("2024年TOP100.csv!B3: 2024年TOP100.csv 中有 1 个字符无法按 GB18030 解码");
  // a clean file has no such warning
  const clean = await cli(["summarize", rankings("cia-2023-h1-wide-gbk.csv"), "--json"]);
  expect(JSON.parse(clean.stdout).warnings.map((w: any) => w.code)).not.toContain("undecodable-text");
});

test("arguments", () => {
  expect(parseArgs(["summarize", "a.csv", "--top=10,20", "--colors", "green-up"], { LANG: "zh_CN.UTF-8" })).toMatchObject({
    files: ["a.csv"],
    top: "10,20",
    colours: "green-up",
    language: "zh-CN",
  });
});

test("the installed command runs (bin/statdesk.js on the compiled CLI)", () => {
  const bin = path.join(__dirname, "..", "..", "bin", "statdesk.js");
  expect(fs.existsSync(path.join(__dirname, "..", "..", "lib", "cli", "main.js"))).toBe(true); // built by `npm install` / the test command
  const text = execFileSync(process.execPath, [bin, "summarize", rankings("2024年TOP100.csv"), rankings("2023年TOP100.csv"), "--json"], { encoding: "utf8" });
  expect(JSON.parse(text).rankings[0].tiers[0].count).toBe(11);
});

test(".xlsx input: every sheet read, a notes sheet is only noted, locations name file, sheet and cell", async () => {
  const ExcelJS = await import("exceljs");
  const book = new ExcelJS.Workbook();
  const notes = book.addWorksheet("说明");
  notes.getCell("A1").value = "本工作簿为测试用合成数据。";
  for (const [name, year, values] of [
    ["2024年", 2024, [3000, 2000, 1000]],
    ["2023年", 2023, [2800, 2100, 900]],
  ] as const) {
    const ws = book.addWorksheet(name);
    ws.mergeCells("A1:C1");
    ws.getCell("A1").value = `${year}年房企销售额排行（单位：亿元）`;
    ws.addRow(["排名", "企业名称", "销售额（亿元）"]);
    values.forEach((v, i) => ws.addRow([i + 1, `样本房企${i + 1}`, year === 2024 && i === 1 ? "2,000.0" : v]));
    ws.addRow([4, "样本房企4", { error: "#N/A" }]);
  }
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "statdesk-")), "cia.xlsx");
  await book.xlsx.writeFile(file);
  const r = await cli(["summarize", file, "--json", "--top", "3", "--lang", "en-US"]);
  expect(r.code).toBe(0);
  const json = JSON.parse(r.stdout);
  expect(json.rankings[0].top[0]).toMatchObject({ n: 3, sum: 6000, previousSum: 5800 });
  const byCode = (code: string) => json.warnings.filter((w: any) => w.code === code).map((w: any) => [w.location, w.severity]);
  expect(byCode("text-number")).toEqual([["[cia.xlsx]2024年!C4", "info"]]);
  expect(byCode("missing-value")).toEqual([
    ["[cia.xlsx]2024年!C6", "warning"],
    ["[cia.xlsx]2023年!C6", "warning"],
  ]);
  expect(byCode("no-table")).toEqual([["[cia.xlsx]说明!A1", "info"]]);
});

test("a truncated .xlsx is a clear error naming the file", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "statdesk-"));
  const ExcelJS = await import("exceljs");
  const book = new ExcelJS.Workbook();
  book.addWorksheet("S").getCell("A1").value = 1;
  const bytes = Buffer.from(await book.xlsx.writeBuffer());
  const file = path.join(dir, "broken.xlsx");
  fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
  const r = await cli(["summarize", file]);
  expect(r.code).toBe(1);
  expect(r.stderr).toContain("broken.xlsx");
});

test("the same file given twice is read once, and said", async () => {
  const list = rankings("2024年TOP100.csv");
  const twice = await cli(["summarize", list, path.join(path.dirname(list), ".", path.basename(list)), rankings("2023年TOP100.csv"), "--json"]);
  const once = await cli(["summarize", list, rankings("2023年TOP100.csv"), "--json"]);
  expect(twice.code).toBe(0);
  const warnings = JSON.parse(twice.stdout).warnings as { code: string; message: string }[];
  expect(warnings.filter((w) => w.code === "file-repeated").map((w) => w.message)).toEqual(["2024年TOP100.csv was given twice; it is read once."]);
  expect(warnings.map((w) => w.code)).not.toContain("year-listed-twice");
  expect(JSON.parse(twice.stdout).rankings).toEqual(JSON.parse(once.stdout).rankings);
});

test("--single-months shows the latest single month in the text report too", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "statdesk-single-"));
  try {
    const file = path.join(dir, "月度数据.csv");
    fs.writeFileSync(file, "指标,2024年4月,2024年3月,2023年4月,2023年3月\n新建商品房销售面积累计值(万平方米),29252,22668,37636,29818\n");
    const without = await cli(["summarize", file, "--lang", "en-US"]);
    const withSingle = await cli(["summarize", file, "--lang", "en-US", "--single-months"]);
    expect(without.stdout).not.toContain("single month");
    expect(withSingle.code).toBe(0);
    expect(withSingle.stdout).toContain(`single month (derived) ${29252 - 22668} 万平方米, ${formatFixed(((29252 - 22668) / (37636 - 29818) - 1) * 100, 1)}%`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

describe("how the summary's figures are written (#14)", () => {
  test("formulas by default; --values and --hide-data say so; both together is a usage error", () => {
    expect(parseArgs(["summarize", "a.csv"])).toMatchObject({ command: "summarize", valuesOnly: false, hideData: false });
    expect(parseArgs(["summarize", "a.csv", "--values"])).toMatchObject({ command: "summarize", valuesOnly: true, hideData: false });
    expect(parseArgs(["summarize", "a.csv", "--hide-data"])).toMatchObject({ command: "summarize", valuesOnly: false, hideData: true });
    expect(parseArgs(["summarize", "a.csv", "--values", "--hide-data"])).toMatchObject({ command: "usage-error", message: expect.stringContaining("--hide-data") });
  });
});
