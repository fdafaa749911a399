// Conformance: where the host was kinder than Excel (../shared/reference/excel-fidelity-audit.md).
// Each test names the audit row it pins and goes through Microsoft's real Excel JS client.
import { newWorkbook } from "../../src/host/model";
import { errorOf, setup } from "./harness";

describe("audit row 6: a range is limited to five million cells for get operations", () => {
  test("row 6: loading the values of a 6,000,000-cell used range answers RangeExceedsLimit (Excel's own limit)", async () => {
    const wb = newWorkbook("Data");
    const sheet = wb.sheet("Data")!;
    sheet.setValue(0, 0, "名称");
    sheet.setValue(999_999, 5, 1); // A1:F1000000 is the used range: 6,000,000 cells
    const { run } = setup(wb);
    const err = await errorOf(
      run(async (ctx) => {
        const r = ctx.workbook.worksheets.getItem("Data").getRange("A:F").getUsedRangeOrNullObject(true);
        r.load("values");
        await ctx.sync();
      }),
    );
    expect(err.code).toBe("RangeExceedsLimit");
    expect(err.message).toMatch(/cell count in the range has exceeded/);
    expect(err.debugInfo?.errorLocation).toBe("Range.values");
  });

  test("row 6: the limit counts the cells of one range; the address and size of the same range still load", async () => {
    const { run } = setup(undefined, { maxCellsPerRead: 1000 });
    const size = await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:J100");
      r.load("values,address,rowCount");
      const big = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:J101");
      big.load("address,rowCount,columnCount");
      await ctx.sync();
      return [r.values.length, big.address, big.rowCount * big.columnCount];
    });
    expect(size).toEqual([100, "Sheet1!A1:J101", 1010]);
    for (const property of ["values", "numberFormat", "formulas", "text"]) {
      const err = await errorOf(
        run(async (ctx) => {
          ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:J101").load(property);
          await ctx.sync();
        }),
      );
      expect([property, err.code]).toEqual([property, "RangeExceedsLimit"]);
    }
  });

  test("row 6 (office-js #4783): a host set to answer as Excel for Mac 2407 gives null values past the limit", async () => {
    const { run } = setup(undefined, { maxCellsPerRead: 1000, overCellLimit: "null" });
    const values = await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:J101");
      r.load("values");
      await ctx.sync();
      return r.values;
    });
    expect(values).toBeNull();
  });
});

describe("audit row 24: Range.values, a leading + - = and the 32,767-character cell", () => {
  test('row 24: "+1.2" and "-万科" become formulas; "-3.5" is a number; a lone "-" is text', async () => {
    const { run } = setup();
    const [values, formulas] = await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:F1");
      r.values = [["+1.2", "-万科", "-3.5", "-", "+", "=1+1"]];
      r.load("values,formulas");
      await ctx.sync();
      return [r.values, r.formulas];
    });
    expect(formulas[0]).toEqual(["=+1.2", "=-万科", -3.5, "-", "+", "=1+1"]);
    expect(values[0]).toEqual([1.2, "#NAME?", -3.5, "-", "+", 2]);
  });

  test('row 24: a cell formatted "@" (as StatDesk formats its text) keeps "+1.2", "-万科" and "=x" as text', async () => {
    const { run } = setup();
    const [values, formulas, types] = await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:C1");
      r.numberFormat = [["@", "@", "@"]];
      r.values = [["+1.2", "-万科", "=x"]];
      r.load("values,formulas,valueTypes");
      await ctx.sync();
      return [r.values, r.formulas, r.valueTypes];
    });
    expect(values[0]).toEqual(["+1.2", "-万科", "=x"]);
    expect(formulas[0]).toEqual(["+1.2", "-万科", "=x"]);
    expect(types[0]).toEqual(["String", "String", "String"]);
  });

  test("row 24: a cell holds 32,767 characters; one more is refused (InvalidArgument) and nothing is written", async () => {
    const { run } = setup();
    const longest = "字".repeat(32_767);
    const length = await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
      r.values = [[longest]];
      r.load("values");
      await ctx.sync();
      return (r.values[0][0] as string).length;
    });
    expect(length).toBe(32_767);
    const err = await errorOf(
      run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("B1:C1").values = [["first", "x".repeat(32_768)]];
        await ctx.sync();
      }),
    );
    expect(err.code).toBe("InvalidArgument");
    const after = await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("B1:C1");
      r.load("values");
      await ctx.sync();
      return r.values;
    });
    expect(after).toEqual([["", ""]]);
    // The same limit for a single value broadcast to every cell.
    const broadcast = await errorOf(
      run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("D1:D2").values = "y".repeat(40_000) as never;
        await ctx.sync();
      }),
    );
    expect(broadcast.code).toBe("InvalidArgument");
  });
});

describe("audit row 18: deleting a very hidden sheet", () => {
  test("row 18: Worksheet.delete() of a VeryHidden sheet fails with InvalidOperation; a Hidden one is deleted", async () => {
    const wb = newWorkbook("Visible");
    wb.addSheet("Secret").visibility = "VeryHidden";
    wb.addSheet("Tucked").visibility = "Hidden";
    const { run } = setup(wb);
    const err = await errorOf(
      run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Secret").delete();
        await ctx.sync();
      }),
    );
    expect(err.code).toBe("InvalidOperation");
    await run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Tucked").delete();
      await ctx.sync();
    });
    expect(wb.sheets.map((s) => s.name)).toEqual(["Visible", "Secret"]);
  });
});

describe("audit row 14: getSelectedRange with several areas selected", () => {
  test("row 14: a multi-area selection makes getSelectedRange throw (InvalidSelection); the active cell still reads", async () => {
    const { run, host } = setup();
    host.select("Sheet1!A1:B2,D4:E5");
    const err = await errorOf(
      run(async (ctx) => {
        const r = ctx.workbook.getSelectedRange();
        r.load("address");
        await ctx.sync();
      }),
    );
    expect(err.code).toBe("InvalidSelection");
    const active = await run(async (ctx) => {
      const cell = ctx.workbook.getActiveCell();
      cell.load("address");
      await ctx.sync();
      return cell.address;
    });
    expect(active).toBe("Sheet1!A1");
    host.select("Sheet1!B2:C3");
    const single = await run(async (ctx) => {
      const r = ctx.workbook.getSelectedRange();
      r.load("address");
      await ctx.sync();
      return r.address;
    });
    expect(single).toBe("Sheet1!B2:C3");
  });
});

describe("audit row 35: workbook structure protection", () => {
  test("row 35: workbook.protection.protect() refuses sheet add, rename, delete, move and hide (AccessDenied)", async () => {
    const wb = newWorkbook("Data");
    wb.addSheet("汇总");
    const { run } = setup(wb);
    const state = await run(async (ctx) => {
      const protection = ctx.workbook.protection;
      protection.load("protected");
      await ctx.sync();
      const before = protection.protected;
      protection.protect();
      protection.load("protected");
      await ctx.sync();
      return [before, protection.protected];
    });
    expect(state).toEqual([false, true]);
    const attempts: [string, (ctx: Excel.RequestContext) => void][] = [
      ["add", (ctx) => ctx.workbook.worksheets.add("~StatDesk new x")],
      ["rename", (ctx) => void (ctx.workbook.worksheets.getItem("汇总").name = "汇总_old")],
      ["delete", (ctx) => ctx.workbook.worksheets.getItem("汇总").delete()],
      ["move", (ctx) => void (ctx.workbook.worksheets.getItem("汇总").position = 0)],
      ["hide", (ctx) => void (ctx.workbook.worksheets.getItem("汇总").visibility = "Hidden")],
    ];
    for (const [what, attempt] of attempts) {
      const err = await errorOf(
        run(async (ctx) => {
          attempt(ctx);
          await ctx.sync();
        }),
      );
      expect([what, err.code]).toEqual([what, "AccessDenied"]);
      expect(err.debugInfo?.errorLocation).toMatch(/^Worksheets?\.(add|name|delete|position|visibility)$/);
    }
    expect(wb.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["Data", "Visible"],
      ["汇总", "Visible"],
    ]);
    // Cells can still be written (structure protection is not sheet protection).
    await run(async (ctx) => {
      ctx.workbook.worksheets.getItem("汇总").getRange("A1").values = [["ok"]];
      await ctx.sync();
    });
    expect(wb.sheet("汇总")!.value(0, 0)).toBe("ok");
  });

  test("row 35: protect() twice fails (InvalidOperation); a password must match to unprotect; then sheets can be added", async () => {
    const { run, host } = setup();
    await run(async (ctx) => {
      ctx.workbook.protection.protect("pw");
      await ctx.sync();
    });
    const twice = await errorOf(
      run(async (ctx) => {
        ctx.workbook.protection.protect();
        await ctx.sync();
      }),
    );
    expect(twice.code).toBe("InvalidOperation");
    const wrong = await errorOf(
      run(async (ctx) => {
        ctx.workbook.protection.unprotect("nope");
        await ctx.sync();
      }),
    );
    expect(wrong.code).toBe("InvalidArgument");
    await run(async (ctx) => {
      ctx.workbook.protection.unprotect("pw");
      ctx.workbook.worksheets.add("Later");
      await ctx.sync();
    });
    expect(host.workbook.sheets.map((s) => s.name)).toEqual(["Sheet1", "Later"]);
  });

  test("row 35 (office-js #325): sheet protection alone does not block a rename", async () => {
    const { run, host } = setup();
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.protection.protect();
      ws.name = "Renamed";
      await ctx.sync();
    });
    expect(host.workbook.sheets.map((s) => s.name)).toEqual(["Renamed"]);
  });
});
