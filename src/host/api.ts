// The server side of Excel's object model: each client proxy type has an ApiObject here that
// answers property reads (PascalCase names), sets, navigation, methods and collection access.
// This file holds the base class, null objects, loading (QueryInfo → PascalCase answer) and
// small argument checks shared by the concrete objects.

import { HostError, invalidArgument, itemNotFound } from "./errors";
import type { SheetModel, WorkbookModel } from "./model";

/** What every ApiObject can reach: the workbook and the host's limits. */
export interface ApiEnv {
  readonly workbook: WorkbookModel;
  /** A load that reads more cells than this in one property fails (Excel: 5,000,000). */
  readonly maxCellsPerRead: number;
  /** What such a load answers: Excel's documented error, or null as some builds do (see HostOptions). */
  readonly overCellLimit: "RangeExceedsLimit" | "null";
}

/** The result of a method: a value for a ClientResult, or undefined for none. */
export type MethodResult = unknown;

export abstract class ApiObject {
  /** Excel's type name, used in error locations ("Range", "Worksheet"). */
  abstract readonly typeName: string;
  /** True for collections: queries answer `{_Items:[…]}`. */
  readonly isCollection: boolean = false;
  /** True for null objects (from *OrNullObject when the item is missing). */
  readonly isNull: boolean = false;

  constructor(readonly env: ApiEnv) {}

  /** Scalar properties (PascalCase) a load() with no select returns, in Excel's order. */
  scalarNames(): readonly string[] {
    return [];
  }

  /** Reads a scalar property. */
  get(name: string): unknown {
    throw unknownMember(this, name);
  }

  /** Writes a scalar property. */
  set(name: string, _value: unknown): void {
    throw unknownMember(this, name);
  }

  /** A navigation property (a child object), or undefined when `name` is not one. */
  nav(_name: string): ApiObject | undefined {
    return undefined;
  }

  /** A method: returns an ApiObject for object-returning methods, else a value or undefined. */
  call(name: string, _args: unknown[]): MethodResult {
    throw unknownMember(this, name);
  }

  /** Collection items, in order. */
  items(): ApiObject[] {
    return [];
  }

  /** The collection indexer (`getItem(key)` sent as ObjectPathType 5). */
  indexer(_key: unknown): ApiObject {
    throw unknownMember(this, "GetItem");
  }

  /** The id that addresses this object through its collection, answered as `Id`. */
  itemId(): string | number | undefined {
    return undefined;
  }

  /** A stateless reference id for a kept object (Range, Worksheet…), answered as `_ReferenceId`. */
  referenceId(): string | undefined {
    return undefined;
  }

  /**
   * Throws when the object no longer exists (its sheet or chart was deleted). The host calls it
   * before every query, property write and method call, so get/set/call need not.
   */
  checkAlive(): void {}

  /** Name used in error locations: collections use the property name ("Worksheets"). */
  get locationName(): string {
    return this.typeName;
  }
}

/** An object that belongs to a worksheet (the sheet itself, its ranges, charts, panes): gone with it. */
export abstract class SheetPart extends ApiObject {
  constructor(
    env: ApiEnv,
    readonly sheet: SheetModel,
  ) {
    super(env);
  }

  override checkAlive(): void {
    if (this.sheet.deleted) throw itemNotFound();
  }
}

/** The object every member of a null object returns: reads give null, writes are ignored. */
export class NullObject extends ApiObject {
  readonly typeName = "NullObject";
  override readonly isNull = true;

  override get(): unknown {
    return null;
  }
  override set(): void {
    // Ignored: Excel gives no error for a write queued on a null object (documented choice).
  }
  override nav(): ApiObject {
    return this;
  }
  override call(): MethodResult {
    // Object-returning methods give null objects; Delete and other actions do nothing.
    return this;
  }
  override indexer(): ApiObject {
    return this;
  }
}

function unknownMember(obj: ApiObject, member: string): HostError {
  const err = new HostError("NotImplemented", `The in-memory workbook host does not implement ${obj.typeName}.${member}.`);
  err.location = `${obj.locationName}.${member}`;
  return err;
}

/** "numberFormat" → "NumberFormat". */
function pascal(name: string): string {
  return name.length === 0 ? name : name[0].toUpperCase() + name.slice(1);
}

// ---------------------------------------------------------------------------------------------
// Loading

export interface QueryInfo {
  Select?: string[];
  Expand?: string[];
  Top?: number;
  Skip?: number;
}

/** The answer to a Query action: PascalCase keys, `_Items` for collections, null for null objects. */
export function queryObject(obj: ApiObject, query: QueryInfo | undefined): unknown {
  obj.checkAlive();
  if (obj.isNull) return null;
  const select = (query?.Select ?? []).filter((s) => s !== "isNullObject" && s !== "");
  if (obj.isCollection) return queryCollection(obj, select, query?.Top, query?.Skip);
  return querySingle(obj, select);
}

function querySingle(obj: ApiObject, select: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const id = obj.itemId();
  if (id !== undefined) out.Id = id;
  const all = select.length === 0 || select.includes("*");
  if (all) for (const name of obj.scalarNames()) out[name] = obj.get(name);
  for (const [head, rests] of groupSelect(select)) {
    const name = pascal(head);
    const child = obj.nav(name);
    if (!child) {
      if (rests.some((r) => r !== "*")) throw invalidArgument(`${obj.typeName}.${head} has no properties`);
      if (!(name in out)) out[name] = obj.get(name);
      continue;
    }
    out[name] = queryObject(child, { Select: rests });
  }
  return out;
}

function queryCollection(obj: ApiObject, select: string[], top?: number, skip?: number): Record<string, unknown> {
  const own = new Set(obj.scalarNames());
  const out: Record<string, unknown> = {};
  const itemSelect: string[] = [];
  for (const s of select) {
    const name = pascal(s);
    if (own.has(name)) out[name] = obj.get(name);
    else itemSelect.push(s);
  }
  const first = skip ?? 0;
  const all = obj.items();
  const chosen = all.slice(first, top === undefined || top === null ? undefined : first + top);
  out._Items = chosen.map((item, i) => {
    const answer = querySingle(item, itemSelect);
    if (first > 0 && answer.Id === undefined) answer._Index = first + i;
    return answer;
  });
  return out;
}

function groupSelect(select: string[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const s of select) {
    if (s === "*") continue;
    const slash = s.indexOf("/");
    const head = slash < 0 ? s : s.slice(0, slash);
    const rest = slash < 0 ? undefined : s.slice(slash + 1);
    const list = groups.get(head) ?? [];
    list.push(rest ?? "*");
    groups.set(head, list);
  }
  return groups;
}

// ---------------------------------------------------------------------------------------------
// Argument checks

export function asString(value: unknown, what: string): string {
  if (typeof value !== "string") throw invalidArgument(`${what} must be text`);
  return value;
}

export function asNumber(value: unknown, what: string): number {
  if (typeof value !== "number" || !Number.isFinite(value)) throw invalidArgument(`${what} must be a number`);
  return value;
}

export function asInteger(value: unknown, what: string): number {
  const n = asNumber(value, what);
  if (!Number.isInteger(n)) throw invalidArgument(`${what} must be a whole number`);
  return n;
}

export function asBoolean(value: unknown, what: string): boolean {
  if (typeof value !== "boolean") throw invalidArgument(`${what} must be true or false`);
  return value;
}

/** One of `allowed` (compared case-insensitively), returned in its canonical spelling. */
export function asEnum<T extends string>(value: unknown, allowed: readonly T[], what: string): T {
  if (typeof value === "string") {
    const found = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
    if (found) return found;
  }
  throw invalidArgument(`${what} must be one of ${allowed.join(", ")}`);
}

const NAMED_COLORS: Record<string, string> = {
  black: "#000000",
  white: "#FFFFFF",
  red: "#FF0000",
  green: "#008000",
  lime: "#00FF00",
  blue: "#0000FF",
  yellow: "#FFFF00",
  orange: "#FFA500",
  purple: "#800080",
  gray: "#808080",
  grey: "#808080",
  silver: "#C0C0C0",
  navy: "#000080",
  teal: "#008080",
  maroon: "#800000",
  olive: "#808000",
  aqua: "#00FFFF",
  cyan: "#00FFFF",
  fuchsia: "#FF00FF",
  magenta: "#FF00FF",
  pink: "#FFC0CB",
  brown: "#A52A2A",
  gold: "#FFD700",
  lightgray: "#D3D3D3",
  lightgrey: "#D3D3D3",
  darkgray: "#A9A9A9",
  darkblue: "#00008B",
  darkgreen: "#006400",
  darkred: "#8B0000",
  lightblue: "#ADD8E6",
  lightgreen: "#90EE90",
  lightyellow: "#FFFFE0",
};

/**
 * A colour as Excel stores it ("#RRGGBB", upper case) from "#RGB", "#RRGGBB" or an HTML colour
 * name ("yellow"). Throws InvalidArgument for anything else.
 */
export function asColor(value: unknown, what: string): string {
  if (typeof value === "string") {
    const v = value.trim();
    if (/^#[0-9a-fA-F]{6}$/.test(v)) return v.toUpperCase();
    if (/^#[0-9a-fA-F]{3}$/.test(v)) return `#${v[1]}${v[1]}${v[2]}${v[2]}${v[3]}${v[3]}`.toUpperCase();
    const named = NAMED_COLORS[v.toLowerCase()];
    if (named) return named;
  }
  throw invalidArgument(`${what} must be a colour such as "#FF0000" or "red"`);
}

/** The same value when every entry is equal, else null (Excel's answer for mixed formats). */
export function uniform<T>(list: readonly T[]): T | null {
  if (list.length === 0) return null;
  const first = list[0];
  for (let i = 1; i < list.length; i++) if (list[i] !== first) return null;
  return first;
}
