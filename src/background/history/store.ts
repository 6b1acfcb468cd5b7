// The history log in storage.local (kept across browser restarts and updates),
// versioned (see shared/history/entry.ts), newest first, pruned to
// settings.historyLimit entries and the history's byte budget (shared/storage-budget.ts).
// Other features call recordHistory().
import browser from 'webextension-polyfill';
import type { HistoryEntry, NewHistoryEntry, StoredHistory } from '../../shared/history/entry';
import { parseHistoryEntry } from '../../shared/history/kinds';
import { fitHistory, mergeNewestFirst, readStoredHistory } from '../../shared/history/log';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { HISTORY_MAX_ENTRIES } from '../../shared/storage-budget';
import { getSettings } from '../settings/store';

export const HISTORY_KEY = 'history';

async function load(): Promise<StoredHistory> {
  const raw = (await browser.storage.local.get(HISTORY_KEY))[HISTORY_KEY];
  const { history, skipped } = readStoredHistory(raw);
  if (skipped) console.warn(`[fake-warning-blocker] ${skipped} unreadable history entries ignored`);
  return history;
}

/** Every write goes through the budget, so no change (not even a longer delivery state) can pass it. */
async function save(history: StoredHistory): Promise<void> {
  await browser.storage.local.set({ [HISTORY_KEY]: { ...history, entries: fitHistory(history.entries, await limit()) } });
}

// Every change is a read-modify-write; chaining them keeps concurrent callers from losing entries.
let chain: Promise<unknown> = Promise.resolve();
function serialise<T>(task: () => Promise<T>): Promise<T> {
  const next = chain.then(task, task);
  chain = next.catch(() => undefined);
  return next;
}

async function limit(): Promise<number> {
  const { historyLimit } = await getSettings();
  // 0 (allowed by the schema) keeps the default rather than nothing: reports live only here.
  return Number.isFinite(historyLimit) && historyLimit > 0 ? Math.min(Math.floor(historyLimit), HISTORY_MAX_ENTRIES) : DEFAULT_SETTINGS.historyLimit;
}

/**
 * Adds an entry to the history and returns it with its id and time.
 * Never throws for a storage problem: the history must not break the feature calling it.
 */
export function recordHistory(input: NewHistoryEntry): Promise<HistoryEntry | null> {
  return serialise(async () => {
    try {
      const entry = parseHistoryEntry({ ...input, id: crypto.randomUUID(), time: input.time ?? Date.now() });
      const history = await load();
      await save({ ...history, entries: mergeNewestFirst(history.entries, [entry]) });
      return entry;
    } catch (error) {
      console.error('[fake-warning-blocker] could not record history:', error);
      return null;
    }
  });
}

/** Changes one entry's kind-specific data (e.g. a report's delivery state). */
export function updateHistoryData(id: string, patch: Record<string, unknown>): Promise<boolean> {
  return serialise(async () => {
    const history = await load();
    const index = history.entries.findIndex((entry) => entry.id === id);
    const current = history.entries[index];
    if (!current) return false;
    history.entries[index] = parseHistoryEntry({ ...current, data: { ...current.data, ...patch } });
    await save(history);
    return true;
  });
}

export async function listHistory(): Promise<{ entries: HistoryEntry[]; limit: number }> {
  return { entries: (await serialise(load)).entries, limit: await limit() };
}

export function deleteHistoryEntry(id: string): Promise<boolean> {
  return serialise(async () => {
    const history = await load();
    const entries = history.entries.filter((entry) => entry.id !== id);
    if (entries.length === history.entries.length) return false;
    await save({ ...history, entries });
    return true;
  });
}

export function clearHistory(): Promise<number> {
  return serialise(async () => {
    const history = await load();
    await save({ ...history, entries: [] });
    return history.entries.length;
  });
}

/** Replaces the list through a pure function of it (import). */
export function transformHistory<T>(change: (entries: HistoryEntry[], limit: number) => { entries: HistoryEntry[]; result: T }): Promise<T> {
  return serialise(async () => {
    const history = await load();
    const { entries, result } = change(history.entries, await limit());
    await save({ ...history, entries });
    return result;
  });
}
