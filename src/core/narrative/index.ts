// Bulletin sentences for an analysis, in both languages, deterministic: the same figures always
// give the same words. Series first (the national picture), then rankings, then plans.

import { Analysis } from "../analyze";
import { Language } from "../messages";
import { RoundingRule } from "../rounding";
import { latestRankings } from "../ranking-history";
import * as en from "./en-US";
import * as zh from "./zh-CN";

const TEMPLATES = { "zh-CN": zh, "en-US": en } as const;

/** The sentences of an analysis in one language, in the order a bulletin gives them. */
export function narrative(analysis: Pick<Analysis, "series" | "rankings" | "targets">, language: Language, rule: RoundingRule): string[] {
  const t = TEMPLATES[language];
  return [
    ...t.seriesSentences(analysis.series, rule),
    ...t.regionSentences(analysis.series, rule),
    // The latest period of each metric and basis: earlier months are in its rate-change clauses.
    ...latestRankings(analysis.rankings).flatMap((r) => t.rankingSentences(r, rule)),
    ...t.planSentences(analysis.targets, rule),
  ];
}

/** Both languages at once, as the JSON output carries them. */
export function narratives(analysis: Pick<Analysis, "series" | "rankings" | "targets">, rule: RoundingRule): Record<Language, string[]> {
  return { "zh-CN": narrative(analysis, "zh-CN", rule), "en-US": narrative(analysis, "en-US", rule) };
}
