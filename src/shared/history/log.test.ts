import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from './entry';
import { parseHistoryEntry } from './kinds';
import { addEntries, filterEntries, importEntries, readStoredHistory, toExport } from './log';

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
