// The "go to cell" link shown after a problem, a skipped-rows count or a flagged growth rate:
// the location in monospace, selecting that cell when activated.

import * as React from "react";
import { Link } from "@fluentui/react-components";
import { CellLinkProps, useCellLink } from "./useCellLink";
import { useCellLinkStyles } from "./CellLink.styles";

export type { CellLinkProps } from "./useCellLink";

export function CellLink(props: CellLinkProps): React.JSX.Element {
  const state = useCellLink(props);
  const styles = useCellLinkStyles();
  return (
    <Link as="button" className={styles.root} aria-label={state.label} onClick={state.select}>
      {state.location}
    </Link>
  );
}
