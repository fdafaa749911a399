// The command line's words: `statdesk summarize <file ...> [options]`, read into a plain object,
// or a usage error saying which argument is wrong.

import { Language, problemMessage } from "../core/messages";
import { NationalTotal, parseNationalTotal, resolveOptions } from "../core/options";
import { problem } from "../core/problems";
import { RoundingRule } from "../core/rounding";
import { sheetNameProblem } from "../core/sheet-name";
import { ColourConvention } from "../core/summary/build";
import { TIER_PRESETS } from "../core/tiers";

export interface SummarizeArgs {
  readonly command: "summarize";
  readonly files: readonly string[];
  readonly json: boolean;
  readonly out?: string;
  /** National sales (亿元) this year and, when given, last year. */
  readonly nationalTotal?: NationalTotal;
  readonly tiers?: string;
  readonly top?: string;
  readonly language: Language;
  readonly rounding: RoundingRule;
  readonly colours: ColourConvention;
  readonly sheetName: string;
  readonly singleMonths: boolean;
  /** --values: the summary's figures as plain numbers instead of formulas on the source cells. */
  readonly valuesOnly: boolean;
  /** --hide-data: the rows of the live summary's data block hidden. */
  readonly hideData: boolean;
  /** The year of tables whose months say none ("12, 11, … 2"); StatDesk never guesses it. */
  readonly year?: number;
  /** A CSV of 名称,统一名称 lines: names unified before years are compared. */
  readonly aliases?: string;
  /** Which layer writes the summary: Excel's (Microsoft's client against the host) or WPS's (the stand-in ET). */
  readonly via: "excel" | "wps";
}


export type ParsedArgs = SummarizeArgs | { readonly command: "help" } | { readonly command: "version" } | { readonly command: "usage-error"; readonly message: string };

export const USAGE = `Usage: statdesk summarize <file ...> [options]

Reads rankings (TOP100/TOP200 lists), NBS sales series and plan tables from .csv (UTF-8, with or
without BOM, GBK/GB18030, or UTF-16 with BOM), .xlsx and .xls (Excel 97-2003) files (every sheet), pairs years and prints
the summary. An input file in which no table is found is named in the notes.

Options:
  --json                   print the summary as JSON (numbers unrounded)
  --out <file.xlsx>        also write a workbook: the inputs plus the formatted summary sheet
  --national-total <x[;y]> national new-home sales (亿元) this year [and last year], for concentration.
                           The two years are separated by ";", "；", "/" or a space, or by a comma
                           when the text is not one number with thousands separators: a comma
                           followed by exactly three digits groups thousands. So 96,750 is one
                           value, 96750,116622 and 96,750;116,622 are two, 1,2,3 is refused.
  --tiers <preset|bounds>  cia2023 (default), cia2020, or ascending bounds such as 100,300,500,1000
  --top <list>             TOP-N list, default 10,30,50,100
  --lang <zh-CN|en-US>     language of messages, sheet and text (default: from LANG, else en-US)
  --rounding <rule>        half-away (四舍五入, default) or half-even (GB/T 8170)
  --colours <convention>   red-up (红涨绿跌, default) or green-up
  --sheet-name <name>      name of the summary sheet (default 汇总_YYYY / Summary_YYYY)
  --single-months          derive single months from cumulative NBS figures
  --values                 write the summary's figures as values, not as formulas on the source
                           cells (for a sheet sent outside); formulas are the default
  --hide-data              hide the rows below the tables that the formulas reference where a
                           source cannot be referenced as it is (shown by default)
  --year <YYYY>            the year of tables that give months without one (12, 11, … 2 or
                           1-2月); StatDesk never guesses a year and refuses such a table without it
  --aliases <file.csv>     one enterprise under two names: lines of 名称,统一名称 (name,unified
                           name; a header line 名称,统一名称 and lines starting with # are passed
                           over). Names are unified before years are compared; without the file
                           StatDesk merges no names and only notes likely pairs. It takes the
                           place of an alias sheet (别名, StatDesk_别名) in the input workbooks
  --via <excel|wps>        which of StatDesk's layers writes the summary: excel (default: the
                           Office.js code the Excel add-in runs) or wps (the WPS 表格 adapter, run
                           against StatDesk's stand-in for WPS's object model); both write the
                           same summary sheet, WPS keeping the analyses on a hidden sheet
  -h, --help               this text
  -v, --version            the version

Exit status: 0 success; 1 the input cannot be summarised (the message names file, sheet and cell),
an input file cannot be read, a line of the --aliases file cannot be used (the message names the
file and line), or writing --out failed (the previous file is then left as it was); 2 usage
error: an unknown option, a bad option value, an --aliases file that does not exist or is not a
file, or an --out file that cannot be created (its folder is missing or not writable, or it names
a folder). Usage errors are found before anything is read or computed.`;

const VALUE_OPTIONS = new Set(["--out", "--national-total", "--tiers", "--top", "--lang", "--rounding", "--colours", "--colors", "--sheet-name", "--year", "--aliases", "--via"]);

/** The default language: Chinese when the environment's locale is, else English. */
export function defaultLanguage(env: Readonly<Record<string, string | undefined>>): Language {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return /^zh/i.test(locale) ? "zh-CN" : "en-US";
}

/** The command line's own messages about option values, in the language of --lang. */
const VALUE_MESSAGES = {
  "en-US": {
    tierPreset: (text: string, presets: string) => `--tiers: "${text}" is not a preset; the presets are ${presets}, or give ascending bounds such as 100,300,500,1000.`,
    nationalCount: (text: string) => `--national-total takes at most two values, this year and last year ("${text}"). Separate them with ";" and write thousands as 96,750.`,
    nationalNumber: (text: string) => `--national-total must be one or two positive numbers in 亿元, such as 96750 or 96,750;116,622 ("${text}").`,
  },
  "zh-CN": {
    tierPreset: (text: string, presets: string) => `--tiers：“${text}”不是预设方案；可用的预设为 ${presets}，或给出从小到大的分界值，如 100,300,500,1000。`,
    nationalCount: (text: string) => `--national-total 最多两个值：本年和上年（“${text}”）。两个值用“;”分隔，千位分隔写作 96,750。`,
    nationalNumber: (text: string) => `--national-total 须为一个或两个正数（亿元），如 96750 或 96,750;116,622（“${text}”）。`,
  },
} as const;

/** Why the values of --tiers, --top, --national-total (as read) or --sheet-name cannot be used, or undefined. */
function optionValueError(values: ReadonlyMap<string, string>, nationalTotal: ReturnType<typeof parseNationalTotal> | undefined, language: Language): string | undefined {
  const say = VALUE_MESSAGES[language];
  const tiers = values.get("--tiers");
  if (tiers !== undefined && /[a-z]/i.test(tiers) && !(tiers.trim() in TIER_PRESETS)) {
    return say.tierPreset(tiers, Object.keys(TIER_PRESETS).join(", "));
  }
  // The same checks the analysis makes, made here so a bad value is a usage error found up front.
  const { problems } = resolveOptions({ ...(tiers !== undefined ? { tiers } : {}), ...(values.has("--top") ? { topN: values.get("--top") } : {}) });
  if (problems.length > 0) return `--${problems[0].location === "top" ? "top" : "tiers"}: ${problemMessage(problems[0], language)}`;
  const national = values.get("--national-total") ?? "";
  if (nationalTotal === "too-many") return say.nationalCount(national);
  if (nationalTotal === "not-number") return say.nationalNumber(national);
  const sheetName = values.get("--sheet-name");
  if (sheetName !== undefined && sheetName.trim() !== "" && sheetNameProblem(sheetName.trim()) !== undefined) {
    return `--sheet-name: ${problemMessage(problem("output-name-invalid", "error", undefined, { name: sheetName.trim() }), language)}`;
  }
  return undefined;
}

/** Reads the arguments after `statdesk`. */
export function parseArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>> = {}): ParsedArgs {
  if (argv.length === 0) return { command: "usage-error", message: "missing command: statdesk summarize <file ...>" };
  if (argv.includes("-h") || argv.includes("--help")) return { command: "help" };
  if (argv[0] === "-v" || argv[0] === "--version") return { command: "version" };
  if (argv[0] !== "summarize") return { command: "usage-error", message: `unknown command "${argv[0]}" (the command is "summarize")` };

  const files: string[] = [];
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (VALUE_OPTIONS.has(name)) {
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || (eq < 0 && value.startsWith("--"))) return { command: "usage-error", message: `${name} needs a value` };
      values.set(name === "--colors" ? "--colours" : name, value);
    } else if (arg === "--json" || arg === "--single-months" || arg === "--values" || arg === "--hide-data") {
      flags.add(arg);
    } else if (arg.startsWith("-")) {
      return { command: "usage-error", message: `unknown option ${arg}` };
    } else {
      files.push(arg);
    }
  }
  if (files.length === 0) return { command: "usage-error", message: "no input files: statdesk summarize <file ...>" };

  const lang = values.get("--lang") ?? defaultLanguage(env);
  if (lang !== "zh-CN" && lang !== "en-US") return { command: "usage-error", message: `--lang must be zh-CN or en-US, not "${lang}"` };
  const rounding = values.get("--rounding") ?? "half-away";
  if (rounding !== "half-away" && rounding !== "half-even") return { command: "usage-error", message: `--rounding must be half-away or half-even, not "${rounding}"` };
  const colours = values.get("--colours") ?? "red-up";
  if (colours !== "red-up" && colours !== "green-up") return { command: "usage-error", message: `--colours must be red-up or green-up, not "${colours}"` };
  const via = values.get("--via") ?? "excel";
  if (via !== "excel" && via !== "wps") return { command: "usage-error", message: `--via must be excel or wps, not "${via}"` };
  const out = values.get("--out");
  const yearText = values.get("--year");
  const year = yearText === undefined ? undefined : Number(yearText.trim());
  if (yearText !== undefined && !(/^\d{4}$/.test(yearText.trim()) && year! >= 1900 && year! <= 2100)) {
    return { command: "usage-error", message: `--year must be a four-digit year from 1900 to 2100, not "${yearText}"` };
  }
  if (flags.has("--values") && flags.has("--hide-data")) {
    return { command: "usage-error", message: "--hide-data hides the rows a live summary's formulas reference; a --values summary has none (choose one)" };
  }
  if (out !== undefined && !/\.xlsx$/i.test(out)) return { command: "usage-error", message: `--out must name an .xlsx file, not "${out}"` };
  const national = values.get("--national-total");
  const nationalTotal = national === undefined ? undefined : parseNationalTotal(national);
  const valueError = optionValueError(values, nationalTotal, lang);
  if (valueError !== undefined) return { command: "usage-error", message: valueError };

  return {
    command: "summarize",
    files,
    json: flags.has("--json"),
    ...(out !== undefined ? { out } : {}),
    ...(typeof nationalTotal === "object" ? { nationalTotal } : {}),
    ...(values.has("--tiers") ? { tiers: values.get("--tiers") } : {}),
    ...(values.has("--top") ? { top: values.get("--top") } : {}),
    language: lang,
    rounding,
    colours,
    sheetName: values.get("--sheet-name") ?? "",
    singleMonths: flags.has("--single-months"),
    valuesOnly: flags.has("--values"),
    hideData: flags.has("--hide-data"),
    ...(year !== undefined ? { year } : {}),
    ...(values.has("--aliases") ? { aliases: values.get("--aliases") } : {}),
    via,
  };
}
