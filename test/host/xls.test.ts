// .xls (BIFF8) import: the fixtures LibreOffice wrote from test/fixtures/xls/sources.ts read back
// as their sources hold them; the command line summarises an .xls as it does the same .xlsx; and
// damaged, truncated, looping, oversized, encrypted and older files are refused quickly, by name.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { execFileSync, spawnSync } from "child_process";
import { isDateFormat } from "../../src/core/cells";
import { readCompoundFile } from "../../src/host/cfb";
import { WorkbookModel } from "../../src/host/model";
import { readXls } from "../../src/host/xls";
import { nbsExportGrid, NBS_PUBLISHED } from "../fixtures/nbs/build";
import { DEC_31_2024, LONG_LIST_COLUMNS, LONG_LIST_SIZE, longListText, nbsWorkbook } from "../fixtures/xls/sources";
import { cli } from "../cli/harness";

const fixture = (name: string) => path.join(__dirname, "..", "fixtures", "xls", name);
const bytesOf = (name: string) => new Uint8Array(fs.readFileSync(fixture(name)));
const read = (name: string) => readXls(bytesOf(name), name);

/** The sheet's values as rows × columns over its used range ("" for an empty cell). */
function grid(workbook: WorkbookModel, sheetName: string): (string | number | boolean)[][] {
  const sheet = workbook.sheet(sheetName)!;
  const used = sheet.usedRect(true)!;
  return Array.from({ length: used.row + used.rowCount }, (_, r) => Array.from({ length: used.column + used.columnCount }, (_, c) => sheet.value(r, c)));
}

function u16(bytes: Uint8Array, at: number): number {
  return bytes[at] | (bytes[at + 1] << 8);
}
function u32(bytes: Uint8Array, at: number): number {
  return (u16(bytes, at) | (u16(bytes, at + 2) << 16)) >>> 0;
}
function putU32(bytes: Uint8Array, at: number, value: number): void {
  new DataView(bytes.buffer, bytes.byteOffset).setUint32(at, value, true);
}

/** Offset of the first occurrence of `pattern` in `bytes` (the test fails when there is none). */
function find(bytes: Uint8Array, pattern: number[], from = 0): number {
  const at = Buffer.from(bytes).indexOf(Buffer.from(pattern), from);
  expect(at).toBeGreaterThanOrEqual(0);
  return at;
}

/** The record types of the Workbook stream, in order (to prove what a fixture exercises). */
function recordTypes(bytes: Uint8Array): number[] {
  const stream = readCompoundFile(bytes).stream("Workbook")!;
  const types: number[] = [];
  for (let pos = 0; pos + 4 <= stream.length; pos += 4 + u16(stream, pos + 2)) types.push(u16(stream, pos));
  return types;
}

/** The directory entry named `name` in a version-3 fixture (512-byte sectors), as a file offset. */
function directoryEntry(bytes: Uint8Array, name: string): number {
  const utf16 = [...name].flatMap((ch) => [ch.charCodeAt(0), 0]);
  const at = find(bytes, utf16, (u32(bytes, 48) + 1) * 512);
  expect(at % 128).toBe(0);
  return at;
}

/** Expects reading `bytes` as `name` to fail (never to hang: jest's timeout stands guard) with a message matching `message`. */
async function expectRefused(bytes: Uint8Array, name: string, message: RegExp): Promise<void> {
  await expect(readXls(bytes, name)).rejects.toThrow(message);
  await expect(readXls(bytes, name)).rejects.toThrow(new RegExp(`^Cannot read ${name.replace(".", "\\.")} as an \\.xls workbook`));
}

describe("mixed.xls: two sheets, every kind of cell", () => {
  let workbook: WorkbookModel;
  beforeAll(async () => {
    workbook = await read("mixed.xls");
  });

  test("sheet names and visibility, the first visible sheet active", () => {
    expect(workbook.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["数据", "Visible"],
      ["隐藏", "Hidden"],
    ]);
    expect(workbook.activeSheetId).toBe(workbook.sheets[0].id);
  });

  test("numbers, text, booleans, errors and formulas' cached results read as sources.ts wrote them", () => {
    expect(grid(workbook, "数据")).toEqual([
      ["企业", "销售额（亿元）", "同比（%）", "日期"],
      ["万科", 4658.3, -0.3, DEC_31_2024],
      ["保利", 4230, 12, ""],
      ["Sample Co.", 12345678901, 0.000123, ""],
      ["合计", 8888.3, "万科-保利", true],
      [true, "#N/A", "#DIV/0!", ""],
      ["", "", "", ""],
      ["注：数据为示例。", "", "", ""],
    ]);
    expect(grid(workbook, "隐藏")).toEqual([
      ["", "", ""],
      ["", "", ""],
      ["", "隐藏的值", 7],
    ]);
  });

  test("number formats come from XF and FORMAT records: the date keeps a date format", () => {
    const sheet = workbook.sheet("数据")!;
    const format = (r: number, c: number) => workbook.styles.get(sheet.styleId(r, c)).numberFormat;
    expect(isDateFormat(format(1, 3))).toBe(true);
    expect(format(1, 1)).toBe("#,##0.0");
    expect(format(2, 1)).toBe("General");
    expect(isDateFormat(format(2, 1))).toBe(false);
  });

  test("the merged note is one merge", () => {
    expect(workbook.sheet("数据")!.merges).toEqual([{ row: 7, column: 0, rowCount: 1, columnCount: 4 }]);
  });

  test("the fixture holds what these tests claim: RK/NUMBER, FORMULA with a STRING record, BOOLERR or formulas, MERGEDCELLS", () => {
    const types = new Set(recordTypes(bytesOf("mixed.xls")));
    for (const type of [0x00fd, 0x0006, 0x0207, 0x00e5, 0x041e, 0x00e0, 0x0085]) expect([type, types.has(type)]).toEqual([type, true]);
    expect(types.has(0x027e) || types.has(0x00bd)).toBe(true);
    expect(types.has(0x0203)).toBe(true);
  });
});

test("long-list.xls: 600 distinct strings across the SST's CONTINUE records, every one in its place", async () => {
  const types = recordTypes(bytesOf("long-list.xls"));
  const sst = types.indexOf(0x00fc);
  expect(sst).toBeGreaterThanOrEqual(0);
  expect(types[sst + 1]).toBe(0x003c); // the table does not fit one record
  const workbook = await read("long-list.xls");
  const sheet = workbook.sheet("名单")!;
  for (let i = 0; i < LONG_LIST_SIZE; i++) {
    const r = Math.floor(i / LONG_LIST_COLUMNS);
    const c = i % LONG_LIST_COLUMNS;
    if (sheet.value(r, c) !== longListText(i)) expect([r, c, sheet.value(r, c)]).toEqual([r, c, longListText(i)]);
  }
  expect(sheet.usedRect(true)).toEqual({ row: 0, column: 0, rowCount: LONG_LIST_SIZE / LONG_LIST_COLUMNS, columnCount: LONG_LIST_COLUMNS });
});

test("nbs-monthly.xls: the data.stats.gov.cn export, cell for cell as the grid it was made from", async () => {
  const workbook = await read("nbs-monthly.xls");
  expect(workbook.sheets.map((s) => s.name)).toEqual(["月度数据"]);
  const expected = nbsExportGrid().map((row) => row.map((c) => (c === null || c === undefined ? "" : c)));
  const width = Math.max(...expected.map((row) => row.length));
  expect(grid(workbook, "月度数据")).toEqual(expected.map((row) => [...row, ...Array(width - row.length).fill("")]));
});

describe("the command line reads .xls", () => {

  test("an NBS export as .xls summarises exactly as the same content as .xlsx", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "statdesk-xls-"));
    const xlsx = path.join(dir, "nbs-monthly.xlsx");
    await nbsWorkbook().xlsx.writeFile(xlsx);
    const fromXls = await cli(["summarize", fixture("nbs-monthly.xls"), "--json"]);
    const fromXlsx = await cli(["summarize", xlsx, "--json"]);
    expect([fromXls.code, fromXlsx.code]).toEqual([0, 0]);
    const json = JSON.parse(fromXls.stdout);
    const area = json.series.find((s: any) => s.indicator === "商品房销售面积");
    const [year, month, published] = NBS_PUBLISHED[NBS_PUBLISHED.length - 1];
    expect(area.points.find((p: any) => p.period === `${year}-${month}`).value).toBe(published);
    expect(fromXls.stdout).toBe(fromXlsx.stdout.split("nbs-monthly.xlsx").join("nbs-monthly.xls"));
  });

  test("bin/statdesk.js (the compiled CLI) reads an .xls, and refuses a damaged one by name, exit 1, no stack trace", () => {
    const bin = path.join(__dirname, "..", "..", "bin", "statdesk.js");
    expect(fs.existsSync(path.join(__dirname, "..", "..", "lib", "host", "xls.js"))).toBe(true); // npx tsc -p tsconfig.cli.json
    const text = execFileSync(process.execPath, [bin, "summarize", fixture("nbs-monthly.xls"), "--json"], { encoding: "utf8" });
    expect(JSON.parse(text).series.length).toBeGreaterThan(0);
    const damaged = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "statdesk-xls-")), "损坏的.xls");
    fs.writeFileSync(damaged, bytesOf("nbs-monthly.xls").subarray(0, 3000));
    const run = spawnSync(process.execPath, [bin, "summarize", damaged, "--json", "--lang", "en-US"], { encoding: "utf8" });
    expect(run.status).toBe(1);
    const said = run.stdout + run.stderr;
    expect(said).toMatch(/损坏的\.xls/);
    expect(said).toMatch(/damaged or truncated/);
    expect(said).not.toMatch(/\n\s+at /);
  });
});

describe("damaged and unsupported files are refused quickly, naming the file", () => {
  const original = () => bytesOf("mixed.xls");

  test.each([
    ["the header only", 512],
    ["half the file", 3328],
    ["all but the last sector", 6144],
    ["a few bytes", 7],
  ])("truncated to %s", async (_what, length) => {
    await expectRefused(original().subarray(0, length), "cut.xls", /damaged|truncated|not an Excel 97–2003/);
  });

  test("garbage bytes, and garbage behind a valid signature", async () => {
    let seed = 12345;
    const random = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 24);
    const garbage = Uint8Array.from({ length: 8192 }, random);
    await expectRefused(garbage, "noise.xls", /not an OLE2 compound file/);
    const signed = Uint8Array.from(garbage);
    signed.set(original().subarray(0, 8));
    await expectRefused(signed, "noise.xls", /damaged/);
  });

  test("every single damaged header field or FAT entry fails cleanly or reads (never hangs or throws a TypeError)", async () => {
    const base = original();
    for (let at = 0; at < 1024; at += 1) {
      const bytes = Uint8Array.from(base);
      bytes[at] ^= 0xff;
      try {
        await readXls(bytes, "flip.xls");
      } catch (error) {
        expect([at, (error as Error).message]).toEqual([at, expect.stringMatching(/^Cannot read flip\.xls as an \.xls workbook/)]);
      }
    }
  });

  test("a FAT chain that loops back on itself (a Workbook stream in regular sectors)", async () => {
    const bytes = bytesOf("nbs-monthly.xls");
    const entry = directoryEntry(bytes, "Workbook");
    expect(u32(bytes, entry + 120)).toBeGreaterThanOrEqual(4096); // not in the mini stream
    const start = u32(bytes, entry + 116);
    const fat = (u32(bytes, 76) + 1) * 512;
    expect(u32(bytes, fat + start * 4)).toBe(start + 1); // the fixture's chain runs on, sector by sector
    putU32(bytes, fat + (start + 2) * 4, start); // the third sector links back to the first
    await expectRefused(bytes, "loop.xls", /"Workbook" stream chain loops back to sector/);
  });

  test("a mini FAT chain that loops back on itself (a Workbook stream in the mini stream)", async () => {
    const bytes = original();
    const entry = directoryEntry(bytes, "Workbook");
    expect(u32(bytes, entry + 120)).toBeLessThan(4096);
    const start = u32(bytes, entry + 116);
    const miniFat = (u32(bytes, 60) + 1) * 512;
    expect(u32(bytes, miniFat + start * 4)).toBe(start + 1);
    putU32(bytes, miniFat + (start + 5) * 4, start + 1);
    await expectRefused(bytes, "loop.xls", /"Workbook" stream chain loops back to sector/);
  });

  test("a directory tree that loops", async () => {
    const bytes = original();
    const entry = directoryEntry(bytes, "Workbook");
    putU32(bytes, entry + 68, entry / 128 - (u32(bytes, 48) + 1) * 4); // its left sibling is itself
    await expectRefused(bytes, "tree.xls", /directory tree loops/);
  });

  test("a stream that declares more bytes than the file holds", async () => {
    const bytes = original();
    putU32(bytes, directoryEntry(bytes, "Workbook") + 120, 0x7fffffff);
    await expectRefused(bytes, "huge.xls", /declares 2147483647 bytes/);
  });

  test("a header declaring millions of FAT sectors", async () => {
    const bytes = original();
    putU32(bytes, 44, 5_000_000);
    await expectRefused(bytes, "fat.xls", /FAT sectors/);
  });

  test("a sheet declaring more than 65,536 rows", async () => {
    const bytes = original();
    const dimensions = find(bytes, [0x00, 0x02, 0x0e, 0x00]);
    putU32(bytes, dimensions + 8, 70000);
    await expectRefused(bytes, "big.xls", /declares 70000 rows × \d+ columns, more than the 65,536 × 256/);
  });

  test("a shared-string index past the table", async () => {
    const bytes = original();
    const label = find(bytes, [0xfd, 0x00, 0x0a, 0x00]);
    putU32(bytes, label + 10, 99999);
    await expectRefused(bytes, "sst.xls", /refers to shared string 99999/);
  });

  test("an encrypted workbook (FILEPASS), an Excel 95 one (BIFF5 BOF, Book stream) are refused as unsupported", async () => {
    const encrypted = original();
    encrypted.set([0x2f, 0x00], find(encrypted, [0x42, 0x00, 0x02, 0x00])); // CODEPAGE becomes FILEPASS
    await expectRefused(encrypted, "secret.xls", /encrypted .*save it as \.xlsx/);
    const biff5 = original();
    biff5[find(biff5, [0x09, 0x08, 0x10, 0x00, 0x00, 0x06]) + 5] = 0x05;
    await expectRefused(biff5, "old.xls", /Excel 5\.0\/95 workbook \(BIFF5\)/);
    const book = original();
    const entry = directoryEntry(book, "Workbook");
    book.fill(0, entry, entry + 64);
    book.set([..."Book"].flatMap((ch) => [ch.charCodeAt(0), 0]), entry);
    book[entry + 64] = 10;
    await expectRefused(book, "old.xls", /Excel 5\.0\/95 workbook \(BIFF5\)/);
  });

  test("an Excel 4.0 worksheet and a web page named .xls say what they are", async () => {
    await expectRefused(Uint8Array.from([0x09, 0x04, 0x06, 0x00, 0x00, 0x00, 0x10, 0x00, 0, 0]), "excel4.xls", /Excel 2\.x–4\.0 worksheet/);
    await expectRefused(new TextEncoder().encode("\ufeff<html><table><tr><td>1</td></tr></table></html>"), "page.xls", /web page/);
  });

  test("an .xlsx saved under an .xls name is read as the .xlsx it is", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "statdesk-xls-")), "renamed.xlsx");
    await nbsWorkbook().xlsx.writeFile(file);
    const workbook = await readXls(new Uint8Array(fs.readFileSync(file)), "renamed.xls");
    expect(workbook.sheet("月度数据")!.value(0, 0)).toBe("数据库：月度数据");
  });
});
