import browser from 'webextension-polyfill';
import { PROTECTION_COMMAND_TYPE, type ProtectionCommand } from '../../shared/messages/protection';

/**
 * How long a block waits for the top frame to say it has neutralised its page before it
 * replaces the page anyway: a page stuck in a dialog cannot answer.
 */
export const PAGE_ANSWER_WAIT_MS = 1000;

export interface NeutraliseResult {
  /** The tab was not muted before, so we muted it. */
  mutedByUs: boolean;
  /**
   * True once the top frame's content script has neutralised its page (its "Leave site?"
   * trap can no longer hold up a navigation), false when it did not answer within
   * PAGE_ANSWER_WAIT_MS (no content script, or a page stuck in a dialog).
   */
  pageNeutralised: Promise<boolean>;
}

/**
 * Tells the content script in every frame to exit element full screen, release the
 * keyboard and pointer locks, stop media and speech, restore the cursor and ask the
 * page-world probe to disarm the page's traps. Answers whether the top frame did so
 * within PAGE_ANSWER_WAIT_MS; never waits longer.
 */
export function neutralisePage(tabId: number): Promise<boolean> {
  const command: ProtectionCommand = { type: PROTECTION_COMMAND_TYPE, command: 'neutralise' };
  // Every frame: the reply (or a rejection when no content script listens, e.g. a page still loading) does not matter.
  browser.tabs.sendMessage(tabId, command).catch(() => {});
  // The top frame once more, for its answer: a message to every frame resolves with whichever
  // frame answers first. Neutralising is idempotent in the content script.
  const answered = browser.tabs.sendMessage(tabId, command, { frameId: 0 }).then(
    () => true,
    () => false,
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<boolean>((done) => (timer = setTimeout(() => done(false), PAGE_ANSWER_WAIT_MS)));
  return Promise.race([answered, late]).finally(() => clearTimeout(timer));
}

/**
 * Takes a flagged tab's power over the user away: mutes it, leaves window full
 * screen, and neutralises the page (neutralisePage).
 * Everything starts at once; the result does not wait for the page, which may be stuck in a dialog.
 */
export async function neutraliseTab(tab: {
  id?: number;
  windowId?: number;
  active?: boolean;
  mutedInfo?: { muted: boolean };
}): Promise<NeutraliseResult> {
  const tabId = tab.id as number;
  const pageNeutralised = neutralisePage(tabId);
  const alreadyMuted = tab.mutedInfo?.muted ?? false;
  await Promise.allSettled([
    alreadyMuted ? Promise.resolve() : browser.tabs.update(tabId, { muted: true }),
    // A window is full screen because of its visible tab: a flagged tab in the background is not the cause.
    tab.windowId === undefined || !tab.active ? Promise.resolve() : leaveWindowFullscreen(tab.windowId),
  ]);
  return { mutedByUs: !alreadyMuted, pageNeutralised };
}

async function leaveWindowFullscreen(windowId: number): Promise<void> {
  const window = await browser.windows.get(windowId);
  if (window.state === 'fullscreen') await browser.windows.update(windowId, { state: 'normal' });
}
