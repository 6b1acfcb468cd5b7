import { askFramesToLook } from '../frames-look';
import { recordProbeEvents, tabStatus } from '../tab-state';
import type { Handlers } from './types';

export const tabStatusHandlers: Handlers<'probe-events' | 'get-tab-status'> = {
  async 'probe-events'(payload, sender) {
    const tabId = sender.tab?.id;
    if (tabId === undefined) throw new Error('probe-events must come from a tab');
    const url = sender.frameId === 0 ? (sender.url ?? null) : null;
    askFramesToLook(tabId, payload.events);
    await recordProbeEvents(tabId, url, payload.events);
    return { accepted: payload.events.length };
  },
  'get-tab-status': (payload) => tabStatus(payload.tabId),
};
