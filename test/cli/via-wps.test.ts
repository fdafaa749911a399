// `statdesk summarize … --out a.xlsx --via wps`: the summary written through the WPS 表格 adapter
// (against the stand-in ET) is the summary the default path writes through the Office.js layer —
// for the ranking, NBS and plan fixtures, the written .xlsx files hold the same summary sheet cell
// for cell (values, formulas, number formats), the same names and the same charts. A fault in the
// middle of the WPS write fails the command and leaves the previous --out file as it was.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import { CliIo, main } from "../../src/cli/main";
import { parseArgs } from "../../src/cli/args";
import { StandInOptions } from "../../src/wps-standin/stand-in";
import { readXlsx } from "../../src/host/xlsx";
import { WorkbookModel } from "../../src/host/model";
import { gridCsv } from "../fixtures/nbs/build";
import { BEIJING_2023_PLAN } from "../fixtures/plan/beijing-2023";
import { sheetValues } from "../excel/harness";

const fixtures = path.join(__dirname, "..", "fixtures");
const folder = fs.mkdtempSync(path.join(os.tmpdir(), "statdesk-via-wps-"));
const planCsv = path.join(folder, "2023年保障房计划.csv");
fs.writeFileSync(planCsv, gridCsv(BEIJING_2023_PLAN));

async function cli(args: string[], wpsStandIn?: StandInOptions) {
  let stdout = "";
  let stderr = "";
  const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: {}, today: () => "2026-11-22", ...(wpsStandIn !== undefined ? { wpsStandIn } : {}) };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

/** The summary sheets of a written workbook: cells as Excel shows them, formulas, number formats; and the names. */
function summaryOf(workbook: WorkbookModel) {
  const summaries = workbook.sheets.filter((s) => /^(汇总|Summary)/.test(s.name));
  return {
    sheets: workbook.sheets.filter((s) => s.visibility === "Visible").map((s) => s.name),
    names: workbook.names.map((n) => [n.name, n.formula, n.visible]),
    summaries: summaries.map((s) => {
      const values = sheetValues(workbook, s.name);
      return {
        name: s.name,
        values,
        formulas: values.map((row, r) => row.map((_v, c) => s.formula(r, c) ?? null)),
        formats: values.map((row, r) => row.map((_v, c) => s.style(r, c).numberFormat)),
      };
    }),
  };
}

/** A data-label block's number format and whether it shows values, or undefined when there is none. */
function labelsOf(xml: string | undefined): string | undefined {
  if (xml === undefined) return undefined;
  const format = /<c:numFmt formatCode="([^"]*)"/.exec(xml)?.[1] ?? "General";
  return /<c:showVal val="1"\/>/.test(xml) ? format : undefined;
}

/**
 * A chart part as a reader sees it. Excel's layer shows data labels chart-wide (one <c:dLbls> per
 * chart group, Office.js chart.dataLabels), WPS's series by series (VBA's Series.HasDataLabels):
 * each series is compared with the labels it shows, and the rest of the part (title, axes, legend)
 * as written.
 */
function chartSeen(xml: string) {
  const groups = [...xml.matchAll(/<c:(barChart|lineChart)>([\s\S]*?)<\/c:\1>/g)].map(([, kind, body]) => {
    const series = [...body.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)].map((m) => m[1]);
    const groupLabels = labelsOf(/<c:dLbls>[\s\S]*?<\/c:dLbls>/.exec(body.replace(/<c:ser>[\s\S]*?<\/c:ser>/g, ""))?.[0]);
    return {
      kind,
      series: series.map((ser) => ({
        name: /<c:tx><c:v>([^<]*)<\/c:v>/.exec(ser)?.[1],
        categories: /<c:cat>[\s\S]*?<c:f>([^<]*)<\/c:f>/.exec(ser)?.[1],
        values: /<c:val>[\s\S]*?<c:f>([^<]*)<\/c:f>/.exec(ser)?.[1],
        labels: labelsOf(/<c:dLbls>[\s\S]*?<\/c:dLbls>/.exec(ser)?.[0]) ?? groupLabels,
      })),
    };
  });
  const rest = xml.replace(/<c:ser>[\s\S]*?<\/c:ser>/g, "").replace(/<c:dLbls>[\s\S]*?<\/c:dLbls>/g, "");
  return { groups, rest };
}

/** The chart parts of an .xlsx (xl/charts/chart*.xml), as a reader sees them. */
async function chartParts(file: string) {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const names = Object.keys(zip.files).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n)).sort();
  return (await Promise.all(names.map((n) => zip.file(n)!.async("string")))).map(chartSeen);
}

test("--via is excel by default, wps when asked, and nothing else", () => {
  expect(parseArgs(["summarize", "a.csv"])).toMatchObject({ via: "excel" });
  expect(parseArgs(["summarize", "a.csv", "--via", "wps"])).toMatchObject({ via: "wps" });
  expect(parseArgs(["summarize", "a.csv", "--via=calc"])).toEqual({ command: "usage-error", message: '--via must be excel or wps, not "calc"' });
});

test.each([
  ["rankings", [path.join(fixtures, "rankings", "2024年TOP100.csv"), path.join(fixtures, "rankings", "2023年TOP100.csv")], 43547.3, true],
  ["NBS series", [path.join(fixtures, "nbs", "nbs-monthly-gbk.csv")], 97385, true],
  ["a plan table", [planCsv], 81549, false],
])("%s: the same summary sheet, names and charts through both layers", async (_what, files, figure, charted) => {
  const viaExcel = path.join(folder, `excel-${_what}.xlsx`);
  const viaWps = path.join(folder, `wps-${_what}.xlsx`);
  const excel = await cli(["summarize", ...files, "--lang", "zh-CN", "--out", viaExcel]);
  const wps = await cli(["summarize", ...files, "--lang", "zh-CN", "--out", viaWps, "--via", "wps"]);
  expect([excel.code, wps.code, excel.stderr, wps.stderr]).toEqual([0, 0, "", ""]);
  // the report printed is the same; only the file name differs
  expect(wps.stdout.replace(viaWps, "OUT")).toBe(excel.stdout.replace(viaExcel, "OUT"));

  const [a, b] = await Promise.all([viaExcel, viaWps].map((f) => readXlsx(fs.readFileSync(f), path.basename(f))));
  const summary = summaryOf(b);
  expect(summary.summaries.length).toBe(1);
  expect(summary.summaries[0].values.flat().some((v) => typeof v === "number" && Math.abs(v - figure) < 1e-6)).toBe(true);
  expect(summary).toEqual(summaryOf(a));
  // WPS keeps the stored analyses on a hidden sheet; Excel in the workbook's settings
  expect(b.sheets.find((s) => s.name === "StatDesk_analyses")?.visibility).toBe("Hidden");
  const charts = await chartParts(viaWps);
  expect(charts).toEqual(await chartParts(viaExcel));
  // the comparison had charts with labels to compare where the summary draws them
  if (charted) expect(charts.flatMap((c) => c.groups.flatMap((g) => g.series)).some((series) => series.labels !== undefined)).toBe(true);
});

test("a fault in the middle of the WPS write: exit 1, the message names WPS, and the previous --out file is as it was", async () => {
  const out = path.join(folder, "previous.xlsx");
  const files = [path.join(fixtures, "rankings", "2024年TOP100.csv"), path.join(fixtures, "rankings", "2023年TOP100.csv")];
  expect((await cli(["summarize", ...files, "--lang", "zh-CN", "--out", out, "--via", "wps"])).code).toBe(0);
  const before = fs.readFileSync(out);
  const failed = await cli(["summarize", ...files, "--lang", "zh-CN", "--out", out, "--via", "wps"], { fault: (_n, member) => member === "Range.Formula=" });
  expect(failed.code).toBe(1);
  expect(failed.stderr).toMatch(/写入汇总表时 WPS 表格 报错（WPS：injected fault at call \d+ \(Range\.Formula=\)）。原有汇总表未改动/);
  expect(fs.readFileSync(out).equals(before)).toBe(true);
  expect(fs.readdirSync(folder).filter((f) => f.endsWith(".tmp"))).toEqual([]);
});
