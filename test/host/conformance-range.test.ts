// Conformance: Range behaviour through the real Excel JS client (each test names what it pins).
import { errorOf, setup } from "./harness";

describe("Range values, formulas, number formats", () => {
  test("values round-trip; a 2-D array must match the range's shape (InvalidArgument)", async () => {
    const { run } = setup();
    const values = await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
      r.values = [[1, "a"], [true, ""]];
      r.load("values");
      await ctx.sync();
      return r.values;
    });
    expect(values).toEqual([[1, "a"], [true, ""]]);
    const err = await errorOf(
      run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").values = [[1, 2, 3]];
        await ctx.sync();
      }),
    );
    expect(err.code).toBe("InvalidArgument");
    expect(err.httpStatusCode).toBe(400);
  });

  test("a single non-array value is broadcast to every cell", async () => {
    const { run } = setup();
    const values = await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("B2:C3");
      r.values = 7 as never;
      r.numberFormat = "0.00" as never;
      r.load("values,numberFormat");
      await ctx.sync();
      return [r.values, r.numberFormat];
    });
    expect(values).toEqual([[[7, 7], [7, 7]], [["0.00", "0.00"], ["0.00", "0.00"]]]);
  });

  test("strings that look like numbers or percentages become numbers unless the format is @", async () => {
    const { run } = setup();
    const [values, formats, types] = await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("B1").numberFormat = [["@"]];
      const r = ws.getRange("A1:D1");
      r.values = [["12.5", "007", "15%", "abc"]];
      ws.getRange("A2:B2").values = [["1,234", "TRUE"]];
      const all = ws.getRange("A1:D2");
      all.load("values,numberFormat,valueTypes");
      await ctx.sync();
      return [all.values, all.numberFormat, all.valueTypes];
    });
    expect(values[0]).toEqual([12.5, "007", 0.15, "abc"]);
    expect(values[1].slice(0, 2)).toEqual([1234, true]);
    expect(formats[0]).toEqual(["General", "@", "0%", "General"]);
    expect(formats[1][0]).toBe("#,##0");
    expect(types[0]).toEqual(["Double", "String", "Double", "String"]);
  });

  test("a string starting with = becomes a formula; formulas read back, values are computed", async () => {
    const { run } = setup();
    const out = await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:A3").values = [[2], [3], ["=A1*A2"]];
      ws.getRange("B1:B2").formulas = [["=SUM(A1:A3)"], ["=A1/0"]];
      ws.getRange("C1").formulas = [["=IF(A1>1,\"big\",\"small\")&\"!\""]];
      const r = ws.getRange("A1:C3");
      r.load("values,formulas,text,valueTypes");
      await ctx.sync();
      return { values: r.values, formulas: r.formulas, text: r.text, types: r.valueTypes };
    });
    expect(out.values[2][0]).toBe(6);
    expect(out.values[0][1]).toBe(11);
    expect(out.values[1][1]).toBe("#DIV/0!");
    expect(out.types[1][1]).toBe("Error");
    expect(out.values[0][2]).toBe("big!");
    expect(out.formulas[2][0]).toBe("=A1*A2");
    expect(out.formulas[0][0]).toBe(2);
    expect(out.text[0][0]).toBe("2");
    expect(out.text[2][1]).toBe("");
  });

  test("null entries in a 2-D write leave their cells unchanged", async () => {
    const { run } = setup();
    const values = await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
      r.values = [[1, 2]];
      r.values = [[null, 5]] as never;
      r.load("values");
      await ctx.sync();
      return r.values;
    });
    expect(values).toEqual([[1, 5]]);
  });

  test("unbounded ranges: values/numberFormat/formulas read as null; address is sheet-qualified", async () => {
    const { run } = setup();
    const out = await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      const cols = ws.getRange("A:C");
      const rows = ws.getRange("3:5");
      cols.load("values,numberFormat,formulas,address,rowCount,columnCount,cellCount");
      rows.load("values,address,columnCount");
      await ctx.sync();
      return { cols: cols.toJSON(), rows: rows.toJSON() };
    });
    expect(out.cols.values).toBeNull();
    expect(out.cols.numberFormat).toBeNull();
    expect(out.cols.formulas).toBeNull();
    expect(out.cols.address).toBe("Sheet1!A:C");
    expect(out.cols.rowCount).toBe(1048576);
    expect(out.cols.columnCount).toBe(3);
    expect(out.rows.values).toBeNull();
    expect(out.rows.address).toBe("Sheet1!3:5");
    expect(out.rows.columnCount).toBe(16384);
  });

  test("writing cell values to a whole column fails with InvalidArgument", async () => {
    const { run } = setup();
    const err = await errorOf(
      run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A:A").values = [["x"]];
        await ctx.sync();
      }),
    );
    expect(err.code).toBe("InvalidArgument");
  });

  test("addresses of quoted sheet names are quoted; sheet-qualified getRange works", async () => {
    const { run } = setup();
    const out = await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.add("My sheet");
      const a = ws.getRange("'My sheet'!B2:C3");
      const b = ws.getRange("$D$4");
      a.load("address,addressLocal,rowIndex,columnIndex");
      b.load("address");
      await ctx.sync();
      return [a.address, a.addressLocal, a.rowIndex, a.columnIndex, b.address];
    });
    expect(out).toEqual(["'My sheet'!B2:C3", "'My sheet'!B2:C3", 1, 1, "'My sheet'!D4"]);
  });

  test("an invalid address fails with InvalidArgument at Worksheet.getRange", async () => {
    const { run } = setup();
    const err = await errorOf(
      run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:ZZZZ9").load("address");
        await ctx.sync();
      }),
    );
    expect(err.code).toBe("InvalidArgument");
  });
});

describe("Range navigation", () => {
  test("getCell, getRow, getColumn, getOffsetRange, getResizedRange, getLastRow/Column/Cell, getEntireColumn/Row", async () => {
    const { run } = setup();
    const out = await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("B2:D5");
      const list = [
        r.getCell(1, 2),
        r.getRow(0),
        r.getColumn(2),
        r.getOffsetRange(1, -1),
        r.getResizedRange(1, -2),
        r.getLastRow(),
        r.getLastColumn(),
        r.getLastCell(),
        r.getEntireColumn(),
        r.getEntireRow(),
        r.getRowsAbove(1),
        r.getColumnsAfter(2),
      ];
      list.forEach((x) => x.load("address"));
      await ctx.sync();
      return list.map((x) => x.address);
    });
    expect(out).toEqual([
      "Sheet1!D3",
      "Sheet1!B2:D2",
      "Sheet1!D2:D5",
      "Sheet1!A3:C6",
      "Sheet1!B2:B6",
      "Sheet1!B5:D5",
      "Sheet1!D2:D5",
      "Sheet1!D5",
      "Sheet1!B:D",
      "Sheet1!2:5",
      "Sheet1!B1:D1",
      "Sheet1!E2:F5",
    ]);
  });

  test("getIntersection / getIntersectionOrNullObject / getBoundingRect", async () => {
    const { run } = setup();
    const out = await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      const a = ws.getRange("A1:C3");
      const i = a.getIntersection(ws.getRange("B2:E5"));
      const none = a.getIntersectionOrNullObject("E5:F6");
      const box = a.getBoundingRect("E5");
      i.load("address");
      none.load("address");
      box.load("address");
      await ctx.sync();
      return [i.address, none.isNullObject, box.address];
    });
    expect(out).toEqual(["Sheet1!B2:C3", true, "Sheet1!A1:E5"]);
    const err = await errorOf(
      run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("Sheet1");
        ws.getRange("A1").getIntersection("C3").load("address");
        await ctx.sync();
      }),
    );
    expect(err.code).toBe("ItemNotFound");
  });

  test("getUsedRange(valuesOnly) of range and sheet; an empty sheet's used range is A1 and the OrNullObject form is null", async () => {
    const { run } = setup();
    const out = await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      const empty = ws.getUsedRange();
      const emptyNull = ws.getUsedRangeOrNullObject();
      empty.load("address");
      await ctx.sync();
      const before = [empty.address, emptyNull.isNullObject];
      ws.getRange("B2:C3").values = [[1, 2], [3, ""]];
      ws.getRange("E7").format.font.bold = true;
      const used = ws.getUsedRange();
      const usedValues = ws.getUsedRange(true);
      const inRange = ws.getRange("A1:B10").getUsedRange();
      used.load("address");
      usedValues.load("address");
      inRange.load("address");
      await ctx.sync();
      return [...before, used.address, usedValues.address, inRange.address];
    });
    // Range.getUsedRange is the sheet's used range intersected with the range (E7 widens it to row 7).
    expect(out).toEqual(["Sheet1!A1", true, "Sheet1!B2:E7", "Sheet1!B2:C3", "Sheet1!B2:B7"]);
    const err = await errorOf(
      run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("H1:H2").getUsedRange().load("address");
        await ctx.sync();
      }),
    );
    expect(err.code).toBe("ItemNotFound");
  });

  test("select() sets the workbook selection; getSelectedRange/getActiveCell read it", async () => {
    const { run, host } = setup();
    const out = await run(async (ctx) => {
      ctx.workbook.worksheets.add("Data").getRange("C3:D4").select();
      await ctx.sync();
      const sel = ctx.workbook.getSelectedRange();
      const cell = ctx.workbook.getActiveCell();
      sel.load("address");
      cell.load("address");
      await ctx.sync();
      return [sel.address, cell.address];
    });
    expect(out).toEqual(["Data!C3:D4", "Data!C3"]);
    host.select("Sheet1!B2");
    const after = await run(async (ctx) => {
      const sel = ctx.workbook.getSelectedRange();
      sel.load("address");
      await ctx.sync();
      return sel.address;
    });
    expect(after).toBe("Sheet1!B2");
  });
});

describe("Range.rowHidden", () => {
  test("true when every row is hidden, false when none, null when some; hidden rows are 0 points high and Top skips them", async () => {
    const { run } = setup();
    const out = await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1").values = [[1]];
      ws.getRange("3:4").rowHidden = true;
      const all = ws.getRange("A3:B4");
      const none = ws.getRange("A1:A2");
      const some = ws.getRange("A2:A3");
      const below = ws.getRange("A5");
      const height = ws.getRange("A3");
      [all, none, some].forEach((r) => r.load("rowHidden"));
      below.load("top");
      height.load("height,format/rowHeight");
      await ctx.sync();
      return [all.rowHidden, none.rowHidden, some.rowHidden, below.top, height.height, height.format.rowHeight];
    });
    expect(out).toEqual([true, false, null, 2 * 15, 0, 0]);
    const shown = await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A4");
      r.rowHidden = false;
      r.load("rowHidden");
      await ctx.sync();
      return r.rowHidden;
    });
    expect(shown).toBe(false);
  });

  test("a protected sheet refuses it (AccessDenied); a non-boolean is InvalidArgument", async () => {
    const { run } = setup();
    const bad = await errorOf(
      run(async (ctx) => {
        (ctx.workbook.worksheets.getItem("Sheet1").getRange("2:2") as unknown as { rowHidden: unknown }).rowHidden = "yes";
        await ctx.sync();
      }),
    );
    expect(bad.code).toBe("InvalidArgument");
    const denied = await errorOf(
      run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("Sheet1");
        ws.protection.protect();
        ws.getRange("2:2").rowHidden = true;
        await ctx.sync();
      }),
    );
    expect(denied.code).toBe("AccessDenied");
  });
});

describe("Range format", () => {
  test("font, fill, alignment, wrap: uniform values read back; mixed values read as null", async () => {
    const { run } = setup();
    const out = await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      const r = ws.getRange("A1:B2");
      r.format.font.bold = true;
      r.format.font.name = "Arial";
      r.format.font.size = 14;
      r.format.font.color = "#ff0000";
      r.format.fill.color = "yellow";
      r.format.horizontalAlignment = "Center";
      r.format.verticalAlignment = "Top";
      r.format.wrapText = true;
      ws.getRange("B2").format.font.italic = true;
      r.load("format/font/bold,format/font/name,format/font/size,format/font/color,format/font/italic,format/fill/color,format/horizontalAlignment,format/verticalAlignment,format/wrapText");
      const plain = ws.getRange("D4");
      plain.load("format/font,format/fill/color,format/horizontalAlignment");
      await ctx.sync();
      return { r: r.format.toJSON(), plain: plain.format.toJSON() };
    });
    expect(out.r.font).toEqual({ bold: true, name: "Arial", size: 14, color: "#FF0000", italic: null });
    expect(out.r.fill).toEqual({ color: "#FFFF00" });
    expect(out.r.horizontalAlignment).toBe("Center");
    expect(out.r.verticalAlignment).toBe("Top");
    expect(out.r.wrapText).toBe(true);
    expect(out.plain.font).toMatchObject({ bold: false, name: "Calibri", size: 11, color: "#000000" });
    expect(out.plain.fill!.color).toBe("#FFFFFF");
    expect(out.plain.horizontalAlignment).toBe("General");
  });

  test("an invalid colour fails with InvalidArgument", async () => {
    const { run } = setup();
    const err = await errorOf(
      run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").format.fill.color = "not-a-colour";
        await ctx.sync();
      }),
    );
    expect(err.code).toBe("InvalidArgument");
  });

  test("whole-column formats apply to the column without creating a million cells", async () => {
    const { run, host } = setup();
    const out = await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("B5").values = [[1]];
      ws.getRange("B:B").format.font.bold = true;
      const cell = ws.getRange("B900000");
      cell.load("format/font/bold");
      const b5 = ws.getRange("B5");
      b5.load("format/font/bold");
      await ctx.sync();
      return [cell.format.font.bold, b5.format.font.bold];
    });
    expect(out).toEqual([true, true]);
    expect(host.workbook.sheets[0].storedRowCount).toBeLessThan(5);
  });

  test("columnWidth and rowHeight (points), autofitColumns widens a column to its text", async () => {
    const { run } = setup();
    const out = await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1").format.columnWidth = 120;
      ws.getRange("A2").format.rowHeight = 30;
      ws.getRange("C1").values = [["a rather long heading for this column"]];
      ws.getRange("C:C").format.autofitColumns();
      const a = ws.getRange("A1");
      const row2 = ws.getRange("B2");
      const c = ws.getRange("C1");
      const d = ws.getRange("D1");
      [a, c, d].forEach((x) => x.load("format/columnWidth"));
      row2.load("format/rowHeight");
      await ctx.sync();
      return [a.format.columnWidth, row2.format.rowHeight, c.format.columnWidth, d.format.columnWidth];
    });
    expect(out[0]).toBe(120);
    expect(out[1]).toBe(30);
    expect(out[2]).toBeGreaterThan(150);
    expect(out[3]).toBe(48);
  });

  test("borders: getItem('EdgeBottom') style/color/weight; Inside borders derive from cells", async () => {
    const { run } = setup();
    const out = await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:C3");
      const bottom = r.format.borders.getItem("EdgeBottom");
      bottom.style = "Continuous";
      bottom.color = "#0000FF";
      bottom.weight = "Medium";
      const inside = r.format.borders.getItem("InsideHorizontal");
      inside.style = "Dash";
      bottom.load("style,color,weight,sideIndex");
      inside.load("style");
      const top = r.format.borders.getItem("EdgeTop");
      top.load("style");
      const c3 = ctx.workbook.worksheets.getItem("Sheet1").getRange("C3").format.borders.getItem("EdgeBottom");
      c3.load("style");
      await ctx.sync();
      return [bottom.toJSON(), inside.style, top.style, c3.style];
    });
    expect(out[0]).toEqual({ style: "Continuous", color: "#0000FF", weight: "Medium", sideIndex: "EdgeBottom" });
    expect(out.slice(1)).toEqual(["Dash", "None", "Continuous"]);
  });

  test("merge, merge(across) and unmerge; merging keeps only the top-left value", async () => {
    const { run, host } = setup();
    const values = await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:B2").values = [[1, 2], [3, 4]];
      ws.getRange("A1:B2").merge(false);
      ws.getRange("D1:E2").merge(true);
      const r = ws.getRange("A1:B2");
      r.load("values");
      await ctx.sync();
      return r.values;
    });
    expect(values).toEqual([[1, ""], ["", ""]]);
    const sheet = host.workbook.sheets[0];
    expect(sheet.merges).toHaveLength(3);
    await run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:E2").unmerge();
      await ctx.sync();
    });
    expect(sheet.merges).toHaveLength(0);
  });

  test("clear(applyTo): Contents keeps formats, Formats keeps values, All clears both", async () => {
    const { run } = setup();
    const out = await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      const r = ws.getRange("A1:C1");
      r.values = [[1, 2, 3]];
      r.format.font.bold = true;
      ws.getRange("A1").clear("Contents");
      ws.getRange("B1").clear("Formats");
      ws.getRange("C1").clear();
      r.load("values");
      const cells = ["A1", "B1", "C1"].map((a) => ws.getRange(a));
      cells.forEach((c) => c.load("format/font/bold"));
      await ctx.sync();
      return [r.values, cells.map((c) => c.format.font.bold)];
    });
    expect(out).toEqual([[["", 2, ""]], [true, false, false]]);
  });
});

describe("Client-side errors surface unchanged", () => {
  test("reading a property that was not loaded throws PropertyNotLoaded", async () => {
    const { run } = setup();
    const err = await errorOf(
      run(async (ctx) => {
        const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
        r.load("address");
        await ctx.sync();
        return r.values;
      }),
    );
    expect(err.code).toBe("PropertyNotLoaded");
  });

  test("a range proxy stays valid across syncs inside Excel.run (kept by _ReferenceId)", async () => {
    const { run } = setup();
    const values = await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A2");
      r.load("address");
      await ctx.sync();
      r.values = [[1], [2]];
      await ctx.sync();
      r.load("values");
      await ctx.sync();
      return r.values;
    });
    expect(values).toEqual([[1], [2]]);
  });

  test("a non-kept proxy reused after its sync fails with InvalidObjectPath (plain context, as in Excel)", async () => {
    const { lib, host } = setup();
    const { connect } = await import("../../src/host/node-client");
    const { url } = connect(lib, host);
    const ctx = new lib.Excel.RequestContext(url);
    const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
    r.load("address");
    await ctx.sync();
    // The client refuses the stale proxy itself, before any request is sent.
    const err = await errorOf(
      (async () => {
        r.values = [[1]];
        await ctx.sync();
      })(),
    );
    expect(err.code).toBe("InvalidObjectPath");
  });

  test("loading more than the per-read cell limit fails (RangeExceedsLimit, audit row 6)", async () => {
    const { run } = setup(undefined, { maxCellsPerRead: 1000 });
    const err = await errorOf(
      run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:J101").load("values");
        await ctx.sync();
      }),
    );
    expect(err.code).toBe("RangeExceedsLimit");
  });
});
