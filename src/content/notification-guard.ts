// Judges this frame's notification-permission requests while the page's call waits
// (the probe's hold contract, src/probe/notifications.ts): a synchronous answer keeps
// the user's click, without which Firefox shows no prompt. What it decides with is
// known beforehand: the service worker's context at start (settings, blocked site,
// verdict; in the answer to 'frame-start'), and the verdict and lure-text flag of every
// content report.
import { sendMessage } from '../platform/messaging';
import { type MessageListener, runtimeApi } from '../platform/runtime-api';
import type { PagePermission } from '../shared/messages/notifications';
import { asNotificationsCommand } from '../shared/notifications/commands';
import { decideRequest, type NotificationContext } from '../shared/notifications/decide';
import { NOTIFICATION_HOLD_MS } from '../shared/probe-commands';
import { higherLevel, type VerdictLevel } from '../shared/verdict';
import { decideNotificationRequest, holdNotificationRequests } from './probe-commands';
import { listenToProbe, whenProbeConnected } from './probe-listener';
import { promptArrowShown } from './prompt-arrow';

interface Held {
  api: 'Notification' | 'PushManager' | 'permissions-query';
  requestId: string;
  userGesture: boolean;
  at: number;
}

let context: NotificationContext | null = null;
let level: VerdictLevel = 'safe';
let lure = false;
let prompts = 0;
const waiting: Held[] = [];

/** What the service worker answered to a content report: the tab's verdict, and this frame's lure text. */
export function noteContentReply(reply: { level: VerdictLevel; lure?: boolean }): void {
  level = higherLevel(level, reply.level);
  lure ||= reply.lure === true;
}

export const permissionNow = (): PagePermission => (typeof Notification === 'undefined' ? 'default' : Notification.permission);

function decide(held: Held): void {
  if (!context) {
    waiting.push(held);
    return;
  }
  // The probe gave up waiting and called the browser itself: nothing left to decide.
  if (performance.now() - held.at >= NOTIFICATION_HOLD_MS - 20) return;
  const arrow = context.protect && promptArrowShown();
  const verdict = decideRequest(context, { level, lure, arrow, userGesture: held.userGesture, promptsThisDocument: prompts });
  decideNotificationRequest(held.requestId, verdict.decision);
  if (verdict.decision === 'allow-prompt') prompts++;
  if (verdict.reasons.length && held.api !== 'permissions-query') {
    sendMessage('notification-decided', { api: held.api, reasons: verdict.reasons, monitored: verdict.monitored }).catch(() => {});
  }
}

/** Firefox cannot take a permission back: the site's push subscriptions are ended instead. */
async function endPush(): Promise<{ permission: string; unsubscribed: number }> {
  let unsubscribed = 0;
  const permission = permissionNow();
  if (permission === 'granted') {
    for (const registration of (await navigator.serviceWorker?.getRegistrations()) ?? []) {
      const subscription = await registration.pushManager?.getSubscription();
      if (subscription && (await subscription.unsubscribe())) unsubscribed++;
    }
  }
  return { permission, unsubscribed };
}

/** Answers through sendResponse: Chrome ignores a promise returned by an onMessage listener. */
const onCommand: MessageListener = (message, _sender, sendResponse) => {
  const command = asNotificationsCommand(message);
  if (command?.command === 'level' && command.url.startsWith(`${location.origin}/`)) level = higherLevel(level, command.level);
  if (command?.command !== 'unsubscribe-push') return false;
  endPush()
    .catch(() => ({ permission: permissionNow(), unsubscribed: 0 }))
    .then(sendResponse);
  return true;
};

function useContext(received: NotificationContext | null): void {
  // None (the service worker could not answer): held requests go to the browser as usual.
  if (!received) return;
  context = received;
  for (const held of waiting.splice(0)) decide(held);
  // A blocked site that keeps its permission (Firefox): its push subscriptions end on every visit.
  if (context.protect && context.blocked && window === window.top) void endPush().catch(() => {});
}

/** Cross-origin frames cannot get notification permission at all. */
export function canAskForNotifications(): boolean {
  if (window.top === window) return true;
  // Chromium names the ancestors' origins (the top one last): no need to provoke the
  // SecurityError that reading a cross-origin top's location throws, which costs far more.
  const ancestors = (location as Location & { ancestorOrigins?: DOMStringList }).ancestorOrigins;
  if (ancestors && ancestors.length > 0) return ancestors.item(ancestors.length - 1) === location.origin;
  try {
    return window.top?.location.origin === location.origin;
  } catch {
    return false;
  }
}

/**
 * For frames that can ask (see canAskForNotifications); `fetchContext` brings the service
 * worker's context, at once when `eager`, else with the frame's first request (held meanwhile).
 */
export function guardNotifications(fetchContext: () => Promise<NotificationContext | null>, eager: boolean): void {
  let asked = false;
  const ask = () => {
    if (asked) return;
    asked = true;
    fetchContext().then(useContext, () => {});
  };
  listenToProbe((event) => {
    if (event.kind !== 'notification-request' || !event.requestId) return;
    ask();
    decide({ ...event, requestId: event.requestId, at: performance.now() });
  });
  whenProbeConnected(holdNotificationRequests);
  runtimeApi().onMessage.addListener(onCommand);
  if (eager) ask();
}
