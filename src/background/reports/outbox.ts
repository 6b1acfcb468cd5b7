// Reports waiting for the organisation's endpoint. Kept in storage.local so they
// survive worker restarts, browser restarts and offline periods; retried with
// back-off through the alarms API; never dropped without the user seeing it
// (a rejected report stays, marked, until it is delivered by a manual retry).
import browser from 'webextension-polyfill';
import {
  applyAttempt,
  type AttemptResult,
  classifyStatus,
  dedupeKeyFor,
  deliveryState,
  dueItems,
  findDuplicate,
  INVALID_ENDPOINT_ERROR,
  nextWakeUp,
  type OutboxItem,
  pruneOutbox,
} from '../../shared/reports/outbox';
import { checkEndpoint } from '../../shared/reports/endpoint';
import type { ScamReportV1 } from '../../shared/reports/schema';
import { updateHistoryData } from '../history/store';
import { getSettingsWithPolicy } from '../settings/store';

const OUTBOX_KEY = 'reportOutbox';
export const RETRY_ALARM = 'fwb-report-retry';
const REQUEST_TIMEOUT_MS = 30_000;

async function load(): Promise<OutboxItem[]> {
  const raw = (await browser.storage.local.get(OUTBOX_KEY))[OUTBOX_KEY];
  return Array.isArray(raw) ? (raw as OutboxItem[]) : [];
}

let chain: Promise<unknown> = Promise.resolve();
function withOutbox<T>(change: (items: OutboxItem[]) => { items: OutboxItem[]; result: T }): Promise<T> {
  const task = async () => {
    const { items, result } = change(await load());
    await browser.storage.local.set({ [OUTBOX_KEY]: pruneOutbox(items, Date.now()) });
    return result;
  };
  const next = chain.then(task, task);
  chain = next.catch(() => undefined);
  return next;
}

export async function readOutbox(): Promise<OutboxItem[]> {
  await chain;
  return load();
}

/** Queues a report; returns the existing item instead when it repeats one (see findDuplicate). */
export function enqueueReport(body: ScamReportV1, historyId: string): Promise<{ item: OutboxItem; duplicate: boolean }> {
  const key = dedupeKeyFor(body.kind, body.page.url);
  return withOutbox<{ item: OutboxItem; duplicate: boolean }>((items) => {
    const now = Date.now();
    const existing = findDuplicate(items, key, now);
    if (existing) return { items, result: { item: existing, duplicate: true } };
    const item: OutboxItem = { reportId: body.reportId, historyId, dedupeKey: key, body, state: 'pending', attempts: 0, createdAt: now, nextAttemptAt: now };
    return { items: [...items, item], result: { item, duplicate: false } };
  });
}

async function post(body: ScamReportV1): Promise<AttemptResult> {
  // Not before the policy has arrived: at browser start it can come seconds later.
  const { reportEndpoint, reportToken } = await getSettingsWithPolicy();
  const endpoint = checkEndpoint(reportEndpoint);
  if (!endpoint.ok) return { ok: false, permanent: false, error: INVALID_ENDPOINT_ERROR };
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'idempotency-key': body.reportId,
    'x-fwb-report-schema': String(body.schemaVersion),
  };
  if (reportToken) headers.authorization = `Bearer ${reportToken}`;
  try {
    const response = await fetch(endpoint.url, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'error',
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    return classifyStatus(response.status, response.headers.get('retry-after'), Date.now());
  } catch (error) {
    return { ok: false, permanent: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

let flushing: Promise<{ attempted: number; delivered: number }> | null = null;

/** Sends every due report (all undelivered ones when `all`), then sets the alarm for the next one. */
export function flushOutbox(all = false): Promise<{ attempted: number; delivered: number }> {
  // One flush at a time per worker; a second caller waits for the running one, then runs its own.
  const run = async () => {
    const now = Date.now();
    const items = await readOutbox();
    const due = all ? items.filter((item) => item.state !== 'delivered') : dueItems(items, now);
    let delivered = 0;
    for (const item of due) {
      const result = await post(item.body);
      if (result.ok) delivered++;
      const updated = await withOutbox((current) => {
        const index = current.findIndex((candidate) => candidate.reportId === item.reportId);
        const stored = current[index];
        if (!stored) return { items: current, result: null };
        const next = applyAttempt(stored, result, Date.now());
        current[index] = next;
        return { items: current, result: next };
      });
      if (updated) await updateHistoryData(updated.historyId, { delivery: deliveryState(updated) });
    }
    await scheduleRetry();
    return { attempted: due.length, delivered };
  };
  const next = (flushing ?? Promise.resolve()).then(run, run);
  flushing = next;
  return next;
}

export async function scheduleRetry(): Promise<void> {
  const wakeUp = nextWakeUp(await readOutbox());
  if (wakeUp === null) {
    await browser.alarms.clear(RETRY_ALARM);
    return;
  }
  const existing = await browser.alarms.get(RETRY_ALARM);
  if (existing?.scheduledTime === wakeUp) return;
  browser.alarms.create(RETRY_ALARM, { when: Math.max(wakeUp, Date.now() + 1000) });
}

/**
 * Called whenever the worker starts: sends what is due and re-creates the alarm
 * (Firefox does not keep alarms across restarts and extension reloads).
 */
export async function resumeOutbox(): Promise<void> {
  const items = await readOutbox();
  if (dueItems(items, Date.now()).length) await flushOutbox();
  else await scheduleRetry();
}

export async function reportStatuses(reportIds: string[]): Promise<{ reportId: string; item: OutboxItem | undefined }[]> {
  const items = await readOutbox();
  return reportIds.map((reportId) => ({ reportId, item: items.find((item) => item.reportId === reportId) }));
}
