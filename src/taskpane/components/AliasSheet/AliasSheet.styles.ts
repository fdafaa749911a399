import { makeStyles, tokens } from "@fluentui/react-components";
import { readingBox } from "../../reading.styles";

export const useAliasSheetStyles = makeStyles({
  root: readingBox,
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
});
