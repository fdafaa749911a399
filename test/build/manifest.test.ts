// The manifest a production build publishes: every URL on the production host, and still valid
// against Microsoft's offline schemas (xmllint, as in npm test).

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { execFileSync } from "child_process";

type WebpackConfig = { plugins: { patterns?: { from: string; transform: (content: Buffer) => string | Buffer }[] }[] };
const webpackConfig: (env: object, argv: { mode: string }) => WebpackConfig = jest.requireActual(path.join(__dirname, "..", "..", "webpack.config.js"));

const root = path.join(__dirname, "..", "..");
const schema = path.join(root, "..", "shared", "office-manifest-schemas", "OfficeAppManifestV1_1.xsd");

/** The manifest as webpack's copy step writes it, for a given STATDESK_PUBLIC_URL. */
function builtManifest(publicUrl: string | undefined): string {
  const saved = process.env.STATDESK_PUBLIC_URL;
  if (publicUrl === undefined) delete process.env.STATDESK_PUBLIC_URL;
  else process.env.STATDESK_PUBLIC_URL = publicUrl;
  try {
    // webpack.config.js reads the variable when called, so a fresh call sees the value set here.
    const config = webpackConfig({}, { mode: "production" });
    const pattern = config.plugins.flatMap((p) => p.patterns ?? []).find((p) => p.from === "manifest.xml");
    if (pattern === undefined) throw new Error("webpack copies no manifest.xml");
    return String(pattern.transform(fs.readFileSync(path.join(root, "manifest.xml"))));
  } finally {
    if (saved === undefined) delete process.env.STATDESK_PUBLIC_URL;
    else process.env.STATDESK_PUBLIC_URL = saved;
  }
}

test("without a public URL the manifest points at the dev server", () => {
  const xml = builtManifest(undefined);
  expect(xml).toContain("https://localhost:3000/taskpane.html");
});

test("STATDESK_PUBLIC_URL rewrites every URL, and the result still validates", () => {
  const xml = builtManifest("https://stats.example.gov.cn/statdesk/");
  expect(xml).not.toContain("localhost");
  expect(xml).toContain('<SourceLocation DefaultValue="https://stats.example.gov.cn/statdesk/taskpane.html"/>');
  expect(xml).toContain("<AppDomain>https://stats.example.gov.cn</AppDomain>");
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "statdesk-manifest-")), "manifest.xml");
  fs.writeFileSync(file, xml);
  expect(execFileSync("xmllint", ["--noout", "--schema", schema, file], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] })).toBe("");
});
