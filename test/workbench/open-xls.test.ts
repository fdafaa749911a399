// The workbench's Open reads a legacy .xls as it reads an .xlsx, and says which file it refused.
import * as fs from "fs";
import * as path from "path";
import { workbookFromFile } from "../../src/workbench/session";

const mixed = () => new Uint8Array(fs.readFileSync(path.join(__dirname, "..", "fixtures", "xls", "mixed.xls")));

test("an .xls opens with its sheets and values", async () => {
  const workbook = await workbookFromFile("mixed.xls", mixed());
  expect(workbook.sheets.map((s) => s.name)).toEqual(["数据", "隐藏"]);
  expect(workbook.sheet("数据")!.value(1, 1)).toBe(4658.3);
});

test("a damaged .xls is refused with a message naming it", async () => {
  await expect(workbookFromFile("报表.XLS", mixed().subarray(0, 1500))).rejects.toThrow(/^Cannot read 报表\.XLS as an \.xls workbook \(the file is damaged or truncated/);
});
