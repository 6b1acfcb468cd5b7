// Which tab the popup is about: the active tab, or the tab named by `?tabId=N`
// (tests open the popup as a normal tab). The parameter only chooses among
// tabs the extension can already see; it grants nothing.
import browser, { type Tabs } from 'webextension-polyfill';
import { sendMessage } from '../../platform/messaging';
import type { TabStatus } from '../../shared/protocol';
import type { VerdictLevel } from '../../shared/verdict';

export interface Target {
  tabId: number;
  /** The web page the popup talks about (for a blocked tab: the page that was blocked). */
  pageUrl: string;
  level: VerdictLevel;
  /** The tab now shows our warning page instead of the page. */
  blocked: boolean;
  status: TabStatus;
}

async function chosenTab(search: string): Promise<Tabs.Tab | null> {
  const param = new URLSearchParams(search).get('tabId');
  if (param !== null) {
    const id = Number(param);
    return Number.isInteger(id) && id >= 0 ? browser.tabs.get(id).catch(() => null) : null;
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab ?? null;
}

/** The popup's subject, or null when the tab holds no web page. */
export async function resolveTarget(search = location.search): Promise<Target | null> {
  const tab = await chosenTab(search);
  if (tab?.id === undefined) return null;
  const status = await sendMessage('get-tab-status', { tabId: tab.id });
  const tabUrl = tab.url ?? '';
  const blocked = tabUrl.startsWith(browser.runtime.getURL('src/ui/warning/'));
  const pageUrl = /^https?:/i.test(tabUrl) ? tabUrl : blocked ? status.url : null;
  if (!pageUrl) return null;
  return { tabId: tab.id, pageUrl, blocked, level: blocked ? 'scam' : status.verdict.level, status };
}
