// The server side of Excel's object model, declared: each Excel type is an ApiType (its
// properties with their reads, validators and writes, its navigations, methods and, for a
// collection, its items and lookup), and one engine (ApiObject) answers the client's reads, writes,
// navigations and calls from that description. Rules every type shares are stated here once:
// liveness (gone with its sheet, chart or series), collections (getItem, getItemOrNullObject,
// getItemAt, getCount, count, the indexer), *OrNullObject twins, null objects and loading.

import { HostError, invalidArgument, itemNotFound } from "./errors";
import type { ChartModel, ChartSeriesModel, SheetModel, WorkbookModel } from "./model";

/** What every ApiObject can reach: the workbook and the host's limits. */
export interface ApiEnv {
  readonly workbook: WorkbookModel;
  /** A load that reads more cells than this in one property fails (Excel: 5,000,000). */
  readonly maxCellsPerRead: number;
  /** What such a load answers: Excel's documented error, or null as some builds do (see HostOptions). */
  readonly overCellLimit: "RangeExceedsLimit" | "null";
}

/** The result of a method: an ApiObject, a value for a ClientResult, or undefined for none. */
export type MethodResult = unknown;

/** A validator: the written value as the model stores it, or InvalidArgument naming `what`. */
export type Check = (value: unknown, what: string) => unknown;

/** One property of an Excel type. */
export interface Prop<S> {
  /** Reads it; without `get` the property is write-only. */
  get?(s: S, o: ApiObject): unknown;
  /** Validates a write before `set` sees it (given the property's camelCase name). */
  check?: Check;
  /** Stores a checked value; without `set` the property is read-only. */
  set?(s: S, value: any, o: ApiObject): void;
  /** Left out of a load() that names no property (Excel leaves out these too). */
  hidden?: boolean;
}

type Method<S> = (s: S, args: unknown[], o: ApiObject) => MethodResult;

/** An Excel type, described once: the engine answers every action on it from this. */
export interface ApiType<S> {
  /** Excel's type name, used in error locations and fault rules ("Range", "Worksheet"). */
  readonly name: string;
  /** For a collection: the property name errors are located at ("Worksheets"). */
  readonly collection?: string;
  /** Scalar properties, in the order a load() with no select answers them. */
  readonly props?: Readonly<Record<string, Prop<S>>>;
  /** Navigation properties (child objects). */
  readonly navs?: Readonly<Record<string, (s: S, o: ApiObject) => ApiObject | undefined>>;
  readonly methods?: Readonly<Record<string, Method<S>>>;
  /** A collection's items, in order. */
  items?(s: S, o: ApiObject): ApiObject[];
  /** A collection's lookup by key (name or id) for getItem, getItemOrNullObject and the indexer. */
  find?(s: S, key: unknown, o: ApiObject): ApiObject | undefined;
  /** Whether the object still exists, beyond its sheet, chart and series (checked for every type). */
  alive?(s: S, o: ApiObject): boolean;
  /** The id that addresses it through its collection, answered as `Id`. */
  id?(s: S): string;
  /** A stateless reference id for a kept object, answered as `_ReferenceId`. */
  readonly reference?: Reference<S>;
  /** Runs before every property write (a protection guard), given the error location. */
  beforeSet?(s: S, location: string): void;
}

/** How a kept object is written into a reference id and found again from it ("range|…"). */
export interface Reference<S> {
  readonly key: string;
  write(s: S): readonly (string | number)[];
  read(parts: string[], workbook: WorkbookModel): S;
}

/** The parts of a state the engine knows: the sheet, chart and series an object lives on. */
interface Owners {
  sheet?: SheetModel;
  chart?: ChartModel;
  series?: ChartSeriesModel;
}

const NULL_TYPE: ApiType<object> = { name: "NullObject" };

/** An object of one Excel type with its state, answering through the type's description. */
export class ApiObject {
  private readonly spec: ApiType<any>;

  private constructor(
    readonly env: ApiEnv,
    spec: ApiType<any>,
    readonly state: any,
  ) {
    this.spec = spec;
  }

  /** An object of `type` with `state`. */
  static of<S>(env: ApiEnv, type: ApiType<S>, state: NoInfer<S>): ApiObject {
    return new ApiObject(env, type, state);
  }

  /** The null object (from *OrNullObject when the item is missing): reads give null, writes are ignored. */
  static null(env: ApiEnv): ApiObject {
    return new ApiObject(env, NULL_TYPE, {});
  }

  /** A sibling object of `type` in the same environment. */
  make<S>(type: ApiType<S>, state: NoInfer<S>): ApiObject {
    return ApiObject.of(this.env, type, state);
  }

  /** The null object (from *OrNullObject when the item is missing). */
  nullObject(): ApiObject {
    return ApiObject.null(this.env);
  }

  /** The object of one of `types` again from a reference id handed out earlier. */
  static fromReference(env: ApiEnv, ref: string, types: readonly ApiType<any>[]): ApiObject {
    const [key, ...parts] = ref.split("|");
    const type = types.find((t) => t.reference?.key === key);
    if (!type) throw new HostError("InvalidReference", `Unknown reference ${ref}.`);
    return new ApiObject(env, type, type.reference!.read(parts, env.workbook));
  }

  /** The state when the object is of `type`, else undefined. */
  stateAs<S>(type: ApiType<S>): S | undefined {
    return this.spec === type ? (this.state as S) : undefined;
  }

  get typeName(): string {
    return this.spec.name;
  }
  get isCollection(): boolean {
    return this.spec.items !== undefined;
  }
  get isNull(): boolean {
    return this.spec === NULL_TYPE;
  }
  /** Name used in error locations: collections use the property name ("Worksheets"). */
  get locationName(): string {
    return this.spec.collection ?? this.spec.name;
  }
  /** The sheet and chart it belongs to, for fault rules. */
  get owners(): Owners {
    return this.state as Owners;
  }

  /** Scalar properties (PascalCase) a load() with no select returns, in Excel's order. */
  scalarNames(): readonly string[] {
    const props = this.spec.props ?? {};
    const names = Object.keys(props).filter((k) => props[k].get && !props[k].hidden);
    return this.isCollection ? [...names, "Count"] : names;
  }

  get(name: string): unknown {
    if (this.isNull) return null;
    const prop = this.spec.props?.[name];
    if (prop?.get) return prop.get(this.state, this);
    if (name === "Count" && this.isCollection) return this.allItems().length;
    throw this.unknown(name);
  }

  set(name: string, value: unknown): void {
    // A write queued on a null object is ignored: Excel gives no error for it (documented choice).
    if (this.isNull) return;
    const location = `${this.locationName}.${lowerFirst(name)}`;
    this.spec.beforeSet?.(this.state, location);
    const prop = this.spec.props?.[name];
    if (!prop?.set) throw this.unknown(name);
    prop.set(this.state, prop.check ? prop.check(value, lowerFirst(name)) : value, this);
  }

  /** A navigation property (a child object), or undefined when `name` is not one. */
  nav(name: string): ApiObject | undefined {
    if (this.isNull) return this;
    return this.spec.navs?.[name]?.(this.state, this);
  }

  /** A method: an ApiObject for object-returning methods, else a value or undefined. */
  call(name: string, args: unknown[]): MethodResult {
    // Object-returning methods of a null object give null objects; Delete and others do nothing.
    if (this.isNull) return this;
    const own = this.spec.methods?.[name];
    if (own) {
      const result = own(this.state, args, this);
      // A finder shared with an *OrNullObject twin may answer its error: the plain form throws it.
      if (result instanceof HostError) throw result;
      return result;
    }
    const spec = this.spec;
    if (spec.find && name === "GetItem") return this.indexer(args[0]);
    if (spec.find && name === "GetItemOrNullObject") return spec.find(this.state, args[0], this) ?? this.nullObject();
    if (spec.items && name === "GetCount") return this.allItems().length;
    if (spec.items && name === "GetItemAt") {
      const item = this.allItems()[asInteger(args[0], "index")];
      if (!item) throw itemNotFound();
      return item;
    }
    throw this.unknown(name);
  }

  /** Collection items, in order. */
  items(): ApiObject[] {
    return this.isCollection ? this.allItems() : [];
  }

  /** The collection indexer (`getItem(key)` sent as ObjectPathType 5). */
  indexer(key: unknown): ApiObject {
    if (this.isNull) return this;
    if (!this.spec.find) throw this.unknown("GetItem");
    const item = this.spec.find(this.state, key, this);
    if (!item) throw itemNotFound();
    return item;
  }

  itemId(): string | undefined {
    return this.isNull ? undefined : this.spec.id?.(this.state);
  }

  referenceId(): string | undefined {
    const ref = this.spec.reference;
    return ref && [ref.key, ...ref.write(this.state)].join("|");
  }

  /**
   * Throws ItemNotFound when the object no longer exists (its sheet, chart or series was deleted,
   * or the type's own item). The host calls it before every query, property write and method call.
   */
  checkAlive(): void {
    const { sheet, chart, series } = this.owners;
    if (sheet?.deleted || (chart && !sheet?.charts.includes(chart)) || (series && !chart?.series.includes(series))) throw itemNotFound();
    if (this.spec.alive && !this.spec.alive(this.state, this)) throw itemNotFound();
  }

  private allItems(): ApiObject[] {
    return this.spec.items!(this.state, this);
  }

  private unknown(member: string): HostError {
    const err = new HostError("NotImplemented", `The in-memory workbook host does not implement ${this.typeName}.${member}.`);
    err.location = `${this.locationName}.${member}`;
    return err;
  }
}

/** A collection over a model list: each entry becomes an object through `item`; `lookup` finds one by key. */
export function collectionOf<S, T>(spec: {
  name: string;
  collection: string;
  list(s: S, o: ApiObject): readonly T[];
  item(o: ApiObject, entry: T, s: S): ApiObject;
  lookup?(s: S, key: string, o: ApiObject): T | undefined;
  methods?: Record<string, Method<S>>;
}): ApiType<S> {
  const { list, item, lookup } = spec;
  return {
    name: spec.name,
    collection: spec.collection,
    methods: spec.methods,
    items: (s, o) => list(s, o).map((entry) => item(o, entry, s)),
    find: lookup && ((s, key, o) => {
      const entry = lookup(s, String(key), o);
      return entry === undefined ? undefined : item(o, entry, s);
    }),
  };
}

/**
 * A lookup method and its *OrNullObject twin from one finder: `find` gives the object, or the
 * error the plain form throws (the twin answers a null object instead).
 */
export function orNull<S>(name: string, find: (s: S, args: unknown[], o: ApiObject) => ApiObject | HostError): Record<string, Method<S>> {
  return {
    [name]: (s, args, o) => {
      const found = find(s, args, o);
      if (found instanceof HostError) throw found;
      return found;
    },
    [`${name}OrNullObject`]: (s, args, o) => {
      const found = find(s, args, o);
      return found instanceof HostError ? o.nullObject() : found;
    },
  };
}

/** Property helpers: a model field read with a fallback and written through `check`. */
export function field<S, M extends object>(model: (s: S) => M, key: keyof M & string, check?: Check, fallback: unknown = undefined): Prop<S> {
  const read = (s: S) => model(s)[key] ?? fallback;
  if (!check) return { get: read };
  return { get: read, check, set: (s, v) => ((model(s) as Record<string, unknown>)[key] = v) };
}

/** A property Excel answers with a fixed value; `accepts` lets a write through and ignores it. */
export function fixed<S>(value: unknown, accepts = false): Prop<S> {
  return accepts ? { get: () => value, set: () => undefined } : { get: () => value };
}

/** The item when there is one; ItemNotFound (Excel's answer for a missing item) when not. */
export function found<T>(item: T | undefined): T {
  if (item === undefined) throw itemNotFound();
  return item;
}

/** A method that does nothing here (Activate, Calculate…). */
export const nothing = (): MethodResult => undefined;

/** An optional argument with its default (the client sends a missing one as null). */
export function optional<T>(arg: unknown, fallback: T, check: (v: unknown, what: string) => T, what: string): T {
  return arg === null || arg === undefined ? fallback : check(arg, what);
}

/** "Values" → "values": how an error location names a member (Range.values). */
export function lowerFirst(name: string): string {
  return name.length === 0 ? name : name[0].toLowerCase() + name.slice(1);
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

/** A validator for one of `allowed` (see asEnum). */
export const oneOf =
  <T extends string>(allowed: readonly T[]) =>
  (value: unknown, what: string): T =>
    asEnum(value, allowed, what);

/** A validator for a number (or whole number) from `min` to `max`. */
export const within =
  (min: number, max = Infinity, check: (v: unknown, what: string) => number = asNumber) =>
  (value: unknown, what: string): number => {
    const n = check(value, what);
    if (n < min || n > max) throw invalidArgument(max === Infinity ? `${what} must not be below ${min}` : `${what} must be ${min}..${max}`);
    return n;
  };

/** A validator for text that is not empty. */
export function nonEmpty(value: unknown, what: string): string {
  const text = asString(value, what);
  if (text === "") throw invalidArgument(`${what} must not be empty`);
  return text;
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
