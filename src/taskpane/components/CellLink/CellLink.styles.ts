import { makeStyles, tokens } from "@fluentui/react-components";

export const useCellLinkStyles = makeStyles({
  root: { marginLeft: tokens.spacingHorizontalXS, fontFamily: tokens.fontFamilyMonospace },
});
