import { makeStyles, tokens } from "@fluentui/react-components";

export const useRunPanelStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  button: { alignSelf: "stretch" },
  blocked: { color: tokens.colorNeutralForeground2 },
});
