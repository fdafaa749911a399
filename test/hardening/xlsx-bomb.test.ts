// An .xlsx whose parts would inflate past what the machine can hold is refused before it is
// inflated, naming the file and the part; so is one that refers to cells past Excel's grid. The
// files are assembled here by hand: a zip whose worksheet part is a deflate stream of zeros,
// about 1 KB per inflated megabyte, so a 1 GB part costs 1 MB to build.

import { crc32, deflateRawSync, inflateRawSync, constants } from "zlib";
import { readXlsx } from "../../src/host/xlsx";
import { checkXlsx, DEFAULT_XLSX_LIMITS } from "../../src/host/xlsx-guard";
import { workbookFromFile } from "../../src/workbench/session";
import { main } from "../../src/cli/main";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const MB = 1024 * 1024;

interface Part {
  readonly name: string;
  /** Raw deflate data. */
  readonly deflated: Uint8Array;
  /** The size the zip's directory declares (a crafted file may lie). */
  readonly declaredSize: number;
  readonly crc: number;
}

/** Raw deflate of `megabytes` MB of zero bytes, built from repeated sync-flushed blocks (each valid after the one before). */
function zeros(megabytes: number): Uint8Array {
  const block = deflateRawSync(Buffer.alloc(MB), { finishFlush: constants.Z_SYNC_FLUSH, level: 9 });
  const last = deflateRawSync(Buffer.alloc(0)); // the final, empty block
  return Buffer.concat([...Array.from({ length: megabytes }, () => block), last]);
}

/** CRC-32 of `megabytes` MB of zeros (the guard never needs it; the zip is honest about it anyway). */
function zerosCrc(megabytes: number): number {
  const chunk = Buffer.alloc(MB);
  let crc = 0;
  for (let i = 0; i < megabytes; i++) crc = crc32(chunk, crc);
  return crc;
}

function textPart(name: string, text: string): Part {
  const raw = Buffer.from(text, "utf8");
  return { name, deflated: deflateRawSync(raw), declaredSize: raw.length, crc: crc32(raw) };
}

/** A zip of deflated parts: local headers and data, the central directory, its end record. */
function zip(parts: readonly Part[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(p.crc >>> 0, 14);
    local.writeUInt32LE(p.deflated.length, 18);
    local.writeUInt32LE(p.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, Buffer.from(p.deflated));
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(p.crc >>> 0, 16);
    central.writeUInt32LE(p.deflated.length, 20);
    central.writeUInt32LE(p.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + p.deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const CONTENT_TYPES = textPart("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
const SHEET = "xl/worksheets/sheet1.xml";

/** A zip whose worksheet part inflates to `megabytes` MB of zeros and declares `declared` bytes. */
function bomb(megabytes: number, declared: number): Uint8Array {
  return zip([CONTENT_TYPES, { name: SHEET, deflated: zeros(megabytes), declaredSize: declared, crc: megabytes <= 1024 ? zerosCrc(megabytes) : 0 }]);
}

/**
 * What `read` is refused with and how much the process grew meanwhile (RSS is not given back soon,
 * so it bounds the peak). How soon is the bench's to measure, not a test's: the messages say how the
 * refusal came (from the zip's directory, past the declared size, past the limit inflated).
 */
async function refusal(read: () => Promise<unknown>): Promise<{ message: string; rssGrowthMb: number }> {
  const rss = process.memoryUsage().rss;
  let message = "";
  try {
    await read();
  } catch (e) {
    message = e instanceof Error ? e.message : String(e);
  }
  const rssGrowthMb = (process.memoryUsage().rss - rss) / MB;
  if (message === "") throw new Error("expected the file to be refused, but it was read");
  return { message, rssGrowthMb };
}

describe("files that would exhaust the machine", () => {
  test("the hand-made zip is what it says: 10 MB of zeros inflate from it (and the guard lets a part within the limit through)", async () => {
    const bytes = bomb(10, 10 * MB);
    expect(bytes.length).toBeLessThan(100_000);
    const entryStart = 30 + CONTENT_TYPES.name.length + CONTENT_TYPES.deflated.length + 30 + SHEET.length;
    const inflated = inflateRawSync(Buffer.from(bytes.subarray(entryStart)));
    expect(inflated.length).toBe(10 * MB);
    expect(inflated.every((b) => b === 0)).toBe(true);
    expect(await checkXlsx(bytes, "ten.xlsx")).toBeUndefined();
  });

  test("a 1 GB part declared as such is refused from the zip's directory, naming the file and the part, within 300 MB", async () => {
    const bytes = bomb(1024, 1024 * MB);
    expect(bytes.length).toBeLessThan(2 * MB);
    const { message, rssGrowthMb } = await refusal(() => readXlsx(bytes, "炸弹.xlsx"));
    expect(message).toContain("炸弹.xlsx");
    expect(message).toContain(SHEET);
    expect(message).toMatch(/1024 MB/);
    expect(rssGrowthMb).toBeLessThan(300);
  });

  test("a 1 GB part that declares 1 KB is refused once it inflates past what it declares, within 300 MB", async () => {
    const bytes = bomb(1024, 1024);
    const { message, rssGrowthMb } = await refusal(() => readXlsx(bytes, "liar.xlsx"));
    expect(message).toContain("liar.xlsx");
    expect(message).toContain(SHEET);
    expect(message).toMatch(/directory says/);
    expect(rssGrowthMb).toBeLessThan(300);
  });

  // This one really inflates 300 MB (counted and dropped) before it stops.
  test("a 1 GB part that declares 200 MB is refused when the file passes 300 MB inflated, without holding it", async () => {
    const bytes = bomb(1024, 200 * MB);
    const { message, rssGrowthMb } = await refusal(() => readXlsx(bytes, "sly.xlsx"));
    expect(message).toContain("sly.xlsx");
    expect(message).toContain(SHEET);
    expect(message).toMatch(/inflates past 30\d MB/);
    expect(rssGrowthMb).toBeLessThan(300);
  });

  test("the workbench's Open uses the same guard", async () => {
    const bytes = bomb(1024, 1024 * MB);
    const { message } = await refusal(() => workbookFromFile("opened.xlsx", bytes));
    expect(message).toContain("opened.xlsx");
    expect(message).toContain(SHEET);
  });

  test("the command line refuses it, saying which file and part", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "statdesk-bomb-"));
    try {
      const file = path.join(dir, "2024年.xlsx");
      fs.writeFileSync(file, bomb(1024, 1024 * MB));
      let stdout = "";
      let stderr = "";
      const code = await main(["summarize", file, "--json"], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: {}, today: () => "2026-11-22" });
      expect(code).not.toBe(0);
      const said = stdout + stderr;
      expect(said).toContain("2024年.xlsx");
      expect(said).toContain(SHEET);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("several parts are counted together", async () => {
    const half = { deflated: zeros(1), crc: zerosCrc(1) };
    const bytes = zip([CONTENT_TYPES, { name: "xl/worksheets/sheet1.xml", declaredSize: 200 * MB, ...half }, { name: "xl/worksheets/sheet2.xml", declaredSize: 200 * MB, ...half }]);
    const refused = await checkXlsx(bytes, "two.xlsx");
    expect(refused?.part).toBe("xl/worksheets/sheet2.xml");
    expect(refused?.reason).toMatch(/400 MB with the parts before it/);
    expect(DEFAULT_XLSX_LIMITS.maxInflatedBytes).toBe(300 * MB);
  });
});

describe("references past Excel's 1,048,576 rows × 16,384 columns", () => {
  // Many rows before the reference, so it arrives after several inflated pieces.
  const filler = Array.from({ length: 20_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join("");
  const sheet = (dimension: string, extra: string) =>
    `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="${dimension}"/><sheetData>${filler}${extra}</sheetData></worksheet>`;

  test.each([
    ["a row past the last", "A1:A20000", '<row r="1048577"><c r="A1048577"><v>1</v></c></row>', 'r="1048577"'],
    ["a column past XFD", "A1:A20000", '<row r="20001"><c r="XFE20001"><v>1</v></c></row>', 'r="XFE20001"'],
    ["a dimension past the grid", "A1:B99999999", "", 'ref="A1:B99999999"'],
  ])("%s is refused, naming the part and the reference", async (_, dimension, extra, reference) => {
    const bytes = zip([CONTENT_TYPES, textPart(SHEET, sheet(dimension, extra))]);
    const { message } = await refusal(() => readXlsx(bytes, "grid.xlsx"));
    expect(message).toContain("grid.xlsx");
    expect(message).toContain(SHEET);
    expect(message).toContain(reference);
  });

  test("the last cell of the grid, XFD1048576, is within it", async () => {
    const bytes = zip([CONTENT_TYPES, textPart(SHEET, sheet("A1:XFD1048576", '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'))]);
    expect(await checkXlsx(bytes, "edge.xlsx")).toBeUndefined();
  });
});
