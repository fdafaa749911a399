// Conformance: the rules the declarative host states once for every type (a missing item, the
// *OrNullObject twins, objects gone with their sheet or chart, a collection's getItemAt and count,
// a write refused on a protected sheet), each checked on a type the older suites did not cover.
import { errorOf, setup } from "./harness";

test("a missing item is ItemNotFound for the plain form and a null object for the OrNullObject twin", async () => {
  const { run } = setup();
  const next = await errorOf(
    run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getNext().load("name");
      await ctx.sync();
    }),
  );
  expect(next.code).toBe("ItemNotFound");
  const nulls = await run(async (ctx) => {
    const sheet = ctx.workbook.worksheets.getItem("Sheet1");
    const after = sheet.getNextOrNullObject();
    const before = sheet.getPreviousOrNullObject();
    const frozen = sheet.freezePanes.getLocationOrNullObject();
    after.load("isNullObject");
    before.load("isNullObject");
    frozen.load("isNullObject");
    await ctx.sync();
    return [after.isNullObject, before.isNullObject, frozen.isNullObject];
  });
  expect(nulls).toEqual([true, true, true]);
});

test("a table of a header row only has no data body range (ItemNotFound, not a value)", async () => {
  const { run } = setup();
  const err = await errorOf(
    run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:B1").values = [["name", "value"]];
      sheet.tables.add("A1:B1", true).getDataBodyRange().load("address");
      await ctx.sync();
    }),
  );
  expect(err.code).toBe("ItemNotFound");
});

test("a collection's getItemAt past its end is ItemNotFound; its count is loadable", async () => {
  const { run } = setup();
  const counts = await run(async (ctx) => {
    const sheet = ctx.workbook.worksheets.getItem("Sheet1");
    sheet.getRange("A1:B3").values = [["", "v"], ["a", 1], ["b", 2]];
    const chart = sheet.charts.add("ColumnClustered", sheet.getRange("A1:B3"), "Columns");
    sheet.charts.load("count");
    chart.series.load("count");
    await ctx.sync();
    return [sheet.charts.count, chart.series.count];
  });
  expect(counts).toEqual([1, 1]);
  const err = await errorOf(
    run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").charts.getItemAt(0).series.getItemAt(5).load("name");
      await ctx.sync();
    }),
  );
  expect(err.code).toBe("ItemNotFound");
});

test("a chart's parts are gone with the chart: a later write to its title is ItemNotFound", async () => {
  const { run } = setup();
  const err = await errorOf(
    run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:B2").values = [["k", "v"], ["a", 1]];
      const chart = sheet.charts.add("ColumnClustered", sheet.getRange("A1:B2"), "Columns");
      await ctx.sync();
      chart.delete();
      chart.title.text = "late";
      await ctx.sync();
    }),
  );
  expect(err.code).toBe("ItemNotFound");
});

test("every format write on a protected sheet is AccessDenied, located at the property", async () => {
  const { run } = setup();
  await run(async (ctx) => {
    ctx.workbook.worksheets.getItem("Sheet1").protection.protect();
    await ctx.sync();
  });
  for (const write of [
    (r: Excel.Range) => (r.format.font.bold = true),
    (r: Excel.Range) => (r.format.fill.color = "#FF0000"),
    (r: Excel.Range) => (r.format.borders.getItem("EdgeTop").style = "Continuous"),
    (r: Excel.Range) => (r.format.columnWidth = 80),
  ]) {
    const err = await errorOf(
      run(async (ctx) => {
        write(ctx.workbook.worksheets.getItem("Sheet1").getRange("A1"));
        await ctx.sync();
      }),
    );
    expect(err.code).toBe("AccessDenied");
    expect(err.debugInfo?.errorLocation).toMatch(/^Range(Font|Fill|Border|Format)\.(bold|color|style|columnWidth)$/);
  }
});
