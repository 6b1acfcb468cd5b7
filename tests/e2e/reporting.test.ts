// Reporting without a policy: the public report forms. Everything that needs a report
// endpoint, a token or the report/override permissions is policy-only and is tested
// under a real policy in tests/e2e-policy/reporting-policy.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findTabId, listTabs, openExtensionPage } from '../support/extension-api';
import type { TestPage } from '../support/extension-browser';
import { BROWSERS, FIXTURE_ORIGIN, openSession, type Session } from '../support/session';
import { poll, until } from '../support/wait';

describe.each(BROWSERS)('reporting in %s', (browserName) => {
  let session: Session;
  let admin: TestPage;

  beforeAll(async () => {
    session = await openSession(browserName);
    admin = await openExtensionPage(session.browser);
  });
  afterAll(async () => session?.close());

  it('opens the Google Safe Browsing and Microsoft report forms with the address filled in', async () => {
    const target = `${FIXTURE_ORIGIN}/report-target.html?case=forms`;
    const page = await session.browser.newPage(target);
    const tabId = await findTabId(admin, target);
    const popup = await session.browser.newPage(`${session.browser.extensionOrigin}src/ui/popup/index.html?tabId=${tabId}`);
    await until(popup, `!document.getElementById('action-report').hidden`);
    await popup.evaluate(() => (document.getElementById('action-report') as HTMLButtonElement).click());
    await popup.evaluate(() => (document.getElementById('report-send') as HTMLButtonElement).click());
    await until(popup, `!document.getElementById('report-services').hidden`, 15_000);
    await popup.evaluate(() => (document.getElementById('open-services') as HTMLButtonElement).click());

    const expected = [
      `https://safebrowsing.google.com/safebrowsing/report_phish/?url=${encodeURIComponent(target)}`,
      `https://www.microsoft.com/en-us/wdsi/support/report-unsafe-site-guest?url=${encodeURIComponent(target)}`,
    ];
    const tabs = await poll(
      () => listTabs(admin),
      (list) => expected.every((url) => list.some((tab) => tab.url === url)),
      10_000,
      'the report form tabs',
    );
    for (const url of expected) {
      const tab = tabs.find((t) => t.url === url);
      expect(new URL(tab?.url ?? '').searchParams.get('url')).toBe(target);
    }
    await popup.close();
    await page.close();
  });
});
