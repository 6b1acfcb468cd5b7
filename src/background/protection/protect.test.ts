// Replacing a flagged page with the warning page, on an in-memory browser: the page may
// keep its tab with a "Leave site?" prompt (seen in tests/fixtures/pages/evasion/spoof.html,
// whose own navigation prompts just as the block starts), and Chromium then never answers
// the tabs.update whose navigation the prompt cancelled.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '../../../tests/unit/support/fake-browser';
import { PAGE_ANSWER_WAIT_MS } from './neutralise';
import { ARRIVAL_WAIT_MS, protectOnVerdict, REPLACE_ATTEMPTS } from './protect';

vi.mock('webextension-polyfill', async () => (await import('../../../tests/unit/support/fake-browser')).polyfillModule());

const browser = fakeBrowser();
const SCAM_URL = 'http://scam.example.test/lock.html';
const WARNING_PREFIX = browser.runtime.getURL('src/ui/warning/index.html?block=');
const verdict = { level: 'scam' as const, score: 13, reasons: [], phoneNumbers: [] };

interface Sent {
  at: number;
  frameId?: number;
}

/** A tab showing the scam page, whose navigations and messages the test decides about. */
function scamTab(tabId: number) {
  browser.tabsById.set(tabId, { id: tabId, url: SCAM_URL, windowId: 1, active: true });
  const sent: Sent[] = [];
  const updates: { at: number; url: string }[] = [];
  const log: string[] = [];
  return { tabId, sent, updates, log, tab: () => browser.tabsById.get(tabId) };
}

/** Advances fake time in small steps until `check` holds (or `budgetMs` has passed); says whether it did. */
async function runUntil(check: () => boolean, budgetMs: number): Promise<boolean> {
  for (let spent = 0; !check() && spent < budgetMs; spent += 50) await vi.advanceTimersByTimeAsync(50);
  return check();
}

/** Advances fake time until `promise` settles (or `budgetMs` has passed); says whether it did. */
async function runUntilSettled(promise: Promise<unknown>, budgetMs: number): Promise<boolean> {
  let settled = false;
  void promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  return runUntil(() => settled, budgetMs);
}

const frameZeroMessages = (sent: Sent[]) => sent.filter((message) => message.frameId === 0);

type TabsStub = (tabId: number, ...rest: never[]) => Promise<unknown>;
const tabsApi = browser.tabs as unknown as Record<'sendMessage' | 'update', TabsStub>;
const original = { sendMessage: tabsApi.sendMessage, update: tabsApi.update };
/** Replaces tabs.sendMessage or tabs.update of the in-memory browser for this test. */
function stub(name: 'sendMessage', fn: (tabId: number, message: unknown, options?: { frameId?: number }) => Promise<unknown>): void;
function stub(name: 'update', fn: (tabId: number, props: { url?: string; muted?: boolean }) => Promise<unknown>): void;
function stub(name: 'sendMessage' | 'update', fn: (...args: never[]) => Promise<unknown>): void {
  tabsApi[name] = fn as TabsStub;
}

let errors: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  browser.storage.local.data = {};
  browser.storage.session.data = {};
  errors = vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  Object.assign(tabsApi, original);
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('replacing a flagged page with the warning page', () => {
  it('tries again when a "Leave site?" prompt answered "Stay" cancelled the first navigation (whose tabs.update never answers)', async () => {
    const t = scamTab(11);
    stub('sendMessage', (_tabId: number, _message: unknown, options?: { frameId?: number }) => {
      t.sent.push({ at: Date.now(), frameId: options?.frameId });
      t.log.push(`neutralise${options?.frameId === 0 ? ' (top frame)' : ''}`);
      return Promise.resolve({ done: true });
    });
    stub('update', (tabId: number, props: { url?: string }) => {
      if (!props.url) return Promise.resolve(t.tab());
      t.updates.push({ at: Date.now(), url: props.url });
      t.log.push('navigate');
      // The first one is held by the page's prompt, then cancelled: the tab stays, no answer ever comes.
      if (t.updates.length === 1) return new Promise(() => {});
      browser.tabsById.get(tabId)!.url = props.url;
      return Promise.resolve(t.tab());
    });

    const done = protectOnVerdict({ tabId: t.tabId, url: SCAM_URL, verdict, previousLevel: 'safe' });
    // The publisher (detection, inside the tab's serialised update) is let go once the replacement
    // started, however the page behaves: not held by a tabs.update that never answers.
    expect(await runUntilSettled(done, PAGE_ANSWER_WAIT_MS)).toBe(true);
    expect(t.updates).toHaveLength(1);

    expect(await runUntil(() => !!t.tab()?.url.startsWith(WARNING_PREFIX), ARRIVAL_WAIT_MS + PAGE_ANSWER_WAIT_MS + 1000)).toBe(true);
    expect(t.updates).toHaveLength(2);
    expect(t.updates[1]?.url).toBe(t.updates[0]?.url);
    // Neutralised (every frame, and the top frame for its answer) before each attempt.
    expect(t.log).toEqual(['neutralise', 'neutralise (top frame)', 'navigate', 'neutralise', 'neutralise (top frame)', 'navigate']);
    expect(errors).not.toHaveBeenCalled();
  });

  it('navigates only once the top frame says its page is neutralised, or when it cannot say so in time', async () => {
    for (const answers of [true, false]) {
      const t = scamTab(answers ? 21 : 22);
      let answer: (value: unknown) => void = () => {};
      stub('sendMessage', (_tabId: number, _message: unknown, options?: { frameId?: number }) => {
        t.sent.push({ at: Date.now(), frameId: options?.frameId });
        // The top frame is busy (the page is running a lock-screen script) and answers when the test says so.
        return options?.frameId === 0 ? new Promise((done) => (answer = done)) : Promise.resolve({ done: true });
      });
      stub('update', (tabId: number, props: { url?: string }) => {
        if (props.url) {
          t.updates.push({ at: Date.now(), url: props.url });
          browser.tabsById.get(tabId)!.url = props.url;
        }
        return Promise.resolve(t.tab());
      });

      const done = protectOnVerdict({ tabId: t.tabId, url: SCAM_URL, verdict, previousLevel: 'safe' });
      await vi.advanceTimersByTimeAsync(PAGE_ANSWER_WAIT_MS / 2);
      expect(t.updates, 'no navigation before the page answered').toEqual([]);
      if (answers) answer({ done: true });
      expect(await runUntilSettled(done, PAGE_ANSWER_WAIT_MS)).toBe(true);
      expect(t.updates).toHaveLength(1);
      const asked = frameZeroMessages(t.sent)[0]!.at;
      if (answers) expect(t.updates[0]!.at - asked).toBeLessThan(PAGE_ANSWER_WAIT_MS);
      else expect(t.updates[0]!.at - asked).toBeGreaterThanOrEqual(PAGE_ANSWER_WAIT_MS);
      expect(t.tab()?.url.startsWith(WARNING_PREFIX)).toBe(true);
      // Arrived: no second attempt.
      await vi.advanceTimersByTimeAsync(ARRIVAL_WAIT_MS * 2);
      expect(t.updates).toHaveLength(1);
    }
  });

  it('gives up after a bounded number of attempts when the page keeps its tab, and acts on the next verdict', async () => {
    const t = scamTab(31);
    stub('sendMessage', () => Promise.resolve({ done: true }));
    let hold = true;
    stub('update', (tabId: number, props: { url?: string }) => {
      if (!props.url) return Promise.resolve(t.tab());
      t.updates.push({ at: Date.now(), url: props.url });
      if (hold) return new Promise(() => {});
      browser.tabsById.get(tabId)!.url = props.url;
      return Promise.resolve(t.tab());
    });

    void protectOnVerdict({ tabId: t.tabId, url: SCAM_URL, verdict, previousLevel: 'safe' });
    // A verdict arriving meanwhile waits for the replacement under way (one block per tab at a time).
    await vi.advanceTimersByTimeAsync(ARRIVAL_WAIT_MS / 2);
    void protectOnVerdict({ tabId: t.tabId, url: SCAM_URL, verdict, previousLevel: 'scam' });
    expect(await runUntil(() => errors.mock.calls.length > 0, REPLACE_ATTEMPTS * (ARRIVAL_WAIT_MS + PAGE_ANSWER_WAIT_MS) + 2000)).toBe(true);
    expect(errors).toHaveBeenCalledWith(expect.stringContaining('kept its tab'));

    // Then the queued verdict is acted on (with a block of its own): the tab is not left marked as busy.
    hold = false;
    expect(await runUntil(() => !!t.tab()?.url.startsWith(WARNING_PREFIX), 2 * ARRIVAL_WAIT_MS + PAGE_ANSWER_WAIT_MS)).toBe(true);
    const urls = t.updates.map((update) => update.url);
    expect(new Set(urls.slice(0, REPLACE_ATTEMPTS)).size).toBe(1);
    expect(urls[REPLACE_ATTEMPTS]).not.toBe(urls[0]);
    expect(t.tab()?.url).toBe(urls.at(-1));
  });

  it('replaces the error page a navigation of the page’s own left in the tab (Chromium’s answer to a forged warning page address)', async () => {
    const t = scamTab(51);
    stub('sendMessage', () => Promise.resolve({ done: true }));
    stub('update', (tabId: number, props: { url?: string }) => {
      if (!props.url) return Promise.resolve(t.tab());
      t.updates.push({ at: Date.now(), url: props.url });
      // The first time, the page's own navigation to chrome-extension://<id>/…?block=000… wins and is refused.
      browser.tabsById.get(tabId)!.url = t.updates.length === 1 ? 'chrome-extension://invalid/' : props.url;
      return t.updates.length === 1 ? new Promise(() => {}) : Promise.resolve(t.tab());
    });
    void protectOnVerdict({ tabId: t.tabId, url: SCAM_URL, verdict, previousLevel: 'safe' });
    expect(await runUntil(() => !!t.tab()?.url.startsWith(WARNING_PREFIX), ARRIVAL_WAIT_MS + PAGE_ANSWER_WAIT_MS + 1000)).toBe(true);
    expect(t.updates).toHaveLength(2);
  });

  it('does not chase a tab the user took elsewhere or closed', async () => {
    for (const [tabId, move] of [
      [41, (id: number) => (browser.tabsById.get(id)!.url = 'http://news.example.test/')],
      [42, (id: number) => browser.tabsById.delete(id)],
    ] as const) {
      const t = scamTab(tabId);
      stub('sendMessage', () => Promise.resolve({ done: true }));
      stub('update', (id: number, props: { url?: string }) => {
        if (!props.url) return Promise.resolve(t.tab());
        t.updates.push({ at: Date.now(), url: props.url });
        move(id);
        return new Promise(() => {});
      });
      void protectOnVerdict({ tabId, url: SCAM_URL, verdict, previousLevel: 'safe' });
      await vi.advanceTimersByTimeAsync(PAGE_ANSWER_WAIT_MS + REPLACE_ATTEMPTS * ARRIVAL_WAIT_MS);
      expect(t.updates).toHaveLength(1);
      expect(errors).not.toHaveBeenCalled();
    }
  });
});
