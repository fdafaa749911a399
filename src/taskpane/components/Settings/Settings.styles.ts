import { makeStyles, tokens } from "@fluentui/react-components";

export const useSettingsStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, minWidth: 0 },
  actions: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  group: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  nested: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, paddingLeft: tokens.spacingHorizontalL },
});
