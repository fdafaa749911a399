// `npm run bench`: StatDesk's whole run (read, compute, write, verify) through Microsoft's Excel
// client against the in-memory host, for ranking lists of 100 to 100,000 rows and NBS series of
// 12 to 600 months — round trips, payload bytes, compute and end-to-end milliseconds with Excel
// on the web's round-trip latency modelled, peak memory — beside a naive one-row-per-sync
// baseline. Each case runs in its own process so its memory figure is its own. Then the WPS 表格
// adapter's bridge calls per run (against the stand-in ET) at 100 and 100,000 rows, and the
// command line's peak memory for --json and for --out on one 200,000-row two-sheet .xlsx. Not a test.

import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { analyze, AnalysisInput } from "../src/core/analyze";
import { resolveOptions } from "../src/core/options";
import { runAnalysis } from "../src/run/run";
import { OfficePort } from "../src/excel/port";
import { SheetPort } from "../src/core/port";
import { WpsPort } from "../src/wps";
import { standIn } from "../src/wps-standin/stand-in";
import { DEFAULT_PAYLOAD_LIMIT, WorkbookHost } from "../src/host/host";
import { connectHost, loadExcelClient } from "../src/host/node-client";
import { writeXlsx } from "../src/host/xlsx";
import { naiveRun } from "./naive";
import { findWorkload, RankingLayout, rankingWorkload, releaseWorkload, seriesWorkload, Workload } from "./workloads";
import { findData } from "../src/run/find";

/** Excel on the web: about 50 ms a round trip. Modelled (syncs × this), never slept. */
const LATENCY_MS = 50;
/**
 * The naive baseline reads at most this many rows per source (10,000-row lists are read whole);
 * beyond it — the 100,000-row lists, 200,000 round trips — the read time is extrapolated linearly
 * from the rows read, and the syncs are counted exactly.
 */
const NAIVE_SAMPLE_ROWS = 12_000;

interface Case {
  readonly kind: "ranking" | "series" | "find";
  readonly layout: RankingLayout | "nbs" | "nbs-release" | "find-data";
  /** Enterprises per year for a ranking; months for a series. */
  readonly rows: number;
  /** How the summary's figures are written: live formulas (the default) or values only (#14). */
  readonly summary?: "formulas" | "values";
}

const CASES: readonly Case[] = [
  ...[100, 1_000, 10_000, 100_000].flatMap((rows) => (["two-sheets", "wide"] as const).map((layout) => ({ kind: "ranking" as const, layout, rows }))),
  // The write of a live summary (#14) against the values-only one, and through the data block
  // (every figure a text number, so each list is re-read there): request bytes and round trips.
  ...[100, 10_000, 100_000].flatMap((rows) => [
    { kind: "ranking" as const, layout: "two-sheets" as const, rows, summary: "values" as const },
    { kind: "ranking" as const, layout: "two-sheets-text" as const, rows },
  ]),
  ...[12, 60, 120, 600].map((rows) => ({ kind: "series" as const, layout: "nbs" as const, rows })),
  // Fifteen years of the whole release (the real oracle): rows are its months.
  { kind: "series", layout: "nbs-release", rows: 169 },
  // Find data (#13) on 24 monthly TOP200 lists, an NBS export and a regional table: rows are its sheets.
  { kind: "find", layout: "find-data", rows: 26 },
];

interface Figures {
  readonly kind: Case["kind"];
  readonly layout: Case["layout"];
  readonly rows: number;
  readonly summary: "formulas" | "values";
  readonly ok: boolean;
  readonly syncs: number;
  /** The write's round trips (from the writing phase on) and the bytes their requests carried. */
  readonly writeSyncs: number;
  readonly writeRequestBytes: number;
  readonly maxWriteRequestBytes: number;
  readonly maxRequestBytes: number;
  readonly maxResponseBytes: number;
  readonly totalBytes: number;
  /** Each sync: [request bytes, response bytes, error code or null]. */
  readonly perSync: readonly (readonly [number, number, string | null])[];
  /**
   * Compute time of a run (RunResult.stats.computeMs: the figures from the grids read, on one
   * core) once the code is compiled for this size — the same analysis run again on the same
   * workbook (Refresh), median of five. What a desk sees from its second run on.
   */
  readonly computeMs: number;
  /** The same, of the first run at this size in a fresh process: the JavaScript engine still compiling the code for it. */
  readonly firstRunComputeMs: number;
  /** analyze() alone on the same grids, best of three, after the runs: the core's own cost on one core. */
  readonly analyzeMs: number;
  readonly wallMs: number;
  readonly endToEndMs: number;
  readonly naiveSyncs: number;
  readonly naiveEndToEndMs: number;
  readonly naiveExtrapolated: boolean;
  readonly speedup: number;
  readonly peakRssMb: number;
  readonly sourceCells: number;
}

/** analyze() alone on a workload's grids (no client, no host), best of three, in ms. */
function analyzeAlone(workload: Workload): number {
  const inputs: AnalysisInput[] = workload.sources.map((s) => ({
    source: { sheet: s.sheet, row: 0, column: 0 },
    grid: workload.workbook.sheet(s.sheet)!.values({ row: 0, column: 0, rowCount: s.rows, columnCount: s.columns }),
  }));
  const { options } = resolveOptions({});
  let best = Infinity;
  for (let k = 0; k < 3; k++) {
    const t = performance.now();
    analyze(inputs, options);
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

function workloadOf(c: Case): Workload {
  if (c.kind === "find") return findWorkload();
  if (c.kind === "ranking") return rankingWorkload(c.rows, c.layout as RankingLayout);
  return c.layout === "nbs-release" ? releaseWorkload() : seriesWorkload(c.rows);
}

const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Refreshes measured per case for computeMs. */
const REFRESHES = 5;

function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The process's peak resident memory so far (Linux VmHWM), in bytes; else undefined. */
function peakRssBytes(): number | undefined {
  try {
    const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(fs.readFileSync("/proc/self/status", "utf8"));
    return m === null ? undefined : Number(m[1]) * 1024;
  } catch {
    return undefined;
  }
}

/**
 * Find data on its workbook: round trips and bytes of the first Find data, its wall time, the
 * same again five times (median, as computeMs), and analyze() alone on every sheet's grid. The
 * baseline is modelled, not run: a sheet-by-sheet reader's round trips (the list, then one a
 * sheet) at the same wall time.
 */
async function measureFind(c: Case): Promise<Figures> {
  const lib = loadExcelClient();
  const warm = findWorkload();
  await findData(new OfficePort({ run: connectHost(lib, new WorkbookHost(warm.workbook)), isSetSupported: () => true }));
  const workload = workloadOf(c);
  const host = new WorkbookHost(workload.workbook);
  const env = new OfficePort({ run: connectHost(lib, host), isSetSupported: () => true });
  const started = performance.now();
  const found = await findData(env);
  const wallMs = performance.now() - started;
  const records = [...host.stats.records];
  const syncs = host.stats.syncs;
  const again: number[] = [];
  for (let k = 0; k < REFRESHES; k++) {
    const t = performance.now();
    await findData(env);
    again.push(performance.now() - t);
  }
  const analyzeMs = analyzeAlone(workload);
  const endToEndMs = wallMs + host.simulatedLatencyMs(LATENCY_MS);
  const naiveSyncs = 1 + workload.sources.length;
  const naiveEndToEndMs = wallMs + naiveSyncs * LATENCY_MS;
  const peak = peakRssBytes() ?? process.memoryUsage().rss;
  return {
    kind: c.kind,
    layout: c.layout,
    rows: c.rows,
    summary: "formulas",
    ok: found.problems.length === 0 && found.sources.length === workload.sources.length,
    syncs,
    writeSyncs: 0,
    writeRequestBytes: 0,
    maxWriteRequestBytes: 0,
    maxRequestBytes: Math.max(...records.map((r) => r.requestBytes)),
    maxResponseBytes: Math.max(...records.map((r) => r.responseBytes)),
    totalBytes: records.reduce((a, r) => a + r.requestBytes + r.responseBytes, 0),
    perSync: records.map((r) => [r.requestBytes, r.responseBytes, r.errorCode ?? null] as const),
    computeMs: round(median(again), 2),
    firstRunComputeMs: round(wallMs, 2),
    analyzeMs: round(analyzeMs, 2),
    wallMs: round(wallMs),
    endToEndMs: round(endToEndMs),
    naiveSyncs,
    naiveEndToEndMs: round(naiveEndToEndMs),
    naiveExtrapolated: true,
    speedup: round(naiveEndToEndMs / endToEndMs),
    peakRssMb: round(peak / 1024 / 1024),
    sourceCells: workload.sources.reduce((a, s) => a + s.rows * s.columns, 0),
  };
}

/** Measures one case in this process. */
async function measure(c: Case): Promise<Figures> {
  if (c.kind === "find") return measureFind(c);
  let peakRss = process.memoryUsage().rss;
  const sample = () => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  };
  const sampler = setInterval(sample, 5);
  try {
    const lib = loadExcelClient();
    // Warm up the client and the core on a small workbook first, so the figures are a desk's
    // second run and later, not the first compilation of the code.
    const warm = rankingWorkload(50, "two-sheets");
    await runAnalysis(new OfficePort({ run: connectHost(lib, new WorkbookHost(warm.workbook)), isSetSupported: () => true }), warm.definition, { today: "2026-11-22", version: "bench" });

    const workload = workloadOf(c);
    const host = new WorkbookHost(workload.workbook);
    const env = new OfficePort({ run: connectHost(lib, host), isSetSupported: () => true });
    const definition = c.summary === "values" ? { ...workload.definition, output: { ...workload.definition.output, valuesOnly: true } } : workload.definition;
    sample();
    let writeFrom = 0;
    const started = performance.now();
    const result = await runAnalysis(env, definition, {
      today: "2026-11-22",
      version: "bench",
      now: () => performance.now(),
      onPhase: (phase) => {
        sample();
        if (phase === "writing") writeFrom = host.stats.records.length;
      },
    });
    const wallMs = performance.now() - started;
    sample();
    if (!result.ok) process.stderr.write(`bench: ${c.kind} ${c.layout} ${c.rows}: ${JSON.stringify(result.problems)}\n`);
    const records = [...host.stats.records];
    const syncs = host.stats.syncs;
    const endToEndMs = wallMs + host.simulatedLatencyMs(LATENCY_MS);

    // The same analysis again (Refresh), five times: the compute figure once the code is compiled
    // for this size, the median (a collection of the previous run's garbage can land in any one).
    const refreshes: number[] = [];
    for (let k = 0; k < REFRESHES; k++) {
      const again = await runAnalysis(env, result.definition, { today: "2026-11-22", version: "bench", now: () => performance.now(), onPhase: sample });
      sample();
      refreshes.push(again.stats.computeMs);
    }
    // Memory high-water mark of StatDesk's runs (workbook, client, analyses and their garbage), before the baseline.
    const peak = Math.max(peakRss, peakRssBytes() ?? 0);

    // The core alone: the same grids, no client, no host, best of three.
    const analyzeMs = analyzeAlone(workload);

    // The baseline, on a fresh copy of the same workbook.
    const naiveWorkload = workloadOf(c);
    const naiveHost = new WorkbookHost(naiveWorkload.workbook);
    const largest = Math.max(...naiveWorkload.sources.map((s) => s.rows));
    const sampled = largest > NAIVE_SAMPLE_ROWS ? NAIVE_SAMPLE_ROWS : undefined;
    const naive = await naiveRun({ run: connectHost(lib, naiveHost), isSetSupported: () => true }, naiveWorkload, sampled);
    sample();
    // Extrapolated: every source row is one sync; the read time grows with the rows read.
    const rowsRead = naiveWorkload.sources.reduce((a, s) => a + Math.min(s.rows, sampled ?? Infinity), 0);
    const rowsAll = naiveWorkload.sources.reduce((a, s) => a + s.rows, 0);
    const naiveSyncs = naive.syncs + (rowsAll - rowsRead);
    const naiveWall = naive.readMs * (rowsAll / rowsRead) + naive.computeMs + naive.writeMs;
    const naiveEndToEndMs = naiveWall + naiveSyncs * LATENCY_MS;

    const writes = records.slice(writeFrom);
    return {
      kind: c.kind,
      layout: c.layout,
      rows: c.rows,
      summary: c.summary ?? "formulas",
      ok: result.ok,
      syncs,
      writeSyncs: writes.length,
      writeRequestBytes: writes.reduce((a, r) => a + r.requestBytes, 0),
      maxWriteRequestBytes: Math.max(0, ...writes.map((r) => r.requestBytes)),
      maxRequestBytes: Math.max(...records.map((r) => r.requestBytes)),
      maxResponseBytes: Math.max(...records.map((r) => r.responseBytes)),
      totalBytes: records.reduce((a, r) => a + r.requestBytes + r.responseBytes, 0),
      perSync: records.map((r) => [r.requestBytes, r.responseBytes, r.errorCode ?? null] as const),
      computeMs: round(median(refreshes), 2),
      firstRunComputeMs: round(result.stats.computeMs, 2),
      analyzeMs: round(analyzeMs, 2),
      wallMs: round(wallMs),
      endToEndMs: round(endToEndMs),
      naiveSyncs,
      naiveEndToEndMs: round(naiveEndToEndMs),
      naiveExtrapolated: sampled !== undefined,
      speedup: round(naiveEndToEndMs / endToEndMs),
      peakRssMb: round(peak / 1024 / 1024),
      sourceCells: workload.sources.reduce((a, s) => a + s.rows * s.columns, 0),
    };
  } finally {
    clearInterval(sampler);
  }
}

/** Each target: met, missed, or null when the run did not include the sizes it is about (--quick). */
interface Targets {
  readonly atMostThreeSyncs: boolean;
  readonly noPayloadOver5MB: boolean;
  readonly compute100kUnder200ms: boolean | null;
  readonly firstRunCompute100kUnder200ms: boolean | null;
  readonly analyze100kUnder200ms: boolean | null;
  readonly speedupAt10kAtLeast100: boolean | null;
  readonly memory100kUnder512MB: boolean | null;
}

function targets(runs: readonly Figures[]): Targets {
  // The targets are a desk's run: the standard workloads as StatDesk writes them by default. The
  // values-only and text-number cases are there to compare the write, not to meet them.
  const ranking = runs.filter((r) => r.kind === "ranking" && r.summary === "formulas" && r.layout !== "two-sheets-text");
  const all = (rows: number, holds: (r: Figures) => boolean): boolean | null => {
    const at = ranking.filter((r) => r.rows === rows);
    return at.length === 0 ? null : at.every(holds);
  };
  return {
    atMostThreeSyncs: runs.filter((r) => r.layout !== "two-sheets-text").every((r) => r.syncs <= 3),
    noPayloadOver5MB: runs.every((r) => r.maxRequestBytes <= DEFAULT_PAYLOAD_LIMIT && r.maxResponseBytes <= DEFAULT_PAYLOAD_LIMIT),
    compute100kUnder200ms: all(100_000, (r) => r.computeMs < 200),
    firstRunCompute100kUnder200ms: all(100_000, (r) => r.firstRunComputeMs < 200),
    analyze100kUnder200ms: all(100_000, (r) => r.analyzeMs < 200),
    speedupAt10kAtLeast100: all(10_000, (r) => r.speedup >= 100),
    memory100kUnder512MB: all(100_000, (r) => r.peakRssMb < 512),
  };
}

/** The figures as a Markdown table (for bench/RESULTS.md and the README). */
function markdown(runs: readonly Figures[]): string {
  const mb = (b: number) => (b / 1024 / 1024).toFixed(2);
  const header = "| kind | layout | summary | rows | syncs (write) | max request MB | write request MB | max response MB | total MB | compute ms (run / first run / core alone) | end-to-end ms | naive syncs | naive end-to-end ms | speedup | peak RSS MB |";
  const rule = "|---|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|";
  const lines = runs.map(
    (r) =>
      `| ${r.kind} | ${r.layout} | ${r.summary} | ${r.rows.toLocaleString("en-US")} | ${r.syncs} (${r.writeSyncs}) | ${mb(r.maxRequestBytes)} | ${mb(r.writeRequestBytes)} | ${mb(r.maxResponseBytes)} | ${mb(r.totalBytes)} | ` +
      `${r.computeMs.toFixed(0)} / ${r.firstRunComputeMs.toFixed(0)} / ${r.analyzeMs.toFixed(0)} | ${r.endToEndMs.toFixed(0)} | ${r.naiveSyncs.toLocaleString("en-US")} | ` +
      `${r.naiveEndToEndMs.toFixed(0)}${r.naiveExtrapolated ? "*" : ""} | ${r.speedup.toFixed(0)}× | ${r.peakRssMb.toFixed(0)} |`,
  );
  return [header, rule, ...lines].join("\n");
}

function table(runs: readonly Figures[]): string {
  const header = ["kind", "layout", "summary", "rows", "syncs", "write syncs", "max req", "write req", "max resp", "total", "compute ms", "first run ms", "core ms", "end-to-end ms", "naive syncs", "naive ms", "speedup", "RSS MB"];
  const kb = (b: number) => (b >= 1024 * 1024 ? `${(b / 1024 / 1024).toFixed(2)} MB` : `${(b / 1024).toFixed(1)} KB`);
  const lines = runs.map((r) => [
    r.kind,
    r.layout,
    r.summary,
    r.rows.toLocaleString("en-US"),
    String(r.syncs),
    String(r.writeSyncs),
    kb(r.maxRequestBytes),
    kb(r.writeRequestBytes),
    kb(r.maxResponseBytes),
    kb(r.totalBytes),
    r.computeMs.toFixed(1),
    r.firstRunComputeMs.toFixed(1),
    r.analyzeMs.toFixed(1),
    r.endToEndMs.toFixed(0),
    r.naiveSyncs.toLocaleString("en-US"),
    `${r.naiveEndToEndMs.toFixed(0)}${r.naiveExtrapolated ? "*" : ""}`,
    `${r.speedup.toFixed(0)}×`,
    r.peakRssMb.toFixed(0),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const row = (cells: readonly string[]) => cells.map((c, i) => (i < 3 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  return [row(header), row(widths.map((w) => "-".repeat(w))), ...lines.map(row)].join("\n");
}

/** Rows per sheet of the command line's memory case: two sheets, 200,000 rows in all. */
const CLI_ROWS_PER_SHEET = 100_000;

/** One command-line run: its peak resident memory and wall time. */
interface CliRun {
  readonly peakRssMb: number;
  readonly wallMs: number;
  readonly exitCode: number | null;
}

/** The command line's memory on one .xlsx: --json against --out, each in a fresh process. */
interface CliFigures {
  readonly rows: number;
  readonly sheets: number;
  readonly inputMb: number;
  readonly outputMb: number;
  readonly json: CliRun;
  readonly out: CliRun;
  /** out.peakRssMb / json.peakRssMb; the target is at most 1.25 (issue #15). */
  readonly outToJson: number;
}

/**
 * `statdesk summarize` on a 200,000-row two-sheet workbook (the two-sheets ranking workload at
 * 100,000 rows a sheet, written to a temporary .xlsx by StatDesk's own writer), once with --json
 * and once with --out, each in its own process through bin/statdesk.js (the compiled command in
 * lib/; undefined when it is not built). Peak memory is the process's getrusage high-water mark.
 */
async function measureCli(): Promise<CliFigures | undefined> {
  const root = path.resolve(__dirname, "..");
  const bin = path.join(root, "bin", "statdesk.js");
  if (!fs.existsSync(path.join(root, "lib", "cli", "main.js"))) return undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "statdesk-bench-"));
  try {
    const input = path.join(dir, "bench-200k.xlsx");
    fs.writeFileSync(input, await writeXlsx(rankingWorkload(CLI_ROWS_PER_SHEET, "two-sheets").workbook));
    const output = path.join(dir, "summary.xlsx");
    const run = (args: readonly string[]): CliRun => {
      const started = performance.now();
      const child = spawnSync(process.execPath, ["-r", path.join(__dirname, "peak-rss.js"), bin, "summarize", input, ...args], { encoding: "utf8", stdio: ["ignore", "ignore", "pipe"], maxBuffer: 64 * 1024 * 1024 });
      const wallMs = performance.now() - started;
      const kb = /bench-peak-rss-kb (\d+)/.exec(child.stderr ?? "");
      if (child.status !== 0) process.stderr.write(`bench: statdesk summarize ${args.join(" ")} exited ${child.status}: ${(child.stderr ?? "").slice(0, 2000)}\n`);
      return { peakRssMb: kb === null ? NaN : round(Number(kb[1]) / 1024), wallMs: round(wallMs), exitCode: child.status };
    };
    const json = run(["--json"]);
    const out = run(["--out", output]);
    return {
      rows: 2 * CLI_ROWS_PER_SHEET,
      sheets: 2,
      inputMb: round(fs.statSync(input).size / 1024 / 1024, 2),
      outputMb: fs.existsSync(output) ? round(fs.statSync(output).size / 1024 / 1024, 2) : NaN,
      json,
      out,
      outToJson: round(out.peakRssMb / json.peakRssMb, 2),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function cliLines(cli: CliFigures | undefined, markdownTable: boolean): string {
  if (cli === undefined) return "command line: not measured (lib/ is not built: npm run build:cli)";
  if (markdownTable) {
    return [
      `| command line, ${cli.rows.toLocaleString("en-US")} rows on ${cli.sheets} sheets (${cli.inputMb.toFixed(2)} MB .xlsx) | peak RSS MB | wall ms |`,
      "|---|--:|--:|",
      `| \`statdesk summarize --json\` | ${cli.json.peakRssMb.toFixed(0)} | ${cli.json.wallMs.toFixed(0)} |`,
      `| \`statdesk summarize --out\` (${cli.outputMb.toFixed(2)} MB written) | ${cli.out.peakRssMb.toFixed(0)} | ${cli.out.wallMs.toFixed(0)} |`,
      `| --out / --json | ${cli.outToJson.toFixed(2)}× | |`,
    ].join("\n");
  }
  return (
    `command line, ${cli.rows.toLocaleString("en-US")} rows on ${cli.sheets} sheets (${cli.inputMb.toFixed(2)} MB .xlsx): ` +
    `--json peak RSS ${cli.json.peakRssMb.toFixed(0)} MB (${cli.json.wallMs.toFixed(0)} ms), ` +
    `--out ${cli.out.peakRssMb.toFixed(0)} MB (${cli.out.wallMs.toFixed(0)} ms, ${cli.outputMb.toFixed(2)} MB written): ${cli.outToJson.toFixed(2)}× (target ≤ 1.25×)`
  );
}

/** WPS's cost of one call across its process boundary, as aiworkdeck estimated it (wps-addin.md §2.3): modelled, never slept. */
const WPS_MS_PER_CALL = 0.2;

/** One run through the WPS adapter: bridge calls in the read and in the write, and the cells they carried. */
interface WpsFigures {
  readonly layout: RankingLayout;
  readonly rows: number;
  readonly ok: boolean;
  readonly sourceCells: number;
  readonly readCalls: number;
  readonly writeCalls: number;
  /** Range.Value2 reads and writes: one per block, never one per row. */
  readonly value2Reads: number;
  readonly blockWrites: number;
  readonly callsPerThousandCells: number;
  /** The run's wall time against the stand-in (in this process), and calls × WPS_MS_PER_CALL on top. */
  readonly wallMs: number;
  readonly modelledBridgeMs: number;
}

/**
 * A ranking run through the WPS adapter against the stand-in ET: how many calls cross WPS's
 * bridge to read the sources and to write the summary. They must grow with the blocks (sources,
 * format runs, styles, charts), not with the cells.
 */
async function measureWps(rows: number, layout: RankingLayout): Promise<WpsFigures> {
  const workload = rankingWorkload(rows, layout);
  const et = standIn(workload.workbook);
  const port = new WpsPort(et.app);
  let readCalls = 0;
  const counting: SheetPort = {
    read: async (specs) => {
      const read = await port.read(specs);
      readCalls = et.log.calls;
      return read;
    },
    applySummary: (request) => port.applySummary(request),
    storedAnalyses: () => port.storedAnalyses(),
    selection: () => port.selection(),
    select: (sheet, reference) => port.select(sheet, reference),
  };
  const started = performance.now();
  const result = await runAnalysis(counting, workload.definition, { today: "2026-11-22", version: "bench" });
  const wallMs = performance.now() - started;
  if (!result.ok) process.stderr.write(`bench: wps ${layout} ${rows}: ${JSON.stringify(result.problems)}\n`);
  const sourceCells = workload.sources.reduce((n, s) => n + s.rows * s.columns, 0);
  const calls = et.log.calls;
  return {
    layout,
    rows,
    ok: result.ok,
    sourceCells,
    readCalls,
    writeCalls: calls - readCalls,
    value2Reads: et.log.byMember.get("Range.Value2") ?? 0,
    blockWrites: (et.log.byMember.get("Range.Value2=") ?? 0) + (et.log.byMember.get("Range.Formula=") ?? 0),
    callsPerThousandCells: round((calls / sourceCells) * 1000, 2),
    wallMs: round(wallMs, 0),
    modelledBridgeMs: round(calls * WPS_MS_PER_CALL, 0),
  };
}

function wpsTable(runs: readonly WpsFigures[]): string {
  const header = ["layout", "rows", "source cells", "read calls", "write calls", "Value2 reads", "block writes", "calls / 1,000 cells", "wall ms (stand-in)", `bridge ms at ${WPS_MS_PER_CALL} ms a call`];
  const lines = runs.map((r) => [r.layout, r.rows.toLocaleString("en-US"), r.sourceCells.toLocaleString("en-US"), r.readCalls, r.writeCalls, r.value2Reads, r.blockWrites, r.callsPerThousandCells, r.wallMs, r.modelledBridgeMs].map(String));
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const row = (cells: readonly string[]) => cells.map((c, i) => c.padStart(widths[i])).join("  ");
  return ["WPS 表格 adapter, bridge calls per run (against the stand-in ET):", row(header), ...lines.map(row)].join("\n");
}

function wpsMarkdown(runs: readonly WpsFigures[]): string {
  return [
    "| layout | rows | source cells | read calls | write calls | Value2 reads | block writes | calls / 1,000 cells | wall ms (stand-in) | modelled bridge ms |",
    "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ...runs.map((r) => `| ${r.layout} | ${r.rows.toLocaleString("en-US")} | ${r.sourceCells.toLocaleString("en-US")} | ${r.readCalls} | ${r.writeCalls} | ${r.value2Reads} | ${r.blockWrites} | ${r.callsPerThousandCells} | ${r.wallMs} | ${r.modelledBridgeMs} |`),
  ].join("\n");
}

/**
 * The command: with `--one <index>` measures one case and prints its figures as one JSON line
 * (the parent runs each case so); otherwise runs every case in a child process and prints a
 * table, or with `--json` one JSON object.
 */
export async function cli(argv: readonly string[], launcher: readonly string[]): Promise<number> {
  const one = argv.indexOf("--one");
  if (one >= 0) {
    const figures = await measure(CASES[Number(argv[one + 1])]);
    process.stdout.write(JSON.stringify(figures) + "\n");
    return 0;
  }
  const json = argv.includes("--json");
  const quiet = json || argv.includes("--markdown");
  // --cli: only the command line's memory case; --wps: only the WPS adapter's calls.
  const only = argv.includes("--cli") || argv.includes("--wps") ? [] : argv.includes("--quick") ? CASES.filter((c) => c.rows <= 10_000) : CASES;
  const runs: Figures[] = [];
  for (const c of only) {
    if (!quiet) process.stderr.write(`bench: ${c.kind} ${c.layout} ${c.rows.toLocaleString("en-US")}…\n`);
    const out = execFileSync(process.execPath, [...launcher, "--one", String(CASES.indexOf(c))], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, stdio: ["ignore", "pipe", "inherit"] });
    runs.push(JSON.parse(out.trim().split("\n").pop() as string) as Figures);
  }
  // The WPS adapter's bridge calls, at 100 and 100,000 rows (in this process: the stand-in has no memory figure to keep apart).
  const wps: WpsFigures[] = [];
  if (!argv.includes("--cli")) {
    for (const rows of [100, 100_000]) {
      if (!quiet) process.stderr.write(`bench: wps two-sheets ${rows.toLocaleString("en-US")}…\n`);
      wps.push(await measureWps(rows, "two-sheets"));
    }
  }
  // The command line's memory, --json against --out (skipped by --quick and --wps: 200,000 rows).
  const noCli = argv.includes("--quick") || argv.includes("--wps");
  if (!quiet && !noCli) process.stderr.write(`bench: command line, ${(2 * CLI_ROWS_PER_SHEET).toLocaleString("en-US")} rows, --json and --out…\n`);
  const cli = noCli ? undefined : await measureCli();
  const report = {
    runs,
    wps,
    cli: cli ?? null,
    latencyMsPerSync: LATENCY_MS,
    payloadLimitBytes: DEFAULT_PAYLOAD_LIMIT,
    targets: { ...targets(runs), cliOutWithin125PctOfJson: cli === undefined ? null : cli.outToJson <= 1.25 },
    // The machine is shared: its load while the cases ran says how much the milliseconds are inflated.
    machine: { node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? "", platform: `${os.platform()} ${os.arch()}`, loadAverage: os.loadavg().map((x) => round(x, 2)) },
  };
  if (json) {
    process.stdout.write(JSON.stringify(report) + "\n");
  } else if (argv.includes("--markdown")) {
    const tables = [...(runs.length > 0 ? [markdown(runs)] : []), ...(wps.length > 0 ? [wpsMarkdown(wps)] : []), ...(cli !== undefined || !noCli ? [cliLines(cli, true)] : [])];
    process.stdout.write(`${tables.join("\n\n")}\n\n\`\`\`json\n${JSON.stringify(report)}\n\`\`\`\n`);
  } else {
    if (runs.length > 0) process.stdout.write(`${table(runs)}\n\n`);
    if (wps.length > 0) process.stdout.write(`${wpsTable(wps)}\n\n`);
    if (!noCli) process.stdout.write(`${cliLines(cli, false)}\n\n`);
    if (wps.length > 0) process.stdout.write(`WPS: calls across WPS's bridge (each a blocking call into WPS); the same reads at any size, writes that follow the summary's blocks.\n`);
    if (runs.length === 0) return 0;
    process.stdout.write(`rows: enterprises per year (ranking) or months (series). compute ms: the analysis run again (Refresh), median of ${REFRESHES};\n`);
    process.stdout.write(`first run ms: the first run at that size (code not yet compiled for it); core ms: analyze() alone on the same grids, best of 3.\n`);
    process.stdout.write(`end-to-end = the first run's measured wall time + syncs × ${LATENCY_MS} ms (Excel on the web's round trip, modelled).\n`);
    process.stdout.write(`* naive baseline read time extrapolated from ${NAIVE_SAMPLE_ROWS.toLocaleString("en-US")} rows per source; its syncs are counted exactly.\n`);
    process.stdout.write(`targets: ${JSON.stringify(report.targets)}\n`);
  }
  return 0;
}
