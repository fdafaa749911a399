// CSV/TSV bytes → a one-sheet workbook, opened the way Excel opens a CSV: encoding detected
// (UTF-8 with or without BOM, UTF-16 LE/BE by BOM, else GBK, decoded as GB18030), RFC 4180
// quoting, plain numbers become numbers and everything else stays text. Dates are not guessed.

import { legalSheetName } from "./address";
import { HostError } from "./errors";
import { WorkbookModel } from "./model";
import type { CellValue } from "./values";

export type CsvEncoding = "utf-8" | "utf-16le" | "utf-16be" | "gbk";

/** Decodes CSV bytes, reporting the encoding found. */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8" };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    // A UTF-8 file cut inside its last character is still UTF-8: drop the partial character.
    const cut = partialUtf8Tail(bytes);
    if (cut > 0) {
      try {
        return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, bytes.length - cut)), encoding: "utf-8" };
      } catch {
        // not UTF-8 after all
      }
    }
    // GB18030 decodes every GBK file and also the four-byte characters GBK lacks (CJK Extension
    // A/B, such as 㐀 and 𠀀, used in names); Node's "gbk" decoder turns those into garbage.
    // The encoding is still reported as "gbk", the family desks know it by.
    return { text: new TextDecoder("gb18030").decode(bytes), encoding: "gbk" };
  }
}

/** Length (1–3) of an incomplete UTF-8 sequence at the end of the bytes, or 0. */
function partialUtf8Tail(bytes: Uint8Array): number {
  for (let back = 1; back <= 3 && back <= bytes.length; back++) {
    const b = bytes[bytes.length - back];
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead byte
    const need = (b & 0xe0) === 0xc0 ? 2 : (b & 0xf0) === 0xe0 ? 3 : (b & 0xf8) === 0xf0 ? 4 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

/**
 * Splits CSV text into rows of fields (RFC 4180): fields in double quotes may hold the
 * delimiter, CR/LF and doubled quotes; rows end at CRLF, LF or CR; a final newline adds no row.
 * A file cut inside a quoted field keeps the rest of the text in that field, as Excel does;
 * `onUnclosed` is told where that field began (0-based row and column).
 */
export function parseCsv(text: string, delimiter = ",", onUnclosed?: (row: number, column: number) => void): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let i = 0;
  let quoted = false;
  let quoteStart: readonly [number, number] = [0, 0];
  let fieldStarted = false;
  const endField = () => {
    row.push(field);
    field = "";
    fieldStarted = false;
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && !fieldStarted) {
      quoted = true;
      quoteStart = [rows.length, row.length];
      fieldStarted = true;
      i++;
      continue;
    }
    if (ch === delimiter) {
      endField();
      i++;
      continue;
    }
    if (ch === "\r" || ch === "\n") {
      endRow();
      i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
      continue;
    }
    field += ch;
    fieldStarted = true;
    i++;
  }
  if (quoted) onUnclosed?.(quoteStart[0], quoteStart[1]);
  if (fieldStarted || row.length > 0) endRow();
  return rows;
}

const CSV_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A CSV field as Excel opens it: plain numbers become numbers (not leading-zero codes); the rest text. */
export function csvCell(field: string): CellValue {
  const t = field.trim();
  if (CSV_NUMBER.test(t) && !/^[+-]?0\d/.test(t)) return Number(t);
  return field;
}

/**
 * Tab-separated when, among the first 20 lines, more hold a tab than hold only commas. Not the
 * first line alone: exports open with a title row ("2024年房企销售额排行榜") that holds neither,
 * and figures such as "2,161.6" put commas inside tab-separated rows.
 * detectDelimiter("标题\n排名\t企业\n1\t甲\n") // => "\t"
 */
function detectDelimiter(text: string): "," | "\t" {
  const lines = text.split(/\r\n|\r|\n/, 20);
  const tabbed = lines.filter((l) => l.includes("\t")).length;
  const commaOnly = lines.filter((l) => l.includes(",") && !l.includes("\t")).length;
  return tabbed > commaOnly ? "\t" : ",";
}

/** File name without folders and extension, made into a legal sheet name. */
export function sheetNameFromFile(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const stem = base.includes(".") ? base.slice(0, base.lastIndexOf(".")) : base;
  return legalSheetName(stem);
}

/**
 * Reads CSV/TSV bytes into a workbook with one sheet named after the file.
 * Throws an Error naming the file when the bytes cannot be read as CSV.
 */
export function readCsv(bytes: Uint8Array, fileName: string): WorkbookModel {
  let rows: string[][];
  let encoding: CsvEncoding;
  let unclosedQuote: { row: number; column: number } | undefined;
  try {
    const decoded = decodeCsv(bytes);
    encoding = decoded.encoding;
    rows = parseCsv(decoded.text, detectDelimiter(decoded.text), (row, column) => (unclosedQuote = { row, column }));
  } catch (e) {
    throw new HostError("InvalidArgument", `Cannot read ${fileName} as CSV: ${e instanceof Error ? e.message : String(e)}`);
  }
  const wb = new WorkbookModel(fileName.split(/[\\/]/).pop() ?? fileName);
  const sheet = wb.addSheet(sheetNameFromFile(fileName));
  rows.forEach((fields, r) => fields.forEach((f, c) => sheet.setValue(r, c, csvCell(f))));
  wb.sourceEncoding = encoding;
  if (unclosedQuote !== undefined) wb.unclosedQuote = unclosedQuote;
  return wb;
}
