import { WorkbookHost } from "../../src/host/host";
import { connectHost, loadExcelClient } from "../../src/host/node-client";

test("smoke", async () => {
  const lib = loadExcelClient();
  const host = new WorkbookHost();
  const run = connectHost(lib, host);
  const out = await run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem("Sheet1");
    const r = ws.getRange("A1:B2");
    r.values = [[1, "x"], ["2", "=A1*3"]];
    r.format.font.bold = true;
    r.load("address,values,numberFormat,rowCount");
    await ctx.sync();
    r.format.fill.color = "yellow";
    const f = r.format.fill;
    f.load("color");
    await ctx.sync();
    return { address: r.address, values: r.values, color: f.color };
  });
  expect(out).toEqual({ address: "Sheet1!A1:B2", values: [[1, "x"], [2, 3]], color: "#FFFF00" });
  expect(host.stats.syncs).toBe(2);
  expect(host.stats.cleanupSyncs).toBe(1);
});
