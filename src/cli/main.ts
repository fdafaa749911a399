// `statdesk summarize`: files in, JSON and .xlsx out. The files are loaded into the in-memory
// workbook host and the same Excel layer the add-in uses runs against it through Microsoft's
// Excel client, so the command line computes and writes exactly what Excel would show.

import * as fs from "fs";
import * as path from "path";
import { Analysis } from "../core/analyze";
import { Language, problemMessage } from "../core/messages";
import { Problem } from "../core/problems";
import { reportJson } from "../core/report-json";
import { formatFixed, RoundingRule } from "../core/rounding";
import { uniqueSheetName } from "../core/sheet-name";
import { SourceRef } from "../core/source";
import { narrative } from "../core/narrative";
import { qualifiedAddress } from "../core/a1";
import { runAnalysis } from "../excel/run";
import { AnalysisDefinition, SourceDefinition } from "../excel/types";
import { WorkbookHost } from "../host/host";
import { WorkbookModel } from "../host/model";
import { connectHost, loadExcelClient } from "../host/node-client";
import { readWorkbookFile, writeWorkbookFile } from "../host/node-files";
import { parseArgs, SummarizeArgs, USAGE } from "./args";

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Today's date for the provenance block ("2026-11-22"). */
  readonly today: () => string;
}

const SUCCESS = 0;
const CANNOT_SUMMARISE = 1;
const USAGE_ERROR = 2;

function version(): string {
  // lib/cli/main.js and src/cli/main.ts both sit two levels under the package root.
  return (JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")) as { version: string }).version;
}

function localDate(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  today: localDate,
};

/** Where each sheet of the gathered workbook came from, for messages that name the file. */
interface Origin {
  readonly file: string;
  /** The sheet's name inside its .xlsx; undefined for a CSV, whose only sheet is the file. */
  readonly sheet?: string;
}

/** Loads every file into one workbook (sheet names made unique), remembering each sheet's file. */
async function gather(files: readonly string[]): Promise<{ workbook: WorkbookModel; origins: Map<string, Origin>; problems: string[] }> {
  const workbook = new WorkbookModel("statdesk.xlsx");
  const origins = new Map<string, Origin>();
  const problems: string[] = [];
  for (const file of files) {
    const base = path.basename(file);
    let loaded: WorkbookModel;
    try {
      loaded = await readWorkbookFile(file);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      problems.push(`${base}: ${detail}`);
      continue;
    }
    const isCsv = !/\.xlsx?m?$/i.test(base);
    for (const sheet of loaded.sheets) {
      const name = uniqueSheetName(sheet.name, workbook.sheets.map((s) => s.name));
      workbook.importSheet(sheet, name);
      origins.set(name, isCsv ? { file: base } : { file: base, sheet: sheet.name });
    }
  }
  return { workbook, origins, problems };
}

/** A source per sheet that holds anything: its used range. */
function sourcesOf(workbook: WorkbookModel): SourceDefinition[] {
  const sources: SourceDefinition[] = [];
  for (const sheet of workbook.sheets) {
    const used = sheet.usedRect(true);
    if (used === undefined) continue;
    sources.push({ role: "auto", spec: { kind: "address", address: qualifiedAddress(sheet.name, used) } });
  }
  return sources;
}

function problemLine(p: Problem, language: Language): string {
  return p.location !== undefined ? `${p.location}: ${problemMessage(p, language)}` : problemMessage(p, language);
}

function amount(x: number | null, rule: RoundingRule, decimals = 1): string {
  return x === null ? "—" : formatFixed(x, decimals, rule);
}

function pct(x: number | null, rule: RoundingRule): string {
  return x === null ? "—" : `${x > 0 ? "+" : ""}${formatFixed(x, 1, rule)}%`;
}

/** The summary as text for a terminal: key tables, the bulletin sentences, then the notes. */
export function textReport(analysis: Analysis, language: Language): string {
  const rule = analysis.options.rounding;
  const lines: string[] = [];
  const zh = language === "zh-CN";
  for (const r of analysis.rankings) {
    lines.push(`${zh ? "排行榜" : "Ranking"} ${r.period}${r.previousYear !== null ? ` vs ${r.previousYear}` : ""} (${r.metric}, ${r.unit}), ${r.enterprises} ${zh ? "家企业" : "enterprises"} — ${r.range}`);
    for (const t of r.top) {
      lines.push(`  TOP${t.n}: ${amount(t.sum, rule)} (${pct(t.sumYoyPct, rule)})  ${zh ? "门槛值" : "threshold"} ${amount(t.threshold, rule)} (${pct(t.thresholdYoyPct, rule)})${t.share !== null ? `  ${zh ? "集中度" : "share"} ${formatFixed(t.share, 1, rule)}%` : ""}`);
    }
    for (const t of r.tiers) {
      const change = t.countChange === null ? "" : ` (${t.countChange > 0 ? "+" : ""}${t.countChange})`;
      lines.push(`  ${zh ? t.label : t.labelEn}: ${t.count}${change}, ${zh ? "均值" : "mean"} ${amount(t.mean, rule)}`);
    }
  }
  for (const s of analysis.series) {
    const last = s.points[s.points.length - 1];
    if (last === undefined) continue;
    lines.push(`${zh ? s.indicator : s.indicatorEn} ${zh ? last.label : last.labelEn}: ${amount(last.value, rule, 0)} ${s.unit}, ${zh ? "公布" : "published"} ${pct(last.publishedYoyPct, rule)}, ${zh ? "按公布数据计算" : "from levels"} ${pct(last.yoyPct, rule)}${last.basisFlag ? " !" : ""}`);
  }
  for (const t of analysis.targets) {
    lines.push(`${t.item}: ${t.planText} → ${t.actualText}, ${t.completionPct === null ? "—" : `${formatFixed(t.completionPct, 1, rule)}%`}`);
  }
  const sentences = narrative(analysis, language, rule);
  if (sentences.length > 0) lines.push("", ...sentences);
  const notes = analysis.problems.filter((p) => p.severity !== "info");
  if (notes.length > 0) {
    lines.push("", `${zh ? "提示" : "Notes"} (${notes.length}):`);
    for (const p of notes) lines.push(`  ${problemLine(p, language)}`);
  }
  return lines.join("\n") + "\n";
}

async function summarize(args: SummarizeArgs, io: CliIo): Promise<number> {
  const { workbook, origins, problems: loadProblems } = await gather(args.files);
  if (loadProblems.length > 0) {
    for (const line of loadProblems) io.stderr(`statdesk: ${line}\n`);
    return CANNOT_SUMMARISE;
  }
  const sources = sourcesOf(workbook);
  if (sources.length === 0) {
    io.stderr(`statdesk: ${args.files.map((f) => path.basename(f)).join(", ")}: ${args.language === "zh-CN" ? "文件中没有数据" : "the files hold no data"}\n`);
    return CANNOT_SUMMARISE;
  }
  const definition: AnalysisDefinition = {
    id: "cli",
    sources,
    options: {
      ...(args.tiers !== undefined ? { tiers: args.tiers } : {}),
      ...(args.top !== undefined ? { topN: args.top } : {}),
      ...(args.nationalTotal !== undefined ? { nationalTotal: args.nationalTotal } : {}),
      rounding: args.rounding,
      singleMonths: args.singleMonths,
    },
    output: { sheetName: args.sheetName, language: args.language, colours: args.colours },
  };
  const host = new WorkbookHost(workbook);
  const env = { run: connectHost(loadExcelClient(), host), isSetSupported: () => true };
  const sourceRef = (sheet: string, row: number, column: number): SourceRef => {
    const origin = origins.get(sheet);
    return origin === undefined ? { sheet, row, column } : { ...origin, row, column };
  };
  const result = await runAnalysis(env, definition, { today: io.today(), version: version(), sourceRef, activate: true });
  if (!result.ok) {
    for (const p of result.problems) io.stderr(`statdesk: ${problemLine(p, args.language)}\n`);
    return CANNOT_SUMMARISE;
  }
  if (args.json) io.stdout(JSON.stringify(reportJson(result.analysis, args.language), null, 2) + "\n");
  else io.stdout(textReport(result.analysis, args.language));
  if (args.out !== undefined) {
    await writeWorkbookFile(workbook, args.out);
    if (!args.json) io.stdout(`${args.language === "zh-CN" ? "已写入" : "Wrote"} ${args.out} (${result.sheetName})\n`);
  }
  return SUCCESS;
}

/** Runs the command line; resolves to the exit status. */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const args = parseArgs(argv, io.env);
  switch (args.command) {
    case "help":
      io.stdout(USAGE + "\n");
      return SUCCESS;
    case "version":
      io.stdout(version() + "\n");
      return SUCCESS;
    case "usage-error":
      io.stderr(`statdesk: ${args.message}\n\n${USAGE}\n`);
      return USAGE_ERROR;
    case "summarize":
      try {
        return await summarize(args, io);
      } catch (error) {
        // A bug of ours: said plainly with its stack, never a silent failure.
        io.stderr(`statdesk: internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
        return CANNOT_SUMMARISE;
      }
  }
}
