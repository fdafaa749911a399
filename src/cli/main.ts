// `statdesk summarize`: files in, JSON and .xlsx out. The files are loaded into the in-memory
// workbook host and the same run code and Excel layer the add-in uses run against it through
// Microsoft's Excel client, so the command line computes and writes exactly what Excel would
// show; `--via wps` writes through the WPS 表格 adapter instead, against the stand-in ET.

import * as fs from "fs";
import * as path from "path";
import { Analysis } from "../core/analyze";
import { Language, problemMessage } from "../core/messages";
import { Problem, problem } from "../core/problems";
import { reportJson } from "../core/report-json";
import { formatFixed, RoundingRule } from "../core/rounding";
import { uniqueSheetName } from "../core/sheet-name";
import { cellLocation, SourceRef } from "../core/source";
import { narrative } from "../core/narrative";
import { CountChange, spanOfKey } from "../core/ranking";
import { RateChange } from "../core/series";
import { SHEET_LABELS } from "../core/summary/labels";
import { qualifiedAddress } from "../core/a1";
import { runAnalysis } from "../run/run";
import { AnalysisDefinition, SourceDefinition } from "../run/types";
import { OfficePort } from "../excel/port";
import { SheetPort } from "../core/port";
import { WpsPort } from "../wps";
import { standIn, StandInOptions } from "../wps-standin/stand-in";
import { WorkbookHost } from "../host/host";
import { formulasWithoutResults } from "../host/formula";
import { WorkbookModel } from "../host/model";
import { connectHost, loadExcelClient } from "../host/node-client";
import { readWorkbookFile } from "../host/node-files";
import { writeXlsx } from "../host/xlsx";
import { parseArgs, SummarizeArgs, USAGE } from "./args";
import { isAliasSheetName } from "../core/aliases";
import { Grid } from "../core/cells";

/**
 * The file operations that write --out, kept apart so a test can make the disk fill up. Errors
 * are Node's (with `code`, such as "ENOSPC").
 */
export interface OutputFiles {
  /** What is at the path, or undefined when nothing is. */
  readonly kind: (filePath: string) => Promise<"file" | "folder" | "other" | undefined>;
  /** Rejects when the existing file at the path may not be written (EACCES, EPERM, EROFS). */
  readonly checkWritable: (filePath: string) => Promise<void>;
  /** Creates a new file (rejecting if one exists), writes the bytes and flushes them to the disk. */
  readonly createFile: (filePath: string, bytes: Uint8Array) => Promise<void>;
  readonly rename: (from: string, to: string) => Promise<void>;
  readonly remove: (filePath: string) => Promise<void>;
}

export const nodeOutputFiles: OutputFiles = {
  kind: async (filePath) => {
    try {
      const stat = await fs.promises.stat(filePath);
      return stat.isDirectory() ? "folder" : stat.isFile() ? "file" : "other";
    } catch (error) {
      if (errorCode(error) === "ENOENT") return undefined;
      throw error;
    }
  },
  checkWritable: (filePath) => fs.promises.access(filePath, fs.constants.W_OK),
  createFile: async (filePath, bytes) => {
    const handle = await fs.promises.open(filePath, "wx");
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  rename: (from, to) => fs.promises.rename(from, to),
  remove: (filePath) => fs.promises.unlink(filePath),
};

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Today's date for the provenance block ("2026-11-22"). */
  readonly today: () => string;
  /** How --out is written; Node's file system when absent. */
  readonly outputFiles?: OutputFiles;
  /** How the stand-in ET behaves under --via wps (a test makes a call fail); WPS's measured quirks when absent. */
  readonly wpsStandIn?: StandInOptions;
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

/** Node's error code ("ENOENT"), or undefined for an error that has none. */
function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

/** Why a file operation failed, in the person's words, for the common file-system errors. */
const FILE_REASONS: Readonly<Record<Language, Readonly<Record<string, string>>>> = {
  "en-US": {
    ENOENT: "there is no such file",
    EISDIR: "it is a folder, not a file",
    ENOTDIR: "part of the path is a file, not a folder",
    EACCES: "permission denied",
    EPERM: "permission denied",
    EROFS: "the disk is read-only",
    ENOSPC: "the disk is full",
    EDQUOT: "the disk quota is used up",
    EFBIG: "the file is larger than the system allows (file size limit)",
  },
  "zh-CN": {
    ENOENT: "文件不存在",
    EISDIR: "这是文件夹，不是文件",
    ENOTDIR: "路径中有一部分是文件而不是文件夹",
    EACCES: "没有权限",
    EPERM: "没有权限",
    EROFS: "磁盘为只读",
    ENOSPC: "磁盘已满",
    EDQUOT: "磁盘配额已用完",
    EFBIG: "文件超过系统允许的大小（文件大小上限）",
  },
};

/** The reason for a failed file operation: translated for a known code, else the error's own text. */
function fileReason(error: unknown, language: Language): string {
  const code = errorCode(error);
  const known = code === undefined ? undefined : FILE_REASONS[language][code];
  if (known !== undefined) return known;
  return error instanceof Error ? error.message : String(error);
}

/** Where each sheet of the gathered workbook came from, for messages that name the file. */
interface Origin {
  readonly file: string;
  /** The sheet's name inside its .xlsx or .xls; undefined for a CSV, whose only sheet is the file. */
  readonly sheet?: string;
}

/** An input file as loaded: its name and whether any of its sheets holds a value. */
interface LoadedFile {
  readonly name: string;
  readonly holdsData: boolean;
}

const READABLE = /\.(xlsx|xlsm|xls|csv|tsv|txt)$/i;

const ENCODING_NAMES: Readonly<Record<string, string>> = { "utf-8": "UTF-8", "utf-16le": "UTF-16LE", "utf-16be": "UTF-16BE", gbk: "GB18030" };

/**
 * A warning when decoding a text file left replacement characters (U+FFFD) in its cells: bytes
 * that are not text in the encoding found, so names and figures near them may be wrong.
 */
function undecodableText(loaded: WorkbookModel, file: string): Problem | undefined {
  let count = 0;
  let first: string | undefined;
  for (const sheet of loaded.sheets) {
    sheet.forEachUsedCell((r, c) => {
      const value = sheet.value(r, c);
      if (typeof value !== "string" || !value.includes("\ufffd")) return;
      count += value.split("\ufffd").length - 1;
      first ??= cellLocation({ file, row: 0, column: 0 }, r, c);
    });
  }
  if (count === 0) return undefined;
  const encoding = ENCODING_NAMES[loaded.sourceEncoding ?? ""] ?? loaded.sourceEncoding ?? "";
  return problem("undecodable-text", "warning", first, { file, count, encoding });
}

/**
 * Loads every file into one workbook (sheet names made unique), remembering each sheet's file.
 * Files that cannot be read are problems; so are characters a text file's encoding could not decode.
 */
async function gather(
  files: readonly string[],
  language: Language,
): Promise<{ workbook: WorkbookModel; origins: Map<string, Origin>; loaded: LoadedFile[]; unreadable: Problem[]; notes: Problem[] }> {
  const workbook = new WorkbookModel("statdesk.xlsx");
  const origins = new Map<string, Origin>();
  const loadedFiles: LoadedFile[] = [];
  const unreadable: Problem[] = [];
  const notes: Problem[] = [];
  const seen = new Set<string>();
  for (const file of files) {
    const base = path.basename(file);
    // The same file named twice (a shell glob and a name, say) is read once.
    if (seen.has(path.resolve(file))) {
      notes.push(problem("file-repeated", "warning", undefined, { file: base }));
      continue;
    }
    seen.add(path.resolve(file));
    if (!READABLE.test(base)) {
      unreadable.push(problem("file-type", "error", undefined, { file: base }));
      continue;
    }
    let loaded: WorkbookModel;
    try {
      loaded = await readWorkbookFile(file);
    } catch (error) {
      unreadable.push(problem("file-unreadable", "error", undefined, { file: base, detail: fileReason(error, language) }));
      continue;
    }
    const isCsv = !/\.(xlsx|xlsm|xls)$/i.test(base);
    if (isCsv) {
      const garbled = undecodableText(loaded, base);
      if (garbled !== undefined) notes.push(garbled);
      const quote = loaded.unclosedQuote;
      if (quote !== undefined) notes.push(problem("csv-unclosed-quote", "warning", cellLocation({ file: base, row: 0, column: 0 }, quote.row, quote.column), { file: base }));
    } else {
      const { count, first } = formulasWithoutResults(loaded);
      if (first !== undefined) {
        notes.push(problem("formulas-without-results", "warning", cellLocation({ file: base, sheet: first.sheet, row: 0, column: 0 }, first.row, first.column), { file: base, count }));
      }
    }
    for (const sheet of loaded.sheets) {
      const name = uniqueSheetName(sheet.name, workbook.sheets.map((s) => s.name));
      workbook.importSheet(sheet, name);
      origins.set(name, isCsv ? { file: base } : { file: base, sheet: sheet.name });
    }
    loadedFiles.push({ name: base, holdsData: loaded.sheets.some((sheet) => sheet.usedRect(true) !== undefined) });
  }
  return { workbook, origins, loaded: loadedFiles, unreadable, notes };
}

/**
 * Why each input file that gave the summary nothing gave nothing. `notes`: its "no table" and
 * "empty" problems (info when other files worked, so the short report would drop them) raised to
 * warnings. `unlisted`: those the analysis could not report because it never saw the file (none
 * of its sheets holds a value), as info like the rest, for the JSON.
 */
function idleFiles(files: readonly LoadedFile[], analysis: Analysis): { notes: Problem[]; unlisted: Problem[] } {
  const used = new Set(analysis.tables.map((t) => t.source.file));
  const notes: Problem[] = [];
  const unlisted: Problem[] = [];
  for (const file of files) {
    if (used.has(file.name)) continue;
    const own = analysis.problems.filter((p) => {
      const source = String(p.params.source ?? "");
      return (p.code === "no-table" || p.code === "empty-input") && (source === file.name || source.startsWith(`[${file.name}]`));
    });
    if (own.length > 0) {
      notes.push(...own.map((p) => ({ ...p, severity: "warning" as const })));
    } else {
      const why = problem(file.holdsData ? "no-table" : "empty-input", "warning", undefined, { source: file.name });
      notes.push(why);
      unlisted.push({ ...why, severity: "info" });
    }
  }
  return { notes, unlisted };
}

/** A source per sheet that holds anything: its used range. */
function sourcesOf(workbook: WorkbookModel, year: number | undefined): SourceDefinition[] {
  const sources: SourceDefinition[] = [];
  for (const sheet of workbook.sheets) {
    const used = sheet.usedRect(true);
    // An alias sheet (别名) is read as the alias list by the run, not as data.
    if (used === undefined || isAliasSheetName(sheet.name)) continue;
    const spec = { kind: "address", address: qualifiedAddress(sheet.name, used) } as const;
    sources.push(year === undefined ? { role: "auto", spec } : { role: "auto", spec, overrides: { year } });
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

/**
 * The summary as text for a terminal: key tables, the bulletin sentences, then the notes: first
 * the input files that gave nothing (fileNotes), then the problems that are not mere information.
 */
export function textReport(analysis: Analysis, language: Language, fileNotes: readonly Problem[] = []): string {
  const rule = analysis.options.rounding;
  const lines: string[] = [];
  const zh = language === "zh-CN";
  for (const r of analysis.rankings) {
    lines.push(`${zh ? "排行榜" : "Ranking"} ${r.period}${r.previousYear !== null ? ` vs ${r.previousYear}` : ""} (${r.metric}${r.basis !== null ? `, ${r.basis}` : ""}, ${r.unit}), ${r.enterprises} ${zh ? "家企业" : "enterprises"} — ${r.range}`);
    // Against the previous period of the year (1—11月 for 1—12月): the YoY's move in points, the counts' in companies.
    const since = r.previousPeriod === null ? "" : SHEET_LABELS[language].spanShort(spanOfKey(r.previousPeriod).fromMonth, spanOfKey(r.previousPeriod).toMonth);
    const moved = (c: RateChange | null) => (c === null ? "" : `, ${zh ? `较${since}` : `vs ${since}`} ${c.changePts > 0 ? "+" : ""}${formatFixed(c.changePts, 1, rule)}${zh ? "个百分点" : " pts"}`);
    const counted = (c: CountChange | null) => (c === null ? "" : `, ${zh ? `较${since}` : `vs ${since}`} ${c.change > 0 ? "+" : ""}${c.change}`);
    for (const t of r.top) {
      lines.push(`  TOP${t.n}: ${amount(t.sum, rule)} (${pct(t.sumYoyPct, rule)}${moved(t.rateChange)})  ${zh ? "门槛值" : "threshold"} ${amount(t.threshold, rule)} (${pct(t.thresholdYoyPct, rule)}${moved(t.thresholdRateChange)})${t.share !== null ? `  ${zh ? "集中度" : "share"} ${formatFixed(t.share, 1, rule)}%` : ""}`);
    }
    for (const t of r.tiers) {
      const change = t.countChange === null && t.periodCountChange === null ? "" : ` (${t.countChange === null ? "—" : `${t.countChange > 0 ? "+" : ""}${t.countChange}`}${counted(t.periodCountChange)})`;
      lines.push(`  ${zh ? t.label : t.labelEn}: ${t.count}${change}, ${zh ? "均值" : "mean"} ${amount(t.mean, rule)}`);
    }
  }
  for (const s of analysis.series) {
    const last = s.points[s.points.length - 1];
    if (last === undefined) continue;
    const single = last.singleMonth === undefined ? "" : `; ${zh ? "单月（推算）" : "single month (derived)"} ${amount(last.singleMonth, rule, 0)} ${s.unit}, ${pct(last.singleMonthYoyPct ?? null, rule)}`;
    const region = s.region === null ? "" : zh ? s.region : `${s.region}, `;
    lines.push(`${region}${zh ? s.indicator : s.indicatorEn} ${zh ? last.label : last.labelEn}: ${amount(last.value, rule, 0)} ${s.unit}, ${zh ? "公布" : "published"} ${pct(last.publishedYoyPct, rule)}, ${zh ? "按公布数据计算" : "from levels"} ${pct(last.yoyPct, rule)}${last.basisFlag ? " !" : ""}${single}`);
  }
  for (const t of analysis.targets) {
    lines.push(`${t.item}: ${t.planText} → ${t.actualText}, ${t.completionPct === null ? "—" : `${formatFixed(t.completionPct, 1, rule)}%`}`);
  }
  const sentences = narrative(analysis, language, rule);
  if (sentences.length > 0) lines.push("", ...sentences);
  const notes = [...fileNotes, ...analysis.problems.filter((p) => p.severity !== "info")];
  if (notes.length > 0) {
    lines.push("", `${zh ? "提示" : "Notes"} (${notes.length}):`);
    for (const p of notes) lines.push(`  ${problemLine(p, language)}`);
  }
  return lines.join("\n") + "\n";
}

let temporaryCount = 0;

/**
 * A name for the temporary file --out is first written to: hidden, beside the target, unique to
 * this process and call (and created with "wx", so it never replaces anything).
 */
function temporaryName(target: string): string {
  temporaryCount += 1;
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}-${temporaryCount}.tmp`);
}

/**
 * Checks, before anything is read or computed, that --out can be written: its folder exists and
 * takes new files (tried by creating and removing an empty temporary file), and the path does
 * not name a folder or a file that may not be written. Undefined when it can.
 */
async function checkOutput(out: string, files: OutputFiles, language: Language): Promise<Problem | undefined> {
  const target = path.resolve(out);
  const folder = path.dirname(target);
  const zh = language === "zh-CN";
  const cannot = (detail: string) => problem("file-unwritable", "error", undefined, { file: out, detail });
  try {
    const folderKind = await files.kind(folder);
    if (folderKind === undefined) return cannot(zh ? `文件夹 ${folder} 不存在` : `the folder ${folder} does not exist`);
    if (folderKind !== "folder") return cannot(zh ? `${folder} 不是文件夹` : `${folder} is not a folder`);
    const targetKind = await files.kind(target);
    if (targetKind === "folder") return cannot(FILE_REASONS[language].EISDIR);
    if (targetKind === "other") return cannot(zh ? "这不是普通文件" : "it is not a regular file");
    if (targetKind === "file") await files.checkWritable(target);
  } catch (error) {
    return cannot(fileReason(error, language));
  }
  const probe = temporaryName(target);
  try {
    await files.createFile(probe, new Uint8Array(0));
  } catch (error) {
    // The folder exists, so "no such file" here means it takes no new files (as /proc does).
    return cannot(errorCode(error) === "ENOENT" ? (zh ? `无法在文件夹 ${folder} 中新建文件` : `files cannot be created in the folder ${folder}`) : fileReason(error, language));
  }
  try {
    await files.remove(probe);
  } catch (error) {
    return cannot(`${fileReason(error, language)} (${probe})`);
  }
  return undefined;
}

/**
 * Writes the workbook to --out without ever leaving a half-written file there: the bytes go to a
 * temporary file in the same folder, flushed, then renamed over the target in one step. When
 * anything fails, the temporary file is removed and an existing file at the target is untouched.
 */
async function writeOutput(bytes: Uint8Array, out: string, files: OutputFiles, language: Language): Promise<Problem | undefined> {
  const target = path.resolve(out);
  const temporary = temporaryName(target);
  const zh = language === "zh-CN";
  try {
    await files.createFile(temporary, bytes);
    await files.rename(temporary, target);
    return undefined;
  } catch (error) {
    let detail = fileReason(error, language);
    try {
      await files.remove(temporary);
    } catch (cleanup) {
      if (errorCode(cleanup) !== "ENOENT") detail += zh ? `；临时文件 ${temporary} 未能删除，请手动删除` : `; the temporary file ${temporary} could not be removed, please delete it`;
    }
    detail += zh ? `。原有的 ${path.basename(out)}（如有）未改动。` : `. Any existing ${path.basename(out)} is unchanged.`;
    return problem("file-unwritable", "error", undefined, { file: out, detail });
  }
}

/**
 * The --aliases file, checked before anything else is read: a file that does not exist, or a
 * folder, is a usage error (the person mistyped the option): exit 2, as for --out.
 */
async function checkAliasesFile(file: string, language: Language): Promise<Problem | undefined> {
  try {
    const stat = await fs.promises.stat(file);
    if (!stat.isFile()) return problem("file-unreadable", "error", undefined, { file: `--aliases ${file}`, detail: FILE_REASONS[language].EISDIR });
    return undefined;
  } catch (error) {
    return problem("file-unreadable", "error", undefined, { file: `--aliases ${file}`, detail: fileReason(error, language) });
  }
}

/**
 * The --aliases file's cells (its first sheet holding anything), named by the file's name in
 * messages; a problem when it cannot be read or a quote is left open (a line would be lost).
 */
async function readAliasesFile(file: string, language: Language): Promise<{ grid: Grid; source: SourceRef } | Problem> {
  const base = path.basename(file);
  let loaded: WorkbookModel;
  try {
    loaded = await readWorkbookFile(file);
  } catch (error) {
    return problem("file-unreadable", "error", undefined, { file: base, detail: fileReason(error, language) });
  }
  if (loaded.unclosedQuote !== undefined) {
    const { row, column } = loaded.unclosedQuote;
    return problem("alias-line-invalid", "error", cellLocation({ file: base, row: 0, column: 0 }, row, column), { source: base, line: row + 1, reason: "unclosed-quote", text: "" });
  }
  const sheet = loaded.sheets.find((s) => s.usedRect(true) !== undefined);
  const used = sheet?.usedRect(true);
  if (sheet === undefined || used === undefined) return { grid: [], source: { file: base, row: 0, column: 0 } };
  // From A1, so that a cell's row is the file's line.
  const grid: Grid = Array.from({ length: used.row + used.rowCount }, (_, r) => Array.from({ length: used.column + used.columnCount }, (_, c) => sheet.value(r, c)));
  const isCsv = !/\.(xlsx|xlsm|xls)$/i.test(base);
  return { grid, source: isCsv ? { file: base, row: 0, column: 0 } : { file: base, sheet: sheet.name, row: 0, column: 0 } };
}

async function summarize(args: SummarizeArgs, io: CliIo): Promise<number> {
  const language = args.language;
  const outputFiles = io.outputFiles ?? nodeOutputFiles;
  if (args.aliases !== undefined) {
    const missing = await checkAliasesFile(args.aliases, language);
    if (missing !== undefined) {
      io.stderr(`statdesk: ${problemLine(missing, language)}\n`);
      return USAGE_ERROR;
    }
  }
  if (args.out !== undefined) {
    const unwritable = await checkOutput(args.out, outputFiles, language);
    if (unwritable !== undefined) {
      io.stderr(`statdesk: ${problemLine(unwritable, language)}\n`);
      return USAGE_ERROR;
    }
  }
  const { workbook, origins, loaded, unreadable, notes: loadNotes } = await gather(args.files, language);
  if (unreadable.length > 0) {
    for (const p of unreadable) io.stderr(`statdesk: ${problemLine(p, language)}\n`);
    return CANNOT_SUMMARISE;
  }
  let aliases: { grid: Grid; source: SourceRef } | undefined;
  if (args.aliases !== undefined) {
    const read = await readAliasesFile(args.aliases, language);
    if ("code" in read) {
      io.stderr(`statdesk: ${problemLine(read, language)}\n`);
      return CANNOT_SUMMARISE;
    }
    aliases = read;
  }
  const sources = sourcesOf(workbook, args.year);
  if (sources.length === 0) {
    io.stderr(`statdesk: ${args.files.map((f) => path.basename(f)).join(", ")}: ${language === "zh-CN" ? "文件中没有数据" : "the files hold no data"}\n`);
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
    output: { sheetName: args.sheetName, language, colours: args.colours, ...(args.valuesOnly ? { valuesOnly: true } : {}), ...(args.hideData ? { hideData: true } : {}) },
  };
  const port: SheetPort =
    args.via === "wps" ? new WpsPort(standIn(workbook, io.wpsStandIn).app) : new OfficePort({ run: connectHost(loadExcelClient(), new WorkbookHost(workbook)), isSetSupported: () => true });
  const sourceRef = (sheet: string, row: number, column: number): SourceRef => {
    const origin = origins.get(sheet);
    return origin === undefined ? { sheet, row, column } : { ...origin, row, column };
  };
  const result = await runAnalysis(port, definition, { today: io.today(), version: version(), sourceRef, activate: true, ...(aliases !== undefined ? { aliases } : {}) });
  if (!result.ok) {
    for (const p of [...loadNotes, ...result.problems]) io.stderr(`statdesk: ${problemLine(p, language)}\n`);
    return CANNOT_SUMMARISE;
  }
  // The file is written before anything is printed, so a failed write is not mistaken for a run
  // that worked.
  if (args.out !== undefined) {
    const failed = await writeOutput(await writeXlsx(workbook), args.out, outputFiles, language);
    if (failed !== undefined) {
      io.stderr(`statdesk: ${problemLine(failed, language)}\n`);
      return CANNOT_SUMMARISE;
    }
  }
  const analysis: Analysis = { ...result.analysis, problems: [...loadNotes, ...result.analysis.problems] };
  // A file that gave nothing is said in the short report too; the JSON already lists its
  // "no table" problem, and lists an empty file here.
  const idle = idleFiles(loaded, result.analysis);
  if (args.json) io.stdout(JSON.stringify(reportJson({ ...analysis, problems: [...analysis.problems, ...idle.unlisted] }, language), null, 2) + "\n");
  else io.stdout(textReport(analysis, language, idle.notes));
  if (args.out !== undefined && !args.json) io.stdout(`${language === "zh-CN" ? "已写入" : "Wrote"} ${args.out} (${result.sheetName})\n`);
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
