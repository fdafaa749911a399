// 任务窗格的中文文字：键与 en-US 一一对应。

import { Messages } from "./en-US";

export const zhCN: Messages = {
  appTitle: "StatDesk 统计助手",
};
