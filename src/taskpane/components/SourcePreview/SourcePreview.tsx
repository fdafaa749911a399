// What StatDesk understood of one source — header row, what each column holds, years, unit, rows
// kept and skipped and why; for a series table its layout, periods, indicators, regions and where
// the year came from — with the controls to correct it. Every correction is re-read at once.

import * as React from "react";
import { Button, Field, Input, Select, Text } from "@fluentui/react-components";
import { COLUMN_ROLES, ColumnRole } from "../../../core/headers";
import type { SkipReason } from "../../../core/ranking-table";
import type { SkippedSeriesRow } from "../../../core/series-table";
import type { YearSource } from "../../../core/layouts/context";
import type { MessageKey } from "../../../i18n";
import { useLocale } from "../../locale";
import { UNIT_CHOICES, unitWords } from "../../units";
import { basisWords, LAYOUT_KEY } from "../../words";
import { CellLink } from "../CellLink/CellLink";
import { ProblemList } from "../ProblemList/ProblemList";
import { Draft, SourcePreviewProps, SourcePreviewState, TableView, useSourcePreview } from "./useSourcePreview";
import { useSourcePreviewStyles } from "./SourcePreview.styles";

export type { SourcePreviewProps } from "./useSourcePreview";

/** A number typed as a draft: committed on Enter or when the field is left, as every correction is. */
function DraftInput(props: { draft: Draft; disabled: boolean; type?: "number" }): React.JSX.Element {
  const { draft } = props;
  return (
    <Input
      {...(props.type !== undefined ? { type: props.type } : {})}
      inputMode="numeric"
      value={draft.draft}
      disabled={props.disabled}
      onChange={(_, data) => draft.setDraft(data.value)}
      onBlur={draft.commit}
      onKeyDown={(e) => {
        if (e.key === "Enter") draft.commit();
      }}
    />
  );
}

const ROLE_KEY: Readonly<Record<ColumnRole, MessageKey>> = {
  rank: "roleRank",
  name: "roleName",
  value: "roleValue",
  area: "roleArea",
  year: "roleYear",
  other: "roleOther",
};

const SKIP_KEY: Readonly<Record<SkipReason | SkippedSeriesRow["reason"], MessageKey>> = {
  blank: "skipBlank",
  total: "skipTotal",
  footnote: "skipFootnote",
  "repeated-header": "skipRepeatedHeader",
  "no-name": "skipNoName",
  "no-value": "skipNoValue",
  metadata: "skipMetadata",
  "not-real-estate": "skipNotRealEstate",
  "unknown-row": "skipUnknownRow",
};


const YEAR_FROM_KEY: Readonly<Record<YearSource, MessageKey>> = {
  person: "yearFromPerson",
  title: "yearFromTitle",
  sheet: "yearFromSheet",
  file: "yearFromFile",
};

/** Regions named in full up to this many; the rest are counted. */
const REGIONS_SHOWN = 5;

const KIND_KEY: Readonly<Record<TableView["table"]["kind"], MessageKey>> = {
  ranking: "kindRanking",
  series: "kindSeries",
  plan: "kindPlan",
};

function TableFacts(props: { view: TableView; onColumnRole: SourcePreviewState["setColumnRole"]; onLocate: (l: string) => void; disabled: boolean }): React.JSX.Element {
  const { t, f, numbers, language } = useLocale();
  const styles = useSourcePreviewStyles();
  const { table, periods } = props.view;
  const count = numbers("half-away");
  const series = table.kind === "series";
  const listed = table.regions.slice(0, REGIONS_SHOWN).join(language === "zh-CN" ? "、" : ", ") + (table.regions.length > REGIONS_SHOWN ? "…" : "");
  return (
    <>
      <dl className={styles.facts}>
        <dt className={styles.term}>{t.previewKind}</dt>
        <dd className={styles.detail}>{t[KIND_KEY[table.kind]]}</dd>
        {table.layout !== null && (
          <>
            <dt className={styles.term}>{t.previewLayout}</dt>
            <dd className={styles.detail}>{t[LAYOUT_KEY[table.layout]]}</dd>
          </>
        )}
        <dt className={styles.term}>{t.previewHeaderRow}</dt>
        <dd className={styles.detail}>{f(t.previewHeaderRowValue, { row: props.view.headerSheetRow, cell: table.headerAddress })}</dd>
        <dt className={styles.term}>{t.previewYears}</dt>
        <dd className={styles.detail}>{table.years.length > 0 ? table.years.join(", ") : t.previewNone}</dd>
        {table.yearFrom !== null && (
          <>
            <dt className={styles.term}>{t.previewYearFrom}</dt>
            <dd className={styles.detail}>{t[YEAR_FROM_KEY[table.yearFrom]]}</dd>
          </>
        )}
        {series && (
          <>
            <dt className={styles.term}>{t.previewPeriods}</dt>
            <dd className={styles.detail}>
              {periods.length === 0
                ? t.previewNone
                : periods.length === 1
                  ? periods[0]
                  : f(t.previewPeriodsValue, { first: periods[0], last: periods[periods.length - 1], count: count.fixed(periods.length, 0) })}
            </dd>
          </>
        )}
        {table.kind === "ranking" && table.lists.length > 0 && (
          <>
            {/* The lists' periods and bases (issue 12): several months or bases are several rankings. */}
            <dt className={styles.term}>{t.previewPeriods}</dt>
            <dd className={styles.detail}>{[...new Set(table.lists.map((l) => (language === "zh-CN" ? l.label : l.labelEn)))].join(language === "zh-CN" ? "、" : ", ")}</dd>
            <dt className={styles.term}>{t.previewBases}</dt>
            <dd className={styles.detail}>
              {table.lists.some((l) => l.basis !== null)
                ? [...new Set(table.lists.map((l) => (l.basis === null ? t.basisUnnamed : basisWords(t, l.basis))))].join(language === "zh-CN" ? "、" : ", ")
                : t.basisUnnamed}
            </dd>
          </>
        )}
        {table.kind === "ranking" && (
          <>
            <dt className={styles.term}>{t.previewUnit}</dt>
            <dd className={styles.detail}>{table.unit === null ? t.previewNone : unitWords(t, table.unit)}</dd>
          </>
        )}
        <dt className={styles.term}>{table.kind === "series" ? t.previewObservations : t.previewKept}</dt>
        <dd className={styles.detail}>{count.fixed(table.keptRows, 0)}</dd>
        {series && (
          <>
            <dt className={styles.term}>{t.previewFigureRows}</dt>
            <dd className={styles.detail}>{count.fixed(table.figureRows, 0)}</dd>
          </>
        )}
        {table.kind !== "plan" && (
          <>
            <dt className={styles.term}>{t.previewSkipped}</dt>
            <dd className={styles.detail}>
              {table.skipped.length === 0 ? (
                count.fixed(0, 0)
              ) : (
                <ul className={styles.list}>
                  {table.skipped.map((s) => (
                    <li key={s.reason}>
                      {f(t.skippedItem, { count: count.fixed(s.count, 0), reason: t[SKIP_KEY[s.reason]] })}
                      <CellLink location={s.first} onLocate={props.onLocate} />
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </>
        )}
        {(series || props.view.items.length > 0) && (
          <>
            <dt className={styles.term}>{series ? t.previewIndicators : t.previewItems}</dt>
            <dd className={styles.detail}>{props.view.items.length > 0 ? props.view.items.join("; ") : t.previewNone}</dd>
          </>
        )}
        {series && (
          <>
            <dt className={styles.term}>{t.previewRegions}</dt>
            <dd className={styles.detail}>
              {table.regions.length > 0
                ? f(t.previewRegionsValue, { count: count.fixed(table.regions.length, 0), names: listed })
                : table.indicators.length > 0
                  ? t.previewRegionsNation
                  : t.previewNone}
            </dd>
          </>
        )}
      </dl>
      {table.kind === "ranking" && table.columns.length > 0 && (
        <fieldset className={styles.columns}>
          <legend className={styles.legend}>{t.previewColumns}</legend>
          {table.columns.map((column) => (
            <Field
              key={column.index}
              label={f(t.columnLabel, { letter: column.letter, header: column.header === "" ? t.columnNoHeader : column.header })}
              hint={column.corrected ? t.columnCorrected : undefined}
            >
              <Select
                value={column.role}
                disabled={props.disabled}
                onChange={(_, data) => props.onColumnRole(column.index, data.value as ColumnRole)}
              >
                {COLUMN_ROLES.map((role) => (
                  <option key={role} value={role}>
                    {t[ROLE_KEY[role]]}
                  </option>
                ))}
              </Select>
            </Field>
          ))}
        </fieldset>
      )}
    </>
  );
}

export function SourcePreviewView(props: SourcePreviewProps): React.JSX.Element {
  const state = useSourcePreview(props);
  const { t, f } = useLocale();
  const styles = useSourcePreviewStyles();
  const disabled = props.disabled === true;
  const correctionsId = React.useId();
  return (
    <div role="group" aria-label={f(t.previewOf, { source: props.title })} className={styles.root}>
      {props.preview.region?.expanded === true && (
        <Text role="status" data-region-expanded="">
          {f(t.previewExpanded, { address: props.preview.address })}
        </Text>
      )}
      <Text weight="semibold">{f(t.previewHeading, { address: props.preview.address })}</Text>
      {state.tables.length === 0 && <Text>{t.previewNothing}</Text>}
      {state.tables.map((view) => (
        <TableFacts key={view.key} view={view} onColumnRole={state.setColumnRole} onLocate={props.onLocate} disabled={disabled} />
      ))}
      <ProblemList problems={props.preview.problems} onLocate={props.onLocate} errorTitle={t.previewProblemsTitle} />
      {/* A series slot has no corrections fold; its months' year is asked for here, never pre-filled. */}
      {!state.corrections && state.seriesYear && (
        <Field label={t.correctYear} hint={t.correctSeriesYearHint}>
          <DraftInput draft={state.year} disabled={disabled} />
        </Field>
      )}
      {state.corrections && (
        <fieldset className={styles.corrections}>
          <legend className={styles.legend}>{t.correctionsHeading}</legend>
          <Button
            size="small"
            appearance="subtle"
            className={styles.toggle}
            aria-expanded={state.correctionsOpen}
            aria-controls={correctionsId}
            onClick={state.toggleCorrections}
          >
            {state.correctionsOpen ? t.correctionsHide : t.correctionsShow}
          </Button>
          <div id={correctionsId} className={styles.correctionFields} hidden={!state.correctionsOpen}>
            {state.correctionsOpen && (
              <>
                <Field label={t.correctHeaderRow} hint={t.correctHeaderRowHint}>
                  <DraftInput draft={state.header} disabled={disabled} type="number" />
                </Field>
                <Field label={t.correctYear} hint={t.correctYearHint}>
                  <DraftInput draft={state.year} disabled={disabled} />
                </Field>
                <Field label={t.correctUnit}>
                  <Select value={props.overrides.unit ?? ""} disabled={disabled} onChange={(_, data) => state.setUnit(data.value === "" ? undefined : data.value)}>
                    <option value="">{t.unitAsRead}</option>
                    {UNIT_CHOICES.map((c) => (
                      <option key={c.unit} value={c.unit}>
                        {t[c.key]}
                      </option>
                    ))}
                  </Select>
                </Field>
              </>
            )}
          </div>
          {state.corrected && (
            <Button size="small" className={styles.toggle} onClick={state.resetCorrections} disabled={disabled}>
              {t.resetCorrections}
            </Button>
          )}
        </fieldset>
      )}
    </div>
  );
}
