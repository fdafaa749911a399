// Runs first, before any add-in module: gives the page the Office the pane expects (onReady,
// context, requirement sets) and routes Microsoft's Excel client to the in-memory hosts.

import { installTransport, OfficeExtensionLike } from "../host";
import { installOfficeShim, ShimmedContext } from "./office-shim";
import { initialLanguage } from "./strings";

export interface Boot {
  /** The language the page opens in. */
  readonly language: ReturnType<typeof initialLanguage>;
  /** Office.context as the shim answers it; undefined when the Excel client did not load. */
  readonly officeContext?: ShimmedContext;
  /** The client library's OfficeExtension, when it loaded. */
  readonly officeExtension?: OfficeExtensionLike;
}

function boot(): Boot {
  const language = initialLanguage(window.location.search, navigator.language);
  const officeExtension = (window as unknown as { OfficeExtension?: OfficeExtensionLike }).OfficeExtension;
  if (officeExtension === undefined) return { language };
  const officeContext = installOfficeShim(window, language);
  installTransport(officeExtension);
  return { language, officeContext, officeExtension };
}

export const booted: Boot = boot();
