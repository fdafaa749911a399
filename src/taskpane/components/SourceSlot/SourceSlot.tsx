// One input of the analysis (this year's ranking, last year's, the NBS series…): an address box,
// "Use selection", "Read", and the preview of what was understood, with its corrections.

import * as React from "react";
import { Button, Field, Input, MessageBar, MessageBarBody, Spinner } from "@fluentui/react-components";
import { useLocale } from "../../locale";
import { SourcePreviewView } from "../SourcePreview/SourcePreview";
import { SourceSlotProps, useSourceSlot } from "./useSourceSlot";
import { useSourceSlotStyles } from "./SourceSlot.styles";

export type { SourceSlotProps } from "./useSourceSlot";

// Memoised: typing in one part of the pane does not re-render the others.
export const SourceSlot = React.memo(function SourceSlot(props: SourceSlotProps): React.JSX.Element {
  const state = useSourceSlot(props);
  const { t, f } = useLocale();
  const styles = useSourceSlotStyles();
  const titleId = React.useId();
  const disabled = props.disabled === true;
  const reading = state.preview.status === "reading";
  return (
    <section className={styles.root} aria-labelledby={titleId}>
      <h3 id={titleId} className={styles.title}>
        {state.title}
      </h3>
      <Field label={t.address} hint={state.hint}>
        <Input
          value={state.slot.address}
          aria-label={f(t.addressOf, { source: state.title })}
          placeholder={t.addressPlaceholder}
          disabled={disabled}
          onChange={(_, data) => state.setAddress(data.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") void state.read();
          }}
        />
      </Field>
      <div className={styles.actions}>
        <Button aria-label={f(t.useSelectionFor, { source: state.title })} disabledFocusable={disabled || reading} onClick={() => void state.takeSelection()}>
          {t.useSelection}
        </Button>
        <Button aria-label={f(t.readFor, { source: state.title })} disabledFocusable={disabled || reading || state.slot.address.trim() === ""} onClick={() => void state.read()}>
          {t.read}
        </Button>
      </div>
      {reading && <Spinner size="tiny" labelPosition="after" label={t.reading} />}
      {state.preview.status === "failed" && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{f(t.unexpectedError, { detail: state.preview.detail })}</MessageBarBody>
        </MessageBar>
      )}
      {state.preview.status === "ready" && (
        <SourcePreviewView
          title={state.title}
          role={state.role}
          preview={state.preview.preview}
          overrides={state.slot.overrides}
          disabled={disabled}
          onCorrect={state.correct}
          onLocate={state.onLocate}
        />
      )}
    </section>
  );
});
