// Runs the gatherer when the page is ready and again when it changes (throttled,
// bounded), and sends the evidence when it differs from the last report.
import type { ContentEvidence } from '../shared/detection/content-evidence';
import { DEFAULT_GATHER, gatherContent } from './gather';

const CHANGE_DELAY_MS = 250;
const AFTER_INPUT_DELAY_MS = 60;
const IDLE_TIMEOUT_MS = 150;
/** Gathers per document; a page that never stops changing is looked at less and less often. */
const MAX_GATHERS = 60;

export function watchContent(send: (evidence: ContentEvidence) => void): void {
  let gathers = 0;
  let pending = false;
  let last = '';
  let observer: MutationObserver | undefined;

  const run = () => {
    pending = false;
    try {
      if (++gathers >= MAX_GATHERS) observer?.disconnect();
      if (gathers > MAX_GATHERS) return;
      const evidence = gatherContent(document, DEFAULT_GATHER);
      const serialised = JSON.stringify(evidence);
      if (serialised === last) return;
      last = serialised;
      send(evidence);
    } catch {
      // Never break the page.
    }
  };
  // Off the page's critical path: run when the main thread is idle (or soon anyway).
  const idle = () => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS });
    else run();
  };
  // Throttle, not debounce: a page animating a progress bar must not postpone the gather forever.
  const schedule = (delay: number) => {
    if (pending) return;
    pending = true;
    setTimeout(idle, delay * (1 + Math.floor(gathers / 15)));
  };

  const start = () => {
    pending = true;
    idle();
    observer = new MutationObserver(() => schedule(CHANGE_DELAY_MS));
    observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['style', 'class', 'hidden', 'src', 'alt'] });
    // Kits reveal the lock screen on the first click: look again right after input.
    for (const type of ['pointerdown', 'keydown']) {
      addEventListener(type, () => schedule(AFTER_INPUT_DELAY_MS), { capture: true, passive: true });
    }
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
}
