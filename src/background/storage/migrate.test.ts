import { describe, expect, it, vi } from 'vitest';
import v0 from '../../../tests/fixtures/storage/v0-early-build.json' with { type: 'json' };
import { fakeBrowser } from '../../../tests/unit/support/fake-browser';

vi.mock('webextension-polyfill', async () => (await import('../../../tests/unit/support/fake-browser')).polyfillModule());

describe('storage migration at worker start', () => {
  it('migrates an early build’s storage before the first message is handled', async () => {
    const browser = fakeBrowser();
    browser.storage.local.data = structuredClone(v0.stored);
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    // The worker starts (its first event is this message) on the old data.
    await import('../main');
    const page = { id: browser.runtime.id, url: browser.runtime.getURL('src/ui/options/index.html') };
    const [reply] = browser.runtime.onMessage.fire({ type: 'get-settings-state', payload: {} }, page) as Promise<{ ok: boolean; value: { userSettings: unknown } }>[];
    expect((await reply)?.value.userSettings).toEqual(v0.expected.userSettings);
    expect(browser.storage.local.data.storageVersion).toBe(v0.expected.storageVersion);
    expect(browser.storage.local.data.userSettings).toEqual(v0.expected.userSettings);
    expect(browser.storage.local.data.history).toEqual(v0.expected.history);
    expect(console.warn).toHaveBeenCalledWith(expect.stringMatching(/storage migrated from v0 to v2: userSettings: dropped/));
  });
});
