// Requests from our own extension (pages or service worker) to this frame's probe:
// read the last probe events (popup diagnostics, end-to-end tests) or disarm the page.
// Only our extension can send them (tabs.sendMessage); nothing is stored or sent on.
import { type MessageListener, runtimeApi } from '../platform/runtime-api';
import type { ProbeEvent } from '../shared/probe-events';
import { disarmProbe } from './probe-commands';

export const PROBE_LOG_REQUEST = 'fwb:probe-log';
export const PROBE_DISARM_REQUEST = 'fwb:probe-disarm';
const MAX_LOGGED = 200;

export interface ProbeLog {
  url: string;
  events: ProbeEvent[];
}

/** Answers our extension's requests; returns the handler that records each probe event. */
export function answerProbeRequests(): (event: ProbeEvent) => void {
  const log: ProbeEvent[] = [];
  const onRequest: MessageListener = (message, sender, sendResponse) => {
    const runtime = runtimeApi();
    const ours = sender.id === runtime.id && (sender.url ?? '').startsWith(runtime.getURL(''));
    const type = ours ? (message as { type?: unknown } | null)?.type : undefined;
    if (type === PROBE_LOG_REQUEST) {
      sendResponse({ url: location.href, events: log.slice() } satisfies ProbeLog);
    } else if (type === PROBE_DISARM_REQUEST) {
      disarmProbe();
      sendResponse({ disarmed: true });
    }
    // Answered synchronously (or not ours): nothing to keep the channel open for.
    return false;
  };
  runtimeApi().onMessage.addListener(onRequest);
  return (event) => {
    if (log.length >= MAX_LOGGED) log.shift();
    log.push(event);
  };
}
