// Conformance: worksheets, workbook parts and protocol behaviour through the real Excel JS client.
import { newWorkbook } from "../../src/host/model";
import { errorOf, setup } from "./harness";

describe("Worksheets", () => {
  test("add() without a name gives Sheet2, Sheet3…; add(name) keeps the name; items load with ids", async () => {
    const { run } = setup();
    const out = await run(async (ctx) => {
      ctx.workbook.worksheets.add();
      ctx.workbook.worksheets.add("Data");
      ctx.workbook.worksheets.add();
      const sheets = ctx.workbook.worksheets;
      sheets.load("items/name,items/id,items/position");
      const count = sheets.getCount();
      await ctx.sync();
      return { names: sheets.items.map((s) => s.name), positions: sheets.items.map((s) => s.position), ids: sheets.items.map((s) => s.id), count: count.value };
    });
    expect(out.names).toEqual(["Sheet1", "Sheet2", "Data", "Sheet4"]);
    expect(out.positions).toEqual([0, 1, 2, 3]);
    expect(new Set(out.ids).size).toBe(4);
    expect(out.count).toBe(4);
  });

  test("a sheet from add() or from items stays usable in the next sync (answered with its Id)", async () => {
    const { run } = setup();
    const out = await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.add("New");
      await ctx.sync();
      ws.getRange("A1").values = [["x"]];
      ws.load("name");
      const sheets = ctx.workbook.worksheets;
      sheets.load("items/name");
      await ctx.sync();
      sheets.items[1].tabColor = "#00FF00";
      sheets.items[1].load("tabColor");
      await ctx.sync();
      return [ws.name, sheets.items[1].tabColor];
    });
    expect(out).toEqual(["New", "#00FF00"]);
  });

  test("sheet names follow Excel's rules: illegal → InvalidArgument, duplicate (any case) → ItemAlreadyExists", async () => {
    const { run } = setup();
    for (const bad of ["a/b", "x:y", "[q]", "'quoted'", "", "a".repeat(32), "what?"]) {
      const err = await errorOf(
        run(async (ctx) => {
          ctx.workbook.worksheets.add(bad === "" ? "x*" : bad);
          await ctx.sync();
        }),
      );
      expect(err.code).toBe("InvalidArgument");
    }
    const dup = await errorOf(
      run(async (ctx) => {
        ctx.workbook.worksheets.add("SHEET1");
        await ctx.sync();
      }),
    );
    expect(dup.code).toBe("ItemAlreadyExists");
    expect(dup.httpStatusCode).toBe(409);
    const rename = await errorOf(
      run(async (ctx) => {
        ctx.workbook.worksheets.add("Other").name = "sheet1";
        await ctx.sync();
      }),
    );
    expect(rename.code).toBe("ItemAlreadyExists");
    const ok = await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.add("a".repeat(31));
      ws.load("name");
      await ctx.sync();
      return ws.name.length;
    });
    expect(ok).toBe(31);
  });

  test("getItem of a missing sheet → ItemNotFound (404) at Worksheets.GetItem; getItemOrNullObject → isNullObject", async () => {
    const { run } = setup();
    const err = await errorOf(
      run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Nope").load("name");
        await ctx.sync();
      }),
    );
    expect(err.code).toBe("ItemNotFound");
    expect(err.httpStatusCode).toBe(404);
    expect(err.debugInfo?.errorLocation).toBe("Worksheets.GetItem");
    const flags = await run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject("Nope");
      const present = ctx.workbook.worksheets.getItemOrNullObject("sheet1");
      await ctx.sync();
      return [missing.isNullObject, present.isNullObject];
    });
    expect(flags).toEqual([true, false]);
  });

  test("actions on a null object: derived objects are null, delete is a no-op, sets are ignored", async () => {
    const { run, host } = setup();
    const out = await run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject("Nope");
      const range = missing.getRange("A1");
      range.load("address");
      missing.delete();
      missing.tabColor = "#FF0000";
      await ctx.sync();
      return range.isNullObject;
    });
    expect(out).toBe(true);
    expect(host.workbook.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });

  test("getItem accepts the sheet id as well as the name", async () => {
    const { run } = setup();
    const name = await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.load("id");
      await ctx.sync();
      const again = ctx.workbook.worksheets.getItem(ws.id);
      again.load("name");
      await ctx.sync();
      return again.name;
    });
    expect(name).toBe("Sheet1");
  });

  test("position, visibility, tabColor, activate, getActiveWorksheet, getFirst/getLast", async () => {
    const { run } = setup();
    const out = await run(async (ctx) => {
      const a = ctx.workbook.worksheets.add("A");
      const b = ctx.workbook.worksheets.add("B");
      b.position = 0;
      a.visibility = "Hidden";
      b.tabColor = "red";
      b.activate();
      const active = ctx.workbook.worksheets.getActiveWorksheet();
      const first = ctx.workbook.worksheets.getFirst();
      const lastVisible = ctx.workbook.worksheets.getLast(true);
      active.load("name");
      first.load("name");
      lastVisible.load("name");
      a.load("visibility,position");
      b.load("tabColor");
      await ctx.sync();
      return [active.name, first.name, lastVisible.name, a.visibility, a.position, b.tabColor];
    });
    expect(out).toEqual(["B", "B", "Sheet1", "Hidden", 2, "#FF0000"]);
  });

  test("deleting the last visible sheet fails; deleting another works", async () => {
    const { run, host } = setup();
    const err = await errorOf(
      run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").delete();
        await ctx.sync();
      }),
    );
    expect(err.code).toBe("InvalidOperation");
    await run(async (ctx) => {
      ctx.workbook.worksheets.add("Tmp");
      await ctx.sync();
      ctx.workbook.worksheets.getItem("Tmp").delete();
      await ctx.sync();
    });
    expect(host.workbook.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });

  test("getRangeByIndexes and getRange() (the whole sheet)", async () => {
    const { run } = setup();
    const out = await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      const a = ws.getRangeByIndexes(1, 2, 3, 4);
      const all = ws.getRange();
      a.load("address");
      all.load("address");
      await ctx.sync();
      return [a.address, all.address];
    });
    expect(out).toEqual(["Sheet1!C2:F4", "Sheet1!1:1048576"]);
  });

  test("freezePanes: freezeRows, freezeColumns, freezeAt, getLocationOrNullObject, unfreeze", async () => {
    const { run, host } = setup();
    const out = await run(async (ctx) => {
      const fp = ctx.workbook.worksheets.getItem("Sheet1").freezePanes;
      const none = fp.getLocationOrNullObject();
      none.load("address");
      await ctx.sync();
      const results: unknown[] = [none.isNullObject];
      fp.freezeRows(2);
      const rows = fp.getLocationOrNullObject();
      rows.load("address");
      await ctx.sync();
      results.push(rows.address);
      fp.freezeAt("B3");
      const at = fp.getLocationOrNullObject();
      at.load("address");
      await ctx.sync();
      results.push(at.address);
      fp.freezeColumns(1);
      await ctx.sync();
      return results;
    });
    expect(out).toEqual([true, "Sheet1!1:2", "Sheet1!A1:B3"]);
    expect(host.workbook.sheets[0].freeze).toEqual({ rows: 0, columns: 1 });
    await run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").freezePanes.unfreeze();
      await ctx.sync();
    });
    expect(host.workbook.sheets[0].freeze).toEqual({ rows: 0, columns: 0 });
  });

  test("protection: a protected sheet refuses cell and format writes with AccessDenied; unprotect allows them", async () => {
    const { run } = setup();
    const state = await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.protection.protect();
      ws.protection.load("protected");
      await ctx.sync();
      return ws.protection.protected;
    });
    expect(state).toBe(true);
    for (const write of [
      (ws: Excel.Worksheet) => (ws.getRange("A1").values = [[1]]),
      (ws: Excel.Worksheet) => (ws.getRange("A1").format.font.bold = true),
      (ws: Excel.Worksheet) => (ws.getRange("A1").numberFormat = [["0"]]),
      (ws: Excel.Worksheet) => ws.getRange("A1:B1").merge(),
    ]) {
      const err = await errorOf(
        run(async (ctx) => {
          write(ctx.workbook.worksheets.getItem("Sheet1"));
          await ctx.sync();
        }),
      );
      expect(err.code).toBe("AccessDenied");
    }
    const value = await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.protection.unprotect();
      ws.getRange("A1").values = [[5]];
      const r = ws.getRange("A1");
      r.load("values");
      await ctx.sync();
      return r.values[0][0];
    });
    expect(value).toBe(5);
  });
});

describe("Tables, names, settings, custom XML, application", () => {
  test("tables.add(address, hasHeaders), getItem, getItemOrNullObject, ranges", async () => {
    const { run } = setup();
    const out = await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:B3").values = [["City", "Sales"], ["A", 1], ["B", 2]];
      const t = ctx.workbook.tables.add("Sheet1!A1:B3", true);
      t.name = "SalesTable";
      await ctx.sync();
      const got = ctx.workbook.tables.getItem("salestable");
      const missing = ctx.workbook.tables.getItemOrNullObject("Nope");
      const body = got.getDataBodyRange();
      const header = got.getHeaderRowRange();
      const whole = ws.tables.getItem("SalesTable").getRange();
      got.load("name,showHeaders,id");
      body.load("address");
      header.load("values");
      whole.load("address");
      await ctx.sync();
      return [got.name, got.showHeaders, body.address, header.values, whole.address, missing.isNullObject];
    });
    expect(out).toEqual(["SalesTable", true, "Sheet1!A2:B3", [["City", "Sales"]], "Sheet1!A1:B3", true]);
    const err = await errorOf(
      run(async (ctx) => {
        ctx.workbook.tables.getItem("Nope").load("name");
        await ctx.sync();
      }),
    );
    expect(err.code).toBe("ItemNotFound");
  });

  test("names.add(range), getItem, getRange, type/value/formula; duplicate → ItemAlreadyExists", async () => {
    const { run } = setup();
    const out = await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ctx.workbook.names.add("Sales", ws.getRange("B2:B5"), "the sales");
      ctx.workbook.names.add("Rate", "=0.5");
      const n = ctx.workbook.names.getItem("sales");
      const rate = ctx.workbook.names.getItem("Rate");
      const r = n.getRange();
      const nullRange = rate.getRangeOrNullObject();
      const missing = ctx.workbook.names.getItemOrNullObject("Nope");
      n.load("name,type,value,formula,comment");
      rate.load("type,value");
      r.load("address");
      await ctx.sync();
      return [n.toJSON(), rate.type, rate.value, r.address, nullRange.isNullObject, missing.isNullObject];
    });
    expect(out[0]).toEqual({ name: "Sales", type: "Range", value: "Sheet1!$B$2:$B$5", formula: "=Sheet1!$B$2:$B$5", comment: "the sales" });
    expect(out.slice(1)).toEqual(["Double", 0.5, "Sheet1!B2:B5", true, true]);
    const err = await errorOf(
      run(async (ctx) => {
        ctx.workbook.names.add("SALES", "=1");
        await ctx.sync();
      }),
    );
    expect(err.code).toBe("ItemAlreadyExists");
  });

  test("settings: add replaces, getItem, getItemOrNullObject, delete, items; Date values revive", async () => {
    const { run, host } = setup();
    const out = await run(async (ctx) => {
      const s = ctx.workbook.settings;
      s.add("theme", { dark: true });
      s.add("theme", { dark: false, size: 2 });
      // A Date made in this (outer) realm is not recognised by the client in a vm; the client would
      // send it as "Date(<ms>)", so the test sends that form directly.
      s.add("when", `Date(${Date.UTC(2024, 0, 2)})`);
      s.add("gone", 1);
      await ctx.sync();
      s.getItem("gone").delete();
      const theme = s.getItem("theme");
      const when = s.getItem("when");
      const missing = s.getItemOrNullObject("gone");
      theme.load("value");
      when.load("value");
      s.load("items/key");
      await ctx.sync();
      return { theme: theme.value, when: when.value, missing: missing.isNullObject, keys: s.items.map((i) => i.key) };
    });
    expect(out.theme).toEqual({ dark: false, size: 2 });
    expect(Object.prototype.toString.call(out.when)).toBe("[object Date]");
    expect((out.when as Date).getTime()).toBe(Date.UTC(2024, 0, 2));
    expect(out.missing).toBe(true);
    expect(out.keys).toEqual(["theme", "when"]);
    expect(host.workbook.settings.get("when")).toBe(`Date(${Date.UTC(2024, 0, 2)})`);
    const err = await errorOf(
      run(async (ctx) => {
        ctx.workbook.settings.getItem("nope").load("value");
        await ctx.sync();
      }),
    );
    expect(err.code).toBe("ItemNotFound");
  });

  test("customXmlParts: add, getByNamespace().getOnlyItemOrNullObject(), getXml, id, namespaceUri, delete", async () => {
    const { run, host } = setup();
    const out = await run(async (ctx) => {
      const part = ctx.workbook.customXmlParts.add('<root xmlns="urn:statdesk"><a>1</a></root>');
      part.load("id,namespaceUri");
      await ctx.sync();
      const only = ctx.workbook.customXmlParts.getByNamespace("urn:statdesk").getOnlyItemOrNullObject();
      const xml = only.getXml();
      const none = ctx.workbook.customXmlParts.getByNamespace("urn:other").getOnlyItemOrNullObject();
      await ctx.sync();
      const result = [part.namespaceUri, typeof part.id, xml.value, none.isNullObject];
      ctx.workbook.customXmlParts.getItem(part.id).delete();
      await ctx.sync();
      return result;
    });
    expect(out).toEqual(["urn:statdesk", "string", '<root xmlns="urn:statdesk"><a>1</a></root>', true]);
    expect(host.workbook.customXmlParts).toHaveLength(0);
  });

  test("application.calculationMode reads Automatic; workbook.name reads the file name", async () => {
    const { run } = setup(newWorkbook("Sheet1", "Report.xlsx"));
    const out = await run(async (ctx) => {
      ctx.workbook.application.load("calculationMode");
      ctx.workbook.load("name");
      await ctx.sync();
      return [ctx.workbook.application.calculationMode, ctx.workbook.name];
    });
    expect(out).toEqual(["Automatic", "Report.xlsx"]);
  });
});

describe("Protocol: failures, traces, stats, limits, faults", () => {
  test("actions run in order and stop at the first failure; earlier writes stay; traces before it are reported", async () => {
    const { run, host } = setup();
    const err = await errorOf(
      run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("Sheet1");
        ctx.trace("before");
        ws.getRange("A1").values = [[1]];
        ctx.workbook.worksheets.getItem("Missing").getRange("A1").values = [[2]];
        ctx.trace("after");
        ws.getRange("A2").values = [[3]];
        await ctx.sync();
      }),
    );
    expect(err.code).toBe("ItemNotFound");
    expect(err.traceMessages).toEqual(["before"]);
    expect(host.workbook.sheets[0].value(0, 0)).toBe(1);
    expect(host.workbook.sheets[0].value(1, 0)).toBe("");
  });

  test("results computed before a failure are still delivered", async () => {
    const { run } = setup();
    let loaded: unknown;
    const err = await errorOf(
      run(async (ctx) => {
        const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
        r.load("address");
        ctx.workbook.worksheets.getItem("Missing").load("name");
        try {
          await ctx.sync();
        } finally {
          loaded = r.address;
        }
      }),
    );
    expect(err.code).toBe("ItemNotFound");
    expect(loaded).toBe("Sheet1!A1");
  });

  test("stats count add-in syncs with bytes and actions; the clean-up request is counted apart", async () => {
    const { run, host } = setup();
    await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
      r.values = [[1, 2], [3, 4]];
      await ctx.sync();
      r.load("values");
      await ctx.sync();
    });
    expect(host.stats.syncs).toBe(2);
    expect(host.stats.cleanupSyncs).toBe(1);
    expect(host.stats.records).toHaveLength(2);
    expect(host.stats.records[0].requestBytes).toBeGreaterThan(100);
    expect(host.stats.records[1].responseBytes).toBeGreaterThan(20);
    expect(host.stats.actions).toBe(host.stats.records[0].actions + host.stats.records[1].actions);
    expect(host.simulatedLatencyMs(50)).toBe(100);
  });

  test("a request over the payload limit fails with RequestPayloadSizeLimitExceeded and applies nothing", async () => {
    const { run, host } = setup(undefined, { maxRequestBytes: 10_000 });
    const err = await errorOf(
      run(async (ctx) => {
        const big = Array.from({ length: 1000 }, (_, i) => [i, `text ${i}`]);
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B1000").values = big;
        await ctx.sync();
      }),
    );
    expect(err.code).toBe("RequestPayloadSizeLimitExceeded");
    expect(err.httpStatusCode).toBe(400);
    expect(host.workbook.sheets[0].value(0, 0)).toBe("");
  });

  test("a response over the payload limit fails with ResponsePayloadSizeLimitExceeded", async () => {
    const { run } = setup(undefined, { maxResponseBytes: 10_000 });
    const err = await errorOf(
      run(async (ctx) => {
        const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B2000");
        r.values = "filler text" as never;
        r.load("values");
        await ctx.sync();
      }),
    );
    expect(err.code).toBe("ResponsePayloadSizeLimitExceeded");
  });

  test("fault injection by sync and action index, and by predicate", async () => {
    const { run, host } = setup();
    host.injectFault({ sync: 2, actionIndex: 0, code: "GeneralException" });
    const first = await errorOf(
      run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
        await ctx.sync();
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A2").values = [[2]];
        await ctx.sync();
      }),
    );
    expect(first.code).toBe("GeneralException");
    host.injectFault({ match: (a) => a.kind === "SetProperty" && a.name === "Values" && a.sheetName === "Data", code: "AccessDenied" });
    const second = await errorOf(
      run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("B1").values = [[1]];
        ctx.workbook.worksheets.add("Data").getRange("A1").values = [[1]];
        await ctx.sync();
      }),
    );
    expect(second.code).toBe("AccessDenied");
    expect(host.workbook.sheets[0].value(0, 1)).toBe(1);
  });

  test("plain Excel.run(batch) reaches the host after makeDefaultHost", async () => {
    const { lib, host } = setup();
    const { makeDefaultHost } = await import("../../src/host/node-client");
    const connection = makeDefaultHost(lib, host);
    const name = await lib.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getActiveWorksheet();
      ws.load("name");
      await ctx.sync();
      return ws.name;
    });
    expect(name).toBe("Sheet1");
    connection.disconnect();
  });

  test("100,000 rows x 4 columns write and read back (how fast is the bench's to say)", async () => {
    const { run, host } = setup();
    const rows = Array.from({ length: 100000 }, (_, i) => [i, i * 2, `name ${i}`, i / 3]);
    const back = await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:D100000");
      r.values = rows;
      await ctx.sync();
      r.load("values");
      await ctx.sync();
      return r.values;
    });
    expect(back[99999][2]).toBe("name 99999");
    expect(back[50000][3]).toBeCloseTo(50000 / 3, 9);
    expect(host.workbook.sheets[0].storedRowCount).toBe(100000);
  });
});
