import browser from 'webextension-polyfill';
import type { BlockRecord } from './state';

// The user's "this is not a scam" goes into the user settings' allowList (the
// options page shows and edits it; the settings store reads it), and an entry is
// added to a local record of false positives, kept for the user and for reports.

const USER_SETTINGS_KEY = 'userSettings';
export const FALSE_POSITIVES_KEY = 'protectionFalsePositives';
const MAX_RECORDS = 200;

export interface FalsePositiveRecord {
  host: string;
  url: string;
  reasonKeys: string[];
  blockedAt: number;
  allowedAt: number;
}

let queue: Promise<unknown> = Promise.resolve();

export function allowSiteForUser(host: string, record: BlockRecord): Promise<void> {
  const task = async () => {
    const stored = await browser.storage.local.get([USER_SETTINGS_KEY, FALSE_POSITIVES_KEY]);
    const raw = stored[USER_SETTINGS_KEY];
    const settings: Record<string, unknown> = typeof raw === 'object' && raw !== null ? { ...(raw as object) } : {};
    const allowList = Array.isArray(settings.allowList) ? settings.allowList.filter((e) => typeof e === 'string') : [];
    if (!allowList.includes(host)) allowList.push(host);
    settings.allowList = allowList;
    const previous = stored[FALSE_POSITIVES_KEY];
    const records = Array.isArray(previous) ? (previous as FalsePositiveRecord[]) : [];
    records.push({
      host,
      url: record.url,
      reasonKeys: record.verdict.reasons.map((reason) => reason.key),
      blockedAt: record.blockedAt,
      allowedAt: Date.now(),
    });
    await browser.storage.local.set({ [USER_SETTINGS_KEY]: settings, [FALSE_POSITIVES_KEY]: records.slice(-MAX_RECORDS) });
  };
  const next = queue.then(task, task);
  queue = next;
  return next;
}
