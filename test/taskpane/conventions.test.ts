// The task pane's house rules, checked on the source so a slip fails here rather than in review:
// no Excel outside the composition root, colours only from Fluent tokens, no visible text
// outside the catalogs, and each component folder split into Name.tsx, useName.ts, Name.styles.ts.

import * as fs from "fs";
import * as path from "path";

const PANE = path.join(__dirname, "..", "..", "src", "taskpane");

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? files(full) : /\.(ts|tsx)$/.test(e.name) ? [full] : [];
  });
}

const sources = files(PANE).map((file) => ({ file: path.relative(PANE, file), text: fs.readFileSync(file, "utf8") }));
/** The code without comments, so a comment may mention what the code must not do. */
const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'])\/\/.*$/gm, "$1");

test("the pane's files are all seen", () => {
  expect(sources.map((s) => s.file)).toEqual(expect.arrayContaining(["App.tsx", "useApp.ts", "index.tsx", "services.ts", "form.ts"]));
});

test("only the composition root names Excel or Office; the pane talks to PaneServices", () => {
  const offenders = sources
    .filter((s) => s.file !== "index.tsx")
    .filter((s) => /\b(Excel|OfficeExtension|Office)\s*\./.test(code(s.text)))
    .map((s) => s.file);
  expect(offenders).toEqual([]);
});

test("styles use design tokens: no raw colours", () => {
  const raw = /#[0-9a-fA-F]{3,8}\b|\brgba?\(|\bhsla?\(|:\s*["'](?:red|green|white|black|blue|gray|grey)["']/;
  const offenders = sources.filter((s) => raw.test(code(s.text))).map((s) => s.file);
  expect(offenders).toEqual([]);
  for (const s of sources.filter((f) => f.file.endsWith(".styles.ts"))) expect([s.file, /tokens\./.test(s.text)]).toEqual([s.file, true]);
});

test("no visible text in JSX: every word comes from src/i18n", () => {
  const offenders: string[] = [];
  for (const s of sources.filter((f) => f.file.endsWith(".tsx"))) {
    const body = code(s.text);
    // Text between tags on one line ("<b>Run</b>"), holding a letter or a Chinese character.
    for (const m of body.matchAll(/>([^<>{}\n;=()]*[A-Za-z\u4e00-\u9fff][^<>{}\n;=()]*)</g)) offenders.push(`${s.file}: ${m[1].trim()}`);
    // Text on its own line right after an opening tag.
    const lines = body.split("\n");
    lines.forEach((line, i) => {
      if (i > 0 && /[^=]>\s*$/.test(lines[i - 1]) && /^\s*[A-Za-z\u4e00-\u9fff][^<>{}();=]*$/.test(line)) offenders.push(`${s.file}: ${line.trim()}`);
    });
    // Literal labels, hints and names.
    for (const m of body.matchAll(/\b(label|aria-label|placeholder|title|hint|validationMessage|alt)="([^"]*[A-Za-z\u4e00-\u9fff][^"]*)"/g)) {
      offenders.push(`${s.file}: ${m[1]}="${m[2]}"`);
    }
  }
  expect(offenders).toEqual([]);
});

test("each component folder has Name.tsx, useName.ts and Name.styles.ts", () => {
  const folders = fs.readdirSync(path.join(PANE, "components"));
  expect(folders.length).toBeGreaterThanOrEqual(6);
  for (const name of folders) {
    const inside = fs.readdirSync(path.join(PANE, "components", name)).sort();
    expect([name, inside]).toEqual([name, [`${name}.styles.ts`, `${name}.tsx`, `use${name}.ts`].sort()]);
  }
});
