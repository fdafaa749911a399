// The workbook the workbench opens with, built in code: two years of an enterprise sales ranking
// whose names and values are synthetic but reproduce China Index Academy's (中指研究院) published
// aggregates, the NBS national new-home sales figures exactly as published, and a short guide.

import { CellStyle, DEFAULT_STYLE, SheetModel, WorkbookModel } from "../host";

// ---------------------------------------------------------------------------------------------
// Synthetic ranking values

/**
 * `count` values in tenths of 亿元, strictly falling, each in [low, high), summing exactly to
 * `total`: a smooth curve low + (high − low)·t^p with p found by bisection, rounded to tenths,
 * with the rounding remainder spread one tenth at a time from the middle of the list.
 * Throws when no such list exists (the mean outside the bounds, or too many for the span).
 * Example: tierTenths(3, 1000, 1300, 3450) // => [1250, 1150, 1050]-like, sum 3450
 */
export function tierTenths(count: number, low: number, high: number, total: number): number[] {
  const mean = total / count;
  if (!(mean > low && mean < high - 1) || count > high - low) {
    throw new Error(`No ${count} distinct values in [${low}, ${high}) have the mean ${mean}.`);
  }
  const curve = (p: number) => Array.from({ length: count }, (_, i) => low + (high - 1 - low) * Math.pow((count - i - 0.5) / count, p));
  const average = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  // The curve's mean falls as p rises: bisect on p.
  let lo = 0.01;
  let hi = 50;
  for (let k = 0; k < 200; k++) {
    const mid = (lo + hi) / 2;
    if (average(curve(mid)) > mean) lo = mid;
    else hi = mid;
  }
  const values = curve((lo + hi) / 2).map((v) => Math.round(v));
  let remainder = total - values.reduce((a, b) => a + b, 0);
  const step = Math.sign(remainder);
  // Visit positions from the middle outwards, nudging each by one tenth while order and bounds hold.
  const order = Array.from({ length: count }, (_, i) => i).sort((a, b) => Math.abs(a - count / 2) - Math.abs(b - count / 2));
  for (let pass = 0; remainder !== 0 && pass < 1000; pass++) {
    let moved = false;
    for (const i of order) {
      if (remainder === 0) break;
      const next = values[i] + step;
      const above = i === 0 ? high : values[i - 1];
      const below = i === count - 1 ? low - 1 : values[i + 1];
      if (next < above && next > below && next >= low && next < high) {
        values[i] = next;
        remainder -= step;
        moved = true;
      }
    }
    if (!moved) break;
  }
  for (let i = 1; i < count; i++) {
    if (!(values[i] < values[i - 1])) throw new Error("Synthetic tier values are not strictly falling.");
  }
  if (remainder !== 0) throw new Error("Synthetic tier values could not reach their total.");
  return values;
}

/** One segment of a synthetic list: how many companies, their span in 亿元, and their sum. */
interface Segment {
  readonly count: number;
  readonly low: number;
  readonly high: number;
  readonly sum: number;
}

function listFromSegments(segments: readonly Segment[]): number[] {
  const tenths = segments.flatMap((s) => tierTenths(s.count, Math.round(s.low * 10), Math.round(s.high * 10), Math.round(s.sum * 10)));
  return tenths.map((t) => t / 10);
}

/**
 * 2024 full year, 中指 (domain.md §1): tiers 1000亿以上 11 at mean 2001.4, 500-1000亿 7 at 704.0,
 * 300-500亿 18 at 375.7, 100-300亿 50 at 172.4; TOP100 total 43547.3, so ranks 87-100 (each under
 * 100亿) sum to 1221.3. Five more companies follow rank 100, as published lists run on.
 */
export const RANKING_2024: readonly number[] = listFromSegments([
  { count: 11, low: 1000, high: 3151, sum: 11 * 2001.4 },
  { count: 7, low: 500, high: 1000, sum: 7 * 704.0 },
  { count: 18, low: 300, high: 500, sum: 18 * 375.7 },
  { count: 50, low: 100, high: 300, sum: 50 * 172.4 },
  { count: 14, low: 70, high: 100, sum: 1221.3 },
  { count: 5, low: 55, high: 70, sum: 312.4 },
]);

/**
 * 2023 full year, 中指: tiers 16 / 19 / 14 / 67 (2024's counts minus their published changes
 * −5, −12, +4, −17) and TOP100 total 62748.6 (so 2024's −30.6%). The tier means of 2023 are not
 * in our reference, so these are chosen: 2050.0, 720.0, 390.0; the 51 of the 100-300亿 tier inside
 * the TOP100 take the rest (10808.6), the other 16 run from 150 down to 100.
 */
export const RANKING_2023: readonly number[] = listFromSegments([
  { count: 16, low: 1000, high: 4223, sum: 16 * 2050.0 },
  { count: 19, low: 500, high: 1000, sum: 19 * 720.0 },
  { count: 14, low: 300, high: 500, sum: 14 * 390.0 },
  { count: 51, low: 150, high: 300, sum: 62748.6 - 16 * 2050.0 - 19 * 720.0 - 14 * 390.0 },
  { count: 16, low: 100, high: 150, sum: 1990.4 },
  { count: 4, low: 80, high: 100, sum: 362.1 },
]);

/** Synthetic enterprise names: "合成房企001"… (the footnote says they are synthetic). */
function companyName(n: number): string {
  return `合成房企${String(n).padStart(3, "0")}`;
}

/**
 * Names in rank order for each year. 2023 is the pool in order; 2024 reorders it with a fixed
 * jitter (companies climb and fall up to about fifteen places) and lets five newcomers in.
 */
export function rankingNames(): { readonly current: readonly string[]; readonly previous: readonly string[] } {
  const previous = RANKING_2023.map((_, i) => companyName(i + 1));
  const jittered = previous
    .map((name, i) => ({ name, key: i + ((i * 7919) % 31) - 15 }))
    .sort((a, b) => a.key - b.key || a.name.localeCompare(b.name))
    .map((x) => x.name);
  const newcomers = [12, 37, 58, 81, 99];
  const current = jittered.slice(0, RANKING_2024.length - newcomers.length);
  newcomers.forEach((rank, k) => current.splice(rank - 1, 0, companyName(RANKING_2023.length + k + 1)));
  return { current, previous };
}

// ---------------------------------------------------------------------------------------------
// NBS national figures as published (data.stats.gov.cn layout, domain.md §2)

/** Month columns newest first ("2024年12月" is 1-12月, "2023年2月" is 1-2月), with the published figures. */
export const NBS_COLUMNS: readonly { readonly month: string; readonly area: number; readonly areaYoy: number; readonly value: number; readonly valueYoy: number }[] = [
  { month: "2024年12月", area: 97385, areaYoy: -12.9, value: 96750, valueYoy: -17.1 },
  { month: "2024年10月", area: 77930, areaYoy: -15.8, value: 76855, valueYoy: -20.9 },
  { month: "2024年2月", area: 11369, areaYoy: -20.5, value: 10566, valueYoy: -29.3 },
  { month: "2023年12月", area: 111735, areaYoy: -8.5, value: 116622, valueYoy: -6.5 },
  { month: "2023年10月", area: 92579, areaYoy: -7.8, value: 97161, valueYoy: -4.9 },
  { month: "2023年6月", area: 59515, areaYoy: -5.3, value: 63092, valueYoy: 1.1 },
  { month: "2023年2月", area: 15133, areaYoy: -3.6, value: 15449, valueYoy: -0.1 },
  { month: "2022年12月", area: 135837, areaYoy: -24.3, value: 133308, valueYoy: -26.7 },
  { month: "2022年6月", area: 68923, areaYoy: -22.2, value: 66072, valueYoy: -28.9 },
];

/** 2024 全年 住宅 (residential) growth, as published. */
export const NBS_RESIDENTIAL_2024 = { areaYoy: -14.1, valueYoy: -17.6 } as const;

// ---------------------------------------------------------------------------------------------
// Building the workbook

type StyleChange = Partial<Omit<CellStyle, "font">> & { readonly font?: Partial<CellStyle["font"]> };

/** Gives a rectangle of cells a style derived from the default (the sample's own cells only). */
function styleCells(sheet: SheetModel, row: number, column: number, rowCount: number, columnCount: number, change: StyleChange): void {
  const style: CellStyle = { ...DEFAULT_STYLE, ...change, font: { ...DEFAULT_STYLE.font, ...change.font } };
  const id = sheet.workbook.styles.intern(style);
  for (let r = row; r < row + rowCount; r++) for (let c = column; c < column + columnCount; c++) sheet.setStyleId(r, c, id);
}

const FONT = "Microsoft YaHei";
const HEADER_FILL = "#DDEBF7";
const THIN = { style: "Continuous", color: "#8EA9DB", weight: "Thin" } as const;

function setRow(sheet: SheetModel, row: number, cells: readonly (string | number | null)[]): void {
  cells.forEach((v, c) => {
    if (v !== null && v !== "") sheet.setValue(row, c, v);
  });
}

function rankingSheet(wb: WorkbookModel, year: number, values: readonly number[], names: readonly string[], sourceNote: string): void {
  const sheet = wb.addSheet(`${year}年TOP100`);
  setRow(sheet, 0, [`${year}年中国房地产企业销售额排行榜（单位：亿元）`]);
  setRow(sheet, 1, ["排名", "企业名称", "销售额（亿元）"]);
  values.forEach((v, i) => setRow(sheet, i + 2, [i + 1, names[i], v]));
  const last = values.length + 1;
  setRow(sheet, last + 1, ["注：企业名称与数值为合成数据，仅供演示；" + sourceNote]);
  setRow(sheet, last + 2, ["数据来源：中指研究院公布的汇总数（逐家数值为合成数据）"]);

  styleCells(sheet, 0, 0, 1, 3, { font: { name: FONT, bold: true, size: 14 } });
  styleCells(sheet, 1, 0, 1, 3, { font: { name: FONT, bold: true }, fill: HEADER_FILL, horizontalAlignment: "Center", borders: { EdgeBottom: THIN, EdgeTop: THIN } });
  styleCells(sheet, 2, 0, values.length, 1, { font: { name: FONT }, numberFormat: "0", horizontalAlignment: "Center" });
  styleCells(sheet, 2, 1, values.length, 1, { font: { name: FONT } });
  styleCells(sheet, 2, 2, values.length, 1, { font: { name: FONT }, numberFormat: "#,##0.0" });
  styleCells(sheet, last, 0, 1, 3, { font: { name: FONT }, borders: { EdgeBottom: THIN } });
  styleCells(sheet, last + 1, 0, 2, 1, { font: { name: FONT, italic: true, size: 9, color: "#595959" } });
  sheet.columnWidths.set(0, 42);
  sheet.columnWidths.set(1, 110);
  sheet.columnWidths.set(2, 96);
  sheet.rowHeights.set(0, 24);
  sheet.freeze = { rows: 2, columns: 0 };
  sheet.tabColor = "#2F5597";
}

function nbsSheet(wb: WorkbookModel): void {
  const sheet = wb.addSheet("国家统计局");
  const months = NBS_COLUMNS.map((c) => c.month);
  const rows: (string | number | null)[][] = [
    ["数据库：月度数据"],
    ["时间：2022年—2024年（节选已公布的月份）"],
    ["指标", ...months],
    ["新建商品房销售面积累计值(万平方米)", ...NBS_COLUMNS.map((c) => c.area)],
    ["新建商品房销售面积累计增长(%)", ...NBS_COLUMNS.map((c) => c.areaYoy)],
    ["新建商品房销售额累计值(亿元)", ...NBS_COLUMNS.map((c) => c.value)],
    ["新建商品房销售额累计增长(%)", ...NBS_COLUMNS.map((c) => c.valueYoy)],
    ["住宅销售面积累计增长(%)", NBS_RESIDENTIAL_2024.areaYoy],
    ["住宅销售额累计增长(%)", NBS_RESIDENTIAL_2024.valueYoy],
    ["注：1-2月合并发布，“2月”列为1-2月累计。增长速度按可比口径计算。2023年及以前的指标名称为“商品房销售面积/销售额”。"],
    ["数据来源：国家统计局"],
  ];
  rows.forEach((cells, r) => setRow(sheet, r, cells));
  styleCells(sheet, 0, 0, 2, 1, { font: { name: FONT, size: 9, color: "#595959" } });
  styleCells(sheet, 2, 0, 1, months.length + 1, { font: { name: FONT, bold: true }, fill: HEADER_FILL, horizontalAlignment: "Center", borders: { EdgeBottom: THIN } });
  styleCells(sheet, 3, 0, 6, 1, { font: { name: FONT } });
  for (const r of [3, 5]) styleCells(sheet, r, 1, 1, months.length, { font: { name: FONT }, numberFormat: "#,##0" });
  for (const r of [4, 6, 7, 8]) styleCells(sheet, r, 1, 1, months.length, { font: { name: FONT }, numberFormat: "0.0" });
  styleCells(sheet, 9, 0, 2, 1, { font: { name: FONT, italic: true, size: 9, color: "#595959" } });
  sheet.columnWidths.set(0, 220);
  for (let c = 1; c <= months.length; c++) sheet.columnWidths.set(c, 66);
  sheet.freeze = { rows: 3, columns: 0 };
  sheet.tabColor = "#C00000";
}

/** Lines of the guide sheet, Chinese then English. */
export const GUIDE_LINES: readonly string[] = [
  "StatDesk 工作台",
  "左侧是真实的 StatDesk 任务窗格，右侧是内存中的工作簿，按 Excel 的方式显示（数字格式、字体、填充、列宽、冻结窗格、图表）。",
  "任务窗格通过微软的 Excel 客户端库（excel-web-16.00.js）访问这个工作簿，与测试走同一条路径；页面不向任何外部地址发送请求。",
  "试一试：在“2024年TOP100”中选中 A1:C107，在任务窗格“本年排行榜”处点“使用所选区域”；再在“2023年TOP100”中选中 A1:C122，用于“上年排行榜”；然后开始计算。汇总表和图表会出现在新工作表中。",
  "可以打开自己的 .xlsx 或 .csv 文件，也可以把当前工作簿下载为 .xlsx。",
  "“2024年TOP100”“2023年TOP100”中的企业名称与逐家数值为合成数据，其汇总数与中指研究院公布的一致；“国家统计局”为国家统计局公布的数据。",
  "",
  "StatDesk workbench",
  "On the left is the real StatDesk task pane; on the right the in-memory workbook, drawn as Excel shows it (number formats, fonts, fills, column widths, frozen panes, charts).",
  "The pane reaches this workbook through Microsoft's Excel client library (excel-web-16.00.js), the same path the tests use; the page sends nothing to any other address.",
  "Try it: on 2024年TOP100 select A1:C107 and press \"Use selection\" for this year's ranking in the pane; on 2023年TOP100 select A1:C122 for last year's; then run the analysis. The summary and its charts appear on a new sheet.",
  "Open your own .xlsx or .csv file, or download the current workbook as .xlsx.",
  "Enterprise names and values in 2024年TOP100 and 2023年TOP100 are synthetic; their aggregates match China Index Academy's published figures. 国家统计局 holds the National Bureau of Statistics figures as published.",
];

/** The sample workbook: 说明 (guide), 2024年TOP100, 2023年TOP100, 国家统计局; the 2024 list is active. */
export function sampleWorkbook(): WorkbookModel {
  const wb = new WorkbookModel("StatDesk-sample.xlsx");
  const guide = wb.addSheet("说明");
  GUIDE_LINES.forEach((line, r) => {
    if (line !== "") guide.setValue(r, 0, line);
  });
  styleCells(guide, 0, 0, 1, 1, { font: { name: FONT, bold: true, size: 14 } });
  styleCells(guide, 7, 0, 1, 1, { font: { name: FONT, bold: true, size: 14 } });
  const width = 560;
  guide.columnWidths.set(0, width);
  GUIDE_LINES.forEach((line, r) => {
    if (line === "" || r === 0 || r === 7) return;
    styleCells(guide, r, 0, 1, 1, { font: { name: FONT }, wrapText: true, verticalAlignment: "Top" });
    // Rows do not grow by themselves: give each the lines its text wraps to (CJK ~11 pt, Latin ~6 pt a character).
    const points = [...line].reduce((w, ch) => w + (/[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 11 : 6), 0);
    guide.rowHeights.set(r, Math.max(1, Math.ceil(points / (width - 10))) * 16 + 4);
  });
  guide.showGridlines = false;

  const names = rankingNames();
  rankingSheet(wb, 2024, RANKING_2024, names.current, "按中指研究院公布的2024年阵营家数与均值（1000亿以上11家、均值2001.4亿元；500-1000亿7家、704.0；300-500亿18家、375.7；100-300亿50家、172.4）及TOP100销售额43547.3亿元构造。");
  rankingSheet(wb, 2023, RANKING_2023, names.previous, "按2023年阵营家数（16、19、14、67家，由2024年公布的增减推得）及TOP100销售额62748.6亿元（2024年同比−30.6%）构造；各阵营均值为自拟。");
  nbsSheet(wb);
  const active = wb.sheet("2024年TOP100")!;
  wb.select(active, { row: 0, column: 0, rowCount: 1, columnCount: 1 });
  return wb;
}
