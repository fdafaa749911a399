// The one rule for touches a host refuses (src/core/decorations.ts), on its own: which touches a
// summary gets and in what order, and, for a host whose calls apply at once, a refused touch
// undone where half-made, tried once more, then left out with one warning — a chart with its
// line and labels; an undo that is itself refused leaves the touch out at once.

import { applyDecorations, Decoration, decorationsOf, ImmediateTouches } from "../../src/core/decorations";
import { ChartModel, SheetModel } from "../../src/core/summary/model";

const chart = (name: string, line: boolean): ChartModel => ({
  name,
  kind: "ColumnClustered",
  source: { row: 0, column: 0, rowCount: 3, columnCount: 2 },
  title: `${name} title`,
  valueAxisTitle: "亿元",
  categoryAxisTitle: "",
  dataLabels: true,
  seriesNames: ["2024年"],
  numberFormat: "0",
  ...(line ? { secondaryLine: { name: "同比", values: { row: 1, column: 2, rowCount: 2, columnCount: 1 }, numberFormat: "0.0%" } } : {}),
  from: { row: 0, column: 4 },
  to: { row: 10, column: 10 },
});

const model = (charts: ChartModel[], freezeRows = 2): SheetModel => ({
  name: "汇总",
  values: [],
  numberFormats: [],
  width: 0,
  styles: [],
  columnWidths: [],
  rowHeights: [],
  freezeRows,
  charts,
  tabColor: "#1F4E79",
  sections: {},
});

const named = (touches: readonly Decoration[]) => touches.map((t) => (t.chart === undefined ? t.kind : `${t.kind}:${t.chart.name}`));

test("the touches in order, and only those the host supports", () => {
  const charts = [chart("a", true), chart("b", false)];
  expect(named(decorationsOf(model(charts), () => true))).toEqual(["freeze", "tabColor", "printLayout", "chart:a", "secondaryAxis:a", "dataLabels:a", "chart:b", "dataLabels:b"]);
  expect(named(decorationsOf(model(charts, 0), (kind) => kind !== "printLayout" && kind !== "secondaryAxis"))).toEqual(["tabColor", "chart:a", "dataLabels:a", "chart:b", "dataLabels:b"]);
});

/** A host refusing the touches `refuse` says, after `steps` steps of each; it records what it made and undid. */
function host(refuse: (touch: Decoration, attempt: number) => boolean, undoRefused = false) {
  const log: string[] = [];
  const attempts = new Map<Decoration, number>();
  const touches: ImmediateTouches = {
    host: "wps",
    codeOf: (error) => (error as Error).message,
    make: (touch, step) => {
      const attempt = (attempts.get(touch) ?? 0) + 1;
      attempts.set(touch, attempt);
      step();
      if (refuse(touch, attempt)) throw new Error(`refused ${touch.kind}`);
      log.push(`made ${named([touch])[0]}`);
    },
    undo: (touch, reached) => {
      if (undoRefused) throw new Error("undo refused");
      log.push(`undid ${named([touch])[0]} after ${reached}`);
    },
  };
  return { touches, log };
}

test("a touch refused once is undone and made on its second try; refused twice it is left out, a chart with its line and labels", () => {
  const charts = [chart("a", true), chart("b", false)];
  const touches = decorationsOf(model(charts), () => true);
  const once = host((t, attempt) => t.kind === "freeze" && attempt === 1);
  expect(applyDecorations(touches, once.touches)).toEqual({ skipped: [], chartsLeftOut: [] });
  expect(once.log.slice(0, 2)).toEqual(["undid freeze after 1", "made freeze"]);

  const always = host((t) => t.kind === "chart" && t.chart?.name === "a");
  const result = applyDecorations(touches, always.touches);
  expect(result.chartsLeftOut).toEqual(["a"]);
  expect(result.skipped).toEqual([{ code: "decoration-skipped", severity: "warning", params: { touch: "chart", code: "refused chart", chart: "a title", host: "wps" } }]);
  expect(always.log.filter((l) => l.startsWith("made"))).toEqual(["made freeze", "made tabColor", "made printLayout", "made chart:b", "made dataLabels:b"]);
  expect(always.log.filter((l) => l.startsWith("undid"))).toEqual(["undid chart:a after 1", "undid chart:a after 1"]);
});

test("an undo the host refuses leaves the touch out at once, saying the undo's refusal", () => {
  const touches = decorationsOf(model([]), () => true);
  const stuck = host((t) => t.kind === "printLayout", true);
  const result = applyDecorations(touches, stuck.touches);
  expect(result.skipped.map((p) => [p.params.touch, p.params.code])).toEqual([["printLayout", "undo refused"]]);
  expect(stuck.log).toEqual(["made freeze", "made tabColor"]);
});
