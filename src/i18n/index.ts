// The task pane's words. en-US is the source of the keys; zh-CN must give every one of them
// (a missing key fails the type check). Problem messages come from core/messages, in the same
// two languages, so a data problem reads the same in the pane, the sheet and the CLI.

import { Language } from "../core/messages";
import { enUS, Messages } from "./en-US";
import { zhCN } from "./zh-CN";

export type { Messages };
export type MessageKey = keyof Messages;

const CATALOGS: Readonly<Record<Language, Messages>> = { "en-US": enUS, "zh-CN": zhCN };

/** The catalog of a language. */
export function messages(language: Language): Messages {
  return CATALOGS[language];
}

/** A message with {name} placeholders filled in. */
export function format(template: string, params: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}

/** Office's display language to StatDesk's: Chinese (any script or region) → zh-CN, else en-US. */
export function paneLanguage(displayLanguage: string | undefined): Language {
  return displayLanguage !== undefined && /^zh\b/i.test(displayLanguage) ? "zh-CN" : "en-US";
}
