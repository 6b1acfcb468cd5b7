// One case: open it in its own window, wait for load, click the middle of the page
// like a user's first click, then wait until the extension blocks it or the settle
// time passes. Scam kits fight back (dialog loops, popups, beforeunload): every step
// has a time limit, dialogs are dismissed and popups closed (both counted), and the
// window is always closed.
import type { ExtensionBrowser, TestPage } from '../support/extension-browser';
import type { CaseServer, CaseTraffic } from './case-server';
import { clickWithRetries } from './click';
import type { CorpusCase } from './corpus';
import type { Monitor, TabSnapshot } from './monitor';

export type Level = 'safe' | 'suspicious' | 'scam';
const ORDER: Record<string, number> = { safe: 0, suspicious: 1, scam: 2 };

export interface CaseRecord {
  id: string;
  label: string;
  family: string;
  lang: string;
  url: string;
  /** The tab ended on the extension's warning page. */
  blocked: boolean;
  /** Highest verdict level the extension reached for the tab during the run. */
  level: Level;
  score: number;
  /** Reason keys of that highest verdict. */
  reasons: string[];
  phone_numbers: string[];
  /** Time from the click to the block; 0 when the block came before the click; null when not blocked. */
  latency_ms: number | null;
  before_click: boolean;
  /**
   * Tries the click took: 1 normally, more when the driver could not deliver it for a
   * passing reason (the page navigating or changing full screen), 0 when no click was
   * made (the block came first, or the case ran out of time). latency_ms counts from the first try.
   */
  click_tries: number;
  /** What the extension's probe saw the page do (event kind → count), e.g. fullscreen-request. */
  page_events: Record<string, number>;
  dialogs: number;
  popups: number;
  requests: CaseTraffic;
  duration_ms: number;
  errors: string[];
}

export interface CaseContext {
  browser: ExtensionBrowser;
  monitor: Monitor;
  cases: CaseServer;
  settleMs: number;
  loadTimeoutMs: number;
  /** Serialises "bring to front + click": only a focused window gets full screen (Firefox). */
  exclusive<T>(task: () => Promise<T>): Promise<T>;
  watch(tabId: number, onSnapshot: (snapshot: TabSnapshot) => void): () => Promise<void>;
}

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  promise.catch(() => {});
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));
const message = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';

class TabTracker {
  blockedAt: number | null = null;
  level: Level = 'safe';
  score = 0;
  reasons: string[] = [];
  phoneNumbers: string[] = [];
  /** Highest count of each probe event kind seen (counts restart when the page changes). */
  readonly events: Record<string, number> = {};
  readonly errors = new Set<string>();

  constructor(private readonly warningPrefix: string) {}

  update(snapshot: TabSnapshot): void {
    if (snapshot.error) this.errors.add(snapshot.error);
    if (this.blockedAt === null && snapshot.url?.startsWith(this.warningPrefix)) this.blockedAt = snapshot.blockedAt ?? Date.now();
    for (const [kind, count] of Object.entries(snapshot.eventCounts)) this.events[kind] = Math.max(this.events[kind] ?? 0, count);
    const verdict = snapshot.verdict;
    if (!verdict) return;
    const rank = ORDER[verdict.level] ?? 0;
    const current = ORDER[this.level] ?? 0;
    if (rank > current || (rank === current && verdict.score > this.score)) {
      this.level = verdict.level as Level;
      this.score = verdict.score;
      this.reasons = verdict.reasons.map((reason) => reason.key);
      this.phoneNumbers = verdict.phoneNumbers;
    }
  }
}

/** Whether the page reaches readyState 'complete' on an address other than the harness page before `deadline`. */
async function finishesLoading(page: TestPage, harnessUrl: string, deadline: number): Promise<boolean> {
  while (Date.now() < deadline) {
    const state = await withTimeout(page.evaluate(() => [location.href, document.readyState]), 2_000, 'reading the load state').catch(() => null);
    if (state && state[0] !== harnessUrl && state[0] !== 'about:blank' && state[1] === 'complete') return true;
    await sleep(100);
  }
  return false;
}

export async function runCase(context: CaseContext, kase: CorpusCase, slot: number, traffic: CaseTraffic): Promise<CaseRecord> {
  const started = Date.now();
  const errors: string[] = [];
  const tracker = new TabTracker(context.monitor.warningPrefix);
  let dialogs = 0;
  let popups = 0;
  let clickTries = 0;
  // Popups being closed: the case is over only once they are gone.
  const closingPopups: Promise<void>[] = [];
  // Set inside the steps below; an object so TypeScript does not narrow it to null here.
  const timing: { clickAt: number | null } = { clickAt: null };
  let page: TestPage | undefined;
  let windowId: number | undefined;
  let unwatch: (() => Promise<void>) | undefined;
  let timedOut = false;

  const steps = async () => {
    const harnessUrl = context.cases.harnessUrl(slot);
    // Generous limits for the harness's own steps: a loaded 2-core machine can be very slow.
    const opening = context.monitor.openWindow(harnessUrl);
    // A window that opens after its case gave up is closed as soon as it appears.
    opening
      .then(async (late) => {
        if (timedOut) await context.monitor.closeWindow(late.windowId);
      })
      .catch(() => {});
    const opened = await withTimeout(opening, 30_000, 'opening a window');
    windowId = opened.windowId;
    page = await context.browser.pageAt(harnessUrl, 30_000);
    page.onDialog((dialog) => {
      dialogs++;
      // beforeunload: leave; alert/confirm/prompt: dismiss, as a user escaping would.
      void (dialog.type === 'beforeunload' ? dialog.accept() : dialog.dismiss()).catch(() => {});
    });
    page.onPopup((popup) => {
      popups++;
      closingPopups.push(popup.close().catch(() => {}));
    });
    const [width, height] = await withTimeout(page.evaluate(() => [innerWidth, innerHeight]), 15_000, 'measuring the viewport');
    unwatch = context.watch(opened.tabId, (snapshot) => tracker.update(snapshot));

    const loadDeadline = Date.now() + context.loadTimeoutMs;
    try {
      await withTimeout(page.goto(kase.url.href), context.loadTimeoutMs, 'loading the page');
    } catch (error) {
      // A block that navigates away during load interrupts the load: that is the extension acting.
      // Firefox's driver also fails some loads that do finish (an HTTPS iframe refused: "Address rejected").
      if (tracker.blockedAt === null && !(await finishesLoading(page, harnessUrl, loadDeadline))) errors.push(`load: ${message(error)}`);
    }
    if (tracker.blockedAt === null && !timedOut) {
      const target = page;
      const outcome = await clickWithRetries({
        attempt: () =>
          context.exclusive(async () => {
            clickTries++;
            await withTimeout(target.bringToFront(), 10_000, 'bringing the window to front');
            // Latency counts from the first try, even when a later one is the click that worked.
            timing.clickAt ??= Date.now();
            await withTimeout(target.click(Math.round((width ?? 1280) / 2), Math.round((height ?? 800) / 2)), 10_000, 'the click');
          }),
        blocked: () => tracker.blockedAt !== null,
        stopped: () => timedOut,
        sleep,
        now: Date.now,
      });
      if (outcome.error) errors.push(outcome.error);
    }
    const deadline = Date.now() + context.settleMs;
    while (tracker.blockedAt === null && Date.now() < deadline && !timedOut) await sleep(50);
  };

  const caseTimeoutMs = context.loadTimeoutMs + context.settleMs + 90_000;
  try {
    await withTimeout(steps(), caseTimeoutMs, 'the case');
  } catch (error) {
    timedOut = true;
    errors.push(`harness: ${message(error)}`);
  }
  if (unwatch) await withTimeout(unwatch(), 10_000, 'the last status').catch((error) => errors.push(`status: ${message(error)}`));
  if (page) await withTimeout(page.close(), 10_000, 'closing the tab').catch(() => {});
  if (windowId !== undefined) await withTimeout(context.monitor.closeWindow(windowId), 10_000, 'closing the window').catch(() => {});
  if (closingPopups.length) await withTimeout(Promise.all(closingPopups), 10_000, 'closing the popups').catch(() => {});

  const blocked = tracker.blockedAt !== null;
  const { clickAt } = timing;
  const beforeClick = blocked && (clickAt === null || (tracker.blockedAt as number) < clickAt);
  return {
    id: kase.id,
    label: kase.label,
    family: kase.family,
    lang: kase.lang,
    url: kase.url.href,
    blocked,
    level: tracker.level,
    score: tracker.score,
    reasons: tracker.reasons,
    phone_numbers: tracker.phoneNumbers,
    latency_ms: !blocked ? null : beforeClick ? 0 : (tracker.blockedAt as number) - (clickAt as number),
    before_click: beforeClick,
    click_tries: clickTries,
    page_events: tracker.events,
    dialogs,
    popups,
    requests: traffic,
    duration_ms: Date.now() - started,
    errors: [...errors, ...tracker.errors],
  };
}
