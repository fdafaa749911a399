// The box in which the pane shows what StatDesk understood of something it read — a source
// (SourcePreview) or the workbook's alias sheet (AliasSheet) — so that every reading looks alike.
// A style object that a component's makeStyles takes as a slot's style, as Fluent shares typographyStyles.

import { GriffelStyle, tokens } from "@fluentui/react-components";

export const readingBox: GriffelStyle = {
  display: "flex",
  flexDirection: "column",
  rowGap: tokens.spacingVerticalS,
  padding: tokens.spacingHorizontalS,
  borderRadius: tokens.borderRadiusMedium,
  border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  backgroundColor: tokens.colorNeutralBackground2,
  minWidth: 0,
};
