// The naive baseline, written for the benchmark only: the way many add-ins are written — find
// the used range, then read the source one row per context.sync(), compute, and write the
// summary one row per sync — through the same Excel client and the same in-memory host, so the
// only difference from StatDesk's run is the number of round trips.

import { analyze, AnalysisInput } from "../src/core/analyze";
import { resolveOptions } from "../src/core/options";
import { buildSummary, defaultSheetName } from "../src/core/summary/build";
import { ExcelEnvironment } from "../src/excel/environment";
import { Workload } from "./workloads";
import { columnLetters } from "../src/core/a1";

export interface NaiveFigures {
  readonly syncs: number;
  readonly readMs: number;
  readonly computeMs: number;
  readonly writeMs: number;
  /** Rows read per source, when fewer than all were read (to extrapolate from). */
  readonly sampledRows: number | null;
}

/**
 * Runs the baseline. `sampleRows` limits the rows read per source (the caller extrapolates the
 * read time); the computation and the write then work on what was read.
 */
export async function naiveRun(env: ExcelEnvironment, workload: Workload, sampleRows?: number): Promise<NaiveFigures> {
  let syncs = 0;
  const clock = () => performance.now();
  let readMs = 0;
  let computeMs = 0;
  let writeMs = 0;
  await env.run(async (context) => {
    const started = clock();
    const inputs: AnalysisInput[] = [];
    for (const source of workload.sources) {
      const sheet = context.workbook.worksheets.getItem(source.sheet);
      const used = sheet.getUsedRange(true);
      used.load("rowCount,columnCount");
      await context.sync();
      syncs++;
      const rows = Math.min(used.rowCount, sampleRows ?? Infinity);
      const grid: (string | number | boolean)[][] = [];
      for (let r = 0; r < rows; r++) {
        const row = sheet.getRange(`A${r + 1}:${columnLetters(used.columnCount - 1)}${r + 1}`);
        row.load("values");
        await context.sync();
        syncs++;
        grid.push(row.values[0] as (string | number | boolean)[]);
      }
      inputs.push({ source: { sheet: source.sheet, row: 0, column: 0 }, grid });
    }
    readMs = clock() - started;

    const computing = clock();
    const { options } = resolveOptions({});
    const analysis = analyze(inputs, options);
    const model = buildSummary({ analysis, language: "zh-CN", sheetName: defaultSheetName(analysis, "zh-CN"), colours: "red-up", generatedOn: "2026-11-22", version: "naive" });
    computeMs = clock() - computing;

    const writing = clock();
    const out = context.workbook.worksheets.add(`${model.name} naive`);
    await context.sync();
    syncs++;
    const last = columnLetters(model.width - 1);
    for (let r = 0; r < model.values.length; r++) {
      const row = out.getRange(`A${r + 1}:${last}${r + 1}`);
      row.numberFormat = [[...model.numberFormats[r]]];
      row.values = [model.values[r].map((v) => (v === null ? "" : v))];
      await context.sync();
      syncs++;
    }
    writeMs = clock() - writing;
  });
  return { syncs, readMs, computeMs, writeMs, sampledRows: sampleRows !== undefined && workload.sources.some((s) => s.rows > sampleRows) ? sampleRows : null };
}
