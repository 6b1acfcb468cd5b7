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
    // First, so the document's later messages find the tab reset (work on a tab is serialised).
    const started = startDocument(tabId, sender.frameId ?? 0, sender.url ?? null, payload.docId);
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
