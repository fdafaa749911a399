// Legacy .xls (BIFF8: Excel 97–2003) import for the in-memory workbook: sheet names and
// visibility, cell values (numbers, text, booleans, errors, formulas' cached results), number
// formats and merges, read from the "Workbook" stream of the OLE2 container (cfb.ts). Every
// length and offset is checked, so a damaged file is refused with a message naming it.
// Written here from Microsoft's [MS-XLS] and [MS-CFB] descriptions, not taken from a package: npm
// xlsx (SheetJS) has known CVEs on untrusted input, and no maintained reader made for BIFF8 alone was found.

import { CfbError, isCompoundFile, readCompoundFile } from "./cfb";
import { HostError } from "./errors";
import { DEFAULT_STYLE, SheetVisibility, WorkbookModel } from "./model";
import { CellValue } from "./values";
import { readXlsx } from "./xlsx";
import { isDateFormat } from "../core/cells";

/** A BIFF record stream that contradicts itself; the reader turns it into the file's message. */
class BiffError extends Error {}

/** Excel 97–2003 sheets hold at most 65,536 rows and 256 columns. */
export const XLS_MAX_ROWS = 65536;
export const XLS_MAX_COLUMNS = 256;

const RT = {
  BOF: 0x0809,
  EOF: 0x000a,
  FILEPASS: 0x002f,
  CONTINUE: 0x003c,
  DATEMODE: 0x0022,
  BOUNDSHEET8: 0x0085,
  SST: 0x00fc,
  XF: 0x00e0,
  FORMAT: 0x041e,
  DIMENSIONS: 0x0200,
  LABELSST: 0x00fd,
  LABEL: 0x0204,
  RSTRING: 0x00d6,
  NUMBER: 0x0203,
  RK: 0x027e,
  MULRK: 0x00bd,
  BOOLERR: 0x0205,
  FORMULA: 0x0006,
  STRING: 0x0207,
  MERGEDCELLS: 0x00e5,
} as const;

/** BOF types (the substream's kind). */
const BOF_GLOBALS = 0x0005;
const BOF_WORKSHEET = 0x0010;

/** BIFF error codes → Excel's literals. */
const ERRORS: Readonly<Record<number, string>> = {
  0x00: "#NULL!",
  0x07: "#DIV/0!",
  0x0f: "#VALUE!",
  0x17: "#REF!",
  0x1d: "#NAME?",
  0x24: "#NUM!",
  0x2a: "#N/A",
  0x2b: "#GETTING_DATA",
};

/**
 * The built-in number formats a BIFF8 file refers to by index without a FORMAT record, as
 * English codes (the model stores English codes, as Excel's API returns them). 27–36 and 50–58
 * are the zh-CN locale's date and time formats, which Chinese files use.
 */
const BUILT_IN_FORMATS: Readonly<Record<number, string>> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "m/d/yyyy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "m/d/yyyy h:mm",
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: "m-d-yy",
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: 'AM/PMh"时"mm"分"',
  35: 'AM/PMh"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: 'AM/PMh"时"mm"分"',
  56: 'AM/PMh"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

/** Days from 1900-01-00 to 1904-01-01 in Excel's count: a 1904-system serial plus this is a 1900 one. */
const DAYS_1904 = 1462;

interface BiffRecord {
  readonly type: number;
  /** The record's data, and that of the CONTINUE records right after it. */
  readonly parts: readonly Uint8Array[];
  /** Offset of the record's header in the stream. */
  readonly offset: number;
}

/** Reads records from `offset`: each is a 2-byte type, a 2-byte length and that many bytes. */
function* records(stream: Uint8Array, offset: number): Generator<BiffRecord> {
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  let pos = offset;
  while (pos + 4 <= stream.length) {
    const type = view.getUint16(pos, true);
    const length = view.getUint16(pos + 2, true);
    if (pos + 4 + length > stream.length) throw new BiffError(`the record at byte ${pos} runs past the end of the workbook stream (the file is truncated)`);
    const start = pos;
    const parts = [stream.subarray(pos + 4, pos + 4 + length)];
    pos += 4 + length;
    while (pos + 4 <= stream.length && view.getUint16(pos, true) === RT.CONTINUE) {
      const more = view.getUint16(pos + 2, true);
      if (pos + 4 + more > stream.length) throw new BiffError(`the record at byte ${pos} runs past the end of the workbook stream (the file is truncated)`);
      parts.push(stream.subarray(pos + 4, pos + 4 + more));
      pos += 4 + more;
    }
    yield { type, parts, offset: start };
  }
}

/**
 * Reads one record's data across its CONTINUE parts. Strings follow BIFF8's rule: where a
 * string's characters cross into the next part, that part starts with a new option byte saying
 * whether the rest are one byte (Latin-1, "compressed") or two (UTF-16LE) a character.
 */
class RecordData {
  private part = 0;
  private pos = 0;

  constructor(private readonly parts: readonly Uint8Array[], private readonly what: string) {}

  private fail(): never {
    throw new BiffError(`${this.what} ends before its data does (the file is damaged)`);
  }

  private current(): Uint8Array {
    while (this.part < this.parts.length && this.pos >= this.parts[this.part].length) {
      this.part++;
      this.pos = 0;
    }
    if (this.part >= this.parts.length) this.fail();
    return this.parts[this.part];
  }

  u8(): number {
    return this.current()[this.pos++];
  }

  u16(): number {
    return this.u8() | (this.u8() << 8);
  }

  u32(): number {
    return (this.u16() | (this.u16() << 16)) >>> 0;
  }

  skip(count: number): void {
    for (let left = count; left > 0; ) {
      const part = this.current();
      const n = Math.min(left, part.length - this.pos);
      this.pos += n;
      left -= n;
    }
  }

  /** `count` characters, the first run `highByte` (UTF-16) or not (Latin-1). */
  chars(count: number, highByte: boolean): string {
    const units = new Uint16Array(count);
    let wide = highByte;
    for (let done = 0; done < count; ) {
      if (this.part < this.parts.length && this.pos >= this.parts[this.part].length) {
        // The characters continue in the next part, behind a fresh option byte (also when the
        // string's header filled the previous part exactly).
        this.current();
        wide = (this.u8() & 1) === 1;
      }
      const part = this.current();
      const available = part.length - this.pos;
      const n = Math.min(count - done, wide ? available >> 1 : available);
      if (n === 0) this.fail();
      for (let i = 0; i < n; i++, done++) {
        units[done] = wide ? part[this.pos] | (part[this.pos + 1] << 8) : part[this.pos];
        this.pos += wide ? 2 : 1;
      }
    }
    let text = "";
    for (let i = 0; i < count; i += 8192) text += String.fromCharCode(...units.subarray(i, Math.min(count, i + 8192)));
    return text;
  }

  /** ShortXLUnicodeString: a 1-byte length, an option byte, the characters (sheet names). */
  shortString(): string {
    const count = this.u8();
    return this.chars(count, (this.u8() & 1) === 1);
  }

  /** XLUnicodeRichExtendedString (the SST's strings; also LABEL, STRING and FORMAT text). */
  unicodeString(): string {
    const count = this.u16();
    const flags = this.u8();
    const runs = flags & 0x08 ? this.u16() : 0;
    const extended = flags & 0x04 ? this.u32() : 0;
    const text = this.chars(count, (flags & 1) === 1);
    // Rich-text runs (4 bytes each) and phonetic data follow the characters; only skipped.
    this.skip(runs * 4 + extended);
    return text;
  }

  f64(): number {
    const bytes = new Uint8Array(8);
    for (let i = 0; i < 8; i++) bytes[i] = this.u8();
    return new DataView(bytes.buffer).getFloat64(0, true);
  }
}

/** An RK number: a 30-bit integer or the top 30 bits of a double, perhaps hundredths. */
function rkNumber(rk: number): number {
  let value: number;
  if (rk & 0x02) value = rk >> 2;
  else {
    const view = new DataView(new ArrayBuffer(8));
    view.setUint32(4, rk & 0xfffffffc, true);
    value = view.getFloat64(0, true);
  }
  return rk & 0x01 ? value / 100 : value;
}

interface SheetEntry {
  readonly name: string;
  readonly visibility: SheetVisibility;
  /** Offset of the sheet's BOF record in the workbook stream. */
  readonly offset: number;
}

interface Globals {
  readonly sheets: SheetEntry[];
  readonly strings: string[];
  /** Each XF record's number format index, by XF index. */
  readonly xfFormats: number[];
  readonly formats: Map<number, string>;
  readonly date1904: boolean;
}

function checkBof(record: BiffRecord | undefined, expectedType: number, where: string): void {
  if (record === undefined) throw new BiffError(`${where} is empty`);
  const data = new RecordData(record.parts, "the BOF record");
  if (record.type !== RT.BOF) throw new BiffError(`${where} does not begin with a BOF record`);
  const version = data.u16();
  const type = data.u16();
  if (version !== 0x0600) throw new UnsupportedXls(version === 0x0500 ? "an Excel 5.0/95 workbook (BIFF5)" : `a workbook of BIFF version 0x${version.toString(16)}`);
  if (type !== expectedType) throw new BiffError(`${where} begins with a BOF of type 0x${type.toString(16)}`);
}

/** A workbook this reader will not read (older format, encrypted): said plainly, not as damage. */
class UnsupportedXls extends Error {}

function readGlobals(stream: Uint8Array): Globals {
  const sheets: SheetEntry[] = [];
  let strings: string[] = [];
  const xfFormats: number[] = [];
  const formats = new Map<number, string>();
  let date1904 = false;
  const it = records(stream, 0);
  checkBof(it.next().value ?? undefined, BOF_GLOBALS, "the workbook stream");
  for (const record of it) {
    const data = new RecordData(record.parts, `the record at byte ${record.offset}`);
    switch (record.type) {
      case RT.EOF:
        return { sheets, strings, xfFormats, formats, date1904 };
      case RT.FILEPASS:
        throw new UnsupportedXls("encrypted (it has a password to open)");
      case RT.DATEMODE:
        date1904 = data.u16() === 1;
        break;
      case RT.BOUNDSHEET8: {
        const offset = data.u32();
        const state = data.u8() & 0x03;
        const kind = data.u8();
        const name = data.shortString();
        // Only worksheets hold cells: chart sheets, macro sheets and VBA modules are left out.
        if (kind === 0) sheets.push({ name, offset, visibility: state === 0 ? "Visible" : state === 1 ? "Hidden" : "VeryHidden" });
        break;
      }
      case RT.SST: {
        data.u32(); // total references
        const unique = data.u32();
        strings = [];
        for (let i = 0; i < unique; i++) strings.push(data.unicodeString());
        break;
      }
      case RT.XF:
        data.u16(); // font
        xfFormats.push(data.u16());
        break;
      case RT.FORMAT: {
        const index = data.u16();
        formats.set(index, data.unicodeString());
        break;
      }
    }
  }
  throw new BiffError("the workbook stream ends before its globals' EOF record (the file is truncated)");
}

/** Reads the stream into a model; throws BiffError or UnsupportedXls. */
function readWorkbookStream(stream: Uint8Array, fileName: string): WorkbookModel {
  const globals = readGlobals(stream);
  if (globals.sheets.length === 0) throw new BiffError("it holds no worksheet");
  const wb = new WorkbookModel(fileName.split(/[\\/]/).pop() ?? fileName);
  const styleOfXf = new Map<number, { id: number; isDate: boolean }>();
  const styleOf = (xf: number) => {
    let style = styleOfXf.get(xf);
    if (style === undefined) {
      const index = globals.xfFormats[xf] ?? 0;
      const numberFormat = globals.formats.get(index) ?? BUILT_IN_FORMATS[index] ?? "General";
      const isDate = isDateFormat(numberFormat);
      style = { id: numberFormat === "General" ? 0 : wb.styles.intern({ ...DEFAULT_STYLE, numberFormat }), isDate };
      styleOfXf.set(xf, style);
    }
    return style;
  };
  for (const entry of globals.sheets) {
    if (entry.offset >= stream.length) throw new BiffError(`sheet "${entry.name}" starts at byte ${entry.offset}, past the end of the workbook stream (the file is truncated)`);
    let sheet;
    try {
      sheet = wb.addSheet(entry.name);
    } catch (e) {
      throw new BiffError(`its sheet name "${entry.name}" is not one Excel allows (${e instanceof Error ? e.message : String(e)})`);
    }
    sheet.visibility = entry.visibility;
    const where = `sheet "${entry.name}"`;
    const put = (row: number, column: number, xf: number, value: CellValue) => {
      if (column >= XLS_MAX_COLUMNS) throw new BiffError(`${where} has a cell in column ${column + 1}, beyond the 256 an .xls sheet holds (the file is damaged)`);
      const style = styleOf(xf);
      const stored = globals.date1904 && style.isDate && typeof value === "number" ? value + DAYS_1904 : value;
      if (stored !== "") sheet.setValue(row, column, stored);
      if (style.id !== 0) sheet.setStyleId(row, column, style.id);
    };
    const it = records(stream, entry.offset);
    checkBof(it.next().value ?? undefined, BOF_WORKSHEET, where);
    /** Nesting of substreams inside the sheet (an embedded chart has its own BOF … EOF). */
    let depth = 0;
    /** A formula whose cached text result is in the STRING record that follows it. */
    let pendingString: { row: number; column: number; xf: number } | undefined;
    let ended = false;
    for (const record of it) {
      const data = new RecordData(record.parts, `the record at byte ${record.offset} of ${where}`);
      if (record.type === RT.BOF) {
        depth++;
        continue;
      }
      if (record.type === RT.EOF) {
        if (depth === 0) {
          ended = true;
          break;
        }
        depth--;
        continue;
      }
      if (depth > 0) continue;
      if (record.type !== RT.STRING && record.type !== 0x04bc && record.type !== 0x0221 && record.type !== 0x0236) pendingString = undefined;
      switch (record.type) {
        case RT.DIMENSIONS: {
          data.u32();
          const rowEnd = data.u32();
          data.u16();
          const columnEnd = data.u16();
          if (rowEnd > XLS_MAX_ROWS || columnEnd > XLS_MAX_COLUMNS) {
            throw new BiffError(`${where} declares ${rowEnd} rows × ${columnEnd} columns, more than the 65,536 × 256 an .xls sheet holds (the file is damaged)`);
          }
          break;
        }
        case RT.LABELSST: {
          const [row, column, xf] = [data.u16(), data.u16(), data.u16()];
          const index = data.u32();
          if (index >= globals.strings.length) throw new BiffError(`${where} refers to shared string ${index} of ${globals.strings.length} (the file is damaged)`);
          put(row, column, xf, globals.strings[index]);
          break;
        }
        case RT.LABEL:
        case RT.RSTRING: {
          const [row, column, xf] = [data.u16(), data.u16(), data.u16()];
          put(row, column, xf, data.unicodeString());
          break;
        }
        case RT.NUMBER: {
          const [row, column, xf] = [data.u16(), data.u16(), data.u16()];
          put(row, column, xf, data.f64());
          break;
        }
        case RT.RK: {
          const [row, column, xf] = [data.u16(), data.u16(), data.u16()];
          put(row, column, xf, rkNumber(data.u32()));
          break;
        }
        case RT.MULRK: {
          const length = record.parts[0].length;
          if (length < 6 || (length - 6) % 6 !== 0) throw new BiffError(`${where} has a MULRK record of ${length} bytes (the file is damaged)`);
          const row = data.u16();
          const first = data.u16();
          const count = (length - 6) / 6;
          for (let i = 0; i < count; i++) {
            const xf = data.u16();
            put(row, first + i, xf, rkNumber(data.u32()));
          }
          break;
        }
        case RT.BOOLERR: {
          const [row, column, xf] = [data.u16(), data.u16(), data.u16()];
          const value = data.u8();
          put(row, column, xf, data.u8() === 1 ? ERRORS[value] ?? "#N/A" : value === 1);
          break;
        }
        case RT.FORMULA: {
          // Only the cached result is kept: the formula's tokens are not turned back into text.
          const [row, column, xf] = [data.u16(), data.u16(), data.u16()];
          const result = [0, 1, 2, 3, 4, 5, 6, 7].map(() => data.u8());
          if (result[6] === 0xff && result[7] === 0xff) {
            if (result[0] === 0) pendingString = { row, column, xf };
            else if (result[0] === 1) put(row, column, xf, result[2] === 1);
            else if (result[0] === 2) put(row, column, xf, ERRORS[result[2]] ?? "#N/A");
            else put(row, column, xf, "");
          } else {
            put(row, column, xf, new DataView(Uint8Array.from(result).buffer).getFloat64(0, true));
          }
          break;
        }
        case RT.STRING:
          if (pendingString !== undefined) put(pendingString.row, pendingString.column, pendingString.xf, data.unicodeString());
          pendingString = undefined;
          break;
        case RT.MERGEDCELLS: {
          const count = data.u16();
          for (let i = 0; i < count; i++) {
            const [rowFirst, rowLast, columnFirst, columnLast] = [data.u16(), data.u16(), data.u16(), data.u16()];
            if (rowLast < rowFirst || columnLast < columnFirst || columnLast >= XLS_MAX_COLUMNS) throw new BiffError(`${where} has a merged area that is not a range (the file is damaged)`);
            sheet.merges.push({ row: rowFirst, column: columnFirst, rowCount: rowLast - rowFirst + 1, columnCount: columnLast - columnFirst + 1 });
          }
          break;
        }
      }
    }
    if (!ended) throw new BiffError(`${where} ends before its EOF record (the file is truncated)`);
  }
  wb.activeSheetId = (wb.sheets.find((s) => s.visibility === "Visible") ?? wb.sheets[0]).id;
  return wb;
}


/** What a file that is not a BIFF8 compound file is, from its first bytes, when that is known. */
function sniff(bytes: Uint8Array): "zip" | "biff2-4" | "text" | undefined {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return "zip";
  // BIFF2, 3 and 4 files are bare record streams starting with BOF 0x0009, 0x0209 or 0x0409.
  if (bytes[0] === 0x09 && (bytes[1] === 0x00 || bytes[1] === 0x02 || bytes[1] === 0x04)) return "biff2-4";
  const head = new TextDecoder("utf-8").decode(bytes.subarray(0, 512)).replace(/^\ufeff/, "").trimStart().toLowerCase();
  if (head.startsWith("<")) return "text";
  return undefined;
}

/**
 * Reads .xls bytes (BIFF8, Excel 97–2003) into a workbook model: values, cached formula results,
 * number formats, merges, sheet names and visibility. An .xlsx saved under an .xls name is read as
 * .xlsx. Older (BIFF2–5) and encrypted workbooks, web pages named .xls, and damaged or truncated
 * files throw an error that names the file.
 */
export async function readXls(bytes: Uint8Array, fileName: string): Promise<WorkbookModel> {
  const cannot = (why: string) => new HostError("InvalidArgument", `Cannot read ${fileName} as an .xls workbook (${why})`);
  if (!isCompoundFile(bytes)) {
    const kind = sniff(bytes);
    if (kind === "zip") return readXlsx(bytes, fileName);
    if (kind === "biff2-4") throw cannot("it is an Excel 2.x–4.0 worksheet, which StatDesk does not read; open it in Excel or LibreOffice and save it as .xlsx");
    if (kind === "text") throw cannot("it is a web page or XML text saved under an .xls name; open it in Excel or LibreOffice and save it as .xlsx");
    throw cannot("the file is damaged or not an Excel 97–2003 workbook: it is not an OLE2 compound file");
  }
  let stream: Uint8Array | undefined;
  try {
    const container = readCompoundFile(bytes);
    if (container.stream("EncryptedPackage") !== undefined) throw new UnsupportedXls("encrypted (it has a password to open)");
    stream = container.stream("Workbook");
    if (stream === undefined && container.stream("Book") !== undefined) throw new UnsupportedXls("an Excel 5.0/95 workbook (BIFF5)");
    if (stream === undefined) throw new CfbError(`it holds no Workbook stream (it holds ${container.rootNames.join(", ") || "nothing"}); it may be another Office document`);
    return readWorkbookStream(stream, fileName);
  } catch (e) {
    if (e instanceof UnsupportedXls) throw cannot(`it is ${e.message}, which StatDesk does not read; open it in Excel or LibreOffice and save it as .xlsx`);
    if (e instanceof CfbError || e instanceof BiffError) throw cannot(`the file is damaged or truncated: ${e.message}`);
    throw e;
  }
}
