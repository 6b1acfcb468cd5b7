// The background stops when idle and starts again on the next event, at any moment. A page
// whose content the extension has read must still be caught when its lock comes after the
// background restarted: per-tab state lives in storage.session, not in the worker's memory.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TabStatus } from '../../src/shared/protocol';
import { findTabId, openExtensionPage, sendFromExtensionPage } from '../support/extension-api';
import type { TestPage } from '../support/extension-browser';
import { BROWSERS, FIXTURE_ORIGIN, openSession, type Session } from '../support/session';
import { pause, setUserSettings, waitUntil } from '../support/warning-helpers';

const WARNING_PATH = 'src/ui/warning/index.html';
/** Firefox suspends an idle MV3 background page after this long (30 s by default). */
const FIREFOX_IDLE_MS = 1000;

describe.each(BROWSERS)('reliability in %s', (browserName) => {
  let session: Session;
  let control: TestPage;
  beforeAll(async () => {
    session = await openSession(browserName, { firefoxPrefs: { 'extensions.background.idle.timeout': FIREFOX_IDLE_MS } });
    control = await openExtensionPage(session.browser);
    await setUserSettings(control, {});
  });
  afterAll(async () => session?.close());

  /** Firefox: when the background page's document began (a new one after a suspension). */
  const backgroundStartedAt = () =>
    control.evaluate(`(async () => (await browser.runtime.getBackgroundPage()).performance.timeOrigin)()`) as Promise<number>;

  /** Stops the background the way the browser does when it is idle, and checks it did stop. */
  async function stopBackground(): Promise<void> {
    if (browserName === 'chromium') {
      // DevTools closes the worker target and checks it is gone (see ExtensionBrowser.restartBackground).
      await session.browser.restartBackground();
      return;
    }
    const before = await backgroundStartedAt();
    // Nothing talks to the background now: Firefox suspends it once idle.
    await pause(FIREFOX_IDLE_MS * 4);
    const after = await backgroundStartedAt();
    expect(after, 'the Firefox background page was suspended and started again').toBeGreaterThan(before);
  }

  it('a page read before the background stopped is still caught when it locks afterwards', async () => {
    const url = `${FIXTURE_ORIGIN}/detection/scam-basic.html`;
    const page = await session.browser.newPage(url);
    const tabId = await findTabId(control, url);
    const key = `tab:${tabId}`;
    // The content has been read and stored before the restart.
    await waitUntil('the page’s content in storage.session', () =>
      control.evaluate(`(async () => { const s = (await (globalThis.browser ?? globalThis.chrome).storage.session.get(${JSON.stringify(key)}))[${JSON.stringify(key)}]; return !!(s && s.frames && s.frames['0']); })()`),
    );
    const before = await sendFromExtensionPage<TabStatus>(control, 'get-tab-status', { tabId });
    expect(before.verdict.level).toBe('safe');

    await stopBackground();

    // Only now the lock: the new background has only storage.session to go on.
    await page.bringToFront();
    await page.click(200, 150);
    await page.waitForUrl((at) => at.startsWith(session.browser.extensionOrigin + WARNING_PATH), 15_000);
    const after = await sendFromExtensionPage<TabStatus>(control, 'get-tab-status', { tabId });
    expect(after.verdict.level).toBe('scam');
    const keys = after.verdict.reasons.map((r) => r.key);
    // Content reasons recorded before the restart, behaviour after it.
    expect(keys).toContain('reasonFullscreenPage');
    expect(keys).toEqual(expect.arrayContaining(['reasonBrand', 'reasonClaimBlocked']));
    await page.close();
  });

  it('a history flood split by a background restart keeps counting', async () => {
    await setUserSettings(control, { mode: 'monitor' });
    const url = `${FIXTURE_ORIGIN}/probe-behaviours.html`;
    const page = await session.browser.newPage(url);
    const tabId = await findTabId(control, url);
    await page.evaluate(`for (let i = 0; i < 5; i++) history.pushState({ i }, '', '#a' + i)`);
    await waitUntil('five pushes recorded', async () => ((await sendFromExtensionPage<TabStatus>(control, 'get-tab-status', { tabId })).eventCounts['history-push'] ?? 0) >= 4);
    await stopBackground();
    await page.evaluate(`for (let i = 0; i < 20; i++) history.pushState({ i }, '', '#b' + i)`);
    // The probe's running count goes on (thresholds 10 and 20 of 25 calls), and the stored state is added to, not reset.
    const key = `tab:${tabId}`;
    const stored = await waitUntil('the later pushes recorded', async () => {
      const state = (await control.evaluate(
        `(async () => (await (globalThis.browser ?? globalThis.chrome).storage.session.get(${JSON.stringify(key)}))[${JSON.stringify(key)}])()`,
      )) as { eventCounts: Record<string, number>; behaviour: { historyPush: number } };
      return state.behaviour.historyPush >= 20 ? state : null;
    });
    expect(stored.eventCounts['history-push']).toBe(6);
    expect(stored.behaviour.historyPush).toBe(20);
    await setUserSettings(control, {});
    await page.close();
  });
});
