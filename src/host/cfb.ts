// The OLE2 Compound File Binary container ([MS-CFB]) that legacy .xls workbooks are stored in: a
// small FAT file system inside one file. Only reading one named stream is needed. Every sector
// number, chain and size is checked against the file, so a damaged or hostile file fails with
// CfbError (never a hang, an out-of-range read or an allocation larger than the file).

/** A container that is not a compound file, or one whose structures contradict each other. */
export class CfbError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CfbError";
  }
}

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** Sector numbers above this are markers (DIFSECT, FATSECT, ENDOFCHAIN, FREESECT), not sectors. */
const MAX_REGULAR_SECTOR = 0xfffffffa;
const END_OF_CHAIN = 0xfffffffe;
const FREE_SECTOR = 0xffffffff;
const NO_STREAM = 0xffffffff;
const HEADER_DIFAT_ENTRIES = 109;
const DIRECTORY_ENTRY_SIZE = 128;

/** Does the file start with the compound file signature? */
export function isCompoundFile(bytes: Uint8Array): boolean {
  return bytes.length >= SIGNATURE.length && SIGNATURE.every((b, i) => bytes[i] === b);
}

export interface CfbEntry {
  readonly name: string;
  /** 1 storage, 2 stream, 5 root storage (0 unused). */
  readonly type: number;
  readonly left: number;
  readonly right: number;
  readonly child: number;
  readonly start: number;
  readonly size: number;
}

/** A parsed compound file: its directory, and the bytes of any stream in it. */
export interface CompoundFile {
  /** The names of the streams and storages directly in the root storage. */
  readonly rootNames: readonly string[];
  /** The bytes of the stream named `name` (case-insensitive) in the root storage, or undefined. */
  stream(name: string): Uint8Array | undefined;
}

/** Parses the container's header, FAT, directory and mini FAT; throws CfbError when damaged. */
export function readCompoundFile(bytes: Uint8Array): CompoundFile {
  if (!isCompoundFile(bytes)) throw new CfbError("it is not an OLE2 compound file");
  if (bytes.length < 512) throw new CfbError("the file ends inside its 512-byte header");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (offset: number) => view.getUint16(offset, true);
  const u32 = (offset: number) => view.getUint32(offset, true);

  const major = u16(26);
  const sectorShift = u16(30);
  if (u16(28) !== 0xfffe) throw new CfbError("its header has no little-endian byte-order mark");
  if (!((major === 3 && sectorShift === 9) || (major === 4 && sectorShift === 12))) {
    throw new CfbError(`its header declares version ${major} with 2^${sectorShift}-byte sectors`);
  }
  if (u16(32) !== 6) throw new CfbError(`its header declares 2^${u16(32)}-byte mini sectors, not 64`);
  const sectorSize = 1 << sectorShift;
  const entriesPerSector = sectorSize / 4;
  /** Sectors that exist in the file (the last may be short: some writers do not pad it). */
  const sectorCount = Math.ceil((bytes.length - sectorSize) / sectorSize);
  const fatSectorCount = u32(44);
  const firstDirectorySector = u32(48);
  const miniStreamCutoff = u32(56);
  const firstMiniFatSector = u32(60);
  const miniFatSectorCount = u32(64);
  const firstDifatSector = u32(68);
  const difatSectorCount = u32(72);
  if (miniStreamCutoff !== 4096) throw new CfbError(`its header declares a mini stream cutoff of ${miniStreamCutoff} bytes, not 4096`);
  if (fatSectorCount === 0 || fatSectorCount > sectorCount) throw new CfbError(`its header declares ${fatSectorCount} FAT sectors in a file of ${sectorCount} sectors`);
  if (difatSectorCount > sectorCount || miniFatSectorCount > sectorCount) throw new CfbError("its header declares more DIFAT or mini FAT sectors than the file holds");

  const sectorOffset = (sector: number) => (sector + 1) * sectorSize;
  const checkSector = (sector: number, what: string) => {
    if (sector > MAX_REGULAR_SECTOR || sector >= sectorCount) {
      throw new CfbError(`${what} points to sector ${sector}, outside the file's ${sectorCount} sectors (the file is truncated or damaged)`);
    }
  };

  // The FAT's own sectors: 109 listed in the header, the rest in a chain of DIFAT sectors whose
  // last entry links to the next one.
  const fatSectors: number[] = [];
  for (let i = 0; i < Math.min(HEADER_DIFAT_ENTRIES, fatSectorCount); i++) fatSectors.push(u32(76 + i * 4));
  let difat = firstDifatSector;
  const seenDifat = new Set<number>();
  while (fatSectors.length < fatSectorCount) {
    if (difat === END_OF_CHAIN || difat === FREE_SECTOR) throw new CfbError(`its DIFAT lists ${fatSectors.length} of ${fatSectorCount} FAT sectors`);
    checkSector(difat, "the DIFAT chain");
    if (seenDifat.has(difat) || seenDifat.size >= difatSectorCount) throw new CfbError("its DIFAT chain loops or is longer than declared");
    seenDifat.add(difat);
    const base = sectorOffset(difat);
    if (base + sectorSize > bytes.length) throw new CfbError("the file ends inside a DIFAT sector (it is truncated)");
    for (let i = 0; i < entriesPerSector - 1 && fatSectors.length < fatSectorCount; i++) fatSectors.push(u32(base + i * 4));
    difat = u32(base + sectorSize - 4);
  }
  const fat = new Uint32Array(fatSectorCount * entriesPerSector);
  fatSectors.forEach((sector, i) => {
    checkSector(sector, "the DIFAT");
    const base = sectorOffset(sector);
    if (base + sectorSize > bytes.length) throw new CfbError("the file ends inside a FAT sector (it is truncated)");
    for (let j = 0; j < entriesPerSector; j++) fat[i * entriesPerSector + j] = u32(base + j * 4);
  });

  /**
   * The first `stopAfter` sectors of the chain starting at `start` (all of it when it is shorter).
   * A chain that loops or leaves the table or the file is damage; the visited marks bound the walk
   * by the table's length.
   */
  const chain = (table: Uint32Array, start: number, stopAfter: number, what: string, inRange: (s: number) => boolean): number[] => {
    const sectors: number[] = [];
    const seen = new Uint8Array(table.length);
    for (let s = start; s !== END_OF_CHAIN && sectors.length < stopAfter; s = table[s]) {
      if (s >= table.length || !inRange(s)) throw new CfbError(`the ${what} chain points to sector ${s}, outside the file (it is truncated or damaged)`);
      if (seen[s]) throw new CfbError(`the ${what} chain loops back to sector ${s} (the file is damaged)`);
      seen[s] = 1;
      sectors.push(s);
    }
    return sectors;
  };
  const inFile = (s: number) => s <= MAX_REGULAR_SECTOR && s < sectorCount;

  /** Concatenates `size` bytes from the regular sectors of the chain at `start`. */
  const readRegular = (start: number, size: number, what: string): Uint8Array => {
    const needed = Math.ceil(size / sectorSize);
    if (size > bytes.length) throw new CfbError(`the ${what} declares ${size} bytes in a file of ${bytes.length} (the file is damaged)`);
    const sectors = chain(fat, start, needed, what, inFile);
    if (sectors.length < needed) throw new CfbError(`the ${what} holds ${sectors.length * sectorSize} of its ${size} bytes (the file is truncated or damaged)`);
    const out = new Uint8Array(size);
    for (let i = 0; i < needed; i++) {
      const from = sectorOffset(sectors[i]);
      const length = Math.min(sectorSize, size - i * sectorSize);
      if (from + length > bytes.length) throw new CfbError(`the file ends inside the ${what} (it is truncated)`);
      out.set(bytes.subarray(from, from + length), i * sectorSize);
    }
    return out;
  };

  // The directory: a chain of 128-byte entries; its length is the chain's length.
  const directorySectors = chain(fat, firstDirectorySector, Infinity, "directory", inFile);
  if (directorySectors.length === 0) throw new CfbError("it has no directory");
  const entries: CfbEntry[] = [];
  for (const sector of directorySectors) {
    const base = sectorOffset(sector);
    if (base + sectorSize > bytes.length) throw new CfbError("the file ends inside its directory (it is truncated)");
    for (let e = base; e < base + sectorSize; e += DIRECTORY_ENTRY_SIZE) {
      const nameLength = Math.min(u16(e + 64), 64);
      let name = "";
      for (let i = 0; i + 1 < nameLength - 1; i += 2) name += String.fromCharCode(u16(e + i));
      // Version 3 files may leave garbage in the size's high 32 bits; version 4 sizes beyond
      // 2^32 cannot belong to a file this reader accepts, and the size check below refuses them.
      const size = major === 3 ? u32(e + 120) : u32(e + 124) === 0 ? u32(e + 120) : Number.MAX_SAFE_INTEGER;
      entries.push({ name, type: bytes[e + 66], left: u32(e + 68), right: u32(e + 72), child: u32(e + 76), start: u32(e + 116), size });
    }
  }
  const root = entries[0];
  if (root.type !== 5) throw new CfbError("its directory does not begin with the root storage");

  // The mini stream (small streams in 64-byte sectors) lives in the root entry's chain.
  const miniStream = root.size > 0 ? readRegular(root.start, root.size, "mini stream") : new Uint8Array(0);
  const miniSectorCount = Math.floor(miniStream.length / 64);
  let miniFat = new Uint32Array(0);
  if (miniFatSectorCount > 0) {
    const raw = readRegular(firstMiniFatSector, miniFatSectorCount * sectorSize, "mini FAT");
    const rawView = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
    miniFat = new Uint32Array(raw.length / 4);
    for (let i = 0; i < miniFat.length; i++) miniFat[i] = rawView.getUint32(i * 4, true);
  }
  const readMini = (start: number, size: number, what: string): Uint8Array => {
    if (size > miniStream.length) throw new CfbError(`the ${what} declares ${size} bytes, more than the mini stream holds (the file is damaged)`);
    const needed = Math.ceil(size / 64);
    const sectors = chain(miniFat, start, needed, what, (s) => s < miniSectorCount);
    if (sectors.length < needed) throw new CfbError(`the ${what} holds ${sectors.length * 64} of its ${size} bytes (the file is damaged)`);
    const out = new Uint8Array(size);
    for (let i = 0; i < needed; i++) {
      const length = Math.min(64, size - i * 64);
      out.set(miniStream.subarray(sectors[i] * 64, sectors[i] * 64 + length), i * 64);
    }
    return out;
  };

  // The root's children: a binary tree through left/right siblings (walked with a visited set,
  // so a cyclic tree ends).
  const children: CfbEntry[] = [];
  const seenEntries = new Set<number>();
  const pending = [root.child];
  while (pending.length > 0) {
    const id = pending.pop()!;
    if (id === NO_STREAM) continue;
    if (id >= entries.length || id === 0) throw new CfbError(`its directory tree points to entry ${id} of ${entries.length}`);
    if (seenEntries.has(id)) throw new CfbError("its directory tree loops (the file is damaged)");
    seenEntries.add(id);
    const entry = entries[id];
    children.push(entry);
    pending.push(entry.left, entry.right);
  }

  return {
    rootNames: children.map((c) => c.name),
    stream(name: string): Uint8Array | undefined {
      const entry = children.find((c) => c.type === 2 && c.name.toLowerCase() === name.toLowerCase());
      if (entry === undefined) return undefined;
      const what = `"${entry.name}" stream`;
      return entry.size < miniStreamCutoff ? readMini(entry.start, entry.size, what) : readRegular(entry.start, entry.size, what);
    },
  };
}
