import { allowSite, blockForSender, blockView, continueAnyway, leave } from '../protection/actions';
import type { Handlers } from './types';

export const protectionHandlers: Handlers<
  'protection-get-block' | 'protection-leave' | 'protection-continue' | 'protection-allow-site'
> = {
  async 'protection-get-block'(payload, sender) {
    return blockView(await blockForSender(payload.blockId, sender));
  },
  async 'protection-leave'(payload, sender) {
    await leave(await blockForSender(payload.blockId, sender), payload.to);
    return { done: true };
  },
  async 'protection-continue'(payload, sender) {
    await continueAnyway(await blockForSender(payload.blockId, sender));
    return { done: true };
  },
  async 'protection-allow-site'(payload, sender) {
    await allowSite(await blockForSender(payload.blockId, sender));
    return { done: true };
  },
};
