// One input slot's behaviour: take the selection or a typed address, read what StatDesk makes of
// it, and apply the person's corrections (made in the preview, kept in the slot, so they travel
// into the run and the stored analysis) by reading again with them. Only the latest reading of a
// slot is shown.

import * as React from "react";
import type { TableOverrides } from "../../../core/ranking-table";
import type { MessageKey } from "../../../i18n";
import type { PaneServices } from "../../services";
import { SlotInput, SlotRole, slotSource } from "../../form";
import { parseAddress } from "../../../core/a1";
import { guarded } from "../../guard";
import { useLocale } from "../../locale";
import { IDLE, PreviewState } from "../../types";
import { SLOT_TITLE_KEY } from "../../words";

export interface SourceSlotProps {
  readonly role: SlotRole;
  readonly slot: SlotInput;
  readonly preview: PreviewState;
  readonly services: PaneServices;
  readonly onSlotChange: (role: SlotRole, slot: SlotInput) => void;
  readonly onPreviewChange: (role: SlotRole, preview: PreviewState) => void;
  readonly onLocate: (location: string) => void;
  /** While a run is going the inputs stay as they are. */
  readonly disabled?: boolean;
}

const SLOT_HINT_KEY: Readonly<Record<SlotRole, MessageKey>> = {
  current: "slotCurrentHint",
  previous: "slotPreviousHint",
  wide: "slotWideHint",
  ranking: "slotRankingHint",
  series: "slotSeriesHint",
  plan: "slotPlanHint",
};

export interface SourceSlotState extends SourceSlotProps {
  readonly title: string;
  readonly hint: string;
  readonly setAddress: (address: string) => void;
  readonly takeSelection: () => Promise<void>;
  readonly read: () => Promise<void>;
  /** The slot's corrections changed in its preview: kept in the slot, which is read again with them. */
  readonly correct: (overrides: TableOverrides) => void;
}

export function useSourceSlot(props: SourceSlotProps): SourceSlotState {
  const { t } = useLocale();
  const { role, slot, services, onSlotChange, onPreviewChange } = props;
  const latest = React.useRef(0);

  const readSlot = React.useCallback(
    async (next: SlotInput) => {
      const source = slotSource(role, next);
      const request = ++latest.current;
      if (source === undefined) {
        onPreviewChange(role, IDLE);
        return;
      }
      onPreviewChange(role, { status: "reading" });
      const outcome = await guarded(() => services.preview(source));
      if (request !== latest.current) return; // a newer reading or an edit has taken over
      // A region says what it took: the address box shows the whole block; a selection chosen
      // across its block stays a plain address. A table Find data found stays a region (its
      // extent reaches over its columns), showing what it takes now.
      const region = outcome.ok ? outcome.value.region : undefined;
      const spec = next.spec;
      if (spec?.kind === "region" && region !== undefined && outcome.ok) {
        const taken = outcome.value.address;
        const found = spec.extent !== undefined && spec.extent !== "current-region";
        if ((found || region.expanded) && taken !== "") onSlotChange(role, { ...next, address: taken, spec: { ...spec, taken } });
        else if (!found) onSlotChange(role, { address: next.address, overrides: next.overrides });
      }
      onPreviewChange(role, outcome.ok ? { status: "ready", preview: outcome.value } : { status: "failed", detail: outcome.detail });
    },
    [role, services, onPreviewChange, onSlotChange],
  );

  const change = React.useCallback(
    (next: SlotInput, reread: boolean) => {
      onSlotChange(role, next);
      if (reread) void readSlot(next);
    },
    [role, onSlotChange, readSlot],
  );

  const setAddress = React.useCallback(
    (address: string) => {
      // What was read belongs to the old address; corrections are kept until reset.
      latest.current++;
      onSlotChange(role, { address, overrides: slot.overrides });
      if (props.preview.status !== "idle") onPreviewChange(role, IDLE);
    },
    [role, slot, onSlotChange, onPreviewChange, props.preview.status],
  );

  const takeSelection = React.useCallback(async () => {
    const request = ++latest.current;
    const outcome = await guarded(() => services.readSelection());
    if (request !== latest.current) return;
    if (!outcome.ok) {
      onPreviewChange(role, { status: "failed", detail: outcome.detail });
      return;
    }
    // A cell or a block inside a table stands for the table around it (its current region), taken
    // again on every read; whole columns or rows are taken as they are.
    const selected = parseAddress(outcome.value);
    const regionOf = selected !== undefined && !selected.wholeColumns && !selected.wholeRows;
    change(regionOf ? { address: outcome.value, overrides: slot.overrides, spec: { kind: "region", anchor: outcome.value } } : { address: outcome.value, overrides: slot.overrides }, true);
  }, [services, slot, change, role, onPreviewChange]);

  return {
    ...props,
    title: t[SLOT_TITLE_KEY[role]],
    hint: t[SLOT_HINT_KEY[role]],
    setAddress,
    takeSelection,
    read: () => readSlot(slot),
    correct: (overrides) => change({ ...slot, overrides }, true),
  };
}
