import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import v0 from '../../tests/fixtures/storage/v0-early-build.json' with { type: 'json' };
import v1 from '../../tests/fixtures/storage/v1-before-budget.json' with { type: 'json' };
import v2 from '../../tests/fixtures/storage/v2-current.json' with { type: 'json' };
import { USER_SETTING_KEYS } from './settings';
import { validateSettings } from './settings-validate';
import { HISTORY_MAX_BYTES, HISTORY_MAX_ENTRIES, jsonBytes, OUTBOX_MAX_BYTES, OUTBOX_MAX_UNDELIVERED, STORAGE_LOCAL_QUOTA_BYTES } from './storage-budget';
import { MAX_FALSE_POSITIVES, planMigration, STORAGE_VERSION, type MigrationPlan } from './storage-migration';

/** What storage.local holds after the plan is applied (remove, then set, as the runner does). */
function apply(stored: Record<string, unknown>, plan: MigrationPlan | null): Record<string, unknown> {
  if (!plan) return stored;
  const after = structuredClone(stored);
  for (const key of plan.remove) delete after[key];
  return { ...after, ...structuredClone(plan.set) };
}

function v0Storage(): Record<string, unknown> {
  const stored: Record<string, unknown> = structuredClone(v0.stored);
  const records: unknown[] = Array.from({ length: v0.generate.protectionFalsePositives }, (_, i) => ({
    host: `site${i}.example.test`, url: `http://site${i}.example.test/`, reasonKeys: [], blockedAt: i, allowedAt: i + 1,
  }));
  records.splice(100, 0, ...Array.from({ length: v0.generate.brokenFalsePositives }, () => 'not a record'));
  stored.protectionFalsePositives = records;
  return stored;
}

const NOW = 1_800_000_000_000;

interface Entry {
  id: string;
  time: number;
  kind: string;
  data: Record<string, unknown>;
}
interface Item {
  reportId: string;
  historyId: string;
  state: string;
  body: { screenshot: unknown };
}

/** What a v1 build could leave after a long outage with policy screenshots: see the fixture's description. */
function v1Storage(): Record<string, unknown> {
  const stored: Record<string, unknown> = structuredClone(v1.stored);
  const { detections, pendingReports, deliveredReports, screenshotChars } = v1.generate;
  const reasons = Array.from({ length: 8 }, (_, i) => ({ key: 'reasonClaimInfected', params: [`phrase ${i}`], category: 'claim', weight: 1 }));
  const entries: unknown[] = Array.from({ length: detections }, (_, i) => ({
    id: `d${i}`, time: NOW - 10_000_000 - i, url: `http://s${i}.example.test/`, kind: 'detection', level: 'scam', reasons, phoneNumbers: ['+1 888 555 0199'], data: { score: 9 },
  }));
  const outbox: unknown[] = [];
  for (let i = 0; i < pendingReports + deliveredReports; i++) {
    const delivered = i < deliveredReports;
    entries.unshift({ id: `h${i}`, time: NOW - 1_000_000 + i, url: `http://scam${i}.example.test/`, kind: 'report', data: { reportId: `r${i}`, delivery: delivered ? 'delivered' : 'retrying', screenshot: true } });
    outbox.push({
      reportId: `r${i}`, historyId: `h${i}`, dedupeKey: `scam http://scam${i}.example.test/`, state: delivered ? 'delivered' : 'pending', attempts: 3,
      createdAt: NOW - 1_000_000 + i, nextAttemptAt: NOW + 60_000, ...(delivered ? { deliveredAt: NOW - 1000 } : {}),
      body: { reportId: `r${i}`, page: { url: `http://scam${i}.example.test/` }, screenshot: { mediaType: 'image/jpeg', dataBase64: 'A'.repeat(screenshotChars) } },
    });
  }
  outbox.splice(3, 0, { reportId: 42, body: 'not an item' });
  stored.history = { version: 1, entries };
  stored.reportOutbox = outbox;
  return stored;
}

describe('storage migration', () => {
  it('brings an early build’s storage to v1: user settings cleaned, history versioned, lists capped, other data kept', () => {
    const stored = v0Storage();
    const plan = planMigration(stored);
    expect(plan).toMatchObject({ from: 0, to: STORAGE_VERSION });
    const after = apply(stored, plan);
    expect(after.userSettings).toEqual(v0.expected.userSettings);
    expect(after.history).toEqual(v0.expected.history);
    expect(after.remoteGuardFlagged).toEqual(v0.expected.remoteGuardFlagged);
    expect(after.storageVersion).toBe(v0.expected.storageVersion);
    const kept = after.protectionFalsePositives as { host: string }[];
    expect(kept).toHaveLength(v0.expected.protectionFalsePositivesKept);
    // The newest records are kept, the broken one is gone.
    expect(kept.at(-1)?.host).toBe('site229.example.test');
    expect(kept.every((record) => typeof record.host === 'string')).toBe(true);
    // The token the first builds let users store is not kept.
    expect(JSON.stringify(after)).not.toContain('secret-token-123');
    expect(plan?.notes.join(' ')).toMatch(/reportEndpoint/);
  });

  it('brings a v1 store that grew past the budget within it: history limit, history, outbox, every loss marked', () => {
    const stored = v1Storage();
    const before = (stored.history as { entries: Entry[] }).entries.length;
    const plan = planMigration(stored, NOW);
    expect(plan).toMatchObject({ from: 1, to: 2 });
    const after = apply(stored, plan);
    expect(after.storageVersion).toBe(v1.expected.storageVersion);
    expect(after.userSettings).toEqual(v1.expected.userSettings);
    expect(after.protectionFalsePositives).toEqual(stored.protectionFalsePositives);

    const items = after.reportOutbox as Item[];
    const waiting = items.filter((item) => item.state !== 'delivered');
    expect(waiting).toHaveLength(v1.expected.outboxWaiting);
    expect(waiting.length).toBeLessThanOrEqual(OUTBOX_MAX_UNDELIVERED);
    expect('reportOutbox'.length + jsonBytes(items)).toBeLessThanOrEqual(OUTBOX_MAX_BYTES);
    expect(items.filter((item) => item.state === 'delivered' && item.body.screenshot !== null)).toEqual([]);

    const entries = (after.history as { entries: Entry[] }).entries;
    expect(entries).toHaveLength(v1.expected.historyEntries);
    expect(entries.length).toBeLessThan(before);
    expect('history'.length + jsonBytes(after.history)).toBeLessThanOrEqual(HISTORY_MAX_BYTES);
    expect(entries[0]?.id).toBe(`h${v1.generate.pendingReports + v1.generate.deliveredReports - 1}`);
    // The reports given up are the oldest waiting ones, and their history entries say "not sent".
    const reports = entries.filter((entry) => entry.kind === 'report');
    const dropped = reports.filter((entry) => entry.data.delivery === 'dropped').map((entry) => entry.data.reportId);
    const firstPending = v1.generate.deliveredReports;
    expect(dropped.sort()).toEqual(Array.from({ length: v1.expected.droppedReports }, (_, i) => `r${firstPending + i}`).sort());
    // Every waiting report that lost its screenshot says so; the ones that kept it say nothing.
    for (const item of waiting) {
      const entry = reports.find((candidate) => candidate.id === item.historyId);
      if (item.body.screenshot === null) expect(entry?.data).toMatchObject({ screenshot: false, screenshotLeftOut: 'outbox-full' });
      else expect(entry?.data.screenshotLeftOut).toBeUndefined();
    }
    const total = Object.entries(after).reduce((sum, [key, value]) => sum + key.length + jsonBytes(value), 0);
    process.stdout.write(`[budget] v1 store of ${Object.entries(stored).reduce((sum, [key, value]) => sum + key.length + jsonBytes(value), 0)} bytes migrated to ${total} bytes\n`);
    expect(total).toBeLessThan(STORAGE_LOCAL_QUOTA_BYTES);
    expect(planMigration(after, NOW)).toBeNull();
    expect(plan?.notes.join(' ')).toMatch(/historyLimit 10000 limited to 2000.*reportOutbox.*10 reports given up.*1 malformed.*history: kept the newest 2000 of 10065/);
  });

  it('changes nothing but the version in a v1 store already within the budget', () => {
    const small = { ...structuredClone(v2.stored), storageVersion: 1 };
    expect(apply(small, planMigration(small, NOW))).toEqual(v2.stored);
    expect(HISTORY_MAX_ENTRIES).toBe(v2.stored.userSettings.historyLimit);
  });

  it('leaves current storage alone, and is done after one run', () => {
    expect(planMigration(structuredClone(v2.stored))).toBeNull();
    const once = apply(v0Storage(), planMigration(v0Storage()));
    expect(planMigration(once)).toBeNull();
  });

  it('leaves storage written by a newer build untouched (going back loses nothing)', () => {
    expect(planMigration({ storageVersion: STORAGE_VERSION + 1, userSettings: { futureKey: 1 } })).toBeNull();
  });

  it('never throws on any stored data, and always ends at the current version with valid user settings (property-based)', () => {
    const value = fc.oneof(fc.anything(), fc.record({ mode: fc.anything(), allowList: fc.anything(), reportToken: fc.string() }, { requiredKeys: [] }));
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('userSettings', 'history', 'protectionFalsePositives', 'reportOutbox', 'storageVersion', 'other'), value), (stored) => {
        fc.pre(!(typeof stored.storageVersion === 'number' && Number.isInteger(stored.storageVersion) && stored.storageVersion >= STORAGE_VERSION));
        const after = apply(stored, planMigration(stored));
        expect(after.storageVersion).toBe(STORAGE_VERSION);
        if (after.userSettings !== undefined) expect(validateSettings(after.userSettings, USER_SETTING_KEYS).issues).toEqual([]);
        if (Array.isArray(after.protectionFalsePositives)) expect(after.protectionFalsePositives.length).toBeLessThanOrEqual(MAX_FALSE_POSITIVES);
        expect(planMigration(after)).toBeNull();
        expect(after.other).toEqual(stored.other);
      }),
      { numRuns: 1000 },
    );
  });
});
