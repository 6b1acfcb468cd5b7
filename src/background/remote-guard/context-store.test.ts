import { beforeEach, describe, expect, it, vi } from 'vitest';

// An in-memory storage.local stands in for the browser's.
const store = vi.hoisted(() => new Map<string, unknown>());
vi.mock('webextension-polyfill', () => ({
  default: {
    storage: {
      local: {
        get: async (key: string) => (store.has(key) ? { [key]: store.get(key) } : {}),
        set: async (items: Record<string, unknown>) => {
          for (const [key, value] of Object.entries(items)) store.set(key, structuredClone(value));
        },
      },
    },
  },
}));

const { FLAGGED_VISITS_KEY, onVerdictChangeForRemoteGuard, readFlaggedVisits } = await import('./context-store');

const verdict = (level: 'safe' | 'suspicious' | 'scam') => ({ level, score: 0, reasons: [], phoneNumbers: [] });

describe('flagged visits from the verdict hub', () => {
  beforeEach(() => store.clear());

  it('records scam and suspicious verdicts in the shape the guard (and its e2e tests) read', async () => {
    await onVerdictChangeForRemoteGuard({ tabId: 3, url: 'http://scam.test/a', verdict: verdict('scam'), previousLevel: 'safe' });
    await onVerdictChangeForRemoteGuard({ tabId: 4, url: 'http://odd.test/b', verdict: verdict('suspicious'), previousLevel: 'safe' });
    const stored = store.get(FLAGGED_VISITS_KEY) as Array<Record<string, unknown>>;
    expect(stored.map(({ tabId, url, level }) => ({ tabId, url, level }))).toEqual([
      { tabId: 4, url: 'http://odd.test/b', level: 'suspicious' },
      { tabId: 3, url: 'http://scam.test/a', level: 'scam' },
    ]);
    expect(typeof stored[0]?.time).toBe('number');
  });

  it('ignores safe verdicts', async () => {
    await onVerdictChangeForRemoteGuard({ tabId: 3, url: 'http://ok.test/', verdict: verdict('safe'), previousLevel: 'scam' });
    expect(store.has(FLAGGED_VISITS_KEY)).toBe(false);
  });

  it('keeps every visit when verdicts arrive at once', async () => {
    await Promise.all(
      [1, 2, 3, 4, 5].map((tabId) => onVerdictChangeForRemoteGuard({ tabId, url: `http://s${tabId}.test/`, verdict: verdict('scam'), previousLevel: 'safe' })),
    );
    expect((await readFlaggedVisits()).map((visit) => visit.tabId).sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('drops malformed stored records instead of failing', async () => {
    store.set(FLAGGED_VISITS_KEY, [{ tabId: 'x' }, null, { tabId: 1, url: 'http://s.test/', level: 'scam', time: Date.now() }]);
    expect(await readFlaggedVisits()).toHaveLength(1);
  });
});
