// Notification permission requests and push subscriptions, and holding them for
// a decision by the content script. Contract (see also probe-commands.ts):
//  - Holding starts only after the content script sends 'hold-notifications' over
//    the private port; a page cannot switch it on, observe request ids or answer.
//  - A held request is reported with a `requestId`. The content script answers with
//    'notification-decision'. An answer given synchronously from its event listener
//    is applied before requestPermission() returns (this keeps the user gesture,
//    which Firefox requires for the prompt); otherwise the probe waits up to
//    NOTIFICATION_HOLD_MS and then behaves as if nobody answered: like the original.
//  - 'deny' answers exactly like a user refusal, without a prompt: requestPermission
//    resolves 'denied' (and calls a legacy callback), PushManager.subscribe rejects
//    with NotAllowedError, and Notification.permission reads 'denied' from then on
//    in this document. 'allow-prompt' calls the original.
//  - Only requests that would prompt (permission 'default') are held.
import { NOTIFICATION_HOLD_MS, type NotificationDecision } from '../shared/probe-commands';
import type { ProbeEvent } from '../shared/probe-events';
import { isConnected, onCommand, report } from './channel';
import { counter, type Counter, tick } from './counter';
import {
  apply,
  getter,
  promiseThen,
  randomValues,
  refusal,
  resolved,
  safeCrypto,
  SafePromise,
  SafeUint32Array,
  safeSetTimeout,
  textOf,
  userGesture,
} from './safe';
import { answer, type Hook, wrapAccessor, wrapMethod } from './wrap';

type Api = Extract<ProbeEvent, { kind: 'notification-request' }>['api'];
type Fn = (...args: unknown[]) => unknown;

const MAX_PENDING = 5;
let holding = false;
let deniedHere = false;
const pending: Record<string, (decision: NotificationDecision) => void> = Object.create(null) as Record<string, never>;
let pendingCount = 0;

function newRequestId(): string {
  const words = randomValues(safeCrypto, new SafeUint32Array(2));
  return `${words[0]}-${words[1]}`;
}

function settle(requestId: string): ((decision: NotificationDecision) => void) | undefined {
  const resolve = pending[requestId];
  if (resolve) {
    delete pending[requestId];
    pendingCount--;
  }
  return resolve;
}

function deny(api: Api, args: unknown[]): unknown {
  deniedHere = true;
  if (api === 'PushManager') return refusal('NotAllowedError', 'Registration failed - permission denied');
  const result = resolved('denied');
  const callback = args[0];
  if (typeof callback === 'function') promiseThen(result, () => apply(callback as Fn, undefined, ['denied']));
  return result;
}

function decide(api: Api, decision: NotificationDecision, original: Fn, self: unknown, args: unknown[]): unknown {
  return decision === 'deny' ? deny(api, args) : apply(original, self, args);
}

/** A hook that reports every call of `api` and, when asked to and it would prompt, holds it. */
function requestHook(api: Api, wouldPrompt: () => boolean): Hook {
  const calls: Counter = counter();
  return (self, args, original) => {
    if (api === 'PushManager' && deniedHere) return answer(refusal('NotAllowedError', 'Registration failed - permission denied'));
    const due = tick(calls);
    const gesture = userGesture();
    if (!holding || !isConnected() || pendingCount >= MAX_PENDING || !wouldPrompt()) {
      if (due) report({ kind: 'notification-request', api, userGesture: gesture, count: calls.count });
      return undefined;
    }
    const requestId = newRequestId();
    let early: NotificationDecision | undefined;
    pending[requestId] = (decision) => (early = decision);
    pendingCount++;
    report({ kind: 'notification-request', api, userGesture: gesture, count: calls.count, requestId });
    if (early) return answer(decide(api, early, original, self, args));
    return answer(
      new SafePromise((resolve, reject) => {
        const finish = (decision: NotificationDecision) => {
          try {
            resolve(decide(api, decision, original, self, args));
          } catch (error) {
            reject(error);
          }
        };
        pending[requestId] = finish;
        safeSetTimeout(() => settle(requestId) && finish('allow-prompt'), NOTIFICATION_HOLD_MS);
      }),
    );
  };
}

export function watchNotifications(): void {
  onCommand('hold-notifications', () => (holding = true));
  onCommand('notification-decision', (command) => {
    if (command.command === 'notification-decision') settle(command.requestId)?.(command.decision);
  });

  const NotificationApi = typeof Notification === 'undefined' ? undefined : Notification;
  const permission = getter<string>(NotificationApi, 'permission');
  const wouldPrompt = () => !deniedHere && permission(NotificationApi) === 'default';
  if (NotificationApi) {
    wrapMethod(NotificationApi, 'requestPermission', requestHook('Notification', wouldPrompt));
    wrapAccessor(NotificationApi, 'permission', 'get', () => (deniedHere ? answer('denied') : undefined));
  }
  if (typeof PushManager !== 'undefined') wrapMethod(PushManager.prototype, 'subscribe', requestHook('PushManager', wouldPrompt));

  if (typeof Permissions !== 'undefined') {
    const queries = counter();
    wrapMethod(Permissions.prototype, 'query', (_self, args) => {
      const descriptor = args[0];
      const name = typeof descriptor === 'object' && descriptor !== null ? textOf((descriptor as { name?: unknown }).name, 40) : '';
      if ((name === 'notifications' || name === 'push') && tick(queries)) {
        report({ kind: 'notification-request', api: 'permissions-query', userGesture: userGesture(), count: queries.count });
      }
    });
  }
}
