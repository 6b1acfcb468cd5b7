// Reports waiting for the organisation's endpoint. Kept in storage.local so they
// survive worker restarts, browser restarts and offline periods; retried with
// back-off through the alarms API; never dropped without the user seeing it
// (a rejected report stays, marked, until it is delivered by a manual retry). Every
// write keeps the outbox within its storage budget (shared/reports/outbox-budget.ts);
// what the budget costs a report (its screenshot, or its place in the queue) is
// written into that report's history entry.
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
} from '../../shared/reports/outbox';
import { admitToOutbox, fitOutbox, OUTBOX_KEY, type OutboxFit } from '../../shared/reports/outbox-budget';
import type { ScreenshotLeftOut } from '../../shared/history/entry';
import { checkEndpoint } from '../../shared/reports/endpoint';
import type { ScamReportV1 } from '../../shared/reports/schema';
import { updateHistoryData } from '../history/store';
import { getSettingsWithPolicy } from '../settings/store';

export const RETRY_ALARM = 'fwb-report-retry';
const REQUEST_TIMEOUT_MS = 30_000;

async function load(): Promise<OutboxItem[]> {
  const raw = (await browser.storage.local.get(OUTBOX_KEY))[OUTBOX_KEY];
  return Array.isArray(raw) ? (raw as OutboxItem[]) : [];
}

/** Writes what the budget cost into each report's history entry (never throws: the outbox is already saved). */
async function recordLosses(fit: OutboxFit): Promise<void> {
  for (const { item, reason } of fit.screenshotsLeftOut) {
    await updateHistoryData(item.historyId, { screenshot: false, screenshotLeftOut: reason }).catch(() => false);
  }
  for (const item of fit.dropped) {
    console.warn(`[fake-warning-blocker] report ${item.reportId} given up unsent: the report outbox is full`);
    await updateHistoryData(item.historyId, { delivery: 'dropped' }).catch(() => false);
  }
}

type Change<T> = (items: OutboxItem[], now: number) => { items: OutboxItem[]; result: T } | { fit: OutboxFit; result: T };

let chain: Promise<unknown> = Promise.resolve();
function withOutbox<T>(change: Change<T>): Promise<T> {
  const task = async () => {
    const now = Date.now();
    const changed = change(await load(), now);
    const fit = 'fit' in changed ? changed.fit : fitOutbox(changed.items, now);
    await browser.storage.local.set({ [OUTBOX_KEY]: fit.items });
    await recordLosses(fit);
    return changed.result;
  };
  const next = chain.then(task, task);
  chain = next.catch(() => undefined);
  return next;
}

export async function readOutbox(): Promise<OutboxItem[]> {
  await chain;
  return load();
}

export interface Enqueued {
  item: OutboxItem;
  duplicate: boolean;
  /** Set when the report goes without the screenshot it was to have (its history entry says so too). */
  screenshotLeftOut?: ScreenshotLeftOut;
}

/** Queues a report within the budget; returns the existing item instead when it repeats one (see findDuplicate). */
export function enqueueReport(body: ScamReportV1, historyId: string): Promise<Enqueued> {
  const key = dedupeKeyFor(body.kind, body.page.url);
  return withOutbox<Enqueued>((items, now) => {
    const existing = findDuplicate(items, key, now);
    if (existing) return { items, result: { item: existing, duplicate: true } };
    const item: OutboxItem = { reportId: body.reportId, historyId, dedupeKey: key, body, state: 'pending', attempts: 0, createdAt: now, nextAttemptAt: now };
    const fit = admitToOutbox(items, item, now);
    const queued = fit.items.find((candidate) => candidate.reportId === item.reportId) ?? item;
    const leftOut = fit.screenshotsLeftOut.find((loss) => loss.item.reportId === item.reportId)?.reason;
    return { fit, result: { item: queued, duplicate: false, ...(leftOut ? { screenshotLeftOut: leftOut } : {}) } };
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
    const dueList = all ? items.filter((item) => item.state !== 'delivered') : dueItems(items, now);
    let attempted = 0;
    let delivered = 0;
    for (const due of dueList) {
      // As stored now: the budget may have given it up, or left its screenshot out, since the list was read.
      const item = (await readOutbox()).find((candidate) => candidate.reportId === due.reportId);
      if (!item || item.state === 'delivered') continue;
      attempted++;
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
      // Given up by the budget while its request was out, and delivered after all.
      else if (result.ok) await updateHistoryData(item.historyId, { delivery: 'delivered' });
    }
    await scheduleRetry();
    return { attempted, delivered };
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
