// UI state shared by the pane's components (the form itself is in form.ts).

import type { SourcePreview } from "../run";

/** What the pane knows of a slot's data: nothing yet, being read, understood, or the read failed unexpectedly. */
export type PreviewState =
  | { readonly status: "idle" }
  | { readonly status: "reading" }
  | { readonly status: "ready"; readonly preview: SourcePreview }
  | { readonly status: "failed"; readonly detail: string };

export const IDLE: PreviewState = { status: "idle" };
