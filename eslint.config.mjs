// Lint: the recommended JavaScript and TypeScript rules, plus the rules StatDesk's style asks for.
// Import boundaries between src/ directories are checked by test/architecture/boundaries.test.ts.

import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "lib/**", "node_modules/**", "coverage/**", "test-artifacts/**", "build/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts", "**/*.tsx"],
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "off",
      "no-console": "off",
      eqeqeq: ["error", "smart"],
    },
  },
  {
    // The statistics core never reads the clock or prints: results depend on inputs only.
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-properties": ["error", { object: "Date", property: "now", message: "core/ takes dates from its caller" }, { object: "Math", property: "random", message: "core/ is deterministic" }],
      "no-restricted-globals": ["error", { name: "console", message: "core/ returns problems instead of printing" }, { name: "window" }, { name: "document" }, { name: "Office" }, { name: "Excel" }],
    },
  },
  {
    // Only the Excel layer (and the host that answers it) may talk to Excel's object model.
    files: ["src/taskpane/**/*.{ts,tsx}", "src/workbench/**/*.{ts,tsx}", "src/cli/**/*.ts", "src/i18n/**/*.ts"],
    ignores: ["src/taskpane/index.tsx", "src/workbench/index.tsx"],
    rules: {
      "no-restricted-globals": ["error", { name: "Excel", message: "call Excel only from src/excel" }],
    },
  },
  {
    files: ["**/*.js", "**/*.mjs", "**/*.cjs"],
    languageOptions: {
      sourceType: "commonjs",
      globals: { require: "readonly", module: "writable", process: "readonly", __dirname: "readonly", console: "readonly", Buffer: "readonly", setTimeout: "readonly", clearTimeout: "readonly", URL: "readonly" },
    },
    rules: {
      "@typescript-eslint/no-require-imports": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["eslint.config.mjs"],
    languageOptions: { sourceType: "module" },
  },
  {
    // The WPS shell's entry script runs in WPS's page, not in Node.
    files: ["wps/**/*.js"],
    languageOptions: { sourceType: "script", globals: { document: "readonly" } },
  },
);
