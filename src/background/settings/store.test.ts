import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '../../../tests/unit/support/fake-browser';

vi.mock('webextension-polyfill', async () => (await import('../../../tests/unit/support/fake-browser')).polyfillModule());

const { getSettings, getSettingsState } = await import('./store');
const { POLICY_READ_TIMEOUT_MS } = await import('./managed');

describe('settings when the browser does not answer for the managed policy', () => {
  const browser = fakeBrowser();
  const realGet = browser.storage.managed.get;
  beforeEach(() => {
    vi.useFakeTimers();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
  });
  afterEach(() => {
    browser.storage.managed.get = realGet;
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('goes on without it after the timeout, says so, and applies the policy once it answers', async () => {
    await browser.storage.local.set({ userSettings: { mode: 'warn' } });
    let answer: (value: Record<string, unknown>) => void = () => {};
    let policy: Record<string, unknown> | null = null;
    browser.storage.managed.get = () => (policy ? Promise.resolve(policy) : new Promise((done) => (answer = done)));
    const pending = getSettings();
    let settled = false;
    void pending.then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(POLICY_READ_TIMEOUT_MS - 1);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect((await pending).mode).toBe('warn');
    expect((await getSettingsState()).policyIssues).toEqual([expect.objectContaining({ key: '*', problem: 'unreadable' })]);

    // The browser answers at last: the policy applies from then on.
    policy = { mode: 'block', protectionEnabled: true };
    answer(policy);
    await vi.advanceTimersByTimeAsync(0);
    const state = await getSettingsState();
    expect(state.settings.mode).toBe('block');
    expect(state.locked).toContain('mode');
    expect(state.policyIssues).toEqual([]);
  });
});
