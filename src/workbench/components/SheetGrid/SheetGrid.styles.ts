// The grid's chrome: headers, gridlines and the selection, in Fluent design tokens. The cells'
// own colours (fills, fonts, borders) come from the workbook and are set inline.

import { makeStyles, tokens } from "@fluentui/react-components";

/** Width of the row-number column and height of the column-letter row, in pixels. */
export const ROW_HEADER_WIDTH = 48;
export const COLUMN_HEADER_HEIGHT = 22;

export const useSheetGridStyles = makeStyles({
  root: {
    position: "relative",
    display: "grid",
    gridTemplateColumns: `${ROW_HEADER_WIDTH}px 1fr`,
    gridTemplateRows: `${COLUMN_HEADER_HEIGHT}px auto 1fr`,
    minHeight: 0,
    minWidth: 0,
    height: "100%",
    backgroundColor: tokens.colorNeutralBackground1,
    userSelect: "none",
    outlineStyle: "none",
    ":focus-visible": { boxShadow: `inset 0 0 0 2px ${tokens.colorStrokeFocus2}` },
  },
  corner: {
    gridColumnStart: 1,
    gridRowStart: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRight: `1px solid ${tokens.colorNeutralStroke1}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  columnHeaders: {
    gridColumnStart: 2,
    gridRowStart: 1,
    position: "relative",
    overflow: "hidden",
    backgroundColor: tokens.colorNeutralBackground3,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  frozenRowHeaders: {
    gridColumnStart: 1,
    gridRowStart: 2,
    position: "relative",
    overflow: "hidden",
    backgroundColor: tokens.colorNeutralBackground3,
    borderRight: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  frozen: {
    gridColumnStart: 2,
    gridRowStart: 2,
    position: "relative",
    overflow: "hidden",
  },
  frozenDivider: {
    borderBottom: `1px solid ${tokens.colorNeutralStroke1Pressed}`,
  },
  rowHeaders: {
    gridColumnStart: 1,
    gridRowStart: 3,
    position: "relative",
    overflow: "hidden",
    backgroundColor: tokens.colorNeutralBackground3,
    borderRight: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  body: {
    gridColumnStart: 2,
    gridRowStart: 3,
    position: "relative",
    overflow: "auto",
    minHeight: 0,
  },
  content: {
    position: "relative",
  },
  header: {
    position: "absolute",
    boxSizing: "border-box",
    display: "flex",
    alignItems: "center",
    justifyContent: "center",
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    cursor: "default",
    overflow: "hidden",
  },
  headerSelected: {
    backgroundColor: tokens.colorNeutralBackground3Selected,
    color: tokens.colorPaletteGreenForeground1,
    fontWeight: tokens.fontWeightSemibold,
    borderBottomColor: tokens.colorPaletteGreenBorder2,
  },
  row: {
    display: "contents",
  },
  cell: {
    position: "absolute",
    boxSizing: "border-box",
    cursor: "cell",
  },
  text: {
    position: "absolute",
    top: 0,
    bottom: 0,
    zIndex: 1,
    display: "flex",
    boxSizing: "border-box",
    paddingLeft: "3px",
    paddingRight: "3px",
    whiteSpace: "pre",
    overflow: "hidden",
    lineHeight: 1.2,
    pointerEvents: "none",
  },
  wrap: {
    whiteSpace: "pre-wrap",
    overflowWrap: "anywhere",
  },
  selection: {
    position: "absolute",
    boxSizing: "border-box",
    zIndex: 2,
    pointerEvents: "none",
    border: `2px solid ${tokens.colorPaletteGreenBorder2}`,
    backgroundColor: tokens.colorNeutralStencil1Alpha,
  },
  selectionBorder: {
    position: "absolute",
    boxSizing: "border-box",
    zIndex: 2,
    pointerEvents: "none",
    border: `2px solid ${tokens.colorPaletteGreenBorder2}`,
  },
  charts: {
    position: "absolute",
    zIndex: 3,
  },
});
