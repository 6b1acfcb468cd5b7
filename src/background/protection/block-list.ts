import browser from 'webextension-polyfill';
import { hostOf, matchesSiteList } from '../../shared/site-patterns';
import type { Verdict } from '../../shared/verdict';
import { getSettings } from '../settings/store';
import { publishVerdictChange } from '../verdict-events';

/** The verdict for a page on the block list: a scam, whatever detection says. */
export function blockListedVerdict(url: string): Verdict {
  return {
    level: 'scam',
    score: 100,
    reasons: [{ key: 'reasonBlockListed', params: [hostOf(url) ?? url], category: 'place', weight: 100 }],
    phoneNumbers: [],
  };
}

/**
 * Publishes a block-list verdict when a tab shows a listed page (allow list wins).
 * It goes through the verdict hub like any other verdict, so every feature that
 * acts on verdicts (this one, history, remote-access guard) sees it.
 */
export async function checkBlockList(tabId: number, url: string | undefined): Promise<void> {
  if (!url || !hostOf(url)) return;
  const settings = await getSettings();
  if (!settings.protectionEnabled || !matchesSiteList(url, settings.blockList)) return;
  if (matchesSiteList(url, settings.allowList)) return;
  await publishVerdictChange({ tabId, url, verdict: blockListedVerdict(url), previousLevel: 'safe' });
}

/** After the lists change, open tabs are checked again: adding a site blocks it where it is open. */
export async function checkOpenTabs(): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : checkBlockList(tab.id, tab.url))));
}
