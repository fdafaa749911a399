// Files as desks send them, through src/host (csv.ts, xlsx.ts) and then the whole pipeline, as
// the command line runs it: GBK and UTF-8 with a BOM, CRLF line ends, quoted fields holding
// newlines and commas, UTF-16 tab-separated exports, files cut short, and a truncated .xlsx.
// The same files always give byte-identical JSON.

import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import iconv from "iconv-lite";
import ExcelJS from "exceljs";
import { main, CliIo } from "../../src/cli/main";
import { readCsv } from "../../src/host/csv";
import { readXlsx, writeXlsx } from "../../src/host/xlsx";
import { WorkbookModel } from "../../src/host/model";
import { sampleRows } from "./helpers";

interface InputFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** Runs `statdesk summarize <files> --json` on files written to a fresh temporary folder. */
async function summarize(files: readonly InputFile[], extra: readonly string[] = []): Promise<{ code: number; stdout: string; stderr: string }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "statdesk-hardening-"));
  try {
    const paths: string[] = [];
    for (const f of files) {
      const p = path.join(dir, f.name);
      await fs.writeFile(p, f.bytes);
      paths.push(p);
    }
    let stdout = "";
    let stderr = "";
    const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: {}, today: () => "2026-11-22" };
    const code = await main(["summarize", ...paths, "--json", "--lang", "zh-CN", ...extra], io);
    return { code, stdout, stderr };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** RFC 4180 field: quoted when it holds a comma, quote, CR or LF. */
function field(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvText(rows: readonly (readonly (string | number)[])[], newline = "\r\n"): string {
  return rows.map((r) => r.map(field).join(",")).join(newline) + newline;
}

/** A year's list as a CSV grid: title, header, ranked rows, a totals row and a note. */
function yearRows(year: number, rows: readonly [string, number | string][]): (string | number)[][] {
  const total = rows.reduce((a, [, v]) => a + (typeof v === "number" ? v : 0), 0);
  return [[`${year}年房企销售额排行榜（单位：亿元）`], ["排名", "企业名称", "销售额（亿元）"], ...rows.map(([n, v], i) => [i + 1, n, v]), ["合计", "", total.toFixed(1)], ["注：合成数据，仅用于测试"]];
}

const gbk = (text: string): Uint8Array => new Uint8Array(iconv.encode(text, "gbk"));
const utf8 = (text: string, bom = false): Uint8Array => new Uint8Array(Buffer.from((bom ? "\ufeff" : "") + text, "utf8"));
const utf16le = (text: string): Uint8Array => new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));

const ROWS_2024 = sampleRows(12, 3000, 150);
const ROWS_2023 = sampleRows(12, 3300, 160);

type Json = { rankings: { year: number; previousYear: number | null; enterprises: number; top: { n: number; sum: number | null }[]; movers: { name: string; value: number | null; previousValue: number | null }[] }[]; warnings: { code: string; location: string | null; message: string }[] };

describe("CSV encodings and line ends", () => {
  const cases: [string, (text: string) => Uint8Array, string][] = [
    ["GBK with CRLF (a data.stats.gov.cn or Excel 'CSV' download on Chinese Windows)", gbk, "\r\n"],
    ["UTF-8 with a BOM and CRLF (Excel 'CSV UTF-8')", (t) => utf8(t, true), "\r\n"],
    ["UTF-8 without a BOM, LF", (t) => utf8(t), "\n"],
    ["GBK with bare CR (old Mac exports)", gbk, "\r"],
  ];
  test.each(cases)("%s: the same figures, and locations name the file", async (_, encode, newline) => {
    const r = await summarize([
      { name: "2024年排行.csv", bytes: encode(csvText(yearRows(2024, ROWS_2024), newline)) },
      { name: "2023年排行.csv", bytes: encode(csvText(yearRows(2023, ROWS_2023), newline)) },
    ]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as Json;
    const ranking = json.rankings[0];
    expect([ranking.year, ranking.previousYear, ranking.enterprises]).toEqual([2024, 2023, 12]);
    expect(ranking.top.find((t) => t.n === 10)?.sum).toBeCloseTo(ROWS_2024.slice(0, 10).reduce((a, [, v]) => a + v, 0), 6);
    expect(ranking.movers.find((m) => m.name === "样本房企0001")?.previousValue).toBeCloseTo(3300, 9);
    const skipped = json.warnings.find((w) => w.code === "rows-skipped");
    expect(skipped?.location).toBe("2024年排行.csv!A15");
  });

  test("UTF-16 LE tab-separated (Excel 'Unicode text'): read as the same table", async () => {
    const tsv = (rows: (string | number)[][]) => rows.map((r) => r.join("\t")).join("\r\n") + "\r\n";
    const r = await summarize([
      { name: "2024年排行.txt", bytes: utf16le(tsv(yearRows(2024, ROWS_2024))) },
      { name: "2023年排行.txt", bytes: utf16le(tsv(yearRows(2023, ROWS_2023))) },
    ]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as Json).rankings[0].enterprises).toBe(12);
  });

  test("the detected encodings are the ones written", () => {
    const text = csvText(yearRows(2024, ROWS_2024));
    expect(readCsv(gbk(text), "a.csv").sourceEncoding).toBe("gbk");
    expect(readCsv(utf8(text, true), "a.csv").sourceEncoding).toBe("utf-8");
    expect(readCsv(utf16le(text), "a.csv").sourceEncoding).toBe("utf-16le");
  });
});

describe("quoted fields", () => {
  const rows: (string | number)[][] = [
    ["2024年房企销售额排行榜"],
    ["排名", "企业名称", "销售额（亿元）", "备注"],
    [1, "甲房企\r\n（集团）", 3000, "含\n两行说明"],
    [2, "乙房企, 控股", "2,161.6", '注明"权益"口径'],
    [3, "丙房企", 1500, ""],
  ];

  test("a name or note holding CRLF, a comma or quotes stays one cell, and later rows keep their row numbers", () => {
    const workbook = readCsv(gbk(csvText(rows)), "2024年排行.csv");
    const sheet = workbook.sheets[0];
    expect(sheet.value(2, 1)).toBe("甲房企\r\n（集团）");
    expect(sheet.value(3, 1)).toBe("乙房企, 控股");
    expect(sheet.value(3, 3)).toBe('注明"权益"口径');
    expect(sheet.value(4, 1)).toBe("丙房企");
    expect(sheet.usedRect(true)).toEqual({ row: 0, column: 0, rowCount: 5, columnCount: 4 });
  });

  test("… and through the pipeline the text number after them is named at its true cell", async () => {
    const r = await summarize([{ name: "2024年排行.csv", bytes: gbk(csvText(rows)) }]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as Json;
    expect(json.rankings[0].enterprises).toBe(3);
    expect(json.warnings.find((w) => w.code === "text-number")?.location).toBe("2024年排行.csv!C4");
  });
});

describe("files cut short", () => {
  const text = csvText(yearRows(2024, ROWS_2024));

  test("UTF-8 cut inside its last character: still UTF-8, the partial character dropped", () => {
    const bytes = utf8(text + "样本");
    const cut = bytes.subarray(0, bytes.length - 1);
    const workbook = readCsv(cut, "cut.csv");
    expect(workbook.sourceEncoding).toBe("utf-8");
    expect(workbook.sheets[0].value(1, 1)).toBe("企业名称");
  });

  test("a CSV cut inside a quoted field: the rows before it are read, and the run still ends in a summary", async () => {
    const full = csvText([...yearRows(2024, ROWS_2024).slice(0, 8), [7, '未完"的名称', 100]]);
    const cut = full.slice(0, full.lastIndexOf("的"));
    const r = await summarize([{ name: "2024年排行.csv", bytes: gbk(cut) }]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as Json).rankings[0].enterprises).toBe(6);
  });

  test("an empty CSV: exit 1 and a message naming the file", async () => {
    const r = await summarize([{ name: "空文件.csv", bytes: new Uint8Array(0) }]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("空文件.csv");
    expect(r.stdout).toBe("");
  });

  test("binary noise named .csv: no table found in it, said with the file's name", async () => {
    const noise = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 251);
    const r = await summarize([{ name: "乱码.csv", bytes: noise }]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("乱码.csv");
    expect(r.stdout).toBe("");
  });
});

describe("a truncated .xlsx", () => {
  let whole: Uint8Array;
  beforeAll(async () => {
    const workbook = new WorkbookModel("2024年排行.xlsx");
    const sheet = workbook.addSheet("2024年");
    yearRows(2024, ROWS_2024).forEach((row, r) => row.forEach((v, c) => sheet.setValue(r, c, v)));
    whole = await writeXlsx(workbook);
  });

  test("the whole file reads", async () => {
    const workbook = await readXlsx(whole, "2024年排行.xlsx");
    expect(workbook.sheet("2024年")?.value(1, 1)).toBe("企业名称");
  });

  test.each([0, 0.1, 0.5, 0.9, 0.999])("cut to %p of its bytes: readXlsx rejects with a message naming the file", async (fraction) => {
    const cut = whole.subarray(0, Math.floor(whole.length * fraction));
    await expect(readXlsx(cut, "2024年排行.xlsx")).rejects.toMatchObject({ code: "InvalidArgument", message: expect.stringContaining("2024年排行.xlsx") });
  });

  test("a workbook without a worksheet (its workbook part lost): readXlsx rejects, naming the file and saying it is damaged", async () => {
    const empty = new ExcelJS.Workbook();
    const bytes = new Uint8Array(await empty.xlsx.writeBuffer());
    await expect(readXlsx(bytes, "2024年排行.xlsx")).rejects.toMatchObject({ code: "InvalidArgument", message: expect.stringMatching(/2024年排行\.xlsx.*damaged/) });
  });

  test("through the command line: exit 1, the file named, nothing printed as a result", async () => {
    const r = await summarize([{ name: "2024年排行.xlsx", bytes: whole.subarray(0, Math.floor(whole.length / 2)) }]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/2024年排行\.xlsx.*(damaged|truncated)/);
    expect(r.stdout).toBe("");
  });
});

test("a CSV whose quote is never closed is warned about at the cell where it opens", async () => {
  const text = '排名,企业名称,销售额（亿元）\n1,"乙地产,1000\n2,甲地产,800\n3,丙地产,90\n';
  const r = await summarize([{ name: "2023年q.csv", bytes: utf8(text) }]);
  const out = r.code === 0 ? (JSON.parse(r.stdout) as { warnings: { code: string; location: string }[] }).warnings : [];
  const said = r.code === 0 ? out.filter((w) => w.code === "csv-unclosed-quote").map((w) => w.location) : [r.stderr];
  expect(said.join("\n")).toContain("2023年q.csv!B2");
});

describe("an .xlsx saved without the results of its formulas (written by a script, never opened in Excel)", () => {
  test("is warned about at the first such cell, with how to fix it; a formula with its result saved is not counted", async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet("2024年");
    yearRows(2024, ROWS_2024).forEach((row) => ws.addRow(row));
    // Two figures looked up from another sheet, with no saved result; one with its result saved.
    ws.getCell("C3").value = { formula: "VLOOKUP(B3,Data!A:B,2,FALSE)" } as ExcelJS.CellFormulaValue;
    ws.getCell("C4").value = { formula: "VLOOKUP(B4,Data!A:B,2,FALSE)" } as ExcelJS.CellFormulaValue;
    ws.getCell("C5").value = { formula: "VLOOKUP(B5,Data!A:B,2,FALSE)", result: 2500 } as ExcelJS.CellFormulaValue;
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const r = await summarize([{ name: "脚本生成.xlsx", bytes }]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { warnings: { code: string; location: string; message: string }[] };
    const warned = json.warnings.filter((p) => p.code === "formulas-without-results");
    expect(warned.map((p) => p.location)).toEqual(["[脚本生成.xlsx]2024年!C3"]);
    expect(warned[0].message).toContain("有 2 个公式没有保存计算结果");
  });
});

test("the same files give byte-identical JSON, run after run", async () => {
  const files: InputFile[] = [
    { name: "2024年排行.csv", bytes: gbk(csvText(yearRows(2024, ROWS_2024))) },
    { name: "2023年排行.csv", bytes: utf8(csvText(yearRows(2023, ROWS_2023)), true) },
  ];
  const first = await summarize(files);
  const second = await summarize(files);
  const english = await summarize(files, ["--lang", "en-US"]);
  expect(first.code).toBe(0);
  expect(second.stdout).toBe(first.stdout);
  expect(JSON.parse(english.stdout).rankings).toEqual(JSON.parse(first.stdout).rankings);
});
