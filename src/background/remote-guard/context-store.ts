import browser from 'webextension-polyfill';
import { addFlaggedVisit, type FlaggedVisit, pruneFlaggedVisits } from '../../shared/remote-context';
import type { VerdictChange } from '../verdict-events';

// Flagged visits live in storage.local, not only in memory: victims often kill the
// browser to get out of a locked scam page, then call the number and are told to
// install a remote tool. The context must survive worker and browser restarts.

export const FLAGGED_VISITS_KEY = 'remoteGuardFlagged';

let queue: Promise<unknown> = Promise.resolve();

export async function readFlaggedVisits(now = Date.now()): Promise<FlaggedVisit[]> {
  const stored = (await browser.storage.local.get(FLAGGED_VISITS_KEY))[FLAGGED_VISITS_KEY];
  const visits = Array.isArray(stored) ? stored.filter(isFlaggedVisit) : [];
  return pruneFlaggedVisits(visits, now);
}

function isFlaggedVisit(value: unknown): value is FlaggedVisit {
  const visit = value as Partial<FlaggedVisit> | null;
  return (
    typeof visit === 'object' && visit !== null && typeof visit.tabId === 'number' && typeof visit.url === 'string' &&
    typeof visit.time === 'number' && (visit.level === 'scam' || visit.level === 'suspicious')
  );
}

export function recordFlaggedVisit(visit: FlaggedVisit): Promise<void> {
  const write = async () => {
    const visits = addFlaggedVisit(await readFlaggedVisits(visit.time), visit);
    await browser.storage.local.set({ [FLAGGED_VISITS_KEY]: visits });
  };
  const next = queue.then(write, write);
  queue = next.catch(() => {});
  return next;
}

/** Verdict-hub listener: remembers every page the detector flags. */
export async function onVerdictChangeForRemoteGuard(change: VerdictChange): Promise<void> {
  const level = change.verdict.level;
  if (level === 'safe') return;
  await recordFlaggedVisit({ tabId: change.tabId, url: change.url, level, time: Date.now() });
}
