// Workbook-level objects, described once per Excel type: the workbook, worksheets, freeze panes,
// protection, tables, named items, settings, custom XML parts and the application, answering as
// Excel does (ItemNotFound for a missing getItem, null objects for *OrNullObject, Excel's
// sheet-name rules).

import { MAX_COLUMNS, MAX_ROWS, Rect, absoluteAddress, intersect, isUnbounded, parseReference, quoteSheetName, replaceSheetReferences } from "./address";
import { ApiEnv, ApiObject, ApiType, asBoolean, collectionOf, asColor, asInteger, asNumber, asString, field, fixed, found, nothing, oneOf, optional, orNull, within } from "./api";
import { CHART_COLLECTION } from "./api-chart";
import { RANGE, guardEditable, rangeArgument, rangeAt, rangeLinks, resolveAddress } from "./api-range";
import { HostError, invalidArgument, itemAlreadyExists, itemNotFound } from "./errors";
import { cellValue } from "./formula";
import { NamedItemModel, ProtectionModel, SheetModel, SheetVisibility, STANDARD_ROW_HEIGHT, TableModel } from "./model";

type Root = Record<string, never>;
interface OnSheet {
  sheet: SheetModel;
}
/** A collection of the workbook (`sheet` undefined) or of one sheet (tables, names). */
interface Scoped {
  sheet?: SheetModel;
}

const wbOf = (o: ApiObject) => o.env.workbook;
const A1: Rect = { row: 0, column: 0, rowCount: 1, columnCount: 1 };

/**
 * protect()/unprotect() of a workbook's structure or a sheet: protecting twice is
 * InvalidOperation ([T]: "Fails if the workbook has been protected"; the code is not documented),
 * a wrong password InvalidArgument. `protect` gives the new protection from the arguments.
 */
function protectionMethods<S>(what: string, current: (s: S, o: ApiObject) => ProtectionModel, put: (s: S, p: ProtectionModel, o: ApiObject) => void, protect: (args: unknown[]) => ProtectionModel) {
  return {
    Protect: (s: S, args: unknown[], o: ApiObject) => {
      if (current(s, o).protected) throw new HostError("InvalidOperation", `The ${what} is already protected.`);
      put(s, protect(args), o);
    },
    Unprotect: (s: S, args: unknown[], o: ApiObject) => {
      const p = current(s, o);
      if (!p.protected) return;
      if (p.password !== undefined && args[0] !== p.password) throw new HostError("InvalidArgument", "The password is incorrect.");
      put(s, { protected: false }, o);
    },
  };
}
const password = (arg: unknown) => (typeof arg === "string" && arg !== "" ? { password: arg } : {});

// ---------------------------------------------------------------------------------------------
// The workbook

const WORKBOOK_PROTECTION: ApiType<Root> = {
  name: "WorkbookProtection",
  props: { Protected: { get: (_, o) => wbOf(o).structureProtection.protected } },
  methods: protectionMethods<Root>(
    "workbook",
    (_, o) => wbOf(o).structureProtection,
    (_, p, o) => (wbOf(o).structureProtection = p),
    (args) => ({ protected: true, ...password(args[0]) }),
  ),
};

const APPLICATION: ApiType<Root> = {
  name: "Application",
  props: {
    CalculationMode: { get: (_, o) => wbOf(o).calculationMode },
    CalculationEngineVersion: fixed(1),
    CalculationState: fixed("Done"),
  },
  methods: { Calculate: nothing, SuspendApiCalculationUntilNextSync: nothing, SuspendScreenUpdatingUntilNextSync: nothing },
};

export const WORKBOOK: ApiType<Root> = {
  name: "Workbook",
  props: {
    Name: { get: (_, o) => wbOf(o).name },
    ReadOnly: fixed(false),
    IsDirty: { get: (_, o) => wbOf(o).cellVersion > 0 },
    AutoSave: fixed(false),
    CalculationEngineVersion: fixed(1),
    ChartDataPointTrack: fixed(true),
    UsePrecisionAsDisplayed: fixed(false),
    PreviouslySaved: fixed(true),
  },
  navs: {
    Worksheets: (_, o) => o.make(WORKSHEETS, {}),
    Tables: (_, o) => o.make(TABLES, {}),
    Names: (_, o) => o.make(NAMES, {}),
    Settings: (_, o) => o.make(SETTINGS, {}),
    CustomXmlParts: (_, o) => o.make(CUSTOM_XML_PARTS, {}),
    Application: (_, o) => o.make(APPLICATION, {}),
    Protection: (_, o) => o.make(WORKBOOK_PROTECTION, {}),
  },
  methods: {
    GetSelectedRange: (_, __, o) => {
      const { sheet, rect, areas } = wbOf(o).currentSelection();
      // Audit row 14: "If there are multiple ranges selected, this method will throw an error"
      // (the typings' Workbook.getSelectedRange, [T]). The code is not documented;
      // InvalidSelection ("The current selection is invalid for this operation", [E]) is the one
      // Excel.ErrorCodes has for it.
      if (areas.length > 1) throw new HostError("InvalidSelection");
      return o.make(RANGE, { sheet, rect });
    },
    GetActiveCell: (_, __, o) => {
      const { sheet, rect } = wbOf(o).currentSelection();
      return o.make(RANGE, { sheet, rect: { ...A1, row: rect.row, column: rect.column } });
    },
  },
};

// ---------------------------------------------------------------------------------------------
// Worksheets

const VISIBILITIES: readonly SheetVisibility[] = ["Visible", "Hidden", "VeryHidden"];
const sheetObject = (o: ApiObject, sheet: SheetModel) => o.make(WORKSHEET, { sheet });
rangeLinks.worksheet = sheetObject;

/** The sheets, or only the visible ones when the argument (visibleOnly) is true. */
const sheetsOf = (o: ApiObject, visibleOnly: unknown, keep?: SheetModel) => wbOf(o).sheets.filter((s) => s === keep || visibleOnly !== true || s.visibility === "Visible");

const WORKSHEETS = collectionOf<Root, SheetModel>({
  name: "WorksheetCollection",
  collection: "Worksheets",
  list: (_, o) => wbOf(o).sheets,
  item: sheetObject,
  lookup: (_, key, o) => wbOf(o).sheet(key),
  methods: {
    Add: (_, args, o) => {
      guardStructure(o.env, "Worksheets.add");
      if (args[0] !== undefined && args[0] !== null && typeof args[0] !== "string") throw invalidArgument("worksheet name");
      return sheetObject(o, wbOf(o).addSheet(args[0] as string | null | undefined));
    },
    GetActiveWorksheet: (_, __, o) => sheetObject(o, wbOf(o).activeSheet()),
    GetCount: (_, args, o) => sheetsOf(o, args[0]).length,
    GetFirst: (_, args, o) => sheetObject(o, found(sheetsOf(o, args[0])[0])),
    GetLast: (_, args, o) => sheetObject(o, found(sheetsOf(o, args[0]).at(-1))),
  },
});

/** The sheet `step` places after (1) or before (-1) this one, among the visible ones when asked. */
const neighbour = (step: number) => (s: OnSheet, args: unknown[], o: ApiObject) => {
  const list = sheetsOf(o, args[0], s.sheet);
  const other = list[list.indexOf(s.sheet) + step];
  return other ? sheetObject(o, other) : itemNotFound();
};

export const WORKSHEET: ApiType<OnSheet> = {
  name: "Worksheet",
  id: (s) => s.sheet.id,
  reference: {
    key: "sheet",
    write: (s) => [s.sheet.id],
    read: ([id], wb) => {
      const sheet = wb.sheetById(id);
      if (!sheet) throw new HostError("InvalidReference", `The referenced worksheet no longer exists.`);
      return { sheet };
    },
  },
  props: {
    EnableCalculation: fixed(true),
    Id: { get: (s) => s.sheet.id },
    Name: {
      get: (s) => s.sheet.name,
      set: ({ sheet }, value, o) => {
        wbOf(o).checkSheetName(value, sheet);
        if (value !== sheet.name) guardStructure(o.env, "Worksheet.name");
        renameSheet(o.env, sheet, value as string);
      },
    },
    Position: {
      get: (s) => s.sheet.position,
      check: asInteger,
      set: ({ sheet }, p: number, o) => {
        const wb = wbOf(o);
        if (p !== sheet.position) guardStructure(o.env, "Worksheet.position");
        if (p < 0 || p >= wb.sheets.length) throw invalidArgument("position outside the workbook");
        wb.moveSheet(sheet, p);
      },
    },
    ShowGridlines: field((s) => s.sheet, "showGridlines", asBoolean),
    ShowHeadings: fixed(true),
    StandardHeight: fixed(STANDARD_ROW_HEIGHT),
    StandardWidth: fixed(8.43),
    TabColor: field((s) => s.sheet, "tabColor", (v, what) => (v === "" || v === null ? "" : asColor(v, what))),
    Visibility: {
      get: (s) => s.sheet.visibility,
      check: oneOf(VISIBILITIES),
      set: ({ sheet }, v: SheetVisibility, o) => {
        const wb = wbOf(o);
        if (v !== sheet.visibility) guardStructure(o.env, "Worksheet.visibility");
        if (v !== "Visible" && !wb.sheets.some((other) => other !== sheet && other.visibility === "Visible")) {
          throw new HostError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
        }
        sheet.visibility = v;
        if (v !== "Visible" && wb.activeSheetId === sheet.id) wb.select(wb.sheets.find((other) => other.visibility === "Visible")!, A1);
      },
    },
  },
  navs: {
    Charts: (s, o) => o.make(CHART_COLLECTION, s),
    Tables: (s, o) => o.make(TABLES, s),
    Names: (s, o) => o.make(NAMES, s),
    FreezePanes: (s, o) => o.make(FREEZE_PANES, s),
    Protection: (s, o) => o.make(WORKSHEET_PROTECTION, s),
    PageLayout: (s, o) => o.make(PAGE_LAYOUT, s),
  },
  methods: {
    GetRange: ({ sheet }, args, o) => {
      if (args[0] === undefined || args[0] === null || args[0] === "") return rangeAt(o, sheet, { row: 0, column: 0, rowCount: MAX_ROWS, columnCount: MAX_COLUMNS });
      const target = resolveAddress(o.env, asString(args[0], "address"), sheet);
      if (target.sheet !== sheet) throw invalidArgument("the address names another worksheet");
      return rangeAt(o, sheet, target.rect);
    },
    GetRangeByIndexes: ({ sheet }, [row, column, rowCount, columnCount], o) =>
      rangeAt(o, sheet, { row: asInteger(row, "startRow"), column: asInteger(column, "startColumn"), rowCount: asInteger(rowCount, "rowCount"), columnCount: asInteger(columnCount, "columnCount") }),
    GetCell: ({ sheet }, args, o) => rangeAt(o, sheet, { ...A1, row: asInteger(args[0], "row"), column: asInteger(args[1], "column") }),
    // Excel: a blank sheet's used range is A1; the OrNullObject form gives a null object.
    ...orNull<OnSheet>("GetUsedRange", ({ sheet }, args, o) => {
      const used = sheet.usedRect(args[0] === true);
      return used ? rangeAt(o, sheet, used) : itemNotFound();
    }),
    GetUsedRange: ({ sheet }, args, o) => rangeAt(o, sheet, sheet.usedRect(args[0] === true) ?? A1),
    Activate: ({ sheet }, _, o) => {
      if (sheet.visibility !== "Visible") throw new HostError("InvalidOperation", "A hidden worksheet cannot be activated.");
      wbOf(o).select(sheet, A1);
    },
    Delete: ({ sheet }, _, o) => {
      guardStructure(o.env, "Worksheet.delete");
      wbOf(o).deleteSheet(sheet);
    },
    Calculate: nothing,
    ...orNull("GetNext", neighbour(1)),
    ...orNull("GetPrevious", neighbour(-1)),
  },
};

const FREEZE_PANES: ApiType<OnSheet> = {
  name: "WorksheetFreezePanes",
  methods: {
    FreezeRows: (s, args) => void (s.sheet.freeze = { rows: optional(args[0], 1, within(0, MAX_ROWS - 1, asInteger), "count"), columns: 0 }),
    FreezeColumns: (s, args) => void (s.sheet.freeze = { rows: 0, columns: optional(args[0], 1, within(0, MAX_COLUMNS - 1, asInteger), "count") }),
    FreezeAt: (s, args, o) => {
      const { rect } = rangeArgument(o.env, args[0], s.sheet);
      s.sheet.freeze = { rows: rect.rowCount === MAX_ROWS ? 0 : rect.row + rect.rowCount, columns: rect.columnCount === MAX_COLUMNS ? 0 : rect.column + rect.columnCount };
    },
    Unfreeze: (s) => void (s.sheet.freeze = { rows: 0, columns: 0 }),
    ...orNull<OnSheet>("GetLocation", ({ sheet }, _, o) => {
      const { rows, columns } = sheet.freeze;
      if (rows === 0 && columns === 0) return itemNotFound();
      return o.make(RANGE, { sheet, rect: { row: 0, column: 0, rowCount: rows || MAX_ROWS, columnCount: columns || MAX_COLUMNS } });
    }),
  },
};

/** Worksheet.pageLayout (ExcelApi 1.9): the orientation and zoom a printout uses. */
const PAGE_LAYOUT: ApiType<OnSheet> = {
  name: "PageLayout",
  props: {
    Orientation: field((s) => s.sheet.pageLayout, "orientation", oneOf(["Portrait", "Landscape"] as const)),
    Zoom: {
      get: ({ sheet: { pageLayout: layout } }) => ({
        scale: layout.horizontalFitToPages || layout.verticalFitToPages ? null : layout.scale,
        horizontalFitToPages: layout.horizontalFitToPages || null,
        verticalFitToPages: layout.verticalFitToPages || null,
      }),
      set: ({ sheet: { pageLayout: layout } }, value) => {
        if (typeof value !== "object" || value === null) throw invalidArgument("zoom");
        const zoom = value as { scale?: unknown; horizontalFitToPages?: unknown; verticalFitToPages?: unknown };
        const fitting = zoom.horizontalFitToPages !== undefined || zoom.verticalFitToPages !== undefined;
        if (zoom.scale !== undefined && zoom.scale !== null) {
          const scale = asNumber(zoom.scale, "zoom.scale");
          if (scale < 10 || scale > 400 || fitting) throw invalidArgument("zoom.scale");
          Object.assign(layout, { scale, horizontalFitToPages: 0, verticalFitToPages: 0 });
        } else {
          layout.horizontalFitToPages = optional(zoom.horizontalFitToPages, 0, asInteger, "zoom.horizontalFitToPages");
          layout.verticalFitToPages = optional(zoom.verticalFitToPages, 0, asInteger, "zoom.verticalFitToPages");
        }
      },
    },
  },
};

const WORKSHEET_PROTECTION: ApiType<OnSheet> = {
  name: "WorksheetProtection",
  props: {
    Options: { get: (s) => s.sheet.protection.options ?? {} },
    Protected: { get: (s) => s.sheet.protection.protected },
    IsPasswordProtected: { get: (s) => !!s.sheet.protection.password, hidden: true },
  },
  methods: protectionMethods<OnSheet>(
    "worksheet",
    (s) => s.sheet.protection,
    (s, p) => (s.sheet.protection = p),
    ([options, secret]) => ({ protected: true, ...(options && typeof options === "object" ? { options: options as Record<string, unknown> } : {}), ...password(secret) }),
  ),
};

// ---------------------------------------------------------------------------------------------
// Tables

const inScope = (s: Scoped, t: { sheetId?: string }) => !s.sheet || t.sheetId === s.sheet.id;
const tableObject = (o: ApiObject, table: TableModel) => o.make(TABLE, { table, sheet: wbOf(o).sheetById(table.sheetId) });

const TABLES = collectionOf<Scoped, TableModel>({
  name: "TableCollection",
  collection: "Tables",
  list: (s, o) => wbOf(o).tables.filter((t) => inScope(s, t)),
  item: tableObject,
  lookup: (s, key, o) => {
    const table = wbOf(o).table(key);
    return table && inScope(s, table) ? table : undefined;
  },
  methods: { Add: (s, args, o) => tableObject(o, addTable(o.env, s.sheet, args[0], args[1] === true)) },
});

/** A table and the sheet it stands on (undefined once that is gone). */
interface OnTable {
  table: TableModel;
  sheet?: SheetModel;
}
const sheetOfTable = (s: OnTable) => found(s.sheet);
const tableRange = (rect: (r: Rect) => Rect | undefined) => (s: OnTable, _: unknown[], o: ApiObject) => {
  const r = rect(s.table.rect);
  return o.make(RANGE, { sheet: sheetOfTable(s), rect: found(r) });
};

export const TABLE: ApiType<OnTable> = {
  name: "Table",
  alive: (s, o) => wbOf(o).tables.includes(s.table),
  id: (s) => s.table.id,
  reference: {
    key: "table",
    write: (s) => [s.table.id],
    read: ([id], wb) => {
      const table = wb.tables.find((t) => t.id === id);
      if (!table) throw new HostError("InvalidReference", "The referenced table no longer exists.");
      return { table, sheet: wb.sheetById(table.sheetId) };
    },
  },
  props: {
    HighlightFirstColumn: fixed(false),
    HighlightLastColumn: fixed(false),
    Id: { get: (s) => s.table.id },
    Name: {
      get: (s) => s.table.name,
      set: (s, value, o) => {
        const v = asString(value, "name");
        if (!/^[A-Za-z_\\\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*$/.test(v) || /^[A-Za-z]{1,3}\d+$/.test(v)) throw invalidArgument("table name");
        const other = wbOf(o).table(v);
        if (other && other !== s.table) throw itemAlreadyExists();
        s.table.name = v;
      },
    },
    ShowBandedColumns: fixed(false),
    ShowBandedRows: fixed(true),
    ShowFilterButton: fixed(true),
    ShowHeaders: field((s) => s.table, "showHeaders", asBoolean),
    ShowTotals: field((s) => s.table, "showTotals", asBoolean),
    Style: field((s) => s.table, "style", asString),
  },
  navs: { Worksheet: (s, o) => sheetObject(o, sheetOfTable(s)) },
  methods: {
    GetRange: tableRange((r) => r),
    ...orNull("GetHeaderRowRange", (s, args, o) => (s.table.showHeaders ? tableRange((r) => ({ ...r, rowCount: 1 }))(s, args, o) : itemNotFound())),
    GetDataBodyRange: tableRange((r) => (r.rowCount > 1 ? { ...r, row: r.row + 1, rowCount: r.rowCount - 1 } : undefined)),
    Delete: (s, _, o) => {
      const sheet = sheetOfTable(s);
      wbOf(o).tables = wbOf(o).tables.filter((t) => t !== s.table);
      sheet.clear(s.table.rect, true, true);
    },
    ConvertToRange: (s, _, o) => {
      const range = tableRange((r) => r)(s, [], o);
      wbOf(o).tables = wbOf(o).tables.filter((t) => t !== s.table);
      return range;
    },
  },
};

// ---------------------------------------------------------------------------------------------
// Named items

const nameObject = (o: ApiObject, item: NamedItemModel) => o.make(NAMED_ITEM, { item });

const NAMES = collectionOf<Scoped, NamedItemModel>({
  name: "NamedItemCollection",
  collection: "Names",
  list: (s, o) => wbOf(o).names.filter((n) => n.sheetId === s.sheet?.id),
  item: nameObject,
  lookup: (s, key, o) => wbOf(o).namedItem(key, s.sheet),
  methods: { Add: addName, AddFormulaLocal: addName },
});

function addName(s: Scoped, args: unknown[], o: ApiObject): ApiObject {
  const itemName = asString(args[0], "name");
  checkDefinedName(itemName);
  if (wbOf(o).namedItem(itemName, s.sheet)) throw itemAlreadyExists();
  const reference = args[1];
  const range = reference instanceof ApiObject ? reference.stateAs(RANGE) : undefined;
  let formula: string;
  if (range) {
    (reference as ApiObject).checkAlive();
    formula = `=${absoluteAddress(range.sheet.name, range.rect)}`;
  } else if (typeof reference === "string") formula = reference.startsWith("=") ? reference : `=${reference}`;
  else throw invalidArgument("reference must be a range or a formula");
  const item: NamedItemModel = { name: itemName, formula, comment: typeof args[2] === "string" ? args[2] : "", visible: true, ...(s.sheet ? { sheetId: s.sheet.id } : {}) };
  wbOf(o).names.push(item);
  return nameObject(o, item);
}

interface OnName {
  item: NamedItemModel;
}
/** The text of a name's formula without its "=". */
const constantOf = (item: NamedItemModel) => item.formula.replace(/^=/, "");

const NAMED_ITEM: ApiType<OnName> = {
  name: "NamedItem",
  alive: (s, o) => wbOf(o).names.includes(s.item),
  id: (s) => s.item.name,
  props: {
    Comment: field((s) => s.item, "comment", asString),
    Formula: { get: (s) => s.item.formula, check: asString, set: (s, f: string) => (s.item.formula = f.startsWith("=") ? f : `=${f}`) },
    Name: { get: (s) => s.item.name },
    Scope: { get: (s) => (s.item.sheetId ? "Worksheet" : "Workbook") },
    Type: {
      get: (s, o) => {
        const constant = constantOf(s.item);
        if (wbOf(o).rangeOf(s.item.formula)) return "Range";
        if (/^[+-]?\d+$/.test(constant)) return "Integer";
        if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(constant)) return "Double";
        if (/^(TRUE|FALSE)$/i.test(constant)) return "Boolean";
        if (/^#/.test(constant)) return "Error";
        if (/^".*"$/.test(constant)) return "String";
        return parseReference(constant) ? "Error" : "String";
      },
    },
    Value: {
      get: (s, o) => {
        const constant = constantOf(s.item);
        const target = wbOf(o).rangeOf(s.item.formula);
        if (target) return absoluteAddress(target.sheet.name, target.rect);
        if (/^".*"$/.test(constant)) return constant.slice(1, -1).replace(/""/g, '"');
        const n = Number(constant);
        return constant !== "" && Number.isFinite(n) ? n : constant;
      },
    },
    Visible: field((s) => s.item, "visible", asBoolean),
  },
  navs: {
    Worksheet: (s, o) => {
      const sheet = s.item.sheetId ? wbOf(o).sheetById(s.item.sheetId) : undefined;
      return sheet && sheetObject(o, sheet);
    },
  },
  methods: {
    ...orNull<OnName>("GetRange", (s, _, o) => {
      const target = wbOf(o).rangeOf(s.item.formula);
      return target ? o.make(RANGE, target) : new HostError("InvalidOperation", "The named item does not refer to a range.");
    }),
    Delete: (s, _, o) => void (wbOf(o).names = wbOf(o).names.filter((n) => n !== s.item)),
  },
};

// ---------------------------------------------------------------------------------------------
// Settings

const settingObject = (o: ApiObject, key: string) => o.make(SETTING, { key });

const SETTINGS = collectionOf<Root, string>({
  name: "SettingCollection",
  collection: "Settings",
  list: (_, o) => [...wbOf(o).settings.keys()],
  item: settingObject,
  lookup: (_, key, o) => (wbOf(o).settings.has(key) ? key : undefined),
  methods: {
    Add: (_, args, o) => {
      const key = asString(args[0], "key");
      if (key === "") throw invalidArgument("key must not be empty");
      if (args[1] === undefined) throw invalidArgument("value is required");
      // Excel replaces an existing setting with the same key.
      wbOf(o).settings.set(key, args[1]);
      return settingObject(o, key);
    },
  },
});

interface OnSetting {
  key: string;
}

const SETTING: ApiType<OnSetting> = {
  name: "Setting",
  alive: (s, o) => wbOf(o).settings.has(s.key),
  id: (s) => s.key,
  props: {
    Key: { get: (s) => s.key },
    Value: { get: (s, o) => wbOf(o).settings.get(s.key), set: (s, v, o) => wbOf(o).settings.set(s.key, v) },
  },
  methods: { Delete: (s, _, o) => void wbOf(o).settings.delete(s.key) },
};

// ---------------------------------------------------------------------------------------------
// Custom XML parts

/** The parts, or those of one namespace (the scoped collection from getByNamespace). */
interface OnParts {
  namespace?: string;
}
const partsOf = (s: OnParts, o: ApiObject) => wbOf(o).customXmlParts.filter((p) => s.namespace === undefined || p.namespaceUri === s.namespace);
const partObject = (o: ApiObject, part: { id: string }) => o.make(CUSTOM_XML_PART, { id: part.id });

const CUSTOM_XML_PARTS: ApiType<OnParts> = collectionOf<OnParts, { id: string }>({
  name: "CustomXmlPartCollection",
  collection: "CustomXmlParts",
  list: partsOf,
  item: partObject,
  lookup: (s, key, o) => partsOf(s, o).find((p) => p.id === key),
  methods: {
    Add: (s, args, o) => {
      if (s.namespace !== undefined) throw new HostError("NotImplemented", "A custom XML part is added to the workbook's collection, not to one namespace's.");
      const xml = asString(args[0], "xml");
      if (!/^\s*(<\?xml[^>]*\?>\s*)?<[A-Za-z_]/.test(xml)) throw invalidArgument("xml must be an XML document");
      const part = { id: wbOf(o).nextId("xml"), namespaceUri: rootNamespace(xml), xml };
      wbOf(o).customXmlParts.push(part);
      return partObject(o, part);
    },
    GetByNamespace: (_, args, o) => o.make(CUSTOM_XML_PARTS, { namespace: asString(args[0], "namespaceUri") }),
    ...orNull<OnParts>("GetOnlyItem", (s, _, o) => {
      const list = partsOf(s, o);
      if (list.length === 1) return partObject(o, list[0]);
      return list.length === 0 ? itemNotFound() : new HostError("InvalidOperation", "More than one custom XML part has this namespace.");
    }),
  },
});

interface OnPart {
  id: string;
}
const partOf = (s: OnPart, o: ApiObject) => found(wbOf(o).customXmlParts.find((p) => p.id === s.id));

const CUSTOM_XML_PART: ApiType<OnPart> = {
  name: "CustomXmlPart",
  alive: (s, o) => wbOf(o).customXmlParts.some((p) => p.id === s.id),
  id: (s) => s.id,
  props: {
    Id: { get: (s, o) => partOf(s, o).id },
    NamespaceUri: { get: (s, o) => partOf(s, o).namespaceUri },
  },
  methods: {
    GetXml: (s, _, o) => partOf(s, o).xml,
    SetXml: (s, args, o) => {
      const part = partOf(s, o);
      part.xml = asString(args[0], "xml");
      part.namespaceUri = rootNamespace(part.xml);
    },
    Delete: (s, _, o) => {
      const part = partOf(s, o);
      wbOf(o).customXmlParts = wbOf(o).customXmlParts.filter((p) => p !== part);
    },
  },
};

/**
 * Refuses a change to the workbook's structure while it is protected. Audit row 35: structure
 * protection blocks adding, moving, deleting, hiding and renaming worksheets (support.microsoft.com
 * "Protect a workbook"); sheet protection does not block a rename (office-js #325). The API's
 * code is not documented; AccessDenied is what Excel answers for protection (office-js #6784).
 */
function guardStructure(env: ApiEnv, location: string): void {
  if (!env.workbook.structureProtection.protected) return;
  const err = new HostError("AccessDenied", "The workbook's structure is protected: worksheets cannot be added, moved, deleted, hidden or renamed.");
  err.location = location;
  throw err;
}

/** Renames a sheet and rewrites the sheet name inside named items, charts and formulas' text. */
function renameSheet(env: ApiEnv, sheet: SheetModel, name: string): void {
  const wb = env.workbook;
  const after = quoteSheetName(name) + "!";
  const swap = (text: string | undefined) => (text ? replaceSheetReferences(text, sheet.name, after) : text);
  for (const n of wb.names) n.formula = swap(n.formula)!;
  for (const { chart } of wb.allCharts()) {
    chart.sourceAddress = swap(chart.sourceAddress);
    for (const series of chart.series) {
      series.valuesAddress = swap(series.valuesAddress);
      series.categoriesAddress = swap(series.categoriesAddress);
      series.nameAddress = swap(series.nameAddress);
    }
  }
  sheet.name = name;
}

/** Excel's rule for a defined name: starts with a letter, _ or \, no spaces, not a cell reference. */
function checkDefinedName(name: string): void {
  if (
    name.length === 0 ||
    name.length > 255 ||
    !/^[A-Za-z_\\\u00C0-\uFFFF][\w.?\\\u00C0-\uFFFF]*$/.test(name) ||
    /^[A-Za-z]{1,3}\d+$/.test(name) ||
    /^[RrCc]$/.test(name) ||
    /^[Rr]\d*[Cc]\d*$/.test(name)
  ) {
    throw invalidArgument(`defined name ${JSON.stringify(name)}`);
  }
}

/** The namespace of an XML document's root element ("" when it has none). */
function rootNamespace(xml: string): string {
  const root = /<([A-Za-z_][\w.-]*:)?[A-Za-z_][\w.-]*(\s[^>]*)?\/?>/.exec(xml.replace(/<\?[^>]*\?>/g, "").replace(/<!--[\s\S]*?-->/g, ""));
  if (!root) return "";
  const prefix = root[1] ? root[1].slice(0, -1) : undefined;
  const attrs = root[2] ?? "";
  const re = prefix ? new RegExp(`xmlns:${prefix}\\s*=\\s*"([^"]*)"`) : /xmlns\s*=\s*"([^"]*)"/;
  return re.exec(attrs)?.[1] ?? "";
}


function addTable(env: ApiEnv, only: SheetModel | undefined, address: unknown, hasHeaders: boolean): TableModel {
  const wb = env.workbook;
  const source = rangeArgument(env, address, only ?? wb.activeSheet());
  const sheet = source.sheet;
  let rect = source.rect;
  if (only && sheet !== only) throw invalidArgument("the range is on another worksheet");
  if (isUnbounded(rect)) throw invalidArgument("a table cannot cover whole rows or columns");
  guardEditable(sheet, "TableCollection.add");
  if (wb.tables.some((t) => t.sheetId === sheet.id && intersect(t.rect, rect))) {
    throw invalidArgument("a table cannot overlap another table");
  }
  if (!hasHeaders) {
    // Excel inserts a header row above the data: shift the data down one row, write Column1…
    for (let r = rect.row + rect.rowCount - 1; r >= rect.row; r--) {
      for (let c = rect.column; c < rect.column + rect.columnCount; c++) {
        const formula = sheet.formula(r, c);
        if (formula) sheet.setFormula(r + 1, c, formula, sheet.value(r, c));
        else sheet.setValue(r + 1, c, sheet.value(r, c));
        sheet.setStyleId(r + 1, c, sheet.styleId(r, c));
      }
    }
    for (let c = 0; c < rect.columnCount; c++) sheet.setValue(rect.row, rect.column + c, `Column${c + 1}`);
    rect = { ...rect, rowCount: rect.rowCount + 1 };
  } else {
    // Headers must be unique text; Excel fills blanks and renames duplicates.
    const seen = new Set<string>();
    for (let c = 0; c < rect.columnCount; c++) {
      let header = String(cellValue(sheet, rect.row, rect.column + c));
      if (header === "") header = `Column${c + 1}`;
      let unique = header;
      for (let k = 2; seen.has(unique.toLowerCase()); k++) unique = `${header}${k}`;
      seen.add(unique.toLowerCase());
      if (unique !== cellValue(sheet, rect.row, rect.column + c)) sheet.setValue(rect.row, rect.column + c, unique);
    }
  }
  let n = wb.tables.length + 1;
  while (wb.table(`Table${n}`)) n++;
  const table: TableModel = { id: wb.nextId("table"), name: `Table${n}`, sheetId: sheet.id, rect, showHeaders: true, showTotals: false, style: "TableStyleMedium2" };
  wb.tables.push(table);
  return table;
}
