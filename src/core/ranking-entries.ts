// One year's enterprises, held column by column: names and keys in arrays, figures, published
// ranks and cell rows in typed arrays. A list of a hundred thousand enterprises is then five
// arrays rather than a hundred thousand objects to make, move and collect, and a sort moves
// positions, not entries.

/** One enterprise of a list, as an object: for reading a few (entryAt), not for whole lists. */
export interface RankingEntry {
  readonly name: string;
  /** The name normalised for matching across years (see text.enterpriseKey). */
  readonly key: string;
  /** In the report unit (亿元 or 万平方米). */
  readonly value: number;
  /** The rank the source printed, if it has a rank column for this year. */
  readonly publishedRank: number | null;
  /** The value cell, as grid row and column (located as "Sheet1!C17" only when a problem names it). */
  readonly row: number;
  readonly column: number;
}

/** A year's entries in the list's order; position i of every array is the same enterprise. */
export interface RankingEntries {
  readonly length: number;
  readonly names: readonly string[];
  /** Names normalised for matching across years (see text.enterpriseKey). */
  readonly keys: readonly string[];
  /** Figures in the report unit (亿元 or 万平方米). */
  readonly values: Float64Array;
  /** The rank the source printed, NaN where it printed none. */
  readonly ranks: Float64Array;
  /** Grid row of each value cell. */
  readonly rows: Int32Array;
  /** Grid column of the value cells: a list is one amount column of one table. */
  readonly column: number;
  /** Whether every entry has a published rank, and the list is in their order. */
  readonly byRank: boolean;
  /**
   * The names as the sheet wrote them, when an alias list replaced some of `names` (and `keys`)
   * by their unified names (aliases.ts); absent when nothing was replaced.
   */
  readonly writtenNames?: readonly string[];
}

/** The i-th entry as an object. entryAt(entries, 0).name // => the first enterprise's name */
export function entryAt(entries: RankingEntries, i: number): RankingEntry {
  const rank = entries.ranks[i];
  return {
    name: entries.names[i],
    key: entries.keys[i],
    value: entries.values[i],
    publishedRank: Number.isNaN(rank) ? null : rank,
    row: entries.rows[i],
    column: entries.column,
  };
}

/** Every entry as an object, in order: for small lists and for reading in tests. */
export function entryObjects(entries: RankingEntries): RankingEntry[] {
  return Array.from({ length: entries.length }, (_, i) => entryAt(entries, i));
}

/** The rank shown for position i (0-based): the published rank, else the place in the list. */
export function rankAt(entries: RankingEntries, i: number): number {
  const rank = entries.ranks[i];
  return Number.isNaN(rank) ? i + 1 : rank;
}

/**
 * Whether the first n entries are surely the list's TOP-n: the list is long enough and, when it
 * is in published-rank order, the n-th entry's rank is at most n. A larger rank means a ranked
 * enterprise above it was left out (its figure missing, a dash, an error), and the first n
 * entries are not the TOP-n the source published. Shared places (1, 1, 3) are no gap.
 * topCovered(ranks 1, 3, 4; n = 2) // => false: the 2nd place is missing
 */
export function topCovered(entries: RankingEntries, n: number): boolean {
  return entries.length >= n && (n < 1 || !entries.byRank || entries.ranks[n - 1] <= n);
}

/** The first published place missing from a list in rank order (e.g. 2 for ranks 1, 3, 4), or null. */
export function firstMissingPlace(entries: RankingEntries): number | null {
  if (!entries.byRank) return null;
  for (let i = 0; i < entries.length; i++) if (entries.ranks[i] > i + 1) return i + 1;
  return null;
}

/** Collects a list's entries in sheet order as the rows are read, growing its arrays by doubling. */
export class EntriesBuilder {
  private names: string[] = [];
  private keys: string[] = [];
  private values: Float64Array;
  private ranks: Float64Array;
  private rows: Int32Array;
  private count = 0;

  constructor(
    private readonly column: number,
    capacity = 64,
  ) {
    this.values = new Float64Array(capacity);
    this.ranks = new Float64Array(capacity);
    this.rows = new Int32Array(capacity);
  }

  get length(): number {
    return this.count;
  }

  /** Adds an entry; `rank` is the published rank or null. */
  push(name: string, key: string, value: number, rank: number | null, row: number): void {
    if (this.count === this.values.length) this.grow();
    const i = this.count++;
    this.names.push(name);
    this.keys.push(key);
    this.values[i] = value;
    this.ranks[i] = rank ?? NaN;
    this.rows[i] = row;
  }

  private grow(): void {
    const capacity = Math.max(64, this.values.length * 2);
    const widen = <T extends Float64Array | Int32Array>(from: T, to: T): T => {
      to.set(from);
      return to;
    };
    this.values = widen(this.values, new Float64Array(capacity));
    this.ranks = widen(this.ranks, new Float64Array(capacity));
    this.rows = widen(this.rows, new Int32Array(capacity));
  }

  /**
   * The entries in the list's order: by published rank when every entry has one, else by value,
   * largest first; ties keep sheet order. A list already in that order, as published lists come,
   * is not sorted at all.
   */
  finish(): RankingEntries {
    const n = this.count;
    const values = this.values.slice(0, n);
    const ranks = this.ranks.slice(0, n);
    const rows = this.rows.slice(0, n);
    let byRank = n > 0;
    for (let i = 0; byRank && i < n; i++) byRank = !Number.isNaN(ranks[i]);
    const key = byRank ? ranks : values;
    // Ascending ranks, or descending values.
    const sign = byRank ? 1 : -1;
    // The common case: the list is in order already, as published lists come.
    let ordered = true;
    for (let i = 1; ordered && i < n; i++) ordered = sign * (key[i] - key[i - 1]) >= 0;
    if (ordered) return { length: n, names: this.names, keys: this.keys, values, ranks, rows, column: this.column, byRank };

    // Ranks ascending, or values descending (their negations ascending); ties keep sheet order.
    const sortKeys = new Float64Array(n);
    for (let i = 0; i < n; i++) sortKeys[i] = sign * key[i];
    const order = stableOrder(sortKeys);
    const names = new Array<string>(n);
    const keys = new Array<string>(n);
    const sortedValues = new Float64Array(n);
    const sortedRanks = new Float64Array(n);
    const sortedRows = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const from = order[i];
      names[i] = this.names[from];
      keys[i] = this.keys[from];
      sortedValues[i] = values[from];
      sortedRanks[i] = ranks[from];
      sortedRows[i] = rows[from];
    }
    return { length: n, names, keys, values: sortedValues, ranks: sortedRanks, rows: sortedRows, column: this.column, byRank };
  }
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Positions 0..n−1 ordered by their keys, ascending, equal keys in position order: a radix sort
 * of the keys' IEEE 754 bits, eight bits a pass, least significant first. It calls no comparison
 * function — over a hundred thousand figures several times faster than Array.prototype.sort
 * with one — and its stability is its own. Keys must not be NaN; −0 counts as 0.
 * stableOrder(Float64Array.of(3, 1, 2, 1)) // => Uint32Array [1, 3, 2, 0]
 */
export function stableOrder(keys: Float64Array): Uint32Array {
  const n = keys.length;
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  if (n < 2) return order;

  // Each key as two unsigned words whose order is the numbers' order: a positive number with its
  // sign bit set, a negative one with every bit flipped.
  const words = new Uint32Array(2 * n);
  const asNumbers = new Float64Array(words.buffer);
  for (let i = 0; i < n; i++) asNumbers[i] = keys[i] === 0 ? 0 : keys[i];
  const hiAt = LITTLE_ENDIAN ? 1 : 0;
  const high = new Uint32Array(n);
  const low = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const h = words[2 * i + hiAt];
    const l = words[2 * i + 1 - hiAt];
    const negative = (h & 0x80000000) !== 0;
    high[i] = negative ? ~h >>> 0 : (h | 0x80000000) >>> 0;
    low[i] = negative ? ~l >>> 0 : l;
  }

  let next = new Uint32Array(n);
  const start = new Uint32Array(256);
  for (let pass = 0; pass < 8; pass++) {
    const word = pass < 4 ? low : high;
    const shift = (pass % 4) * 8;
    start.fill(0);
    for (let i = 0; i < n; i++) start[(word[i] >>> shift) & 0xff]++;
    // Every key has the same digit here (the exponent's bits of figures of one magnitude): the pass would move nothing.
    if (start[(word[0] >>> shift) & 0xff] === n) continue;
    let total = 0;
    for (let d = 0; d < 256; d++) {
      const count = start[d];
      start[d] = total;
      total += count;
    }
    for (let i = 0; i < n; i++) {
      const at = order[i];
      next[start[(word[at] >>> shift) & 0xff]++] = at;
    }
    const swap = order;
    order = next;
    next = swap;
  }
  return order;
}
