// Chromium measurements: traced visits (extension main-thread time and long tasks),
// alternating untraced page loads with and without the extension, and the service
// worker's heap and storage.
import type { Page } from 'playwright-core';
import type { ChromiumInstance } from './chromium';
import { startTrace } from './chromium';
import { analyseTrace, type TraceEvent, type Window, type WindowResult } from './trace-analysis';

export interface Visit {
  label: string;
  url: string;
  /** Wait for window.__fwbBench.done (pathological pages) up to this many ms. */
  waitDoneMs?: number;
}

export interface PageReport {
  done?: boolean;
  workMs?: number;
  [key: string]: unknown;
}

export interface TracedVisit {
  label: string;
  url: string;
  ok: boolean;
  error?: string;
  loadMs: number | null;
  page: PageReport | null;
  trace: WindowResult | null;
}

export function guardDialogs(page: Page): void {
  // Leave-page prompts are accepted so navigation goes on; other dialogs are dismissed.
  page.on('dialog', (dialog) => void (dialog.type() === 'beforeunload' ? dialog.accept() : dialog.dismiss()).catch(() => {}));
}

/** Navigates and returns the page's own load time (navigation start → load event end, ms). */
export async function loadPage(page: Page, url: string, timeoutMs: number): Promise<number | null> {
  await page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
  return page
    .waitForFunction(
      () => {
        const entry = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
        return entry && entry.loadEventEnd > 0 ? entry.loadEventEnd : false;
      },
      undefined,
      { timeout: 5000, polling: 20 },
    )
    .then((handle) => handle.jsonValue() as Promise<number>)
    .catch(() => null);
}

async function waitDone(page: Page, timeoutMs: number): Promise<PageReport | null> {
  return page
    .waitForFunction(() => (window as unknown as { __fwbBench?: PageReport }).__fwbBench?.done && (window as unknown as { __fwbBench: PageReport }).__fwbBench, undefined, {
      timeout: timeoutMs,
      polling: 100,
    })
    .then((handle) => handle.jsonValue() as Promise<PageReport>)
    .catch(() => null);
}

const MARK = 'fwb-bench:';

/**
 * Visits pages one after another in one tab while tracing, in batches (one trace per
 * batch keeps the trace small); each page's window runs from just before its
 * navigation to just before the next one. Tracing costs time, so load times from here
 * are not used for the load ratio.
 */
export async function tracedVisits(
  instance: ChromiumInstance,
  visits: Visit[],
  options: { settleMs: number; batch: number; hires: boolean; navigationTimeoutMs: number; onProgress?: (done: number) => void },
): Promise<TracedVisit[]> {
  const prefix = instance.extensionOrigin ?? 'chrome-extension://';
  const results: TracedVisit[] = [];
  for (let start = 0; start < visits.length; start += options.batch) {
    const batch = visits.slice(start, start + options.batch);
    const page = await instance.context.newPage();
    guardDialogs(page);
    await page.goto('about:blank');
    const recorder = await startTrace(page, prefix, options.hires);
    const partial: TracedVisit[] = [];
    for (const [index, visit] of batch.entries()) {
      const key = `${start + index}`;
      await recorder.mark(`${MARK}${key}`);
      const result: TracedVisit = { label: key, url: visit.url, ok: true, loadMs: null, page: null, trace: null };
      try {
        result.loadMs = await loadPage(page, visit.url, options.navigationTimeoutMs);
        if (visit.waitDoneMs) {
          result.page = await waitDone(page, visit.waitDoneMs);
          if (!result.page) throw new Error(`page did not report done within ${visit.waitDoneMs} ms`);
        }
        await page.waitForTimeout(options.settleMs);
      } catch (error) {
        result.ok = false;
        result.error = String(error).split('\n')[0];
      }
      partial.push(result);
      options.onProgress?.(start + index + 1);
    }
    await recorder.mark(`${MARK}end`);
    const events = await recorder.stop();
    await page.close({ runBeforeUnload: false }).catch(() => {});
    const windows = syncWindows(events);
    const analysed = analyseTrace(events, prefix, windows);
    for (const result of partial) {
      result.trace = analysed.find((window) => window.label === result.label) ?? null;
      result.label = batch[Number(result.label) - start]?.label ?? result.label;
      results.push(result);
    }
  }
  return results;
}

/** Windows between Tracing.recordClockSyncMarker marks (independent of page scripts). */
function syncWindows(events: TraceEvent[]): Window[] {
  const marks = events
    .filter((event) => event.name === 'clock_sync' && String(event.args?.sync_id ?? '').startsWith(MARK))
    .sort((a, b) => a.ts - b.ts);
  const windows: Window[] = [];
  for (let index = 0; index + 1 < marks.length; index++) {
    const label = String((marks[index] as TraceEvent).args?.sync_id).slice(MARK.length);
    if (label !== 'end') windows.push({ label, start: (marks[index] as TraceEvent).ts, end: (marks[index + 1] as TraceEvent).ts });
  }
  return windows;
}

export interface LoadPair {
  url: string;
  withMs: number[];
  withoutMs: number[];
}

/**
 * Loads each page in both browsers, alternating which goes first, `reps` times over the
 * whole list (a pass over the list is one rep, so memory can be read between passes).
 */
export async function loadPairs(
  base: ChromiumInstance,
  ext: ChromiumInstance,
  urls: string[],
  options: { reps: number; navigationTimeoutMs: number; afterRep?: (rep: number) => Promise<void>; onProgress?: (done: number) => void },
): Promise<LoadPair[]> {
  const pairs: LoadPair[] = urls.map((url) => ({ url, withMs: [], withoutMs: [] }));
  // A tab per browser, replaced if a page crashes it.
  const tabs = new Map<ChromiumInstance, Page>();
  const tab = async (instance: ChromiumInstance) => {
    let page = tabs.get(instance);
    if (!page || page.isClosed()) {
      page = await instance.context.newPage();
      guardDialogs(page);
      const opened = page;
      page.on('crash', () => void opened.close().catch(() => {}));
      tabs.set(instance, page);
    }
    return page;
  };
  let done = 0;
  for (let rep = 0; rep < options.reps; rep++) {
    for (const [index, pair] of pairs.entries()) {
      const order: [ChromiumInstance, number[]][] = [
        [base, pair.withoutMs],
        [ext, pair.withMs],
      ];
      if ((index + rep) % 2) order.reverse();
      for (const [instance, into] of order) {
        const page = await tab(instance);
        const ms = await loadPage(page, pair.url, options.navigationTimeoutMs).catch(() => null);
        if (ms !== null) into.push(ms);
        // Leave the page for a blank one, so the next load does not start by unloading (or
        // back/forward-caching, which content-script ports prevent) the previous page.
        await page.goto('about:blank').catch(() => {});
      }
      options.onProgress?.(++done);
    }
    await options.afterRep?.(rep);
  }
  for (const page of tabs.values()) await page.close({ runBeforeUnload: false }).catch(() => {});
  return pairs;
}

export interface WorkerMemory {
  /** V8 heap used by the service worker after a forced GC (bytes). */
  heapUsed: number | null;
  heapTotal: number | null;
  storageLocal: number | null;
  storageSession: number | null;
  error?: string;
}

/** Reads the extension service worker's heap over CDP (Target.attachToTarget from a page session). */
export async function workerMemory(ext: ChromiumInstance): Promise<WorkerMemory> {
  const result: WorkerMemory = { heapUsed: null, heapTotal: null, storageLocal: null, storageSession: null };
  const page = await ext.context.newPage();
  try {
    const cdp = await ext.context.newCDPSession(page);
    const { targetInfos } = await cdp.send('Target.getTargets');
    const target = targetInfos.find((info) => info.type === 'service_worker' && info.url.startsWith(ext.extensionOrigin ?? '-'));
    if (!target) throw new Error('the service worker is not running');
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
    let nextId = 1;
    const pending = new Map<number, (message: { result?: Record<string, number>; error?: { message: string } }) => void>();
    cdp.on('Target.receivedMessageFromTarget', (event) => {
      if (event.sessionId !== sessionId) return;
      const message = JSON.parse(event.message) as { id?: number; result?: Record<string, number>; error?: { message: string } };
      if (message.id !== undefined) pending.get(message.id)?.(message);
    });
    const call = (method: string) =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const id = nextId++;
        pending.set(id, (message) => (message.error ? reject(new Error(message.error.message)) : resolve(message.result ?? {})));
        cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params: {} }) }).catch(reject);
        setTimeout(() => reject(new Error(`${method} timed out`)), 10_000);
      });
    await call('HeapProfiler.collectGarbage');
    const usage = await call('Runtime.getHeapUsage');
    result.heapUsed = usage.usedSize ?? null;
    result.heapTotal = usage.totalSize ?? null;
    await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => {});
    await cdp.detach().catch(() => {});
    const worker = ext.context.serviceWorkers().find((candidate) => candidate.url().startsWith(ext.extensionOrigin ?? '-'));
    const storage = await worker?.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: { storage: Record<string, { getBytesInUse?: (keys: null) => Promise<number> }> } }).chrome.storage;
      return { local: (await api.local?.getBytesInUse?.(null)) ?? null, session: (await api.session?.getBytesInUse?.(null)) ?? null };
    });
    result.storageLocal = storage?.local ?? null;
    result.storageSession = storage?.session ?? null;
  } catch (error) {
    result.error = String(error).split('\n')[0];
  } finally {
    await page.close().catch(() => {});
  }
  return result;
}
