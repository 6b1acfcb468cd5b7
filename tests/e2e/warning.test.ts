// The warning flow end to end, driven by the block list (storage.local 'userSettings').
// warning-detected.test.ts is the same flow from detection. Detection is live here too:
// the simulated scam page is judged a scam as soon as it arms, so tests that need it fully
// armed first start in 'monitor' mode (detect and log only), wait for that verdict, and
// then switch to the mode under test with the block-list entry. A settings change checks
// open tabs against the block list; it does not act again on the earlier detector verdict,
// which the block-list reason on the warning page shows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findTabId, openExtensionPage, sendFromExtensionPage } from '../support/extension-api';
import type { TestPage } from '../support/extension-browser';
import { BROWSERS, FIXTURES_DIR, openSession, type Session } from '../support/session';
import {
  blockRecord,
  clickById,
  extensionTabsOpenedBy,
  getLocal,
  pause,
  setUserSettings,
  simStateFromTitle,
  tabFacts,
  tabIdOf,
  verdictLevel,
  waitInPage,
  waitUntil,
} from '../support/warning-helpers';

const SCAM_HOST = 'scam-sim.fwb.test';
const SAFE_HOST = 'news.fwb.test';
const SCAM_URL = `http://${SCAM_HOST}/sim-scam.html`;
const QUIET_SCAM_URL = `${SCAM_URL}?dialogs=0`;
const SAFE_URL = `http://${SAFE_HOST}/sim-safe.html`;
const WARNING_PATH = 'src/ui/warning/index.html';
// How long a page is watched to show that it is *not* blocked: block-list hits act within
// a few hundred milliseconds of the navigation even on a loaded machine.
const LEFT_ALONE_MS = 2000;

// Evaluated in the simulated pages (tests/fixtures/pages/sim-*.html): self-contained functions only.
type Sim = { simState: { armed: boolean; fullscreen: boolean; pushes: number } };
const armed = () => (window as unknown as Sim).simState.armed && (window as unknown as Sim).simState.pushes === 50;
const inFullscreen = () => (window as unknown as Sim).simState.fullscreen && !!document.fullscreenElement;
/** Full screen left, alarm paused and cursor back: what the content script's neutraliser does. */
const disarmed = () =>
  !document.fullscreenElement &&
  (document.getElementById('alarm') as HTMLAudioElement).paused &&
  getComputedStyle(document.body).cursor === 'auto';

describe.each(BROWSERS)('warning page in %s', (browserName) => {
  let session: Session;
  let control: TestPage;
  const isWarning = (url: string) => url.startsWith(session.browser.extensionOrigin + WARNING_PATH);

  /** Opens `url` in a new tab and waits until the warning page has replaced it. */
  async function openBlocked(url: string): Promise<TestPage> {
    const page = await session.browser.newPage();
    // The navigation may be cut short by the replacement: that is the point.
    await page.goto(url).catch(() => {});
    await page.waitForUrl(isWarning, 10_000);
    await waitInPage(page, 'the warning page', () => document.documentElement.dataset.state === 'ready');
    return page;
  }

  beforeAll(async () => {
    session = await openSession(browserName);
    session.server.mount(SCAM_HOST, FIXTURES_DIR);
    session.server.mount(SAFE_HOST, FIXTURES_DIR);
    control = await openExtensionPage(session.browser);
  });
  afterAll(async () => session?.close());

  it('neutralises a full-screen, noisy, trapping scam page, replaces it with the warning page, and goes back', async () => {
    await setUserSettings(control, { mode: 'monitor' });
    const page = await session.browser.newPage(SAFE_URL);
    await page.trackDialogs();
    await page.goto(SCAM_URL);
    await page.click(200, 200);
    await waitUntil('the alert loop', async () => page.dialogs().open.length > 0);
    // The harness sees a real open dialog (and the loop opens the next one at once).
    expect(await page.dismissOpenDialog()).toBe(true);
    await waitUntil('the next alert', async () => page.dialogs().seen >= 2 && page.dialogs().open.length > 0);
    const tabId = await findTabId(control, `http://${SCAM_HOST}/`);
    const before = await tabFacts(control, tabId);
    expect(simStateFromTitle(before?.title ?? '')).toMatchObject({ armed: true, fullscreen: true, pushes: 50 });
    expect(before?.muted).toBe(false);
    // Detection has judged it a scam; monitor mode left it as it was.
    await waitUntil('the detector’s verdict', async () => (await verdictLevel(control, tabId)) === 'scam');
    const judged = await tabFacts(control, tabId);
    expect(judged?.muted).toBe(false);
    expect(judged?.url.startsWith(SCAM_URL)).toBe(true);

    await setUserSettings(control, { mode: 'block', blockList: [SCAM_HOST] });
    await page.waitForUrl(isWarning, 10_000);
    await waitInPage(page, 'the warning page', () => document.documentElement.dataset.state === 'ready');
    const after = await tabFacts(control, tabId);
    expect(after?.muted).toBe(true);
    // Muted, out of window full screen and the page told to neutralise itself; how fast is measured here
    // and budgeted by `npm run bench` (click → full screen exited), not asserted by a timed test.
    const record = await blockRecord<{ neutraliseMs: number }>(control, await page.url());
    console.log(`[${browserName}] verdict → neutralised: ${record?.neutraliseMs} ms`);
    expect(record?.neutraliseMs).toBeGreaterThanOrEqual(0);
    expect(after?.windowState).not.toBe('fullscreen');
    expect(await page.dismissOpenDialog()).toBe(false);

    const shown = await page.evaluate(() => ({
      headline: document.getElementById('headline')?.textContent,
      reasons: [...document.querySelectorAll('#reasons li')].map((li) => li.textContent),
      origin: document.getElementById('address-origin')?.textContent,
      thumbnail: (document.getElementById('thumbnail') as HTMLImageElement).src.slice(0, 23),
      thumbnailShown: !document.getElementById('thumbnail-figure')?.hidden,
      back: !document.getElementById('back')?.hidden,
    }));
    expect(shown).toEqual({
      headline: 'This is a fake security warning',
      reasons: [`The site ${SCAM_HOST} is on the list of blocked sites.`],
      origin: `http://${SCAM_HOST}`,
      thumbnail: 'data:image/jpeg;base64,',
      thumbnailShown: true,
      back: true,
    });

    await clickById(page, 'back');
    await page.waitForUrl((url) => url === SAFE_URL);
    // The tabs API may name the new address a moment after the page has it.
    await waitUntil('the tab’s address to be the safe page', async () => (await tabFacts(control, tabId))?.url === SAFE_URL, 5000);
    expect(await tabFacts(control, tabId)).toMatchObject({ url: SAFE_URL, muted: false });
    await page.close();
  });

  it('closes the tab from the keyboard', async () => {
    await setUserSettings(control, { blockList: [SCAM_HOST] });
    const page = await openBlocked(QUIET_SCAM_URL);
    const tabId = await tabIdOf(control, await page.url());
    // No earlier page in this tab, so there is no "go back": Tab from the headline reaches "close".
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('headline');
    await page.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('close');
    // The tab closes while the key press is still being reported.
    await page.press('Enter').catch(() => {});
    await waitUntil('the tab to close', async () => (await tabFacts(control, tabId)) === null);
  });

  it('"continue anyway" loads that page in that tab only, and keeps it neutralised', async () => {
    await setUserSettings(control, { blockList: [SCAM_HOST] });
    const page = await openBlocked(QUIET_SCAM_URL);
    const tabId = await tabIdOf(control, await page.url());
    await clickById(page, 'continue');
    await page.waitForUrl((url) => url.startsWith(QUIET_SCAM_URL));
    await waitInPage(page, 'the page to load', () => document.readyState === 'complete');
    await pause(LEFT_ALONE_MS);
    expect(await tabFacts(control, tabId)).toMatchObject({ muted: true });
    expect((await page.url()).startsWith(QUIET_SCAM_URL)).toBe(true);

    // The page tries everything again: it is disarmed at once.
    await page.click(200, 200);
    await waitInPage(page, 'the page to arm', armed);
    await waitInPage(page, 'the page to be disarmed', disarmed);
    expect((await page.url()).startsWith(QUIET_SCAM_URL)).toBe(true);

    // Another page of the site in the same tab is blocked again…
    await page.goto(`${QUIET_SCAM_URL}&page=2`).catch(() => {});
    await page.waitForUrl(isWarning, 10_000);
    // …and so is the same page in another tab.
    const other = await openBlocked(QUIET_SCAM_URL);
    await other.close();
    await page.close();
  });

  it('"this is not a scam" allows the site from now on and records the false positive', async () => {
    await setUserSettings(control, { blockList: [SCAM_HOST] });
    const page = await openBlocked(QUIET_SCAM_URL);
    const tabId = await tabIdOf(control, await page.url());
    await clickById(page, 'not-scam');
    await page.waitForUrl((url) => url.startsWith(QUIET_SCAM_URL));
    expect(await tabFacts(control, tabId)).toMatchObject({ muted: false });
    const settings = await getLocal<{ allowList: string[] }>(control, 'userSettings');
    expect(settings?.allowList).toEqual([SCAM_HOST]);
    const records = await getLocal<{ host: string; url: string; reasonKeys: string[] }[]>(control, 'protectionFalsePositives');
    expect(records?.at(-1)).toMatchObject({ host: SCAM_HOST, url: QUIET_SCAM_URL, reasonKeys: ['reasonBlockListed'] });

    const again = await session.browser.newPage(QUIET_SCAM_URL);
    await pause(LEFT_ALONE_MS);
    expect(await again.url()).toBe(QUIET_SCAM_URL);
    await again.close();
    await page.close();
  });

  it('a block id works only for the warning page in the tab it was issued for', async () => {
    await setUserSettings(control, { blockList: [SCAM_HOST] });
    const page = await openBlocked(QUIET_SCAM_URL);
    const warningUrl = await page.url();
    const blockId = new URL(warningUrl).searchParams.get('block') as string;

    // Another extension page, or the warning page opened in another tab with the same id, gets nothing.
    await expect(sendFromExtensionPage(control, 'protection-get-block', { blockId })).rejects.toThrow(/unknown block/);
    await expect(sendFromExtensionPage(control, 'protection-continue', { blockId })).rejects.toThrow(/unknown block/);
    const copy = await session.browser.newPage(warningUrl);
    await waitInPage(copy, 'the expired state', () => document.documentElement.dataset.state === 'expired');
    expect(await copy.evaluate(() => document.getElementById('block')?.hidden)).toBe(true);
    await copy.close();

    // A web page cannot open the warning page at all (it is not web-accessible).
    const attacker = await session.browser.newPage(SAFE_URL);
    const attackerTab = await tabIdOf(control, SAFE_URL);
    await attacker.evaluate(`location.href = ${JSON.stringify(warningUrl)}`).catch(() => {});
    await pause(LEFT_ALONE_MS);
    expect(isWarning((await tabFacts(control, attackerTab))?.url ?? '')).toBe(false);
    await attacker.close();

    // The real warning page still acts for its own tab, and the id is spent afterwards.
    await clickById(page, 'continue');
    await page.waitForUrl((url) => url.startsWith(QUIET_SCAM_URL));
    await expect(sendFromExtensionPage(control, 'protection-get-block', { blockId })).rejects.toThrow(/unknown block/);
    await page.close();
  });

  it("'warn' mode keeps the page, neutralised, and opens the warning page beside it", async () => {
    await setUserSettings(control, { mode: 'monitor' });
    const page = await session.browser.newPage(QUIET_SCAM_URL);
    await page.click(200, 200);
    await waitInPage(page, 'the page to arm', () => (window as unknown as Sim).simState.armed && !!document.fullscreenElement);
    const tabId = await tabIdOf(control, `${QUIET_SCAM_URL}#locked-49`);
    // Detection has judged it a scam; monitor mode left it armed and unmuted, with no warning tab.
    await waitUntil('the detector’s verdict', async () => (await verdictLevel(control, tabId)) === 'scam');
    expect(await page.evaluate(inFullscreen)).toBe(true);
    expect(await tabFacts(control, tabId)).toMatchObject({ muted: false });
    expect(await extensionTabsOpenedBy(control, tabId)).toEqual([]);

    await setUserSettings(control, { mode: 'warn', blockList: [SCAM_HOST] });
    await waitInPage(page, 'the page to be neutralised', disarmed);
    expect(await tabFacts(control, tabId)).toMatchObject({ muted: true });
    // The warning page opened beside the page, in a tab of its own.
    const warningUrl = await waitUntil('the warning tab', async () => (await extensionTabsOpenedBy(control, tabId))[0]);
    expect(isWarning(warningUrl)).toBe(true);
    // Later verdicts about the kept page (here: the lists change again) open no second warning.
    await setUserSettings(control, { mode: 'warn', blockList: [SCAM_HOST, 'other.fwb.test'] });
    await pause(LEFT_ALONE_MS);
    expect(await extensionTabsOpenedBy(control, tabId)).toEqual([warningUrl]);
    const warning = await waitUntil('its page', async () => {
      for (const candidate of await session.browser.pages()) if ((await candidate.url().catch(() => '')) === warningUrl) return candidate;
      return null;
    });
    await waitInPage(warning, 'the warning page', () => document.documentElement.dataset.state === 'ready');
    await clickById(warning, 'continue');
    await waitUntil('the warning tab to close', async () => (await extensionTabsOpenedBy(control, tabId)).length === 0);
    expect((await tabFacts(control, tabId))?.url.startsWith(QUIET_SCAM_URL)).toBe(true);
    await page.close();
  });

  it('monitor mode and disabled protection leave a block-listed page alone', async () => {
    for (const settings of [{ mode: 'monitor' }, { protectionEnabled: false }]) {
      await setUserSettings(control, { ...settings, blockList: [SCAM_HOST] });
      const page = await session.browser.newPage(QUIET_SCAM_URL);
      await pause(LEFT_ALONE_MS);
      const tabId = await tabIdOf(control, QUIET_SCAM_URL);
      expect(await tabFacts(control, tabId), JSON.stringify(settings)).toMatchObject({ url: QUIET_SCAM_URL, muted: false });
      await page.close();
    }
  });

  it('leaves a full-screen video page and a noVNC-like remote desktop page alone', async () => {
    await setUserSettings(control, { blockList: [SCAM_HOST] });
    const video = await session.browser.newPage(`http://${SAFE_HOST}/sim-video.html`);
    const [vx, vy] = await video.evaluate(() => {
      const box = document.getElementById('player')!.getBoundingClientRect();
      return [box.x + box.width / 2, box.y + box.height / 2];
    });
    await video.click(vx, vy);
    await waitInPage(video, 'full screen', inFullscreen);
    await pause(LEFT_ALONE_MS);
    expect(await video.evaluate(() => !!document.fullscreenElement && !(document.getElementById('player') as HTMLVideoElement).paused)).toBe(true);
    expect(await tabFacts(control, await tabIdOf(control, `http://${SAFE_HOST}/sim-video.html`))).toMatchObject({ muted: false });
    await video.close();

    const vnc = await session.browser.newPage(`http://${SAFE_HOST}/sim-novnc.html`);
    const [bx, by] = await vnc.evaluate(() => {
      const box = document.getElementById('fs')!.getBoundingClientRect();
      return [box.x + box.width / 2, box.y + box.height / 2];
    });
    await vnc.click(bx, by);
    await waitInPage(vnc, 'full screen', inFullscreen);
    await vnc.click(400, 300);
    await pause(LEFT_ALONE_MS);
    expect(await vnc.evaluate(() => !!document.fullscreenElement)).toBe(true);
    expect((await vnc.url()).endsWith('/sim-novnc.html')).toBe(true);
    await vnc.close();
  });
});
