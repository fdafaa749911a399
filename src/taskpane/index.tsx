// The composition root in Excel: when Office is ready, mount the pane with services over
// Excel.run in Office's display language. Opened outside Excel (or with Office.js blocked), the
// page says so instead of staying blank.

import { createRoot } from "react-dom/client";
import { paneLanguage, messages } from "../i18n";
import { ExcelEnvironment } from "../excel";
import { excelServices } from "./services";
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

function start(): void {
  const container = document.getElementById("root");
  if (container === null) return;
  if (typeof Office === "undefined") {
    showUnavailable(container);
    return;
  }
  void Office.onReady((info) => {
    if (info.host !== Office.HostType.Excel) {
      showUnavailable(container);
      return;
    }
    const language = paneLanguage(Office.context.displayLanguage);
    document.documentElement.lang = language;
    const env: ExcelEnvironment = {
      run: (batch) => Excel.run(batch),
      isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
    };
    createRoot(container).render(<PaneRoot services={excelServices(env, buildVersion())} language={language} />);
  });
}

start();
