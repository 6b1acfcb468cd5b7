import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SETTING_KEYS, USER_SETTING_KEYS } from './settings';
import { resolveSettings } from './settings-resolve';
import { validateSettings } from './settings-validate';
import { HISTORY_MAX_ENTRIES } from './storage-budget';

describe('validateSettings', () => {
  it('accepts a complete valid policy unchanged, except for normalisation', () => {
    const policy = {
      ...DEFAULT_SETTINGS,
      mode: 'warn',
      allowList: ['Intranet.Example.COM', '*.example.org'],
      blockList: ['https://bad.example/*'],
      reportEndpoint: 'https://reports.example.com/fwb',
      reportToken: 'abc.DEF-123',
      supportContact: { name: ' IT Helpdesk ', phone: '+81 3-1234-5678', url: 'https://help.example.com' },
    };
    const { values, issues, present } = validateSettings(policy);
    expect(issues).toEqual([]);
    expect(present).toEqual(SETTING_KEYS);
    expect(values.allowList).toEqual(['intranet.example.com', '*.example.org']);
    expect(values.supportContact).toEqual({ name: 'IT Helpdesk', phone: '+81 3-1234-5678', url: 'https://help.example.com' });
  });

  it('reports each bad value, keeps the good ones, and drops only the bad list entries', () => {
    const { values, issues, present } = validateSettings({
      mode: 'off',
      protectionEnabled: 'no',
      allowList: ['ok.example', 'not a host', 42],
      remoteGuardWindowMinutes: 0,
      reportEndpoint: 'javascript:alert(1)',
      reportToken: 'has space',
      supportContact: { name: 'Helpdesk', phone: 'call us', colour: 'red' },
      typo: true,
    });
    expect(values).toEqual({ allowList: ['ok.example'], supportContact: { name: 'Helpdesk', phone: '', url: '' } });
    expect(present).toEqual(['mode', 'protectionEnabled', 'allowList', 'remoteGuardWindowMinutes', 'reportEndpoint', 'reportToken', 'supportContact']);
    expect(issues.map((issue) => [issue.key, issue.problem])).toEqual([
      ['mode', 'bad-value'],
      ['protectionEnabled', 'wrong-type'],
      ['allowList[1]', 'bad-entry'],
      ['allowList[2]', 'bad-entry'],
      ['remoteGuardWindowMinutes', 'bad-value'],
      ['reportEndpoint', 'bad-value'],
      ['reportToken', 'bad-value'],
      ['supportContact.colour', 'unknown-key'],
      ['supportContact.phone', 'bad-value'],
      ['typo', 'unknown-key'],
    ]);
  });

  it('clamps a history limit above the storage budget to the maximum, and says so', () => {
    const { values, issues, present } = validateSettings({ historyLimit: 10_000 });
    expect(values).toEqual({ historyLimit: HISTORY_MAX_ENTRIES });
    expect(present).toEqual(['historyLimit']);
    expect(issues).toEqual([{ key: 'historyLimit', problem: 'above-maximum', detail: `at most ${HISTORY_MAX_ENTRIES}: the storage budget allows no more` }]);
    // At the boundary: the maximum itself is fine, one more is clamped; below the minimum is still ignored.
    expect(validateSettings({ historyLimit: HISTORY_MAX_ENTRIES }).issues).toEqual([]);
    expect(validateSettings({ historyLimit: HISTORY_MAX_ENTRIES + 1 }).values.historyLimit).toBe(HISTORY_MAX_ENTRIES);
    expect(validateSettings({ historyLimit: -1 })).toMatchObject({ values: {}, issues: [{ key: 'historyLimit', problem: 'bad-value' }] });
    expect(validateSettings({ historyLimit: 1e9 + 0.5 })).toMatchObject({ values: {}, issues: [{ key: 'historyLimit', problem: 'wrong-type' }] });
    // Other ranges keep their meaning: out of range is ignored, not clamped.
    expect(validateSettings({ remoteGuardWindowMinutes: 100_000 })).toMatchObject({ values: {}, issues: [{ problem: 'bad-value' }] });
  });

  it('never echoes the token in an issue', () => {
    const { issues } = validateSettings({ reportToken: 'secret value' });
    expect(JSON.stringify(issues)).not.toContain('secret');
  });

  it('rejects whole non-objects and keys a tier may not set', () => {
    expect(validateSettings([1, 2]).issues).toEqual([{ key: '*', problem: 'not-an-object', detail: expect.any(String) }]);
    expect(validateSettings(undefined).issues).toEqual([]);
    const user = validateSettings({ reportEndpoint: 'https://x.example', mode: 'warn' }, USER_SETTING_KEYS);
    expect(user.values).toEqual({ mode: 'warn' });
    expect(user.issues[0]).toMatchObject({ key: 'reportEndpoint', problem: 'unknown-key' });
  });
});

describe('resolveSettings', () => {
  it('layers defaults, then user settings, then policy, and locks what the policy names', () => {
    const state = resolveSettings(
      { mode: 'warn', notificationProtection: false, blockList: ['user.example'] },
      { mode: 'block', blockList: ['policy.example'] },
    );
    expect(state.settings.mode).toBe('block');
    expect(state.settings.blockList).toEqual(['policy.example']);
    expect(state.settings.notificationProtection).toBe(false);
    expect(state.locked).toEqual(['mode', 'blockList']);
    expect(state.managed).toBe(true);
    expect(state.userSettings).toEqual({ mode: 'warn', notificationProtection: false, blockList: ['user.example'] });
  });

  it('falls back to the default, not the user’s choice, for an invalid policy value, and still locks it', () => {
    const state = resolveSettings({ protectionEnabled: false }, { protectionEnabled: 'off' });
    expect(state.settings.protectionEnabled).toBe(true);
    expect(state.locked).toEqual(['protectionEnabled']);
    expect(state.policyIssues).toHaveLength(1);
  });

  it('takes pausing, mode downgrades and user allow-listing away when policy forbids overrides', () => {
    const state = resolveSettings(
      { protectionEnabled: false, mode: 'monitor', allowList: ['mine.example'], historyLimit: 10 },
      { allowUserOverride: false },
    );
    expect(state.settings).toMatchObject({ protectionEnabled: true, mode: 'block', allowList: [], historyLimit: 10 });
    expect(state.locked).toEqual(['protectionEnabled', 'mode', 'allowUserOverride', 'allowList']);
  });

  it('ignores user values for the organisation-only settings (where and whether reports go, overrides)', () => {
    const stored = {
      reportEndpoint: 'https://user.example/collect',
      reportToken: 'user-token',
      allowUserReports: false,
      allowUserOverride: false,
      includeScreenshots: true,
      supportContact: { name: 'Not the helpdesk', phone: '+1 800 555 0100', url: '' },
    };
    const state = resolveSettings(stored, undefined);
    for (const key of Object.keys(stored)) expect(state.settings, key).toHaveProperty(key, DEFAULT_SETTINGS[key as keyof typeof DEFAULT_SETTINGS]);
    expect(state.userSettings).toEqual({});
  });

  it('applies a policy history limit above the maximum as the maximum, locked, with a policy issue', () => {
    const state = resolveSettings({ historyLimit: 100 }, { historyLimit: 50_000 });
    expect(state.settings.historyLimit).toBe(HISTORY_MAX_ENTRIES);
    expect(state.locked).toEqual(['historyLimit']);
    expect(state.policyIssues).toMatchObject([{ key: 'historyLimit', problem: 'above-maximum' }]);
  });

  it('reads a user history limit an earlier build accepted (up to 10,000) as the maximum', () => {
    const state = resolveSettings({ historyLimit: 10_000 }, undefined);
    expect(state.settings.historyLimit).toBe(HISTORY_MAX_ENTRIES);
    expect(state.userSettings).toEqual({ historyLimit: HISTORY_MAX_ENTRIES });
  });

  it('lets a valid policy turn protection off', () => {
    expect(resolveSettings({}, { protectionEnabled: false }).settings.protectionEnabled).toBe(false);
  });

  it('without a policy: nothing locked, not managed', () => {
    const state = resolveSettings(undefined, undefined);
    expect(state).toEqual({ settings: DEFAULT_SETTINGS, locked: [], managed: false, policyIssues: [], userSettings: {} });
  });
});

// Values likely to hit the interesting branches, mixed with arbitrary junk.
const settingValue = fc.oneof(
  fc.anything(),
  fc.boolean(),
  fc.constantFrom('block', 'warn', 'monitor', 'off', 'always-warn', '', 'false', 'https://x.example', 'javascript:1'),
  fc.integer(),
  fc.array(fc.oneof(fc.string(), fc.domain(), fc.anything()), { maxLength: 5 }),
  fc.record({ name: fc.anything(), phone: fc.oneof(fc.string(), fc.constant('+1 800 555 0100')), url: fc.anything() }, { requiredKeys: [] }),
);
const policyObject = fc.oneof(
  fc.anything(),
  fc.dictionary(fc.oneof(fc.constantFrom(...SETTING_KEYS), fc.string()), settingValue),
);

describe('resolveSettings with random input (property-based)', () => {
  it('never throws, always returns valid settings, and turns protection off only by a valid policy or user value', () => {
    fc.assert(
      fc.property(policyObject, policyObject, (user, policy) => {
        const state = resolveSettings(user, policy);
        // The effective settings always validate cleanly with every key present.
        expect(validateSettings(state.settings).issues).toEqual([]);
        expect(Object.keys(state.settings).sort()).toEqual([...SETTING_KEYS].sort());
        const policyRecord = typeof policy === 'object' && policy !== null && !Array.isArray(policy) ? (policy as Record<string, unknown>) : {};
        const userRecord = typeof user === 'object' && user !== null && !Array.isArray(user) ? (user as Record<string, unknown>) : {};
        if (!state.settings.protectionEnabled) {
          const byPolicy = Object.hasOwn(policyRecord, 'protectionEnabled') && policyRecord.protectionEnabled === false;
          const byUser =
            !Object.hasOwn(policyRecord, 'protectionEnabled') &&
            policyRecord.allowUserOverride !== false &&
            Object.hasOwn(userRecord, 'protectionEnabled') &&
            userRecord.protectionEnabled === false;
          expect(byPolicy || byUser).toBe(true);
        }
        if (state.settings.mode !== 'block') {
          const source = Object.hasOwn(policyRecord, 'mode') ? policyRecord.mode : userRecord.mode;
          expect(source).toBe(state.settings.mode);
        }
      }),
      { numRuns: 1000 },
    );
  }, 30_000);

  it('a policy alone never turns protection off unless it says protectionEnabled: false exactly', () => {
    fc.assert(
      fc.property(policyObject, (policy) => {
        const state = resolveSettings(undefined, policy);
        const said = typeof policy === 'object' && policy !== null && (policy as Record<string, unknown>).protectionEnabled === false;
        expect(state.settings.protectionEnabled).toBe(!said);
      }),
      { numRuns: 1000 },
    );
  }, 30_000);
});

// Policy JSON as an administrator's file (or an attacker who can write one) may hold it:
// prototype keys, wrong nesting, huge lists and strings, every type in every place.
const hostileJson = fc
  .dictionary(
    fc.oneof(fc.constantFrom(...SETTING_KEYS, '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'), fc.string()),
    fc.oneof(
      settingValue,
      fc.constant({ protectionEnabled: false, mode: 'monitor' }),
      fc.constant(Array.from({ length: 1500 }, (_, i) => `site${i}.example`)),
      fc.constant('x'.repeat(100_000)),
      fc.json().map((text) => JSON.parse(text) as unknown),
    ),
  )
  // Through JSON, as storage and policy files deliver it: "__proto__" stays an own key.
  .map((value) => JSON.parse(JSON.stringify(value)) as unknown);

describe('policy validation with hostile input (property-based)', () => {
  it('never throws, never pollutes prototypes, locks every key it names, and gives protection up only when it says so', () => {
    fc.assert(
      fc.property(hostileJson, policyObject, (policy, user) => {
        const state = resolveSettings(user, policy);
        expect(({} as Record<string, unknown>).protectionEnabled).toBeUndefined();
        expect(({} as Record<string, unknown>).mode).toBeUndefined();
        const record = policy as Record<string, unknown>;
        for (const key of SETTING_KEYS) if (Object.hasOwn(record, key)) expect(state.locked, key).toContain(key);
        if (Object.hasOwn(record, 'protectionEnabled')) expect(state.settings.protectionEnabled).toBe(record.protectionEnabled !== false);
        if (record.protectionEnabled === true) expect(state.settings.protectionEnabled).toBe(true);
        // Issues name the setting and never repeat the token.
        for (const issue of state.policyIssues) {
          expect(typeof issue.key).toBe('string');
          // (Only the token's own issue: a random token such as "always-warn" may be a word other details use.)
          if (issue.key === 'reportToken' && typeof record.reportToken === 'string' && record.reportToken.length > 8) expect(issue.detail).not.toContain(record.reportToken);
        }
      }),
      { numRuns: 1000 },
    );
  }, 60_000);

  it('validating the validated values again changes nothing and finds nothing wrong', () => {
    fc.assert(
      fc.property(hostileJson, (policy) => {
        const once = validateSettings(policy);
        const twice = validateSettings(once.values);
        expect(twice.values).toEqual(once.values);
        expect(twice.issues).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  }, 60_000);
});
