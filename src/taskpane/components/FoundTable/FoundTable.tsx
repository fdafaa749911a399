// Under a table Find data listed beside the slots: "Check and correct", opening what StatDesk
// understood of it with the same corrections a slot offers (SourcePreviewView).

import * as React from "react";
import { Button, MessageBar, MessageBarBody, Spinner } from "@fluentui/react-components";
import { useLocale } from "../../locale";
import { SourcePreviewView } from "../SourcePreview/SourcePreview";
import { FoundTableProps, useFoundTable } from "./useFoundTable";
import { useFoundTableStyles } from "./FoundTable.styles";

export type { FoundTableProps } from "./useFoundTable";

export function FoundTable(props: FoundTableProps): React.JSX.Element {
  const state = useFoundTable(props);
  const { t, f } = useLocale();
  const styles = useFoundTableStyles();
  const panelId = React.useId();
  const disabled = props.disabled === true;
  const { item } = props;
  return (
    <div className={styles.root}>
      <Button
        size="small"
        appearance="subtle"
        className={styles.toggle}
        aria-label={f(t.findDataCorrectFor, { address: item.address })}
        aria-expanded={state.open}
        aria-controls={panelId}
        onClick={state.toggle}
      >
        {t.findDataCorrect}
      </Button>
      <div id={panelId} className={styles.panel} hidden={!state.open}>
        {state.open && state.read.status === "reading" && <Spinner size="tiny" labelPosition="after" label={t.reading} />}
        {state.open && state.read.status === "failed" && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{f(t.unexpectedError, { detail: state.read.detail })}</MessageBarBody>
          </MessageBar>
        )}
        {state.open && item.preview !== undefined && (
          <SourcePreviewView
            title={state.title}
            role={item.role}
            preview={item.preview}
            overrides={item.overrides}
            disabled={disabled}
            onCorrect={state.correct}
            onLocate={props.onLocate}
          />
        )}
      </div>
    </div>
  );
}
