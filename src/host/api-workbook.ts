// Workbook-level objects: the workbook, worksheets, freeze panes, protection, tables, named items,
// settings, custom XML parts and the application, answering as Excel does (ItemNotFound for a
// missing getItem, null objects for *OrNullObject, Excel's sheet-name rules).

import {
  MAX_COLUMNS,
  MAX_ROWS,
  Rect,
  absoluteAddress,
  intersect,
  isUnbounded,
  onGrid,
  parseReference,
  quoteSheetName,
  replaceSheetReferences,
} from "./address";
import { ApiEnv, ApiObject, MethodResult, NullObject, SheetPart, asBoolean, asColor, asEnum, asInteger, asNumber, asString } from "./api";
import { ChartCollectionApi } from "./api-chart";
import { RangeApi, guardEditable, rangeArgument, rangeLinks, resolveAddress } from "./api-range";
import { HostError, invalidArgument, itemAlreadyExists, itemNotFound } from "./errors";
import { cellValue } from "./formula";
import { NamedItemModel, SheetModel, SheetVisibility, STANDARD_ROW_HEIGHT, TableModel } from "./model";

// ---------------------------------------------------------------------------------------------

export class WorkbookApi extends ApiObject {
  readonly typeName = "Workbook";

  override scalarNames(): readonly string[] {
    return ["Name", "ReadOnly", "IsDirty", "AutoSave", "CalculationEngineVersion", "ChartDataPointTrack", "UsePrecisionAsDisplayed", "PreviouslySaved"];
  }

  override get(name: string): unknown {
    const wb = this.env.workbook;
    switch (name) {
      case "Name":
        return wb.name;
      case "ReadOnly":
      case "AutoSave":
      case "UsePrecisionAsDisplayed":
        return false;
      case "IsDirty":
        return wb.cellVersion > 0;
      case "PreviouslySaved":
        return true;
      case "ChartDataPointTrack":
        return true;
      case "CalculationEngineVersion":
        return 1;
      default:
        return super.get(name);
    }
  }

  override nav(name: string): ApiObject | undefined {
    switch (name) {
      case "Worksheets":
        return new WorksheetCollectionApi(this.env);
      case "Tables":
        return new TableCollectionApi(this.env, undefined);
      case "Names":
        return new NamedItemCollectionApi(this.env, undefined);
      case "Settings":
        return new SettingCollectionApi(this.env);
      case "CustomXmlParts":
        return new CustomXmlPartCollectionApi(this.env, undefined);
      case "Application":
        return new ApplicationApi(this.env);
      case "Protection":
        return new WorkbookProtectionApi(this.env);
      default:
        return undefined;
    }
  }

  override call(name: string, args: unknown[]): MethodResult {
    const wb = this.env.workbook;
    switch (name) {
      case "GetSelectedRange": {
        const { sheet, rect, areas } = wb.currentSelection();
        // Audit row 14: "If there are multiple ranges selected, this method will throw an error"
        // (the typings' Workbook.getSelectedRange, [T]). The code is not documented;
        // InvalidSelection ("The current selection is invalid for this operation", [E]) is the one
        // Excel.ErrorCodes has for it.
        if (areas.length > 1) throw new HostError("InvalidSelection");
        return new RangeApi(this.env, sheet, rect);
      }
      case "GetActiveCell": {
        const { sheet, rect } = wb.currentSelection();
        return new RangeApi(this.env, sheet, { row: rect.row, column: rect.column, rowCount: 1, columnCount: 1 });
      }
      default:
        return super.call(name, args);
    }
  }
}

/** Workbook.protection (ExcelApi 1.7): workbook structure protection. */
export class WorkbookProtectionApi extends ApiObject {
  readonly typeName = "WorkbookProtection";

  override scalarNames(): readonly string[] {
    return ["Protected"];
  }

  override get(name: string): unknown {
    if (name === "Protected") return this.env.workbook.structureProtection.protected;
    return super.get(name);
  }

  override call(name: string, args: unknown[]): MethodResult {
    const wb = this.env.workbook;
    const p = wb.structureProtection;
    switch (name) {
      case "Protect":
        // [T]: "Protects the workbook. Fails if the workbook has been protected." (code not documented)
        if (p.protected) throw new HostError("InvalidOperation", "The workbook is already protected.");
        wb.structureProtection = { protected: true, ...(typeof args[0] === "string" && args[0] !== "" ? { password: args[0] } : {}) };
        return undefined;
      case "Unprotect":
        if (!p.protected) return undefined;
        if (p.password !== undefined && args[0] !== p.password) throw new HostError("InvalidArgument", "The password is incorrect.");
        wb.structureProtection = { protected: false };
        return undefined;
      default:
        return super.call(name, args);
    }
  }
}

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

export class ApplicationApi extends ApiObject {
  readonly typeName = "Application";

  override scalarNames(): readonly string[] {
    return ["CalculationMode", "CalculationEngineVersion", "CalculationState"];
  }

  override get(name: string): unknown {
    switch (name) {
      case "CalculationMode":
        return this.env.workbook.calculationMode;
      case "CalculationEngineVersion":
        return 1;
      case "CalculationState":
        return "Done";
      default:
        return super.get(name);
    }
  }

  override call(name: string, args: unknown[]): MethodResult {
    if (name === "Calculate" || name === "SuspendApiCalculationUntilNextSync" || name === "SuspendScreenUpdatingUntilNextSync") return undefined;
    return super.call(name, args);
  }
}

// ---------------------------------------------------------------------------------------------
// Worksheets

const VISIBILITIES: readonly SheetVisibility[] = ["Visible", "Hidden", "VeryHidden"];

export class WorksheetCollectionApi extends ApiObject {
  readonly typeName = "WorksheetCollection";
  override readonly isCollection = true;

  override get locationName(): string {
    return "Worksheets";
  }

  override items(): ApiObject[] {
    return this.env.workbook.sheets.map((s) => new WorksheetApi(this.env, s));
  }

  override indexer(key: unknown): ApiObject {
    const sheet = this.env.workbook.sheet(String(key));
    if (!sheet) throw itemNotFound();
    return new WorksheetApi(this.env, sheet);
  }

  override call(name: string, args: unknown[]): MethodResult {
    const wb = this.env.workbook;
    switch (name) {
      case "Add": {
        guardStructure(this.env, "Worksheets.add");
        const requested = args[0];
        if (requested !== undefined && requested !== null && typeof requested !== "string") throw invalidArgument("worksheet name");
        return new WorksheetApi(this.env, wb.addSheet(requested as string | null | undefined));
      }
      case "GetItem":
        return this.indexer(args[0]);
      case "GetItemOrNullObject": {
        const sheet = wb.sheet(String(args[0]));
        return sheet ? new WorksheetApi(this.env, sheet) : new NullObject(this.env);
      }
      case "GetActiveWorksheet":
        return new WorksheetApi(this.env, wb.activeSheet());
      case "GetCount": {
        const visibleOnly = args[0] === true;
        return wb.sheets.filter((s) => !visibleOnly || s.visibility === "Visible").length;
      }
      case "GetFirst":
      case "GetLast": {
        const list = wb.sheets.filter((s) => args[0] !== true || s.visibility === "Visible");
        const sheet = name === "GetFirst" ? list[0] : list[list.length - 1];
        if (!sheet) throw itemNotFound();
        return new WorksheetApi(this.env, sheet);
      }
      default:
        return super.call(name, args);
    }
  }
}

export class WorksheetApi extends SheetPart {
  readonly typeName = "Worksheet";

  override itemId(): string {
    return this.sheet.id;
  }

  override referenceId(): string {
    return `sheet|${this.sheet.id}`;
  }

  override scalarNames(): readonly string[] {
    return ["EnableCalculation", "Id", "Name", "Position", "ShowGridlines", "ShowHeadings", "StandardHeight", "StandardWidth", "TabColor", "Visibility"];
  }

  override get(name: string): unknown {
    const s = this.sheet;
    switch (name) {
      case "Id":
        return s.id;
      case "Name":
        return s.name;
      case "Position":
        return s.position;
      case "Visibility":
        return s.visibility;
      case "TabColor":
        return s.tabColor;
      case "ShowGridlines":
        return s.showGridlines;
      case "ShowHeadings":
      case "EnableCalculation":
        return true;
      case "StandardHeight":
        return STANDARD_ROW_HEIGHT;
      case "StandardWidth":
        return 8.43;
      default:
        return super.get(name);
    }
  }

  override set(name: string, value: unknown): void {
    const s = this.sheet;
    const wb = this.env.workbook;
    switch (name) {
      case "Name":
        wb.checkSheetName(value, s);
        if (value !== s.name) guardStructure(this.env, "Worksheet.name");
        renameSheet(this.env, s, value as string);
        return;
      case "Position": {
        const p = asInteger(value, "position");
        if (p !== s.position) guardStructure(this.env, "Worksheet.position");
        if (p < 0 || p >= wb.sheets.length) throw invalidArgument("position outside the workbook");
        wb.moveSheet(s, p);
        return;
      }
      case "Visibility": {
        const v = asEnum(value, VISIBILITIES, "visibility");
        if (v !== s.visibility) guardStructure(this.env, "Worksheet.visibility");
        const othersVisible = wb.sheets.some((o) => o !== s && o.visibility === "Visible");
        if (v !== "Visible" && !othersVisible) {
          throw new HostError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
        }
        s.visibility = v;
        if (v !== "Visible" && wb.activeSheetId === s.id) {
          const next = wb.sheets.find((o) => o.visibility === "Visible")!;
          wb.select(next, { row: 0, column: 0, rowCount: 1, columnCount: 1 });
        }
        return;
      }
      case "TabColor":
        s.tabColor = value === "" || value === null ? "" : asColor(value, "tabColor");
        return;
      case "ShowGridlines":
        s.showGridlines = asBoolean(value, "showGridlines");
        return;
      default:
        return super.set(name, value);
    }
  }

  override nav(name: string): ApiObject | undefined {
    switch (name) {
      case "Charts":
        return new ChartCollectionApi(this.env, this.sheet);
      case "Tables":
        return new TableCollectionApi(this.env, this.sheet);
      case "Names":
        return new NamedItemCollectionApi(this.env, this.sheet);
      case "FreezePanes":
        return new FreezePanesApi(this.env, this.sheet);
      case "Protection":
        return new WorksheetProtectionApi(this.env, this.sheet);
      case "PageLayout":
        return new PageLayoutApi(this.env, this.sheet);
      default:
        return undefined;
    }
  }

  private range(rect: Rect): RangeApi {
    if (!onGrid(rect)) throw invalidArgument("the range lies outside the grid");
    return new RangeApi(this.env, this.sheet, rect);
  }

  override call(name: string, args: unknown[]): MethodResult {
    const s = this.sheet;
    const wb = this.env.workbook;
    switch (name) {
      case "GetRange": {
        if (args[0] === undefined || args[0] === null || args[0] === "") {
          return this.range({ row: 0, column: 0, rowCount: MAX_ROWS, columnCount: MAX_COLUMNS });
        }
        const { sheet, rect } = resolveAddress(this.env, asString(args[0], "address"), s);
        if (sheet !== s) throw invalidArgument("the address names another worksheet");
        return this.range(rect);
      }
      case "GetRangeByIndexes":
        return this.range({
          row: asInteger(args[0], "startRow"),
          column: asInteger(args[1], "startColumn"),
          rowCount: asInteger(args[2], "rowCount"),
          columnCount: asInteger(args[3], "columnCount"),
        });
      case "GetCell":
        return this.range({ row: asInteger(args[0], "row"), column: asInteger(args[1], "column"), rowCount: 1, columnCount: 1 });
      case "GetUsedRange":
      case "GetUsedRangeOrNullObject": {
        const used = s.usedRect(args[0] === true);
        if (!used) {
          // Excel: a blank sheet's used range is A1; the OrNullObject form gives a null object.
          if (name === "GetUsedRangeOrNullObject") return new NullObject(this.env);
          return this.range({ row: 0, column: 0, rowCount: 1, columnCount: 1 });
        }
        return this.range(used);
      }
      case "Activate":
        if (s.visibility !== "Visible") throw new HostError("InvalidOperation", "A hidden worksheet cannot be activated.");
        wb.select(s, { row: 0, column: 0, rowCount: 1, columnCount: 1 });
        return undefined;
      case "Delete":
        guardStructure(this.env, "Worksheet.delete");
        wb.deleteSheet(s);
        return undefined;
      case "Calculate":
        return undefined;
      case "GetNext":
      case "GetNextOrNullObject":
      case "GetPrevious":
      case "GetPreviousOrNullObject": {
        const visibleOnly = args[0] === true;
        const list = wb.sheets.filter((o) => o === s || !visibleOnly || o.visibility === "Visible");
        const i = list.indexOf(s) + (name.startsWith("GetNext") ? 1 : -1);
        const other = list[i];
        if (!other) {
          if (name.endsWith("OrNullObject")) return new NullObject(this.env);
          throw itemNotFound();
        }
        return new WorksheetApi(this.env, other);
      }
      default:
        return super.call(name, args);
    }
  }
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

export class FreezePanesApi extends SheetPart {
  readonly typeName = "WorksheetFreezePanes";

  override call(name: string, args: unknown[]): MethodResult {
    const freeze = this.sheet.freeze;
    switch (name) {
      case "FreezeRows": {
        const n = args[0] === null || args[0] === undefined ? 1 : asInteger(args[0], "count");
        if (n < 0 || n >= MAX_ROWS) throw invalidArgument("count");
        this.sheet.freeze = { rows: n, columns: 0 };
        return undefined;
      }
      case "FreezeColumns": {
        const n = args[0] === null || args[0] === undefined ? 1 : asInteger(args[0], "count");
        if (n < 0 || n >= MAX_COLUMNS) throw invalidArgument("count");
        this.sheet.freeze = { rows: 0, columns: n };
        return undefined;
      }
      case "FreezeAt": {
        const { rect } = rangeArgument(this.env, args[0], this.sheet);
        this.sheet.freeze = {
          rows: rect.rowCount === MAX_ROWS ? 0 : rect.row + rect.rowCount,
          columns: rect.columnCount === MAX_COLUMNS ? 0 : rect.column + rect.columnCount,
        };
        return undefined;
      }
      case "Unfreeze":
        this.sheet.freeze = { rows: 0, columns: 0 };
        return undefined;
      case "GetLocation":
      case "GetLocationOrNullObject": {
        if (freeze.rows === 0 && freeze.columns === 0) {
          if (name === "GetLocationOrNullObject") return new NullObject(this.env);
          throw itemNotFound();
        }
        const rect: Rect = {
          row: 0,
          column: 0,
          rowCount: freeze.rows === 0 ? MAX_ROWS : freeze.rows,
          columnCount: freeze.columns === 0 ? MAX_COLUMNS : freeze.columns,
        };
        return new RangeApi(this.env, this.sheet, rect);
      }
      default:
        return super.call(name, args);
    }
  }
}

/** Worksheet.pageLayout (ExcelApi 1.9): the orientation and zoom a printout uses. */
export class PageLayoutApi extends SheetPart {
  readonly typeName = "PageLayout";

  override scalarNames(): readonly string[] {
    return ["Orientation", "Zoom"];
  }

  override get(name: string): unknown {
    const layout = this.sheet.pageLayout;
    switch (name) {
      case "Orientation":
        return layout.orientation;
      case "Zoom":
        return {
          scale: layout.horizontalFitToPages || layout.verticalFitToPages ? null : layout.scale,
          horizontalFitToPages: layout.horizontalFitToPages || null,
          verticalFitToPages: layout.verticalFitToPages || null,
        };
      default:
        return super.get(name);
    }
  }

  override set(name: string, value: unknown): void {
    const layout = this.sheet.pageLayout;
    switch (name) {
      case "Orientation":
        layout.orientation = asEnum(value, ["Portrait", "Landscape"] as const, "orientation");
        return;
      case "Zoom": {
        if (typeof value !== "object" || value === null) throw invalidArgument("zoom");
        const zoom = value as { scale?: unknown; horizontalFitToPages?: unknown; verticalFitToPages?: unknown };
        const fitting = zoom.horizontalFitToPages !== undefined || zoom.verticalFitToPages !== undefined;
        if (zoom.scale !== undefined && zoom.scale !== null) {
          const scale = asNumber(zoom.scale, "zoom.scale");
          if (scale < 10 || scale > 400 || fitting) throw invalidArgument("zoom.scale");
          Object.assign(layout, { scale, horizontalFitToPages: 0, verticalFitToPages: 0 });
        } else {
          layout.horizontalFitToPages = zoom.horizontalFitToPages == null ? 0 : asInteger(zoom.horizontalFitToPages, "zoom.horizontalFitToPages");
          layout.verticalFitToPages = zoom.verticalFitToPages == null ? 0 : asInteger(zoom.verticalFitToPages, "zoom.verticalFitToPages");
        }
        return;
      }
      default:
        return super.set(name, value);
    }
  }
}

export class WorksheetProtectionApi extends SheetPart {
  readonly typeName = "WorksheetProtection";

  override scalarNames(): readonly string[] {
    return ["Options", "Protected"];
  }

  override get(name: string): unknown {
    const p = this.sheet.protection;
    if (name === "Protected") return p.protected;
    if (name === "Options") return p.options ?? {};
    if (name === "IsPasswordProtected") return !!p.password;
    return super.get(name);
  }

  override call(name: string, args: unknown[]): MethodResult {
    const p = this.sheet.protection;
    switch (name) {
      case "Protect":
        if (p.protected) throw new HostError("InvalidOperation", "The worksheet is already protected.");
        this.sheet.protection = { protected: true, ...(args[0] && typeof args[0] === "object" ? { options: args[0] as Record<string, unknown> } : {}), ...(typeof args[1] === "string" && args[1] !== "" ? { password: args[1] } : {}) };
        return undefined;
      case "Unprotect":
        if (!p.protected) return undefined;
        if (p.password !== undefined && args[0] !== p.password) throw new HostError("InvalidArgument", "The password is incorrect.");
        this.sheet.protection = { protected: false };
        return undefined;
      default:
        return super.call(name, args);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Tables

export class TableCollectionApi extends ApiObject {
  readonly typeName = "TableCollection";
  override readonly isCollection = true;

  constructor(
    env: ApiEnv,
    readonly sheet: SheetModel | undefined,
  ) {
    super(env);
  }

  override get locationName(): string {
    return "Tables";
  }

  override scalarNames(): readonly string[] {
    return ["Count"];
  }

  private list(): TableModel[] {
    return this.env.workbook.tables.filter((t) => !this.sheet || t.sheetId === this.sheet.id);
  }

  override get(name: string): unknown {
    if (name === "Count") return this.list().length;
    return super.get(name);
  }

  override items(): ApiObject[] {
    return this.list().map((t) => new TableApi(this.env, t));
  }

  override indexer(key: unknown): ApiObject {
    const table = this.find(key);
    if (!table) throw itemNotFound();
    return new TableApi(this.env, table);
  }

  private find(key: unknown): TableModel | undefined {
    const table = this.env.workbook.table(String(key));
    return table && (!this.sheet || table.sheetId === this.sheet.id) ? table : undefined;
  }

  override call(name: string, args: unknown[]): MethodResult {
    switch (name) {
      case "Add":
        return new TableApi(this.env, this.add(args[0], args[1] === true));
      case "GetItem":
        return this.indexer(args[0]);
      case "GetItemOrNullObject": {
        const t = this.find(args[0]);
        return t ? new TableApi(this.env, t) : new NullObject(this.env);
      }
      case "GetItemAt": {
        const t = this.list()[asInteger(args[0], "index")];
        if (!t) throw itemNotFound();
        return new TableApi(this.env, t);
      }
      case "GetCount":
        return this.list().length;
      default:
        return super.call(name, args);
    }
  }

  private add(address: unknown, hasHeaders: boolean): TableModel {
    const wb = this.env.workbook;
    const source = rangeArgument(this.env, address, this.sheet ?? wb.activeSheet());
    const sheet = source.sheet;
    let rect = source.rect;
    if (this.sheet && sheet !== this.sheet) throw invalidArgument("the range is on another worksheet");
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
}

export class TableApi extends ApiObject {
  readonly typeName = "Table";

  constructor(
    env: ApiEnv,
    readonly table: TableModel,
  ) {
    super(env);
  }

  private get sheet(): SheetModel {
    const sheet = this.env.workbook.sheetById(this.table.sheetId);
    if (!sheet) throw itemNotFound();
    return sheet;
  }

  override checkAlive(): void {
    if (!this.env.workbook.tables.includes(this.table)) throw itemNotFound();
  }

  override itemId(): string {
    return this.table.id;
  }

  override referenceId(): string {
    return `table|${this.table.id}`;
  }

  override scalarNames(): readonly string[] {
    return ["HighlightFirstColumn", "HighlightLastColumn", "Id", "Name", "ShowBandedColumns", "ShowBandedRows", "ShowFilterButton", "ShowHeaders", "ShowTotals", "Style"];
  }

  override get(name: string): unknown {
    const t = this.table;
    switch (name) {
      case "Id":
        return t.id;
      case "Name":
        return t.name;
      case "ShowHeaders":
        return t.showHeaders;
      case "ShowTotals":
        return t.showTotals;
      case "Style":
        return t.style;
      case "ShowBandedRows":
      case "ShowFilterButton":
        return true;
      case "ShowBandedColumns":
      case "HighlightFirstColumn":
      case "HighlightLastColumn":
        return false;
      default:
        return super.get(name);
    }
  }

  override set(name: string, value: unknown): void {
    const t = this.table;
    switch (name) {
      case "Name": {
        const v = asString(value, "name");
        if (!/^[A-Za-z_\\\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*$/.test(v) || /^[A-Za-z]{1,3}\d+$/.test(v)) throw invalidArgument("table name");
        const other = this.env.workbook.table(v);
        if (other && other !== t) throw itemAlreadyExists();
        t.name = v;
        return;
      }
      case "ShowHeaders":
        t.showHeaders = asBoolean(value, "showHeaders");
        return;
      case "ShowTotals":
        t.showTotals = asBoolean(value, "showTotals");
        return;
      case "Style":
        t.style = asString(value, "style");
        return;
      default:
        return super.set(name, value);
    }
  }

  override nav(name: string): ApiObject | undefined {
    if (name === "Worksheet") return new WorksheetApi(this.env, this.sheet);
    return undefined;
  }

  override call(name: string, args: unknown[]): MethodResult {
    const { rect, showHeaders } = this.table;
    const sheet = this.sheet;
    switch (name) {
      case "GetRange":
        return new RangeApi(this.env, sheet, rect);
      case "GetHeaderRowRange":
        if (!showHeaders) throw itemNotFound();
        return new RangeApi(this.env, sheet, { ...rect, rowCount: 1 });
      case "GetHeaderRowRangeOrNullObject":
        return showHeaders ? new RangeApi(this.env, sheet, { ...rect, rowCount: 1 }) : new NullObject(this.env);
      case "GetDataBodyRange": {
        const body = { ...rect, row: rect.row + 1, rowCount: rect.rowCount - 1 };
        if (body.rowCount < 1) throw itemNotFound();
        return new RangeApi(this.env, sheet, body);
      }
      case "Delete":
        this.env.workbook.tables = this.env.workbook.tables.filter((t) => t !== this.table);
        sheet.clear(rect, true, true);
        return undefined;
      case "ConvertToRange":
        this.env.workbook.tables = this.env.workbook.tables.filter((t) => t !== this.table);
        return new RangeApi(this.env, sheet, rect);
      default:
        return super.call(name, args);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Named items

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

export class NamedItemCollectionApi extends ApiObject {
  readonly typeName = "NamedItemCollection";
  override readonly isCollection = true;

  constructor(
    env: ApiEnv,
    readonly sheet: SheetModel | undefined,
  ) {
    super(env);
  }

  override get locationName(): string {
    return "Names";
  }

  private list(): NamedItemModel[] {
    return this.env.workbook.names.filter((n) => n.sheetId === this.sheet?.id);
  }

  override items(): ApiObject[] {
    return this.list().map((n) => new NamedItemApi(this.env, n));
  }

  private find(key: unknown): NamedItemModel | undefined {
    return this.env.workbook.namedItem(String(key), this.sheet);
  }

  override indexer(key: unknown): ApiObject {
    const item = this.find(key);
    if (!item) throw itemNotFound();
    return new NamedItemApi(this.env, item);
  }

  override call(name: string, args: unknown[]): MethodResult {
    const wb = this.env.workbook;
    switch (name) {
      case "Add":
      case "AddFormulaLocal": {
        const itemName = asString(args[0], "name");
        checkDefinedName(itemName);
        if (this.find(itemName)) throw itemAlreadyExists();
        let formula: string;
        const reference = args[1];
        if (reference instanceof RangeApi) {
          reference.checkAlive();
          formula = `=${absoluteAddress(reference.sheet.name, reference.rect)}`;
        } else if (typeof reference === "string") {
          formula = reference.startsWith("=") ? reference : `=${reference}`;
        } else throw invalidArgument("reference must be a range or a formula");
        const item: NamedItemModel = {
          name: itemName,
          formula,
          comment: typeof args[2] === "string" ? args[2] : "",
          visible: true,
          ...(this.sheet ? { sheetId: this.sheet.id } : {}),
        };
        wb.names.push(item);
        return new NamedItemApi(this.env, item);
      }
      case "GetItem":
        return this.indexer(args[0]);
      case "GetItemOrNullObject": {
        const item = this.find(args[0]);
        return item ? new NamedItemApi(this.env, item) : new NullObject(this.env);
      }
      case "GetCount":
        return this.list().length;
      default:
        return super.call(name, args);
    }
  }
}

export class NamedItemApi extends ApiObject {
  readonly typeName = "NamedItem";

  constructor(
    env: ApiEnv,
    readonly item: NamedItemModel,
  ) {
    super(env);
  }

  override checkAlive(): void {
    if (!this.env.workbook.names.includes(this.item)) throw itemNotFound();
  }

  override itemId(): string {
    return this.item.name;
  }

  override scalarNames(): readonly string[] {
    return ["Comment", "Formula", "Name", "Scope", "Type", "Value", "Visible"];
  }

  /** The range the name refers to, if it is a single-area reference to an existing sheet. */
  private target(): { sheet: SheetModel; rect: Rect } | undefined {
    return this.env.workbook.rangeOf(this.item.formula);
  }

  override get(name: string): unknown {
    const item = this.item;
    const constant = item.formula.replace(/^=/, "");
    switch (name) {
      case "Name":
        return item.name;
      case "Formula":
        return item.formula;
      case "Comment":
        return item.comment;
      case "Visible":
        return item.visible;
      case "Scope":
        return item.sheetId ? "Worksheet" : "Workbook";
      case "Type": {
        if (this.target()) return "Range";
        if (/^[+-]?\d+$/.test(constant)) return "Integer";
        if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(constant)) return "Double";
        if (/^(TRUE|FALSE)$/i.test(constant)) return "Boolean";
        if (/^#/.test(constant)) return "Error";
        if (/^".*"$/.test(constant)) return "String";
        return parseReference(constant) ? "Error" : "String";
      }
      case "Value": {
        const target = this.target();
        if (target) return absoluteAddress(target.sheet.name, target.rect);
        if (/^".*"$/.test(constant)) return constant.slice(1, -1).replace(/""/g, '"');
        const n = Number(constant);
        return constant !== "" && Number.isFinite(n) ? n : constant;
      }
      default:
        return super.get(name);
    }
  }

  override set(name: string, value: unknown): void {
    switch (name) {
      case "Comment":
        this.item.comment = asString(value, "comment");
        return;
      case "Visible":
        this.item.visible = asBoolean(value, "visible");
        return;
      case "Formula": {
        const f = asString(value, "formula");
        this.item.formula = f.startsWith("=") ? f : `=${f}`;
        return;
      }
      default:
        return super.set(name, value);
    }
  }

  override nav(name: string): ApiObject | undefined {
    if (name === "Worksheet" && this.item.sheetId) {
      const sheet = this.env.workbook.sheetById(this.item.sheetId);
      return sheet ? new WorksheetApi(this.env, sheet) : undefined;
    }
    return undefined;
  }

  override call(name: string, args: unknown[]): MethodResult {
    switch (name) {
      case "GetRange":
      case "GetRangeOrNullObject": {
        const target = this.target();
        if (!target) {
          if (name === "GetRangeOrNullObject") return new NullObject(this.env);
          throw new HostError("InvalidOperation", "The named item does not refer to a range.");
        }
        return new RangeApi(this.env, target.sheet, target.rect);
      }
      case "Delete":
        this.env.workbook.names = this.env.workbook.names.filter((n) => n !== this.item);
        return undefined;
      default:
        return super.call(name, args);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Settings

export class SettingCollectionApi extends ApiObject {
  readonly typeName = "SettingCollection";
  override readonly isCollection = true;

  override get locationName(): string {
    return "Settings";
  }

  override items(): ApiObject[] {
    return [...this.env.workbook.settings.keys()].map((k) => new SettingApi(this.env, k));
  }

  override indexer(key: unknown): ApiObject {
    const k = String(key);
    if (!this.env.workbook.settings.has(k)) throw itemNotFound();
    return new SettingApi(this.env, k);
  }

  override call(name: string, args: unknown[]): MethodResult {
    const settings = this.env.workbook.settings;
    switch (name) {
      case "Add": {
        const key = asString(args[0], "key");
        if (key === "") throw invalidArgument("key must not be empty");
        if (args[1] === undefined) throw invalidArgument("value is required");
        // Excel replaces an existing setting with the same key.
        settings.set(key, args[1]);
        return new SettingApi(this.env, key);
      }
      case "GetItem":
        return this.indexer(args[0]);
      case "GetItemOrNullObject": {
        const k = String(args[0]);
        return settings.has(k) ? new SettingApi(this.env, k) : new NullObject(this.env);
      }
      case "GetCount":
        return settings.size;
      default:
        return super.call(name, args);
    }
  }
}

export class SettingApi extends ApiObject {
  readonly typeName = "Setting";

  constructor(
    env: ApiEnv,
    readonly key: string,
  ) {
    super(env);
  }

  override checkAlive(): void {
    if (!this.env.workbook.settings.has(this.key)) throw itemNotFound();
  }

  override itemId(): string {
    return this.key;
  }

  override scalarNames(): readonly string[] {
    return ["Key", "Value"];
  }

  override get(name: string): unknown {
    if (name === "Key") return this.key;
    if (name === "Value") return this.env.workbook.settings.get(this.key);
    return super.get(name);
  }

  override set(name: string, value: unknown): void {
    if (name === "Value") {
      this.env.workbook.settings.set(this.key, value);
      return;
    }
    super.set(name, value);
  }

  override call(name: string, args: unknown[]): MethodResult {
    if (name === "Delete") {
      this.env.workbook.settings.delete(this.key);
      return undefined;
    }
    return super.call(name, args);
  }
}

// ---------------------------------------------------------------------------------------------
// Custom XML parts

/** The namespace of an XML document's root element ("" when it has none). */
function rootNamespace(xml: string): string {
  const root = /<([A-Za-z_][\w.-]*:)?[A-Za-z_][\w.-]*(\s[^>]*)?\/?>/.exec(xml.replace(/<\?[^>]*\?>/g, "").replace(/<!--[\s\S]*?-->/g, ""));
  if (!root) return "";
  const prefix = root[1] ? root[1].slice(0, -1) : undefined;
  const attrs = root[2] ?? "";
  const re = prefix ? new RegExp(`xmlns:${prefix}\\s*=\\s*"([^"]*)"`) : /xmlns\s*=\s*"([^"]*)"/;
  return re.exec(attrs)?.[1] ?? "";
}

export class CustomXmlPartCollectionApi extends ApiObject {
  readonly typeName = "CustomXmlPartCollection";
  override readonly isCollection = true;

  /** `namespace` set: the scoped collection from getByNamespace. */
  constructor(
    env: ApiEnv,
    readonly namespace: string | undefined,
  ) {
    super(env);
  }

  override get locationName(): string {
    return "CustomXmlParts";
  }

  private list() {
    return this.env.workbook.customXmlParts.filter((p) => this.namespace === undefined || p.namespaceUri === this.namespace);
  }

  override items(): ApiObject[] {
    return this.list().map((p) => new CustomXmlPartApi(this.env, p.id));
  }

  override indexer(key: unknown): ApiObject {
    const part = this.list().find((p) => p.id === key);
    if (!part) throw itemNotFound();
    return new CustomXmlPartApi(this.env, part.id);
  }

  override call(name: string, args: unknown[]): MethodResult {
    const wb = this.env.workbook;
    switch (name) {
      case "Add": {
        if (this.namespace !== undefined) return super.call(name, args);
        const xml = asString(args[0], "xml");
        if (!/^\s*(<\?xml[^>]*\?>\s*)?<[A-Za-z_]/.test(xml)) throw invalidArgument("xml must be an XML document");
        const part = { id: wb.nextId("xml"), namespaceUri: rootNamespace(xml), xml };
        wb.customXmlParts.push(part);
        return new CustomXmlPartApi(this.env, part.id);
      }
      case "GetItem":
        return this.indexer(args[0]);
      case "GetItemOrNullObject": {
        const part = this.list().find((p) => p.id === args[0]);
        return part ? new CustomXmlPartApi(this.env, part.id) : new NullObject(this.env);
      }
      case "GetByNamespace":
        return new CustomXmlPartCollectionApi(this.env, asString(args[0], "namespaceUri"));
      case "GetCount":
        return this.list().length;
      case "GetOnlyItem":
      case "GetOnlyItemOrNullObject": {
        const list = this.list();
        if (list.length !== 1) {
          if (name === "GetOnlyItemOrNullObject") return new NullObject(this.env);
          throw list.length === 0 ? itemNotFound() : new HostError("InvalidOperation", "More than one custom XML part has this namespace.");
        }
        return new CustomXmlPartApi(this.env, list[0].id);
      }
      default:
        return super.call(name, args);
    }
  }
}

export class CustomXmlPartApi extends ApiObject {
  readonly typeName = "CustomXmlPart";

  constructor(
    env: ApiEnv,
    readonly id: string,
  ) {
    super(env);
  }

  private get part() {
    const part = this.env.workbook.customXmlParts.find((p) => p.id === this.id);
    if (!part) throw itemNotFound();
    return part;
  }

  override checkAlive(): void {
    void this.part;
  }

  override itemId(): string {
    return this.id;
  }

  override scalarNames(): readonly string[] {
    return ["Id", "NamespaceUri"];
  }

  override get(name: string): unknown {
    if (name === "Id") return this.part.id;
    if (name === "NamespaceUri") return this.part.namespaceUri;
    return super.get(name);
  }

  override call(name: string, args: unknown[]): MethodResult {
    const part = this.part;
    switch (name) {
      case "GetXml":
        return part.xml;
      case "SetXml":
        part.xml = asString(args[0], "xml");
        part.namespaceUri = rootNamespace(part.xml);
        return undefined;
      case "Delete":
        this.env.workbook.customXmlParts = this.env.workbook.customXmlParts.filter((p) => p !== part);
        return undefined;
      default:
        return super.call(name, args);
    }
  }
}

// Ranges reach their worksheet through this link (api-range cannot import this module).
rangeLinks.worksheet = (env, sheet) => new WorksheetApi(env, sheet);
