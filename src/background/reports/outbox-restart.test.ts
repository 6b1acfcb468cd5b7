// A report must survive the service worker being stopped at any moment: while its POST is
// in flight, or while it waits for the next try. Each test restarts the real worker
// (main.ts) on the in-memory browser: new modules and listeners, the same storage.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser, restartWorker, type FakeBrowser } from '../../../tests/unit/support/fake-browser';

vi.mock('webextension-polyfill', async () => (await import('../../../tests/unit/support/fake-browser')).polyfillModule());

const ENDPOINT = 'https://reports.example.test/v1/reports';
const TAB = { id: 7, url: 'http://scam.example.test/lock.html', windowId: 1, active: true };

interface Posted {
  idempotencyKey: string;
  reportId: string;
}

function endpoint(behaviour: 'hang' | 'down' | 'ok', posted: Posted[]): void {
  vi.stubGlobal('fetch', (_url: string, init: { headers: Record<string, string>; body: string }) => {
    posted.push({ idempotencyKey: init.headers['idempotency-key'] ?? '', reportId: (JSON.parse(init.body) as { reportId: string }).reportId });
    if (behaviour === 'hang') return new Promise(() => {});
    if (behaviour === 'down') return Promise.reject(new TypeError('Failed to fetch'));
    return Promise.resolve(new Response('{}', { status: 201 }));
  });
}

async function startWorker(): Promise<FakeBrowser> {
  vi.resetModules();
  await import('../main');
  return fakeBrowser();
}

async function report(browser: FakeBrowser): Promise<{ reportId: string; historyId: string }> {
  const page = { id: browser.runtime.id, url: browser.runtime.getURL('src/ui/popup/index.html') };
  const [reply] = browser.runtime.onMessage.fire({ type: 'report-page', payload: { tabId: TAB.id, url: TAB.url } }, page) as Promise<{ ok: boolean; value: { reportId: string; historyId: string }; error?: string }>[];
  const answer = await reply;
  if (!answer?.ok) throw new Error(`report-page failed: ${answer?.error}`);
  return answer.value;
}

const settle = async () => {
  for (let turn = 0; turn < 20; turn++) await vi.advanceTimersByTimeAsync(0);
};
const outbox = (browser: FakeBrowser) => browser.storage.local.data.reportOutbox as { reportId: string; state: string }[];
const deliveryOf = (browser: FakeBrowser, historyId: string) =>
  (browser.storage.local.data.history as { entries: { id: string; data: { delivery: string } }[] }).entries.find((entry) => entry.id === historyId)?.data.delivery;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  vi.spyOn(console, 'error').mockImplementation(() => {});
  // What the report says about the browser (Node has no navigator of its own before v21).
  vi.stubGlobal('navigator', { userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0.0.0', language: 'en-US', languages: ['en-US'] });
  const browser = restartWorker();
  browser.storage.local.data = {};
  browser.storage.session.data = {};
  browser.storage.managed.data = { reportEndpoint: ENDPOINT, allowUserReports: true };
  browser.tabsById.set(TAB.id, { ...TAB });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('reports across a service-worker restart', () => {
  it('a report whose POST was in flight when the worker stopped is sent again at the next start, with the same idempotency key', async () => {
    const posted: Posted[] = [];
    endpoint('hang', posted);
    const first = await startWorker();
    // The popup's request stays unanswered: the worker is stopped while its POST is out.
    void report(first).catch(() => {});
    await settle();
    expect(posted).toHaveLength(1);
    const reportId = posted[0]?.reportId as string;
    expect(posted[0]?.idempotencyKey).toBe(reportId);
    const historyId = (first.storage.local.data.history as { entries: { id: string; data: { reportId?: string } }[] }).entries.find((entry) => entry.data.reportId === reportId)?.id as string;
    expect(historyId).toBeTruthy();

    // Stopped mid-request; the next start finds the report still pending and sends it.
    restartWorker();
    endpoint('ok', posted);
    const browser = await startWorker();
    await settle();
    expect(posted).toEqual([{ idempotencyKey: reportId, reportId }, { idempotencyKey: reportId, reportId }]);
    expect(outbox(browser).map((item) => [item.reportId, item.state])).toEqual([[reportId, 'delivered']]);
    expect(deliveryOf(browser, historyId)).toBe('delivered');
  });

  it('a report that failed while offline waits out its back-off across a restart and is delivered once by the alarm', async () => {
    const posted: Posted[] = [];
    endpoint('down', posted);
    const { reportId, historyId } = await report(await startWorker());
    await settle();
    expect(posted).toHaveLength(1);

    restartWorker();
    endpoint('ok', posted);
    const browser = await startWorker();
    await settle();
    // Not due yet after the restart: an alarm is set for it instead (Firefox loses alarms on restart).
    expect(posted).toHaveLength(1);
    expect(browser.calls.filter((call) => call.api === 'alarms.create')).toHaveLength(1);
    vi.setSystemTime(Date.now() + 31_000);
    browser.alarms.onAlarm.fire({ name: 'fwb-report-retry' });
    await settle();
    expect(posted.map((p) => p.reportId)).toEqual([reportId, reportId]);
    expect(outbox(browser).map((item) => item.state)).toEqual(['delivered']);
    expect(deliveryOf(browser, historyId)).toBe('delivered');
    // Nothing is sent twice once delivered, whatever restarts follow.
    restartWorker();
    await startWorker();
    await settle();
    expect(posted).toHaveLength(2);
  });
});
