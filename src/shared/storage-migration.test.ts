import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import v0 from '../../tests/fixtures/storage/v0-early-build.json' with { type: 'json' };
import v1 from '../../tests/fixtures/storage/v1-current.json' with { type: 'json' };
import { USER_SETTING_KEYS } from './settings';
import { validateSettings } from './settings-validate';
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

  it('leaves v1 storage alone, and is done after one run', () => {
    expect(planMigration(structuredClone(v1.stored))).toBeNull();
    const once = apply(v0Storage(), planMigration(v0Storage()));
    expect(planMigration(once)).toBeNull();
  });

  it('leaves storage written by a newer build untouched (going back loses nothing)', () => {
    expect(planMigration({ storageVersion: STORAGE_VERSION + 1, userSettings: { futureKey: 1 } })).toBeNull();
  });

  it('never throws on any stored data, and always ends at the current version with valid user settings (property-based)', () => {
    const value = fc.oneof(fc.anything(), fc.record({ mode: fc.anything(), allowList: fc.anything(), reportToken: fc.string() }, { requiredKeys: [] }));
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('userSettings', 'history', 'protectionFalsePositives', 'storageVersion', 'other'), value), (stored) => {
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
