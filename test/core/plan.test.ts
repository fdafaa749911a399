// Plan completion = actual / plan (seed 004): 保障性租赁住房 80000 planned, 81549 built → 101.9%.

import { analyze } from "../../src/core/analyze";
import { narrative } from "../../src/core/narrative";
import { resolveOptions } from "../../src/core/options";
import { readPlanFigure } from "../../src/core/plan";
import { formatFixed } from "../../src/core/rounding";
import { BEIJING_2023_PLAN } from "../fixtures/plan/beijing-2023";

const { options } = resolveOptions({});
const result = analyze([{ source: { sheet: "计划完成", row: 0, column: 0 }, grid: BEIJING_2023_PLAN }], options);

test("completion rates as the evaluation reports them", () => {
  expect(result.targets.map((t) => [t.item, formatFixed(t.completionPct!, 1)])).toEqual([
    ["保障性租赁住房建设筹集", "101.9"],
    ["保障性租赁住房基本建成", "211.7"],
    ["公租房建设筹集", "134.3"],
    ["公租房基本建成", "126.8"],
    ["租赁补贴发放", "107.8"], // the report rounds to 108%
    ["老旧小区改造开工", "101.0"],
    ["老旧小区改造开工户数", "104.2"],
    ["棚改安置房新开工", "173.7"],
  ]);
  expect(result.targets[0]).toMatchObject({ plan: 80000, actual: 81549, unit: "套", location: "计划完成!D3" });
  expect(result.problems).toEqual([]);
});

test("figures written with 万", () => {
  expect(readPlanFigure("2.7万户")).toEqual({ value: 27000, unit: "户" });
  expect(readPlanFigure("10.27")).toEqual({ value: 10.27, unit: "" });
  expect(readPlanFigure("about")).toBeUndefined();
});

test("sentences keep the figures as written", () => {
  const zh = narrative(result, "zh-CN", "half-away");
  expect(zh[0]).toBe("保障性租赁住房建设筹集计划80000套，实际完成81549套，完成率101.9%，超额完成计划。");
  expect(zh[4]).toBe("租赁补贴发放计划2.7万户，实际完成2.91万户，完成率107.8%，超额完成计划。");
  expect(narrative(result, "en-US", "half-away")[0]).toBe("保障性租赁住房建设筹集: planned 80000套, achieved 81549套, 101.9% of plan, exceeding the plan.");
});

test("a row without a plan is reported at its cell", () => {
  const r = analyze(
    [{ source: { sheet: "P", row: 0, column: 0 }, grid: [["项目", "计划", "实际"], ["甲", "", 5], ["乙", 0, 5]] }],
    options,
  );
  expect(r.targets.map((t) => t.completionPct)).toEqual([null, null]);
  expect(r.problems.map((p) => `${p.code}@${p.location}`)).toEqual(["plan-no-plan@P!B2", "plan-no-plan@P!B3"]);
});
