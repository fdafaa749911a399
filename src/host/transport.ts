// The transport between Microsoft's Excel JS client and in-memory hosts, free of Node and DOM
// APIs: the same `sendRequest` is installed with OfficeExtension.HttpUtility.setCustomSendRequestFunc
// in Node (node-client.ts) and in the browser workbench (on the library from a <script> tag).

import type { RequestBody, WorkbookHost } from "./host";

/** The request object the client hands to the custom send function (its body is an object). */
export interface ClientRequest {
  method?: string;
  url: string;
  headers?: Record<string, string>;
  body: unknown;
}

export interface ClientResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: unknown;
}

/** The parts of the client library the transport touches (typed loosely: they are not in the .d.ts). */
export interface OfficeExtensionLike {
  HttpUtility: { setCustomSendRequestFunc(fn: (req: ClientRequest) => Promise<ClientResponse>): void };
  ClientRequestContext: { defaultRequestUrlAndHeaders?: unknown };
  Utility?: { _synchronousCleanup?: boolean };
}

const hosts = new Map<string, WorkbookHost>();
let counter = 0;

/** Base URL under which every in-memory workbook is registered. */
export const HOST_URL_PREFIX = "https://statdesk.invalid/workbook/";

/** Registers a host under a new unique URL and returns that URL (the context URL for Excel.run). */
export function registerHost(host: WorkbookHost): string {
  const url = `${HOST_URL_PREFIX}${++counter}`;
  hosts.set(url, host);
  return url;
}

/** Removes a host registration (later requests to its URL fail with 404). */
export function unregisterHost(url: string): void {
  hosts.delete(url);
}

/**
 * The custom send function: routes `<url>/ProcessQuery?flags=n` to the host registered at
 * `<url>` and answers `{statusCode:200, body}`; an unknown URL answers 404 with a JSON error.
 */
export async function sendRequest(req: ClientRequest): Promise<ClientResponse> {
  const base = String(req.url).replace(/\/ProcessQuery(\?.*)?$/, "");
  const host = hosts.get(base);
  if (!host) {
    return {
      statusCode: 404,
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ error: { code: "ItemNotFound", message: `No in-memory workbook is registered at ${base}.` } }),
    };
  }
  const body = (typeof req.body === "string" ? JSON.parse(req.body) : req.body) as RequestBody;
  const response = await host.handle(body);
  return { statusCode: 200, headers: { "Content-Type": "application/json" }, body: response };
}

const installed = new WeakSet<object>();

/**
 * Installs `sendRequest` on a client library instance (once). Clean-up after Excel.run is made
 * synchronous so that Excel.run settles only after its `_RemoveReference` request is answered:
 * no request is left in flight when a test ends.
 */
export function installTransport(officeExtension: OfficeExtensionLike): void {
  if (installed.has(officeExtension)) return;
  officeExtension.HttpUtility.setCustomSendRequestFunc(sendRequest);
  if (officeExtension.Utility) officeExtension.Utility._synchronousCleanup = true;
  installed.add(officeExtension);
}

/** Makes a plain `Excel.run(batch)` (no URL) reach the host registered at `url`. */
export function setDefaultHostUrl(officeExtension: OfficeExtensionLike, url: string | undefined): void {
  officeExtension.ClientRequestContext.defaultRequestUrlAndHeaders = url;
}
