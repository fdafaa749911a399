// A year's entries held column by column: the order they are put in (published rank, else value
// descending, ties in sheet order), with and without a sort, and reading them back.

import fc from "fast-check";
import { EntriesBuilder, entryAt, entryObjects, firstMissingPlace, rankAt, stableOrder, topCovered } from "../../src/core/ranking-entries";
import { SHEET_LABELS } from "../../src/core/summary/labels";
import { problemMessage } from "../../src/core/messages";
import { problem } from "../../src/core/problems";
import { charSet } from "../../src/core/text";

/** [name, value, rank] rows pushed in sheet order (sheet row = index + 10), column 2. */
function built(rows: readonly (readonly [string, number, number | null])[]) {
  const b = new EntriesBuilder(2);
  rows.forEach(([name, value, rank], i) => b.push(name, name.toLowerCase(), value, rank, i + 10));
  return b.finish();
}

const names = (entries: ReturnType<typeof built>) => [...entries.names];

describe("EntriesBuilder.finish", () => {
  test("a list already in value order keeps it, every column aligned", () => {
    const out = built([
      ["A", 30, null],
      ["B", 20, null],
      ["C", 20, null],
      ["D", 5, null],
    ]);
    expect(out.byRank).toBe(false);
    expect(names(out)).toEqual(["A", "B", "C", "D"]);
    expect(entryObjects(out)).toEqual([
      { name: "A", key: "a", value: 30, publishedRank: null, row: 10, column: 2 },
      { name: "B", key: "b", value: 20, publishedRank: null, row: 11, column: 2 },
      { name: "C", key: "c", value: 20, publishedRank: null, row: 12, column: 2 },
      { name: "D", key: "d", value: 5, publishedRank: null, row: 13, column: 2 },
    ]);
  });

  test("without published ranks: by value, largest first, ties in sheet order", () => {
    const out = built([
      ["A", 5, null],
      ["B", 20, null],
      ["C", 30, null],
      ["D", 20, null],
      ["E", 20, 1],
    ]);
    expect(out.byRank).toBe(false);
    expect(names(out)).toEqual(["C", "B", "D", "E", "A"]);
    // Every column moves with its name.
    expect(entryAt(out, 0)).toEqual({ name: "C", key: "c", value: 30, publishedRank: null, row: 12, column: 2 });
    expect(entryAt(out, 3)).toEqual({ name: "E", key: "e", value: 20, publishedRank: 1, row: 14, column: 2 });
  });

  test("with a published rank on every entry: by rank, ties (并列) in sheet order, even against the values", () => {
    const out = built([
      ["A", 10, 3],
      ["B", 50, 1],
      ["C", 40, 2],
      ["D", 45, 2],
    ]);
    expect(out.byRank).toBe(true);
    expect(names(out)).toEqual(["B", "C", "D", "A"]);
    expect([...out.values]).toEqual([50, 40, 45, 10]);
    expect([0, 1, 2, 3].map((i) => rankAt(out, i))).toEqual([1, 2, 2, 3]);
  });

  test("rankAt is the place in the list where nothing was published", () => {
    const out = built([
      ["A", 9, null],
      ["B", 8, null],
    ]);
    expect([rankAt(out, 0), rankAt(out, 1)]).toEqual([1, 2]);
  });

  test("grows past its first capacity and sorts a long reversed list", () => {
    const b = new EntriesBuilder(0, 4);
    for (let i = 0; i < 1000; i++) b.push(`n${i}`, `n${i}`, i + 1, null, i);
    expect(b.length).toBe(1000);
    const entries = b.finish();
    expect(entries.length).toBe(1000);
    expect(entries.values[0]).toBe(1000);
    expect(entries.names[0]).toBe("n999");
    expect(entries.rows[999]).toBe(0);
    expect(entries.values.length).toBe(1000);
  });

  test("an empty list is no ranking by rank", () => {
    const out = new EntriesBuilder(1).finish();
    expect(out.byRank).toBe(false);
    expect(out.length).toBe(0);
  });
});

describe("topCovered and firstMissingPlace", () => {
  const ranked = (ranks: readonly (number | null)[]) => built(ranks.map((r, i) => [`E${i}`, 1000 - i, r] as const));

  test("a list in published-rank order holds its TOP-n until a place is missing", () => {
    const gap = ranked([1, 3, 4]);
    expect([1, 2, 3, 4].map((n) => topCovered(gap, n))).toEqual([true, false, false, false]);
    expect(firstMissingPlace(gap)).toBe(2);
  });

  test("shared places (1, 1, 3) are no gap; a shared place after a gap (1, 1, 4) is", () => {
    expect([1, 2, 3].map((n) => topCovered(ranked([1, 1, 3]), n))).toEqual([true, true, true]);
    expect(firstMissingPlace(ranked([1, 1, 3]))).toBeNull();
    expect(topCovered(ranked([1, 1, 4]), 3)).toBe(false);
    expect(firstMissingPlace(ranked([1, 1, 4]))).toBe(3);
  });

  test("a list without published ranks holds as many places as it has entries", () => {
    const plain = ranked([null, null, 7]);
    expect(plain.byRank).toBe(false);
    expect([3, 4].map((n) => topCovered(plain, n))).toEqual([true, false]);
    expect(firstMissingPlace(plain)).toBeNull();
  });
});

describe("rank group names and the not-available note", () => {
  test("a group of one place is named as that place, in both languages", () => {
    expect([SHEET_LABELS["zh-CN"].rankGroup(1, 10), SHEET_LABELS["zh-CN"].rankGroup(11, 30), SHEET_LABELS["zh-CN"].rankGroup(2, 2), SHEET_LABELS["en-US"].rankGroup(2, 2)]).toEqual(["TOP10", "TOP11-30", "第2名", "No. 2"]);
  });

  test("a figure marked n/a is said once, with the text as written", () => {
    const p = problem("missing-value", "warning", "S!C3", { reason: "not-available", text: "n/a", name: "甲", year: 2024 });
    expect(problemMessage(p, "zh-CN")).toBe("“甲”2024年的数值标为不可得（n/a），未计入该年统计。");
    expect(problemMessage(p, "en-US")).toBe('The 2024 figure of "甲" is marked not available (n/a); it is left out of that year.');
  });
});

describe("stableOrder", () => {
  /** What Array.prototype.sort (stable) gives with a comparison function: the reference. */
  const reference = (keys: readonly number[]) => keys.map((_, i) => i).sort((a, b) => keys[a] - keys[b] || a - b);

  test("orders positions by key, ties in position order", () => {
    expect([...stableOrder(Float64Array.of(3, 1, 2, 1))]).toEqual([1, 3, 2, 0]);
    expect([...stableOrder(Float64Array.of())]).toEqual([]);
    expect([...stableOrder(Float64Array.of(7))]).toEqual([0]);
  });

  test("negative and positive keys, zeros of both signs, tiny and huge magnitudes", () => {
    const keys = [0, -0, -1.5, 1e300, -1e300, 5e-324, -5e-324, 2, -2, 0, 1234.5, -1234.5, 1234.5];
    expect([...stableOrder(Float64Array.from(keys))]).toEqual(reference(keys));
  });

  test("agrees with a stable comparison sort on any keys (many ties: figures with one decimal)", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: -50, max: 50 }).map((x) => x / 10), fc.double({ noNaN: true })), { maxLength: 300 }), (keys) => {
        expect([...stableOrder(Float64Array.from(keys))]).toEqual(reference(keys));
      }),
      { numRuns: 300 },
    );
  });
});

describe("charSet", () => {
  test("asks whether any character of a text is in the set", () => {
    const hint = charSet("合计ｔ");
    expect(hint.hasAny("全国合计")).toBe(true);
    expect(hint.hasAny("ｔop10")).toBe(true);
    expect(hint.hasAny("碧桂园")).toBe(false);
    expect(hint.hasAny("")).toBe(false);
  });
});
