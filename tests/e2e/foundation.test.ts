import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findTabId, openExtensionPage, sendFromExtensionPage } from '../support/extension-api';
import { BROWSER_SERVICE_HOSTS } from '../support/server';
import { BROWSERS, FIXTURE_HOST, FIXTURE_ORIGIN, openSession, type Session } from '../support/session';

describe.each(BROWSERS)('foundation in %s', (browserName) => {
  let session: Session;
  beforeAll(async () => {
    session = await openSession(browserName);
  });
  afterAll(async () => session?.close());

  it('runs the probe before the page’s first inline script and reports through to the service worker', async () => {
    const url = `${FIXTURE_ORIGIN}/probe-first.html`;
    const page = await session.browser.newPage(url);
    expect(await page.evaluate(() => (window as unknown as { firstScriptSawNativeLookingWrapper: boolean }).firstScriptSawNativeLookingWrapper)).toBe(true);

    const extensionPage = await openExtensionPage(session.browser);
    const tabId = await findTabId(extensionPage, url);
    let status: { url: string | null; eventCounts: Record<string, number> } = { url: null, eventCounts: {} };
    for (let attempt = 0; attempt < 40 && !status.eventCounts['fullscreen-request']; attempt++) {
      status = await sendFromExtensionPage(extensionPage, 'get-tab-status', { tabId });
      await new Promise((done) => setTimeout(done, 50));
    }
    expect(status.eventCounts['fullscreen-request']).toBe(1);
    expect(status.url).toBe(url);
    await page.close();
    await extensionPage.close();
  });

  it('rejects protocol messages that only extension pages may send when they come from a web page', async () => {
    const page = await session.browser.newPage(`${FIXTURE_ORIGIN}/probe-first.html`);
    // A web page has no runtime.sendMessage to our extension at all (no externally_connectable).
    const reachable = await page.evaluate(() => {
      const api = (globalThis as unknown as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome;
      return typeof api?.runtime?.sendMessage === 'function';
    });
    expect(reachable).toBe(false);
    await page.close();
  });

  it('sends nothing anywhere but to the pages the test opened', () => {
    const hosts = new Set(
      session.server.requests.map((r) => r.host).filter((host) => !BROWSER_SERVICE_HOSTS.test(host)),
    );
    expect([...hosts]).toEqual([FIXTURE_HOST]);
  });
});
