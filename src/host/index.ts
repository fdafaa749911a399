// The browser-safe entry of the in-memory workbook host (no Node APIs): the model, the host, the
// transport to install on the Excel client library, and .xlsx/.xls/.csv conversion.
// Node-only helpers live in node-client.ts (loading the client in a vm) and node-files.ts.

export * from "./address";
export { HostError } from "./errors";
export type { HostErrorCode } from "./errors";
export * from "./model";
export { WorkbookHost, DEFAULT_PAYLOAD_LIMIT, DEFAULT_MAX_CELLS_PER_READ, utf8Length } from "./host";
export type { HostOptions, HostStats, SyncRecord, FaultRule, ActionInfo, RequestBody, ResponseBody } from "./host";
export { sendRequest, installTransport, registerHost, unregisterHost, setDefaultHostUrl, HOST_URL_PREFIX } from "./transport";
export type { ClientRequest, ClientResponse, OfficeExtensionLike } from "./transport";
export { readCsv, parseCsv, decodeCsv, csvCell, sheetNameFromFile } from "./csv";
export { readXlsx, writeXlsx, dateToSerial, charsToPoints, pointsToChars } from "./xlsx";
export { readXls, XLS_MAX_ROWS, XLS_MAX_COLUMNS } from "./xls";
export { chartXml, chartFamily } from "./chart-xml";
export { deriveSeries } from "./charts";
export { cellValue } from "./formula";
export { parseInput, valueType, displayText, isErrorValue } from "./values";
export type { CellValue } from "./values";
