// One enterprise under two names (碧桂园 / 碧桂园控股): the person's alias list of 名称 → 统一名称
// pairs (a sheet in the workbook, a CSV on the command line), the lists' names unified with it
// before years are compared, and — without a line for them — the likely pairs noted, never merged.

import { CellValue, cellText, Grid, isBlank } from "./cells";
import { keyIndex } from "./key-index";
import { Problem, problem } from "./problems";
import { RankingEntries } from "./ranking-entries";
import type { RankingList } from "./ranking-table";
import { cellLocation, SourceRef, sourceName } from "./source";
import { enterpriseKey, headerKey } from "./text";

/** Sheet names under which a workbook's alias list is looked for, in this order. */
export const ALIAS_SHEET_NAMES: readonly string[] = ["StatDesk_别名", "别名", "别名表", "StatDesk_Aliases", "Aliases"];

/** Whether a sheet is named as an alias list is (case aside). */
export function isAliasSheetName(name: string): boolean {
  return ALIAS_SHEET_NAMES.some((n) => n.toLowerCase() === name.trim().toLowerCase());
}

/** A checked alias list: every written name's key → the unified name (chains followed to their end). */
export interface AliasList {
  /** The list's name as a person knows it: "aliases.csv", "别名". */
  readonly source: string;
  /** enterpriseKey(name) → 统一名称. A unified name is never itself a key. */
  readonly unified: ReadonlyMap<string, string>;
}

const NAME_HEADER = /^(名称|原名称|企业名称|写法|别名|name|alias)$/;
const UNIFIED_HEADER = /^(统一名称|统一为|标准名称|规范名称|unifiedname|unified|canonical|canonicalname)$/;

/** The first two cells of a row as text, and whether anything lies beyond them. */
function pairOf(row: readonly CellValue[]): { name: string; unified: string; extra: number } {
  let extra = -1;
  for (let c = 2; c < row.length; c++) if (!isBlank(row[c])) extra = c;
  return { name: cellText(row[0]).trim(), unified: cellText(row[1]).trim(), extra };
}

/**
 * Is a row the header of an alias list: 名称 | 统一名称 (or name | unified name)?
 * isAliasHeader(["名称", "统一名称"]) // => true
 */
export function isAliasHeader(row: readonly CellValue[] | undefined): boolean {
  if (row === undefined) return false;
  const { name, unified } = pairOf(row);
  return NAME_HEADER.test(headerKey(name)) && UNIFIED_HEADER.test(headerKey(unified));
}

/** One name an alias list unifies, as written on its line: for a person to check what will be merged. */
export interface AliasLine {
  /** The name as written (名称). */
  readonly name: string;
  /** What it becomes: the 统一名称, chains followed to their end (甲 → 乙 → 丙 gives 丙). */
  readonly unified: string;
  /** The name's cell ("别名!A3"). */
  readonly location: string;
}

/**
 * Reads an alias list: rows of 名称, 统一名称 under an optional header row (名称 | 统一名称); blank
 * rows and rows starting with # are passed over. A row with one name, a third cell (without a
 * header naming more columns), a name given two different unified names, or names that lead
 * round in a circle is an error at its cell, naming the line (the sheet row): half a list would
 * merge some names and not others without saying so. `lines` are the names it unifies, as
 * written, in the list's order.
 * readAliasTable([["碧桂园控股", "碧桂园"]], src).aliases.unified.get("碧桂园控股") // => "碧桂园"
 */
export function readAliasTable(grid: Grid, source: SourceRef): { aliases: AliasList; problems: Problem[]; lines: AliasLine[] } {
  const problems: Problem[] = [];
  const where = (row: number, column: number) => cellLocation(source, row, column);
  const lineOf = (row: number) => source.row + row + 1;
  const hasHeader = isAliasHeader(grid[0]);
  // A header may name more columns (备注): only the first two are read then.
  const wideHeader = hasHeader && grid[0].slice(2).some((c) => !isBlank(c));
  const direct = new Map<string, { unified: string; row: number; name: string }>();
  for (let r = hasHeader ? 1 : 0; r < grid.length; r++) {
    const row = grid[r] ?? [];
    if (row.every(isBlank)) continue;
    const { name, unified, extra } = pairOf(row);
    if (name.startsWith("#") || (name === "" && unified.startsWith("#"))) continue;
    const bad = (reason: string, column: number, params: Record<string, string | number> = {}) =>
      problems.push(problem("alias-line-invalid", "error", where(r, column), { source: sourceName(source), line: lineOf(r), reason, text: [name, unified].join(","), ...params }));
    if (name === "" || unified === "") {
      bad("one-name", name === "" ? 0 : 1);
      continue;
    }
    if (extra >= 0 && !wideHeader) {
      bad("extra-cells", extra);
      continue;
    }
    const key = enterpriseKey(name);
    if (key === enterpriseKey(unified)) continue; // a name unified to itself says nothing
    const seen = direct.get(key);
    if (seen !== undefined) {
      if (enterpriseKey(seen.unified) !== enterpriseKey(unified)) bad("conflict", 1, { other: seen.unified, otherLine: lineOf(seen.row) });
      continue;
    }
    direct.set(key, { unified, row: r, name });
  }

  // Follow chains (甲 → 乙, 乙 → 丙: 甲 is 丙); a circle is an error at its first line.
  const unified = new Map<string, string>();
  const lines: AliasLine[] = [];
  for (const [key, entry] of direct) {
    let target = entry.unified;
    const visited = new Set<string>([key]);
    let circle = false;
    for (let next = direct.get(enterpriseKey(target)); next !== undefined; next = direct.get(enterpriseKey(target))) {
      if (visited.has(enterpriseKey(target))) {
        circle = true;
        break;
      }
      visited.add(enterpriseKey(target));
      target = next.unified;
    }
    if (circle) {
      problems.push(
        problem("alias-line-invalid", "error", where(entry.row, 1), { source: sourceName(source), line: lineOf(entry.row), reason: "circle", text: `${entry.name},${entry.unified}` }),
      );
      continue;
    }
    unified.set(key, target);
    lines.push({ name: entry.name, unified: target, location: where(entry.row, 0) });
  }
  // One circle is reported once (at its first line), not at every line in it.
  const seenCircle = new Set<number>();
  const kept = problems.filter((p) => {
    if (p.params.reason !== "circle") return true;
    if (seenCircle.size > 0) return false;
    seenCircle.add(Number(p.params.line));
    return true;
  });
  return { aliases: { source: sourceName(source), unified }, problems: kept, lines };
}

/** A list's entries with unified names and keys, the written names kept beside (same order). */
function unifiedEntries(entries: RankingEntries, aliases: AliasList): RankingEntries | undefined {
  let names: string[] | undefined;
  let keys: string[] | undefined;
  for (let i = 0; i < entries.length; i++) {
    const target = aliases.unified.get(entries.keys[i]);
    if (target === undefined) continue;
    names ??= [...entries.names];
    keys ??= [...entries.keys];
    names[i] = target;
    keys[i] = enterpriseKey(target);
  }
  if (names === undefined || keys === undefined) return undefined;
  return { ...entries, names, keys, writtenNames: entries.writtenNames ?? entries.names };
}

/**
 * The lists with every name the alias list knows replaced by its unified name (movers, entrants,
 * exits and YoY by enterprise then meet across years); lists it does not touch are returned as
 * they are. Two rows of one list that become one enterprise are warned about at the later row's
 * name cell, naming both. Nothing is merged without an alias list.
 */
export function unifyNames(lists: readonly RankingList[], aliases: AliasList | null): { lists: RankingList[]; problems: Problem[] } {
  if (aliases === null || aliases.unified.size === 0) return { lists: [...lists], problems: [] };
  const problems: Problem[] = [];
  const reported = new Set<string>();
  const out = lists.map((list) => {
    const entries = unifiedEntries(list.entries, aliases);
    if (entries === undefined) return list;
    const written = entries.writtenNames ?? entries.names;
    for (const [later, earlier] of keyIndex(entries).duplicates) {
      if (enterpriseKey(written[later]) === enterpriseKey(written[earlier])) continue; // already said when the list was read
      const [first, second] = entries.rows[earlier] <= entries.rows[later] ? [earlier, later] : [later, earlier];
      const nameCell = cellLocation(list.sourceRef, entries.rows[second], list.nameColumn);
      const otherNameCell = cellLocation(list.sourceRef, entries.rows[first], list.nameColumn);
      if (reported.has(`${nameCell}|${otherNameCell}`)) continue; // a table's other basis: the same cells
      reported.add(`${nameCell}|${otherNameCell}`);
      problems.push(
        problem("alias-duplicate", "warning", nameCell, {
          name: written[second],
          otherName: written[first],
          unified: entries.names[second],
          nameCell,
          otherNameCell,
          aliases: aliases.source,
        }),
      );
    }
    return { ...list, entries };
  });
  const replaced = out.reduce((n, list, i) => n + (list === lists[i] ? 0 : countReplaced(list.entries)), 0);
  problems.push(problem("aliases-used", "info", undefined, { source: aliases.source, names: aliases.unified.size, replaced }));
  return { lists: out, problems };
}

/** How many entries carry a unified name other than the one written. */
function countReplaced(entries: RankingEntries): number {
  const written = entries.writtenNames;
  if (written === undefined) return 0;
  let n = 0;
  for (let i = 0; i < entries.length; i++) if (written[i] !== entries.names[i]) n++;
  return n;
}

/** Words a desk's names add or drop without the enterprise changing: 碧桂园 / 碧桂园控股有限公司. */
const DRIFT_WORDS = /股份有限公司|有限责任公司|有限公司|公司|房地产|地产|集团|控股|股份|发展|置业|\(\)/g;

/** A name without its legal-form and trade words, for comparing: "碧桂园控股有限公司" → "碧桂园". */
function coreName(name: string): string {
  return enterpriseKey(name).replace(DRIFT_WORDS, "").replace(/\(\)/g, "");
}

/**
 * Could two names be one enterprise's: one contains the other (碧桂园 / 碧桂园控股), or they differ
 * only in 地产/集团/控股/股份/发展/置业/有限公司. A hint for a person, never a merge.
 * likelySameEnterprise("万科地产", "万科企业股份") // => true (万科 ⊂ 万科企业)
 * likelySameEnterprise("华润置地", "华侨城") // => false
 */
export function likelySameEnterprise(a: string, b: string): boolean {
  const contains = (x: string, y: string) => x !== y && Math.min(x.length, y.length) >= 2 && (x.includes(y) || y.includes(x));
  const ka = enterpriseKey(a);
  const kb = enterpriseKey(b);
  if (ka === kb) return false;
  if (contains(ka, kb)) return true;
  const ca = coreName(a);
  const cb = coreName(b);
  return ca.length >= 2 && cb.length >= 2 && (ca === cb || contains(ca, cb));
}

/** Lists compared with each other: same metric and span of months (the basis is matched below). */
function comparableKey(list: RankingList): string {
  return `${list.metric}|${list.period.fromMonth}-${list.period.toMonth}`;
}

/**
 * Info notes for likely pairs of names across years: within each list's first `widest` places
 * (the widest TOP-N), an enterprise new this year whose name is like that of one in last year's
 * first places that is gone from this year's list. Last year's list is the one on the same basis,
 * else the only one (as pairing takes it). Each note names both name cells and the alias line
 * that would merge them (the longer name to the shorter, as 碧桂园控股,碧桂园). A pair is said
 * once, at the latest list that shows it.
 */
export function aliasSuggestions(lists: readonly RankingList[], widest: number): Problem[] {
  const problems: Problem[] = [];
  const said = new Set<string>();
  const byKey = new Map<string, RankingList[]>();
  for (const list of lists) byKey.set(comparableKey(list), [...(byKey.get(comparableKey(list)) ?? []), list]);
  const lastYears = (list: RankingList): RankingList | undefined => {
    const candidates = (byKey.get(comparableKey(list)) ?? []).filter((l) => l.period.year === list.period.year - 1);
    return candidates.find((l) => l.basis === list.basis) ?? (candidates.length === 1 ? candidates[0] : undefined);
  };
  const ordered = [...lists].sort((a, b) => b.period.year - a.period.year || b.period.toMonth - a.period.toMonth);
  for (const current of ordered) {
    const previous = lastYears(current);
    if (previous === undefined) continue;
    const now = keyIndex(current.entries);
    const before = keyIndex(previous.entries);
    const cur = current.entries;
    const prev = previous.entries;
    const newcomers: number[] = [];
    const leavers: number[] = [];
    for (let i = 0; i < Math.min(widest, cur.length); i++) if (before.firstOf(cur.keys[i]) < 0) newcomers.push(i);
    for (let i = 0; i < Math.min(widest, prev.length); i++) if (now.firstOf(prev.keys[i]) < 0) leavers.push(i);
    for (const i of newcomers) {
      for (const j of leavers) {
        const name = cur.names[i];
        const previousName = prev.names[j];
        if (!likelySameEnterprise(name, previousName)) continue;
        const pair = `${enterpriseKey(name)}|${enterpriseKey(previousName)}`;
        if (said.has(pair)) continue;
        said.add(pair);
        // The longer name is unified to the shorter; between equals, last year's to this year's.
        const [from, to] = enterpriseKey(previousName).length >= enterpriseKey(name).length ? [previousName, name] : [name, previousName];
        const nameCell = cellLocation(current.sourceRef, cur.rows[i], current.nameColumn);
        problems.push(
          problem("alias-suggestion", "info", nameCell, {
            name,
            year: current.period.year,
            nameCell,
            previousName,
            previousYear: previous.period.year,
            previousNameCell: cellLocation(previous.sourceRef, prev.rows[j], previous.nameColumn),
            line: `${from},${to}`,
          }),
        );
      }
    }
  }
  return problems;
}
