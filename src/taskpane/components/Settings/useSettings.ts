// The settings' behaviour: each field's message in the pane's language (from core/messages for
// what the core checks), shown once the person has left the field, so a half-typed list of
// bounds is not called wrong while it is being typed.

import * as React from "react";
import type { Problem } from "../../../core/problems";
import { problemMessage } from "../../../core/messages";
import type { MessageKey } from "../../../i18n";
import type { SettingsCheck, SettingsInput } from "../../form";
import { useLocale } from "../../locale";

/** What reading the national-total cell gave: nothing yet, the number text, or why not. */
export type NationalRead =
  | { readonly status: "idle" }
  | { readonly status: "reading" }
  | { readonly status: "read"; readonly address: string; readonly value: string }
  | { readonly status: "failed"; readonly problems: readonly Problem[]; readonly detail?: string };

export interface SettingsProps {
  readonly settings: SettingsInput;
  readonly check: SettingsCheck;
  readonly onChange: (change: Partial<SettingsInput>) => void;
  readonly national: NationalRead;
  readonly onNationalSelection: () => void;
  readonly onNationalRead: () => void;
  readonly disabled?: boolean;
}

type Touchable = "customBounds" | "topN" | "nationalNumber" | "sheetName";

export interface SettingsState extends SettingsProps {
  readonly touch: (field: Touchable) => void;
  readonly tiersMessage?: string;
  readonly topNMessage?: string;
  readonly nationalMessage?: string;
  readonly sheetNameMessage?: string;
  /** What the national cell read gave, in words, and whether it is a problem. */
  readonly nationalCellMessage?: { readonly text: string; readonly error: boolean };
}

const SHEET_NAME_KEY: Readonly<Record<NonNullable<SettingsCheck["sheetName"]>, MessageKey>> = {
  empty: "sheetNameEmpty",
  "too-long": "sheetNameTooLong",
  "forbidden-character": "sheetNameForbidden",
  apostrophe: "sheetNameApostrophe",
  reserved: "sheetNameReserved",
};

export function useSettings(props: SettingsProps): SettingsState {
  const { language, t, f } = useLocale();
  const [touched, setTouched] = React.useState<ReadonlySet<Touchable>>(new Set());
  const touch = React.useCallback((field: Touchable) => setTouched((s) => (s.has(field) ? s : new Set([...s, field]))), []);
  const say = (problems: readonly Problem[]) => (problems.length === 0 ? undefined : problems.map((p) => problemMessage(p, language)).join(" "));
  const { check, national } = props;
  let nationalCellMessage: SettingsState["nationalCellMessage"];
  if (national.status === "read") nationalCellMessage = { text: f(t.nationalCellValue, { address: national.address, value: national.value }), error: false };
  if (national.status === "failed") {
    const text = [say(national.problems), national.detail !== undefined ? f(t.unexpectedError, { detail: national.detail }) : undefined].filter((s) => s !== undefined).join(" ");
    nationalCellMessage = { text, error: true };
  }
  const shown = (field: Touchable, message: string | undefined) => (touched.has(field) ? message : undefined);
  return {
    ...props,
    touch,
    tiersMessage: shown("customBounds", say(check.tiers)),
    topNMessage: shown("topN", say(check.topN)),
    nationalMessage: shown("nationalNumber", say(check.national)),
    sheetNameMessage: shown("sheetName", check.sheetName === undefined ? undefined : t[SHEET_NAME_KEY[check.sheetName]]),
    nationalCellMessage,
  };
}
