// Jest for the browser end-to-end tests only (run by scripts/e2e.js, which builds dist/, serves
// it over HTTPS and passes its URL in STATDESK_E2E_URL). The unit suite never sees these files:
// they are named *.e2e.ts, not *.test.ts.
process.env.TZ = "UTC";

/** @type {import('jest').Config} */
module.exports = {
  rootDir: "../..",
  roots: ["<rootDir>/test/e2e"],
  testMatch: ["**/*.e2e.ts"],
  testEnvironment: "node",
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false }],
  },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
  testTimeout: 120000,
  maxWorkers: 1,
};
