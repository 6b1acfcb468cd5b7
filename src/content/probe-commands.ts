import { CONTENT_TO_PROBE_EVENT } from '../shared/probe-channel';
import type { ProbeCommand } from '../shared/probe-commands';

/** Sends a command to the page-world probe of this frame (synchronously delivered). */
export function sendProbeCommand(command: ProbeCommand): void {
  document.dispatchEvent(new CustomEvent(CONTENT_TO_PROBE_EVENT, { detail: JSON.stringify(command) }));
}
