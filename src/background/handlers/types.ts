import type { Runtime } from 'webextension-polyfill';
import type { MessagePayload, MessageType, Response } from '../../shared/protocol';

export type Handler<T extends MessageType> = (
  payload: MessagePayload<T>,
  sender: Runtime.MessageSender,
) => Promise<Response<T>> | Response<T>;

/** A feature's handlers, keyed by the message types it owns. */
export type Handlers<T extends MessageType> = { [K in T]: Handler<K> };
