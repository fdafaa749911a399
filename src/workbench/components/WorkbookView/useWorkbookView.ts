// The workbook view's state: it re-reads the workbook whenever the host reports a change (the
// task pane wrote, selected or activated something), keeps the grid's selection and the host's
// selection the same (a click in the grid is what the pane's "Use selection" reads; a cell the
// pane selects is shown and scrolled to), and switches sheets from the tabs and the Name Box.

import * as React from "react";
import { cellAddress, cellValue, parseReference, Rect, rectAddress, SheetModel, WorkbookHost } from "../../../host";
import { format } from "../../../i18n";
import { layoutSheet, SheetLayout } from "../../sheet-layout";
import { activeCell, Cell, GridSelection, selectionFromRect, selectionRect } from "../../selection";
import { WorkbenchStrings } from "../../strings";

export interface WorkbookViewProps {
  readonly host: WorkbookHost;
  readonly strings: WorkbenchStrings;
}

export interface WorkbookViewState {
  readonly host: WorkbookHost;
  readonly strings: WorkbenchStrings;
  readonly version: number;
  readonly sheet: SheetModel;
  readonly sheets: readonly SheetModel[];
  readonly layout: SheetLayout;
  readonly selection: GridSelection;
  readonly reveal: { readonly cell: Cell } | null;
  /** What the Name Box shows (the active cell), or what is being typed into it. */
  readonly nameBoxText: string;
  readonly nameBoxInvalid: boolean;
  /** The active cell's formula or value, as Excel's formula bar shows it. */
  readonly formulaText: string;
  readonly onSelect: (selection: GridSelection) => void;
  readonly onSheetSelect: (sheetId: string) => void;
  readonly onNameBoxChange: (text: string) => void;
  readonly onNameBoxCommit: () => void;
  readonly onNameBoxCancel: () => void;
}

/** What the formula bar shows for a cell: its formula, else its value (a percentage as typed). */
export function formulaBarText(sheet: SheetModel, row: number, column: number): string {
  const formula = sheet.formula(row, column);
  if (formula !== undefined) return formula;
  const value = cellValue(sheet, row, column);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") {
    if (/%/.test(sheet.style(row, column).numberFormat.replace(/"[^"]*"/g, ""))) return `${Number((value * 100).toPrecision(15))}%`;
    return String(Number(value.toPrecision(15)));
  }
  return value;
}

export function useWorkbookView(props: WorkbookViewProps): WorkbookViewState {
  const { host, strings } = props;
  const workbook = host.workbook;
  const [version, setVersion] = React.useState(0);
  const bump = React.useCallback(() => setVersion((v) => v + 1), []);

  React.useEffect(() => host.onChange(bump), [host, bump]);

  const sheet = workbook.activeSheet();
  const sheets = workbook.sheets.filter((s) => s.visibility === "Visible");
  // Laid out again after every change: a write may add rows, widths, frozen panes or charts.
  const layout = React.useMemo(() => layoutSheet(sheet), [sheet, version]);

  // The host's selection is the truth; the grid's own (anchor, corner) is kept while it matches.
  const current = workbook.currentSelection();
  const modelKey = `${current.sheet.id}|${rectAddress(current.rect)}`;
  const [local, setLocal] = React.useState<{ key: string; selection: GridSelection } | null>(null);
  const selection = local !== null && local.key === modelKey ? local.selection : selectionFromRect(current.rect);
  /** Per sheet id, the rectangle last selected there, to select again on coming back. */
  const remembered = React.useRef(new Map<string, Rect>());
  const committed = React.useRef(modelKey);
  const [reveal, setReveal] = React.useState<{ cell: Cell } | null>(null);

  // A selection made elsewhere (the pane went to a problem's cell): show it.
  React.useEffect(() => {
    if (committed.current !== modelKey) {
      committed.current = modelKey;
      setReveal({ cell: { row: current.rect.row, column: current.rect.column } });
    }
  }, [modelKey, current.rect.row, current.rect.column]);

  const commit = React.useCallback(
    (target: SheetModel, next: GridSelection) => {
      const rect = selectionRect(next);
      const key = `${target.id}|${rectAddress(rect)}`;
      committed.current = key;
      remembered.current.set(target.id, rect);
      // Selecting in the model tells no listener (only the client's requests do); the new local
      // state re-renders the view, and the layout is not recomputed for a selection.
      workbook.select(target, rect);
      setLocal({ key, selection: next });
    },
    [workbook],
  );

  const onSelect = React.useCallback((next: GridSelection) => commit(sheet, next), [commit, sheet]);

  const onSheetSelect = React.useCallback(
    (sheetId: string) => {
      const target = workbook.sheetById(sheetId);
      if (target === undefined || target === sheet) return;
      const rect = remembered.current.get(sheetId) ?? { row: 0, column: 0, rowCount: 1, columnCount: 1 };
      commit(target, selectionFromRect(rect));
    },
    [workbook, sheet, commit],
  );

  // Name Box: shows the active cell; typing an address and Enter selects it.
  const at = activeCell(selection);
  const shown = cellAddress(at.row, at.column);
  const [typed, setTyped] = React.useState<string | null>(null);
  const [invalid, setInvalid] = React.useState(false);
  const onNameBoxChange = React.useCallback((text: string) => {
    setTyped(text);
    setInvalid(false);
  }, []);
  const onNameBoxCancel = React.useCallback(() => {
    setTyped(null);
    setInvalid(false);
  }, []);
  const onNameBoxCommit = React.useCallback(() => {
    if (typed === null) return;
    const parsed = parseReference(typed.trim());
    const target = parsed?.sheet !== undefined ? workbook.sheet(parsed.sheet) : sheet;
    if (parsed === undefined || target === undefined) {
      setInvalid(true);
      return;
    }
    commit(target, selectionFromRect(parsed));
    setReveal({ cell: { row: parsed.row, column: parsed.column } });
    setTyped(null);
  }, [typed, workbook, sheet, commit]);

  return {
    host,
    strings,
    version,
    sheet,
    sheets,
    layout,
    selection,
    reveal,
    nameBoxText: typed ?? shown,
    nameBoxInvalid: invalid,
    formulaText: formulaBarText(sheet, at.row, at.column),
    onSelect,
    onSheetSelect,
    onNameBoxChange,
    onNameBoxCommit,
    onNameBoxCancel,
  };
}

/** The grid's accessible name. */
export function gridLabel(strings: WorkbenchStrings, sheet: SheetModel): string {
  return format(strings.grid, { sheet: sheet.name });
}
