// The workbench page: a header (title, language, file commands), a message bar, then the task
// pane on the left at Excel's task pane width and the workbook filling the rest.

import { makeStyles, tokens } from "@fluentui/react-components";

/** Excel's default task pane width is about 320-350 px; the pane is designed for 320. */
export const PANE_WIDTH = 360;

export const useWorkbenchStyles = makeStyles({
  root: {
    display: "grid",
    gridTemplateRows: "auto auto 1fr",
    height: "100vh",
    minHeight: 0,
    backgroundColor: tokens.colorNeutralBackground2,
    fontFamily: tokens.fontFamilyBase,
  },
  header: {
    display: "flex",
    alignItems: "center",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    paddingLeft: tokens.spacingHorizontalL,
    paddingRight: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase500,
  },
  note: {
    flexGrow: 1,
    flexBasis: "240px",
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
  },
  commands: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    flexWrap: "wrap",
  },
  language: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
  },
  hiddenInput: {
    display: "none",
  },
  notice: {
    paddingLeft: tokens.spacingHorizontalL,
    paddingRight: tokens.spacingHorizontalL,
    paddingTop: tokens.spacingVerticalXS,
  },
  main: {
    display: "grid",
    gridTemplateColumns: `${PANE_WIDTH}px 1fr`,
    minHeight: 0,
    minWidth: 0,
  },
  pane: {
    overflowY: "auto",
    overflowX: "hidden",
    minHeight: 0,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRight: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  paneMissing: {
    padding: tokens.spacingHorizontalL,
    color: tokens.colorNeutralForeground3,
  },
  workbook: {
    minHeight: 0,
    minWidth: 0,
  },
});
