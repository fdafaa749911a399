#!/usr/bin/env node
// A small static HTTPS server for a production build: serves the files under dist/ (GET and
// HEAD only, no directory listings, nothing outside dist/) with the office-addin-dev-certs
// certificate. The end-to-end tests start it on a free port; `node scripts/serve.js` serves
// https://localhost:3000 (see --help). `npm start` is the development server instead.
"use strict";

const fs = require("fs");
const https = require("https");
const path = require("path");
const { spawnSync } = require("child_process");

const ROOT = path.join(__dirname, "..");

const MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".webp": "image/webp",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".csv": "text/csv; charset=utf-8",
};

/** A certificate Node can serve with, made by openssl into .cert/ (gitignored): the last resort. */
function selfSignedCertificate() {
  const dir = path.join(ROOT, ".cert");
  const key = path.join(dir, "localhost.key");
  const cert = path.join(dir, "localhost.crt");
  fs.mkdirSync(dir, { recursive: true });
  const made = spawnSync(
    "openssl",
    ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "30", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"],
    { encoding: "utf8" },
  );
  if (made.status !== 0) {
    throw new Error(`openssl could not make a certificate (${made.error ? made.error.message : made.stderr.trim()}). Install openssl (Debian: apt-get install -y openssl) or office-addin-dev-certs' prerequisites.`);
  }
  return { key: fs.readFileSync(key), cert: fs.readFileSync(cert) };
}

/**
 * The HTTPS certificate and how it was obtained: office-addin-dev-certs' localhost certificate,
 * trusted when possible (scripts/certs.js), else a self-signed one from openssl.
 */
async function certificate(log) {
  try {
    const { localhostCertificate } = require("./certs");
    const options = await localhostCertificate();
    return { options, how: "office-addin-dev-certs localhost certificate (~/.office-addin-dev-certs)" };
  } catch (error) {
    log(`office-addin-dev-certs gave no certificate (${String(error && error.message).split("\n")[0]}); making a self-signed one with openssl.`);
    return { options: selfSignedCertificate(), how: "self-signed certificate from openssl (.cert/, not trusted by browsers)" };
  }
}

/** The file a request path names inside `dir`, or undefined when it names nothing servable. */
function resolveFile(dir, requestPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(requestPath);
  } catch {
    return undefined;
  }
  if (decoded.includes("\0")) return undefined;
  const file = path.resolve(dir, `.${path.posix.normalize(`/${decoded}`)}`);
  if (file !== dir && !file.startsWith(dir + path.sep)) return undefined;
  try {
    return fs.statSync(file).isFile() ? file : undefined;
  } catch {
    return undefined;
  }
}

function handler(dir) {
  return (req, res) => {
    const send = (status, body, headers = {}) => {
      res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff", ...headers });
      res.end(req.method === "HEAD" ? undefined : body);
    };
    if (req.method !== "GET" && req.method !== "HEAD") return send(405, "Method not allowed\n", { Allow: "GET, HEAD" });
    const url = new URL(req.url || "/", "https://localhost");
    if (url.pathname === "/") return send(302, "", { Location: "/workbench.html" });
    const file = resolveFile(dir, url.pathname);
    if (file === undefined) return send(404, "Not found\n");
    const type = MIME[path.extname(file).toLowerCase()] || "application/octet-stream";
    const size = fs.statSync(file).size;
    res.writeHead(200, { "Content-Type": type, "Content-Length": size, "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" });
    if (req.method === "HEAD") return res.end();
    fs.createReadStream(file)
      .on("error", () => res.destroy())
      .pipe(res);
    return undefined;
  };
}

/**
 * Starts the server. `port` 0 picks a free port. Resolves to { server, port, url, how, close }.
 */
async function startServer({ port = 3000, dir = path.join(ROOT, "dist"), host = "localhost", log = console.log } = {}) {
  const root = path.resolve(dir);
  if (!fs.existsSync(path.join(root, "workbench.html"))) {
    throw new Error(`${root} holds no build (no workbench.html). Run \`npm run build\` first.`);
  }
  const { options, how } = await certificate(log);
  const server = https.createServer({ key: options.key, cert: options.cert }, handler(root));
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, resolve);
  });
  const actual = server.address().port;
  const url = `https://localhost:${actual}`;
  const close = () =>
    new Promise((resolve) => {
      server.close(() => resolve());
      // A browser keeps connections alive; do not wait for it to let go.
      server.closeAllConnections();
    });
  return { server, port: actual, url, how, close };
}

function parseArgs(argv) {
  const args = { port: 3000, dir: path.join(ROOT, "dist") };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--help" || a === "-h") args.help = true;
    else if (a === "--port" || a === "-p") args.port = Number(argv[++i]);
    else if (a.startsWith("--port=")) args.port = Number(a.slice(7));
    else if (a === "--dir") args.dir = path.resolve(argv[++i]);
    else if (a.startsWith("--dir=")) args.dir = path.resolve(a.slice(6));
    else throw new Error(`Unknown argument ${a} (see --help).`);
  }
  if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535) throw new Error("--port needs a number from 0 to 65535.");
  return args;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    console.log("Usage: node scripts/serve.js [--port 3000] [--dir dist]\nServes a production build (npm run build) over HTTPS on localhost.");
    return;
  }
  const { url, how } = await startServer(args);
  console.log(`Serving ${path.relative(process.cwd(), args.dir) || "."} over HTTPS; certificate: ${how}.\n  Workbench: ${url}/workbench.html\n  Task pane: ${url}/taskpane.html\nCtrl+C stops.`);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(`serve: ${error.message}`);
    process.exit(1);
  });
}

module.exports = { startServer, resolveFile, MIME };
