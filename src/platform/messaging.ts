import browser from 'webextension-polyfill';
import type { MessagePayload, MessageType, Reply, Response } from '../shared/protocol';

/** Sends a typed message to the service worker and unwraps its reply. */
export async function sendMessage<T extends MessageType>(type: T, payload: MessagePayload<T>): Promise<Response<T>> {
  const reply = (await browser.runtime.sendMessage({ type, payload })) as Reply<T> | undefined;
  if (!reply) throw new Error(`No reply to '${type}'`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
