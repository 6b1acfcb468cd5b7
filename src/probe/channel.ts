import { CONTENT_READY_EVENT, PROBE_HELLO_EVENT, PROBE_TO_CONTENT_EVENT } from '../shared/probe-channel';
import type { ProbeEvent } from '../shared/probe-events';

// Captured before any page script runs, so a page that replaces these later
// cannot intercept or silence the probe.
const dispatch = EventTarget.prototype.dispatchEvent;
const listen = EventTarget.prototype.addEventListener;
const SafeCustomEvent = CustomEvent;
const stringify = JSON.stringify;
const push = Array.prototype.push;

const MAX_BUFFERED = 200;
let contentReady = false;
const buffered: string[] = [];

function send(detail: string): void {
  dispatch.call(document, new SafeCustomEvent(PROBE_TO_CONTENT_EVENT, { detail }));
}

/** Reports one event to the content script, buffering until it is listening. */
export function report(event: ProbeEvent): void {
  try {
    const detail = stringify(event);
    if (contentReady) send(detail);
    else if (buffered.length < MAX_BUFFERED) push.call(buffered, detail);
  } catch {
    // Reporting must never break the page.
  }
}

export function openChannel(): void {
  listen.call(document, CONTENT_READY_EVENT, () => {
    contentReady = true;
    for (const detail of buffered.splice(0)) send(detail);
  });
  dispatch.call(document, new SafeCustomEvent(PROBE_HELLO_EVENT));
}
