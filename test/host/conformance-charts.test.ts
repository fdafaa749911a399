// Conformance: charts through the real Excel JS client, and the plain chart model they leave.
import { errorOf, setup } from "./harness";
import { chartXml } from "../../src/host/chart-xml";

async function withData() {
  const h = setup();
  await h.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.add("Data");
    ws.getRange("A1:C5").values = [
      ["Year", "Sales", "Area"],
      ["2021", 10, 100],
      ["2022", 12, 90],
      ["2023", 9, 80],
      ["2024", 11, 85],
    ];
    ws.getRange("A2:A5").numberFormat = [["@"], ["@"], ["@"], ["@"]];
    ws.getRange("A2:A5").values = [["2021"], ["2022"], ["2023"], ["2024"]];
    await ctx.sync();
  });
  return h;
}

describe("Charts", () => {
  test("charts.add derives series like Excel: header row gives names, text first column gives categories, one series per column", async () => {
    const { run, host } = await withData();
    const out = await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Data");
      const chart = ws.charts.add("ColumnClustered", ws.getRange("A1:C5"), "Auto");
      chart.name = "SalesChart";
      chart.load("name,chartType,id");
      chart.series.load("items/name");
      const count = ws.charts.getCount();
      await ctx.sync();
      return { name: chart.name, type: chart.chartType, series: chart.series.items.map((s) => s.name), count: count.value };
    });
    expect(out).toEqual({ name: "SalesChart", type: "ColumnClustered", series: ["Sales", "Area"], count: 1 });
    const model = host.workbook.sheet("Data")!.charts[0];
    expect(model.sourceAddress).toBe("Data!A1:C5");
    expect(model.series[0]).toMatchObject({ name: "Sales", nameAddress: "Data!$B$1", valuesAddress: "Data!$B$2:$B$5", categoriesAddress: "Data!$A$2:$A$5" });
  });

  test("numeric first column with a text header becomes a series (Excel's behaviour)", async () => {
    const { run, host } = setup();
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:B3").values = [["Year", "Sales"], [2023, 1], [2024, 2]];
      ws.charts.add("Line", ws.getRange("A1:B3"), "Auto");
      await ctx.sync();
    });
    expect(host.workbook.sheets[0].charts[0].series.map((s) => s.name)).toEqual(["Year", "Sales"]);
  });

  test("seriesBy Rows gives one series per row with the header row as categories", async () => {
    const { run, host } = await withData();
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Data");
      ws.charts.add("Line", ws.getRange("A1:C3"), "Rows");
      await ctx.sync();
    });
    const chart = host.workbook.sheet("Data")!.charts[0];
    expect(chart.series.map((s) => [s.name, s.valuesAddress, s.categoriesAddress])).toEqual([
      ["2021", "Data!$B$2:$C$2", "Data!$B$1:$C$1"],
      ["2022", "Data!$B$3:$C$3", "Data!$B$1:$C$1"],
    ]);
  });

  test("title, axis titles, legend, data labels, setPosition and series edits are recorded", async () => {
    const { run, host } = await withData();
    const out = await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Data");
      const chart = ws.charts.add("ColumnClustered", ws.getRange("A1:B5"), "Columns");
      chart.name = "C1";
      chart.title.text = "Sales by year";
      chart.title.format.font.size = 14;
      chart.title.format.font.bold = true;
      chart.axes.valueAxis.title.text = "亿元";
      chart.axes.valueAxis.numberFormat = "0.0";
      chart.axes.valueAxis.minimum = 0;
      chart.axes.categoryAxis.title.text = "Year";
      chart.legend.position = "Bottom";
      chart.legend.visible = false;
      chart.dataLabels.showValue = true;
      chart.dataLabels.numberFormat = "0.0";
      chart.setPosition("E2", "L20");
      const s0 = chart.series.getItemAt(0);
      s0.hasDataLabels = true;
      s0.format.fill.setSolidColor("#1F77B4");
      const added = chart.series.add("Area");
      added.setValues(ws.getRange("C2:C5"));
      added.setXAxisValues(ws.getRange("A2:A5"));
      added.chartType = "Line";
      added.axisGroup = "Secondary";
      added.format.line.color = "#FF7F0E";
      await ctx.sync();
      const again = ws.charts.getItem("C1");
      again.load("name,top,left,width,height");
      again.title.load("text,visible");
      again.axes.valueAxis.title.load("text");
      again.legend.load("position,visible");
      again.series.load("items/name,items/chartType,items/axisGroup");
      const count = again.series.getCount();
      await ctx.sync();
      return {
        title: again.title.text,
        titleVisible: again.title.visible,
        axis: again.axes.valueAxis.title.text,
        legend: [again.legend.position, again.legend.visible],
        series: again.series.items.map((s) => [s.name, s.chartType, s.axisGroup]),
        count: count.value,
        top: again.top,
        left: again.left,
      };
    });
    expect(out.title).toBe("Sales by year");
    expect(out.titleVisible).toBe(true);
    expect(out.axis).toBe("亿元");
    expect(out.legend).toEqual(["Bottom", false]);
    expect(out.series).toEqual([
      ["Sales", "ColumnClustered", "Primary"],
      ["Area", "Line", "Secondary"],
    ]);
    expect(out.count).toBe(2);
    expect(out.top).toBe(15);
    expect(out.left).toBe(4 * 48);
    const model = host.workbook.sheet("Data")!.charts[0];
    expect(model.anchor).toEqual({ start: "E2", end: "L20" });
    expect(model.title).toMatchObject({ text: "Sales by year", fontSize: 14, bold: true });
    expect(model.axes.value).toMatchObject({ numberFormat: "0.0", minimum: 0, title: { text: "亿元", visible: true } });
    expect(model.axes.category.title.text).toBe("Year");
    expect(model.dataLabels).toMatchObject({ showValue: true, numberFormat: "0.0" });
    expect(model.series[0]).toMatchObject({ hasDataLabels: true, fillColor: "#1F77B4" });
    expect(model.series[1]).toMatchObject({ valuesAddress: "Data!$C$2:$C$5", categoriesAddress: "Data!$A$2:$A$5", chartType: "Line", axisGroup: "Secondary", lineColor: "#FF7F0E" });
  });

  test("getItem of a missing chart → ItemNotFound; getItemOrNullObject(..).delete() is a no-op; delete removes", async () => {
    const { run, host } = await withData();
    const err = await errorOf(
      run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Data").charts.getItem("Nope").load("name");
        await ctx.sync();
      }),
    );
    expect(err.code).toBe("ItemNotFound");
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Data");
      ws.charts.getItemOrNullObject("Nope").delete();
      const c = ws.charts.add("Pie", ws.getRange("A1:B5"), "Auto");
      c.name = "Pie1";
      await ctx.sync();
      c.load("name");
      await ctx.sync();
      ws.charts.getItem("Pie1").delete();
      await ctx.sync();
    });
    expect(host.workbook.sheet("Data")!.charts).toHaveLength(0);
  });

  test("categoryAxis.tickLabelPosition (ExcelApi 1.7) reads back, is written to the .xlsx as c:tickLblPos, and refuses an unknown position", async () => {
    const { run, host } = await withData();
    const position = await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Data");
      const chart = ws.charts.add("Line", ws.getRange("A1:B5"), "Columns");
      chart.name = "T";
      chart.axes.categoryAxis.tickLabelPosition = "Low";
      chart.axes.categoryAxis.load("tickLabelPosition");
      await ctx.sync();
      return chart.axes.categoryAxis.tickLabelPosition;
    });
    expect(position).toBe("Low");
    const xml = chartXml(host.workbook, host.workbook.sheet("Data")!.charts[0]);
    expect(xml).toMatch(/<c:catAx>.*<c:tickLblPos val="low"\/>/s);
    const err = await errorOf(
      run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Data").charts.getItem("T").axes.categoryAxis.tickLabelPosition = "Sideways" as never;
        await ctx.sync();
      }),
    );
    expect(err.code).toBe("InvalidArgument");
  });

  test("an unknown chart type fails with InvalidArgument", async () => {
    const { run } = await withData();
    const err = await errorOf(
      run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("Data");
        ws.charts.add("NotAType" as never, ws.getRange("A1:B5"), "Auto");
        await ctx.sync();
      }),
    );
    expect(err.code).toBe("InvalidArgument");
  });

  test("charts.load('items/name') lists charts that stay addressable in the next sync", async () => {
    const { run } = await withData();
    const names = await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Data");
      ws.charts.add("Line", ws.getRange("A1:B5"), "Auto").name = "L";
      ws.charts.add("BarClustered", ws.getRange("A1:C5"), "Auto").name = "B";
      ws.charts.load("items/name");
      await ctx.sync();
      ws.charts.items[1].title.text = "Bars";
      ws.charts.items[1].title.load("text");
      await ctx.sync();
      return [ws.charts.items.map((c) => c.name), ws.charts.items[1].title.text];
    });
    expect(names).toEqual([["L", "B"], "Bars"]);
  });
});
