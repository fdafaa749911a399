// The workbook view's chrome: the Name Box and formula bar above the grid, sheet tabs below.

import { makeStyles, tokens } from "@fluentui/react-components";

export const useWorkbookViewStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    minWidth: 0,
    minHeight: 0,
    height: "100%",
    backgroundColor: tokens.colorNeutralBackground1,
  },
  bar: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    paddingLeft: tokens.spacingHorizontalS,
    paddingRight: tokens.spacingHorizontalS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  nameBox: {
    width: "120px",
    flexShrink: 0,
  },
  fx: {
    fontStyle: "italic",
    color: tokens.colorNeutralForeground3,
    fontFamily: tokens.fontFamilyMonospace,
  },
  formula: {
    flexGrow: 1,
    minWidth: 0,
  },
  grid: {
    flexGrow: 1,
    minHeight: 0,
    minWidth: 0,
  },
  tabs: {
    display: "flex",
    alignItems: "center",
    overflowX: "auto",
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    paddingLeft: tokens.spacingHorizontalS,
    flexShrink: 0,
  },
  tabColour: {
    display: "inline-block",
    width: "100%",
    height: "3px",
    marginTop: "2px",
    borderRadius: tokens.borderRadiusSmall,
  },
  tabLabel: {
    display: "inline-flex",
    flexDirection: "column",
    alignItems: "stretch",
  },
});
