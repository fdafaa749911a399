// The alias sheet (别名 / StatDesk_别名) in the pane's "what StatDesk understood": every run reads
// it, so the person sees which names it unifies and, at its cell, a line that stops the runs.

import * as React from "react";
import { Text } from "@fluentui/react-components";
import { useLocale } from "../../locale";
import { ProblemList } from "../ProblemList/ProblemList";
import { AliasSheetProps, useAliasSheet } from "./useAliasSheet";
import { useAliasSheetStyles } from "./AliasSheet.styles";

export type { AliasSheetProps } from "./useAliasSheet";

export function AliasSheet(props: AliasSheetProps): React.JSX.Element {
  const state = useAliasSheet(props);
  const { t } = useLocale();
  const styles = useAliasSheetStyles();
  return (
    <div role="group" aria-label={t.aliasOf} className={styles.root} data-alias-sheet="">
      <Text weight="semibold">{state.heading}</Text>
      <Text>{state.summary}</Text>
      {state.lines.length > 0 && (
        <ul className={styles.list}>
          {state.lines.map((l) => (
            <li key={l.location}>{l.text}</li>
          ))}
          {state.more !== undefined && <li>{state.more}</li>}
        </ul>
      )}
      <ProblemList problems={props.reading.problems} onLocate={props.onLocate} errorTitle={t.aliasProblemsTitle} />
    </div>
  );
}
