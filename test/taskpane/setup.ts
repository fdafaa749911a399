// What jsdom lacks and Fluent UI uses: ResizeObserver (MessageBar reflow, positioning) and
// matchMedia (PaneRoot's forced-colours check). Import first in every pane test file.

class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

const w = window as unknown as Record<string, unknown>;
if (w.ResizeObserver === undefined) w.ResizeObserver = NoResizeObserver;

/** Media queries match nothing unless a test says otherwise with `setForcedColors`. */
let forcedColors = false;
export function setForcedColors(on: boolean): void {
  forcedColors = on;
}
// jsdom's own matchMedia (when present) cannot be told about forced colours: always replace it.
{
  w.matchMedia = (query: string) => ({
    matches: forcedColors && /forced-colors:\s*active/.test(query),
    media: query,
    onchange: null,
    addEventListener() {},
    removeEventListener() {},
    addListener() {},
    removeListener() {},
    dispatchEvent: () => false,
  });
}
