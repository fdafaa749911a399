// Builds StatDesk for WPS 表格 (`npm run build:wps`, scripts/build-wps.js): dist/wps/ is the add-in
// as WPS loads it — ribbon.xml, manifest.xml (a JsPlugin), index.html and main.js, js/ribbon.js
// (the ribbon's callbacks), ui/taskpane.html (the same React pane as in Excel, without office.js)
// — plus jsplugins.xml for offline deployment by IT and publish.xml for online mode on one desk.
// dist/wps-standin/ is not deployed: the stand-in ET the browser tests inject into the pane page.
//
//   STATDESK_WPS_URL=http://intranet/statdesk/ npm run build:wps   where the add-in will be served

const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { version } = require("./package.json");

const DEFAULT_URL = "http://127.0.0.1:3889/";

/** TypeScript for an older Chromium: WPS's embedded browser is older than current Chrome (wps-addin.md §2.2). */
const typescript = {
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: {
    loader: "ts-loader",
    options: { transpileOnly: true, compilerOptions: { module: "esnext", moduleResolution: "bundler", noEmit: false, target: "ES2017" } },
  },
};

/** The deployment files with the version and the add-in's base URL filled in. */
function filled(content, base) {
  return content.toString().split("__VERSION__").join(version).split("__BASE__").join(base);
}

module.exports = (_env, argv = {}) => {
  const production = argv.mode !== "development";
  const base = (process.env.STATDESK_WPS_URL || DEFAULT_URL).replace(/\/*$/, "/");
  const common = {
    mode: production ? "production" : "development",
    devtool: production ? "source-map" : "eval-cheap-module-source-map",
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: { rules: [typescript] },
    performance: { hints: false },
    target: ["web", "es2017"],
  };
  const addin = {
    ...common,
    name: "wps",
    entry: { taskpane: "./src/taskpane/index.tsx", ribbon: "./src/wps/ribbon.ts" },
    output: {
      path: path.resolve(__dirname, "dist", "wps"),
      // main.js names js/ribbon.js; the pane's bundle is the page's to name.
      filename: (data) => (data.chunk.name === "ribbon" ? "js/ribbon.js" : "ui/[name].[contenthash:8].js"),
      publicPath: "auto",
      clean: true,
    },
    plugins: [
      // The pane's page as Excel's (src/taskpane/taskpane.html) without Office.js; its policy is
      // written in development builds too, as it always was.
      new HtmlWebpackPlugin({
        filename: "ui/taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        templateParameters: { version, lang: "zh-CN", officeJs: false, csp: true },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "wps/ribbon.xml", to: "ribbon.xml" },
          { from: "wps/index.html", to: "index.html" },
          { from: "wps/main.js", to: "main.js" },
          { from: "wps/manifest.xml", to: "manifest.xml", transform: (c) => filled(c, base) },
          { from: "wps/jsplugins.xml", to: "jsplugins.xml", transform: (c) => filled(c, base) },
          { from: "wps/publish.xml", to: "publish.xml", transform: (c) => filled(c, base) },
          { from: "assets/icon-32.png", to: "images/statdesk-32.png" },
          { from: "assets/icon-80.png", to: "images/statdesk-80.png" },
        ],
      }),
    ],
  };
  const standIn = {
    ...common,
    name: "wps-standin",
    entry: { "stand-in": "./src/wps-standin/page.ts" },
    output: { path: path.resolve(__dirname, "dist", "wps-standin"), filename: "[name].js", clean: true },
  };
  return [addin, standIn];
};
