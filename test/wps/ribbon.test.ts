// The WPS shell: ribbon.xml in WPS's CustomUI dialect (a 统计助手 group whose button opens the
// pane), every callback it names set by the ribbon script under both spellings WPS uses, the pane
// opened once and shown again, and the deployment files the build fills in (version, base URL),
// each well-formed XML (xmllint, as the manifest check uses it).

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { execFileSync } from "child_process";
import { installRibbon, OPEN_PANE_BUTTON, paneUrl } from "../../src/wps/ribbon";
import { addinHost } from "../../src/wps-standin/stand-in";

const root = path.join(__dirname, "..", "..");
const ribbonXml = fs.readFileSync(path.join(root, "wps", "ribbon.xml"), "utf8");

/** xmllint's complaint about a text as XML; "" when it is well-formed. */
function notWellFormed(text: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "statdesk-wps-")), "file.xml");
  fs.writeFileSync(file, text);
  try {
    execFileSync("xmllint", ["--noout", file], { stdio: ["ignore", "pipe", "pipe"] });
    return "";
  } catch (error) {
    return String((error as { stderr?: Buffer }).stderr ?? error);
  }
}

test("ribbon.xml: well-formed, no XML declaration (WPS's publish check refuses one), a 统计助手 group whose button opens the pane", () => {
  expect(notWellFormed(ribbonXml)).toBe("");
  expect(ribbonXml.startsWith('<customUI xmlns="http://schemas.microsoft.com/office/2006/01/customui"')).toBe(true);
  expect(ribbonXml).toMatch(/<group id="StatDeskGroup" label="统计助手">/);
  expect(ribbonXml).toMatch(new RegExp(`<button id="${OPEN_PANE_BUTTON}"[^>]*onAction="ribbon\\.OnAction"`));
  expect(notWellFormed(ribbonXml.replace("</group>", ""))).not.toBe("");
});

test("every callback ribbon.xml names is set on the page, under ribbon. and bare, OnAddInLoad too", () => {
  const page: Record<string, unknown> & { location: { href: string } } = { location: { href: "http://127.0.0.1:3889/index.html" } };
  installRibbon(page);
  const named = [...ribbonXml.matchAll(/\b(?:onLoad|onAction|getImage|getEnabled|getVisible)="ribbon\.([A-Za-z]+)"/g)].map((m) => m[1]);
  expect(named).toEqual(expect.arrayContaining(["OnAddinLoad", "OnAction", "GetImage"]));
  const ribbon = page.ribbon as Record<string, unknown>;
  for (const name of [...named, "OnAddInLoad"]) {
    expect([name, typeof ribbon[name], typeof page[name]]).toEqual([name, "function", "function"]);
  }
});

test("the button opens the pane beside the entry page, docked right; pressed again it shows the same pane; a pane WPS lost is made anew", () => {
  const host = addinHost();
  const page: Record<string, unknown> & { location: { href: string } } = { location: { href: "file:///home/desk/.local/share/Kingsoft/wps/jsaddons/statdesk_0.1.0/index.html" }, Application: host };
  installRibbon(page);
  const onAction = (page.ribbon as { OnAction: (c: { Id: string }) => boolean }).OnAction;
  expect(onAction({ Id: "SomethingElse" })).toBe(true);
  expect(host.panes).toEqual([]);
  onAction({ Id: OPEN_PANE_BUTTON });
  expect(host.panes.map((p) => [p.url, p.title, p.Visible, p.DockPosition])).toEqual([["file:///home/desk/.local/share/Kingsoft/wps/jsaddons/statdesk_0.1.0/ui/taskpane.html", "统计助手", true, 2]]);
  host.panes[0].Visible = false; // closed with its ✕
  onAction({ Id: OPEN_PANE_BUTTON });
  expect(host.panes.map((p) => p.Visible)).toEqual([true]);
  host.PluginStorage.setItem("statdesk.taskpane", "99");
  onAction({ Id: OPEN_PANE_BUTTON });
  expect(host.panes.length).toBe(2);
  expect(paneUrl("http://intranet/statdesk/")).toBe("http://intranet/statdesk/ui/taskpane.html");
});

test("the deployment files get the version and the add-in's URL, and stay well-formed", () => {
  type Pattern = { from: string; transform?: (content: Buffer) => string };
  const wpsConfig: (env: object, argv: { mode: string }) => { plugins?: { patterns?: Pattern[] }[] }[] = jest.requireActual(path.join(root, "webpack.wps.config.js"));
  const saved = process.env.STATDESK_WPS_URL;
  process.env.STATDESK_WPS_URL = "http://stats.example.gov.cn/statdesk";
  try {
    const patterns = wpsConfig({}, { mode: "production" }).flatMap((c) => c.plugins ?? []).flatMap((p) => p.patterns ?? []);
    const built = (from: string) => {
      const pattern = patterns.find((p) => p.from === from);
      if (pattern?.transform === undefined) throw new Error(`webpack does not fill ${from}`);
      return pattern.transform(fs.readFileSync(path.join(root, from)));
    };
    const { version } = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { version: string };
    const jsplugins = built("wps/jsplugins.xml");
    expect(jsplugins).toContain(`<jsplugin name="statdesk" type="et" url="http://stats.example.gov.cn/statdesk/statdesk_${version}.7z" version="${version}" />`);
    expect(built("wps/publish.xml")).toContain('<jspluginonline name="statdesk" type="et" url="http://stats.example.gov.cn/statdesk/" enable="enable" />');
    for (const from of ["wps/jsplugins.xml", "wps/publish.xml", "wps/manifest.xml"]) {
      expect([from, notWellFormed(built(from))]).toEqual([from, ""]);
      expect(built(from)).not.toMatch(/__(VERSION|BASE)__/);
    }
  } finally {
    if (saved === undefined) delete process.env.STATDESK_WPS_URL;
    else process.env.STATDESK_WPS_URL = saved;
  }
});
