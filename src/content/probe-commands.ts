import { CONTENT_TO_PROBE_EVENT } from '../shared/probe-channel';
import type { NotificationDecision, ProbeCommand } from '../shared/probe-commands';
import { probePort } from './probe-listener';

/**
 * Sends a command to the page-world probe of this frame (delivered synchronously) over the
 * private port (call listenToProbe first). The probe takes commands from nowhere else, so
 * before the port is connected there is nothing to send them to.
 */
export function sendProbeCommand(command: ProbeCommand): void {
  probePort()?.dispatchEvent(new CustomEvent(CONTENT_TO_PROBE_EVENT, { detail: JSON.stringify(command) }));
}

/** Neutralises the page in this frame; the probe answers with a 'disarmed' event. */
export const disarmProbe = (): void => sendProbeCommand({ command: 'disarm' });

/**
 * Asks the probe to hold notification-permission requests until `decideNotificationRequest`
 * answers (see src/probe/notifications.ts for the contract). Answer synchronously from the
 * listenToProbe handler when possible: Firefox shows the prompt only within the user gesture.
 */
export const holdNotificationRequests = (): void => sendProbeCommand({ command: 'hold-notifications' });

export const decideNotificationRequest = (requestId: string, decision: NotificationDecision): void =>
  sendProbeCommand({ command: 'notification-decision', requestId, decision });
