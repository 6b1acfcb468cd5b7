// In-worker hub between detection and the features that act on a verdict
// (neutralise + warning page, notification revocation, remote-access guard, history).
import type { Verdict } from '../shared/verdict';

export interface VerdictChange {
  tabId: number;
  /** Top-level page URL the verdict is about. */
  url: string;
  verdict: Verdict;
  previousLevel: Verdict['level'];
}

type Listener = (change: VerdictChange) => void | Promise<void>;
const listeners: Listener[] = [];

/** Registers a listener; call at the top level of the worker so none is missed after a restart. */
export function onVerdictChange(listener: Listener): void {
  listeners.push(listener);
}

/**
 * How long a publisher waits for the listeners. Detection publishes from inside a tab's
 * serialised update: one listener that never settles (a browser call that never answers)
 * must not stop every later verdict of that tab. The listener itself carries on.
 */
export const LISTENER_WAIT_MS = 5000;

export async function publishVerdictChange(change: VerdictChange): Promise<void> {
  await Promise.all(
    listeners.map(async (listener) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const overrun = new Promise<'overrun'>((done) => (timer = setTimeout(() => done('overrun'), LISTENER_WAIT_MS)));
      try {
        const outcome = await Promise.race([Promise.resolve(listener(change)), overrun]);
        if (outcome === 'overrun') console.error(`[fake-warning-blocker] a verdict listener is still running after ${LISTENER_WAIT_MS} ms; not waiting for it`);
      } catch (error) {
        console.error('[fake-warning-blocker] verdict listener failed:', error);
      } finally {
        clearTimeout(timer);
      }
    }),
  );
}

/**
 * A whole-page full-screen request would now make the tab's verdict a scam (`refuse`), or no
 * longer would (the page's text changed): its frames may refuse such a request outright.
 */
export interface FullscreenRefusal {
  tabId: number;
  url: string;
  refuse: boolean;
}

type RefusalListener = (change: FullscreenRefusal) => void;
const refusalListeners: RefusalListener[] = [];

/** Registers a listener; call at the top level of the worker. */
export function onFullscreenRefusal(listener: RefusalListener): void {
  refusalListeners.push(listener);
}

/** Tells the listeners and returns at once: nothing in a tab's update waits for them. */
export function publishFullscreenRefusal(change: FullscreenRefusal): void {
  for (const listener of refusalListeners) {
    try {
      listener(change);
    } catch (error) {
      console.error('[fake-warning-blocker] full-screen refusal listener failed:', error);
    }
  }
}
