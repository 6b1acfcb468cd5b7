import type { MessagePayload, MessageType, Reply, Response } from '../shared/protocol';
import { runtimeApi } from './runtime-api';

/**
 * Sends a typed message to the service worker and unwraps its reply. Shared by content
 * scripts and extension pages; it uses the bare runtime API so content scripts need no polyfill.
 */
export async function sendMessage<T extends MessageType>(type: T, payload: MessagePayload<T>): Promise<Response<T>> {
  const reply = (await runtimeApi().sendMessage({ type, payload })) as Reply<T> | undefined;
  if (typeof reply !== 'object' || reply === null || typeof reply.ok !== 'boolean') throw new Error(`No reply to '${type}'`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
