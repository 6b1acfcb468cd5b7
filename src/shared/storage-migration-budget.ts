// Storage step v1 → v2: bring what earlier builds let grow within the storage budget
// (shared/storage-budget.ts) at once, at start, rather than at the next write of each key.
// A v1 store could hold 10,000 history entries (8.6 MB) and an outbox without limit, close
// enough to Chrome's 10 MB quota that the first write that adds something could fail.
//   userSettings.historyLimit  above HISTORY_MAX_ENTRIES → the maximum (v1 accepted 10,000);
//   reportOutbox               malformed items removed (they could not be sent), then fitted
//                              to its budget (outbox-budget.ts), each loss marked in the history;
//   history                    at most HISTORY_MAX_ENTRIES entries and HISTORY_MAX_BYTES, newest kept.
import { fitHistory } from './history/log';
import type { HistoryEntry } from './history/entry';
import { fitOutbox, type OutboxFit } from './reports/outbox-budget';
import type { OutboxItem } from './reports/outbox';
import { USER_SETTINGS_STORAGE_KEY } from './settings';
import { HISTORY_MAX_BYTES, HISTORY_MAX_ENTRIES, jsonBytes } from './storage-budget';
import type { MigrationPlan } from './storage-migration';
import { isPlainObject } from './validate';

const OUTBOX_STATES: readonly unknown[] = ['pending', 'delivered', 'rejected'];

function isOutboxItem(value: unknown): value is OutboxItem {
  return (
    isPlainObject(value) &&
    typeof value.reportId === 'string' &&
    typeof value.historyId === 'string' &&
    isPlainObject(value.body) &&
    OUTBOX_STATES.includes(value.state) &&
    typeof value.createdAt === 'number'
  );
}

function limitHistorySetting(view: Record<string, unknown>, plan: MigrationPlan): void {
  const settings = view[USER_SETTINGS_STORAGE_KEY];
  if (!isPlainObject(settings) || typeof settings.historyLimit !== 'number' || settings.historyLimit <= HISTORY_MAX_ENTRIES) return;
  plan.set[USER_SETTINGS_STORAGE_KEY] = { ...settings, historyLimit: HISTORY_MAX_ENTRIES };
  plan.notes.push(`userSettings: historyLimit ${settings.historyLimit} limited to ${HISTORY_MAX_ENTRIES}`);
}

/** The history entries with what the outbox's budget cost each report written into them. */
function markLosses(entries: unknown[], fit: OutboxFit): unknown[] {
  const patches = new Map<string, Record<string, unknown>>();
  const patch = (historyId: string, change: Record<string, unknown>) => patches.set(historyId, { ...patches.get(historyId), ...change });
  for (const { item, reason } of fit.screenshotsLeftOut) patch(item.historyId, { screenshot: false, screenshotLeftOut: reason });
  for (const item of fit.dropped) patch(item.historyId, { delivery: 'dropped' });
  if (!patches.size) return entries;
  return entries.map((entry) => {
    const change = isPlainObject(entry) && typeof entry.id === 'string' ? patches.get(entry.id) : undefined;
    return change && isPlainObject(entry) ? { ...entry, data: { ...(isPlainObject(entry.data) ? entry.data : {}), ...change } } : entry;
  });
}

export function toV2(view: Record<string, unknown>, plan: MigrationPlan, now: number): void {
  limitHistorySetting(view, plan);

  const history = view.history;
  let entries: unknown[] | null = isPlainObject(history) && Array.isArray(history.entries) ? history.entries : null;
  const entriesBefore = entries;

  const outbox = view.reportOutbox;
  if (outbox !== undefined) {
    const items = Array.isArray(outbox) ? outbox.filter(isOutboxItem) : [];
    const fit = fitOutbox(items, now);
    if (!Array.isArray(outbox) || jsonBytes(fit.items) !== jsonBytes(outbox)) {
      plan.set.reportOutbox = fit.items;
      const malformed = (Array.isArray(outbox) ? outbox.length : 0) - items.length;
      plan.notes.push(
        `reportOutbox: ${fit.items.length} items kept, ${fit.dropped.length} reports given up, ${fit.screenshotsLeftOut.length} screenshots left out` +
          (malformed ? `, ${malformed} malformed items removed` : ''),
      );
    }
    if (entries) entries = markLosses(entries, fit);
  }

  if (entries && isPlainObject(history)) {
    // Stored newest first by every writer; fitting needs nothing more of an entry than its size.
    const kept = fitHistory(entries as HistoryEntry[], HISTORY_MAX_ENTRIES, HISTORY_MAX_BYTES);
    if (kept.length !== entries.length || entries !== entriesBefore) {
      plan.set.history = { ...history, entries: kept };
      if (kept.length !== entries.length) plan.notes.push(`history: kept the newest ${kept.length} of ${entries.length} entries`);
    }
  }
}
