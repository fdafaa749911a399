// Every service call the pane makes goes through `guarded`: an exception (a bug, a lost
// connection to Excel) becomes a value the pane shows in the person's language, never an
// unhandled rejection that leaves a button disabled.

export type Guarded<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly detail: string };

/** What an exception says, for the generic message ("Error: …", or Excel's code and message). */
export function errorDetail(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  if (typeof error === "object" && error !== null) {
    const e = error as { code?: unknown; message?: unknown };
    if (typeof e.message === "string") return typeof e.code === "string" ? `${e.code}: ${e.message}` : e.message;
  }
  return String(error);
}

/** Runs a service call; resolves to its value or to the text of what went wrong. */
export async function guarded<T>(call: () => Promise<T>): Promise<Guarded<T>> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    return { ok: false, detail: errorDetail(error) };
  }
}
