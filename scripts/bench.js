// `npm run bench [-- --json | --markdown] [-- --quick]`: runs bench/run.ts. TypeScript is turned into
// CommonJS file by file with the compiler's transpileModule as Node requires it (tsconfig has
// isolatedModules, so per-file transpilation is exact); type-checking is `npm run typecheck`'s job.
// Nothing is written to disk.
"use strict";

const fs = require("fs");
const path = require("path");
const ts = require("typescript");

const root = path.resolve(__dirname, "..");

require.extensions[".ts"] = (module, filename) => {
  const source = fs.readFileSync(filename, "utf8");
  const output = ts.transpileModule(source, {
    fileName: filename,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2020,
      esModuleInterop: true,
      resolveJsonModule: true,
      sourceMap: false,
    },
  });
  module._compile(output.outputText, filename);
};

const { cli } = require(path.join(root, "bench", "run.ts"));

cli(process.argv.slice(2), [path.join(__dirname, "bench.js")]).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`bench: ${error && error.stack ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  },
);
