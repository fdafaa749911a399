// The in-memory workbook as Excel shows it: Name Box and formula bar, the sheet's grid with its
// charts, and the sheet tabs. It follows the host: whatever the task pane writes appears here.

import * as React from "react";
import { Input, Tab, TabList } from "@fluentui/react-components";
import { format } from "../../../i18n";
import { SheetGrid } from "../SheetGrid/SheetGrid";
import { useWorkbookViewStyles } from "./WorkbookView.styles";
import { gridLabel, useWorkbookView, WorkbookViewProps, WorkbookViewState } from "./useWorkbookView";

export type { WorkbookViewProps } from "./useWorkbookView";

export function renderWorkbookView(state: WorkbookViewState, styles: ReturnType<typeof useWorkbookViewStyles>): React.JSX.Element {
  const s = state.strings;
  return (
    <div className={styles.root}>
      <div className={styles.bar}>
        <Input
          className={styles.nameBox}
          size="small"
          aria-label={s.nameBox}
          aria-invalid={state.nameBoxInvalid}
          value={state.nameBoxText}
          onChange={(_, d) => state.onNameBoxChange(d.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") state.onNameBoxCommit();
            else if (e.key === "Escape") state.onNameBoxCancel();
          }}
          onBlur={state.onNameBoxCancel}
          data-name-box=""
        />
        <span className={styles.fx} aria-hidden="true">
          fx
        </span>
        <Input className={styles.formula} size="small" aria-label={s.formulaBar} value={state.formulaText} readOnly data-formula-bar="" />
      </div>
      <div className={styles.grid}>
        <SheetGrid
          workbook={state.host.workbook}
          sheet={state.sheet}
          layout={state.layout}
          version={state.version}
          selection={state.selection}
          onSelect={state.onSelect}
          reveal={state.reveal}
          label={gridLabel(s, state.sheet)}
          columnHeadersLabel={s.columnHeaders}
          rowHeadersLabel={s.rowHeaders}
          chartLabels={{
            chart: (title) => format(s.chart, { title }),
            untitled: (name) => format(s.chartUntitled, { name }),
            notDrawn: (type) => format(s.chartNotDrawn, { type }),
          }}
        />
      </div>
      <div className={styles.tabs}>
        <TabList size="small" aria-label={s.sheetTabs} selectedValue={state.sheet.id} onTabSelect={(_, d) => state.onSheetSelect(String(d.value))}>
          {state.sheets.map((sheet) => (
            <Tab key={sheet.id} value={sheet.id} data-sheet-tab={sheet.name}>
              <span className={styles.tabLabel}>
                {sheet.name}
                {sheet.tabColor !== "" && <span className={styles.tabColour} style={{ backgroundColor: sheet.tabColor }} aria-hidden="true" />}
              </span>
            </Tab>
          ))}
        </TabList>
      </div>
    </div>
  );
}

export function WorkbookView(props: WorkbookViewProps): React.JSX.Element {
  const state = useWorkbookView(props);
  const styles = useWorkbookViewStyles();
  return renderWorkbookView(state, styles);
}
