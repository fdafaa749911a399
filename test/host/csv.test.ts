// CSV import: encodings, RFC 4180 quoting, line endings, numbers as Excel opens them.
import * as iconv from "iconv-lite";
import { decodeCsv, parseCsv, readCsv, sheetNameFromFile } from "../../src/host/csv";

const utf8 = (s: string) => new TextEncoder().encode(s);

describe("decodeCsv", () => {
  test("UTF-8 with and without BOM", () => {
    expect(decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("企业,销售额")]))).toEqual({ text: "企业,销售额", encoding: "utf-8" });
    expect(decodeCsv(utf8("企业,销售额"))).toEqual({ text: "企业,销售额", encoding: "utf-8" });
  });

  test("UTF-16 LE and BE by their BOMs", () => {
    const le = iconv.encode("a,中", "utf16le");
    expect(decodeCsv(new Uint8Array([0xff, 0xfe, ...le]))).toEqual({ text: "a,中", encoding: "utf-16le" });
    const be = Buffer.from(le).swap16();
    expect(decodeCsv(new Uint8Array([0xfe, 0xff, ...be]))).toEqual({ text: "a,中", encoding: "utf-16be" });
  });

  test("GBK when the bytes are not valid UTF-8", () => {
    const gbk = new Uint8Array(iconv.encode("万科,4,658.3\r\n保利,4,230", "gbk"));
    expect(decodeCsv(gbk)).toEqual({ text: "万科,4,658.3\r\n保利,4,230", encoding: "gbk" });
  });

  test("GB18030 four-byte characters (CJK Extension A and B, as Python's 'gb18030' writes them) decode", () => {
    // "㐀" is 81 39 EE 39 in GB18030 (python3 -c 'print("㐀".encode("gb18030"))'); GBK has no code for it.
    const bytes = new Uint8Array(iconv.encode("企业,㐀𠀀置业,4658.3\r\n", "gb18030"));
    expect(Array.from(bytes.subarray(5, 9))).toEqual([0x81, 0x39, 0xee, 0x39]);
    expect(decodeCsv(bytes)).toEqual({ text: "企业,㐀𠀀置业,4658.3\r\n", encoding: "gbk" });
  });

  test("a UTF-8 file cut inside its last character stays UTF-8", () => {
    const bytes = utf8("名称,值\n万科");
    expect(decodeCsv(bytes.subarray(0, bytes.length - 1))).toEqual({ text: "名称,值\n万", encoding: "utf-8" });
  });
});

describe("parseCsv", () => {
  test("CRLF, LF and CR line endings; a trailing newline adds no row", () => {
    expect(parseCsv("a,b\r\nc,d\ne,f\rg,h\r\n")).toEqual([["a", "b"], ["c", "d"], ["e", "f"], ["g", "h"]]);
  });

  test("quoted fields hold commas, newlines and doubled quotes", () => {
    expect(parseCsv('"x, y","line1\r\nline2","say ""hi"""\n1,,3')).toEqual([
      ["x, y", "line1\r\nline2", 'say "hi"'],
      ["1", "", "3"],
    ]);
  });

  test("an empty trailing field and empty lines are kept", () => {
    expect(parseCsv("a,\n\nb")).toEqual([["a", ""], [""], ["b"]]);
  });

  test("a file cut inside a quoted field keeps the rest in that field, and says where the field began", () => {
    const where: [number, number][] = [];
    expect(parseCsv('x,y\na,"unfinished\nb', ",", (row, column) => where.push([row, column]))).toEqual([["x", "y"], ["a", "unfinished\nb"]]);
    expect(where).toEqual([[1, 1]]);
    parseCsv('a,"closed"\nb', ",", (row, column) => where.push([row, column]));
    expect(where).toHaveLength(1);
  });
});

describe("readCsv", () => {
  test("numbers become numbers, codes with leading zeros and other text stay text; sheet named after the file", () => {
    const wb = readCsv(utf8("企业,销售额,代码,日期\n万科,4658.3,000002,2024-01-31\n保利,-1.5e2,600048,\n"), "data/2024 TOP100.csv");
    const sheet = wb.sheets[0];
    expect(sheet.name).toBe("2024 TOP100");
    expect(sheet.values({ row: 0, column: 0, rowCount: 3, columnCount: 4 })).toEqual([
      ["企业", "销售额", "代码", "日期"],
      ["万科", 4658.3, "000002", "2024-01-31"],
      ["保利", -150, 600048, ""],
    ]);
  });

  test("tab-separated when the first line has tabs and no commas", () => {
    const wb = readCsv(utf8("a\tb\n1,5\t2\n"), "t.tsv");
    expect(wb.sheets[0].values({ row: 0, column: 0, rowCount: 2, columnCount: 2 })).toEqual([["a", "b"], ["1,5", 2]]);
  });

  test("GBK file reads as text and numbers", () => {
    const wb = readCsv(new Uint8Array(iconv.encode("企业,金额\r\n碧桂园,3003.3\r\n", "gbk")), "gbk.csv");
    expect(wb.sourceEncoding).toBe("gbk");
    expect(wb.sheets[0].values({ row: 1, column: 0, rowCount: 1, columnCount: 2 })).toEqual([["碧桂园", 3003.3]]);
  });

  test("sheet names from file names are legal and at most 31 characters", () => {
    expect(sheetNameFromFile("C:\\x\\a:b[1].csv")).toBe("a_b_1_");
    expect(sheetNameFromFile("a".repeat(40) + ".csv")).toHaveLength(31);
  });
});
