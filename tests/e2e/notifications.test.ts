// Notification protection end to end (issue #6): lure pages are refused without a
// prompt (Chromium: and blocked in the browser's own settings), honest requests reach
// the browser untouched, a flagged site that had permission loses it (Chromium) or the
// user is told how to remove it (Firefox), and the options page lists and manages sites.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findTabId, openExtensionPage, sendFromExtensionPage, setUserSettings } from '../support/extension-api';
import type { TestPage } from '../support/extension-browser';
import { asked, askedOnSite, browserOwnSetting, browserSetting, entriesFor, firstAnswer, lureSeen, notificationEntries } from '../support/notifications';
import { BROWSERS, FIXTURES_DIR, openSession, type Session } from '../support/session';
import { pause, waitInPage } from '../support/warning-helpers';
import { until } from '../support/wait';

const HOSTS = {
  lure: 'lure.fwb.test',
  lureJa: 'lure-ja.fwb.test',
  lureFrame: 'lure-frame.fwb.test',
  arrow: 'arrow.fwb.test',
  onload: 'onload.fwb.test',
  demo: 'demo.fwb.test',
  chat: 'chat.fwb.test',
  flagged: 'flagged.fwb.test',
  off: 'off.fwb.test',
  allowed: 'allowed.fwb.test',
  monitor: 'monitor.fwb.test',
  manage: 'manage.fwb.test',
};
const origin = (host: string) => `http://${host}`;
const page = (host: string, file: string) => `${origin(host)}/notifications/${file}`;
/** Sites that already have notification permission when the browser starts (the user allowed them earlier). */
const GRANTED = [origin(HOSTS.chat), origin(HOSTS.flagged)];

describe.each(BROWSERS)('notification protection in %s', (browserName) => {
  let session: Session;
  let control: TestPage;
  const chromium = browserName === 'chromium';
  const isWarning = (url: string) => url.startsWith(`${session.browser.extensionOrigin}src/ui/warning/`);

  beforeAll(async () => {
    const hosts = Object.values(HOSTS);
    session = await openSession(browserName, {
      // Notifications need a secure context; the fixture hosts are plain http.
      chromiumArgs: [`--unsafely-treat-insecure-origin-as-secure=${hosts.map(origin).join(',')}`],
      firefoxPrefs: { 'dom.securecontext.allowlist': hosts.join(',') },
      notificationsGranted: GRANTED,
    });
    for (const host of hosts) session.server.mount(host, FIXTURES_DIR);
    control = await openExtensionPage(session.browser);
    await setUserSettings(control, {});
    // Right after the browser starts, Chromium's first policy read takes seconds; these tests
    // are about a running browser (the start-up case: settings-snapshot.ts).
    await sendFromExtensionPage(control, 'get-settings-state', {});
  });
  afterAll(async () => session?.close());

  async function openAndClick(url: string, x = 400, y = 300, waitForLure = false): Promise<TestPage> {
    const tab = await session.browser.newPage(url);
    if (waitForLure) await lureSeen(control, await findTabId(control, url));
    await tab.click(x, y);
    return tab;
  }

  it.each([
    ['English', HOSTS.lure, 'lure.html'],
    ['Japanese', HOSTS.lureJa, 'lure-ja.html'],
  ])('refuses a %s lure page at once, as if the user had, and blocks the site', async (_language, host, file) => {
    const tab = await openAndClick(page(host, file), 400, 300, true);
    const [entry] = await entriesFor(control, origin(host));
    expect(entry?.data).toMatchObject({ decision: 'blocked', api: 'Notification' });
    expect(entry?.kind === 'notification-decision' && entry.data.why).toContain('lure-text');

    // Lure text and a request make the detector judge the page a scam: the warning page says what happened.
    await tab.waitForUrl(isWarning, 10_000);
    await waitInPage(tab, 'the notification notice', () => !document.getElementById('notifications-notice')?.hidden);
    expect(await tab.evaluate(() => document.getElementById('notifications-notice')?.dataset.state)).toBe('refused');
    await tab.close();

    // Another page of the site, with nothing wrong on it, is refused for the block alone, still without a prompt.
    const next = await session.browser.newPage(page(host, 'demo.html'));
    // What the lure page got (it is gone, replaced by the warning): 'denied', like a user's refusal,
    // and no prompt (Firefox would still be waiting on it, see the demo test; Chromium: below).
    const [answer] = await askedOnSite(next, file);
    expect(answer).toMatchObject({ result: 'denied', permissionAfter: 'denied' });
    if (chromium) expect(await next.evaluate(() => Notification.permission)).toBe('denied'); // the browser's own setting now
    await next.click(250, 240);
    expect(await firstAnswer(next)).toMatchObject({ result: 'denied' });
    if (chromium) {
      expect(await browserSetting(control, origin(host))).toBe('block');
      // Without the extension's rules the browser's own setting is untouched: no prompt was ever shown.
      expect(await browserOwnSetting(control, origin(host))).toBe('ask');
    } else {
      const [again] = await entriesFor(control, origin(host), 2);
      expect(again?.data).toMatchObject({ decision: 'denied', why: ['site-blocked'] });
    }
    await next.close();
  });

  it('refuses a lure shown in a same-origin frame that asks from there', async () => {
    const url = page(HOSTS.lureFrame, 'lure-frame.html');
    const tab = await session.browser.newPage(url);
    const tabId = await findTabId(control, url);
    if (chromium) {
      // Chromium reads a subframe only when it asks (it keeps the click's activation meanwhile): nothing read before.
      await waitInPage(tab, 'the frame', () => document.querySelector('iframe')?.contentDocument?.readyState === 'complete');
      await pause(500);
      await expect(lureSeen(control, tabId, 300)).rejects.toThrow();
    } else {
      // Firefox prompts only inside the click: the frame's text is read beforehand.
      await lureSeen(control, tabId);
    }
    await tab.click(400, 300);
    const [entry] = await entriesFor(control, origin(HOSTS.lureFrame));
    expect(entry?.data).toMatchObject({ decision: 'blocked', api: 'Notification' });
    expect(entry?.kind === 'notification-decision' && entry.data.why).toContain('lure-text');
    await tab.close();
  });

  it('refuses a page that points a big arrow at the prompt', async () => {
    const tab = await openAndClick(page(HOSTS.arrow, 'arrow.html'));
    expect(await firstAnswer(tab)).toMatchObject({ result: 'denied' });
    const [entry] = await entriesFor(control, origin(HOSTS.arrow));
    expect(entry?.data).toMatchObject({ decision: 'blocked', why: ['lure-arrow'] });
    await tab.close();
  });

  it('refuses a request made before any click, without blocking the site', async () => {
    const tab = await session.browser.newPage(page(HOSTS.onload, 'onload.html'));
    expect(await firstAnswer(tab)).toMatchObject({ result: 'denied' });
    const [entry] = await entriesFor(control, origin(HOSTS.onload));
    expect(entry?.data).toMatchObject({ decision: 'denied', why: ['no-gesture'] });
    if (chromium) expect(await browserSetting(control, origin(HOSTS.onload))).toBe('ask');
    await tab.close();
  });

  it('lets an MDN-style demo ask the browser after a click, untouched', async () => {
    const tab = await openAndClick(page(HOSTS.demo, 'demo.html'), 250, 240);
    if (chromium) {
      // Headless Chromium answers its own prompt with "block" at once, and keeps that answer:
      // the request reached the browser's prompt.
      expect(await firstAnswer(tab)).toMatchObject({ result: 'denied' });
      expect(await browserOwnSetting(control, origin(HOSTS.demo))).toBe('block');
    } else {
      // Firefox shows its prompt and waits for the user (it would not, had the click been lost).
      await new Promise((done) => setTimeout(done, 1500));
      expect(await asked(tab)).toEqual([{ result: 'pending', ms: null, permissionAfter: null }]);
    }
    expect(await notificationEntries(control, origin(HOSTS.demo))).toEqual([]);
    await tab.close();
  });

  it('lets a site the user allowed show its notification, and lists it on the options page', async () => {
    const tab = await openAndClick(page(HOSTS.chat, 'demo.html'), 250, 240);
    expect(await firstAnswer(tab)).toMatchObject({ result: 'granted', notification: true });
    const options = await openExtensionPage(session.browser);
    const item = `#notifications-list li[data-origin="${origin(HOSTS.chat)}"]`;
    await until(options, `document.querySelector('${item}')?.dataset.state === 'granted'`);
    expect(await options.evaluate(`document.querySelector('${item} .notifications-toggle').textContent`)).toBe('Block');
    const [entry] = await entriesFor(control, origin(HOSTS.chat));
    expect(entry?.data).toMatchObject({ decision: 'granted' });
    await options.close();
    await tab.close();
  });

  it('takes back the permission of a site later flagged as a scam, and says so on the warning page', async () => {
    const site = origin(HOSTS.flagged);
    if (chromium) expect(await browserSetting(control, site)).toBe('allow');
    const tab = await session.browser.newPage(`${site}/sim-scam.html?dialogs=0`);
    await tab.click(200, 200);
    await tab.waitForUrl(isWarning, 20_000);
    await waitInPage(tab, 'the notification notice', () => !document.getElementById('notifications-notice')?.hidden);
    const notice = await tab.evaluate(() => ({
      state: document.getElementById('notifications-notice')?.dataset.state,
      text: document.getElementById('notifications-notice-text')?.textContent ?? '',
      steps: [...document.querySelectorAll('#notifications-notice-steps li')].length,
    }));
    const entries = await entriesFor(control, site, 2); // 'granted' seen at the page's start, then the revocation
    const entry = entries[0];
    if (chromium) {
      expect(notice).toMatchObject({ state: 'revoked', steps: 0 });
      expect(notice.text).toContain('taken that permission away');
      expect(await browserSetting(control, site)).toBe('block');
      const after = await session.browser.newPage(`${site}/notifications/demo.html`);
      expect(await after.evaluate(() => Notification.permission)).toBe('denied');
      await after.close();
      expect(entry?.data).toMatchObject({ decision: 'revoked', why: ['scam-page'] });
    } else {
      // Firefox has no API to take it back: the user is shown how.
      expect(notice).toMatchObject({ state: 'kept', steps: 3 });
      expect(notice.text).toContain(HOSTS.flagged);
      expect(entry?.data).toMatchObject({ decision: 'kept', why: ['scam-page'], pushUnsubscribed: 0 });
    }
    await tab.close();
  });

  it('blocks and unblocks a site from the options page', async () => {
    const site = origin(HOSTS.manage);
    // A site that asked once on load: listed as refused, not blocked.
    const tab = await session.browser.newPage(page(HOSTS.manage, 'onload.html'));
    expect(await firstAnswer(tab)).toMatchObject({ result: 'denied' });
    await tab.close();
    const options = await openExtensionPage(session.browser);
    const item = `#notifications-list li[data-origin="${site}"]`;
    await until(options, `document.querySelector('${item}')?.dataset.state === 'refused'`);

    await options.evaluate(`document.querySelector('${item} .notifications-toggle').click()`);
    await until(options, `document.querySelector('${item}')?.dataset.state === 'blocked'`);
    if (chromium) expect(await browserSetting(control, site)).toBe('block');

    await options.evaluate(`document.querySelector('${item} .notifications-toggle').click()`);
    // Unblocked, it is forgotten (it never had permission): no longer listed.
    await until(options, `!document.querySelector('${item}')`);
    if (chromium) expect(await browserSetting(control, site)).toBe('ask');
    const decisions = (await entriesFor(control, site, 3)).map((e) => e.kind === 'notification-decision' && e.data.decision);
    expect(decisions).toEqual(['unblocked', 'user-blocked', 'denied']);

    const help = await options.evaluate(`document.querySelectorAll('#notifications-help li').length`);
    expect(help).toBe(chromium ? 0 : 3);
    await options.close();
  });

  it('does nothing when notification protection is off, or on an allow-listed site', async () => {
    for (const [host, settings] of [
      [HOSTS.off, { notificationProtection: false }],
      [HOSTS.allowed, { allowList: [HOSTS.allowed] }],
    ] as const) {
      await setUserSettings(control, settings);
      // The arrow page, refused when protection is on (above). (Lure text would also make the
      // detector block the whole page, which notification protection does not govern.)
      const tab = await openAndClick(page(host, 'arrow.html'));
      if (chromium) {
        // Headless Chromium answers its own prompt with 'denied' (whether it also stores 'block' depends on
        // timing); that the extension did not refuse shows in its history, checked below.
        expect(await firstAnswer(tab)).toMatchObject({ result: 'denied' });
      } else {
        await new Promise((done) => setTimeout(done, 1500));
        expect((await asked(tab))[0]?.result).toBe('pending');
      }
      expect(await notificationEntries(control, origin(host))).toEqual([]);
      await tab.close();
    }
    await setUserSettings(control, {});
  });

  it('in monitor mode records what it would have refused, and refuses nothing', async () => {
    await setUserSettings(control, { mode: 'monitor' });
    const tab = await openAndClick(page(HOSTS.monitor, 'arrow.html'));
    if (chromium) {
      // Headless Chromium answers its own prompt (see above); the history says the extension only recorded it.
      expect(await firstAnswer(tab)).toMatchObject({ result: 'denied' });
    } else {
      await new Promise((done) => setTimeout(done, 1500));
      expect((await asked(tab))[0]?.result).toBe('pending');
    }
    const [entry] = await entriesFor(control, origin(HOSTS.monitor));
    expect(entry?.data).toMatchObject({ decision: 'monitored', why: ['lure-arrow'] });
    await tab.close();
    await setUserSettings(control, {});
  });
});
