// Splits problems into what stops the work (errors) and what to know (warnings and notes), each
// with its message in the pane's language, and keeps the notes list folded until asked for.

import * as React from "react";
import type { Problem } from "../../../core/problems";
import { problemMessage } from "../../../core/messages";
import { useLocale } from "../../locale";

export interface ProblemListProps {
  readonly problems: readonly Problem[];
  /** Selects a problem's cell in the workbook. */
  readonly onLocate: (location: string) => void;
  /** Heading of the error bar; default: the generic one. */
  readonly errorTitle?: string;
  /** An unexpected failure (an exception's text), shown as an error. */
  readonly unexpected?: string;
}

export interface ProblemItem {
  readonly key: string;
  readonly text: string;
  readonly location?: string;
}

/** Notes shown at most, so that a list with a thousand blank cells stays usable. */
const MAX_NOTES = 50;

export interface ProblemListState {
  readonly errors: readonly ProblemItem[];
  readonly notes: readonly ProblemItem[];
  /** How many notes are not shown (beyond MAX_NOTES). */
  readonly hiddenNotes: number;
  readonly notesIntent: "warning" | "info";
  readonly notesOpen: boolean;
  readonly toggleNotes: () => void;
  readonly errorTitle: string;
  readonly unexpected?: string;
  readonly onLocate: (location: string) => void;
}

export function useProblemList(props: ProblemListProps): ProblemListState {
  const { language, t } = useLocale();
  const [notesOpen, setNotesOpen] = React.useState(false);
  const toggleNotes = React.useCallback(() => setNotesOpen((open) => !open), []);
  const items = (list: readonly Problem[]): ProblemItem[] =>
    list.map((p, i) => ({
      key: `${p.code}|${p.location ?? ""}|${i}`,
      text: problemMessage(p, language),
      ...(p.location !== undefined && p.location !== "" ? { location: p.location } : {}),
    }));
  const errors = props.problems.filter((p) => p.severity === "error");
  const notes = props.problems.filter((p) => p.severity !== "error");
  return {
    errors: items(errors),
    notes: items(notes.slice(0, MAX_NOTES)),
    hiddenNotes: Math.max(0, notes.length - MAX_NOTES),
    notesIntent: notes.some((p) => p.severity === "warning") ? "warning" : "info",
    notesOpen,
    toggleNotes,
    errorTitle: props.errorTitle ?? t.problemsTitle,
    ...(props.unexpected !== undefined ? { unexpected: props.unexpected } : {}),
    onLocate: props.onLocate,
  };
}
