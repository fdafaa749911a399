// Finding WPS 表格's ET Application from a page WPS opened (a task pane or the add-in's entry
// page): the global `Application` (also `window.Application`), or the older `wps.EtApplication()`
// function, which throws in 文字 and 演示 (wps-addin.md §2.3, "Entry point"). Nothing here is
// called outside WPS: a plain browser has neither global.

import { EtApplication } from "./et";

interface WpsGlobals {
  readonly Application?: unknown;
  readonly wps?: { readonly EtApplication?: unknown; readonly Application?: unknown };
}

/** Is this ET's Application (表格), not 文字's or 演示's? ET's has ActiveWorkbook; the others ActiveDocument / ActivePresentation. */
function isEt(app: unknown): app is EtApplication {
  if (typeof app !== "object" || app === null) return false;
  try {
    // A property read is a call into WPS; an Application of another WPS app has no such member.
    return (app as { ActiveWorkbook?: unknown }).ActiveWorkbook !== undefined;
  } catch {
    return false;
  }
}

/**
 * ET's Application when the page runs inside WPS 表格, else undefined. pi-for-excel's order
 * (wps-addin.md §2.3): `wps.EtApplication()` first, then the global `Application`.
 */
export function wpsApplication(globals: object): EtApplication | undefined {
  const g = globals as WpsGlobals;
  const factory = g.wps?.EtApplication;
  if (typeof factory === "function") {
    try {
      const app: unknown = (factory as () => unknown).call(g.wps);
      if (isEt(app)) return app;
    } catch {
      // 文字 and 演示 throw here; the global below says which app this is.
    }
  }
  for (const app of [g.Application, g.wps?.Application]) if (isEt(app)) return app;
  return undefined;
}
