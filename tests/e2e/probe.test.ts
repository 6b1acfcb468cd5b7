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
});
