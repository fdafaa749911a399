// Plan completion = actual / plan (seed 004): 保障性租赁住房 80000 planned, 81549 built → 101.9%.

import { analyze } from "../../src/core/analyze";
import { narrative } from "../../src/core/narrative";
import { resolveOptions } from "../../src/core/options";
import { planFigureText, readPlanFigure } from "../../src/core/plan";
import { problemMessage } from "../../src/core/messages";
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

test("blank, unreadable and non-positive figures, units that differ and totals rows", () => {
  const r = analyze(
    [
      {
        source: { sheet: "P", row: 0, column: 0 },
        grid: [
          ["项目", "单位", "年度计划", "实际完成"],
          ["棚改", "", 9800, "1.7万"],
          ["单位不同", "", "1万套", "9000户"],
          ["负数", "套", -5, 100],
          ["缺失", "套", 100, "#N/A"],
          ["空白", "套", 100, ""],
          ["合计", "", "", ""],
        ],
      },
    ],
    options,
  );
  expect(r.targets.map((t) => [t.item, t.completionPct === null ? null : formatFixed(t.completionPct, 1)])).toEqual([
    ["棚改", "173.5"],
    ["单位不同", null],
    ["负数", null],
    ["缺失", null],
    ["空白", null],
  ]);
  expect(r.problems.map((p) => `${p.code}@${p.location}`)).toEqual([
    "plan-units-differ@P!D3",
    "plan-no-plan@P!C4",
    "plan-no-actual@P!D5",
    "plan-no-actual@P!D6",
  ]);
  expect(r.problems.map((p) => problemMessage(p, "zh-CN"))).toEqual([
    "“单位不同”的计划单位（套）与实际单位（户）不同，不计算完成率。请改用同一单位。",
    "“负数”的计划数“-5”不是可用的正数，不能计算完成率。",
    "“缺失”的实际完成数“#N/A”无法读取，不能计算完成率。",
    "“空白”的实际完成数空白，不能计算完成率。",
  ]);
});

test("a figure written with 万 gets the row's unit in sentences", () => {
  expect(planFigureText("1.7万", "套")).toBe("1.7万套");
  expect(planFigureText("9800", "套")).toBe("9800套");
  expect(planFigureText("2.7万户", "户")).toBe("2.7万户");
  expect(planFigureText("10.27", null)).toBe("10.27");
});
