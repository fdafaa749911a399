import { makeStyles, tokens } from "@fluentui/react-components";

export const useProblemListStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  item: { overflowWrap: "anywhere" },
  toggle: { marginLeft: tokens.spacingHorizontalXS },
});
