// Closed shadow roots: hidden from page scripts, shown to extensions' content scripts by
// Chrome as chrome.dom.openOrClosedShadowRoot(element) and by Firefox as the
// element.openOrClosedShadowRoot property (content scripts only).

type ShadowReader = (element: Element) => ShadowRoot | null;

interface ChromeDom {
  dom?: { openOrClosedShadowRoot?: (element: HTMLElement) => ShadowRoot | null };
}

function pickReader(): ShadowReader {
  const chromeDom = (globalThis as { chrome?: ChromeDom }).chrome?.dom;
  const open = chromeDom?.openOrClosedShadowRoot;
  if (typeof open === 'function') {
    return (element) => {
      try {
        return element instanceof HTMLElement ? (open.call(chromeDom, element) ?? null) : element.shadowRoot;
      } catch {
        return element.shadowRoot;
      }
    };
  }
  return (element) => (element as Element & { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot ?? element.shadowRoot;
}

let reader: ShadowReader | undefined;

/**
 * An element's shadow root, open or closed where the browser lets this extension see it.
 * The reader is picked on first use: touching chrome.dom sets up its binding in the frame.
 */
export const openOrClosedShadowRoot: ShadowReader = (element) => (reader ??= pickReader())(element);
