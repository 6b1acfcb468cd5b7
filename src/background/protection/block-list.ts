import browser from 'webextension-polyfill';
import { hostOf, matchesSiteList } from '../../shared/site-patterns';
import type { Verdict } from '../../shared/verdict';
import { getSettings } from '../settings/store';
import { tabStatus } from '../tab-state';
import { publishVerdictChange } from '../verdict-events';
import { protectOnVerdict } from './protect';

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
export async function checkBlockList(tabId: number, url: string | undefined): Promise<boolean> {
  if (!url || !hostOf(url)) return false;
  const settings = await getSettings();
  if (!settings.protectionEnabled || !matchesSiteList(url, settings.blockList)) return false;
  if (matchesSiteList(url, settings.allowList)) return false;
  await publishVerdictChange({ tabId, url, verdict: blockListedVerdict(url), previousLevel: 'safe' });
  return true;
}

/**
 * After settings change, open tabs are checked again: adding a site to the block
 * list blocks it where it is open, and a page already judged a scam is acted on
 * when protection is switched on or from 'monitor' to 'warn'/'block' (an
 * organisation trying the extension in monitor mode first must not have to wait
 * for users to reload a scam page). Protection itself skips allowed, continued
 * and already-replaced pages.
 */
export async function checkOpenTabs(): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map(async (tab) => {
      if (tab.id === undefined) return;
      if (await checkBlockList(tab.id, tab.url)) return;
      const status = await tabStatus(tab.id);
      if (status.verdict.level !== 'scam' || !status.url) return;
      await protectOnVerdict({ tabId: tab.id, url: status.url, verdict: status.verdict, previousLevel: 'scam' });
    }),
  );
}
