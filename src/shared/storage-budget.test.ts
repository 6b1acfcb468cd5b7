import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NOTIFICATION_REASONS } from './notifications/decide';
import { MAX_REFUSALS, MAX_SITES, type NotificationSite, pruneSites } from './notifications/sites';
import { USER_SETTING_KEYS } from './settings';
import { MAX_LIST_ENTRIES, validateSettings } from './settings-validate';
import { clipStoredUrl, jsonBytes, STORAGE_BUDGET, STORAGE_LOCAL_QUOTA_BYTES, STORED_URL_MAX_CHARS, utf8Length } from './storage-budget';

describe('storage budget', () => {
  it('adds up to less than Chrome’s 10 MB storage.local quota, with at least 1 MB to spare', () => {
    const total = STORAGE_BUDGET.reduce((sum, line) => sum + line.key.length + line.maxBytes, 0);
    process.stdout.write(`[budget] ${STORAGE_BUDGET.map((line) => `${line.key} ${line.maxBytes}`).join(', ')}; total ${total} of ${STORAGE_LOCAL_QUOTA_BYTES}\n`);
    expect(total).toBeLessThan(STORAGE_LOCAL_QUOTA_BYTES - 1024 * 1024);
  });

  it('names each key once', () => {
    const keys = STORAGE_BUDGET.map((line) => line.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('counts bytes as UTF-8, like the browser (property-based)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), (value, text, binary) => {
        expect(jsonBytes(value)).toBe(Buffer.byteLength(JSON.stringify(value), 'utf8'));
        expect(utf8Length(text)).toBe(Buffer.byteLength(text, 'utf8'));
        expect(jsonBytes(binary)).toBe(Buffer.byteLength(JSON.stringify(binary), 'utf8'));
      }),
      { numRuns: 300 },
    );
    expect(jsonBytes(undefined)).toBe(0);
    expect(jsonBytes('日本')).toBe(8);
  }, 30_000);

  it('cuts long addresses for small records and leaves short ones alone', () => {
    const long = `https://scam.example/${'a'.repeat(2 * 1024 * 1024)}`;
    expect(clipStoredUrl(long)).toHaveLength(STORED_URL_MAX_CHARS);
    expect(clipStoredUrl(long).startsWith('https://scam.example/')).toBe(true);
    expect(clipStoredUrl('https://ok.example/')).toBe('https://ok.example/');
  });
});

const budgetFor = (key: string) => STORAGE_BUDGET.find((line) => line.key === key)?.maxBytes ?? 0;
const storedBytes = (key: string, value: unknown) => key.length + jsonBytes(value);

describe('the smaller areas, filled to their caps, stay within their budget lines', () => {
  // The longest pattern there can be, with a path in Japanese (stored percent-encoded, so ASCII).
  const longest = (i: number, list: string) => {
    const host = `${list}${i}.example.jp`;
    const path = `/${'サ'.repeat(40)}/${'p'.repeat(500)}`;
    return `https://${host}${path}`.slice(0, 500);
  };
  const lists = (list: string) => Array.from({ length: MAX_LIST_ENTRIES }, (_, i) => longest(i, list));

  it('userSettings: two full site lists', () => {
    const { values, issues } = validateSettings(
      { mode: 'warn', protectionEnabled: true, notificationProtection: true, remoteGuardMode: 'always-warn', remoteGuardWindowMinutes: 1440, historyLimit: 2000, allowList: lists('a'), blockList: lists('b') },
      USER_SETTING_KEYS,
    );
    const kept = [...(values.allowList ?? []), ...(values.blockList ?? [])];
    // The ones that fit 500 characters once encoded are kept; none is stored with non-ASCII text.
    expect(kept.length + issues.length).toBe(2 * MAX_LIST_ENTRIES);
    expect(kept.every((pattern) => /^[\x21-\x7e]+$/.test(pattern) && pattern.length <= 500)).toBe(true);
    const widest = { ...values, allowList: Array.from({ length: MAX_LIST_ENTRIES }, (_, i) => `a${i}.example.jp/${'p'.repeat(500)}`.slice(0, 500)), blockList: Array.from({ length: MAX_LIST_ENTRIES }, (_, i) => `b${i}.example.jp/${'p'.repeat(500)}`.slice(0, 500)) };
    expect(validateSettings(widest, USER_SETTING_KEYS).issues).toEqual([]);
    expect(storedBytes('userSettings', widest)).toBeLessThanOrEqual(budgetFor('userSettings'));
  });

  it('notificationSettingsSnapshot: a full allow list', () => {
    const snapshot = { protectionEnabled: true, notificationProtection: true, mode: 'block', allowUserOverride: true, allowList: Array.from({ length: MAX_LIST_ENTRIES }, (_, i) => `a${i}.example.jp/${'p'.repeat(500)}`.slice(0, 500)) };
    expect(storedBytes('notificationSettingsSnapshot', snapshot)).toBeLessThanOrEqual(budgetFor('notificationSettingsSnapshot'));
  });

  it('notificationSites: more sites than kept, each with the longest origin and every field', () => {
    const label = 'x'.repeat(63);
    const sites: Record<string, NotificationSite> = {};
    for (let i = 0; i < MAX_SITES + 100; i++) {
      const origin = `https://${i}${label}.${label}.${label}.${label.slice(0, 55)}.jp:65535`;
      sites[origin] = {
        origin, grantedAt: 1e13, blockedAt: 1e13, blockedBy: 'extension', revokedAt: 1e13, keptAt: 1e13,
        reasons: [...NOTIFICATION_REASONS], refusals: Array.from({ length: MAX_REFUSALS }, () => 1e13), updatedAt: 1e13 + i,
      };
    }
    const kept = pruneSites(sites);
    expect(Object.keys(kept)).toHaveLength(MAX_SITES);
    expect(storedBytes('notificationSites', { version: 1, sites: kept })).toBeLessThanOrEqual(budgetFor('notificationSites'));
  });
});
