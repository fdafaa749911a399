// "Refresh": the analyses stored in this workbook, each with Refresh (run again on the current
// data, rewriting its own sheet) and Edit (back into the form), and "Refresh all".

import * as React from "react";
import { Button, MessageBar, MessageBarBody, Spinner, Text } from "@fluentui/react-components";
import { useLocale } from "../../locale";
import { ProblemList } from "../ProblemList/ProblemList";
import { RefreshOutcome, StoredAnalysesProps, useStoredAnalyses } from "./useStoredAnalyses";
import { useStoredAnalysesStyles } from "./StoredAnalyses.styles";

export type { StoredAnalysesProps, RefreshOutcome } from "./useStoredAnalyses";

function Outcome(props: { outcome: RefreshOutcome; name: string; onLocate: (l: string) => void }): React.JSX.Element {
  const { t, f } = useLocale();
  const { outcome } = props;
  if ("detail" in outcome) return <ProblemList problems={[]} unexpected={outcome.detail} onLocate={props.onLocate} errorTitle={f(t.refreshFailed, { name: props.name })} />;
  if (!outcome.result.ok) return <ProblemList problems={outcome.result.problems} onLocate={props.onLocate} errorTitle={f(t.refreshFailed, { name: props.name })} />;
  return (
    <MessageBar intent="success" layout="multiline">
      <MessageBarBody>{f(t.refreshDone, { sheet: outcome.result.sheetName })}</MessageBarBody>
    </MessageBar>
  );
}

// Memoised: typing in one part of the pane does not re-render the others.
export const StoredAnalyses = React.memo(function StoredAnalyses(props: StoredAnalysesProps): React.JSX.Element {
  const state = useStoredAnalyses(props);
  const { t, f } = useLocale();
  const styles = useStoredAnalysesStyles();
  if (state.analyses === null) return <Spinner size="tiny" labelPosition="after" label={t.storedLoading} />;
  return (
    <div className={styles.root}>
      {state.failure !== undefined && <ProblemList problems={[]} unexpected={state.failure} onLocate={state.onLocate} />}
      {state.items.length === 0 ? (
        <Text>{t.storedEmpty}</Text>
      ) : (
        <ul className={styles.list} aria-label={t.storedListLabel}>
          {state.items.map((item) => (
            <li key={item.definition.id} className={styles.item}>
              <Text className={styles.name}>{item.name}</Text>
              <Text size={200} className={styles.detail}>
                {item.detail}
              </Text>
              <Text size={200} className={styles.detail}>
                {f(t.storedSources, { sources: item.sources })}
              </Text>
              <div className={styles.actions}>
                <Button aria-label={f(t.refreshOne, { name: item.name })} disabledFocusable={state.busy} onClick={() => state.onRefresh(item.definition)}>
                  {t.refresh}
                </Button>
                {item.editable && (
                  <Button aria-label={f(t.editOne, { name: item.name })} disabledFocusable={state.busy} onClick={() => state.onEdit(item.definition)}>
                    {t.edit}
                  </Button>
                )}
              </div>
              {item.outcome !== undefined && <Outcome outcome={item.outcome} name={item.name} onLocate={state.onLocate} />}
            </li>
          ))}
        </ul>
      )}
      {state.items.length > 0 && (
        <Button disabledFocusable={state.busy} onClick={state.onRefreshAll}>
          {t.refreshAll}
        </Button>
      )}
    </div>
  );
});
