// The bulletin sentences for the 2024 ranking and the 2024 NBS figures, exactly as desks write
// them (seed 000 and domain.md §4), and the rules behind them: 同比 once per period, direction
// words from the printed sign, 增加/减少 N 家, the published rate preferred.

import { analyze } from "../../src/core/analyze";
import { Grid } from "../../src/core/cells";
import { narrative } from "../../src/core/narrative";
import { resolveOptions } from "../../src/core/options";
import { CIA_2023, CIA_2024 } from "../fixtures/rankings/synthetic";
import { NAMES_2024 } from "../fixtures/rankings/build";
import { nbsExportGrid } from "../fixtures/nbs/build";

const listGrid = (values: readonly number[], names: readonly string[]): Grid => [
  ["排名", "企业名称", "销售额（亿元）"],
  ...values.map((v, i) => [i + 1, names[i], v]),
];

function run(grids: { sheet: string; grid: Grid }[], optionsInput = {}) {
  const { options } = resolveOptions(optionsInput);
  return analyze(grids.map((g) => ({ source: { sheet: g.sheet, row: 0, column: 0 }, grid: g.grid })), options);
}

const rankings2024 = [
  { sheet: "2024年TOP100", grid: listGrid(CIA_2024, NAMES_2024.current) },
  { sheet: "2023年TOP100", grid: listGrid(CIA_2023, NAMES_2024.previous) },
];

describe("zh-CN", () => {
  test("the 2024 ranking reads as seed 000 writes it", () => {
    const text = narrative(run(rankings2024), "zh-CN", "half-away");
    expect(text.slice(0, 6)).toEqual([
      "2024年，TOP100房企销售总额为43547.3亿元，同比下降30.6%。",
      "千亿以上阵营企业11家，较去年同期减少5家，销售额均值2001.4亿元。",
      "500-1000亿阵营企业7家，较去年同期减少12家，销售额均值704.0亿元。",
      "300-500亿阵营企业18家，较去年同期增加4家，销售额均值375.7亿元。",
      "100-300亿阵营企业50家，较去年同期减少17家，销售额均值172.4亿元。",
      "销售额百亿以上企业86家，较去年同期减少30家。",
    ]);
    // the example is one passage of it
    expect(text.join("")).toContain("TOP100房企销售总额为43547.3亿元，同比下降30.6%。千亿以上阵营企业11家，较去年同期减少5家，销售额均值2001.4亿元。");
    // later clauses of the same period do not repeat 同比
    expect(text.slice(1).join("")).not.toContain("同比");
  });

  test("the 2024 NBS figures read as the release writes them (同比 for 比上年)", () => {
    const text = narrative(run([{ sheet: "月度数据", grid: nbsExportGrid() }]), "zh-CN", "half-away");
    expect(text).toEqual([
      "2024年，新建商品房销售面积97385万平方米，同比下降12.9%，其中住宅销售面积下降14.1%。",
      "新建商品房销售额96750亿元，下降17.1%，其中住宅销售额下降17.6%。",
    ]);
  });

  test("without the 住宅 rows it is the issue's sentence exactly", () => {
    const grid = nbsExportGrid().filter((row) => !String(row[0]).startsWith("住宅"));
    expect(narrative(run([{ sheet: "月度数据", grid }]), "zh-CN", "half-away")[0]).toBe("2024年，新建商品房销售面积97385万平方米，同比下降12.9%。");
  });

  test("a month's sentence names 1—X月, uses the published rate and the change from the month before", () => {
    const grid: Grid = [
      ["指标", "2024年11月", "2024年10月"],
      ["新建商品房销售面积累计值(万平方米)", 86924, 77930],
      ["新建商品房销售面积累计增长(%)", -14.3, -15.8],
    ];
    expect(narrative(run([{ sheet: "S", grid }]), "zh-CN", "half-away")).toEqual([
      "2024年1—11月，新建商品房销售面积86924万平方米，同比下降14.3%，降幅较1—10月缩窄1.5个百分点。",
    ]);
  });

  test("without a published rate the computed one is quoted and labelled; 2023 uses the old name", () => {
    const grid: Grid = [
      ["指标", "2023年12月", "2022年12月"],
      ["商品房销售面积累计值(万平方米)", 111735, 135837],
    ];
    expect(narrative(run([{ sheet: "S", grid }]), "zh-CN", "half-away")).toEqual([
      "2023年，商品房销售面积111735万平方米，同比下降17.7%（按公布数据计算）。",
    ]);
  });

  test("levels without published rates: no 降幅较上年… clause, since both rates it compares would be computed", () => {
    // The reviewer's annual export: from levels −17.7 → −12.8 reads 缩窄4.9, the published −8.5 → −12.9 widened.
    const grid: Grid = [
      ["指标", "2024年", "2023年", "2022年"],
      ["新建商品房销售面积(万平方米)", 97385, 111735, 135837],
      ["新建商品房销售额(亿元)", 96750, 116622, 133308],
    ];
    expect(narrative(run([{ sheet: "annual.csv", grid }]), "zh-CN", "half-away")).toEqual([
      "2024年，新建商品房销售面积97385万平方米，同比下降12.8%（按公布数据计算）。",
      "新建商品房销售额96750亿元，下降17.0%（按公布数据计算）。",
    ]);
  });

  test("a published rate is not compared with a computed one", () => {
    const grid: Grid = [
      ["指标", "2024年11月", "2024年10月", "2023年10月"],
      ["新建商品房销售面积累计值(万平方米)", 86924, 77930, 92579],
      ["新建商品房销售面积累计增长(%)", -14.3, "", ""],
    ];
    expect(narrative(run([{ sheet: "S", grid }]), "zh-CN", "half-away")).toEqual(["2024年1—11月，新建商品房销售面积86924万平方米，同比下降14.3%。"]);
  });

  test("direction words follow the printed sign: 持平, 增长, 增加", () => {
    const grid = (cur: number, prev: number): Grid => [["指标", "2024年12月", "2023年12月"], ["商品房销售额累计值(亿元)", cur, prev]];
    expect(narrative(run([{ sheet: "S", grid: grid(100.04, 100) }]), "zh-CN", "half-away")[0]).toContain("同比持平");
    expect(narrative(run([{ sheet: "S", grid: grid(101, 100) }]), "zh-CN", "half-away")[0]).toContain("同比增长1.0%");
  });

  test("a ranking with no previous year has no changes at all", () => {
    const text = narrative(run([rankings2024[0]]), "zh-CN", "half-away");
    expect(text[0]).toBe("2024年，TOP100房企销售总额为43547.3亿元。");
    expect(text[1]).toBe("千亿以上阵营企业11家，销售额均值2001.4亿元。");
  });

  test("concentration in 个百分点 from the printed shares", () => {
    const text = narrative(run(rankings2024, { nationalTotal: "96750,116622" }), "zh-CN", "half-away");
    // 43547.3 / 96750 = 45.0%; 62748.6 / 116622 = 53.8%; 45.0 − 53.8 = −8.8
    expect(text).toContain("TOP100房企销售额占全国新建商品房销售额的45.0%，较上年下降8.8个百分点。");
  });

  test("national sales come from an NBS series in the inputs when no total is given", () => {
    const text = narrative(run([...rankings2024, { sheet: "月度数据", grid: nbsExportGrid() }]), "zh-CN", "half-away");
    expect(text).toContain("TOP100房企销售额占全国新建商品房销售额的45.0%，较上年下降8.8个百分点。");
  });
});

describe("en-US", () => {
  test("the 2024 ranking", () => {
    const text = narrative(run(rankings2024), "en-US", "half-away");
    expect(text.slice(0, 3)).toEqual([
      "In 2024, the TOP100 developers' sales totalled RMB 4,354.73 billion, down 30.6% year on year.",
      "11 developers were in the RMB 100bn and above tier, 5 fewer than a year earlier, with mean sales of RMB 200.14 billion.",
      "7 developers were in the RMB 50–100bn tier, 12 fewer than a year earlier, with mean sales of RMB 70.40 billion.",
    ]);
  });

  test("levels without published rates: no change-of-rate clause", () => {
    const grid: Grid = [
      ["指标", "2024年", "2023年", "2022年"],
      ["新建商品房销售面积(万平方米)", 97385, 111735, 135837],
      ["新建商品房销售额(亿元)", 96750, 116622, 133308],
    ];
    expect(narrative(run([{ sheet: "annual.csv", grid }]), "en-US", "half-away")).toEqual([
      "In 2024, the floor area sold of new commercial housing was 973.85 million sq m, down 12.8% year on year (computed from published levels).",
      "Sales of new commercial housing were RMB 9,675.0 billion, down 17.0% (computed from published levels).",
    ]);
  });

  test("the 2024 NBS figures", () => {
    expect(narrative(run([{ sheet: "月度数据", grid: nbsExportGrid() }]), "en-US", "half-away")).toEqual([
      "In 2024, the floor area sold of new commercial housing was 973.85 million sq m, down 12.9% year on year, of which residential down 14.1%.",
      "Sales of new commercial housing were RMB 9,675.0 billion, down 17.1%, of which residential down 17.6%.",
    ]);
  });
});

test("the rounding rule chosen is the one printed: 2.25% half-away 2.3, half-even 2.2", () => {
  const grid: Grid = [["指标", "2024年12月", "2023年12月"], ["商品房销售额累计增长(%)", 2.25, 1]];
  expect(narrative(run([{ sheet: "S", grid }]), "zh-CN", "half-away")[0]).toContain("同比增长2.3%");
  expect(narrative(run([{ sheet: "S", grid }]), "zh-CN", "half-even")[0]).toContain("同比增长2.2%");
});
