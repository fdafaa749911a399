// Office errors turned into problems a person can act on. The Excel layer is the only place that
// catches them; it keeps Excel's code and debug location for support, and says what to do.

import { Problem, problem } from "../core/problems";

/** The fields of OfficeExtension.Error that StatDesk reads (the class lives in another realm in tests). */
export interface OfficeErrorLike {
  readonly code: string;
  readonly message: string;
  readonly traceMessages?: readonly string[];
  readonly debugInfo?: { readonly errorLocation?: string; readonly statement?: string; readonly code?: string };
}

/** Is this an error Excel's client raised (rather than a bug of ours)? */
export function isOfficeError(error: unknown): error is OfficeErrorLike {
  return (
    typeof error === "object" &&
    error !== null &&
    typeof (error as { code?: unknown }).code === "string" &&
    typeof (error as { message?: unknown }).message === "string"
  );
}

/** The last trace marker the batch reached before it failed (markers are set with context.trace). */
export function lastTrace(error: OfficeErrorLike): string | undefined {
  const traces = error.traceMessages ?? [];
  return traces.length > 0 ? traces[traces.length - 1] : undefined;
}

const PAYLOAD = new Set(["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded"]);

/** Is this Excel on the web refusing a round trip for its size? */
export function isPayloadError(error: unknown): boolean {
  return isOfficeError(error) && PAYLOAD.has(error.code);
}

/**
 * Is this Excel refusing to read a range for its number of cells? "On all platforms, a range is
 * limited to five million cells for get operations", answered with RangeExceedsLimit (Microsoft's
 * "Resource limits and performance optimization" and "Error handling…"; excel-fidelity-audit.md
 * row 6). Reading fewer rows at a time is the remedy, as for a payload refusal.
 */
export function isCellLimitError(error: unknown): boolean {
  return isOfficeError(error) && error.code === "RangeExceedsLimit";
}

/** Is this a refusal for size that a read in smaller blocks avoids (payload or cell count)? */
export function isReadSizeError(error: unknown): boolean {
  return isPayloadError(error) || isCellLimitError(error);
}

/** Where a refusal means the workbook's structure: adding, renaming, moving, hiding or deleting a sheet. */
const STRUCTURE_LOCATION = /^worksheet(?:s|collection)?\.(?:add|name|position|visibility|delete)$/i;

/**
 * The problem for a change to the workbook's sheets that Excel refused because the workbook's
 * structure is protected (Review > Protect Workbook), or undefined for any other error. Excel's
 * code for it is undocumented (excel-fidelity-audit.md row 35); it refuses protected changes with
 * AccessDenied (office-js #6784), which a sheet's own protection never gives for these members
 * (a protected sheet can still be renamed, office-js #325) — so it is not "sheet-protected".
 */
export function structureProblem(error: OfficeErrorLike): Problem | undefined {
  const where = error.debugInfo?.errorLocation ?? "";
  if (error.code !== "AccessDenied" || !STRUCTURE_LOCATION.test(where)) return undefined;
  return problem("workbook-protected", "error", undefined, { code: error.code, detail: `${error.message} (${where})` });
}

/** A problem for any Office error, with Excel's code and where in the batch it failed. */
export function officeProblem(error: OfficeErrorLike, location?: string): Problem {
  const structure = structureProblem(error);
  if (structure !== undefined) return structure;
  // While a cell is being edited Excel refuses every batch with this code (excel-fidelity-audit.md
  // row 42; Excel.ErrorCodes.invalidOperationInCellEditMode): the person only has to end the edit.
  if (error.code === "InvalidOperationInCellEditMode") return problem("cell-edit-mode", "error", location, { code: error.code });
  const where = error.debugInfo?.errorLocation;
  return problem("excel-error", "error", location, { code: error.code, detail: where ? `${error.message} (${where})` : error.message });
}
