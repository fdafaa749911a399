// The Excel layer's public face: the Office.js port the task pane, the workbench and the command
// line are given. Nothing outside src/excel touches Excel.* or OfficeExtension.

export type { ContextRunner, ExcelEnvironment } from "./environment";
export { OfficePort } from "./port";
