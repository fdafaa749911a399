#!/usr/bin/env node
// The `statdesk` command: runs the compiled CLI (npm install builds it into lib/ via `prepare`).
"use strict";
const path = require("path");
const fs = require("fs");

const entry = path.join(__dirname, "..", "lib", "cli", "main.js");
if (!fs.existsSync(entry)) {
  process.stderr.write("statdesk: the command line is not built yet. Run `npm install` (or `npm run build:cli`) in " + path.join(__dirname, "..") + "\n");
  process.exit(2);
}
require(entry)
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
