import browser from 'webextension-polyfill';
import { clipStoredUrl } from '../../shared/storage-budget';
import { allowSite } from '../reports/site-allow';
import type { BlockRecord } from './state';

// The user's "this is not a scam" on the warning page adds the exact host to the
// user's allow list (refused when policy locks it) and keeps a local record of
// the false positive for the user and for reports.

export const FALSE_POSITIVES_KEY = 'protectionFalsePositives';
const MAX_RECORDS = 200;
const MAX_REASON_KEYS = 20;

export interface FalsePositiveRecord {
  host: string;
  url: string;
  reasonKeys: string[];
  blockedAt: number;
  allowedAt: number;
}

let queue: Promise<unknown> = Promise.resolve();

/** A record within its share of the storage budget (shared/storage-budget.ts): a page controls its own address. */
const bounded = (record: FalsePositiveRecord): FalsePositiveRecord => ({
  ...record,
  url: typeof record.url === 'string' ? clipStoredUrl(record.url) : '',
  reasonKeys: Array.isArray(record.reasonKeys) ? record.reasonKeys.slice(0, MAX_REASON_KEYS) : [],
});

async function recordFalsePositive(host: string, record: BlockRecord): Promise<void> {
  const previous = (await browser.storage.local.get(FALSE_POSITIVES_KEY))[FALSE_POSITIVES_KEY];
  const records = Array.isArray(previous) ? (previous as FalsePositiveRecord[]) : [];
  records.push({
    host,
    url: record.url,
    reasonKeys: record.verdict.reasons.map((reason) => reason.key),
    blockedAt: record.blockedAt,
    allowedAt: Date.now(),
  });
  await browser.storage.local.set({ [FALSE_POSITIVES_KEY]: records.slice(-MAX_RECORDS).map(bounded) });
}

export function allowSiteForUser(host: string, record: BlockRecord): Promise<void> {
  const task = async () => {
    if (!(await allowSite(host))) throw new Error('managed by your organisation: allowList');
    await recordFalsePositive(host, record);
  };
  const next = queue.then(task, task);
  queue = next;
  return next;
}
