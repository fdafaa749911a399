// Which host the task pane page runs in, decided once at start: WPS 表格 first (it does not run
// Office.js, and a page that saw both globals must not wait on Office.onReady; wps-addin.md §1,
// after pi-for-excel's order), then Excel when Office.js is on the page, else neither — the
// page then says so and points to the workbench.

import { WpsPort, wpsApplication } from "../wps";
import type { SheetPort } from "../run";

export type PaneHost =
  | { readonly kind: "wps"; readonly port: SheetPort }
  /** Office.js is on the page: Office.onReady says whether it is Excel. */
  | { readonly kind: "office" }
  | { readonly kind: "none" };

/** The host the page's globals show. */
export function paneHost(globals: object): PaneHost {
  const et = wpsApplication(globals);
  if (et !== undefined) return { kind: "wps", port: new WpsPort(et) };
  return (globals as { Office?: unknown }).Office !== undefined ? { kind: "office" } : { kind: "none" };
}
