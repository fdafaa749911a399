// The StatDesk task pane: data → settings → run → results → stored analyses, one column that fits
// 320 px, in the order a statistician works and a keyboard moves. `PaneRoot` adds the Fluent
// theme (high contrast when Windows asks for forced colours); Excel, the workbench and tests
// mount <PaneRoot services=… language=… />.

import * as React from "react";
import {
  Button,
  Field,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  teamsHighContrastTheme,
  Text,
  webLightTheme,
} from "@fluentui/react-components";
import type { RankingLayout } from "./form";
import { LocaleProvider, useLocale } from "./locale";
import { AppProps, AppState, useApp } from "./useApp";
import { useAppStyles } from "./App.styles";
import { SourceSlot } from "./components/SourceSlot/SourceSlot";
import { FoundData } from "./components/FoundData/FoundData";
import { AliasSheet } from "./components/AliasSheet/AliasSheet";
import { Settings } from "./components/Settings/Settings";
import { RunPanel } from "./components/RunPanel/RunPanel";
import { ProblemList } from "./components/ProblemList/ProblemList";
import { Results } from "./components/Results/Results";
import { StoredAnalyses } from "./components/StoredAnalyses/StoredAnalyses";

export type { AppProps } from "./useApp";

function Section(props: { title: string; children: React.ReactNode }): React.JSX.Element {
  const styles = useAppStyles();
  const id = React.useId();
  return (
    <section className={styles.section} aria-labelledby={id}>
      <h2 id={id} className={styles.sectionTitle}>
        {props.title}
      </h2>
      {props.children}
    </section>
  );
}

function RunOutcomeView(props: { state: AppState }): React.JSX.Element | null {
  const { t, f } = useLocale();
  const { outcome, locate } = props.state;
  if (outcome === null) return null;
  if (outcome.kind === "unexpected") return <ProblemList problems={[]} unexpected={outcome.detail} onLocate={locate} errorTitle={t.runFailedTitle} />;
  const { result } = outcome;
  return (
    <>
      {result.ok && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{f(t.runDone, { sheet: result.sheetName })}</MessageBarBody>
        </MessageBar>
      )}
      <ProblemList problems={result.problems} onLocate={locate} errorTitle={t.runFailedTitle} />
    </>
  );
}

function PaneBody(props: { state: AppState }): React.JSX.Element {
  const { state } = props;
  const { t } = useLocale();
  const styles = useAppStyles();
  const running = state.busy !== null;
  const result = state.outcome?.kind === "result" && state.outcome.result.ok ? state.outcome.result : undefined;
  return (
    <main className={styles.root} lang={state.language}>
      <header className={styles.header}>
        <h1 className={styles.title}>{t.appTitle}</h1>
        <Text size={200} className={styles.subtitle}>
          {t.appSubtitle}
        </Text>
      </header>
      {state.notice !== null && (
        <div className={styles.notice}>
          <ProblemList problems={state.notice.problems} unexpected={state.notice.detail} onLocate={state.locate} errorTitle={t.noticeTitle} />
          <Button size="small" appearance="subtle" onClick={state.dismissNotice}>
            {t.dismiss}
          </Button>
        </div>
      )}
      <Section title={t.sectionData}>
        <FoundData
          find={state.find}
          form={state.form}
          services={state.services}
          onFind={state.findData}
          onToggle={state.toggleFound}
          onCorrect={state.correctFound}
          onRead={state.foundRead}
          onLocate={state.locate}
          disabled={running}
        />
        <Field label={t.layoutLabel}>
          <RadioGroup value={state.form.layout} disabled={running} onChange={(_, data) => state.setLayout(data.value as RankingLayout)}>
            <Radio value="two-lists" label={t.layoutTwoLists} />
            <Radio value="wide" label={t.layoutWide} />
            <Radio value="single" label={t.layoutSingle} />
          </RadioGroup>
        </Field>
        {state.slots.map((role) => (
          <SourceSlot
            key={role}
            role={role}
            slot={state.form.slots[role]}
            preview={state.previews[role]}
            services={state.services}
            onSlotChange={state.setSlot}
            onPreviewChange={state.setPreview}
            onLocate={state.locate}
            disabled={running}
          />
        ))}
        {state.aliasSheet !== null && <AliasSheet reading={state.aliasSheet} onLocate={state.locate} />}
      </Section>
      <Section title={t.sectionSettings}>
        <Settings
          settings={state.form.settings}
          check={state.check}
          onChange={state.changeSettings}
          national={state.national}
          onNationalSelection={state.nationalSelection}
          onNationalRead={state.nationalRead}
          disabled={running}
          rankingsFound={state.rankingsFound}
        />
      </Section>
      <Section title={t.sectionRun}>
        <RunPanel busy={state.busy === "find" ? null : state.busy} phase={state.phase} {...(state.blocked !== undefined ? { blocked: state.blocked } : {})} onRun={state.run} />
        <RunOutcomeView state={state} />
      </Section>
      {result !== undefined && (
        <Section title={t.sectionResults}>
          <Results
            analysis={result.analysis}
            sheetName={result.sheetName}
            outputLanguage={result.definition.output.language}
            onGoToSummary={state.goToSummary}
            onLocate={state.locate}
          />
        </Section>
      )}
      <Section title={t.sectionStored}>
        <StoredAnalyses
          analyses={state.stored}
          {...(state.storedFailure !== undefined ? { failure: state.storedFailure } : {})}
          outcomes={state.refreshOutcomes}
          busy={running}
          editable={state.editable}
          onRefresh={state.refresh}
          onRefreshAll={state.refreshAll}
          onEdit={state.edit}
          onLocate={state.locate}
        />
        <Button className={styles.startOver} appearance="subtle" disabledFocusable={running} onClick={state.newAnalysis}>
          {t.newAnalysis}
        </Button>
      </Section>
    </main>
  );
}

/** The pane, inside a FluentProvider the caller supplies. */
export function App(props: AppProps): React.JSX.Element {
  const state = useApp(props);
  return (
    <LocaleProvider language={props.language}>
      <PaneBody state={state} />
    </LocaleProvider>
  );
}

/** True while Windows (or the browser) forces its own colours: high-contrast mode. */
function useForcedColors(): boolean {
  const query = React.useMemo(
    () => (typeof window !== "undefined" && typeof window.matchMedia === "function" ? window.matchMedia("(forced-colors: active)") : undefined),
    [],
  );
  const [forced, setForced] = React.useState(query?.matches === true);
  React.useEffect(() => {
    if (query === undefined || typeof query.addEventListener !== "function") return;
    const changed = (event: MediaQueryListEvent) => setForced(event.matches);
    query.addEventListener("change", changed);
    return () => query.removeEventListener("change", changed);
  }, [query]);
  return forced;
}

/** The pane with its theme: what Excel, the workbench and the tests mount. */
export function PaneRoot(props: AppProps): React.JSX.Element {
  const forced = useForcedColors();
  return (
    <FluentProvider theme={forced ? teamsHighContrastTheme : webLightTheme}>
      <App {...props} />
    </FluentProvider>
  );
}
