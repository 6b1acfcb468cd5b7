import browser from 'webextension-polyfill';
import { refuseFullscreenCommand } from '../../shared/messages/detection';
import { getSettings } from '../settings/store';
import { perTabQueue } from '../per-tab-queue';
import type { FullscreenRefusal } from '../verdict-events';
import { decideAction } from './decide';
import { isContinued } from './state';

// A page whose text already tells the scam story is blocked the moment it takes the whole screen.
// Its frames are told in advance, so the request is refused and the victim never sees the page
// full screen (instead of for the 40–90 ms it takes to hear of it, decide and take it back).
// Only where protection would act on the scam verdict the request would bring: settings that
// change meanwhile (monitor mode, an allowed site, protection off) are applied to such tabs too.

interface StoryTab {
  url: string;
  /** The page's text tells the story (the detector's view). */
  story: boolean;
  /** What its frames were last told. */
  told: boolean;
}

/** Tabs remembered (the oldest is forgotten first); a forgotten one only misses a later settings change. */
const MAX_TABS = 200;
const tabs = new Map<number, StoryTab>();
// One tab's messages go out in the order they were decided: a later "stop refusing" must not overtake.
const inOrder = perTabQueue();

/** onFullscreenRefusal listener. */
export function refuseFullscreenInTab({ tabId, url, refuse }: FullscreenRefusal): void {
  const known = tabs.get(tabId);
  tabs.delete(tabId);
  // Unknown after a worker restart: its frames may have been told to refuse, and a "stop" is harmless.
  tabs.set(tabId, { url, story: refuse, told: known?.told ?? !refuse });
  if (tabs.size > MAX_TABS) tabs.delete(tabs.keys().next().value as number);
  reconcileLater(tabId);
}

/** Settings changed: what protection would do in each such tab may have changed with them. */
export function reconsiderRefusals(): void {
  for (const tabId of tabs.keys()) reconcileLater(tabId);
}

export function forgetRefusals(tabId: number): void {
  tabs.delete(tabId);
}

function reconcileLater(tabId: number): void {
  void inOrder(tabId, () => reconcile(tabId));
}

async function reconcile(tabId: number): Promise<void> {
  try {
    const tab = tabs.get(tabId);
    if (!tab) return;
    const refuse = tab.story && (await protectionWouldAct(tabId, tab.url));
    if (refuse !== tab.told) {
      tab.told = refuse;
      // Frames without a content script (yet) do not answer: nothing to wait for.
      await browser.tabs.sendMessage(tabId, refuseFullscreenCommand(refuse)).catch(() => {});
    }
    if (!tab.story && !tab.told && tabs.get(tabId) === tab) tabs.delete(tabId);
  } catch (error) {
    console.error('[fake-warning-blocker] could not tell the tab about refusing full screen:', error);
  }
}

/** Off, an allowed site, or monitor only: a scam verdict would change nothing there, so nothing is refused. */
async function protectionWouldAct(tabId: number, url: string): Promise<boolean> {
  const [settings, continued] = await Promise.all([getSettings(), isContinued(tabId, url)]);
  const action = decideAction({ settings, url, level: 'scam', continued });
  return action !== 'none' && action !== 'log';
}
