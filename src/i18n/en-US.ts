// English strings of the task pane: the key source. Add a key here and tsc requires it in zh-CN.

export const enUS = {
  appTitle: "StatDesk",
} as const;

export type Messages = { readonly [K in keyof typeof enUS]: string };
