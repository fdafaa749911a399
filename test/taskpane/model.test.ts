// The pane's pure parts: the form and the analysis it becomes, settings checks, number display,
// guarded calls, and the two catalogs.

import { emptyForm, fromDefinition, checkSettings, corrected, correctFound, foundReading, nationalFromCells, newAnalysisId, toDefinition, FormState } from "../../src/taskpane/form";
import { paneNumbers, MISSING } from "../../src/taskpane/numbers";
import { errorDetail, guarded } from "../../src/taskpane/guard";
import { enUS } from "../../src/i18n/en-US";
import { zhCN } from "../../src/i18n/zh-CN";
import { format, paneLanguage } from "../../src/i18n";

function filled(): FormState {
  const form = emptyForm("zh-CN", "abc123");
  return {
    ...form,
    slots: {
      ...form.slots,
      current: { address: " '2024年'!A1:C112 ", overrides: { roles: { 2: "other" }, year: 2024 } },
      previous: { address: "'2023年'!A:C", overrides: {} },
      wide: { address: "Wide!A1:D50", overrides: {} }, // not in the two-list layout: left out
      series: { address: "月度数据!A1:AF12", overrides: {} },
    },
    settings: { ...form.settings, tierChoice: "custom", customBounds: "100, 200, 400", nationalMode: "number", nationalNumber: "96750", sheetName: " 汇总 " },
  };
}

describe("form → analysis definition", () => {
  test("filled slots of the layout become sources, with corrections; empty and hidden slots do not", () => {
    const d = toDefinition(filled());
    expect(d.id).toBe("abc123");
    expect(d.sources).toEqual([
      { role: "current", spec: { kind: "address", address: "'2024年'!A1:C112" }, overrides: { roles: { 2: "other" }, year: 2024 } },
      { role: "previous", spec: { kind: "address", address: "'2023年'!A:C" } },
      { role: "series", spec: { kind: "address", address: "月度数据!A1:AF12" } },
    ]);
    expect(d.options).toEqual({ tiers: "100, 200, 400", topN: "10, 30, 50, 100", nationalTotal: "96750", rounding: "half-away" });
    expect(d.output).toEqual({ sheetName: "汇总", language: "zh-CN", colours: "red-up" });
    expect(d.lastRun).toBeUndefined();
  });

  test.each([
    ["formulas", {}],
    ["formulas-data-hidden", { hideData: true }],
    ["values", { valuesOnly: true }],
  ] as const)("figures written as %s: the analysis' output says so, and comes back into the form so", (figures, output) => {
    const form = emptyForm("zh-CN", "f1");
    const d = toDefinition({ ...form, settings: { ...form.settings, figures } });
    expect(d.output).toEqual({ sheetName: "", language: "zh-CN", colours: "red-up", ...output });
    expect(fromDefinition(d, "zh-CN")!.settings.figures).toBe(figures);
  });

  test("a preset is passed by name; no national total when none is given", () => {
    const d = toDefinition(emptyForm("en-US", "x"));
    expect(d.options.tiers).toBe("cia2023");
    expect(d.options.nationalTotal).toBeUndefined();
    expect(d.nationalTotalCell).toBeUndefined();
    expect(d.output.language).toBe("en-US");
  });

  test("a stored analysis comes back into the form as it was", () => {
    const form = filled();
    const d = toDefinition(form, { sheetName: "汇总", on: "2026-11-22", version: "0.1.0" });
    const back = fromDefinition(d, "en-US");
    expect(back).toBeDefined();
    expect(back!.id).toBe("abc123");
    expect(back!.layout).toBe("two-lists");
    expect(back!.slots.current).toEqual({ address: "'2024年'!A1:C112", overrides: { roles: { 2: "other" }, year: 2024 } });
    expect(back!.slots.wide.address).toBe("");
    expect(back!.settings).toMatchObject({ tierChoice: "custom", customBounds: "100, 200, 400", nationalMode: "number", nationalNumber: "96750", sheetName: "汇总", outputLanguage: "zh-CN" });
    expect(toDefinition(back!).sources).toEqual(d.sources);
  });

  test("a table Find data listed beside the slots: its corrections go into the run and the stored analysis, and come back when it is edited; a new reading shows what its region takes now", () => {
    const spec = { kind: "region", anchor: "上月!A1", taken: "上月!A1:C112", extent: "column-band" } as const;
    const base = emptyForm("zh-CN", "f1");
    const form: FormState = {
      ...base,
      slots: { ...base.slots, current: { address: "'2024年'!A1:C112", overrides: {} } },
      found: [{ key: "0:上月!A1:C112", sheet: "上月", address: "上月!A1:C112", spec, role: "ranking", slot: null, include: true, overrides: {} }],
    };
    const withYear = correctFound(form, "0:上月!A1:C112", corrected({}, "year", 2024));
    const definition = toDefinition(withYear);
    expect(definition.sources[1]).toEqual({ role: "ranking", spec, overrides: { year: 2024 }, found: true });
    expect(fromDefinition(definition, "zh-CN")?.found.map((f) => [f.address, f.overrides])).toEqual([["上月!A1:C112", { year: 2024 }]]);
    // Uncorrected again: no corrections are stored
    expect(toDefinition(correctFound(withYear, "0:上月!A1:C112", corrected({ year: 2024 }, "year", undefined))).sources[1]).toEqual({ role: "ranking", spec, found: true });
    // Read again after rows were added: the list shows the range taken now, the region keeps its anchor
    const grown = foundReading(withYear, "0:上月!A1:C112", { address: "上月!A1:D130", sample: [], tables: [], problems: [] });
    expect(grown.found.map((f) => [f.key, f.address, f.spec])).toEqual([["0:上月!A1:C112", "上月!A1:D130", { ...spec, taken: "上月!A1:D130" }]]);
  });

  test("national sales from a cell are stored as the cell, so a refresh reads it again", () => {
    const form = filled();
    const d = toDefinition({ ...form, settings: { ...form.settings, nationalMode: "cell", nationalCell: " 参数!B5:B6 " } });
    expect(d.nationalTotalCell).toBe("参数!B5:B6");
    expect(d.options.nationalTotal).toBeUndefined();
    expect(fromDefinition(d, "zh-CN")!.settings).toMatchObject({ nationalMode: "cell", nationalCell: "参数!B5:B6" });
  });

  test("a stored analysis the form cannot show is not offered for editing", () => {
    const base = toDefinition(filled());
    expect(fromDefinition({ ...base, sources: [{ role: "current", spec: { kind: "table", name: "Table1" } }] }, "zh-CN")).toBeUndefined();
    expect(fromDefinition({ ...base, sources: [base.sources[0], base.sources[0]] }, "zh-CN")).toBeUndefined();
    expect(fromDefinition({ ...base, sources: [base.sources[0], { role: "wide", spec: { kind: "address", address: "W!A:D" } }] }, "zh-CN")).toBeUndefined();
    // The CLI's "auto" role goes into the single-list slot.
    expect(fromDefinition({ ...base, sources: [{ role: "auto", spec: { kind: "address", address: "S!A:C" } }] }, "zh-CN")?.layout).toBe("single");
  });

  test("preset names and number lists in stored options", () => {
    const base = toDefinition(emptyForm("zh-CN", "p"), undefined);
    expect(fromDefinition({ ...base, options: { tiers: "cia2020" } }, "zh-CN")!.settings.tierChoice).toBe("cia2020");
    const listed = fromDefinition({ ...base, options: { tiers: [100, 500], topN: [10, 20], nationalTotal: { current: 96750, previous: null } } }, "zh-CN")!;
    expect(listed.settings).toMatchObject({ tierChoice: "custom", customBounds: "100, 500", topN: "10, 20", nationalNumber: "96750" });
  });

  test("analysis ids are short, distinct and legal in a sheet name", () => {
    const a = newAnalysisId(1_800_000_000_000, 0.25);
    const b = newAnalysisId(1_800_000_000_000, 0.5);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[0-9a-z]{8,16}$/);
  });
});

describe("settings checks", () => {
  const settings = emptyForm("zh-CN").settings;
  test("valid defaults", () => {
    expect(checkSettings(settings).ok).toBe(true);
  });
  test("custom tiers: unordered and repeated bounds are refused with the core's problems", () => {
    const unordered = checkSettings({ ...settings, tierChoice: "custom", customBounds: "300, 100" });
    expect(unordered.ok).toBe(false);
    expect(unordered.tiers.map((p) => [p.code, p.params])).toEqual([["tier-bounds-unordered", { before: 300, after: 100 }]]);
    expect(checkSettings({ ...settings, tierChoice: "custom", customBounds: "100，100" }).tiers.map((p) => p.code)).toEqual(["tier-bounds-duplicate"]);
    expect(checkSettings({ ...settings, tierChoice: "custom", customBounds: "" }).tiers.map((p) => p.code)).toEqual(["tier-bounds-empty"]);
    // The custom text does not matter while a preset is chosen.
    expect(checkSettings({ ...settings, tierChoice: "cia2020", customBounds: "300, 100" }).ok).toBe(true);
  });
  test("TOP-N, national total and sheet name", () => {
    expect(checkSettings({ ...settings, topN: "10, x" }).topN.map((p) => p.code)).toEqual(["top-n-invalid"]);
    expect(checkSettings({ ...settings, nationalMode: "number", nationalNumber: "-5" }).national.map((p) => p.code)).toEqual(["national-total-invalid"]);
    expect(checkSettings({ ...settings, nationalMode: "none", nationalNumber: "-5" }).ok).toBe(true);
    expect(checkSettings({ ...settings, sheetName: "a/b" }).sheetName).toBe("forbidden-character");
    expect(checkSettings({ ...settings, sheetName: "x".repeat(32) }).sheetName).toBe("too-long");
    expect(checkSettings({ ...settings, sheetName: "   " }).sheetName).toBeUndefined(); // empty: the default name
  });
  test("national sales from one or two cells", () => {
    expect(nationalFromCells([[96750]])).toBe("96750");
    expect(nationalFromCells([[96750, "116,622"]])).toBe("96750,116622");
    expect(nationalFromCells([["全国"]])).toBeUndefined();
    expect(nationalFromCells([])).toBeUndefined();
    expect(nationalFromCells([[1, 2, 3]])).toBeUndefined();
    expect(nationalFromCells([[0]])).toBeUndefined();
  });
});

describe("numbers in the pane", () => {
  test("rounded once by the desk's rule, then grouped for the language (values from core/rounding's examples)", () => {
    const away = paneNumbers("en-US", "half-away");
    const even = paneNumbers("zh-CN", "half-even");
    expect(away.fixed(43547.25, 1)).toBe("43,547.3");
    expect(even.fixed(43547.25, 1)).toBe("43,547.2");
    expect(away.fixed(2.675, 2)).toBe("2.68"); // as Excel ROUND, not the binary 2.67
    expect(away.fixed(-0.04, 1)).toBe("0.0"); // never "-0.0"
  });
  test("signed changes and missing figures", () => {
    const n = paneNumbers("zh-CN", "half-away");
    expect(n.signedPct(-30.64)).toBe("-30.6%");
    expect(n.signedPct(1.05)).toBe("+1.1%");
    expect(n.signedPct(0)).toBe("0.0%");
    expect(n.signedCount(-5)).toBe("-5");
    expect(n.signedCount(4)).toBe("+4");
    expect(n.signedPct(null)).toBe(MISSING);
    expect(n.fixed(Number.NaN, 1)).toBe(MISSING);
  });
});

describe("guarded service calls", () => {
  test("a value, or the text of what was thrown", async () => {
    expect(await guarded(async () => 3)).toEqual({ ok: true, value: 3 });
    expect(await guarded(async () => Promise.reject(new TypeError("boom")))).toEqual({ ok: false, detail: "TypeError: boom" });
    expect(errorDetail({ code: "GeneralException", message: "lost" })).toBe("GeneralException: lost");
    expect(errorDetail("plain")).toBe("plain");
  });
});

describe("catalogs", () => {
  const keys = Object.keys(enUS) as (keyof typeof enUS)[];
  test("both languages give every key, none empty, with the same placeholders", () => {
    expect(Object.keys(zhCN).sort()).toEqual([...keys].sort());
    for (const key of keys) {
      expect(enUS[key].trim()).not.toBe("");
      expect(zhCN[key].trim()).not.toBe("");
      const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
      expect([key, holes(zhCN[key])]).toEqual([key, holes(enUS[key])]);
    }
  });
  test("the Chinese catalog is Chinese, except names, codes and examples that read the same", () => {
    expect(keys.filter((k) => zhCN[k] === enUS[k]).sort()).toEqual(["addressPlaceholder", "languageEn", "languageZh", "topN", "topTotal"]);
    // Without a Chinese character: an address example, the English language name, "TOP-N", and texts made of placeholders.
    expect(keys.filter((k) => !/[\u4e00-\u9fff]/.test(zhCN[k])).sort()).toEqual(["addressPlaceholder", "languageEn", "rankingTitle", "topN", "topTotal"]);
  });
  test("format fills placeholders and leaves unknown ones", () => {
    expect(format(enUS.goToCell, { cell: "Sheet1!C17" })).toBe("Go to Sheet1!C17");
    expect(format("{a}{b}", { a: 1 })).toBe("1{b}");
  });
  test("display language", () => {
    expect(paneLanguage("zh-CN")).toBe("zh-CN");
    expect(paneLanguage("zh-TW")).toBe("zh-CN");
    expect(paneLanguage("en-GB")).toBe("en-US");
    expect(paneLanguage(undefined)).toBe("en-US");
  });
});
