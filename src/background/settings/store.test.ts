import { beforeEach, describe, expect, it, vi } from 'vitest';

// In-memory storage.local and a storage.managed whose answer the test controls.
const fake = vi.hoisted(() => ({
  local: new Map<string, unknown>(),
  managed: { resolve: (_value: Record<string, unknown>) => {}, pending: null as Promise<Record<string, unknown>> | null },
}));
vi.mock('webextension-polyfill', () => ({
  default: {
    storage: {
      local: { get: async (key: string) => (fake.local.has(key) ? { [key]: fake.local.get(key) } : {}) },
      managed: { get: () => fake.managed.pending ?? Promise.resolve({}) },
    },
  },
}));

const { getSettings, getSettingsState, getSettingsWithPolicy, handleStorageChange, onSettingsChange } = await import('./store');

describe('settings store with a slow policy read', () => {
  beforeEach(() => {
    fake.local.clear();
    fake.managed.pending = new Promise((done) => (fake.managed.resolve = done));
  });

  it('does not wait for the browser: defaults and user settings apply, then the policy once it answers', async () => {
    vi.useFakeTimers();
    fake.local.set('userSettings', { mode: 'warn' });
    const early = getSettings();
    await vi.advanceTimersByTimeAsync(1000);
    expect(await early).toMatchObject({ protectionEnabled: true, mode: 'warn' });
    expect((await getSettingsState()).policyIssues[0]).toMatchObject({ key: '*', problem: 'unreadable' });
    vi.useRealTimers();

    const changed = new Promise((done) => onSettingsChange(done));
    fake.managed.pending = Promise.resolve({ mode: 'block', allowUserOverride: false });
    fake.managed.resolve({ mode: 'block', allowUserOverride: false });
    await changed;
    const state = await getSettingsState();
    expect(state.settings).toMatchObject({ mode: 'block', allowUserOverride: false });
    expect(state.locked).toContain('mode');
    expect(state.policyIssues).toEqual([]);
  });

  it('lets decisions that need the policy wait for it', async () => {
    vi.useFakeTimers();
    // A policy change notice: the store reads again, and the browser is slow to answer.
    handleStorageChange({}, 'managed');
    await vi.advanceTimersByTimeAsync(1000);
    expect((await getSettings()).reportEndpoint).toBe('');
    vi.useRealTimers();
    const withPolicy = getSettingsWithPolicy();
    fake.managed.pending = Promise.resolve({ reportEndpoint: 'https://reports.example.org/v1' });
    fake.managed.resolve({ reportEndpoint: 'https://reports.example.org/v1' });
    expect((await withPolicy).reportEndpoint).toBe('https://reports.example.org/v1');
  });
});
