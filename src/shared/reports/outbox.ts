// Pure rules of the report outbox: back-off, retry classification, duplicates.
// The background keeps the items in storage.local (see background/reports/outbox.ts).
import type { DeliveryState } from '../history/entry';
import type { ScamReportV1 } from './schema';

export interface OutboxItem {
  reportId: string;
  /** The history entry whose delivery state follows this item. */
  historyId: string;
  /** Same kind + same page URL = same report (see findDuplicate). */
  dedupeKey: string;
  body: ScamReportV1;
  state: 'pending' | 'delivered' | 'rejected';
  /** Failed attempts so far. */
  attempts: number;
  createdAt: number;
  nextAttemptAt: number;
  lastError?: string;
  deliveredAt?: number;
}

export type AttemptResult =
  | { ok: true }
  | { ok: false; permanent: boolean; error: string; retryAfterMs?: number };

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
// 30 s is the shortest alarm Chrome honours for a packed extension.
const BACKOFF = [30 * SECOND, 1 * MINUTE, 2 * MINUTE, 5 * MINUTE, 15 * MINUTE, 30 * MINUTE, 1 * HOUR, 3 * HOUR];
export const MAX_BACKOFF_MS = 6 * HOUR;
/** Reports of the same page within this time after delivery are the same report. */
export const DUPLICATE_WINDOW_MS = 10 * MINUTE;
/**
 * Delivered items are kept this long for status display; pending/rejected ones until delivered,
 * or until the outbox's storage budget gives them up (./outbox-budget.ts).
 */
export const DELIVERED_RETENTION_MS = 7 * 24 * HOUR;

/** Delay before the next attempt after `failures` failed attempts (1 = the first failure). */
export function backoffDelay(failures: number): number {
  if (failures < 1) return 0;
  return BACKOFF[failures - 1] ?? MAX_BACKOFF_MS;
}

/** Parses Retry-After (seconds or an HTTP date) into milliseconds, bounded to [0, MAX_BACKOFF_MS]. */
export function parseRetryAfter(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header.trim());
  const ms = Number.isFinite(seconds) ? seconds * SECOND : Date.parse(header) - now;
  if (!Number.isFinite(ms)) return undefined;
  return Math.min(Math.max(ms, 0), MAX_BACKOFF_MS);
}

/** 2xx and 409 (already have it) are delivered; 408, 425, 429 and 5xx are worth retrying; other 4xx are not. */
export function classifyStatus(status: number, retryAfter: string | null, now: number): AttemptResult {
  if ((status >= 200 && status < 300) || status === 409) return { ok: true };
  const retryAfterMs = parseRetryAfter(retryAfter, now);
  const transient = status === 408 || status === 425 || status === 429 || status >= 500;
  return { ok: false, permanent: !transient, error: `HTTP ${status}`, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
}

export function applyAttempt(item: OutboxItem, result: AttemptResult, now: number): OutboxItem {
  if (result.ok) return { ...item, state: 'delivered', deliveredAt: now, lastError: undefined };
  const attempts = item.attempts + 1;
  if (result.permanent) return { ...item, state: 'rejected', attempts, lastError: result.error };
  const delay = Math.max(backoffDelay(attempts), result.retryAfterMs ?? 0);
  return { ...item, state: 'pending', attempts, lastError: result.error, nextAttemptAt: now + delay };
}

/** The attempt error when the configured endpoint is not an allowed URL (kept pending: policy may fix it). */
export const INVALID_ENDPOINT_ERROR = 'invalid-endpoint';

export function deliveryState(item: OutboxItem): DeliveryState {
  if (item.state === 'delivered') return 'delivered';
  if (item.state === 'rejected') return 'rejected';
  if (item.lastError === INVALID_ENDPOINT_ERROR) return 'invalid-endpoint';
  return item.attempts === 0 ? 'queued' : 'retrying';
}

export function dueItems(items: OutboxItem[], now: number): OutboxItem[] {
  return items.filter((item) => item.state === 'pending' && item.nextAttemptAt <= now);
}

/** When the outbox next needs the worker, or null when nothing is pending. */
export function nextWakeUp(items: OutboxItem[]): number | null {
  const pending = items.filter((item) => item.state === 'pending').map((item) => item.nextAttemptAt);
  return pending.length ? Math.min(...pending) : null;
}

export function dedupeKeyFor(kind: string, pageUrl: string): string {
  let normalised = pageUrl;
  try {
    const url = new URL(pageUrl);
    url.hash = '';
    normalised = url.href;
  } catch {
    // Keep the raw text: a report is never refused for an odd URL.
  }
  return `${kind} ${normalised}`;
}

/** An undelivered report of the same page, or one delivered moments ago: the new one is the same report. */
export function findDuplicate(items: OutboxItem[], key: string, now: number): OutboxItem | undefined {
  return items.find(
    (item) =>
      item.dedupeKey === key &&
      (item.state === 'pending' || (item.state === 'delivered' && now - (item.deliveredAt ?? 0) < DUPLICATE_WINDOW_MS)),
  );
}

export function pruneOutbox(items: OutboxItem[], now: number): OutboxItem[] {
  return items.filter((item) => item.state !== 'delivered' || now - (item.deliveredAt ?? 0) < DELIVERED_RETENTION_MS);
}
