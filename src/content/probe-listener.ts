import { CONTENT_READY_EVENT, PROBE_HELLO_EVENT, PROBE_PORT_EVENT, PROBE_TO_CONTENT_EVENT } from '../shared/probe-channel';
import type { ProbeEvent } from '../shared/probe-events';
import { parseProbeEvent } from '../shared/probe-event-schema';
import { answerProbeRequests } from './probe-remote';

type ProbeEventHandler = (event: ProbeEvent) => void;

const handlers: ProbeEventHandler[] = [];
const onConnect: (() => void)[] = [];
let port: EventTarget | null = null;
let started = false;

/** The private port shared with this frame's probe (see src/shared/probe-channel.ts), once connected. */
export const probePort = (): EventTarget | null => port;

function onProbeEvent(event: Event): void {
  const detail = (event as CustomEvent<unknown>).detail;
  if (typeof detail !== 'string' || detail.length > 10_000) return;
  let parsed: ProbeEvent;
  try {
    parsed = parseProbeEvent(JSON.parse(detail));
  } catch {
    return; // Not a well-formed probe event: ignore it.
  }
  for (const handler of handlers) {
    try {
      handler(parsed);
    } catch (error) {
      console.error('[fake-warning-blocker] probe event handler failed:', error);
    }
  }
}

function start(): void {
  started = true;
  handlers.push(answerProbeRequests());
  document.addEventListener(PROBE_PORT_EVENT, (event) => {
    // Only the first port counts: the probe sends it before any page script runs.
    const target = (event as MouseEvent).relatedTarget;
    if (port || !target) return;
    port = target;
    port.addEventListener(PROBE_TO_CONTENT_EVENT, onProbeEvent);
    for (const callback of onConnect.splice(0)) callback();
  });
  const announceReady = () => {
    if (!port) document.dispatchEvent(new CustomEvent(CONTENT_READY_EVENT));
  };
  document.addEventListener(PROBE_HELLO_EVENT, announceReady);
  announceReady();
}

/**
 * Calls `onEvent` synchronously for every well-formed event of this frame's probe.
 * Events arrive only over the private port, so a page can neither forge nor hide them.
 * Can be called by several features; the first call connects to the probe.
 */
export function listenToProbe(onEvent: ProbeEventHandler): void {
  handlers.push(onEvent);
  if (!started) start();
}

/** Runs `callback` once the private port is connected (at once if it is): commands other than 'disarm' need it. */
export function whenProbeConnected(callback: () => void): void {
  if (port) callback();
  else onConnect.push(callback);
}
