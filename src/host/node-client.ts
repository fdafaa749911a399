// Loads Microsoft's Excel JavaScript client (the debug build shipped in @microsoft/office-js) into a
// Node `vm` context with a minimal window shim, and connects it to in-memory hosts.

import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import type { WorkbookHost } from "./host";
import { OfficeExtensionLike, installTransport, registerHost, setDefaultHostUrl, unregisterHost } from "./transport";

export interface ExcelClientLibrary {
  Excel: typeof Excel;
  OfficeExtension: typeof OfficeExtension;
}

/** Runs a batch against one workbook, as `Excel.run` does. */
export type ContextRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

let cached: ExcelClientLibrary | undefined;

/** Path of the client library file. */
export function excelClientPath(): string {
  return path.join(path.dirname(require.resolve("@microsoft/office-js/package.json")), "dist", "excel-web-16.00.debug.js");
}

/** Loads the client once per JavaScript realm (each jest test file gets its own) and returns it. */
export function loadExcelClient(): ExcelClientLibrary {
  if (cached) return cached;
  const source = fs.readFileSync(excelClientPath(), "utf8");
  const sandbox: Record<string, unknown> = {
    console,
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    Promise,
    JSON,
    navigator: { userAgent: "Node.js" },
    location: { protocol: "https:", hash: "", search: "", href: "https://localhost/", origin: "https://localhost", hostname: "localhost", port: "" },
    document: {
      createElement: () => ({ style: {}, setAttribute() {}, appendChild() {} }),
      addEventListener() {},
      querySelectorAll: () => [],
      getElementById: () => null,
      body: null,
      domain: "localhost",
      readyState: "complete",
      hasFocus: () => false,
    },
    addEventListener() {},
    removeEventListener() {},
  };
  sandbox.window = sandbox;
  sandbox.self = sandbox;
  vm.createContext(sandbox);
  vm.runInContext(source, sandbox, { filename: "excel-web-16.00.debug.js" });
  const lib = { Excel: sandbox.Excel, OfficeExtension: sandbox.OfficeExtension } as ExcelClientLibrary;
  if (!lib.Excel || !lib.OfficeExtension) throw new Error("The Excel client library did not define Excel and OfficeExtension.");
  installTransport(lib.OfficeExtension as unknown as OfficeExtensionLike);
  cached = lib;
  return lib;
}

/** A runner whose batches reach `host`; `disconnect()` forgets the registration. */
export interface HostConnection {
  run: ContextRunner;
  url: string;
  disconnect(): void;
}

/** Registers `host` under a unique URL and returns a runner: `(batch) => Excel.run(url, batch)`. */
export function connectHost(lib: ExcelClientLibrary, host: WorkbookHost): ContextRunner {
  return connect(lib, host).run;
}

/** Like connectHost, also giving the URL and a way to unregister. */
export function connect(lib: ExcelClientLibrary, host: WorkbookHost): HostConnection {
  installTransport(lib.OfficeExtension as unknown as OfficeExtensionLike);
  const url = registerHost(host);
  const run: ContextRunner = (batch) => lib.Excel.run(url as never, batch as never) as never;
  return { run, url, disconnect: () => unregisterHost(url) };
}

/** Makes plain `Excel.run(batch)` in this library reach `host` (add-in code that passes no URL). */
export function makeDefaultHost(lib: ExcelClientLibrary, host: WorkbookHost): HostConnection {
  const connection = connect(lib, host);
  setDefaultHostUrl(lib.OfficeExtension as unknown as OfficeExtensionLike, connection.url);
  return connection;
}
