// The command line's words: `statdesk summarize <file ...> [options]`, read into a plain object,
// or a usage error saying which argument is wrong.

import { Language } from "../core/messages";
import { RoundingRule } from "../core/rounding";
import { ColourConvention } from "../core/summary/build";

export interface SummarizeArgs {
  readonly command: "summarize";
  readonly files: readonly string[];
  readonly json: boolean;
  readonly out?: string;
  readonly nationalTotal?: string;
  readonly tiers?: string;
  readonly top?: string;
  readonly language: Language;
  readonly rounding: RoundingRule;
  readonly colours: ColourConvention;
  readonly sheetName: string;
  readonly singleMonths: boolean;
}

export type ParsedArgs = SummarizeArgs | { readonly command: "help" } | { readonly command: "version" } | { readonly command: "usage-error"; readonly message: string };

export const USAGE = `Usage: statdesk summarize <file ...> [options]

Reads rankings (TOP100/TOP200 lists), NBS sales series and plan tables from .csv (UTF-8, with or
without BOM, or GBK) and .xlsx files (every sheet), pairs years and prints the summary.

Options:
  --json                   print the summary as JSON (numbers unrounded)
  --out <file.xlsx>        also write a workbook: the inputs plus the formatted summary sheet
  --national-total <x[,y]> national new-home sales (亿元) this year [and last year], for concentration
  --tiers <preset|bounds>  cia2023 (default), cia2020, or ascending bounds such as 100,300,500,1000
  --top <list>             TOP-N list, default 10,30,50,100
  --lang <zh-CN|en-US>     language of messages, sheet and text (default: from LANG, else en-US)
  --rounding <rule>        half-away (四舍五入, default) or half-even (GB/T 8170)
  --colours <convention>   red-up (红涨绿跌, default) or green-up
  --sheet-name <name>      name of the summary sheet (default 汇总_YYYY / Summary_YYYY)
  --single-months          derive single months from cumulative NBS figures
  -h, --help               this text
  -v, --version            the version

Exit status: 0 success; 1 the input cannot be summarised (the message names file, sheet and cell);
2 usage error.`;

const VALUE_OPTIONS = new Set(["--out", "--national-total", "--tiers", "--top", "--lang", "--rounding", "--colours", "--colors", "--sheet-name"]);

/** The default language: Chinese when the environment's locale is, else English. */
export function defaultLanguage(env: Readonly<Record<string, string | undefined>>): Language {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return /^zh/i.test(locale) ? "zh-CN" : "en-US";
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
    } else if (arg === "--json" || arg === "--single-months") {
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
  const out = values.get("--out");
  if (out !== undefined && !/\.xlsx$/i.test(out)) return { command: "usage-error", message: `--out must name an .xlsx file, not "${out}"` };

  return {
    command: "summarize",
    files,
    json: flags.has("--json"),
    ...(out !== undefined ? { out } : {}),
    ...(values.has("--national-total") ? { nationalTotal: values.get("--national-total") } : {}),
    ...(values.has("--tiers") ? { tiers: values.get("--tiers") } : {}),
    ...(values.has("--top") ? { top: values.get("--top") } : {}),
    language: lang,
    rounding,
    colours,
    sheetName: values.get("--sheet-name") ?? "",
    singleMonths: flags.has("--single-months"),
  };
}
