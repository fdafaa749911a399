// Problems as a person reads them: errors in an error bar, warnings and notes folded in a second
// bar; a problem that names a cell offers a button that selects that cell in the workbook.

import * as React from "react";
import { Button, MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { useLocale } from "../../locale";
import { CellLink } from "../CellLink/CellLink";
import { ProblemItem, ProblemListProps, useProblemList } from "./useProblemList";
import { useProblemListStyles } from "./ProblemList.styles";

export type { ProblemListProps } from "./useProblemList";

function Item(props: { item: ProblemItem; onLocate: (location: string) => void }): React.JSX.Element {
  const styles = useProblemListStyles();
  const { item } = props;
  return (
    <li className={styles.item}>
      {item.text}
      {item.location !== undefined && <CellLink location={item.location} onLocate={props.onLocate} />}
    </li>
  );
}

export function ProblemList(props: ProblemListProps): React.JSX.Element | null {
  const state = useProblemList(props);
  const { t, f } = useLocale();
  const styles = useProblemListStyles();
  const notesId = React.useId();
  if (state.errors.length === 0 && state.notes.length === 0 && state.unexpected === undefined) return null;
  return (
    <div className={styles.root}>
      {(state.errors.length > 0 || state.unexpected !== undefined) && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{state.errorTitle}</MessageBarTitle>
            <ul className={styles.list}>
              {state.unexpected !== undefined && <li className={styles.item}>{f(t.unexpectedError, { detail: state.unexpected })}</li>}
              {state.errors.map((item) => (
                <Item key={item.key} item={item} onLocate={state.onLocate} />
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {state.notes.length > 0 && (
        <MessageBar intent={state.notesIntent} layout="multiline">
          <MessageBarBody>
            {f(t.notesCount, { count: state.notes.length + state.hiddenNotes })}
            <Button
              className={styles.toggle}
              size="small"
              appearance="transparent"
              aria-expanded={state.notesOpen}
              aria-controls={notesId}
              onClick={state.toggleNotes}
            >
              {state.notesOpen ? t.hideNotes : t.showNotes}
            </Button>
            <ul id={notesId} className={styles.list} hidden={!state.notesOpen}>
              {state.notesOpen && state.notes.map((item) => <Item key={item.key} item={item} onLocate={state.onLocate} />)}
              {state.notesOpen && state.hiddenNotes > 0 && <li className={styles.item}>{f(t.moreNotes, { count: state.hiddenNotes })}</li>}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
