// The add-in's entry script in WPS 表格 (built to js/ribbon.js, loaded by main.js from the hidden
// index.html): the callbacks ribbon.xml names. WPS looks them up by name on window, as
// "ribbon.OnAction" or bare depending on the template (wps-addin.md §2.1), so both spellings are
// set, OnAddInLoad beside OnAddinLoad too. They stay synchronous: async ribbon callbacks stopped
// the ribbon from appearing in WPS 12.1.0.23542 (§2.2, "Trust and first run").

/** The add-in surface of WPS's Application the ribbon uses (et-jsapi-declare index.d.ts). */
export interface WpsAddinHost {
  CreateTaskPane(url: string, title?: string): WpsTaskPane;
  GetTaskPane(id: number): WpsTaskPane;
  /** Shared by the add-in's pages, not persisted (§2.1, "Shared state"). */
  readonly PluginStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void };
}

export interface WpsTaskPane {
  readonly ID: number;
  Visible: boolean;
  /** msoCTPDockPositionLeft 0, …Right 2 (§2.1, "Task pane"). */
  DockPosition: number;
  Width: number;
}

/** The ribbon button that opens the pane (ribbon.xml's id). */
export const OPEN_PANE_BUTTON = "StatDeskOpenPane";
const PANE_KEY = "statdesk.taskpane";
const DOCK_RIGHT = 2;
/** Wide enough for the pane's form without a horizontal scroll (the Excel manifest's pane is the same page). */
const PANE_WIDTH = 420;

/**
 * The pane's page beside the entry page: ui/taskpane.html under the add-in's base, which is the
 * server in online mode and jsaddons/<name>_<version>/ when installed offline.
 */
export function paneUrl(entry: string): string {
  return new URL("ui/taskpane.html", entry).href;
}

/**
 * Opens the task pane, or shows it again: one pane per add-in, found by the id kept in
 * PluginStorage (a pane closed with its ✕ is hidden, not gone).
 */
export function openPane(app: WpsAddinHost, entry: string): WpsTaskPane {
  const id = app.PluginStorage.getItem(PANE_KEY);
  if (id !== null && id !== "") {
    try {
      const pane = app.GetTaskPane(Number(id));
      pane.Visible = true;
      return pane;
    } catch {
      // A pane WPS no longer knows (a restart keeps PluginStorage's value only within the session): make a new one.
    }
  }
  const pane = app.CreateTaskPane(paneUrl(entry), "统计助手");
  pane.DockPosition = DOCK_RIGHT;
  pane.Width = PANE_WIDTH;
  pane.Visible = true;
  app.PluginStorage.setItem(PANE_KEY, String(pane.ID));
  return pane;
}

interface RibbonGlobals {
  Application?: WpsAddinHost;
  wps?: WpsAddinHost;
  location: { href: string };
  [name: string]: unknown;
}

/** The callbacks ribbon.xml names, over the page's globals. */
export function ribbonCallbacks(globals: RibbonGlobals) {
  const host = (): WpsAddinHost => {
    const app = globals.Application ?? globals.wps;
    if (app === undefined) throw new Error("StatDesk's ribbon runs inside WPS 表格: no Application on this page.");
    return app;
  };
  return {
    OnAddinLoad: (): boolean => true,
    OnAction: (control: { Id?: string; id?: string } | undefined): boolean => {
      const id = control?.Id ?? control?.id;
      if (id === OPEN_PANE_BUTTON) openPane(host(), globals.location.href);
      return true;
    },
    GetImage: (): string => "images/statdesk-32.png",
    OnGetEnabled: (): boolean => true,
    OnGetVisible: (): boolean => true,
  };
}

/** Sets the callbacks on the page, under `ribbon.` and bare, with both spellings of OnAddinLoad. */
export function installRibbon(globals: RibbonGlobals): void {
  const callbacks = ribbonCallbacks(globals);
  const all = { ...callbacks, OnAddInLoad: callbacks.OnAddinLoad };
  globals.ribbon = all;
  for (const [name, callback] of Object.entries(all)) globals[name] = callback;
}

// In WPS this file is the entry script; under tests it is imported and nothing is installed.
if (typeof window !== "undefined" && typeof document !== "undefined" && document.currentScript !== null) installRibbon(window as unknown as RibbonGlobals);
