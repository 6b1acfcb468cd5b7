import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../src/shared/history/entry';
import { findTabId, openExtensionPage, sendFromExtensionPage } from '../support/extension-api';
import type { TestPage } from '../support/extension-browser';
import { BROWSERS, FIXTURE_ORIGIN, openSession, type Session } from '../support/session';
import { until } from '../support/wait';

const messages = (lang: string) => ({
  ...(JSON.parse(readFileSync(resolve(import.meta.dirname, `../../src/locales/${lang}/popup.json`), 'utf8')) as Record<string, { message: string }>),
});
const EN = messages('en');
const text = (page: TestPage, id: string) => page.evaluate(`document.getElementById(${JSON.stringify(id)}).textContent`) as Promise<string>;
const visible = (page: TestPage, id: string) =>
  page.evaluate(`(() => { const e = document.getElementById(${JSON.stringify(id)}); return !e.hidden && !e.closest('[hidden]'); })()`) as Promise<boolean>;
const click = (page: TestPage, id: string) => page.evaluate(`document.getElementById(${JSON.stringify(id)}).click()`);

describe.each(BROWSERS)('popup in %s', (browserName) => {
  let session: Session;
  let admin: TestPage;
  const target = `${FIXTURE_ORIGIN}/report-target.html?popup`;
  let tabId: number;

  beforeAll(async () => {
    session = await openSession(browserName);
    admin = await openExtensionPage(session.browser);
    await session.browser.newPage(target);
    tabId = await findTabId(admin, target);
  });
  afterAll(async () => session?.close());

  const openPopup = async (query: string) => {
    const popup = await session.browser.newPage(`${session.browser.extensionOrigin}src/ui/popup/index.html${query}`);
    await until(popup, `document.getElementById('status').dataset.level !== 'loading'`);
    return popup;
  };

  it('shows the status, the site and the advice for the tab named by ?tabId', async () => {
    const popup = await openPopup(`?tabId=${tabId}`);
    expect(await text(popup, 'status-headline')).toBe(EN.popupLevelSafe?.message);
    expect(await text(popup, 'status-site')).toBe('fixtures.fwb.test');
    for (const key of ['popupAdviceNoPhone', 'popupAdviceDontCall', 'popupAdviceNoRemote', 'popupExitEsc', 'popupExitClose', 'popupExitLock']) {
      expect(await popup.evaluate(`[...document.querySelectorAll('#advice li')].some((li) => li.textContent === ${JSON.stringify(EN[key]?.message)})`)).toBe(true);
    }
    expect(await visible(popup, 'action-report')).toBe(true);
    expect(await visible(popup, 'action-pause')).toBe(true);
    // Nothing was flagged, so there is nothing to call a false positive.
    expect(await visible(popup, 'action-not-scam')).toBe(false);
    expect(await visible(popup, 'consult-ipa')).toBe(false);
    expect(await popup.evaluate(`document.getElementById('link-history').href`)).toBe(
      `${session.browser.extensionOrigin}src/ui/options/index.html#history-section`,
    );
    await popup.close();
  });

  it('pauses and resumes protection on the site, and records both in the history', async () => {
    const popup = await openPopup(`?tabId=${tabId}`);
    await click(popup, 'action-pause');
    await until(popup, `!document.getElementById('status-paused').hidden && !document.getElementById('action-resume').hidden`);
    expect(await visible(popup, 'action-pause')).toBe(false);
    const paused = await sendFromExtensionPage<{ siteAllowed: boolean }>(admin, 'get-report-options', { url: target });
    expect(paused.siteAllowed).toBe(true);

    await click(popup, 'action-resume');
    await until(popup, `document.getElementById('status-paused').hidden && !document.getElementById('action-pause').hidden`);
    const { entries } = await sendFromExtensionPage<{ entries: HistoryEntry[] }>(admin, 'history-list', {});
    expect(entries.slice(0, 2).map((e) => e.kind)).toEqual(['site-resumed', 'site-paused']);
    await popup.close();
  });

  it('says there is no web page for other tabs, and ignores a bad tab id', async () => {
    const ownTab = await findTabId(admin, `${session.browser.extensionOrigin}src/ui/options/`);
    for (const query of [`?tabId=${ownTab}`, '?tabId=abc', '?tabId=-1', '?tabId=987654']) {
      const popup = await openPopup(query);
      expect(await text(popup, 'status-headline')).toBe(EN.popupStatusNoPage?.message);
      expect(await visible(popup, 'actions')).toBe(false);
      await popup.close();
    }
  });
});

// Chromium takes its UI language from --lang; Firefox would need a Japanese language pack installed.
describe.skipIf(!BROWSERS.includes('chromium'))('popup in Japanese (chromium)', () => {
  const JA = messages('ja');
  let session: Session;
  beforeAll(async () => {
    session = await openSession('chromium', { chromiumArgs: ['--lang=ja'] });
  });
  afterAll(async () => session?.close());

  it('speaks Japanese and points to the IPA consultation desk', async () => {
    const target = `${FIXTURE_ORIGIN}/report-target.html?ja`;
    await session.browser.newPage(target);
    const admin = await openExtensionPage(session.browser);
    const tabId = await findTabId(admin, target);
    const popup = await session.browser.newPage(`${session.browser.extensionOrigin}src/ui/popup/index.html?tabId=${tabId}`);
    await until(popup, `document.getElementById('status').dataset.level === 'safe'`);
    expect(await text(popup, 'status-headline')).toBe(JA.popupLevelSafe?.message);
    expect(await text(popup, 'action-report')).toBe(JA.popupActionReport?.message);
    expect(await visible(popup, 'consult-ipa')).toBe(true);
    expect(await popup.evaluate(`document.getElementById('consult-ipa-link').href`)).toBe('https://www.ipa.go.jp/security/anshin/');
  });
});
