// The probe's side of the channel described in src/shared/probe-channel.ts.
import {
  CONTENT_READY_EVENT,
  CONTENT_TO_PROBE_EVENT,
  PROBE_HELLO_EVENT,
  PROBE_PORT_EVENT,
  PROBE_TO_CONTENT_EVENT,
} from '../shared/probe-channel';
import { parseProbeCommand, type ProbeCommand } from '../shared/probe-commands';
import type { ProbeEvent } from '../shared/probe-events';
import {
  createElement,
  dispatch,
  doc,
  eventDetail,
  listen,
  parseJson,
  SafeCustomEvent,
  SafeMouseEvent,
  stringify,
} from './safe';

const MAX_BUFFERED = 200;
const port = createElement(doc, 'fwb-port');
let connected = false;
const buffered: string[] = [];

type CommandHandler = (command: ProbeCommand) => void;
const handlers: Partial<Record<ProbeCommand['command'], CommandHandler>> = {};

function send(detail: string): void {
  dispatch(port, new SafeCustomEvent(PROBE_TO_CONTENT_EVENT, { detail }));
}

/** Reports one event to the content script, buffering until it is connected. */
export function report(event: ProbeEvent): void {
  try {
    const detail = stringify(event);
    if (connected) send(detail);
    else if (buffered.length < MAX_BUFFERED) buffered[buffered.length] = detail;
  } catch {
    // Reporting must never break the page.
  }
}

/** Whether our content script holds the port (decisions can be asked of it). */
export const isConnected = (): boolean => connected;

export function onCommand(name: ProbeCommand['command'], handler: CommandHandler): void {
  handlers[name] = handler;
}

function receive(event: Event): void {
  try {
    const detail = eventDetail(event);
    if (typeof detail !== 'string' || detail.length > 1000) return;
    const command = parseProbeCommand(parseJson(detail));
    if (!command) return;
    handlers[command.command]?.(command);
  } catch {
    // Malformed commands are ignored.
  }
}

function connect(): void {
  if (connected) return;
  connected = true;
  dispatch(doc, new SafeMouseEvent(PROBE_PORT_EVENT, { relatedTarget: port }));
  for (let i = 0; i < buffered.length; i++) send(buffered[i] as string);
  buffered.length = 0;
}

export function openChannel(): void {
  // Commands only over the private port. A 'disarm' page scripts could send would let a page
  // test for the extension (disarm a fresh iframe's probe, see its pushState become a no-op).
  listen(port, CONTENT_TO_PROBE_EVENT, receive);
  listen(doc, CONTENT_READY_EVENT, connect);
  dispatch(doc, new SafeCustomEvent(PROBE_HELLO_EVENT));
}
