import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestPage } from '../support/extension-browser';
import { findTabId, openExtensionPage } from '../support/extension-api';
import { ofKind, waitForEvents } from '../support/probe-log';
import { BROWSERS, FIXTURE_ORIGIN, openSession, type Session } from '../support/session';

describe.each(BROWSERS)('page-world probe in %s', (browserName) => {
  let session: Session;
  let extensionPage: TestPage;
  beforeAll(async () => {
    session = await openSession(browserName);
    extensionPage = await openExtensionPage(session.browser);
  });
  afterAll(async () => session?.close());

  async function open(path: string): Promise<{ page: TestPage; tabId: number }> {
    const url = `${FIXTURE_ORIGIN}/${path}?${Math.random().toString(36).slice(2)}`;
    const page = await session.browser.newPage(url);
    return { page, tabId: await findTabId(extensionPage, url) };
  }

  it('reports traps: history flood, window.open, moves, beforeunload, speech, Web Audio, looping media', async () => {
    const { page, tabId } = await open('probe-behaviours.html');
    await page.evaluate(`(() => {
      for (let i = 0; i < 25; i++) try { history.pushState({ i }, '', '#p' + i); } catch {}
      history.replaceState(null, '');
      for (let i = 0; i < 3; i++) window.open('about:blank', '_blank', 'popup');
      window.moveTo(0, 0); window.resizeTo(400, 300);
      window.addEventListener('beforeunload', (e) => { e.preventDefault(); });
      window.onbeforeunload = () => 'Leave?';
      const u = new SpeechSynthesisUtterance('Your computer is infected. Call 0120-000-000.');
      u.lang = 'en-US';
      speechSynthesis.speak(u);
      const ctx = new AudioContext();
      for (let i = 0; i < 3; i++) { const o = ctx.createOscillator(); o.frequency.value = 880; o.connect(ctx.destination); o.start(); o.stop(ctx.currentTime + 0.05); }
      const buffer = ctx.createBuffer(1, 800, 8000);
      const source = ctx.createBufferSource(); source.buffer = buffer; source.loop = true; source.connect(ctx.destination); source.start();
      window.alarm = new Audio(window.fixture.toneUrl());
      window.alarm.loop = true;
      window.alarm.play().catch(() => {});
    })()`);
    const events = await waitForEvents(extensionPage, tabId, (e) => ofKind(e, 'audio-loop').some((a) => a.source === 'media'));
    const history = ofKind(events, 'history-push');
    expect(history.filter((e) => e.method === 'pushState').map((e) => e.count)).toEqual([1, 2, 3, 5, 10, 20]);
    expect(history.find((e) => e.method === 'replaceState')?.count).toBe(1);
    expect(ofKind(events, 'window-open').map((e) => e.count)).toEqual([1, 2, 3]);
    expect(ofKind(events, 'window-move').map((e) => e.method)).toEqual(['moveTo', 'resizeTo']);
    expect(ofKind(events, 'beforeunload').map((e) => e.via)).toEqual(['addEventListener', 'property']);
    expect(ofKind(events, 'speech')[0]).toMatchObject({ text: 'Your computer is infected. Call 0120-000-000.', lang: 'en-US', count: 1 });
    expect(ofKind(events, 'oscillator').map((e) => [e.count, e.frequency])).toEqual([[1, 880], [2, 880], [3, 880]]);
    expect(ofKind(events, 'audio-loop')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ source: 'webaudio', detail: 'buffer-loop' }),
        expect.objectContaining({ source: 'media', detail: 'loop', media: 'audio' }),
      ]),
    );
    await page.close();
  });

  it('reports requests made without a user gesture as such', async () => {
    const { page, tabId } = await open('probe-no-gesture.html');
    const events = await waitForEvents(extensionPage, tabId, (e) => ofKind(e, 'window-open').length > 0);
    expect(ofKind(events, 'fullscreen-request')).toEqual([
      { kind: 'fullscreen-request', target: 'video', userGesture: false, count: 1, playing: false },
    ]);
    expect(ofKind(events, 'notification-request')).toEqual([
      { kind: 'notification-request', api: 'Notification', userGesture: false, count: 1 },
      { kind: 'notification-request', api: 'Notification', userGesture: false, count: 2 },
      { kind: 'notification-request', api: 'permissions-query', userGesture: false, count: 1 },
    ]);
    expect(ofKind(events, 'window-open')).toEqual([{ kind: 'window-open', count: 1, userGesture: false }]);
    await page.close();
  });

  it('reports full screen, keyboard and pointer lock from a click with their target', async () => {
    const { page, tabId } = await open('probe-behaviours.html');
    await page.evaluate(`(() => {
      // Full screen last: it consumes the user activation (Chromium), as the probe then reports.
      window.onTestClick = () => {
        const result = document.body.requestPointerLock();
        if (result && result.catch) result.catch(() => {});
        if (navigator.keyboard) navigator.keyboard.lock(['Escape', 'KeyW']).catch(() => {});
        document.documentElement.requestFullscreen().catch(() => {});
      };
    })()`);
    await page.click(200, 200);
    const events = await waitForEvents(extensionPage, tabId, (e) => ofKind(e, 'pointer-lock').length > 0);
    expect(ofKind(events, 'fullscreen-request')).toEqual([{ kind: 'fullscreen-request', target: 'document', userGesture: true, count: 1 }]);
    expect(ofKind(events, 'pointer-lock')).toEqual([{ kind: 'pointer-lock', target: 'document', userGesture: true }]);
    const hasKeyboardLock = await page.evaluate(() => 'keyboard' in navigator);
    expect(ofKind(events, 'keyboard-lock')).toEqual(
      hasKeyboardLock ? [{ kind: 'keyboard-lock', keys: ['Escape', 'KeyW'], includesEscape: true, userGesture: true }] : [],
    );
    await page.close();
  });

  it('reports swallowed leave keys and a blocked context menu, however the page cancels them', async () => {
    const { page, tabId } = await open('probe-behaviours.html');
    await page.evaluate(`(() => {
      document.addEventListener('keydown', (e) => {
        window.fixture.keydowns++;
        if (e.key === 'Escape' || e.key === 'a') e.preventDefault();
        if (e.key === 'F12') e.returnValue = false;
      });
      window.onkeydown = (e) => (e.ctrlKey && e.key === 'u' ? false : undefined);
      document.oncontextmenu = () => false;
    })()`);
    await page.click(100, 100);
    for (const key of ['Escape', 'a', 'F12', 'Control+u', 'b']) await page.press(key);
    await page.click(100, 100, { button: 'right' });
    const events = await waitForEvents(extensionPage, tabId, (e) => ofKind(e, 'contextmenu-block').length > 0 && ofKind(e, 'key-swallow').length >= 3);
    expect(ofKind(events, 'key-swallow').map((e) => e.keys)).toEqual([['Escape'], ['Escape', 'F12'], ['Escape', 'F12', 'Ctrl+U']]);
    expect(ofKind(events, 'contextmenu-block')).toEqual([{ kind: 'contextmenu-block', count: 1 }]);
    await page.close();
  });

  it('reports dialog loops with their text', async () => {
    const { page, tabId } = await open('probe-behaviours.html');
    const answers = await page.evaluate(`(() => {
      alert('Your computer is infected');
      const confirmed = confirm('Call support?');
      const prompted = prompt('Enter your phone number');
      for (let i = 0; i < 4; i++) alert('Call now');
      return [confirmed, prompted];
    })()`);
    expect(answers).toEqual([false, null]);
    const events = await waitForEvents(extensionPage, tabId, (e) => ofKind(e, 'dialog').length >= 6);
    expect(ofKind(events, 'dialog')).toEqual([
      { kind: 'dialog', dialog: 'alert', count: 1, text: 'Your computer is infected' },
      { kind: 'dialog', dialog: 'confirm', count: 1, text: 'Call support?' },
      { kind: 'dialog', dialog: 'prompt', count: 1, text: 'Enter your phone number' },
      { kind: 'dialog', dialog: 'alert', count: 2, text: 'Call now' },
      { kind: 'dialog', dialog: 'alert', count: 3, text: 'Call now' },
      { kind: 'dialog', dialog: 'alert', count: 5, text: 'Call now' },
    ]);
    await page.close();
  });

  it('reports a cursor hidden on the whole page', async () => {
    const { page, tabId } = await open('probe-cursor.html');
    await page.click(300, 300);
    const events = await waitForEvents(extensionPage, tabId, (e) => ofKind(e, 'cursor-hidden').length > 0);
    expect(ofKind(events, 'cursor-hidden')).toEqual([{ kind: 'cursor-hidden', target: 'document' }]);
    await page.close();
  });
});
