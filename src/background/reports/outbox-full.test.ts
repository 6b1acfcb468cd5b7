// A long outage of the organisation's endpoint, with screenshots required by policy: the
// outbox must stay within its storage budget (storage.local has a 10 MB quota), and each
// report must say what the budget cost it (its screenshot, or its place in the queue).
// Runs the real worker (main.ts) on the in-memory browser, with Chrome's quota enforced.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '../../../tests/unit/support/fake-browser';
import { OUTBOX_MAX_BYTES, OUTBOX_MAX_UNDELIVERED, REPORT_SCREENSHOT_MAX_CHARS, STORAGE_LOCAL_QUOTA_BYTES } from '../../shared/storage-budget';
import type { ReportOutcome } from '../../shared/messages/reports';

vi.mock('webextension-polyfill', async () => (await import('../../../tests/unit/support/fake-browser')).polyfillModule());

const browser = fakeBrowser();
const TAB = { id: 5, url: 'http://scam0.example.test/', windowId: 1, active: true };
let screenshotChars = 400 * 1024;
const errors: unknown[][] = [];

interface StoredEntry {
  id: string;
  url: string;
  data: { reportId: string; delivery: string; screenshot: boolean; screenshotLeftOut?: string };
}
const historyEntries = () => (browser.storage.local.data.history as { entries: StoredEntry[] }).entries;
const outbox = () => browser.storage.local.data.reportOutbox as { reportId: string; state: string; body: { screenshot: unknown } }[];

async function report(url: string): Promise<ReportOutcome> {
  browser.tabsById.set(TAB.id, { ...TAB, url });
  const popup = { id: browser.runtime.id, url: browser.runtime.getURL('src/ui/popup/index.html') };
  const [reply] = browser.runtime.onMessage.fire({ type: 'report-page', payload: { tabId: TAB.id, url, includeScreenshot: true } }, popup) as Promise<{
    ok: boolean;
    value: ReportOutcome;
    error?: string;
  }>[];
  const answer = await reply;
  if (!answer?.ok) throw new Error(`report-page failed: ${answer?.error}`);
  return answer.value;
}

beforeAll(async () => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void errors.push(args));
  vi.stubGlobal('navigator', { userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0.0.0', language: 'en-US', languages: ['en-US'] });
  // The endpoint is down for the whole test.
  vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
  browser.storage.local.quotaBytes = STORAGE_LOCAL_QUOTA_BYTES;
  browser.storage.managed.data = { reportEndpoint: 'https://reports.example.test/v1', includeScreenshots: true };
  (browser.tabs as { captureVisibleTab: unknown }).captureVisibleTab = () => Promise.resolve(`data:image/jpeg;base64,${'A'.repeat(screenshotChars)}`);
  await import('../main');
});
afterAll(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('report outbox during a long outage', () => {
  const outcomes: ReportOutcome[] = [];

  it(`keeps at most ${OUTBOX_MAX_UNDELIVERED} reports and ${OUTBOX_MAX_BYTES} bytes waiting, within the quota`, async () => {
    for (let i = 0; i < OUTBOX_MAX_UNDELIVERED + 10; i++) outcomes.push(await report(`http://scam${i}.example.test/page`));
    const items = outbox();
    const bytes = Buffer.byteLength(JSON.stringify(items)) + 'reportOutbox'.length;
    const pictures = items.filter((item) => item.body.screenshot !== null).length;
    process.stdout.write(`[bounds] outbox after ${outcomes.length} reports with 400 KB screenshots: ${items.length} waiting, ${pictures} with screenshots, ${bytes} bytes; storage.local ${browser.storage.local.bytesInUse()} bytes\n`);
    expect(items).toHaveLength(OUTBOX_MAX_UNDELIVERED);
    expect(items.every((item) => item.state === 'pending')).toBe(true);
    expect(bytes).toBeLessThanOrEqual(OUTBOX_MAX_BYTES);
    expect(browser.storage.local.bytesInUse()).toBeLessThan(STORAGE_LOCAL_QUOTA_BYTES);
    expect(errors).toEqual([]);
  }, 120_000);

  it('gives up the oldest reports and marks them "not sent" in the history, with everything they said', () => {
    const kept = new Set(outbox().map((item) => item.reportId));
    const dropped = outcomes.filter((outcome) => !kept.has(outcome.reportId));
    expect(dropped.map((outcome) => outcome.reportId)).toEqual(outcomes.slice(0, 10).map((outcome) => outcome.reportId));
    for (const outcome of dropped) {
      const entry = historyEntries().find((candidate) => candidate.id === outcome.historyId);
      expect(entry?.data.delivery).toBe('dropped');
      expect(entry?.url).toMatch(/^http:\/\/scam\d\.example\.test\/page$/);
    }
  });

  it('leaves out the screenshot, not the report, when screenshots fill the outbox, and says so in the popup and the history', () => {
    const leftOut = outcomes.filter((outcome) => outcome.screenshotLeftOut);
    // 3 MB holds seven 400 KB screenshots; the reports after them go without until old ones make room.
    expect(leftOut.length).toBeGreaterThan(0);
    expect(outcomes.slice(0, 7).every((outcome) => outcome.screenshot)).toBe(true);
    for (const outcome of outcomes) {
      const entry = historyEntries().find((candidate) => candidate.id === outcome.historyId);
      if (outcome.screenshotLeftOut) {
        expect(outcome).toMatchObject({ screenshot: false, screenshotLeftOut: 'outbox-full', delivery: 'retrying' });
        expect(entry?.data).toMatchObject({ screenshot: false, screenshotLeftOut: 'outbox-full' });
        expect(outbox().find((item) => item.reportId === outcome.reportId)?.body.screenshot ?? null).toBeNull();
      } else {
        expect(outcome.screenshot).toBe(true);
      }
    }
    // Every screenshot still waiting belongs to a report that was told it has one.
    for (const item of outbox().filter((candidate) => candidate.body.screenshot !== null)) {
      expect(outcomes.find((outcome) => outcome.reportId === item.reportId)?.screenshot).toBe(true);
    }
  });

  it('leaves out a screenshot larger than one may be, and keeps the report', async () => {
    // Room first: reports already delivered or given up make none, so send everything waiting.
    vi.stubGlobal('fetch', () => Promise.resolve(new Response('{}', { status: 201 })));
    const sent = (await import('./outbox')).flushOutbox(true);
    await sent;
    screenshotChars = REPORT_SCREENSHOT_MAX_CHARS + 1;
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    const outcome = await report('http://huge.example.test/');
    expect(outcome).toMatchObject({ screenshot: false, screenshotLeftOut: 'too-large' });
    expect(outbox().find((item) => item.reportId === outcome.reportId)?.body.screenshot).toBeNull();
    // Delivered reports keep no screenshot.
    expect(outbox().filter((item) => item.state === 'delivered' && item.body.screenshot !== null)).toEqual([]);
    expect(errors).toEqual([]);
  }, 60_000);
});
