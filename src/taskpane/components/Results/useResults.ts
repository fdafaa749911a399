// The key figures of a finished run as the pane shows them — TOP-N totals with their YoY, tier
// counts with the change in companies, flagged growth-rate basis gaps, plan completion — and the
// bulletin sentences in the output language, with a copy action that says whether it worked.

import * as React from "react";
import type { Analysis } from "../../../core/analyze";
import { narrative } from "../../../core/narrative";
import type { Language } from "../../../core/messages";
import { useLocale } from "../../locale";
import { unitWords } from "../../units";

export interface ResultsProps {
  readonly analysis: Analysis;
  readonly sheetName: string;
  /** The language of the sheet and the sentences (may differ from the pane's). */
  readonly outputLanguage: Language;
  readonly onGoToSummary: () => void;
  readonly onLocate: (location: string) => void;
}

export interface FigureRow {
  readonly key: string;
  readonly label: string;
  readonly value: string;
  readonly change: string;
}

export interface RankingView {
  readonly key: string;
  readonly title: string;
  readonly unit: string;
  readonly top: readonly FigureRow[];
  readonly tiers: readonly FigureRow[];
  readonly hundredBillion?: FigureRow;
}

export interface GapView {
  readonly key: string;
  readonly text: string;
  readonly location: string | null;
}

export type CopyStatus = "idle" | "copied" | "failed";

export interface ResultsState extends ResultsProps {
  readonly rankings: readonly RankingView[];
  readonly gaps: readonly GapView[];
  readonly plans: readonly FigureRow[];
  readonly sentences: readonly string[];
  readonly copyStatus: CopyStatus;
  readonly copy: () => Promise<void>;
}

/**
 * Puts text on the clipboard: the async Clipboard API where the host allows it, else a hidden
 * text area and execCommand("copy") (older Office webviews). Returns whether either worked.
 */
async function copyText(text: string): Promise<boolean> {
  try {
    if (typeof navigator !== "undefined" && navigator.clipboard !== undefined && typeof navigator.clipboard.writeText === "function") {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused (no permission in this webview): try the older way below.
  }
  if (typeof document === "undefined" || typeof document.execCommand !== "function") return false;
  const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  let done: boolean;
  try {
    done = document.execCommand("copy");
  } catch {
    done = false;
  }
  document.body.removeChild(area);
  previous?.focus();
  return done;
}

export function useResults(props: ResultsProps): ResultsState {
  const { t, f, language, numbers } = useLocale();
  const { analysis } = props;
  const rule = analysis.options.rounding;
  const n = numbers(rule);

  const rankings: RankingView[] = analysis.rankings.map((r, i) => {
    const period = language === "zh-CN" ? r.period : r.periodEn;
    const metric = r.metric === "salesValue" ? t.metricValue : t.metricArea;
    const hundred = r.hundredBillionCount;
    const hundredChange = hundred !== null && r.previousHundredBillionCount !== null ? hundred - r.previousHundredBillionCount : null;
    return {
      key: `${r.range}-${i}`,
      title: f(t.rankingTitle, { period, metric }),
      unit: f(t.figuresUnit, { unit: unitWords(t, r.unit) }),
      top: r.top.map((row) => ({
        key: `top${row.n}`,
        label: f(t.topTotal, { n: row.n }),
        value: n.fixed(row.sum, 1),
        change: n.signedPct(row.sumYoyPct),
      })),
      tiers: r.tiers.map((tier) => ({
        key: `${tier.min}`,
        label: language === "zh-CN" ? tier.label : tier.labelEn,
        value: n.fixed(tier.count, 0),
        change: n.signedCount(tier.countChange),
      })),
      ...(r.metric === "salesValue" && hundred !== null
        ? { hundredBillion: { key: "hundred", label: t.hundredBillion, value: n.fixed(hundred, 0), change: n.signedCount(hundredChange) } }
        : {}),
    };
  });

  const gaps: GapView[] = analysis.series.flatMap((s) =>
    s.points
      .filter((p) => p.basisFlag)
      .map((p) => ({
        key: `${s.indicatorId}-${p.period}`,
        text: f(t.gapItem, {
          indicator: language === "zh-CN" ? s.indicator : s.indicatorEn,
          period: language === "zh-CN" ? p.label : p.labelEn,
          computed: n.signedPct(p.yoyPct),
          published: n.signedPct(p.publishedYoyPct),
          gap: n.fixed(p.basisGapPts, 1),
        }),
        location: p.location,
      })),
  );

  const plans: FigureRow[] = analysis.targets.map((target, i) => ({
    key: `${target.item}-${i}`,
    label: target.item,
    value: target.completionPct === null ? n.fixed(null, 1) : `${n.fixed(target.completionPct, 1)}%`,
    change: "",
  }));

  const sentences = React.useMemo(() => narrative(analysis, props.outputLanguage, rule), [analysis, props.outputLanguage, rule]);
  const [copyStatus, setCopyStatus] = React.useState<CopyStatus>("idle");
  React.useEffect(() => setCopyStatus("idle"), [sentences]);
  const copy = React.useCallback(async () => {
    const joiner = props.outputLanguage === "zh-CN" ? "" : " ";
    setCopyStatus((await copyText(sentences.join(joiner))) ? "copied" : "failed");
  }, [sentences, props.outputLanguage]);

  return { ...props, rankings, gaps, plans, sentences, copyStatus, copy };
}
