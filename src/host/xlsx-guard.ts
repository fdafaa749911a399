// Refuses an .xlsx that would exhaust the machine before anything inflates it whole: a zip's parts
// can declare (or, lying, produce) gigabytes of XML from a few megabytes, and a cell or row
// reference past Excel's grid makes the reader build arrays of that length. The zip's central
// directory is read first; then each part is inflated as a stream whose bytes are counted and
// dropped, stopping as soon as a limit is passed. Runs in Node and in the browser (the workbench).

import { MAX_COLUMNS, MAX_ROWS } from "../core/a1";

export interface XlsxLimits {
  /** Most bytes all parts of the file may inflate to together (default 300 MiB). */
  readonly maxInflatedBytes: number;
  readonly maxRows: number;
  readonly maxColumns: number;
}

export const DEFAULT_XLSX_LIMITS: XlsxLimits = { maxInflatedBytes: 300 * 1024 * 1024, maxRows: MAX_ROWS, maxColumns: MAX_COLUMNS };

/** Why a file is refused: which part, and a sentence naming the file and the part. */
export interface XlsxRefusal {
  readonly part: string;
  readonly reason: string;
}

interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly declaredSize: number;
  readonly localOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;

const mib = (bytes: number) => (bytes < 1024 * 1024 ? `${bytes.toLocaleString("en-US")} bytes` : `${(bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`);

/**
 * The zip's entries from its central directory, or undefined when the bytes are not a zip that
 * can be read this way (then the .xlsx reader reports the damage in its own words).
 */
function centralDirectory(bytes: Uint8Array): ZipEntry[] | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const u64 = (at: number) => u32(at) + u32(at + 4) * 2 ** 32;
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(at) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return undefined;
  let count = u16(eocd + 10);
  let offset = u32(eocd + 16);
  if ((count === 0xffff || offset === MAX32) && eocd >= 20 && u32(eocd - 20) === ZIP64_LOCATOR) {
    const zip64 = u64(eocd - 20 + 8);
    if (zip64 + 56 > bytes.length) return undefined;
    count = u64(zip64 + 32);
    offset = u64(zip64 + 48);
  }
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(at) !== CENTRAL) return undefined;
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    let compressedSize = u32(at + 20);
    let declaredSize = u32(at + 24);
    let localOffset = u32(at + 42);
    // ZIP64 sizes and offset, in this order, for each 32-bit field that is all ones.
    let extra = at + 46 + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd && extraEnd <= bytes.length) {
      const id = u16(extra);
      const size = u16(extra + 2);
      if (id === 0x0001) {
        let field = extra + 4;
        if (declaredSize === MAX32) {
          declaredSize = u64(field);
          field += 8;
        }
        if (compressedSize === MAX32) {
          compressedSize = u64(field);
          field += 8;
        }
        if (localOffset === MAX32) localOffset = u64(field);
      }
      extra += 4 + size;
    }
    entries.push({ name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)), method: u16(at + 10), compressedSize, declaredSize, localOffset });
    at = extraEnd + commentLength;
  }
  return entries;
}

/** Where an entry's data begins (after its local header), or undefined when the header is not there. */
function dataStart(bytes: Uint8Array, entry: ZipEntry): number | undefined {
  const at = entry.localOffset;
  if (at + 30 > bytes.length) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset + at, 30);
  if (view.getUint32(0, true) !== LOCAL) return undefined;
  return at + 30 + view.getUint16(26, true) + view.getUint16(28, true);
}

/**
 * Inflates raw deflate data as a stream, handing each piece to `take` and stopping when it says
 * so; nothing is kept. Damaged data ends the stream quietly (the .xlsx reader reports it).
 */
async function inflateInPieces(data: Uint8Array, take: (piece: Uint8Array) => boolean): Promise<void> {
  let offset = 0;
  const input = new ReadableStream<BufferSource>({
    pull(controller) {
      if (offset >= data.length) return controller.close();
      const end = Math.min(data.length, offset + 64 * 1024);
      controller.enqueue(data.subarray(offset, end) as Uint8Array<ArrayBuffer>);
      offset = end;
    },
  });
  const reader = input.pipeThrough(new DecompressionStream("deflate-raw")).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      if (!take(value)) {
        await reader.cancel().catch(() => undefined);
        return;
      }
    }
  } catch {
    return;
  }
}

/**
 * Whether a reference ("B7", "$A$1:XFD9", a row's "12") lies past the grid; anything that is not
 * such a reference is not. Parsed by hand: a large sheet has one reference per cell.
 */
function pastGrid(text: string, start: number, end: number, limits: XlsxLimits): boolean {
  let column = 0;
  let row = 0;
  for (let i = start; i <= end; i++) {
    const c = i === end ? 58 /* ":" ends the last part too */ : text.charCodeAt(i);
    if (c >= 65 && c <= 90) column = column * 26 + (c - 64);
    else if (c >= 48 && c <= 57) row = row * 10 + (c - 48);
    else if (c === 58) {
      if (row > limits.maxRows || column > limits.maxColumns) return true;
      column = 0;
      row = 0;
    } else if (c !== 36 /* $ */) return false;
  }
  return false;
}

/**
 * Watches a worksheet's XML as it inflates for a cell, row or range reference (`r="…"`,
 * `ref="…"`: cells, rows, the dimension, merges) past the grid. Returns the first such reference.
 */
function gridWatcher(limits: XlsxLimits): { feed(piece: Uint8Array): string | undefined } {
  const decoder = new TextDecoder();
  let carry = "";
  return {
    feed(piece) {
      const text = carry + decoder.decode(piece, { stream: true });
      // Kept for the next piece: the last characters, where a marker may be cut (references are
      // short; looking at one twice does no harm), and any reference whose closing quote is not here yet.
      let keepFrom = Math.max(0, text.length - 40);
      for (const marker of [' r="', ' ref="']) {
        let at = text.indexOf(marker);
        while (at >= 0) {
          const start = at + marker.length;
          const end = text.indexOf('"', start);
          if (end < 0) {
            keepFrom = Math.min(keepFrom, at);
            break;
          }
          if (end - start <= 24 && pastGrid(text, start, end, limits)) return `${marker.trim()}${text.slice(start, end)}"`;
          at = text.indexOf(marker, end + 1);
        }
      }
      carry = text.slice(keepFrom);
      return undefined;
    },
  };
}

/**
 * Checks an .xlsx before it is read: the refusal, naming the part, when its parts would inflate
 * past `limits.maxInflatedBytes` (as declared by the zip's directory, or as they actually
 * inflate) or a worksheet refers to a cell past Excel's grid; undefined when it may be read.
 * Bytes that are not a zip pass (the reader says they are damaged).
 */
export async function checkXlsx(bytes: Uint8Array, fileName: string, limits: XlsxLimits = DEFAULT_XLSX_LIMITS): Promise<XlsxRefusal | undefined> {
  const entries = centralDirectory(bytes);
  if (entries === undefined) return undefined;
  const limit = limits.maxInflatedBytes;
  const tooLarge = (part: string, bytesSaid: string) => ({
    part,
    reason: `${fileName} is not read: its part ${part} ${bytesSaid}, more than the ${mib(limit)} an .xlsx may inflate to here (a workbook of that size would exhaust the memory).`,
  });

  // First what the directory declares: refused before a byte is inflated.
  let declared = 0;
  for (const entry of entries) {
    declared += entry.declaredSize;
    if (declared > limit) return tooLarge(entry.name, `would inflate to ${mib(entry.declaredSize)}${entry.declaredSize <= limit ? ` (${mib(declared)} with the parts before it)` : ""}`);
  }

  // Then what the parts really inflate to: a directory can lie.
  if (typeof DecompressionStream === "undefined") return undefined;
  let inflated = 0;
  for (const entry of entries) {
    if (entry.method !== 8 || entry.compressedSize === 0) continue; // stored parts are no larger than the file
    const start = dataStart(bytes, entry);
    if (start === undefined) continue;
    const data = bytes.subarray(start, Math.min(bytes.length, start + entry.compressedSize));
    const watcher = /^xl\/worksheets\/[^/]+\.xml$/i.test(entry.name) ? gridWatcher(limits) : undefined;
    // A part may inflate past what it declares only by a margin a sloppy zip writer could leave.
    const partLimit = Math.max(entry.declaredSize * 2, entry.declaredSize + 16 * 1024 * 1024);
    let part = 0;
    let refusal: XlsxRefusal | undefined;
    await inflateInPieces(data, (piece) => {
      part += piece.length;
      inflated += piece.length;
      if (inflated > limit) refusal = tooLarge(entry.name, `inflates past ${mib(part)}${inflated - part >= 1024 * 1024 ? ` (${mib(inflated)} with the parts before it)` : ""}`);
      else if (part > partLimit) {
        refusal = { part: entry.name, reason: `${fileName} is not read: its part ${entry.name} inflates past ${mib(part)} where the zip's directory says ${mib(entry.declaredSize)} (the file is damaged or crafted).` };
      } else if (watcher) {
        const outside = watcher.feed(piece);
        if (outside !== undefined) {
          refusal = {
            part: entry.name,
            reason: `${fileName} is not read: its part ${entry.name} refers to ${outside}, outside Excel's ${limits.maxRows.toLocaleString("en-US")} rows × ${limits.maxColumns.toLocaleString("en-US")} columns.`,
          };
        }
      }
      return refusal === undefined;
    });
    if (refusal !== undefined) return refusal;
  }
  return undefined;
}
