// What led to a page, from facts the `tabs` permission already gives (no
// webNavigation): the opener tab's address when the tab was opened from
// another, and the tab's own earlier http(s) addresses. Server-side redirects
// appear only when the browser reports the intermediate address to tabs.onUpdated.
// Kept in storage.session (memory only, gone when the browser closes), bounded per tab:
// MAX_URLS addresses, each cut to the length a report carries (a page controls its own).
import browser, { type Tabs } from 'webextension-polyfill';
import { REPORT_TITLE_MAX_CHARS, REPORT_URL_MAX_CHARS, type ReportChainStep } from '../../shared/reports/schema';

const MAX_URLS = 10;
const key = (tabId: number) => `chain:${tabId}`;

interface TabChain {
  opener: string | null;
  urls: string[];
  title: string | null;
}

const isWeb = (url: string | undefined): url is string => !!url && /^https?:/i.test(url);
const clip = (url: string) => url.slice(0, REPORT_URL_MAX_CHARS);

async function read(tabId: number): Promise<TabChain> {
  const stored = (await browser.storage.session.get(key(tabId)))[key(tabId)] as TabChain | undefined;
  return stored ?? { opener: null, urls: [], title: null };
}

const queues = new Map<number, Promise<unknown>>();
function update(tabId: number, change: (chain: TabChain) => void): Promise<void> {
  const task = async () => {
    const chain = await read(tabId);
    change(chain);
    await browser.storage.session.set({ [key(tabId)]: chain });
  };
  const next = (queues.get(tabId) ?? Promise.resolve()).then(task, task);
  queues.set(tabId, next.catch(() => undefined));
  return next;
}

export async function onTabCreated(tab: Tabs.Tab): Promise<void> {
  if (tab.id === undefined || tab.openerTabId === undefined) return;
  const opener = await browser.tabs.get(tab.openerTabId).catch(() => null);
  const openerUrl = isWeb(opener?.url) ? opener.url : null;
  if (openerUrl) await update(tab.id, (chain) => void (chain.opener = clip(openerUrl)));
}

export async function onTabUpdated(tabId: number, change: Tabs.OnUpdatedChangeInfoType): Promise<void> {
  const url = isWeb(change.url) ? clip(change.url) : undefined;
  if (url) {
    await update(tabId, (chain) => {
      if (chain.urls.at(-1) !== url) chain.urls = [...chain.urls, url].slice(-MAX_URLS);
      chain.title = null;
    });
  }
  if (change.title !== undefined) await update(tabId, (chain) => void (chain.title = change.title?.slice(0, REPORT_TITLE_MAX_CHARS) ?? null));
}

export function forgetChain(tabId: number): Promise<void> {
  queues.delete(tabId);
  return browser.storage.session.remove(key(tabId));
}

/** The steps before `pageUrl` in this tab, oldest first, and the page title last seen. */
export async function chainFor(tabId: number | undefined, pageUrl: string): Promise<{ chain: ReportChainStep[]; title: string | null }> {
  if (tabId === undefined) return { chain: [], title: null };
  const stored = await read(tabId);
  const page = clip(pageUrl);
  const index = stored.urls.lastIndexOf(page);
  const before = index >= 0 ? stored.urls.slice(0, index) : stored.urls.filter((url) => url !== page);
  const chain: ReportChainStep[] = [
    ...(stored.opener ? [{ url: stored.opener, via: 'opener' as const }] : []),
    ...before.map((url) => ({ url, via: 'navigation' as const })),
  ];
  const title = index >= 0 && index === stored.urls.length - 1 ? stored.title : null;
  return { chain, title };
}
