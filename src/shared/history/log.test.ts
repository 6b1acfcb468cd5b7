import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HISTORY_MAX_BYTES, HISTORY_MAX_ENTRIES, jsonBytes } from '../storage-budget';
import type { HistoryEntry } from './entry';
import { parseHistoryEntry } from './kinds';
import { addEntries, filterEntries, fitHistory, importEntries, readStoredHistory, toExport } from './log';

const entry = (id: string, time: number, extra: Partial<HistoryEntry> = {}): HistoryEntry =>
  ({ id, time, url: `https://${id}.example/`, kind: 'detection', data: { score: 5 }, ...extra }) as HistoryEntry;

describe('history log', () => {
  it('keeps newest first and prunes the oldest beyond the limit', () => {
    const list = addEntries([entry('b', 2), entry('a', 1)], [entry('d', 4), entry('c', 3)], 3);
    expect(list.map((e) => e.id)).toEqual(['d', 'c', 'b']);
  });

  it('reads stored data entry by entry, skipping what it cannot read', () => {
    const raw = { version: 1, entries: [entry('a', 1), { id: 'x', kind: 'from-the-future', time: 3, url: '' }, entry('b', 2)] };
    const { history, skipped } = readStoredHistory(raw);
    expect(history.entries.map((e) => e.id)).toEqual(['b', 'a']);
    expect(skipped).toBe(1);
  });

  it('treats missing or broken storage as an empty history', () => {
    expect(readStoredHistory(undefined).history.entries).toEqual([]);
    expect(readStoredHistory('nonsense').history.entries).toEqual([]);
  });

  it('round-trips an export through import without duplicating entries', () => {
    const entries = [
      entry('r', 5, { kind: 'report', level: 'scam', phoneNumbers: ['+1 888 555 0100'], data: { reportId: 'id', delivery: 'delivered', screenshot: false } } as never),
      entry('a', 1),
    ];
    const file = JSON.parse(JSON.stringify(toExport(entries, new Date(0)))) as unknown;
    const intoEmpty = importEntries([], file, 100);
    expect(intoEmpty.entries).toEqual(entries);
    expect(intoEmpty.imported).toBe(2);
    const again = importEntries(intoEmpty.entries, file, 100);
    expect(again).toMatchObject({ imported: 0, skipped: 2 });
    expect(again.entries).toHaveLength(2);
  });

  it('refuses a file that is not a history export', () => {
    expect(() => importEntries([], { entries: [] }, 10)).toThrow(/not a Fake Warning Blocker history/);
  });

  it('filters by kind and by text in the URL, phone numbers and reasons', () => {
    const entries = [
      entry('a', 3, { phoneNumbers: ['0120-000-000'] }),
      entry('b', 2, { reasons: [{ key: 'reasonBrand', params: ['Microsoft'], category: 'brand', weight: 2 }] }),
      { ...entry('c', 1), kind: 'site-paused', data: { host: 'c.example' } } as HistoryEntry,
    ];
    expect(filterEntries(entries, { kinds: ['site-paused'] }).map((e) => e.id)).toEqual(['c']);
    expect(filterEntries(entries, { text: '0120' }).map((e) => e.id)).toEqual(['a']);
    expect(filterEntries(entries, { text: 'microsoft' }).map((e) => e.id)).toEqual(['b']);
    expect(filterEntries(entries, {})).toHaveLength(3);
  });
});

/** Bytes of the history as storage.local counts it (key + JSON). */
const storedBytes = (entries: HistoryEntry[]) => 'history'.length + jsonBytes({ version: 1, entries });

const detection = (i: number, extra: Partial<HistoryEntry> = {}): HistoryEntry =>
  entry(`id-${i}`, i, {
    url: `http://s${i}.example.test/`,
    level: 'scam',
    reasons: Array.from({ length: 8 }, (_, r) => ({ key: 'reasonClaimInfected', params: [`phrase ${r}`], category: 'claim' as const, weight: 1 })),
    phoneNumbers: ['+1 888 555 0199'],
    ...extra,
  });

describe('history budget', () => {
  it('never keeps more than HISTORY_MAX_ENTRIES, whatever limit it is given', () => {
    const entries = Array.from({ length: HISTORY_MAX_ENTRIES + 500 }, (_, i) => detection(HISTORY_MAX_ENTRIES + 500 - i));
    const kept = fitHistory(entries, 10_000);
    expect(kept).toHaveLength(HISTORY_MAX_ENTRIES);
    expect(kept[0]).toBe(entries[0]);
    const bytes = storedBytes(kept);
    process.stdout.write(`[budget] history: ${HISTORY_MAX_ENTRIES} detections with 8 reasons = ${bytes} bytes (${Math.round(bytes / HISTORY_MAX_ENTRIES)} per entry), budget ${HISTORY_MAX_BYTES}\n`);
    // The count, not the byte cap, is what limits ordinary entries.
    expect(bytes).toBeLessThan(HISTORY_MAX_BYTES);
  });

  it('keeps large entries within the byte budget, newest first, as close to it as one entry', () => {
    const comment = 'コメント'.repeat(500); // 2000 characters, 6000 bytes
    const large = Array.from({ length: 1000 }, (_, i) =>
      entry(`r${i}`, 1000 - i, { kind: 'report', url: `https://x${i}.example/${'p'.repeat(3900)}`, data: { reportId: `r${i}`, delivery: 'queued', comment, screenshot: false } } as never),
    );
    const kept = fitHistory(large, HISTORY_MAX_ENTRIES);
    const one = jsonBytes(large[0]);
    expect(storedBytes(kept)).toBeLessThanOrEqual(HISTORY_MAX_BYTES);
    expect(storedBytes(kept)).toBeGreaterThan(HISTORY_MAX_BYTES - one - 1);
    expect(kept.map((e) => e.id)).toEqual(large.slice(0, kept.length).map((e) => e.id));
  });

  it('always keeps the newest entry, even one larger than the budget', () => {
    expect(fitHistory([detection(2), detection(1)], 10, 10).map((e) => e.id)).toEqual(['id-2']);
  });

  // Entries of every size an entry can have, added one at a time as recordHistory does.
  const anyEntry = fc.record({
    urlLength: fc.integer({ min: 0, max: 4000 }),
    reasons: fc.integer({ min: 0, max: 50 }),
    param: fc.string({ unit: 'grapheme', maxLength: 300 }),
    phones: fc.integer({ min: 0, max: 20 }),
  });
  it('stays within its entry count and byte budget after any sequence of additions (property-based)', () => {
    fc.assert(
      fc.property(fc.array(anyEntry, { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 2_000, max: 200_000 }), (added, limit, maxBytes) => {
        let entries: HistoryEntry[] = [];
        for (const [i, shape] of added.entries()) {
          const next = parseHistoryEntry(
            detection(i + 1, {
              url: `https://e${i}.example/${'u'.repeat(shape.urlLength)}`,
              reasons: Array.from({ length: shape.reasons }, () => ({ key: 'reasonBrand', params: [shape.param], category: 'brand' as const, weight: 2 })),
              phoneNumbers: Array.from({ length: shape.phones }, (_, p) => `+1 888 555 ${String(p).padStart(4, '0')}`),
            }),
          );
          entries = addEntries(entries, [next], limit, maxBytes);
          expect(entries[0]?.id).toBe(next.id);
          expect(entries.length).toBeLessThanOrEqual(Math.min(limit, HISTORY_MAX_ENTRIES));
          if (entries.length > 1) expect(storedBytes(entries)).toBeLessThanOrEqual(maxBytes);
        }
      }),
      { numRuns: 200 },
    );
  }, 60_000);
});

describe('history entry check', () => {
  it('accepts every kind with its data and rejects wrong data', () => {
    expect(parseHistoryEntry(entry('a', 1)).kind).toBe('detection');
    expect(() => parseHistoryEntry({ ...entry('a', 1), data: { score: 'high' } })).toThrow(/data.score/);
    expect(() =>
      parseHistoryEntry({ id: 'n', time: 1, url: '', kind: 'notification-decision', data: { origin: 'https://x', decision: 'maybe' } }),
    ).toThrow(/decision/);
  });

  it('rejects reasons with an unknown category', () => {
    expect(() => parseHistoryEntry(entry('a', 1, { reasons: [{ key: 'k', params: [], category: 'nope', weight: 1 }] } as never))).toThrow(
      /category/,
    );
  });
});
