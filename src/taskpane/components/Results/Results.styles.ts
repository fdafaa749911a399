import { makeStyles, tokens } from "@fluentui/react-components";

export const useResultsStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, minWidth: 0 },
  block: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase300 },
  table: { width: "100%", borderCollapse: "collapse", tableLayout: "fixed" },
  caption: { textAlign: "start", color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, paddingBottom: tokens.spacingVerticalXXS },
  th: {
    textAlign: "start",
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground2,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    overflowWrap: "anywhere",
  },
  labelColumn: { width: "50%" },
  rowHeader: { textAlign: "start", fontWeight: tokens.fontWeightSemibold, padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, overflowWrap: "anywhere" },
  number: { textAlign: "end", fontVariantNumeric: "tabular-nums", padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, whiteSpace: "nowrap" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  sentences: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, overflowWrap: "anywhere" },
  actions: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS, alignItems: "center" },
  status: { color: tokens.colorNeutralForeground2 },
});
