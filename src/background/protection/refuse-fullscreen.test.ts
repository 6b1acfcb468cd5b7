// The service worker tells a tab's frames to refuse whole-page full screen once the page's
// text tells the scam story, only where protection would act, and to stop when it no longer does.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '../../../tests/unit/support/fake-browser';
import type { ContentEvidence } from '../../shared/detection/content-evidence';

vi.mock('webextension-polyfill', async () => (await import('../../../tests/unit/support/fake-browser')).polyfillModule());

const browser = fakeBrowser();

const STORY = ['Windows Defender Security Center', 'Access to this PC has been blocked for security reasons', 'Your computer is infected with spyware', 'Call Microsoft Support: +1-888-555-0199'];
const NEUTRAL = ['Block Breaker', 'Use the mouse to move.'];

function evidence(url: string, texts: string[]): ContentEvidence {
  return { url, lang: 'en', title: '', blocks: texts.map((text) => ({ text, px: 28, flags: 0 })), attrs: [], cssLogo: false, progressBars: 0, truncated: false };
}

async function send(tabId: number, url: string, type: string, payload: unknown): Promise<void> {
  const sender = { id: browser.runtime.id, url, tab: { id: tabId, url, windowId: 1, active: true }, frameId: 0 };
  const [reply] = browser.runtime.onMessage.fire({ type, payload }, sender) as Promise<{ ok: boolean; error?: string }>[];
  const answer = await reply;
  if (!answer?.ok) throw new Error(`${type}: ${answer?.error}`);
}

function refusalsSince(tabId: number, before: number): boolean[] {
  return browser.calls
    .slice(before)
    .filter((call) => call.api === 'tabs.sendMessage' && call.args[0] === tabId)
    .map((call) => call.args[1] as { command?: string; refuse?: boolean })
    .filter((message) => message.command === 'refuse-fullscreen')
    .map((message) => message.refuse as boolean);
}

/** Changes the user's settings and returns the refusals the tab's frames were told since. */
async function changeSettings(tabId: number, settings: Record<string, unknown>): Promise<boolean[]> {
  const before = browser.calls.length;
  await browser.storage.local.set({ userSettings: settings });
  await new Promise((done) => setTimeout(done, 50));
  return refusalsSince(tabId, before);
}

/** Shows `texts` as the tab's page and returns the refusals its frames were told since. */
async function show(tabId: number, url: string, texts: string[], docId: string): Promise<boolean[]> {
  const before = browser.calls.length;
  browser.tabsById.set(tabId, { id: tabId, url, windowId: 1, active: true });
  await send(tabId, url, 'frame-start', { docId });
  await send(tabId, url, 'page-content', { docId, evidence: evidence(url, texts) });
  // Telling the frames reads the settings first: let that settle (no timers involved, only storage reads).
  await new Promise((done) => setTimeout(done, 50));
  return refusalsSince(tabId, before);
}

beforeAll(async () => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  await browser.storage.local.set({ userSettings: { mode: 'block', allowList: ['allowed.example.test'] } });
  await import('../main');
});

describe('full screen refused in advance', () => {
  it('tells the frames once the text tells the story, and tells them to stop once it no longer does', async () => {
    const url = 'http://scam.example.test/lock.html';
    expect(await show(1, url, STORY, 'doc-00000001')).toEqual([true]);
    // The same text again changes nothing.
    expect(await show(1, url, STORY, 'doc-00000001')).toEqual([]);
    expect(await show(1, url, NEUTRAL, 'doc-00000001')).toEqual([false]);
  });

  it('refuses nothing where a scam verdict would not be acted on: an allowed site', async () => {
    expect(await show(2, 'http://allowed.example.test/lock.html', STORY, 'doc-00000002')).toEqual([]);
  });

  it('follows the settings: monitor mode stops the refusal, block mode brings it back; a new page ends it', async () => {
    const url = 'http://scam2.example.test/lock.html';
    expect(await show(4, url, STORY, 'doc-00000004')).toEqual([true]);
    expect(await changeSettings(4, { mode: 'monitor', allowList: ['allowed.example.test'] })).toEqual([false]);
    expect(await changeSettings(4, { mode: 'block', allowList: ['allowed.example.test'] })).toEqual([true]);
    // The tab goes on to another page: its frames start afresh, and the worker says so once.
    expect(await show(4, 'http://news.example.test/', NEUTRAL, 'doc-00000005')).toEqual([false]);
    expect(await changeSettings(4, { mode: 'warn', allowList: ['allowed.example.test'] })).toEqual([]);
  });

  it('says nothing about pages whose text a full-screen request would not make a scam', async () => {
    expect(await show(3, 'http://game.example.test/', NEUTRAL, 'doc-00000003')).toEqual([]);
  });
});
