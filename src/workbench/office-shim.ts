// Office as the task pane expects to find it, on a page that loads only Microsoft's Excel client
// (excel-web-16.00.js): that file defines Excel and OfficeExtension but no Office.onReady, and
// Office.context is a getter that asks OSF._OfficeAppFactory (excel-client-protocol.md §12).
// Loading office.js as well breaks Excel, so the rest of Office is provided here.

/** What the in-memory host implements of Excel's requirement sets. */
const SUPPORTED: Readonly<Record<string, string>> = { ExcelApi: "1.9" };

/** Compares dotted versions numerically ("1.10" > "1.9"). */
function versionAtMost(version: string, limit: string): boolean {
  const a = version.split(".").map(Number);
  const b = limit.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x < y;
  }
  return true;
}

/**
 * Office.context.requirements.isSetSupported for the in-memory host: ExcelApi up to 1.9 (sheet
 * tab colours 1.7, chart number formats 1.8, page layout 1.9), nothing else.
 * Example: hostSupports("ExcelApi", "1.7") // => true
 */
export function hostSupports(name: string, version?: string): boolean {
  const limit = SUPPORTED[name];
  if (limit === undefined) return false;
  return version === undefined || version === "" || versionAtMost(version, limit);
}

interface OfficeGlobals {
  Office?: Record<string, unknown>;
  OSF?: Record<string, unknown>;
}

/** The Office context the shim answers with; its language follows the workbench's switch. */
export interface ShimmedContext {
  displayLanguage: string;
  contentLanguage: string;
  readonly requirements: { isSetSupported(name: string, version?: string): boolean };
  readonly diagnostics: { host: string; platform: string; version: string };
}

/**
 * Installs Office.onReady (resolving {host: "Excel", platform: "OfficeOnline"}), the HostType and
 * PlatformType values an add-in compares with, and Office.context through OSF._OfficeAppFactory.
 * Returns the context, so the page can change its display language later.
 */
export function installOfficeShim(globals: object, displayLanguage: string): ShimmedContext {
  const g = globals as OfficeGlobals;
  const office = (g.Office ??= {});
  const info = { host: "Excel", platform: "OfficeOnline" };
  office.onReady = (callback?: (i: typeof info) => void) => {
    callback?.(info);
    return Promise.resolve(info);
  };
  // The enums are not in excel-web-16.00.js; the add-in compares with these two values.
  office.HostType ??= { Excel: "Excel" };
  office.PlatformType ??= { OfficeOnline: "OfficeOnline" };
  const context: ShimmedContext = {
    displayLanguage,
    contentLanguage: displayLanguage,
    requirements: { isSetSupported: hostSupports },
    diagnostics: { host: "Excel", platform: "OfficeOnline", version: "16.0" },
  };
  const osf = (g.OSF ??= {});
  osf._OfficeAppFactory = {
    getContext: () => context,
    getHostInfo: () => ({ hostType: "excel", hostPlatform: "web", isDialog: false }),
  };
  return context;
}
