// Pure operations on the history list (newest first), used by the background
// store and by unit tests.
import {
  HISTORY_SCHEMA_VERSION,
  type HistoryEntry,
  type HistoryExport,
  type HistoryKind,
  type StoredHistory,
} from './entry';
import { parseHistoryEntry } from './kinds';
import { HISTORY_MAX_BYTES, HISTORY_MAX_ENTRIES, jsonBytes } from '../storage-budget';
import { isPlainObject } from '../validate';

/**
 * The entries that fit the history's budget, newest first: at most `limit` of them (itself at
 * most HISTORY_MAX_ENTRIES) and at most `maxBytes` as stored. The newest entry always stays
 * (every field of an entry has a length limit: one entry is at most a few hundred KB).
 */
export function fitHistory(sortedNewestFirst: HistoryEntry[], limit: number, maxBytes = HISTORY_MAX_BYTES): HistoryEntry[] {
  const count = Math.min(Math.max(1, Math.floor(limit)), HISTORY_MAX_ENTRIES);
  // The stored object: {"version":1,"entries":[…]} under the key "history".
  let bytes = jsonBytes({ version: HISTORY_SCHEMA_VERSION, entries: [] }) + 'history'.length;
  let kept = 0;
  for (const entry of sortedNewestFirst.slice(0, count)) {
    bytes += jsonBytes(entry) + (kept > 0 ? 1 : 0);
    if (bytes > maxBytes && kept > 0) break;
    kept++;
  }
  return sortedNewestFirst.slice(0, kept);
}

/** Both lists in one, newest first. */
export function mergeNewestFirst(entries: HistoryEntry[], added: HistoryEntry[]): HistoryEntry[] {
  return [...added, ...entries].sort((a, b) => b.time - a.time);
}

/** Inserts entries keeping newest first, within `limit` entries and the byte budget (oldest pruned). */
export function addEntries(entries: HistoryEntry[], added: HistoryEntry[], limit: number, maxBytes = HISTORY_MAX_BYTES): HistoryEntry[] {
  return fitHistory(mergeNewestFirst(entries, added), limit, maxBytes);
}

export interface ReadResult {
  history: StoredHistory;
  /** Entries that could not be read (corrupt or from an unknown future kind). */
  skipped: number;
}

/**
 * Reads whatever storage holds. Version 1 is the only format so far; an unknown
 * future version keeps the entries it can still read instead of losing them all.
 */
export function readStoredHistory(raw: unknown): ReadResult {
  if (!isPlainObject(raw) || !Array.isArray(raw.entries)) {
    return { history: { version: HISTORY_SCHEMA_VERSION, entries: [] }, skipped: 0 };
  }
  const entries: HistoryEntry[] = [];
  let skipped = 0;
  for (const [index, value] of raw.entries.entries()) {
    try {
      entries.push(parseHistoryEntry(value, `entries[${index}]`));
    } catch {
      skipped++;
    }
  }
  entries.sort((a, b) => b.time - a.time);
  return { history: { version: HISTORY_SCHEMA_VERSION, entries }, skipped };
}

export function toExport(entries: HistoryEntry[], now: Date): HistoryExport {
  return { format: 'fake-warning-blocker-history', version: HISTORY_SCHEMA_VERSION, exportedAt: now.toISOString(), entries };
}

/** Merges an export file into the list: entries already present (same id) are skipped. */
export function importEntries(
  current: HistoryEntry[],
  file: unknown,
  limit: number,
): { entries: HistoryEntry[]; imported: number; skipped: number } {
  if (!isPlainObject(file) || file.format !== 'fake-warning-blocker-history') {
    throw new Error('not a Fake Warning Blocker history export');
  }
  const { history, skipped } = readStoredHistory(file);
  const known = new Set(current.map((entry) => entry.id));
  const fresh = history.entries.filter((entry) => !known.has(entry.id));
  return {
    entries: addEntries(current, fresh, limit),
    imported: fresh.length,
    skipped: skipped + (history.entries.length - fresh.length),
  };
}

export interface HistoryFilter {
  kinds?: HistoryKind[];
  /** Case-insensitive text matched against URL, phone numbers and reason keys/params. */
  text?: string;
}

export function filterEntries(entries: HistoryEntry[], filter: HistoryFilter): HistoryEntry[] {
  const text = filter.text?.trim().toLowerCase() ?? '';
  return entries.filter((entry) => {
    if (filter.kinds?.length && !filter.kinds.includes(entry.kind)) return false;
    if (!text) return true;
    const haystack = [
      entry.url,
      ...(entry.phoneNumbers ?? []),
      ...(entry.reasons ?? []).flatMap((reason) => [reason.key, ...reason.params]),
      ...Object.values(entry.data).map(String),
    ]
      .join('\n')
      .toLowerCase();
    return haystack.includes(text);
  });
}
