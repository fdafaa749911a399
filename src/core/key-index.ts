// Finding enterprises by their normalised names in lists of a hundred thousand: an
// open-addressing table of positions over an FNV-1a hash, several times faster than a Map of
// strings, built once per list and used both for duplicates and for rank movement.

import { RankingEntries } from "./ranking-entries";

export interface KeyIndex {
  /** Position of the first entry with the key, or -1. */
  firstOf(key: string): number;
  /** (later position, first position) of every repeated key, in list order. */
  readonly duplicates: readonly (readonly [number, number])[];
}

function hashOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let j = 0; j < key.length; j++) hash = Math.imul(hash ^ key.charCodeAt(j), 0x01000193);
  return hash >>> 0;
}

/**
 * An index of a list of keys.
 * buildKeyIndex(["a", "b", "a"]).duplicates // => [[2, 0]]; .firstOf("b") // => 1
 */
export function buildKeyIndex(keys: readonly string[]): KeyIndex {
  let size = 16;
  while (size < keys.length * 2) size *= 2;
  const mask = size - 1;
  const table = new Int32Array(size).fill(-1);
  const duplicates: [number, number][] = [];
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    for (let slot = hashOf(key) & mask; ; slot = (slot + 1) & mask) {
      const at = table[slot];
      if (at === -1) {
        table[slot] = i;
        break;
      }
      if (keys[at] === key) {
        duplicates.push([i, at]);
        break;
      }
    }
  }
  return {
    duplicates,
    firstOf(key: string): number {
      for (let slot = hashOf(key) & mask; ; slot = (slot + 1) & mask) {
        const at = table[slot];
        if (at === -1 || keys[at] === key) return at;
      }
    },
  };
}

const cache = new WeakMap<RankingEntries, KeyIndex>();

/** The index of a (final, ordered) list's keys, built on first use and kept with the list. */
export function keyIndex(entries: RankingEntries): KeyIndex {
  let index = cache.get(entries);
  if (index === undefined) {
    index = buildKeyIndex(entries.keys);
    cache.set(entries, index);
  }
  return index;
}
