// The choices of an analysis: tiers (a China Index Academy preset or custom bounds), TOP-N,
// national sales for concentration (a number or a cell), the rankings (bases and metrics) the
// summary shows, rounding, colours, the summary sheet's name and the language of the sheet and sentences.

import * as React from "react";
import { Button, Checkbox, Field, Input, Label, Radio, RadioGroup, Text } from "@fluentui/react-components";
import type { Language } from "../../../core/messages";
import type { RoundingRule } from "../../../core/rounding";
import type { ColourConvention } from "../../../core/summary/build";
import type { FiguresChoice, NationalMode, TierChoice } from "../../form";
import { useLocale } from "../../locale";
import { SettingsProps, useSettings } from "./useSettings";
import { useSettingsStyles } from "./Settings.styles";

export type { SettingsProps, NationalRead } from "./useSettings";

// Memoised: typing in one part of the pane does not re-render the others.
export const Settings = React.memo(function Settings(props: SettingsProps): React.JSX.Element {
  const state = useSettings(props);
  const { t } = useLocale();
  const styles = useSettingsStyles();
  const groupId = React.useId();
  const { settings, onChange } = state;
  const disabled = props.disabled === true;
  const error = (message: string | undefined) => (message === undefined ? {} : { validationState: "error" as const, validationMessage: message });
  return (
    <div className={styles.root}>
      <Field label={t.tierPreset}>
        <RadioGroup value={settings.tierChoice} disabled={disabled} onChange={(_, data) => onChange({ tierChoice: data.value as TierChoice })}>
          <Radio value="cia2023" label={t.tierCia2023} />
          <Radio value="cia2020" label={t.tierCia2020} />
          <Radio value="custom" label={t.tierCustom} />
        </RadioGroup>
      </Field>
      {settings.tierChoice === "custom" && (
        <div className={styles.nested}>
          <Field label={t.customBounds} hint={t.customBoundsHint} {...error(state.tiersMessage)}>
            <Input
              value={settings.customBounds}
              disabled={disabled}
              onChange={(_, data) => onChange({ customBounds: data.value })}
              onBlur={() => state.touch("customBounds")}
              onKeyDown={(e) => {
                if (e.key === "Enter") state.touch("customBounds");
              }}
            />
          </Field>
        </div>
      )}
      <Field label={t.topN} hint={t.topNHint} {...error(state.topNMessage)}>
        <Input value={settings.topN} disabled={disabled} onChange={(_, data) => onChange({ topN: data.value })} onBlur={() => state.touch("topN")} />
      </Field>
      <Field label={t.nationalTotal} hint={t.nationalTotalHint}>
        <RadioGroup value={settings.nationalMode} disabled={disabled} onChange={(_, data) => onChange({ nationalMode: data.value as NationalMode })}>
          <Radio value="none" label={t.nationalNone} />
          <Radio value="number" label={t.nationalNumber} />
          <Radio value="cell" label={t.nationalCell} />
        </RadioGroup>
      </Field>
      {settings.nationalMode === "number" && (
        <div className={styles.nested}>
          <Field label={t.nationalNumberLabel} hint={t.nationalNumberHint} {...error(state.nationalMessage)}>
            <Input
              inputMode="decimal"
              value={settings.nationalNumber}
              disabled={disabled}
              onChange={(_, data) => onChange({ nationalNumber: data.value })}
              onBlur={() => state.touch("nationalNumber")}
            />
          </Field>
        </div>
      )}
      {settings.nationalMode === "cell" && (
        <div className={styles.nested}>
          <Field
            label={t.nationalCellLabel}
            hint={t.nationalCellHint}
            {...(state.nationalCellMessage === undefined
              ? {}
              : { validationState: state.nationalCellMessage.error ? ("error" as const) : ("success" as const), validationMessage: state.nationalCellMessage.text })}
          >
            <Input
              value={settings.nationalCell}
              disabled={disabled}
              onChange={(_, data) => onChange({ nationalCell: data.value })}
              onKeyDown={(e) => {
                if (e.key === "Enter") state.onNationalRead();
              }}
            />
          </Field>
          <div className={styles.actions}>
            <Button aria-label={t.nationalUseSelection} disabledFocusable={disabled || state.national.status === "reading"} onClick={state.onNationalSelection}>
              {t.useSelection}
            </Button>
            <Button
              aria-label={t.nationalReadCell}
              disabledFocusable={disabled || state.national.status === "reading" || settings.nationalCell.trim() === ""}
              onClick={state.onNationalRead}
            >
              {t.read}
            </Button>
          </div>
        </div>
      )}
      {state.rankingOptions.length > 0 && (
        // Not a Field: a Field gives its one control id to every checkbox inside it.
        <div role="group" aria-labelledby={`${groupId}-label`} aria-describedby={`${groupId}-hint`} className={styles.group}>
          <Label id={`${groupId}-label`}>{t.rankingsShown}</Label>
          {state.rankingOptions.map((o) => (
            <Checkbox
              key={`${o.choice.metric}|${o.choice.basis ?? ""}`}
              label={o.label}
              checked={o.checked}
              disabled={disabled || o.locked}
              onChange={(_, data) => state.onRankingToggle(o.choice, data.checked === true)}
            />
          ))}
          <Text id={`${groupId}-hint`} size={200}>
            {t.rankingsShownHint}
          </Text>
        </div>
      )}
      <Field label={t.rounding}>
        <RadioGroup value={settings.rounding} disabled={disabled} onChange={(_, data) => onChange({ rounding: data.value as RoundingRule })}>
          <Radio value="half-away" label={t.roundingHalfAway} />
          <Radio value="half-even" label={t.roundingHalfEven} />
        </RadioGroup>
      </Field>
      <Field label={t.colours}>
        <RadioGroup value={settings.colours} disabled={disabled} onChange={(_, data) => onChange({ colours: data.value as ColourConvention })}>
          <Radio value="red-up" label={t.coloursRedUp} />
          <Radio value="green-up" label={t.coloursGreenUp} />
        </RadioGroup>
      </Field>
      <Field label={t.figures} hint={t.figuresHint}>
        <RadioGroup value={settings.figures} disabled={disabled} onChange={(_, data) => onChange({ figures: data.value as FiguresChoice })}>
          <Radio value="formulas" label={t.figuresFormulas} />
          <Radio value="formulas-data-hidden" label={t.figuresFormulasDataHidden} />
          <Radio value="values" label={t.figuresValues} />
        </RadioGroup>
      </Field>
      <Field label={t.sheetName} hint={t.sheetNameHint} {...error(state.sheetNameMessage)}>
        <Input value={settings.sheetName} disabled={disabled} onChange={(_, data) => onChange({ sheetName: data.value })} onBlur={() => state.touch("sheetName")} />
      </Field>
      <Field label={t.outputLanguage}>
        <RadioGroup value={settings.outputLanguage} disabled={disabled} onChange={(_, data) => onChange({ outputLanguage: data.value as Language })}>
          <Radio value="zh-CN" label={t.languageZh} lang="zh-CN" />
          <Radio value="en-US" label={t.languageEn} lang="en" />
        </RadioGroup>
      </Field>
    </div>
  );
});
