// The settings' behaviour: each field's message in the pane's language (from core/messages for
// what the core checks), shown once the person has left the field, so a half-typed list of
// bounds is not called wrong while it is being typed.

import * as React from "react";
import type { Problem } from "../../../core/problems";
import { problemMessage } from "../../../core/messages";
import type { MessageKey } from "../../../i18n";
import type { SettingsCheck, SettingsInput } from "../../form";
import { sameRanking, toggleRanking } from "../../form";
import type { RankingChoice } from "../../../core/options";
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
  /** The rankings (metric and basis) found in the previews and the last run; a choice is offered when there are several. */
  readonly rankingsFound?: readonly RankingChoice[];
}

/** One ranking the person may tick: its words, whether ticked, whether it may be unticked. */
export interface RankingOption {
  readonly choice: RankingChoice;
  readonly label: string;
  readonly checked: boolean;
  /** The only one ticked: unticking it would leave the summary without a ranking. */
  readonly locked: boolean;
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
  /** The rankings to choose from (empty when fewer than two were found). */
  readonly rankingOptions: readonly RankingOption[];
  readonly onRankingToggle: (choice: RankingChoice, on: boolean) => void;
}

const BASIS_KEY: Readonly<Record<string, MessageKey>> = { 全口径: "basisAllIn", 权益: "basisEquity", 操盘: "basisManaged", 并表: "basisConsolidated" };

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
  const found = props.rankingsFound ?? [];
  const chosen = props.settings.rankingsShown;
  const ticked = found.filter((c) => chosen === null || chosen.some((s) => sameRanking(s, c)));
  const rankingOptions: RankingOption[] =
    found.length < 2
      ? []
      : found.map((choice) => {
          const checked = ticked.some((c) => sameRanking(c, choice));
          const basis = choice.basis === null ? t.basisUnnamed : BASIS_KEY[choice.basis] !== undefined ? t[BASIS_KEY[choice.basis]] : choice.basis;
          const metric = choice.metric === "salesValue" ? t.metricSalesValue : t.metricSalesArea;
          return { choice, label: f(t.rankingChoice, { metric, basis }), checked, locked: checked && ticked.length === 1 };
        });
  const { onChange } = props;
  const onRankingToggle = React.useCallback(
    (choice: RankingChoice, on: boolean) => onChange({ rankingsShown: toggleRanking(chosen, found, choice, on) }),
    [onChange, chosen, found],
  );
  return {
    ...props,
    touch,
    tiersMessage: shown("customBounds", say(check.tiers)),
    topNMessage: shown("topN", say(check.topN)),
    nationalMessage: shown("nationalNumber", say(check.national)),
    sheetNameMessage: shown("sheetName", check.sheetName === undefined ? undefined : t[SHEET_NAME_KEY[check.sheetName]]),
    nationalCellMessage,
    rankingOptions,
    onRankingToggle,
  };
}
