// Property-based: whatever a content script (that is, a web page) sends the service worker,
// it can only add evidence about its own tab. Everything else is refused with a logged
// reason and changes nothing: no setting, allow-list entry, policy, "continue anyway",
// history entry or report. Runs the real service worker (main.ts) on an in-memory browser.
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '../../tests/unit/support/fake-browser';
import { MESSAGE_SPECS } from '../shared/protocol';

vi.mock('webextension-polyfill', async () => (await import('../../tests/unit/support/fake-browser')).polyfillModule());

const browser = fakeBrowser();
const TAB = { id: 7, url: 'http://page.example.test/lock.html', windowId: 1, active: true };
const contentSender = { id: browser.runtime.id, url: TAB.url, tab: { ...TAB }, frameId: 0 };
// Storage as a user who has used the extension for a while has it.
const SEEDED_LOCAL = {
  userSettings: { mode: 'block', allowList: ['intranet.example.test'], protectionEnabled: true },
  history: { version: 1, entries: [{ id: 'h1', time: 1_700_000_000_000, url: 'http://old.example.test/', kind: 'site-paused', data: { host: 'old.example.test' } }] },
  protectionFalsePositives: [],
};

const EXTENSION_ONLY = Object.entries(MESSAGE_SPECS).filter(([, spec]) => spec.from === 'extension-page').map(([type]) => type);
const CONTENT_TYPES = Object.entries(MESSAGE_SPECS).filter(([, spec]) => spec.from === 'content').map(([type]) => type);

const snapshot = () => structuredClone({ local: browser.storage.local.data, session: browser.storage.session.data });
type Snapshot = ReturnType<typeof snapshot>;
let warn: ReturnType<typeof vi.spyOn>;

async function send(message: unknown, sender: object = contentSender): Promise<{ ok: boolean; error?: string } | undefined> {
  const [reply] = browser.runtime.onMessage.fire(message, sender) as Promise<{ ok: boolean; error?: string } | undefined>[];
  return reply;
}

/**
 * What a content message may change: its own tab's detection state and, when its evidence
 * makes it a scam, its own block (a page can get itself blocked, never allowed), with the
 * records of both. Never settings, allow lists, "continue anyway", reports or other history.
 */
function expectOnlyEvidenceChanged(before: Snapshot, after: Snapshot): void {
  const ownTab = new RegExp(`^(tab|protection-tab-block|protection-recent):${TAB.id}$`);
  for (const key of new Set([...Object.keys(before.session), ...Object.keys(after.session)])) {
    if (ownTab.test(key)) continue;
    // Its own block, new or replaced: a second block of the tab drops the first (saveBlock).
    const blockOf = (records: Record<string, unknown>) => (records[key] as { tabId?: number } | undefined)?.tabId;
    if (key.startsWith('protection-block:') && (blockOf(after.session) === TAB.id || (blockOf(before.session) === TAB.id && !(key in after.session)))) continue;
    expect(after.session[key], `session ${key}`).toEqual(before.session[key]);
  }
  for (const key of new Set([...Object.keys(before.local), ...Object.keys(after.local)])) {
    if (key === 'remoteGuardFlagged') continue;
    if (key === 'history') {
      const added = (after.local.history as { entries: { id: string; kind: string; data: { action?: string } }[] }).entries.filter(
        (entry) => !(before.local.history as { entries: { id: string }[] }).entries.some((old) => old.id === entry.id),
      );
      const allowed = (entry: (typeof added)[number]) => entry.kind === 'detection' || (entry.kind === 'block' && entry.data.action === 'blocked');
      expect(added.filter((entry) => !allowed(entry)), 'history entries a page caused').toEqual([]);
      continue;
    }
    expect(after.local[key], `local ${key}`).toEqual(before.local[key]);
  }
}

beforeAll(async () => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
  browser.tabsById.set(TAB.id, { ...TAB });
  await import('./main');
});
afterAll(() => vi.restoreAllMocks());
beforeEach(async () => {
  browser.storage.local.data = structuredClone(SEEDED_LOCAL);
  browser.storage.session.data = {};
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});

describe('messages from a content script (property-based)', () => {
  it('every extension-page message, whatever its payload, is refused with a logged reason and changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...EXTENSION_ONLY), fc.anything(), async (type, payload) => {
        warn.mockClear();
        const before = snapshot();
        const reply = await send({ type, payload });
        expect(reply).toEqual({ ok: false, error: expect.stringMatching(/only accepted from extension pages/) });
        expect(warn).toHaveBeenCalledWith('[fake-warning-blocker] rejected message:', reply?.error);
        expect(snapshot()).toEqual(before);
      }),
      { numRuns: 400 },
    );
  });

  it('garbage and unknown types are refused with a logged reason and change nothing', async () => {
    const junk = fc.oneof(
      fc.anything(),
      fc.record({ type: fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'allow-site')), payload: fc.anything() }),
    );
    await fc.assert(
      fc.asyncProperty(junk, async (message) => {
        fc.pre(!(typeof message === 'object' && message !== null && Object.hasOwn(MESSAGE_SPECS, (message as { type?: unknown }).type as string)));
        warn.mockClear();
        const before = snapshot();
        const reply = await send(message);
        expect(reply?.ok).toBe(false);
        expect(warn).toHaveBeenCalledWith('[fake-warning-blocker] rejected message:', reply?.error);
        expect(snapshot()).toEqual(before);
      }),
      { numRuns: 400 },
    );
  });

  it('content messages with random payloads are refused with a logged reason, or only add evidence about their own tab', async () => {
    const payload = fc.oneof(
      fc.anything(),
      fc.record({ docId: fc.oneof(fc.string(), fc.constant('abcdef12-3456')), evidence: fc.anything() }),
      fc.record({ events: fc.array(fc.record({ kind: fc.constantFrom('fullscreen-request', 'speech', 'disarmed', 'history-push'), target: fc.constant('document'), userGesture: fc.boolean(), text: fc.string(), lang: fc.string(), count: fc.nat() }), { maxLength: 5 }) }),
      fc.record({ docId: fc.constant('abcdef12-3456'), evidence: fc.record({ url: fc.webUrl(), lang: fc.string(), title: fc.string(), blocks: fc.array(fc.record({ text: fc.string(), px: fc.nat(), flags: fc.nat() }), { maxLength: 5 }), attrs: fc.array(fc.string(), { maxLength: 3 }), cssLogo: fc.boolean(), progressBars: fc.nat(), truncated: fc.boolean() }) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CONTENT_TYPES), payload, async (type, body) => {
        warn.mockClear();
        const before = snapshot();
        const reply = await send({ type, payload: body });
        if (!reply?.ok) expect(warn).toHaveBeenCalledWith('[fake-warning-blocker] rejected message:', reply?.error);
        // Settle what a verdict change started (history, protection) before comparing.
        for (let turn = 0; turn < 3; turn++) await new Promise((done) => setTimeout(done, 0));
        if (!reply?.ok) expect(snapshot()).toEqual(before);
        else expectOnlyEvidenceChanged(before, snapshot());
      }),
      { numRuns: 300 },
    );
  }, 60_000); // 300 runs through the real worker: seconds on a loaded machine

  it('messages from other extensions or from no tab are ignored and change nothing', async () => {
    const senders = fc.oneof(
      fc.record({ id: fc.string(), url: fc.webUrl(), tab: fc.constant({ ...TAB }) }),
      fc.record({ id: fc.constant(browser.runtime.id), url: fc.webUrl() }),
      fc.record({ id: fc.constant(browser.runtime.id), tab: fc.record({ id: fc.integer({ max: -1 }) }) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...EXTENSION_ONLY, ...CONTENT_TYPES), fc.anything(), senders, async (type, payload, sender) => {
        fc.pre(sender.id !== browser.runtime.id || !('tab' in sender) || (sender.tab as { id: number }).id < 0);
        const before = snapshot();
        expect(await send({ type, payload }, sender)).toBeUndefined();
        expect(snapshot()).toEqual(before);
      }),
      { numRuns: 200 },
    );
  });
});
