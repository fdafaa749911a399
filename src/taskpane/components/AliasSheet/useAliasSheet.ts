// What StatDesk understood of the workbook's alias sheet, as the pane shows it: where it is, the
// names it unifies (the first few named, the rest counted) and its bad lines at their cells.

import type { AliasLine } from "../../../core/aliases";
import type { AliasReading } from "../../../run";
import { useLocale } from "../../locale";

export interface AliasSheetProps {
  readonly reading: AliasReading;
  readonly onLocate: (location: string) => void;
}

/** Names shown one by one; a longer list is counted after them. */
const LINES_SHOWN = 8;

export interface AliasSheetState extends AliasSheetProps {
  readonly heading: string;
  /** How many names it unifies, or that it unifies none. */
  readonly summary: string;
  readonly lines: readonly (AliasLine & { readonly text: string })[];
  /** "…and 12 more", when the list is longer than shown. */
  readonly more?: string;
}

export function useAliasSheet(props: AliasSheetProps): AliasSheetState {
  const { t, f, numbers } = useLocale();
  const { reading } = props;
  const count = (n: number) => numbers("half-away").fixed(n, 0);
  const total = reading.lines.length;
  return {
    ...props,
    heading: f(t.aliasHeading, { address: reading.address }),
    summary: total === 0 ? t.aliasNone : f(t.aliasCount, { count: count(total) }),
    lines: reading.lines.slice(0, LINES_SHOWN).map((l) => ({ ...l, text: f(t.aliasLine, { name: l.name, unified: l.unified }) })),
    ...(total > LINES_SHOWN ? { more: f(t.aliasMore, { count: count(total - LINES_SHOWN) }) } : {}),
  };
}
