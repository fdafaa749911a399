// Builds the task pane (what Excel loads) and the workbench (the task pane beside an in-memory
// workbook, for any browser), and copies the manifest, icons and Microsoft's Excel client.
//
//   npm run build                        production bundle in dist/, manifest URLs for localhost
//   STATDESK_PUBLIC_URL=https://host/x npm run build   manifest URLs rewritten to the real host
//   npm start                            HTTPS dev server on https://localhost:3000 (scripts/start.js)

const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { version } = require("./package.json");

const DEV_URL = "https://localhost:3000";

module.exports = (_env, argv = {}) => {
  const production = argv.mode === "production";
  const publicUrl = (process.env.STATDESK_PUBLIC_URL || DEV_URL).replace(/\/+$/, "");
  return {
    mode: production ? "production" : "development",
    devtool: production ? "source-map" : "eval-cheap-module-source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      workbench: "./src/workbench/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // Types are checked by `tsc --noEmit`; the bundle only needs the JavaScript.
            options: { transpileOnly: true, compilerOptions: { module: "esnext", moduleResolution: "bundler", noEmit: false } },
          },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        // The same page as WPS's pane (webpack.wps.config.js), with Office.js.
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        templateParameters: { version, lang: "en", officeJs: true, csp: production },
      }),
      new HtmlWebpackPlugin({
        filename: "workbench.html",
        template: "./src/workbench/workbench.html",
        chunks: ["workbench"],
        templateParameters: { version },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets", to: "assets" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            // Every URL moves to the production host; the app domain is its origin (no path).
            transform: (content) =>
              publicUrl === DEV_URL
                ? content
                : content
                    .toString()
                    .split(`<AppDomain>${DEV_URL}</AppDomain>`)
                    .join(`<AppDomain>${new URL(publicUrl).origin}</AppDomain>`)
                    .split(DEV_URL)
                    .join(publicUrl),
          },
          // The workbench loads Microsoft's Excel client from our own origin: no request leaves the page.
          { from: "node_modules/@microsoft/office-js/dist/excel-web-16.00.js", to: "vendor/excel-web-16.00.js" },
        ],
      }),
    ],
    devServer: {
      port: 3000,
      host: "localhost",
      hot: false,
      liveReload: true,
      client: { overlay: { warnings: false, errors: true } },
      headers: { "Cache-Control": "no-store" },
      // scripts/start.js replaces this with the office-addin-dev-certs certificate
      server: "https",
      static: false,
      historyApiFallback: false,
    },
  };
};
