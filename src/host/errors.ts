// Errors the in-memory host reports to the Excel client, with the codes, messages and HTTP
// statuses Excel uses, so add-in code sees the same `error.code` it would see in Excel.

/** Codes that Excel (or Excel on the web) returns and that this host can produce. */
export type HostErrorCode =
  | "InvalidArgument"
  | "ItemNotFound"
  | "ItemAlreadyExists"
  | "AccessDenied"
  | "InvalidOperation"
  | "InvalidReference"
  | "GeneralException"
  | "NotImplemented"
  | "ApiNotFound"
  | "UnsupportedOperation"
  | "RequestPayloadSizeLimitExceeded"
  | "ResponsePayloadSizeLimitExceeded"
  | "RangeExceedsLimit"
  | "InvalidSelection"
  | (string & {});

/** Excel's own message and HTTP status for each code (used when a throw site gives none). */
const STANDARD: Record<string, { message: string; status: number }> = {
  InvalidArgument: { message: "The argument is invalid or missing or has an incorrect format.", status: 400 },
  ItemNotFound: { message: "The requested resource doesn't exist.", status: 404 },
  ItemAlreadyExists: { message: "A resource with the same name or identifier already exists.", status: 409 },
  AccessDenied: { message: "You cannot perform the requested operation.", status: 403 },
  InvalidOperation: { message: "The operation is invalid for the object or its current state.", status: 400 },
  InvalidReference: { message: "This reference isn't valid for the current operation.", status: 400 },
  GeneralException: { message: "There was an internal error while processing the request.", status: 500 },
  NotImplemented: { message: "The requested feature isn't implemented.", status: 501 },
  ApiNotFound: { message: "The API you are trying to use could not be found.", status: 404 },
  UnsupportedOperation: { message: "The operation being attempted is not supported.", status: 400 },
  RequestPayloadSizeLimitExceeded: {
    message:
      "The request payload size has exceeded the limit. Please refer to the documentation: https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins.",
    status: 400,
  },
  ResponsePayloadSizeLimitExceeded: {
    message:
      "The response payload size has exceeded the limit. Please refer to the documentation: https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins.",
    status: 400,
  },
  // Messages as in "Error handling with the application-specific JavaScript APIs" (the audit's [E]);
  // the HTTP statuses of these two are not documented (400: both are refusals of the request).
  RangeExceedsLimit: {
    message:
      "The cell count in the range has exceeded the maximum supported number. See the Resource limits and performance optimization for Office Add-ins article for more information.",
    status: 400,
  },
  InvalidSelection: { message: "The current selection is invalid for this operation.", status: 400 },
};

/** The standard message and status of a code (GeneralException's for unknown codes). */
export function standardError(code: string): { message: string; status: number } {
  return STANDARD[code] ?? { message: STANDARD.GeneralException.message, status: 500 };
}

/** An error raised while executing one action; the host turns it into the response's `Error`. */
export class HostError extends Error {
  readonly code: HostErrorCode;
  readonly httpStatusCode: number;
  /** Where it happened, in Excel's "Type.member" form ("Worksheets.GetItem", "Range.values"). */
  location?: string;

  constructor(code: HostErrorCode, message?: string, httpStatusCode?: number) {
    const standard = standardError(code);
    super(message ?? standard.message);
    this.name = "HostError";
    this.code = code;
    this.httpStatusCode = httpStatusCode ?? standard.status;
  }
}

/** Shorthands for the throw sites. */
export const invalidArgument = (detail?: string): HostError =>
  new HostError("InvalidArgument", detail ? `${standardError("InvalidArgument").message} (${detail})` : undefined);
export const itemNotFound = (): HostError => new HostError("ItemNotFound");
export const itemAlreadyExists = (): HostError => new HostError("ItemAlreadyExists");
export const accessDenied = (): HostError => new HostError("AccessDenied");
