// The run button's state: why it cannot run (settings to fix, no data chosen), and how far a
// run has come, as a label and a fraction for the progress bar.

import type { RunPhase } from "../../../run";
import type { MessageKey } from "../../../i18n";
import { useLocale } from "../../locale";

export interface RunPanelProps {
  /** What is going on: nothing, a run, or a refresh. */
  readonly busy: "run" | "refresh" | null;
  readonly phase: RunPhase | null;
  /** Why Run is not available, as a message key (undefined: it is). */
  readonly blocked?: "settings" | "no-sources";
  readonly onRun: () => void;
}

const PHASES: readonly RunPhase[] = ["reading", "computing", "writing", "verifying", "done"];

const PHASE_KEY: Readonly<Record<RunPhase, MessageKey>> = {
  reading: "phaseReading",
  computing: "phaseComputing",
  writing: "phaseWriting",
  verifying: "phaseVerifying",
  done: "phaseDone",
};

export interface RunPanelState extends RunPanelProps {
  readonly disabled: boolean;
  readonly blockedText?: string;
  readonly phaseText?: string;
  /** 0–1 for the progress bar; undefined before the first phase is reported. */
  readonly progress?: number;
}

export function useRunPanel(props: RunPanelProps): RunPanelState {
  const { t } = useLocale();
  const blockedText = props.blocked === "settings" ? t.runBlockedSettings : props.blocked === "no-sources" ? t.runBlockedNoSources : undefined;
  const phaseText = props.busy === null ? undefined : props.phase === null ? t.phaseStarting : t[PHASE_KEY[props.phase]];
  const progress = props.phase === null ? undefined : (PHASES.indexOf(props.phase) + 1) / PHASES.length;
  return {
    ...props,
    disabled: props.busy !== null || props.blocked !== undefined,
    ...(blockedText !== undefined ? { blockedText } : {}),
    ...(phaseText !== undefined ? { phaseText } : {}),
    ...(progress !== undefined && props.busy !== null ? { progress } : {}),
  };
}
