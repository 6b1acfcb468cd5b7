// Service worker → content script (tabs.sendMessage) about notification requests.
// Only our extension can reach a content script's runtime.onMessage.
import type { VerdictLevel } from '../verdict';

export const NOTIFICATIONS_COMMAND_TYPE = 'fwb-notifications';

export type NotificationsCommand =
  /** The tab's verdict rose; `url` is the page it is about (frames of other sites ignore it). */
  | { type: typeof NOTIFICATIONS_COMMAND_TYPE; command: 'level'; level: VerdictLevel; url: string }
  /** Firefox cannot take a permission back: end this site's push subscriptions instead. */
  | { type: typeof NOTIFICATIONS_COMMAND_TYPE; command: 'unsubscribe-push' };

/** The command in a runtime message, or null when it is not one of ours. */
export function asNotificationsCommand(value: unknown): NotificationsCommand | null {
  const message = value as Partial<Record<string, unknown>> | null;
  if (message?.type !== NOTIFICATIONS_COMMAND_TYPE) return null;
  if (message.command === 'unsubscribe-push') return message as NotificationsCommand;
  const valid = message.command === 'level' && ['safe', 'suspicious', 'scam'].includes(message.level as string) && typeof message.url === 'string';
  return valid ? (message as NotificationsCommand) : null;
}
