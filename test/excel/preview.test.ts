// What the task pane is told of a series source before a run, through Microsoft's Excel client
// against the in-memory host: the layout read, the periods, indicators and regions, rows passed
// over, and where the year came from — and a hand table's refusal until the person gives the year.

import { readFileSync } from "fs";
import { join } from "path";
import { previewSource } from "../../src/run/preview";
import { SourceDefinition } from "../../src/run/types";
import { readXlsx } from "../../src/host/xlsx";
import { handTableGrid, regionalTableGrid } from "../fixtures/nbs/hand-table";
import { testWorkbook } from "./harness";

const HOUSING_SALES = join(__dirname, "../fixtures/real-data/hand-pasted-2025-xlsx/housing_sales.xlsx");

const seriesSource = (address: string, year?: number): SourceDefinition => ({
  role: "series",
  spec: { kind: "address", address },
  ...(year !== undefined ? { overrides: { year } } : {}),
});

test("the hand-table fixture is housing_sales.xlsx's Sheet1 cell for cell", async () => {
  const book = await readXlsx(readFileSync(HOUSING_SALES), "housing_sales.xlsx");
  const sheet = book.sheet("Sheet1")!;
  const used = sheet.usedRect(true)!;
  expect(sheet.values({ row: 0, column: 0, rowCount: used.row + used.rowCount, columnCount: used.column + used.columnCount })).toEqual(handTableGrid());
});

describe("previewSource on a hand table whose months say no year (housing_sales.xlsx)", () => {
  test("without the year: refused with series-year-missing at B1, the first month; no periods, no figures", async () => {
    const { env } = testWorkbook({ Sheet1: handTableGrid() });
    const preview = await previewSource(env, seriesSource("Sheet1!A1:L9"));
    expect(preview.problems.map((p) => [p.code, p.severity, p.location])).toEqual([["series-year-missing", "error", "Sheet1!B1"]]);
    expect(preview.tables).toHaveLength(1);
    const [table] = preview.tables;
    expect(table.layout).toBe("hand-table");
    expect(table.periods).toEqual([]);
    expect(table.years).toEqual([]);
    expect(table.indicators).toEqual([]);
    expect([table.keptRows, table.figureRows]).toEqual([0, 0]);
    // nothing was guessed: no year, so no origin for one
    expect(table.yearFrom).toBeNull();
  });

  test("with the person's year 2025: eleven year-to-date periods 1-2月 … 1-12月, eight indicators, the year from the person", async () => {
    const { env } = testWorkbook({ Sheet1: handTableGrid() });
    const preview = await previewSource(env, seriesSource("Sheet1!A1:L9", 2025));
    expect(preview.problems.filter((p) => p.severity === "error")).toEqual([]);
    const [table] = preview.tables;
    expect(table.layout).toBe("hand-table");
    expect(table.yearFrom).toBe("person");
    expect(table.years).toEqual([2025]);
    // B1:L1 are 12 … 2; NBS publishes 1-2月 together, so 2 stands for 1-2月 (PROVENANCE.md)
    expect(table.periods.map((p) => p.label)).toEqual(Array.from({ length: 11 }, (_, i) => `2025年1-${i + 2}月`));
    expect(table.periods[table.periods.length - 1]).toEqual({ key: "2025-12", period: { year: 2025, fromMonth: 1, toMonth: 12, kind: "ytd" }, label: "2025年1-12月", labelEn: "Jan–Dec 2025" });
    // rows 2–9: four indicators and their 住宅 parts, 11 months each
    expect(table.indicators.map((i) => `${i.indicator.quantity}/${i.indicator.category}`)).toEqual([
      "investment/total",
      "investment/residential",
      "salesArea/total",
      "salesArea/residential",
      "salesValue/total",
      "salesValue/residential",
      "stockArea/total",
      "stockArea/residential",
    ]);
    expect([table.keptRows, table.figureRows]).toEqual([88, 8]);
    expect(table.regions).toEqual([]);
    expect(table.skipped).toEqual([]);
  });
});

test("previewSource on the release's regional table: its layout, the four regions, the period from the title, the note passed over", async () => {
  const { env } = testWorkbook({ 地区: regionalTableGrid() });
  const preview = await previewSource(env, seriesSource("地区!A1:E9"));
  expect(preview.problems.filter((p) => p.severity === "error")).toEqual([]);
  const [table] = preview.tables;
  expect(table.layout).toBe("regional-table");
  expect(table.headerAddress).toBe("地区!A2");
  expect(table.regions).toEqual(["东部地区", "中部地区", "西部地区", "东北地区"]);
  expect(table.periods.map((p) => p.label)).toEqual(["2024年1-12月"]);
  expect(table.yearFrom).toBe("title");
  // 全国总计 and four regions, two indicators each with level and growth
  expect([table.keptRows, table.figureRows]).toEqual([20, 5]);
  expect(table.skipped).toEqual([{ reason: "footnote", count: 1, first: "地区!A9" }]);
});

test("rankings and plans keep their fields and say nothing of series", async () => {
  const { env } = testWorkbook({ 排行: [["2024年房企销售额排行（单位：亿元）"], ["排名", "企业名称", "销售额（亿元）"], [1, "甲", 300], [2, "乙", 200], ["合计", "", 500]] });
  const preview = await previewSource(env, { role: "current", spec: { kind: "address", address: "排行!A1:C5" } });
  const [table] = preview.tables;
  expect(table.kind).toBe("ranking");
  expect([table.layout, table.periods, table.regions, table.figureRows, table.yearFrom]).toEqual([null, [], [], 0, null]);
  expect(table.keptRows).toBe(2);
  expect(table.skipped).toEqual([{ reason: "total", count: 1, first: "排行!A5" }]);
});
