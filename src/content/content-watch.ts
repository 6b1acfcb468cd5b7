// Runs the gatherer when the page is ready and again when it changes (throttled,
// bounded), and sends the evidence when it differs from the last report.
import type { ContentEvidence } from '../shared/detection/content-evidence';
import { DEFAULT_GATHER, gatherContent } from './gather';

const CHANGE_DELAY_MS = 250;
const AFTER_INPUT_DELAY_MS = 60;
const IDLE_TIMEOUT_MS = 150;
/** Gathers per document; a page that never stops changing is looked at less and less often. */
const MAX_GATHERS = 60;
const WATCHED: MutationObserverInit = {
  subtree: true,
  childList: true,
  characterData: true,
  attributes: true,
  attributeFilter: ['style', 'class', 'hidden', 'src', 'alt'],
};

export function watchContent(send: (evidence: ContentEvidence) => void): void {
  let gathers = 0;
  let pending = false;
  let last = '';
  let observer: MutationObserver | undefined;

  const run = () => {
    pending = false;
    try {
      if (++gathers > MAX_GATHERS) return;
      const evidence = gatherContent(document, DEFAULT_GATHER);
      const serialised = JSON.stringify(evidence);
      if (serialised !== last) {
        last = serialised;
        send(evidence);
      }
    } catch {
      // Never break the page.
    } finally {
      // Watch for the next change only now (see schedule); a page that never stops changing is left alone after MAX_GATHERS.
      if (gathers < MAX_GATHERS) observer?.observe(document, WATCHED);
    }
  };
  // Off the page's critical path: run when the main thread is idle (or soon anyway).
  const idle = () => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS });
    else run();
  };
  // Throttle, not debounce: a page animating a progress bar must not postpone the gather forever.
  // Not observing while a gather is due: it will read every change made meanwhile, and a
  // busy page (tickers, animations, ads) does not make the browser queue a record per mutation.
  const schedule = (delay: number) => {
    if (pending) return;
    pending = true;
    observer?.disconnect();
    setTimeout(idle, delay * (1 + Math.floor(gathers / 15)));
  };

  const start = () => {
    pending = true;
    observer = new MutationObserver(() => schedule(CHANGE_DELAY_MS));
    idle();
    // Kits reveal the lock screen on the first click: look again right after input.
    for (const type of ['pointerdown', 'keydown']) {
      addEventListener(type, () => schedule(AFTER_INPUT_DELAY_MS), { capture: true, passive: true });
    }
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
}

/** Fields that say where the evidence comes from, not what the page shows. */
const ABOUT_THE_FRAME = new Set(['url', 'lang', 'truncated']);

/**
 * Evidence the detector can find nothing in. Looks at every field but the frame's own
 * facts, so a kind of evidence added later counts without a change here.
 */
export function isEmptyEvidence(evidence: ContentEvidence): boolean {
  return Object.entries(evidence).every(([key, value]) => ABOUT_THE_FRAME.has(key) || !value || (Array.isArray(value) && value.length === 0));
}
