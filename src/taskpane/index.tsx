// The composition root of the task pane page: find the host at start (./host: WPS 表格 first,
// then Excel through Office.onReady) and mount the pane with services over that host's port.
// Opened outside both (or with Office.js blocked), the page says so and points to the workbench.

import { createRoot } from "react-dom/client";
import { paneLanguage, messages } from "../i18n";
import { OfficePort } from "../excel";
import type { SheetPort } from "../run";
import { paneHost } from "./host";
import { paneServices } from "./services";
import { PaneRoot } from "./App";

/** The version the build wrote into the page (<meta name="statdesk-version">). */
function buildVersion(): string {
  return document.querySelector('meta[name="statdesk-version"]')?.getAttribute("content") ?? "0.0.0";
}

function showUnavailable(container: HTMLElement): void {
  const language = paneLanguage(typeof navigator !== "undefined" ? navigator.language : undefined);
  container.setAttribute("lang", language);
  container.textContent = messages(language).officeUnavailable;
  container.setAttribute("role", "alert");
}

function mount(container: HTMLElement, port: SheetPort, displayLanguage: string | undefined): void {
  const language = paneLanguage(displayLanguage);
  document.documentElement.lang = language;
  createRoot(container).render(<PaneRoot services={paneServices(port, buildVersion())} language={language} />);
}

function start(): void {
  const container = document.getElementById("root");
  if (container === null) return;
  const host = paneHost(window);
  if (host.kind === "wps") {
    // WPS says nothing of its display language to a pane; the page's is the system's.
    mount(container, host.port, navigator.language);
    return;
  }
  if (host.kind === "none") {
    showUnavailable(container);
    return;
  }
  void Office.onReady((info) => {
    if (info.host !== Office.HostType.Excel) {
      showUnavailable(container);
      return;
    }
    const port = new OfficePort({
      run: (batch) => Excel.run(batch),
      isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
    });
    mount(container, port, Office.context.displayLanguage);
  });
}

start();
