import { CONTENT_READY_EVENT, PROBE_HELLO_EVENT, PROBE_TO_CONTENT_EVENT } from '../shared/probe-channel';
import type { ProbeEvent } from '../shared/probe-events';
import { parseProbeEvent } from '../shared/probe-event-schema';

/** Listens for the page-world probe's events; malformed ones (a page can forge them) are dropped. */
export function listenToProbe(onEvent: (event: ProbeEvent) => void): void {
  document.addEventListener(PROBE_TO_CONTENT_EVENT, (event) => {
    const detail = (event as CustomEvent<unknown>).detail;
    if (typeof detail !== 'string' || detail.length > 10_000) return;
    try {
      onEvent(parseProbeEvent(JSON.parse(detail)));
    } catch {
      // Not a well-formed probe event: ignore it.
    }
  });
  const announceReady = () => document.dispatchEvent(new CustomEvent(CONTENT_READY_EVENT));
  document.addEventListener(PROBE_HELLO_EVENT, announceReady);
  announceReady();
}
