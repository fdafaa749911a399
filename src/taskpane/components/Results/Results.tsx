// What a run found, at a glance: TOP-N totals and YoY, tiers with the change in companies,
// flagged basis gaps, plan completion, and the bulletin sentences ready to copy.

import * as React from "react";
import { Button, mergeClasses, Text } from "@fluentui/react-components";
import { useLocale } from "../../locale";
import { CellLink } from "../CellLink/CellLink";
import { FigureRow, ResultsProps, useResults } from "./useResults";
import { useResultsStyles } from "./Results.styles";

export type { ResultsProps } from "./useResults";

function FigureTable(props: { caption: string; head: readonly [string, string, string]; rows: readonly FigureRow[] }): React.JSX.Element {
  const styles = useResultsStyles();
  return (
    <table className={styles.table}>
      <caption className={styles.caption}>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col" className={mergeClasses(styles.th, styles.labelColumn)}>
            {props.head[0]}
          </th>
          <th scope="col" className={styles.th}>
            {props.head[1]}
          </th>
          <th scope="col" className={styles.th}>
            {props.head[2]}
          </th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr key={row.key}>
            <th scope="row" className={styles.rowHeader}>
              {row.label}
            </th>
            <td className={styles.number}>{row.value}</td>
            <td className={styles.number}>{row.change}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

// Memoised: typing in one part of the pane does not re-render the others.
export const Results = React.memo(function Results(props: ResultsProps): React.JSX.Element {
  const state = useResults(props);
  const { t, f } = useLocale();
  const styles = useResultsStyles();
  const sentencesId = React.useId();
  return (
    <div className={styles.root}>
      {state.rankings.map((r) => (
        <div key={r.key} className={styles.block}>
          <h3 className={styles.heading}>{r.title}</h3>
          <FigureTable caption={r.unit} head={[t.colFigure, t.colValue, t.colYoy]} rows={r.top} />
          <FigureTable
            caption={t.tiersCaption}
            head={[t.colTier, t.colCompanies, t.colChange]}
            rows={r.hundredBillion === undefined ? r.tiers : [...r.tiers, r.hundredBillion]}
          />
        </div>
      ))}
      {state.gaps.length > 0 && (
        <div className={styles.block}>
          <h3 className={styles.heading}>{t.gapsHeading}</h3>
          <ul className={styles.list}>
            {state.gaps.map((g) => (
              <li key={g.key}>
                {g.text}
                {g.location !== null && <CellLink location={g.location} onLocate={state.onLocate} />}
              </li>
            ))}
          </ul>
        </div>
      )}
      {state.plans.length > 0 && (
        <div className={styles.block}>
          <h3 className={styles.heading}>{t.plansHeading}</h3>
          <ul className={styles.list}>
            {state.plans.map((p) => (
              <li key={p.key}>{f(t.planItem, { item: p.label, rate: p.value })}</li>
            ))}
          </ul>
        </div>
      )}
      {state.sentences.length > 0 && (
        <div className={styles.block}>
          <h3 id={sentencesId} className={styles.heading}>
            {t.sentencesHeading}
          </h3>
          <ol className={styles.sentences} aria-labelledby={sentencesId} lang={state.outputLanguage}>
            {state.sentences.map((s, i) => (
              <li key={i}>{s}</li>
            ))}
          </ol>
          <div className={styles.actions}>
            <Button onClick={() => void state.copy()}>{t.copySentences}</Button>
            <Text role="status" size={200} className={styles.status}>
              {state.copyStatus === "copied" ? t.copied : state.copyStatus === "failed" ? t.copyFailed : ""}
            </Text>
          </div>
        </div>
      )}
      <Button appearance="secondary" onClick={state.onGoToSummary}>
        {f(t.goToSummary, { sheet: state.sheetName })}
      </Button>
    </div>
  );
});
