// The pane's language for every component: the catalog of src/i18n and number formatting, given
// once at the root so no component picks a language on its own.

import * as React from "react";
import type { Language } from "../core/messages";
import type { RoundingRule } from "../core/rounding";
import { format, messages, Messages } from "../i18n";
import { paneNumbers, PaneNumbers } from "./numbers";

export interface Locale {
  readonly language: Language;
  readonly t: Messages;
  /** Fills {name} placeholders of a catalog string. */
  readonly f: typeof format;
  /** Numbers in the pane's language, rounded by the rule of the analysis shown. */
  numbers(rule: RoundingRule): PaneNumbers;
}

function makeLocale(language: Language): Locale {
  return { language, t: messages(language), f: format, numbers: (rule) => paneNumbers(language, rule) };
}

const LocaleContext = React.createContext<Locale>(makeLocale("en-US"));

export function LocaleProvider(props: { language: Language; children: React.ReactNode }): React.JSX.Element {
  const locale = React.useMemo(() => makeLocale(props.language), [props.language]);
  return <LocaleContext.Provider value={locale}>{props.children}</LocaleContext.Provider>;
}

export function useLocale(): Locale {
  return React.useContext(LocaleContext);
}
