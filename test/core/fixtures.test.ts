// The committed ranking fixtures are exactly what test/fixtures/rankings/build.ts makes, so a
// reviewer can read how they were built. UPDATE_FIXTURES=1 rewrites them.

import * as fs from "fs";
import * as path from "path";
import * as iconv from "iconv-lite";
import { NAMES_2024, wideH1Csv, yearListCsv } from "../fixtures/rankings/build";
import { CIA_2023, CIA_2024 } from "../fixtures/rankings/synthetic";
import { gridCsv, nbsExportGrid, nbsLongGrid } from "../fixtures/nbs/build";
import { monthsBetween, oracleExportGrid, oracleMonths, regionalGrid } from "../fixtures/nbs/oracle";

const december2025 = oracleMonths().find((m) => m.d === "2025-12")!;

const dir = path.join(__dirname, "..", "fixtures");
const files: Record<string, Buffer> = {
  "nbs/全国新建商品房销售-月度数据.csv": Buffer.from("\ufeff" + gridCsv(nbsExportGrid()), "utf8"),
  "nbs/nbs-monthly-gbk.csv": iconv.encode(gridCsv(nbsExportGrid()), "gbk"),
  "nbs/nbs-long-table.csv": Buffer.from(gridCsv(nbsLongGrid()), "utf8"),
  // The whole release, 2024-02 … 2025-12, from the real oracle, as data.stats.gov.cn's GBK export.
  "nbs/全国房地产开发和销售-月度数据-gbk.csv": iconv.encode(gridCsv(oracleExportGrid(monthsBetween("2024-02", "2025-12"))), "gbk"),
  // 2025年1—12月 by region: the 全国总计 row is the oracle's, the four regions are synthetic.
  "nbs/东中西部和东北地区-2025-synthetic-regions.csv": Buffer.from("\ufeff" + gridCsv(regionalGrid(december2025)), "utf8"),
  "rankings/2024年TOP100.csv": Buffer.from(
    yearListCsv(CIA_2024, NAMES_2024.current, new Map(NAMES_2024.previous.map((n, i) => [n, CIA_2023[i]]))),
    "utf8",
  ),
  "rankings/2023年TOP100.csv": Buffer.from(yearListCsv(CIA_2023, NAMES_2024.previous), "utf8"),
  "rankings/cia-2023-h1-wide-gbk.csv": iconv.encode(wideH1Csv(), "gbk"),
};

describe("fixture files", () => {
  for (const [name, bytes] of Object.entries(files)) {
    test(`${name} is what build.ts makes`, () => {
      const file = path.join(dir, name);
      if (process.env.UPDATE_FIXTURES === "1") fs.writeFileSync(file, bytes);
      expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    });
  }
});
