// A cell location as a link: its name for assistive technology ("Go to Sheet1!C17") and the
// action that selects the cell in the workbook.

import * as React from "react";
import { useLocale } from "../../locale";

export interface CellLinkProps {
  /** Where, as the problem or figure names it: "Sheet1!C17". */
  readonly location: string;
  /** Selects the location in the workbook. */
  readonly onLocate: (location: string) => void;
}

export interface CellLinkState {
  readonly location: string;
  readonly label: string;
  readonly select: () => void;
}

export function useCellLink(props: CellLinkProps): CellLinkState {
  const { t, f } = useLocale();
  const { location, onLocate } = props;
  const select = React.useCallback(() => onLocate(location), [location, onLocate]);
  return { location, label: f(t.goToCell, { cell: location }), select };
}
