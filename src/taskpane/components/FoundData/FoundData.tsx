// "Find data": the button, and what it found — per sheet looked at, each table with its reading
// and a checkbox (ticked: the run uses it), a table beside the slots with its reading to check and
// correct — or the sheets named when nothing was found.

import * as React from "react";
import { Button, Checkbox, MessageBar, MessageBarBody, Spinner, Text } from "@fluentui/react-components";
import { useLocale } from "../../locale";
import { ProblemList } from "../ProblemList/ProblemList";
import { FoundTable } from "../FoundTable/FoundTable";
import { FoundDataProps, useFoundData } from "./useFoundData";
import { useFoundDataStyles } from "./FoundData.styles";

export type { FoundDataProps } from "./useFoundData";

export function FoundData(props: FoundDataProps): React.JSX.Element {
  const state = useFoundData(props);
  const { t, f } = useLocale();
  const styles = useFoundDataStyles();
  const titleId = React.useId();
  const hintId = React.useId();
  const disabled = props.disabled === true;
  const { find } = props;
  return (
    <div className={styles.root} data-find-data="">
      <Button appearance="primary" aria-describedby={hintId} disabledFocusable={disabled || find.status === "reading"} onClick={props.onFind}>
        {t.findData}
      </Button>
      <Text id={hintId} size={200} className={styles.muted}>
        {t.findDataHint}
      </Text>
      {find.status === "reading" && <Spinner size="tiny" labelPosition="after" label={t.findDataReading} />}
      {find.status === "failed" && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{f(t.unexpectedError, { detail: find.detail })}</MessageBarBody>
        </MessageBar>
      )}
      {find.status === "ready" && find.data.problems.length > 0 && <ProblemList problems={find.data.problems} onLocate={props.onLocate} errorTitle={t.noticeTitle} />}
      {state.summary !== undefined && (
        <MessageBar intent={state.summary.intent} layout="multiline">
          <MessageBarBody>{state.summary.text}</MessageBarBody>
        </MessageBar>
      )}
      {state.sheets.length > 0 && (
        <section aria-labelledby={titleId} className={styles.root}>
          <h3 id={titleId} className={styles.sheetName}>
            {t.findDataTitle}
          </h3>
          <ul className={styles.list}>
            {state.sheets.map((s) => (
              <li key={s.sheet} className={styles.sheet}>
                {s.rows.length === 0 ? (
                  <Text className={styles.muted}>{f(t.findDataSheetNothing, { sheet: s.sheet })}</Text>
                ) : (
                  <div role="group" aria-label={s.sheet} className={styles.sheet}>
                    <Text weight="semibold">{s.sheet}</Text>
                    {s.rows.map((row) => (
                      <React.Fragment key={row.key}>
                        <Checkbox
                          className={styles.item}
                          label={row.label}
                          checked={row.checked}
                          disabled={disabled}
                          onChange={(_, data) => props.onToggle(row.key, data.checked === true)}
                        />
                        {row.beside !== undefined && (
                          <FoundTable
                            item={row.beside}
                            services={props.services}
                            onCorrect={props.onCorrect}
                            onRead={props.onRead}
                            onLocate={props.onLocate}
                            disabled={disabled}
                          />
                        )}
                      </React.Fragment>
                    ))}
                  </div>
                )}
              </li>
            ))}
          </ul>
          {state.alias !== undefined && <Text>{state.alias}</Text>}
        </section>
      )}
    </div>
  );
}
