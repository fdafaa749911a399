// WorkbookHost: answers the Excel JavaScript client's ProcessQuery requests against an in-memory
// workbook, following the observed protocol (docs: excel-client-protocol.md). Actions run in
// order and stop at the first failure, leaving earlier ones applied, as in Excel. It also keeps
// per-sync statistics, enforces Excel on the web's payload limits, and injects faults for tests.

import { ApiEnv, ApiObject, lowerFirst, QueryInfo, queryObject } from "./api";
import { RANGE } from "./api-range";
import { CHART } from "./api-chart";
import { TABLE, WORKBOOK, WORKSHEET } from "./api-workbook";
import { HostError, standardError } from "./errors";
import { WorkbookModel, newWorkbook } from "./model";
import { Rect, parseReference } from "./address";

// ----- protocol shapes

export interface ArgumentInfo {
  Arguments?: unknown[];
  ReferencedObjectPathIds?: unknown[];
}

export interface RequestAction {
  Id: number;
  ActionType: number;
  Name?: string;
  ObjectPathId: number;
  ArgumentInfo?: ArgumentInfo;
  QueryInfo?: QueryInfo;
  L?: number[];
}

export interface RequestObjectPath {
  Id: number;
  ObjectPathType: number;
  Name?: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: ArgumentInfo;
}

export interface RequestBody {
  AutoKeepReference?: boolean;
  Actions: RequestAction[];
  ObjectPaths: Record<string, RequestObjectPath>;
}

export interface ResponseError {
  Code: string;
  Message: string;
  HttpStatusCode: number;
  ActionIndex?: number;
  Location?: string;
}

export interface ResponseBody {
  Results: { ActionId: number; Value: unknown }[];
  TraceIds?: number[];
  Error?: ResponseError;
}

// ----- options, statistics, faults

export interface HostOptions {
  /** Largest request body, in UTF-8 bytes of its JSON (Excel on the web: 5 MB). */
  maxRequestBytes?: number;
  /** Largest response body, in UTF-8 bytes of its JSON (Excel on the web: 5 MB). */
  maxResponseBytes?: number;
  /** Most cells one property load may read (Excel: 5,000,000). */
  maxCellsPerRead?: number;
  /**
   * What a load past `maxCellsPerRead` answers: `RangeExceedsLimit` (default; the documented
   * code, audit row 6) or `null` values, as Excel for Mac 2407 does (office-js #4783, and the
   * note Microsoft added to "Performance optimization": "the API doesn't always throw").
   */
  overCellLimit?: "RangeExceedsLimit" | "null";
  /** Real delay added to each round trip, in milliseconds (default 0: answer at once). */
  latencyMs?: number;
}

export const DEFAULT_PAYLOAD_LIMIT = 5 * 1024 * 1024;
export const DEFAULT_MAX_CELLS_PER_READ = 5_000_000;

/** One add-in sync as the host saw it. */
export interface SyncRecord {
  /** 1-based number of the sync among the add-in's syncs. */
  readonly index: number;
  readonly actions: number;
  readonly requestBytes: number;
  readonly responseBytes: number;
  /** The error code answered, if the sync failed. */
  readonly errorCode?: string;
}

export interface HostStats {
  /** Add-in syncs (requests that carried the add-in's actions). */
  syncs: number;
  actions: number;
  requestBytes: number;
  responseBytes: number;
  /** The client's own clean-up requests after Excel.run (`_RemoveReference` only); not add-in syncs. */
  cleanupSyncs: number;
  records: SyncRecord[];
}

/** What a fault predicate sees about an action. */
export interface ActionInfo {
  /** 1-based add-in sync number. */
  sync: number;
  /** 0-based index in the request's Actions. */
  index: number;
  kind: "Instantiate" | "Query" | "Method" | "SetProperty" | "Trace" | "Other";
  /** Method or property name (PascalCase), "" for Instantiate/Query. */
  name: string;
  /** Server type of the target object ("Range", "Worksheet"…), "" if it could not be resolved. */
  objectType: string;
  /** Sheet of the target object, when it has one. */
  sheetName?: string;
  /** Name of the chart the target belongs to (the chart itself, its title, axes, series…), when it does. */
  chartName?: string;
  args: unknown[];
}

export interface FaultRule {
  /** Fail in this add-in sync (1-based). */
  sync?: number;
  /** Fail at this action index (0-based) of the request. */
  actionIndex?: number;
  /** Fail on actions matching this predicate. */
  match?: (action: ActionInfo) => boolean;
  /** Error code to answer ("GeneralException", "AccessDenied"…). */
  code: string;
  message?: string;
  httpStatusCode?: number;
  /** How many times the rule fires (default 1; Infinity for always). */
  times?: number;
}

/** Byte length of a string in UTF-8, without allocating. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** The types a `_ReferenceId` can name (kept objects: ranges, sheets, charts, tables). */
const REFERABLE = [RANGE, WORKSHEET, CHART, TABLE];

const KINDS: Record<number, ActionInfo["kind"]> = { 1: "Instantiate", 2: "Query", 3: "Method", 4: "SetProperty", 5: "Trace" };

export class WorkbookHost {
  readonly workbook: WorkbookModel;
  readonly options: Required<HostOptions>;
  stats: HostStats = { syncs: 0, actions: 0, requestBytes: 0, responseBytes: 0, cleanupSyncs: 0, records: [] };
  private faults: (FaultRule & { remaining: number })[] = [];
  private listeners = new Set<(host: WorkbookHost) => void>();
  private readonly env: ApiEnv;

  constructor(workbook: WorkbookModel = newWorkbook(), options: HostOptions = {}) {
    this.workbook = workbook;
    this.options = {
      maxRequestBytes: options.maxRequestBytes ?? DEFAULT_PAYLOAD_LIMIT,
      maxResponseBytes: options.maxResponseBytes ?? DEFAULT_PAYLOAD_LIMIT,
      maxCellsPerRead: options.maxCellsPerRead ?? DEFAULT_MAX_CELLS_PER_READ,
      overCellLimit: options.overCellLimit ?? "RangeExceedsLimit",
      latencyMs: options.latencyMs ?? 0,
    };
    const limits = this.options;
    this.env = {
      workbook,
      // read through, so a test that changes the limit later is obeyed
      get maxCellsPerRead() {
        return limits.maxCellsPerRead;
      },
      get overCellLimit() {
        return limits.overCellLimit;
      },
    };
  }

  /**
   * Milliseconds the recorded syncs would have taken with `perSyncMs` of round-trip latency each,
   * so a benchmark can model Excel on the web without sleeping.
   */
  simulatedLatencyMs(perSyncMs: number): number {
    return this.stats.syncs * perSyncMs;
  }

  /** Makes a chosen action fail with a chosen error (see FaultRule). */
  injectFault(rule: FaultRule): void {
    this.faults.push({ ...rule, remaining: rule.times ?? 1 });
  }

  clearFaults(): void {
    this.faults = [];
  }

  /** Calls `listener` after every add-in sync that ran actions (for a live view). */
  onChange(listener: (host: WorkbookHost) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Sets the user's selection ("Sheet1!B2:C4", or "B2" on the active sheet), as a click would;
   * "Sheet1!A1:B2,D4" selects several areas, as Ctrl+click does (the first holds the active cell).
   */
  select(address: string): void {
    const [first, ...others] = address.split(",");
    const parsed = parseReference(first);
    const sheet = parsed?.sheet !== undefined ? this.workbook.sheet(parsed.sheet) : this.workbook.activeSheet();
    const more = others.map((a) => parseReference(a));
    if (!parsed || !sheet || more.some((m) => !m || (m.sheet !== undefined && this.workbook.sheet(m.sheet) !== sheet))) {
      throw new Error(`Not a selectable address: ${address}`);
    }
    this.workbook.select(sheet, parsed, ...(more as Rect[]));
  }

  /** Answers one request, waiting `latencyMs` first when set. */
  async handle(body: RequestBody): Promise<ResponseBody> {
    if (this.options.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.options.latencyMs));
    return this.process(body);
  }

  /** Answers one request synchronously. */
  process(body: RequestBody): ResponseBody {
    const actions = Array.isArray(body?.Actions) ? body.Actions : [];
    if (isCleanup(actions)) {
      this.stats.cleanupSyncs++;
      return { Results: [] };
    }
    const requestBytes = utf8Length(JSON.stringify(body));
    const sync = this.stats.syncs + 1;
    let response: ResponseBody;
    if (requestBytes > this.options.maxRequestBytes) {
      // Excel on the web refuses the whole request: nothing is applied.
      response = { Results: [], Error: errorBody(new HostError("RequestPayloadSizeLimitExceeded")) };
    } else {
      response = this.execute(body, actions, sync);
    }
    let responseText = JSON.stringify(response);
    let responseBytes = utf8Length(responseText);
    if (responseBytes > this.options.maxResponseBytes) {
      // The actions have run (Excel on the web also runs them before the answer is refused);
      // only the answer is replaced by the error, so writes in the same sync stay applied.
      response = { Results: [], Error: errorBody(new HostError("ResponsePayloadSizeLimitExceeded")) };
      responseText = JSON.stringify(response);
      responseBytes = utf8Length(responseText);
    }
    this.stats.syncs = sync;
    this.stats.actions += actions.length;
    this.stats.requestBytes += requestBytes;
    this.stats.responseBytes += responseBytes;
    this.stats.records.push({
      index: sync,
      actions: actions.length,
      requestBytes,
      responseBytes,
      ...(response.Error ? { errorCode: response.Error.Code } : {}),
    });
    if (actions.some((a) => a.ActionType !== 2 && a.ActionType !== 1)) for (const l of this.listeners) l(this);
    return response;
  }

  private execute(body: RequestBody, actions: RequestAction[], sync: number): ResponseBody {
    const paths = body.ObjectPaths ?? {};
    const cache = new Map<number, ApiObject>();
    const kept = new Set<number>();
    const results: { ActionId: number; Value: unknown }[] = [];
    const traceIds: number[] = [];
    const evalPath = (id: number): ApiObject => {
      const hit = cache.get(id);
      if (hit) return hit;
      const path = paths[String(id)];
      if (!path) throw new HostError("InvalidArgument", `Unknown object path ${id}.`);
      const obj = this.evaluatePath(path, evalPath, resolveArgs);
      cache.set(id, obj);
      return obj;
    };
    const resolveArgs = (info?: ArgumentInfo): unknown[] => {
      const args = info?.Arguments ?? [];
      const refs = info?.ReferencedObjectPathIds;
      return args.map((a, i) => resolveArg(a, refs?.[i], evalPath));
    };

    for (let index = 0; index < actions.length; index++) {
      const action = actions[index];
      let target: ApiObject | undefined;
      try {
        if (action.ActionType === 5) {
          traceIds.push(action.Id);
          continue;
        }
        const path = paths[String(action.ObjectPathId)];
        if (action.ActionType === 1 && path?.ObjectPathType === 3 && path.ParentObjectPathId !== undefined && !cache.has(action.ObjectPathId)) {
          // A method path (worksheets.add, names.add…) runs when instantiated: a fault meant for it
          // must fire before it runs, as a failing call in Excel changes nothing. The rule sees the
          // method's name on its collection.
          const parent = evalPath(path.ParentObjectPathId);
          this.checkFaults({ ...action, Name: path.Name ?? "" }, index, sync, parent, () => resolveArgs(path.ArgumentInfo));
          target = evalPath(action.ObjectPathId);
        } else {
          target = evalPath(action.ObjectPathId);
          this.checkFaults(action, index, sync, target, () => resolveArgs(action.ArgumentInfo));
        }
        switch (action.ActionType) {
          case 1: {
            const value = instantiateAnswer(target, kept.has(action.ObjectPathId));
            results.push({ ActionId: action.Id, Value: value });
            break;
          }
          case 2:
            results.push({ ActionId: action.Id, Value: queryObject(target, action.QueryInfo) });
            break;
          case 3: {
            const name = action.Name ?? "";
            if (name === "_KeepReference") {
              kept.add(action.ObjectPathId);
              break;
            }
            if (name === "_RemoveReference") break; // references are stateless: nothing to free
            target.checkAlive();
            const value = target.call(name, resolveArgs(action.ArgumentInfo));
            if (value !== undefined && !(value instanceof ApiObject)) results.push({ ActionId: action.Id, Value: value });
            break;
          }
          case 4:
            target.checkAlive();
            target.set(action.Name ?? "", resolveArgs(action.ArgumentInfo)[0]);
            break;
          default:
            throw new HostError("NotImplemented", `The in-memory workbook host does not implement action type ${action.ActionType}.`);
        }
      } catch (e) {
        const err = e instanceof HostError ? e : new HostError("GeneralException", e instanceof Error ? e.message : String(e));
        if (!err.location) {
          if (action.ActionType === 1) err.location = pathLocation(paths[String(action.ObjectPathId)], cache, paths);
          else if (target) err.location = `${target.locationName}.${lowerFirst(action.Name ?? "")}`;
        }
        return { Results: results, TraceIds: traceIds, Error: { ...errorBody(err), ActionIndex: index } };
      }
    }
    return traceIds.length > 0 ? { Results: results, TraceIds: traceIds } : { Results: results };
  }

  /** The object a path names. A null parent gives null children; a deleted one fails as Excel does. */
  private evaluatePath(path: RequestObjectPath, evalPath: (id: number) => ApiObject, resolveArgs: (info?: ArgumentInfo) => unknown[]): ApiObject {
    if (path.ObjectPathType === 1) return ApiObject.of(this.env, WORKBOOK, {});
    if (path.ObjectPathType === 6) return ApiObject.fromReference(this.env, path.Name ?? "", REFERABLE);
    if (path.ObjectPathType === 7) return ApiObject.null(this.env);
    if (path.ObjectPathType < 3 || path.ObjectPathType > 5) {
      throw new HostError("NotImplemented", `The in-memory workbook host does not implement object path type ${path.ObjectPathType}.`);
    }
    if (path.ParentObjectPathId === undefined) throw new HostError("InvalidArgument", `Object path ${path.Id} has no parent.`);
    const parent = evalPath(path.ParentObjectPathId);
    if (parent.isNull) return parent;
    parent.checkAlive();
    const name = path.Name ?? "";
    if (path.ObjectPathType === 5) return parent.indexer(resolveArgs(path.ArgumentInfo)[0]);
    const child = path.ObjectPathType === 3 ? parent.call(name, resolveArgs(path.ArgumentInfo)) : parent.nav(name);
    if (child instanceof ApiObject) return child;
    if (path.ObjectPathType === 3) throw new HostError("InvalidArgument", `${parent.typeName}.${name} does not return an object.`);
    throw new HostError("NotImplemented", `The in-memory workbook host does not implement ${parent.typeName}.${name}.`);
  }

  private checkFaults(action: RequestAction, index: number, sync: number, target: ApiObject, args: () => unknown[]): void {
    if (this.faults.length === 0) return;
    for (const rule of this.faults) {
      if (rule.remaining <= 0) continue;
      if (rule.sync !== undefined && rule.sync !== sync) continue;
      if (rule.actionIndex !== undefined && rule.actionIndex !== index) continue;
      if (rule.match) {
        const info: ActionInfo = {
          sync,
          index,
          kind: KINDS[action.ActionType] ?? "Other",
          name: action.Name ?? "",
          objectType: target.typeName,
          args: safeArgs(args),
          ...sheetOf(target),
        };
        if (!rule.match(info)) continue;
      }
      rule.remaining--;
      throw new HostError(rule.code, rule.message ?? standardError(rule.code).message, rule.httpStatusCode);
    }
  }
}

function safeArgs(args: () => unknown[]): unknown[] {
  try {
    return args();
  } catch {
    return [];
  }
}

function sheetOf(obj: ApiObject): { sheetName?: string; chartName?: string } {
  const name = obj.owners.sheet?.name;
  const chart = obj.owners.chart?.name;
  return { ...(name === undefined ? {} : { sheetName: name }), ...(chart === undefined ? {} : { chartName: chart }) };
}

/** True for the client's clean-up request after Excel.run: only `_RemoveReference` calls. */
function isCleanup(actions: RequestAction[]): boolean {
  let removes = 0;
  for (const a of actions) {
    if (a.ActionType === 3 && a.Name === "_RemoveReference") removes++;
    else if (a.ActionType !== 1) return false;
  }
  return removes > 0;
}

/**
 * The Instantiate answer: null for a null object; a reference id for a kept object; the Id of
 * an item that its collection can find again (worksheet, chart, table, name, setting, XML part);
 * otherwise {} (exists, but only valid in this request, as in Excel).
 */
function instantiateAnswer(obj: ApiObject, kept: boolean): unknown {
  if (obj.isNull) return null;
  obj.checkAlive();
  if (kept) {
    const ref = obj.referenceId();
    if (ref !== undefined) return { _ReferenceId: ref };
  }
  const id = obj.itemId();
  if (id !== undefined) return { Id: id };
  return {};
}

function resolveArg(value: unknown, ref: unknown, evalPath: (id: number) => ApiObject): unknown {
  if (typeof ref === "number" && ref !== 0) return evalPath(ref);
  if (Array.isArray(ref) && Array.isArray(value)) return value.map((v, i) => resolveArg(v, ref[i], evalPath));
  if (value && typeof value === "object" && !Array.isArray(value) && typeof (value as { _ObjectPathId?: unknown })._ObjectPathId === "number") {
    return evalPath((value as { _ObjectPathId: number })._ObjectPathId);
  }
  return value;
}

function errorBody(err: HostError): ResponseError {
  return {
    Code: err.code,
    Message: err.message,
    HttpStatusCode: err.httpStatusCode,
    ...(err.location ? { Location: err.location } : {}),
  };
}


/** "Worksheets.GetItem"-style location of a failing path. */
function pathLocation(path: RequestObjectPath | undefined, cache: Map<number, ApiObject>, paths: Record<string, RequestObjectPath>): string | undefined {
  if (!path) return undefined;
  const parent = path.ParentObjectPathId !== undefined ? cache.get(path.ParentObjectPathId) : undefined;
  const parentName = parent?.locationName ?? paths[String(path.ParentObjectPathId)]?.Name ?? "";
  const member = path.ObjectPathType === 5 ? "GetItem" : path.Name ?? "";
  return parentName ? `${parentName}.${member}` : member;
}
