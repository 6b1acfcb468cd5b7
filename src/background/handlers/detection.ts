import { recordContent, startDocument } from '../tab-state';
import type { Handlers } from './types';

function tabOf(sender: { tab?: { id?: number } }): number {
  const tabId = sender.tab?.id;
  if (tabId === undefined || tabId < 0) throw new Error('detection messages must come from a tab');
  return tabId;
}

export const detectionHandlers: Handlers<'page-hello' | 'page-content'> = {
  async 'page-hello'(payload, sender) {
    await startDocument(tabOf(sender), sender.frameId ?? 0, sender.url ?? null, payload.docId);
    return { ok: true };
  },
  async 'page-content'(payload, sender) {
    const frameId = sender.frameId ?? 0;
    const { verdict, lure } = await recordContent(tabOf(sender), frameId, frameId === 0 ? (sender.url ?? null) : null, payload.docId, payload.evidence);
    return { level: verdict.level, lure };
  },
};
