// Units in the pane's words: the preview's unit choices and the results' captions name a unit the
// same way ("亿元" → "100m yuan (亿元)" in English).

import type { MessageKey, Messages } from "../i18n";

/** Units a person can name for a table that does not say its unit (core/units knows them all). */
export const UNIT_CHOICES: readonly { readonly unit: string; readonly key: MessageKey }[] = [
  { unit: "亿元", key: "unitYi" },
  { unit: "十亿元", key: "unitShiYi" },
  { unit: "万元", key: "unitWan" },
  { unit: "元", key: "unitYuan" },
  { unit: "万平方米", key: "unitWanSqm" },
  { unit: "平方米", key: "unitSqm" },
];

/** A unit in the pane's words; one the pane has no words for is shown as written. */
export function unitWords(t: Messages, unit: string): string {
  const choice = UNIT_CHOICES.find((c) => c.unit === unit);
  return choice === undefined ? unit : t[choice.key];
}
