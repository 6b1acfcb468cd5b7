// The warning flow from real detection (no block list): the simulated scam page must be
// detected, neutralised and replaced by the warning page with its reasons and phone numbers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findTabId, openExtensionPage } from '../support/extension-api';
import type { TestPage } from '../support/extension-browser';
import { BROWSERS, FIXTURES_DIR, openSession, type Session } from '../support/session';
import { setUserSettings, tabFacts, verdictLevel, waitInPage, waitUntil } from '../support/warning-helpers';

const SCAM_HOST = 'scam-sim.fwb.test';
const SAFE_HOST = 'news.fwb.test';
const WARNING_PATH = 'src/ui/warning/index.html';

describe.each(BROWSERS)('warning page from detection in %s', (browserName) => {
  let session: Session;
  let control: TestPage;
  const isWarning = (url: string) => url.startsWith(session.browser.extensionOrigin + WARNING_PATH);

  beforeAll(async () => {
    session = await openSession(browserName);
    session.server.mount(SCAM_HOST, FIXTURES_DIR);
    session.server.mount(SAFE_HOST, FIXTURES_DIR);
    control = await openExtensionPage(session.browser);
    await setUserSettings(control, {});
  });
  afterAll(async () => session?.close());

  it('detects the simulated scam, neutralises it and explains why on the warning page', async () => {
    const page = await session.browser.newPage(`http://${SAFE_HOST}/sim-safe.html`);
    await page.trackDialogs();
    await page.goto(`http://${SCAM_HOST}/sim-scam.html`);
    const tabId = await findTabId(control, `http://${SCAM_HOST}/`);
    await page.click(200, 200);
    await page.waitForUrl(isWarning, 20_000);
    await waitInPage(page, 'the warning page', () => document.documentElement.dataset.state === 'ready');

    const after = await tabFacts(control, tabId);
    expect(after?.muted).toBe(true);
    expect(after?.windowState).not.toBe('fullscreen');
    expect(await page.dismissOpenDialog()).toBe(false);

    const shown = await page.evaluate(() => ({
      reasons: [...document.querySelectorAll('#reasons li')].map((li) => li.textContent ?? ''),
      phones: [...document.querySelectorAll('#phones li')].map((li) => li.textContent ?? ''),
      phonesShown: !document.getElementById('phones-section')?.hidden,
    }));
    // Several reasons, in words (the detector's messages), none of them the block list.
    expect(shown.reasons.length).toBeGreaterThanOrEqual(2);
    for (const reason of shown.reasons) {
      expect(reason).not.toMatch(/^reason[A-Z]/);
      expect(reason).not.toContain('list of blocked sites');
    }
    // The page's numbers, each marked "do not call".
    expect(shown.phonesShown).toBe(true);
    expect(shown.phones.some((text) => /844.*555.*0199/.test(text))).toBe(true);
    for (const text of shown.phones) expect(text).toContain('Do not call');
    await page.close();
  });

  it('blocks an open page already judged a scam when monitor mode is switched to block', async () => {
    await setUserSettings(control, { mode: 'monitor' });
    const url = `http://${SCAM_HOST}/sim-scam.html`;
    const page = await session.browser.newPage(url);
    const tabId = await findTabId(control, `http://${SCAM_HOST}/`);
    await page.click(200, 200);
    await waitUntil('the scam verdict', async () => (await verdictLevel(control, tabId)) === 'scam', 20_000);
    // Monitor mode only records: the page is still there (the kit adds a fragment to its address).
    expect(await page.url()).toMatch(/^http:\/\/scam-sim\.fwb\.test\/sim-scam\.html(#.*)?$/);
    await setUserSettings(control, { mode: 'block' });
    await page.waitForUrl(isWarning, 10_000);
    await waitInPage(page, 'the warning page', () => document.documentElement.dataset.state === 'ready');
    const reasons = await page.evaluate(() => [...document.querySelectorAll('#reasons li')].map((li) => li.textContent ?? ''));
    expect(reasons.length).toBeGreaterThanOrEqual(2);
    await page.close();
    await setUserSettings(control, {});
  });

  it('leaves the benign full-screen video and noVNC-like pages alone', async () => {
    for (const [path, button] of [
      ['sim-video.html', 'player'],
      ['sim-novnc.html', 'fs'],
    ] as const) {
      const url = `http://${SAFE_HOST}/${path}`;
      const page = await session.browser.newPage(url);
      const [x, y] = await page.evaluate<[number, number]>(`(() => {
        const box = document.getElementById(${JSON.stringify(button)}).getBoundingClientRect();
        return [box.x + box.width / 2, box.y + box.height / 2];
      })()`);
      await page.click(x, y);
      await waitInPage(page, 'full screen', () => !!document.fullscreenElement);
      // Detection has had every chance: the page has done all it will do.
      await new Promise((done) => setTimeout(done, 3000));
      expect(await page.url()).toBe(url);
      expect(await page.evaluate(() => !!document.fullscreenElement)).toBe(true);
      expect(await waitUntil('tab facts', () => findTabId(control, url).then((id) => tabFacts(control, id)))).toMatchObject({ muted: false });
      await page.close();
    }
  });
});
