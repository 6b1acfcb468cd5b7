import browser from 'webextension-polyfill';
import { refuseFullscreenCommand } from '../../shared/messages/detection';
import { getSettings } from '../settings/store';
import type { FullscreenRefusal } from '../verdict-events';
import { decideAction } from './decide';
import { isContinued } from './state';

// A page whose text already tells the scam story is blocked the moment it takes the whole screen.
// Its frames are told in advance, so the request is refused and the victim never sees the page
// full screen (instead of for the 40–90 ms it takes to hear of it, decide and take it back).

// One tab's messages go out in the order they were decided: a later "stop refusing" must not overtake.
const chains = new Map<number, Promise<void>>();

/** onFullscreenRefusal listener. Only where protection would act on the scam verdict the request would bring. */
export function refuseFullscreenInTab(change: FullscreenRefusal): void {
  const next = (chains.get(change.tabId) ?? Promise.resolve()).then(() => tell(change));
  chains.set(change.tabId, next);
  void next.finally(() => {
    if (chains.get(change.tabId) === next) chains.delete(change.tabId);
  });
}

async function tell({ tabId, url, refuse }: FullscreenRefusal): Promise<void> {
  try {
    if (refuse) {
      const [settings, continued] = await Promise.all([getSettings(), isContinued(tabId, url)]);
      const action = decideAction({ settings, url, level: 'scam', continued });
      // Off, an allowed site, or monitor only: the request would change nothing, so nothing is refused.
      if (action === 'none' || action === 'log') return;
    }
    // Frames without a content script (yet) do not answer: nothing to wait for.
    await browser.tabs.sendMessage(tabId, refuseFullscreenCommand(refuse)).catch(() => {});
  } catch (error) {
    console.error('[fake-warning-blocker] could not tell the tab to refuse full screen:', error);
  }
}
