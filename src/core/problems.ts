// Problems found in the input are values, not exceptions: a code, how serious it is, where
// (a cell location a person can go to) and the facts a message is built from.

/** Every kind of problem StatDesk reports. Messages for each live in ./messages. */
export type ProblemCode =
  // reading cells
  | "missing-value" // a value cell holds no number (reason says why)
  | "text-number" // a number stored as text was read
  | "percent-in-amount" // "12.5%" in an amount column
  | "negative-value" // a negative or zero amount in a ranking
  | "missing-name" // a row with a value but no enterprise name
  | "duplicate-enterprise" // the same enterprise twice in one year's list
  | "rank-order" // published ranks disagree with the values' order
  // finding tables
  | "empty-input" // nothing in the selection / file
  | "no-table" // no ranking, series or plan table recognised
  | "no-header" // no header row
  | "no-value-column" // a header without an amount column
  | "no-name-column" // a header without an enterprise column
  | "no-year" // the year could not be found anywhere
  | "no-rows" // a header but no data rows
  | "unit-assumed" // no unit given; 亿元 / 万平方米 assumed
  | "unit-converted" // one year's figures converted to the other's unit
  | "unit-unknown" // a unit StatDesk does not know
  | "several-value-columns" // several amount columns; one was used
  | "rows-skipped" // totals, footnotes or repeated headers skipped (one per table)
  | "wide-previous-partial" // wide table: the previous year's list holds only the companies listed
  // pairing years
  | "no-previous-year" // only one year: changes are blank
  | "years-not-consecutive" // the two years are not one apart
  | "extra-years" // more than two years: the latest two were compared
  | "year-listed-twice" // two lists for one year: the first was used
  | "period-mismatch" // H1 against full year etc.
  | "basis-mismatch" // the two years' lists name different bases (全口径 against 权益)
  | "unit-scale-mismatch" // the two years' figures are a thousand times apart: units differ
  | "top-incomplete" // fewer enterprises than N
  | "top-place-missing" // a published place within TOP-N has no usable figure
  | "national-below-top" // a TOP-N sum exceeds the national total: no concentration
  // one enterprise under two names (aliases.ts)
  | "alias-line-invalid" // a line of the alias list cannot be used (one name, extra cells, two unified names, a circle)
  | "alias-duplicate" // two rows of one list are one enterprise under the alias list
  | "alias-suggestion" // a newcomer's name is like a leaver's: the alias line that would merge them
  | "aliases-used" // the alias list read, and how many names it unified
  // options
  | "tier-bounds-empty"
  | "tier-bounds-not-number"
  | "tier-bounds-unordered"
  | "tier-bounds-duplicate"
  | "tier-bounds-negative"
  | "top-n-invalid"
  | "national-total-invalid"
  // series and plans
  | "series-no-periods" // an NBS-style table with no period header
  | "series-unknown-period" // a period label that could not be read
  | "series-gap-flagged" // computed and published growth rates differ by more than the tolerance
  | "series-january" // a January figure where NBS publishes none
  | "series-cumulative-fell" // a year-to-date figure below the month before's: a negative single month
  | "series-period-repeated" // one period column given twice: the first was used
  | "series-value-repeated" // two figures for one indicator and period: the first was used
  | "series-year-missing" // months without a year, and nothing (title, sheet, file, person) says the year
  | "series-period-missing" // a release or regional table whose title, sheet and file name say no period
  | "series-not-real-estate" // a row or column that is not a real-estate indicator (全社会固定资产投资): left out
  | "nbs-not-real-estate" // an NBS export of indicators StatDesk does not compute (CPI, M2)
  | "price-index-not-ours" // a house-price index table (70 cities: 环比, 同比): StatDesk computes no indices
  | "plan-no-plan" // a plan row without a usable (positive) planned figure
  | "plan-no-actual" // a plan row whose achieved figure is blank or unreadable
  | "plan-units-differ" // planned and achieved figures written in different units (套 against 户)
  // files
  | "file-unreadable"
  | "file-type"
  | "file-repeated" // the same input file given twice: read once
  | "csv-unclosed-quote" // a CSV field opens a quote that is never closed: it swallows the rest of the file
  | "formulas-without-results" // a workbook saved without the results of formulas StatDesk cannot compute
  | "file-unwritable" // the --out file cannot be created or written (detail says why)
  | "undecodable-text" // a text file holds bytes its encoding cannot decode (shown as U+FFFD)
  // the workbook (reported by the Excel layer)
  | "source-missing" // a source's sheet, table or name is gone
  | "source-address-invalid" // an address that is not A1 notation
  | "source-empty" // a source range holds no values
  | "output-name-invalid" // an output sheet name Excel would refuse
  | "output-name-taken" // the output name belongs to a sheet StatDesk did not write
  | "sheet-protected" // a sheet StatDesk must write is protected
  | "workbook-protected" // the workbook's structure is protected: no sheet can be added, renamed or deleted
  | "cell-edit-mode" // Excel is editing a cell and takes no change until the edit ends
  | "payload-too-large" // more than Excel on the web takes in one round trip, even in parts
  | "write-failed" // Excel refused a write; the previous summary is intact
  | "recovery-failed" // and cleaning up after it failed too
  | "verify-failed" // the written sheet does not read back as written
  | "decoration-skipped" // Excel refused a touch (freeze panes, a chart, print layout…) twice: left out, the summary stands
  | "leftover-sheet" // the summary stands, but the previous one's copy under a scratch name could not be deleted (WPS)
  | "excel-error" // any other error Excel reported
  | "run-busy"; // a run is already going

export type Severity = "error" | "warning" | "info";

/** Facts a message is made from: names, numbers, texts. */
export type ProblemParams = Readonly<Record<string, string | number>>;

export interface Problem {
  readonly code: ProblemCode;
  readonly severity: Severity;
  /** Where: "Sheet1!C17", "[book.xlsx]2024!C17", "ranking.csv!A115"; absent when nowhere in particular. */
  readonly location?: string;
  readonly params: ProblemParams;
}

/** Builds a problem; the params default to none. */
export function problem(code: ProblemCode, severity: Severity, location?: string, params: ProblemParams = {}): Problem {
  return location === undefined ? { code, severity, params } : { code, severity, location, params };
}

/** True when any problem stops the analysis. */
export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === "error");
}

/** Anything thrown that a host did not turn into a problem: a bug; said plainly, never swallowed. */
export function unexpectedProblem(error: unknown): Problem {
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return problem("excel-error", "error", undefined, { code: "Unexpected", detail });
}
