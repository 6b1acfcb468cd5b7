import browser from 'webextension-polyfill';
import { PROTECTION_COMMAND_TYPE, type ProtectionCommand } from '../../shared/messages/protection';

export interface NeutraliseResult {
  /** The tab was not muted before, so we muted it. */
  mutedByUs: boolean;
}

/**
 * Takes a flagged tab's power over the user away: mutes it, leaves window full
 * screen, and tells the content script in every frame to exit element full
 * screen, release the keyboard and pointer locks, stop media and speech, restore
 * the cursor and ask the page-world probe to disarm the page's traps.
 * Everything starts at once; nothing here waits for the page, which may be stuck in a dialog.
 */
export async function neutraliseTab(tab: {
  id?: number;
  windowId?: number;
  active?: boolean;
  mutedInfo?: { muted: boolean };
}): Promise<NeutraliseResult> {
  const tabId = tab.id as number;
  const command: ProtectionCommand = { type: PROTECTION_COMMAND_TYPE, command: 'neutralise' };
  // The reply (or a rejection when no content script listens, e.g. a page still loading) does not matter.
  browser.tabs.sendMessage(tabId, command).catch(() => {});
  const alreadyMuted = tab.mutedInfo?.muted ?? false;
  await Promise.allSettled([
    alreadyMuted ? Promise.resolve() : browser.tabs.update(tabId, { muted: true }),
    // A window is full screen because of its visible tab: a flagged tab in the background is not the cause.
    tab.windowId === undefined || !tab.active ? Promise.resolve() : leaveWindowFullscreen(tab.windowId),
  ]);
  return { mutedByUs: !alreadyMuted };
}

async function leaveWindowFullscreen(windowId: number): Promise<void> {
  const window = await browser.windows.get(windowId);
  if (window.state === 'fullscreen') await browser.windows.update(windowId, { state: 'normal' });
}
