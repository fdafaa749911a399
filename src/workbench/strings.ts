// The workbench page's own words (the task pane's come from src/i18n). en-US gives the keys;
// zh-CN must name every one of them, or the type check fails.

import type { Language } from "../core/messages";
import { paneLanguage } from "../i18n";

const enUS = {
  pageTitle: "StatDesk workbench",
  pageNote: "The real task pane beside an in-memory workbook. Sample names and per-company values are synthetic.",
  language: "Language",
  openFile: "Open .xlsx, .xls or .csv…",
  download: "Download .xlsx",
  reloadSample: "Reload the sample",
  opened: "Opened {name}.",
  openFailed: "Could not open {name}: {detail}",
  downloadFailed: "Could not write the workbook: {detail}",
  dismiss: "Dismiss",
  paneRegion: "StatDesk task pane",
  paneMissing: "The task pane is not part of this build.",
  workbookRegion: "Workbook {name}",
  sheetTabs: "Sheets",
  nameBox: "Name Box",
  formulaBar: "Formula bar",
  grid: "Cells of sheet {sheet}",
  columnHeaders: "Column headers",
  rowHeaders: "Row headers",
  chart: "Chart: {title}",
  chartUntitled: "Chart {name}",
  chartNotDrawn: "The workbench does not draw {type} charts; the chart is kept in the workbook.",
  clientMissing: "Microsoft's Excel client (vendor/excel-web-16.00.js) did not load, so the workbench cannot start. Rebuild with `npm run build` or start it with `npm start`.",
} as const;

export type WorkbenchStrings = { readonly [K in keyof typeof enUS]: string };

const zhCN: WorkbenchStrings = {
  pageTitle: "StatDesk 工作台",
  pageNote: "左侧为真实的任务窗格，右侧为内存中的工作簿。示例中的企业名称与逐家数值为合成数据。",
  language: "语言",
  openFile: "打开 .xlsx、.xls 或 .csv…",
  download: "下载 .xlsx",
  reloadSample: "重新载入示例",
  opened: "已打开 {name}。",
  openFailed: "无法打开 {name}：{detail}",
  downloadFailed: "无法生成工作簿文件：{detail}",
  dismiss: "关闭",
  paneRegion: "StatDesk 任务窗格",
  paneMissing: "此版本未包含任务窗格。",
  workbookRegion: "工作簿 {name}",
  sheetTabs: "工作表",
  nameBox: "名称框",
  formulaBar: "编辑栏",
  grid: "工作表 {sheet} 的单元格",
  columnHeaders: "列标",
  rowHeaders: "行号",
  chart: "图表：{title}",
  chartUntitled: "图表 {name}",
  chartNotDrawn: "工作台不绘制 {type} 类型的图表；图表仍保留在工作簿中。",
  clientMissing: "微软的 Excel 客户端库（vendor/excel-web-16.00.js）未能加载，工作台无法启动。请用 `npm run build` 重新构建，或用 `npm start` 启动。",
};

const CATALOGS: Readonly<Record<Language, WorkbenchStrings>> = { "en-US": enUS, "zh-CN": zhCN };

/** The workbench's strings in a language. */
export function workbenchStrings(language: Language): WorkbenchStrings {
  return CATALOGS[language];
}

/** Each language's name in itself, for the language switch. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { "zh-CN": "中文", "en-US": "English" };

/**
 * The language the page opens in: `?lang=zh-CN|en-US` when given, else Chinese for a Chinese
 * browser and English otherwise (the same rule the pane applies to Office's display language).
 */
export function initialLanguage(search: string, browserLanguage: string | undefined): Language {
  const asked = new URLSearchParams(search).get("lang");
  if (asked === "zh-CN" || asked === "en-US") return asked;
  return paneLanguage(browserLanguage);
}
