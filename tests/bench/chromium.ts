// Chromium for the bench: one persistent context with the built extension and one
// without (the baseline), same flags, both behind the local server as proxy.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { browserPath } from '../support/browser-paths';
import { keepEvent, type TraceEvent } from './trace-analysis';

export interface ChromiumInstance {
  context: BrowserContext;
  /** chrome-extension://<id>/ or null for the baseline. */
  extensionOrigin: string | null;
  close(): Promise<void>;
}

const VIEWPORT = { width: 1280, height: 800 };

export async function launchChromium(proxyPort: number, extensionDir: string | null): Promise<ChromiumInstance> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'fwb-bench-chromium-'));
  const extensionArgs = extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : ['--disable-extensions'];
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: browserPath('chromium'),
    headless: true,
    viewport: VIEWPORT,
    args: [
      ...extensionArgs,
      `--proxy-server=http://127.0.0.1:${proxyPort}`,
      '--proxy-bypass-list=<-loopback>',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-features=HttpsUpgrades,HttpsFirstBalancedModeAutoEnable',
      '--autoplay-policy=no-user-gesture-required',
    ],
  });
  let extensionOrigin: string | null = null;
  if (extensionDir) {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    extensionOrigin = /^chrome-extension:\/\/[a-p]{32}\//.exec(worker.url())?.[0] ?? null;
    if (!extensionOrigin) throw new Error(`Unexpected service worker URL ${worker.url()}`);
  }
  return {
    context,
    extensionOrigin,
    async close() {
      await context.close().catch(() => {});
      try {
        rmSync(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
      } catch (error) {
        console.warn(`bench: could not remove ${userDataDir}: ${String(error)}`);
      }
    },
  };
}

const TRACE_CATEGORIES = [
  '__metadata',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-v8.cpu_profiler',
];

/** A running trace of one tab; `stop()` returns only the events the analysis needs. */
export interface TraceRecorder {
  /** Puts a mark on the trace clock (console.timeStamp in the page's utility world). */
  mark(label: string): Promise<void>;
  stop(): Promise<TraceEvent[]>;
}

export async function startTrace(page: Page, extensionPrefix: string, hires: boolean): Promise<TraceRecorder> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const kept: TraceEvent[] = [];
  let seen = 0;
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    streamFormat: 'json',
    traceConfig: {
      recordMode: 'recordAsMuchAsPossible',
      includedCategories: [...TRACE_CATEGORIES, ...(hires ? ['disabled-by-default-v8.cpu_profiler.hires'] : [])],
    },
  });
  return {
    async mark(label) {
      await cdp.send('Tracing.recordClockSyncMarker', { syncId: label });
    },
    async stop() {
      const stopping = Date.now();
      const complete = new Promise<string | undefined>((done) => cdp.once('Tracing.tracingComplete', (event) => done(event.stream)));
      await cdp.send('Tracing.end');
      const stream = await complete;
      if (!stream) throw new Error('Tracing returned no stream');
      const flushed = Date.now() - stopping;
      // The stream is one JSON document; read it whole, then keep what the analysis needs.
      const chunks: string[] = [];
      for (;;) {
        const { data, eof, base64Encoded } = await cdp.send('IO.read', { handle: stream, size: 8 << 20 });
        chunks.push(base64Encoded ? Buffer.from(data, 'base64').toString('utf8') : data);
        if (eof) break;
      }
      await cdp.send('IO.close', { handle: stream }).catch(() => {});
      const parsed = JSON.parse(chunks.join('')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
      const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
      seen = events.length;
      for (const event of events) if (keepEvent(event, extensionPrefix)) kept.push(event);
      if (process.env.FWB_BENCH_DEBUG) console.log(`trace: flushed in ${flushed} ms`);
      await cdp.detach().catch(() => {});
      if (process.env.FWB_BENCH_DEBUG) console.log(`trace: ${seen} events, kept ${kept.length}, stop took ${Date.now() - stopping} ms`);
      return kept;
    },
  };
}
