import browser, { type Tabs } from 'webextension-polyfill';
import { blockIdFromBytes, BLOCK_ID_PARAM } from '../../shared/block-id';
import { getSettings } from '../settings/store';
import type { VerdictChange } from '../verdict-events';
import { captureThumbnail } from './capture';
import { decideAction, lastSafeUrl, sameSite } from './decide';
import { neutralisePage, neutraliseTab } from './neutralise';
import { type BlockRecord, currentBlock, isContinued, recentUrls, saveBlock } from './state';

export const WARNING_PAGE = 'src/ui/warning/index.html';

export function warningPageUrl(blockId: string): string {
  return `${browser.runtime.getURL(WARNING_PAGE)}?${BLOCK_ID_PARAM}=${blockId}`;
}

// One verdict per tab is acted on at a time. Verdicts arriving meanwhile are not
// dropped (a history flood publishes many, and the page may have moved on to a new
// URL that must be blocked): the latest one is acted on next, and stale ones are
// skipped because the tab has left their site.
const running = new Map<number, { next: VerdictChange | null }>();
// 'warn' mode: the warning tab's id is known only once tabs.create answers; its first message may come sooner.
export const pendingWarningTabs = new Map<string, Promise<number>>();

/**
 * onVerdictChange listener: neutralise a page judged a scam, then warn or block as settings say.
 * Resolves once the verdict has been acted on (in 'block' mode: the replacement started).
 * Watching the replacement through goes on after that: the publisher is detection, inside
 * the tab's serialised update, and the page's messages still under way must be recorded
 * meanwhile, not after the warning page is there.
 */
export function protectOnVerdict(change: VerdictChange): Promise<void> {
  if (change.verdict.level !== 'scam') return Promise.resolve();
  const busy = running.get(change.tabId);
  if (busy) {
    busy.next = change;
    return Promise.resolve();
  }
  const slot: { next: VerdictChange | null } = { next: null };
  running.set(change.tabId, slot);
  let acted = () => {};
  const actedOn = new Promise<void>((done) => (acted = done));
  void (async () => {
    try {
      let current: VerdictChange | null = change;
      while (current) {
        const started = await protect(current).catch((error: unknown) => {
          console.error('[fake-warning-blocker] protection failed:', error);
          return undefined;
        });
        acted();
        // The next verdict waits until this page has been replaced (or we stopped trying): one block per tab at a time.
        await started?.replacing;
        current = slot.next;
        slot.next = null;
      }
    } finally {
      running.delete(change.tabId);
      acted();
    }
  })();
  return actedOn;
}

/** Work protect() started and left running: the replacement of the page, watched until the warning page is there. */
interface Started {
  replacing?: Promise<void>;
}

async function protect(change: VerdictChange): Promise<Started | undefined> {
  const verdictAt = Date.now();
  const started = performance.now();
  const [settings, tab, continued, warnedAlready] = await Promise.all([
    getSettings(),
    browser.tabs.get(change.tabId).catch(() => null),
    isContinued(change.tabId, change.url),
    warningOpenBeside(change.tabId, change.url),
  ]);
  // The tab has gone or moved on to another site since the verdict was made.
  if (!tab || !sameSite(tab.url, change.url)) return;
  let action = decideAction({ settings, url: change.url, level: change.verdict.level, continued });
  // 'warn' mode keeps the page, whose later verdicts (a history flood makes many) must not open more warning tabs.
  if (action === 'warn' && warnedAlready) action = 'neutralise';
  if (action === 'none') return;
  if (action === 'log') {
    console.warn('[fake-warning-blocker] monitor mode: a fake warning was detected but not blocked:', change.url);
    return;
  }
  let neutraliseMs = 0;
  const [thumbnail, { mutedByUs, pageNeutralised }] = await Promise.all([
    action === 'neutralise' ? Promise.resolve(null) : captureThumbnail(tab),
    neutraliseTab(tab).then((result) => {
      neutraliseMs = Math.round(performance.now() - started);
      return result;
    }),
  ]);
  if (action === 'neutralise') return;

  const record: BlockRecord = {
    blockId: blockIdFromBytes(crypto.getRandomValues(new Uint8Array(16))),
    tabId: change.tabId,
    warningTabId: change.tabId,
    url: change.url,
    verdict: change.verdict,
    thumbnail,
    lastSafeUrl: lastSafeUrl(await recentUrls(change.tabId), change.url),
    mode: action,
    mutedByUs,
    blockedAt: verdictAt,
    neutraliseMs,
  };
  if (action === 'block') {
    await saveBlock(record);
    // Not before the page's "Leave site?" trap is off: a prompt the user answers with "Stay" cancels the replacement.
    await pageNeutralised;
    return { replacing: replaceWithWarning(change.tabId, warningPageUrl(record.blockId), change.url).catch(() => {}) };
  }
  await openWarningBeside(tab, record);
  return undefined;
}

/** How long one attempt to replace a page waits for the warning page before it tries again, and how often it looks. */
export const ARRIVAL_WAIT_MS = 2000;
const ARRIVAL_POLL_MS = 100;
/** Attempts to replace a page before giving up: a page that keeps its tab must not keep its verdicts queued forever. */
export const REPLACE_ATTEMPTS = 4;
/** How long a started replacement may wait on the user (a "Leave site?" prompt) before we stop watching it. */
export const PENDING_LIMIT_MS = 30_000;

type Arrival = 'arrived' | 'gone' | 'left' | 'pending' | 'stayed';

async function arrival(tabId: number, warningUrl: string, blockedUrl: string): Promise<Arrival> {
  const tab = await browser.tabs.get(tabId).catch(() => null);
  if (!tab) return 'gone';
  if (tab.url === warningUrl) return 'arrived';
  // Chromium: our navigation has started and not committed yet (it may be waiting for the user to answer a prompt).
  if ((tab as Tabs.Tab & { pendingUrl?: string }).pendingUrl === warningUrl) return 'pending';
  // Another web site (the user went there, or the page sent the tab there): its own verdicts decide about it.
  if (/^https?:/.test(tab.url ?? '') && !sameSite(tab.url, blockedUrl)) return 'left';
  // Still the flagged site, or no site at all: an error page the flagged page navigated to
  // (Chromium's chrome-extension://invalid/ for a forged warning page address), about:blank.
  return 'stayed';
}

/**
 * Replaces the flagged page with the warning page, and makes sure it happened. A page can
 * keep its tab: a "Leave site?" prompt it raised before it was neutralised (for a navigation
 * of its own, or for ours when the neutralise command came late) cancels the navigation when
 * answered with "Stay", and Chromium then never answers tabs.update; a navigation of the
 * page's own can also replace ours. So the update is not awaited: the tab is watched, and
 * while it shows neither the warning page nor another site, the page is neutralised again
 * (it can answer by now) and the replacement tried again.
 */
async function replaceWithWarning(tabId: number, warningUrl: string, blockedUrl: string): Promise<void> {
  const giveUpAt = Date.now() + PENDING_LIMIT_MS;
  for (let attempt = 1; ; attempt++) {
    browser.tabs.update(tabId, { url: warningUrl }).catch(() => {});
    const retryAt = Date.now() + ARRIVAL_WAIT_MS;
    let state: Arrival;
    do {
      await new Promise((done) => setTimeout(done, ARRIVAL_POLL_MS));
      state = await arrival(tabId, warningUrl, blockedUrl);
    } while (state === 'pending' ? Date.now() < giveUpAt : state === 'stayed' && Date.now() < retryAt);
    if (state !== 'stayed') return;
    if (attempt >= REPLACE_ATTEMPTS) {
      console.error(`[fake-warning-blocker] the flagged page kept its tab through ${attempt} attempts to replace it`);
      return;
    }
    await neutralisePage(tabId);
  }
}

/** A warning page from an earlier verdict about this site is still open beside the tab. */
async function warningOpenBeside(tabId: number, url: string): Promise<boolean> {
  const record = await currentBlock(tabId);
  if (!record || record.mode !== 'warn' || !sameSite(record.url, url)) return false;
  if (pendingWarningTabs.has(record.blockId)) return true;
  return browser.tabs.get(record.warningTabId).then(
    () => true,
    () => false,
  );
}

async function openWarningBeside(tab: Tabs.Tab, record: BlockRecord): Promise<void> {
  const created = browser.tabs.create({
    url: warningPageUrl(record.blockId),
    windowId: tab.windowId,
    index: tab.index + 1,
    openerTabId: tab.id,
    active: true,
  });
  const warningTabId = created.then((warningTab) => warningTab.id as number);
  pendingWarningTabs.set(record.blockId, warningTabId);
  try {
    await saveBlock({ ...record, warningTabId: await warningTabId });
  } finally {
    pendingWarningTabs.delete(record.blockId);
  }
}
