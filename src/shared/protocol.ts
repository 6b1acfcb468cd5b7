// Every message sent to the service worker is defined in ./messages/, one file per
// feature, with who may send it and a runtime check of its payload. This module
// joins them; the background validates every message here before acting.
//
// Trust tiers:
//  - 'content': content scripts in web pages. Untrusted input: can only add evidence.
//  - 'extension-page': our own popup/options/warning pages. May read state and change settings.

import { PROTECTION_MESSAGES, type ProtectionResponses } from './messages/protection';
import type { MessageSpec, SenderTier } from './messages/spec';
import { DETECTION_MESSAGES, type DetectionResponses } from './messages/detection';
import { SETTINGS_MESSAGES, type SettingsResponses } from './messages/settings';
import { HISTORY_MESSAGES, type HistoryResponses } from './messages/history';
import { REPORTS_MESSAGES, type ReportsResponses } from './messages/reports';
import { NOTIFICATIONS_MESSAGES, type NotificationsResponses } from './messages/notifications';
import { REMOTE_GUARD_MESSAGES, type RemoteGuardResponses } from './messages/remote-guard';
import { TAB_STATUS_MESSAGES, type TabStatusResponses } from './messages/tab-status';
import { isPlainObject, ValidationError } from './validate';

export type { SenderTier } from './messages/spec';
export type { RemoteGuardCaseView, RemoteGuardDecision } from './messages/remote-guard';
export type { TabStatus } from './messages/tab-status';
export type { SettingsView } from './messages/settings';

export const MESSAGE_SPECS = {
  ...TAB_STATUS_MESSAGES,
  ...DETECTION_MESSAGES,
  ...PROTECTION_MESSAGES,
  ...SETTINGS_MESSAGES,
  ...REPORTS_MESSAGES,
  ...HISTORY_MESSAGES,
  ...REMOTE_GUARD_MESSAGES,
  ...NOTIFICATIONS_MESSAGES,
} satisfies Record<string, MessageSpec<unknown>>;

export type MessageResponses = TabStatusResponses &
  DetectionResponses &
  ProtectionResponses &
  SettingsResponses &
  ReportsResponses &
  HistoryResponses &
  RemoteGuardResponses &
  NotificationsResponses;

export type MessageType = keyof typeof MESSAGE_SPECS;
export type MessagePayload<T extends MessageType> = ReturnType<(typeof MESSAGE_SPECS)[T]['payload']>;
export type Message = { [T in MessageType]: { type: T; payload: MessagePayload<T> } }[MessageType];
export type Response<T extends MessageType> = T extends keyof MessageResponses ? MessageResponses[T] : never;
export type Reply<T extends MessageType> = { ok: true; value: Response<T> } | { ok: false; error: string };

/** Validates an incoming message: known type, allowed for this sender, well-formed payload. */
export function parseMessage(raw: unknown, tier: SenderTier): Message {
  if (!isPlainObject(raw)) throw new ValidationError('message: expected an object');
  const type = raw.type;
  if (typeof type !== 'string' || !Object.hasOwn(MESSAGE_SPECS, type)) {
    throw new ValidationError('message.type: unknown message type');
  }
  const spec = MESSAGE_SPECS[type as MessageType] as MessageSpec<unknown>;
  if (spec.from === 'extension-page' && tier !== 'extension-page') {
    throw new ValidationError(`message.type: '${type}' is only accepted from extension pages`);
  }
  return { type, payload: spec.payload(raw.payload, 'message.payload') } as Message;
}
