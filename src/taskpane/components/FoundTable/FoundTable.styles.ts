import { makeStyles, tokens } from "@fluentui/react-components";

export const useFoundTableStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, minWidth: 0, paddingLeft: tokens.spacingHorizontalXXL },
  toggle: { alignSelf: "flex-start" },
  panel: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, minWidth: 0 },
});
