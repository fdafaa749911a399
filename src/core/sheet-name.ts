// Excel's rules for sheet names, so StatDesk never asks Excel for a name it will refuse:
// 1–31 characters, none of : \ / ? * [ ], not starting or ending with an apostrophe.

const FORBIDDEN = /[:\\/?*[\]]/g;

/** Why a sheet name is not allowed, or undefined when it is ("History" is reserved by Excel). */
export function sheetNameProblem(name: string): "empty" | "too-long" | "forbidden-character" | "apostrophe" | "reserved" | undefined {
  if (typeof name !== "string" || name.length === 0) return "empty";
  if (name.length > 31) return "too-long";
  if (/[:\\/?*[\]]/.test(name)) return "forbidden-character";
  if (name.startsWith("'") || name.endsWith("'")) return "apostrophe";
  if (name.toLowerCase() === "history") return "reserved";
  return undefined;
}

/**
 * A legal sheet name made from any text: forbidden characters become "_", edge apostrophes go,
 * and the name is cut to 31 characters.
 * legalSheetName("汇总/2024") // => "汇总_2024"
 */
export function legalSheetName(text: string, fallback = "StatDesk"): string {
  const cleaned = text.replace(FORBIDDEN, "_").replace(/^'+|'+$/g, "").trim();
  // 31 UTF-16 units, as Excel counts, without splitting a surrogate pair.
  const cut = cleaned.slice(0, 31).replace(/[\ud800-\udbff]$/, "").replace(/'+$/, "");
  if (cut.toLowerCase() === "history") return `${cut}_`;
  return cut === "" ? fallback : cut;
}

/**
 * A name not yet taken (case-insensitively, as Excel compares): "汇总_2024", then "汇总_2024 (2)"…
 */
export function uniqueSheetName(wanted: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  if (!lower.has(wanted.toLowerCase())) return wanted;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = wanted.slice(0, 31 - suffix.length).replace(/[\ud800-\udbff]$/, "") + suffix;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}
