// Detection end to end: self-written simulated fake-warning pages (tests/fixtures/pages/detection/)
// must reach 'scam' after the first click; benign pages with a phone number and a brand,
// or with full screen of a video or a game, must not. Until the probe branch lands only
// full screen is reported, so the behaviour here comes from full screen.
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { TestPage } from '../support/extension-browser';
import { findTabId, openExtensionPage, sendFromExtensionPage } from '../support/extension-api';
import { BROWSERS, FIXTURE_ORIGIN, openSession, type Session } from '../support/session';
import { setUserSettings } from '../support/warning-helpers';
import type { TabStatus } from '../../src/shared/protocol';

const SCAMS = [
  'scam-basic.html',
  'scam-split-digits.html',
  'scam-fullwidth-ja.html',
  'scam-homoglyph.html',
  'scam-alt-only.html',
  'scam-iframe.html',
  'scam-shadow.html',
];
const BENIGN = ['benign-phone-brand.html', 'benign-fullscreen-video.html', 'benign-fullscreen-game.html'];

async function status(extensionPage: TestPage, tabId: number): Promise<TabStatus> {
  return sendFromExtensionPage<TabStatus>(extensionPage, 'get-tab-status', { tabId });
}

async function pollStatus(extensionPage: TestPage, tabId: number, done: (s: TabStatus) => boolean, timeoutMs: number): Promise<TabStatus> {
  const deadline = Date.now() + timeoutMs;
  let last = await status(extensionPage, tabId);
  while (!done(last) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    last = await status(extensionPage, tabId);
  }
  return last;
}

describe.each(BROWSERS)('detection in %s', (browserName) => {
  let session: Session;
  let extensionPage: TestPage;
  beforeAll(async () => {
    session = await openSession(browserName);
    extensionPage = await openExtensionPage(session.browser);
  });
  afterAll(async () => {
    await extensionPage?.close().catch(() => {});
    await session?.close();
  });

  async function openAndClick(file: string): Promise<{ page: TestPage; tabId: number; before: TabStatus }> {
    const url = `${FIXTURE_ORIGIN}/detection/${file}`;
    const page = await session.browser.newPage(url);
    const tabId = await findTabId(extensionPage, url);
    const before = await status(extensionPage, tabId);
    await page.click(200, 150);
    return { page, tabId, before };
  }

  it.each(SCAMS)('%s becomes a scam after the first click', async (file) => {
    const { page, tabId, before } = await openAndClick(file);
    // Content alone never makes a scam.
    expect(before.verdict.level).not.toBe('scam');
    const after = await pollStatus(extensionPage, tabId, (s) => s.verdict.level === 'scam', 8000);
    const reasons = after.verdict.reasons.map((r) => `${r.key}(${r.params.join('|')})`).join(', ');
    expect(after.verdict.level, `${file}: ${reasons}`).toBe('scam');
    expect(after.verdict.reasons.map((r) => r.key)).toContain('reasonFullscreenPage');
    expect(after.verdict.phoneNumbers.join(' '), JSON.stringify(after.verdict)).toMatch(/555[ -]?0199/);
    await page.close();
  });

  it.each(BENIGN)('%s stays below scam', async (file) => {
    const { page, tabId } = await openAndClick(file);
    // Wait until the click's full-screen request has been seen, then a little longer for scoring.
    const seen = await pollStatus(extensionPage, tabId, (s) => (s.eventCounts['fullscreen-request'] ?? 0) > 0, 8000);
    expect(seen.eventCounts['fullscreen-request'] ?? 0).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const after = await status(extensionPage, tabId);
    expect(after.verdict.level, after.verdict.reasons.map((r) => r.key).join(', ')).not.toBe('scam');
    await page.close();
  });

  it('updates the verdict soon after the click’s full-screen request', async () => {
    // The request time is read from the page after the verdict. In the default 'block' mode
    // the protection replaces the page with the warning page right after the verdict, racing
    // that read; 'monitor' mode keeps the page. The verdict and its time stamp are made
    // before any mode is consulted, so what is timed is the same in every mode.
    await setUserSettings(extensionPage, { mode: 'monitor' });
    onTestFinished(() => setUserSettings(extensionPage, {}));
    const url = `${FIXTURE_ORIGIN}/detection/scam-basic.html`;
    const page = await session.browser.newPage(url);
    const tabId = await findTabId(extensionPage, url);
    const storageKey = `tab:${tabId}`;
    // Wait until the content of the page has been analysed, so only the behaviour is timed.
    await extensionPage.evaluate(`(async () => {
      const api = globalThis.browser ?? globalThis.chrome;
      for (let i = 0; i < 200; i++) {
        const state = (await api.storage.session.get(${JSON.stringify(storageKey)}))[${JSON.stringify(storageKey)}];
        if (state && state.frames && state.frames['0']) break;
        await new Promise((r) => setTimeout(r, 25));
      }
    })()`);
    await page.click(200, 150);
    await pollStatus(extensionPage, tabId, (s) => s.verdict.level === 'scam', 8000);
    // The service worker stamps the moment the level changed.
    const scamAt = (await extensionPage.evaluate(`(async () => {
      const api = globalThis.browser ?? globalThis.chrome;
      return (await api.storage.session.get(${JSON.stringify(storageKey)}))[${JSON.stringify(storageKey)}].levelSince;
    })()`)) as number;
    expect(await page.url()).toBe(url);
    const requestedAt = await page.evaluate(() => (window as unknown as { fullscreenRequestedAt: number }).fullscreenRequestedAt);
    expect(typeof requestedAt).toBe('number');
    expect(typeof scamAt).toBe('number');
    const delay = scamAt - requestedAt;
    console.log(`[detection] ${browserName}: verdict 'scam' stored ${delay} ms after the full-screen request`);
    // The 100 ms budget itself is held by `npm run bench` (click → full screen exited), not by a timed test.
    expect(delay).toBeGreaterThanOrEqual(0);
    await page.close();
  });

  it('refuses whole-page full screen outright to a page whose text already tells the story, and warns', async () => {
    // 'warn' mode keeps the page, so what it went through can be read from it afterwards.
    await setUserSettings(extensionPage, { mode: 'warn' });
    onTestFinished(async () => {
      for (const open of await session.browser.pages()) if ((await open.url().catch(() => '')).includes('src/ui/warning/')) await open.close();
      await setUserSettings(extensionPage, {});
    });
    const recordFullscreen = `(() => {
      window.fullscreenChanges = 0;
      document.addEventListener('fullscreenchange', () => window.fullscreenChanges++);
    })()`;
    // The control: the same browser grants a game's whole-page full screen on a click.
    const game = await session.browser.newPage(`${FIXTURE_ORIGIN}/detection/benign-fullscreen-game.html`);
    await game.bringToFront();
    await game.evaluate(recordFullscreen);
    await game.click(200, 150);
    await game.waitFor('window.fullscreenChanges > 0 && !!document.fullscreenElement', 8000);
    await game.close();

    const url = `${FIXTURE_ORIGIN}/detection/scam-basic.html`;
    const page = await session.browser.newPage(url);
    const tabId = await findTabId(extensionPage, url);
    const storageKey = JSON.stringify(`tab:${tabId}`);
    // The text has been read and judged: a whole-page full-screen request would make it a scam.
    await extensionPage.evaluate(`(async () => {
      const api = globalThis.browser ?? globalThis.chrome;
      for (let i = 0; i < 400; i++) {
        const state = (await api.storage.session.get(${storageKey}))[${storageKey}];
        if (state && state.refuseFullscreen === true) return;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error('the service worker never decided to refuse full screen');
    })()`);
    // Its frames are told right after that decision; a loaded machine may take a moment.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await page.bringToFront();
    await page.evaluate(recordFullscreen);
    const before = await status(extensionPage, tabId);
    expect(before.verdict.level).not.toBe('scam');
    await page.click(200, 150);
    const after = await pollStatus(extensionPage, tabId, (s) => s.verdict.level === 'scam', 8000);
    expect(after.verdict.reasons.map((r) => r.key)).toContain('reasonFullscreenPage');
    // The request was refused: the page was never full screen, not even for a moment.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await page.evaluate(() => ({ changes: (window as unknown as { fullscreenChanges: number }).fullscreenChanges, now: !!document.fullscreenElement }))).toEqual({ changes: 0, now: false });
    await page.close();
  });

  it('shows the reasons in the user’s language (every reason key is a message)', async () => {
    const { page, tabId } = await openAndClick('scam-basic.html');
    const after = await pollStatus(extensionPage, tabId, (s) => s.verdict.level === 'scam', 8000);
    const source = `(() => {
      const api = globalThis.browser ?? globalThis.chrome;
      return ${JSON.stringify(after.verdict.reasons)}.map((r) => api.i18n.getMessage(r.key, r.params));
    })()`;
    const texts = (await extensionPage.evaluate(source)) as string[];
    expect(texts.length).toBeGreaterThan(2);
    for (const text of texts) expect(text).toMatch(/\S/);
    expect(texts.join('\n')).toContain('+1 888 555 0199');
    await page.close();
  });
});
