import browser from 'webextension-polyfill';
import type { ContextReason } from '../../shared/remote-context';
import type { RemoteGuardMode } from '../../shared/settings';

// The one place the remote-access guard writes to the history. Until the history
// module (src/background/history) is merged it keeps its own bounded log in
// storage.local; after the merge this function forwards to that module.

export const REMOTE_GUARD_LOG_KEY = 'remoteGuardLog';
const MAX_ENTRIES = 200;

export type RemoteGuardOutcome =
  /** Recognised, not in scam context (or mode allows it): left alone. */
  | 'allowed'
  /** Paused (download) or replaced by the warning page (page); waiting for the user. */
  | 'warned'
  /** Stopped by policy (mode 'block' or no user override). */
  | 'blocked'
  | 'cancelled'
  | 'continued'
  /** The warning tab was closed without a choice: the download was cancelled. */
  | 'closed';

export interface RemoteGuardEvent {
  time: number;
  kind: 'download' | 'page';
  outcome: RemoteGuardOutcome;
  toolId: string;
  toolName: string;
  url: string;
  fileName: string | null;
  mode: RemoteGuardMode;
  reasons: ContextReason[];
  /** The flagged page that put the user in scam context, if any. */
  flaggedUrl: string | null;
}

let queue: Promise<unknown> = Promise.resolve();

export function recordRemoteGuardEvent(event: RemoteGuardEvent): Promise<void> {
  const write = async () => {
    const stored = (await browser.storage.local.get(REMOTE_GUARD_LOG_KEY))[REMOTE_GUARD_LOG_KEY];
    const log = Array.isArray(stored) ? (stored as RemoteGuardEvent[]) : [];
    await browser.storage.local.set({ [REMOTE_GUARD_LOG_KEY]: [event, ...log].slice(0, MAX_ENTRIES) });
  };
  const next = queue.then(write, write);
  queue = next.catch((error: unknown) => console.error('[fake-warning-blocker] remote-guard history write failed:', error));
  return next;
}
