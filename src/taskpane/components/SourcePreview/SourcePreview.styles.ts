import { makeStyles, tokens } from "@fluentui/react-components";
import { readingBox } from "../../reading.styles";

export const useSourcePreviewStyles = makeStyles({
  root: readingBox,
  facts: {
    display: "grid",
    gridTemplateColumns: "max-content minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground2 },
  detail: { margin: 0, overflowWrap: "anywhere" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  columns: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, border: "none", margin: 0, padding: 0, minWidth: 0 },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold },
  corrections: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, border: "none", margin: 0, padding: 0, minWidth: 0 },
  correctionFields: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, minWidth: 0 },
  toggle: { alignSelf: "flex-start" },
});
