// A table Find data listed beside the slots (another period, basis, series or plan table): its
// reading shown on request and corrected as a slot's is (the preview turns each correction into
// the table's overrides), each correction kept with the table and read again at once.

import * as React from "react";
import type { TableOverrides } from "../../../core/ranking-table";
import type { SourcePreview } from "../../../run";
import type { PaneServices } from "../../services";
import { FoundItem, hasOverrides } from "../../form";
import { guarded } from "../../guard";
import { useLocale } from "../../locale";

export interface FoundTableProps {
  readonly item: FoundItem;
  readonly services: PaneServices;
  /** The table's corrections changed (the reading follows through onRead). */
  readonly onCorrect: (key: string, overrides: TableOverrides) => void;
  /** The table was read again: what StatDesk understood of it now. */
  readonly onRead: (key: string, preview: SourcePreview) => void;
  readonly onLocate: (location: string) => void;
  /** While a run is going the corrections stay as they are. */
  readonly disabled?: boolean;
}

/** Reading the table again: not now, going, or failed unexpectedly (a reading that worked is the item's preview). */
type ReadStatus = { readonly status: "idle" } | { readonly status: "reading" } | { readonly status: "failed"; readonly detail: string };

export interface FoundTableState extends FoundTableProps {
  /** Names the reading's group and fields: "the table at '2024年1-11月'!A1:C103". */
  readonly title: string;
  readonly open: boolean;
  readonly toggle: () => void;
  readonly read: ReadStatus;
  /** The table's corrections changed in its preview: kept with the table, which is read again with them. */
  readonly correct: (overrides: TableOverrides) => void;
}

export function useFoundTable(props: FoundTableProps): FoundTableState {
  const { t, f } = useLocale();
  const { item, services, onCorrect, onRead } = props;
  const [open, setOpen] = React.useState(false);
  const [read, setRead] = React.useState<ReadStatus>({ status: "idle" });
  // Only the latest reading counts: a slower earlier one must not overwrite a later correction's.
  const latest = React.useRef(0);

  const readWith = React.useCallback(
    async (overrides: TableOverrides) => {
      const request = ++latest.current;
      setRead({ status: "reading" });
      const outcome = await guarded(() => services.preview({ role: item.role, spec: item.spec, ...(hasOverrides(overrides) ? { overrides } : {}) }));
      if (request !== latest.current) return;
      if (outcome.ok) {
        onRead(item.key, outcome.value);
        setRead({ status: "idle" });
      } else {
        setRead({ status: "failed", detail: outcome.detail });
      }
    },
    [services, item.role, item.spec, item.key, onRead],
  );

  const toggle = React.useCallback(() => {
    const next = !open;
    setOpen(next);
    // A stored analysis opened again lists its tables without a reading: read one when it is opened.
    if (next && item.preview === undefined) void readWith(item.overrides);
  }, [open, item.preview, item.overrides, readWith]);

  const correct = (overrides: TableOverrides) => {
    onCorrect(item.key, overrides);
    void readWith(overrides);
  };

  return {
    ...props,
    title: f(t.findDataTable, { address: item.address }),
    open,
    toggle,
    read,
    correct,
  };
}
