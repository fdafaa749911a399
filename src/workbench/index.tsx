// The workbench's composition root: Office shimmed and the Excel client routed to the in-memory
// host (./boot, imported first), the sample workbook opened, and the real task pane mounted
// beside it with services over Excel.run — the same path the tests and Excel itself take.

import { booted } from "./boot";
import * as React from "react";
import { createRoot } from "react-dom/client";
import type { Language } from "../core/messages";
import { ExcelEnvironment, OfficePort } from "../excel";
import { setDefaultHostUrl } from "../host";
import { PaneRoot } from "../taskpane/App";
import { paneServices } from "../taskpane/services";
import { Workbench } from "./components/Workbench/Workbench";
import { hostSupports } from "./office-shim";
import { sampleWorkbook } from "./sample";
import { WorkbookSession } from "./session";
import { workbenchStrings } from "./strings";

/** The version the build wrote into the page (<meta name="statdesk-version">). */
function buildVersion(): string {
  return document.querySelector('meta[name="statdesk-version"]')?.getAttribute("content") ?? "0.0.0";
}

type Batch<T> = (context: Excel.RequestContext) => Promise<T>;

/** Excel.run against the workbook registered at `url` (the client's string-URL overload, not in its .d.ts). */
function runAt<T>(url: string, batch: Batch<T>): Promise<T> {
  return (Excel.run as unknown as (url: string, batch: Batch<T>) => Promise<T>)(url, batch);
}

/** The Excel environment of a session: its URL, and what the in-memory host supports. */
function environment(session: WorkbookSession): ExcelEnvironment {
  return { run: (batch) => runAt(session.url, batch), isSetSupported: hostSupports };
}

function renderPane(session: WorkbookSession, language: Language): React.ReactNode {
  return <PaneRoot services={paneServices(new OfficePort(environment(session)), buildVersion())} language={language} />;
}

function onLanguageChange(language: Language): void {
  if (booted.officeContext !== undefined) {
    booted.officeContext.displayLanguage = language;
    booted.officeContext.contentLanguage = language;
  }
  document.documentElement.lang = language;
  document.title = workbenchStrings(language).pageTitle;
}

function onSessionChange(session: WorkbookSession): void {
  // A plain Excel.run(batch) (no URL) reaches the open workbook too.
  if (booted.officeExtension !== undefined) setDefaultHostUrl(booted.officeExtension, session.url);
}

function start(): void {
  const container = document.getElementById("root");
  if (container === null) return;
  if (booted.officeExtension === undefined || typeof Excel === "undefined") {
    // The Excel client did not load (blocked or missing from the build): say so instead of a blank page.
    container.setAttribute("role", "alert");
    container.textContent = workbenchStrings(booted.language).clientMissing;
    return;
  }
  void Office.onReady(() => {
    createRoot(container).render(
      <Workbench initialLanguage={booted.language} sample={sampleWorkbook} renderPane={renderPane} onLanguageChange={onLanguageChange} onSessionChange={onSessionChange} />,
    );
  });
}

start();
