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

export async function publishVerdictChange(change: VerdictChange): Promise<void> {
  await Promise.all(
    listeners.map(async (listener) => {
      try {
        await listener(change);
      } catch (error) {
        console.error('[fake-warning-blocker] verdict listener failed:', error);
      }
    }),
  );
}
