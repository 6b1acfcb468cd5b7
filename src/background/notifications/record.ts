// Notification decisions into the local history, with their reasons in words.
import type { NotificationDecisionKind } from '../../shared/history/entry';
import type { NotificationReason } from '../../shared/notifications/decide';
import type { Reason, VerdictLevel } from '../../shared/verdict';
import { recordHistory } from '../history/store';

const DUPLICATE_MS = 30_000;
const lastRecorded = new Map<string, number>();

export const reasonKey = (reason: NotificationReason): string => `notificationsReason_${reason.replace(/-/g, '_')}`;

const asReason = (reason: NotificationReason): Reason => ({ key: reasonKey(reason), params: [], category: 'lure', weight: 0 });

export interface NotificationRecord {
  url: string;
  origin: string;
  decision: NotificationDecisionKind;
  why: NotificationReason[];
  api?: string;
  pushUnsubscribed?: number;
}

/**
 * Records one decision. The same decision for the same site within half a minute (a page
 * reloading itself to ask again) is recorded once. Resolves to whether it was recorded.
 */
export async function recordNotification(entry: NotificationRecord): Promise<boolean> {
  const key = `${entry.origin} ${entry.decision} ${entry.why.join(',')}`;
  const now = Date.now();
  if (now - (lastRecorded.get(key) ?? -Infinity) < DUPLICATE_MS) return false;
  lastRecorded.set(key, now);
  if (lastRecorded.size > 200) lastRecorded.delete(lastRecorded.keys().next().value as string);
  const level: VerdictLevel | undefined = entry.why.includes('scam-page') ? 'scam' : entry.why.includes('suspicious-page') ? 'suspicious' : undefined;
  const stored = await recordHistory({
    kind: 'notification-decision',
    url: entry.url,
    ...(level ? { level } : {}),
    reasons: entry.why.map(asReason),
    data: {
      origin: entry.origin,
      decision: entry.decision,
      why: entry.why,
      ...(entry.api ? { api: entry.api } : {}),
      ...(entry.pushUnsubscribed !== undefined ? { pushUnsubscribed: entry.pushUnsubscribed } : {}),
    },
  });
  return stored !== null;
}
