// The command line on four lists of two periods (1—11月 and 1—12月, 2024 and 2023; issue #12 §1):
// the JSON's rateChange and history, the text report's line, and the sheet --out writes.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import { readXlsx } from "../../src/host/xlsx";
import { cli } from "./harness";

const dir = path.join(__dirname, "..", "fixtures", "rankings", "history");
const decNov = ["2024年1-12月TOP100.csv", "2023年1-12月TOP100.csv", "2024年1-11月TOP100.csv", "2023年1-11月TOP100.csv"].map((f) => path.join(dir, f));
const halfMay = ["2023年上半年TOP100.csv", "2022年上半年TOP100.csv", "2023年1-5月TOP100.csv", "2022年1-5月TOP100.csv"].map((f) => path.join(dir, f));


describe("summarize --json", () => {
  let json: any;
  beforeAll(async () => {
    const r = await cli(["summarize", ...decNov, "--json"]);
    expect(r.code).toBe(0);
    json = JSON.parse(r.stdout);
  });

  test("two rankings, 1—12月 first, TOP100's rateChange +2.3 decline-narrowed", () => {
    expect(json.rankings.map((r: { period: string; periodKey: string; previousPeriod: string | null }) => [r.period, r.periodKey, r.previousPeriod])).toEqual([
      ["2024年", "2024-12", "2024-11"],
      ["2024年1-11月", "2024-11", null],
    ]);
    const top100 = json.rankings[0].top.find((t: { n: number }) => t.n === 100);
    expect(top100.rateChange).toEqual({ previousPeriod: "2024-11", previousRate: -32.9, rate: -30.6, changePts: 2.3, trend: "decline-narrowed" });
    expect(top100.thresholdRateChange).toMatchObject({ previousPeriod: "2024-11" });
    expect(json.rankings[1].top.every((t: { rateChange: unknown }) => t.rateChange === null)).toBe(true);
    expect(json.rankings[0].tiers[0].periodCountChange).toEqual({ previousPeriod: "2024-11", previousCount: 10, count: 11, change: 1 });
    expect(json.rankings[0].hundredBillionPeriodChange).toEqual({ previousPeriod: "2024-11", previousCount: 78, count: 86, change: 8 });
    // keys are added after the documented ones, never in between
    expect(Object.keys(json).slice(0, 5)).toEqual(["rankings", "series", "targets", "narrative", "warnings"]);
    expect(Object.keys(json.rankings[0].top[0]).slice(0, 9)).toEqual(["n", "sum", "previousSum", "sumYoyPct", "threshold", "previousThreshold", "thresholdYoyPct", "share", "shareChangePts"]);
  });

  test("one history, oldest first, and the sentence word for word", () => {
    expect(json.history).toHaveLength(1);
    expect(json.history[0]).toMatchObject({ metric: "salesValue", basis: null, unit: "亿元" });
    expect(json.history[0].periods.map((p: { period: string }) => p.period)).toEqual(["2024-11", "2024-12"]);
    expect(json.history[0].periods[1].top[3].rateChange.changePts).toBe(2.3);
    expect(json.narrative["zh-CN"][0]).toBe("2024年，TOP100房企销售总额为43547.3亿元，同比下降30.6%，降幅较1—11月缩窄2.3个百分点。");
    // only the fixtures' own n/a row in each file: nothing about pairing or periods
    expect(json.warnings.filter((w: { severity: string }) => w.severity !== "info").map((w: { code: string }) => w.code)).toEqual(["missing-value", "missing-value", "missing-value", "missing-value"]);
  });

  test("上半年 against 1—5月 turns up", async () => {
    const r = await cli(["summarize", ...halfMay, "--json"]);
    const h = JSON.parse(r.stdout);
    expect(h.rankings[0].top[3].rateChange).toEqual({ previousPeriod: "2023-05", previousRate: -1.5, rate: 0.1, changePts: 1.6, trend: "turned-up" });
    expect(h.narrative["zh-CN"][0]).toBe("2023年1—6月，TOP100房企销售总额为35682.3亿元，同比增长0.1%，增速较1—5月由降转增。");
  });
});

test("the text report says the move against 1—11月 and prints the sentence", async () => {
  const r = await cli(["summarize", ...decNov, "--lang", "zh-CN"]);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain("  TOP100: 43547.3 (-30.6%, 较1—11月 +2.3个百分点)");
  expect(r.stdout).toContain("  1000亿以上: 11 (-5, 较1—11月 +1), 均值 2001.4");
  expect(r.stdout).toContain("2024年，TOP100房企销售总额为43547.3亿元，同比下降30.6%，降幅较1—11月缩窄2.3个百分点。\n");
  const en = await cli(["summarize", ...decNov, "--lang", "en-US"]);
  expect(en.stdout).toContain("  TOP100: 43547.3 (-30.6%, vs Jan–Nov +2.3 pts)");
});

test("--out writes the history table and its chart into the summary sheet", async () => {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "statdesk-history-")), "h.xlsx");
  const r = await cli(["summarize", ...decNov, "--lang", "zh-CN", "--out", out]);
  expect(r.code).toBe(0);
  const book = await readXlsx(new Uint8Array(fs.readFileSync(out)), "h.xlsx");
  const sheet = book.sheet("汇总_2024")!;
  const used = sheet.usedRect(true)!;
  const values = sheet.values({ row: 0, column: 0, rowCount: used.rowCount + used.row, columnCount: used.columnCount + used.column });
  const header = values.findIndex((row) => row[1] === "TOP10同比");
  expect(header).toBeGreaterThan(0);
  expect(values.slice(header + 1, header + 3).map((row) => row[0])).toEqual(["2024年1-11月", "2024年1-12月"]);
  expect(values.some((row) => row[0] === "2024年，TOP100房企销售总额为43547.3亿元，同比下降30.6%，降幅较1—11月缩窄2.3个百分点。")).toBe(true);
  // charts are DrawingML the reader does not model: read their names from the drawing
  const zip = await JSZip.loadAsync(fs.readFileSync(out));
  const drawings = await Promise.all(Object.keys(zip.files).filter((f) => /^xl\/drawings\/drawing\d+\.xml$/.test(f)).map((f) => zip.file(f)!.async("string")));
  expect(drawings.join("").match(/name="StatDesk_[^"]*"/g)).toEqual(['name="StatDesk_tiers_salesValue"', 'name="StatDesk_thresholds_salesValue"', 'name="StatDesk_history_salesValue"']);
});
