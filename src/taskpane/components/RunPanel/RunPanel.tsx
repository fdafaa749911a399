// The one primary action: Run. Disabled (but still focusable, and saying why) while settings are
// wrong, while nothing is chosen, and while a run or refresh is going; progress through the phases.

import * as React from "react";
import { Button, Field, ProgressBar, Text } from "@fluentui/react-components";
import { useLocale } from "../../locale";
import { RunPanelProps, useRunPanel } from "./useRunPanel";
import { useRunPanelStyles } from "./RunPanel.styles";

export type { RunPanelProps } from "./useRunPanel";

export function RunPanel(props: RunPanelProps): React.JSX.Element {
  const state = useRunPanel(props);
  const { t } = useLocale();
  const styles = useRunPanelStyles();
  const blockedId = React.useId();
  return (
    <div className={styles.root}>
      <Button
        appearance="primary"
        size="large"
        className={styles.button}
        disabledFocusable={state.disabled}
        aria-describedby={state.blockedText !== undefined ? blockedId : undefined}
        onClick={state.onRun}
      >
        {state.busy === "run" ? t.running : t.runButton}
      </Button>
      {state.blockedText !== undefined && (
        <Text id={blockedId} size={200} className={styles.blocked}>
          {state.blockedText}
        </Text>
      )}
      <div role="status" aria-live="polite">
        {state.phaseText !== undefined && (
          <Field validationMessage={state.phaseText} validationState="none">
            <ProgressBar value={state.progress} aria-label={t.progressLabel} />
          </Field>
        )}
      </div>
    </div>
  );
}
