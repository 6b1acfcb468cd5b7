// One run: one local server, one browser with the built extension, several cases at
// once (each in its own window), one poll loop reading every running tab's status.
import { type BrowserName, distDir, launchWithExtension } from '../support/extension-browser';
import { startServer } from '../support/server';
import { CaseServer, type TrafficSummary } from './case-server';
import type { CorpusCase } from './corpus';
import { Monitor, type TabSnapshot } from './monitor';
import { type CaseContext, type CaseRecord, runCase } from './run-case';

export interface RunOptions {
  browser: BrowserName;
  concurrency: number;
  settleMs: number;
  loadTimeoutMs?: number;
  /** Progress lines (one per case). */
  log(line: string): void;
}

export interface RunResult {
  browser: BrowserName;
  extension: string;
  concurrency: number;
  settle_ms: number;
  started_at: string;
  duration_ms: number;
  traffic: TrafficSummary;
  /**
   * Addresses in windows still open after every case was closed and the last sweep (kits'
   * popups closed, up to 10 s for closing windows to go); there were none before the first case.
   */
  leftover_windows: string[][];
  cases: CaseRecord[];
}

const POLL_MS = 100;
/** How long the last sweep waits for windows that are closing before it calls them left over. */
const LEFTOVER_WAIT_MS = 10_000;
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

class Poller {
  private readonly watched = new Map<number, (snapshot: TabSnapshot) => void>();
  private running = true;
  private readonly loop: Promise<void>;

  constructor(private readonly monitor: Monitor) {
    this.loop = this.run();
  }

  watch(tabId: number, onSnapshot: (snapshot: TabSnapshot) => void): () => Promise<void> {
    this.watched.set(tabId, onSnapshot);
    return async () => {
      try {
        // One last look, so a block or verdict that came just now is not missed.
        for (const snapshot of await this.monitor.snapshot([tabId])) onSnapshot(snapshot);
      } finally {
        this.watched.delete(tabId);
      }
    };
  }

  private async run(): Promise<void> {
    for (let tick = 0; this.running; tick++) {
      const ids = [...this.watched.keys()];
      try {
        for (const snapshot of await this.monitor.snapshot(ids)) this.watched.get(snapshot.tabId)?.(snapshot);
        if (tick % 10 === 0) await this.monitor.closeStrangers();
      } catch {
        // A failed poll (e.g. the monitor busy while a window closes) is retried on the next tick.
      }
      await sleep(POLL_MS);
    }
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }
}

function mutex(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (task) => {
    const next = tail.then(task, task);
    tail = next.catch(() => {});
    return next;
  };
}

export async function runEvaluation(cases: CorpusCase[], options: RunOptions): Promise<RunResult> {
  const started = Date.now();
  const server = await startServer();
  const caseServer = new CaseServer(server);
  // Real kits are served over HTTPS, where APIs such as navigator.keyboard.lock exist and
  // `isSecureContext` is true; over the local HTTP the cases' own origins count as secure.
  const origins = [...new Set(cases.map((kase) => kase.url.origin))];
  let browser;
  try {
    browser = await launchWithExtension(options.browser, {
      proxyPort: server.port,
      chromiumArgs: [`--unsafely-treat-insecure-origin-as-secure=${origins.join(',')}`],
      firefoxPrefs: {
        'dom.securecontext.allowlist': origins.map((origin) => new URL(origin).host).join(','),
        // Otherwise Firefox treats the case's own http images and media as mixed content and upgrades them to https.
        'security.mixed_content.upgrade_display_content': false,
        'security.mixed_content.block_display_content': false,
        'security.mixed_content.block_active_content': false,
      },
    });
  } catch (error) {
    await server.close();
    throw new Error(`could not start ${options.browser} with the extension: ${error instanceof Error ? error.message : error}`);
  }
  const records: CaseRecord[] = new Array(cases.length);
  let leftover: string[][] = [];
  try {
    const monitor = await Monitor.open(browser);
    const windowsAtStart = new Set((await monitor.windows()).map((win) => win.id));
    const poller = new Poller(monitor);
    const context: CaseContext = {
      browser,
      monitor,
      cases: caseServer,
      settleMs: options.settleMs,
      loadTimeoutMs: options.loadTimeoutMs ?? 20_000,
      exclusive: mutex(),
      watch: (tabId, onSnapshot) => poller.watch(tabId, onSnapshot),
    };
    const pending = cases.map((kase, index) => ({ kase, index }));
    let done = 0;
    const worker = async () => {
      while (pending.length) {
        // Cases that share a host (e.g. two pages of one site) never run at the same time.
        const next = pending.findIndex(({ kase }) => !caseServer.isHostBusy(kase.url.hostname));
        if (next < 0) {
          await sleep(50);
          continue;
        }
        const [{ kase, index }] = pending.splice(next, 1) as [{ kase: CorpusCase; index: number }];
        const traffic = caseServer.activate(kase);
        try {
          records[index] = await runCase(context, kase, index, traffic);
        } finally {
          caseServer.deactivate(kase);
        }
        const record = records[index] as CaseRecord;
        done++;
        const outcome = record.blocked ? `BLOCKED ${record.latency_ms} ms` : record.level === 'safe' ? 'not blocked' : `not blocked (${record.level})`;
        const problems = record.errors.length ? `  [${record.errors.length} error(s): ${record.errors[0]}]` : '';
        options.log(`[${done}/${cases.length}] ${record.label.padEnd(6)} ${record.id}: ${outcome}${problems}`);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, cases.length)) }, worker));
    await poller.stop();
    leftover = (await monitor.leftoverWindows(windowsAtStart, LEFTOVER_WAIT_MS)).map((win) => win.urls);
  } finally {
    await browser.close().catch(() => {});
    await server.close();
  }
  return {
    browser: options.browser,
    extension: distDir(options.browser),
    concurrency: options.concurrency,
    settle_ms: options.settleMs,
    started_at: new Date(started).toISOString(),
    duration_ms: Date.now() - started,
    traffic: caseServer.totals(),
    leftover_windows: leftover,
    cases: records,
  };
}
