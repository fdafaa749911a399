#!/usr/bin/env node
// `npm start`: the HTTPS dev server on https://localhost:3000 serving the task pane Excel loads
// (through manifest.xml) and the workbench page (the task pane beside a sample in-memory
// workbook), rebuilt on every change.
"use strict";

const path = require("path");
const webpack = require("webpack");
const WebpackDevServer = require("webpack-dev-server");
const { localhostCertificate } = require("./certs");

async function main() {
  process.chdir(path.join(__dirname, ".."));
  const https = await localhostCertificate();
  const config = require("../webpack.config.js")({}, { mode: "development" });
  const compiler = webpack(config);
  const server = new WebpackDevServer({ ...config.devServer, server: { type: "https", options: https } }, compiler);
  await server.start();
  const url = `https://localhost:${config.devServer.port}`;
  console.log(`
StatDesk is running.
  Workbench (the task pane beside a sample workbook, any browser): ${url}/workbench.html
  Task pane for Excel:                                              ${url}/taskpane.html
  Sideload manifest.xml in Excel (see README "Using it in Excel"). Ctrl+C stops.
`);
}

main().catch((error) => {
  console.error(`statdesk start: ${error.stack || error.message}`);
  process.exit(1);
});
