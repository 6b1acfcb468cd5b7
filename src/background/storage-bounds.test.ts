// Storage stays bounded whatever a page does: a page can send the worker evidence for as
// long as it is open, so what is kept per tab must not grow with it.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '../../tests/unit/support/fake-browser';
import { CONTENT_LIMITS } from '../shared/detection/content-evidence';
import { REPORT_URL_MAX_CHARS } from '../shared/reports/schema';
import { HISTORY_MAX_BYTES, HISTORY_MAX_ENTRIES, jsonBytes, STORAGE_BUDGET } from '../shared/storage-budget';

vi.mock('webextension-polyfill', async () => (await import('../../tests/unit/support/fake-browser')).polyfillModule());

const browser = fakeBrowser();
const TAB = { id: 9, url: 'http://flood.example.test/', windowId: 1, active: true };

async function send(type: string, payload: unknown, frameId = 0): Promise<void> {
  const sender = { id: browser.runtime.id, url: TAB.url, tab: { ...TAB }, frameId };
  const [reply] = browser.runtime.onMessage.fire({ type, payload }, sender) as Promise<{ ok: boolean; error?: string }>[];
  const answer = await reply;
  if (!answer?.ok) throw new Error(`${type}: ${answer?.error}`);
}

beforeAll(async () => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  vi.spyOn(console, 'error').mockImplementation(() => {});
  browser.tabsById.set(TAB.id, { ...TAB });
  await browser.storage.local.set({ userSettings: { mode: 'monitor' } });
  await import('./main');
});

describe('per-tab detection state', () => {
  it('stays small however much a page and its frames send', async () => {
    await send('frame-start', { docId: 'doc-00000001' });
    // 40 frames, each with the largest evidence, crowded with distinct phone numbers and scare words.
    const numbers = Array.from({ length: 400 }, (_, i) => `+1-888-555-${String(i).padStart(4, '0')}`);
    for (let frame = 0; frame < 40; frame++) {
      const blocks = Array.from({ length: CONTENT_LIMITS.blocks }, (_, i) => ({
        text: `Call Microsoft ${numbers[(i + frame) % numbers.length]} infected blocked ${'x'.repeat(40)}`.slice(0, CONTENT_LIMITS.blockChars),
        px: 30,
        flags: 15,
      })).slice(0, Math.floor(CONTENT_LIMITS.totalChars / 80));
      const evidence = { url: `http://f${frame}.example.test/`, lang: 'en', title: 'Windows Defender', blocks, attrs: [], cssLogo: true, progressBars: 3, truncated: true };
      await send('page-content', { docId: `doc-${String(frame).padStart(8, '0')}`, evidence }, frame);
    }
    // 300 batches of 100 events, with ever-new speech, dialog texts and keys.
    for (let batch = 0; batch < 300; batch++) {
      const events = Array.from({ length: 100 }, (_, i) => {
        const n = batch * 100 + i;
        return [
          { kind: 'speech', text: `Your computer is infected ${n} ${'y'.repeat(900)}`, lang: 'en' },
          { kind: 'dialog', dialog: 'alert', count: n, text: `Call now ${n} ${'z'.repeat(900)}` },
          { kind: 'key-swallow', keys: Array.from({ length: 50 }, (_, k) => `Key${n}-${k}`) },
          { kind: 'history-push', count: n },
        ][n % 4];
      });
      await send('probe-events', { events });
    }
    const state = browser.storage.session.data[`tab:${TAB.id}`] as { frames: Record<string, { findings: { phones: unknown[] } }> };
    const size = JSON.stringify(state).length;
    process.stdout.write(`[bounds] tab state: ${size} characters, ${Object.keys(state.frames).length} frames, phones per frame ${Object.values(state.frames).map((f) => f.findings.phones.length).join("/")}\n`);
    expect(Object.keys(state.frames).length).toBeLessThanOrEqual(16);
    expect(size).toBeLessThan(64 * 1024);
  }, 120_000);
});

describe('records of closed tabs', () => {
  it('are removed at worker start even when a write landed after the tab closed', async () => {
    const { sweepClosedTabs } = await import('./session-sweep');
    await browser.storage.session.set({ 'tab:77': { url: 'http://closed.example.test/' }, 'chain:77': { urls: [] }, 'protection-recent:77': [] });
    const open = Object.keys(browser.storage.session.data).filter((key) => key.endsWith(`:${TAB.id}`));
    expect(open.length).toBeGreaterThan(0);
    expect(await sweepClosedTabs()).toBe(3);
    expect(Object.keys(browser.storage.session.data).filter((key) => key.endsWith(':77'))).toEqual([]);
    expect(Object.keys(browser.storage.session.data).filter((key) => key.endsWith(`:${TAB.id}`))).toEqual(open);
  });
});

describe('history', () => {
  it('keeps at most historyLimit entries, the newest', async () => {
    const { recordHistory } = await import('./history/store');
    const reasons = Array.from({ length: 8 }, (_, i) => ({ key: 'reasonClaimInfected', params: [`phrase ${i}`], category: 'claim' as const, weight: 1 }));
    for (let i = 0; i < 600; i++) {
      await recordHistory({ kind: 'detection', url: `http://s${i}.example.test/`, level: 'scam', reasons, phoneNumbers: ['+1 888 555 0199'], data: { score: 9 }, time: Date.now() + 60_000 + i });
    }
    const history = browser.storage.local.data.history as { entries: { url: string }[] };
    expect(history.entries).toHaveLength(500);
    expect(history.entries[0]?.url).toBe('http://s599.example.test/');
    process.stdout.write(`[bounds] history: ${JSON.stringify(history).length} characters for 500 detections (${Math.round(JSON.stringify(history).length / 500)} per entry)\n`);
  }, 120_000);

  it('brings a history an earlier build let grow to 10,000 entries back within the budget at the next entry', async () => {
    const { recordHistory } = await import('./history/store');
    const { getSettings } = await import('./settings/store');
    const reasons = Array.from({ length: 8 }, (_, i) => ({ key: 'reasonClaimInfected', params: [`phrase ${i}`], category: 'claim', weight: 1 }));
    const old = Array.from({ length: 10_000 }, (_, i) => ({
      id: crypto.randomUUID(), time: 1_700_000_000_000 - i, url: `http://old${i}.example.test/`, kind: 'detection', level: 'scam', reasons, phoneNumbers: ['+1 888 555 0199'], data: { score: 9 },
    }));
    await browser.storage.local.set({ history: { version: 1, entries: old }, userSettings: { mode: 'monitor', historyLimit: 10_000 } });
    expect((await getSettings()).historyLimit).toBe(HISTORY_MAX_ENTRIES);
    await recordHistory({ kind: 'site-paused', url: 'http://new.example.test/', data: { host: 'new.example.test' } });
    const history = browser.storage.local.data.history as { entries: { url: string }[] };
    const bytes = 'history'.length + jsonBytes(history);
    process.stdout.write(`[bounds] history after a 10,000-entry legacy store: ${history.entries.length} entries, ${bytes} bytes (budget ${HISTORY_MAX_BYTES})\n`);
    expect(history.entries).toHaveLength(HISTORY_MAX_ENTRIES);
    expect(history.entries[0]?.url).toBe('http://new.example.test/');
    expect(bytes).toBeLessThanOrEqual(HISTORY_MAX_BYTES);
  }, 120_000);
});

// A page decides its own address (up to 2 MB in Chrome) and title; records that keep them must cut them.
const hugeUrl = (i: number) => `http://s${i}.example.test/?${'q'.repeat(2 * 1024 * 1024)}`;
const budgetFor = (key: string) => STORAGE_BUDGET.find((line) => line.key === key)?.maxBytes ?? 0;

describe('records of pages with huge addresses', () => {
  it('keeps "not a scam" records within their budget line', async () => {
    const { allowSiteForUser } = await import('./protection/allow');
    const reasons = Array.from({ length: 60 }, (_, i) => ({ key: `reasonNumber${i}`, params: [], category: 'claim' as const, weight: 1 }));
    for (let i = 0; i < 230; i++) {
      const record = { blockId: `b${i}`, tabId: 1, warningTabId: 1, url: hugeUrl(i), verdict: { level: 'scam' as const, score: 9, reasons, phoneNumbers: [] }, thumbnail: null, lastSafeUrl: null, mode: 'block' as const, mutedByUs: false, blockedAt: i, neutraliseMs: 1 };
      await allowSiteForUser(`s${i}.example.test`, record);
    }
    const records = browser.storage.local.data.protectionFalsePositives as { host: string; url: string }[];
    const bytes = 'protectionFalsePositives'.length + jsonBytes(records);
    process.stdout.write(`[bounds] false-positive records: ${records.length}, ${bytes} bytes (budget ${budgetFor('protectionFalsePositives')})\n`);
    expect(records).toHaveLength(200);
    expect(records.at(-1)?.host).toBe('s229.example.test');
    expect(bytes).toBeLessThanOrEqual(budgetFor('protectionFalsePositives'));
  }, 120_000);

  it('keeps a tab’s report chain small in storage.session', async () => {
    const { onTabUpdated } = await import('./reports/chain');
    const tabId = 21;
    for (let i = 0; i < 15; i++) await onTabUpdated(tabId, { url: hugeUrl(i), title: 't'.repeat(100_000) });
    const chain = browser.storage.session.data[`chain:${tabId}`] as { urls: string[]; title: string | null };
    expect(chain.urls).toHaveLength(10);
    expect(chain.urls.every((url) => url.length === REPORT_URL_MAX_CHARS)).toBe(true);
    expect(jsonBytes(chain)).toBeLessThan(100 * 1024);
  });
});
