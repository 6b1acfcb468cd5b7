import type { Runtime } from 'webextension-polyfill';
import { type MessageType, parseMessage, type Reply } from '../shared/protocol';
import { detectionHandlers } from './handlers/detection';
import { protectionHandlers } from './handlers/protection';
import { settingsHandlers } from './handlers/settings';
import { historyHandlers } from './handlers/history';
import { notificationsHandlers } from './handlers/notifications';
import { reportsHandlers } from './handlers/reports';
import { remoteGuardHandlers } from './handlers/remote-guard';
import { tabStatusHandlers } from './handlers/tab-status';
import type { Handler, Handlers } from './handlers/types';
import { senderTier } from './sender';
import { storageReady } from './storage/migrate';

const HANDLERS: Handlers<MessageType> = {
  ...tabStatusHandlers,
  ...detectionHandlers,
  ...protectionHandlers,
  ...settingsHandlers,
  ...reportsHandlers,
  ...historyHandlers,
  ...remoteGuardHandlers,
  ...notificationsHandlers,
};

/** Validates and dispatches one runtime message; always answers with a Reply. */
export async function routeMessage(raw: unknown, sender: Runtime.MessageSender): Promise<Reply<never> | undefined> {
  const tier = senderTier(sender);
  if (!tier) return undefined;
  await storageReady;
  try {
    const message = parseMessage(raw, tier);
    const handler = HANDLERS[message.type] as Handler<typeof message.type>;
    return { ok: true, value: (await handler(message.payload as never, sender)) as never };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.warn('[fake-warning-blocker] rejected message:', reason);
    return { ok: false, error: reason };
  }
}
