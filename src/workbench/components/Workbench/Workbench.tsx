// The workbench page: the real task pane on the left, the in-memory workbook it works on at the
// right, and the page's own commands (language, open a file, download, reload the sample).

import * as React from "react";
import {
  Button,
  FluentProvider,
  Label,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Select,
  webLightTheme,
} from "@fluentui/react-components";
import { LANGUAGES } from "../../../core/messages";
import { format } from "../../../i18n";
import { LANGUAGE_NAMES } from "../../strings";
import { WorkbookView } from "../WorkbookView/WorkbookView";
import { useWorkbenchStyles } from "./Workbench.styles";
import { useWorkbench, WorkbenchProps, WorkbenchState } from "./useWorkbench";

export type { WorkbenchProps } from "./useWorkbench";

export function renderWorkbench(state: WorkbenchState, styles: ReturnType<typeof useWorkbenchStyles>, languageId: string): React.JSX.Element {
  const s = state.strings;
  return (
    <FluentProvider theme={webLightTheme} className={styles.root} lang={state.language}>
      <header className={styles.header}>
        <h1 className={styles.title}>{s.pageTitle}</h1>
        <span className={styles.note}>{s.pageNote}</span>
        <div className={styles.commands}>
          <div className={styles.language}>
            <Label htmlFor={languageId}>{s.language}</Label>
            <Select id={languageId} size="small" value={state.language} onChange={(_, d) => state.onLanguageSelect(d.value)} data-language-select="">
              {LANGUAGES.map((l) => (
                <option key={l} value={l} lang={l}>
                  {LANGUAGE_NAMES[l]}
                </option>
              ))}
            </Select>
          </div>
          <Button size="small" onClick={state.onOpenClick} disabled={state.busy}>
            {s.openFile}
          </Button>
          <input
            ref={state.fileInputRef}
            className={styles.hiddenInput}
            type="file"
            accept=".xlsx,.xls,.csv,.tsv,.txt,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel,text/csv"
            aria-label={s.openFile}
            onChange={(e) => state.onFileChosen(e.currentTarget.files)}
            data-open-file=""
          />
          <Button size="small" appearance="primary" onClick={state.onDownload} disabled={state.busy}>
            {s.download}
          </Button>
          <Button size="small" appearance="subtle" onClick={state.onReloadSample} disabled={state.busy}>
            {s.reloadSample}
          </Button>
        </div>
      </header>
      <div className={styles.notice} aria-live="polite">
        {state.notice !== null && (
          <MessageBar intent={state.notice.intent} data-workbench-notice={state.notice.intent}>
            <MessageBarBody>{state.notice.text}</MessageBarBody>
            <MessageBarActions>
              <Button size="small" appearance="transparent" onClick={state.onDismissNotice}>
                {s.dismiss}
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}
      </div>
      <main className={styles.main}>
        <aside className={styles.pane} aria-label={s.paneRegion} key={`${state.language}:${state.session.id}`} data-pane="">
          {state.pane ?? <p className={styles.paneMissing}>{s.paneMissing}</p>}
        </aside>
        <section className={styles.workbook} aria-label={format(s.workbookRegion, { name: state.session.host.workbook.name })}>
          <WorkbookView key={state.session.id} host={state.session.host} strings={s} />
        </section>
      </main>
    </FluentProvider>
  );
}

export function Workbench(props: WorkbenchProps): React.JSX.Element {
  const state = useWorkbench(props);
  const styles = useWorkbenchStyles();
  const languageId = React.useId();
  return renderWorkbench(state, styles, languageId);
}
