import type { Runtime } from 'webextension-polyfill';
import { notificationContext } from '../notifications/requests';
import { isContinued } from '../protection/state';
import { recordContent, startDocument } from '../tab-state';
import type { Handlers } from './types';

function tabOf(sender: { tab?: { id?: number } }): number {
  const tabId = sender.tab?.id;
  if (tabId === undefined || tabId < 0) throw new Error('detection messages must come from a tab');
  return tabId;
}

/** "Continue anyway" was chosen for the page now in the sender's tab: its frames start disarmed. */
async function startsDisarmed(tabId: number, sender: Runtime.MessageSender): Promise<boolean> {
  const url = sender.tab?.url;
  return url ? isContinued(tabId, url) : false;
}

export const detectionHandlers: Handlers<'frame-start' | 'page-content'> = {
  async 'frame-start'(payload, sender) {
    const tabId = tabOf(sender);
    const frameId = sender.frameId ?? 0;
    // A top frame's new document resets the tab, first, so its later messages find it reset (work on a
    // tab is serialised). Subframes do not queue behind the tab's work for nothing.
    const started = frameId === 0 ? startDocument(tabId, frameId, sender.url ?? null, payload.docId) : undefined;
    const [disarm, notifications] = await Promise.all([
      startsDisarmed(tabId, sender),
      payload.permission === undefined ? null : notificationContext(payload.permission, sender).catch(() => null),
    ]);
    await started;
    return { disarm, notifications };
  },
  async 'page-content'(payload, sender) {
    const frameId = sender.frameId ?? 0;
    const { verdict, lure } = await recordContent(tabOf(sender), frameId, frameId === 0 ? (sender.url ?? null) : null, payload.docId, payload.evidence);
    return { level: verdict.level, lure };
  },
};
