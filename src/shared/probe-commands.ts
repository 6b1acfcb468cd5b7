// Commands the content script sends to the page-world probe (see probe-channel.ts).

export type NotificationDecision = 'deny' | 'allow-prompt';

export type ProbeCommand =
  /** Neutralise the page now and keep it neutralised: exit full screen, release locks,
   *  silence audio and speech, and turn dialog/unload/history/open traps into no-ops.
   *  Port only, like every command: from a page it would reveal the extension. */
  | { command: 'disarm' }
  /** From now on, hold notification-permission requests in this frame until a
   *  'notification-decision' arrives (at most NOTIFICATION_HOLD_MS). Port only. */
  | { command: 'hold-notifications' }
  /** Refuse whole-page full screen from now on (it would make the page a scam), or stop refusing. Port only. */
  | { command: 'refuse-fullscreen'; refuse: boolean }
  /** Answer to a held notification-permission request. Port only. */
  | { command: 'notification-decision'; requestId: string; decision: NotificationDecision };

/** How long the probe holds a notification request before behaving as if nobody answered. */
export const NOTIFICATION_HOLD_MS = 300;

/**
 * Checks a command that came through the DOM; returns null when malformed.
 * Uses no global the page could have replaced: the probe runs it in the page world.
 */
export function parseProbeCommand(raw: unknown): ProbeCommand | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const value = raw as Record<string, unknown>;
  switch (value.command) {
    case 'disarm':
    case 'hold-notifications':
      return { command: value.command };
    case 'refuse-fullscreen':
      return typeof value.refuse === 'boolean' ? { command: 'refuse-fullscreen', refuse: value.refuse } : null;
    case 'notification-decision': {
      const { requestId, decision } = value;
      if (typeof requestId !== 'string' || requestId.length > 64) return null;
      if (decision !== 'deny' && decision !== 'allow-prompt') return null;
      return { command: 'notification-decision', requestId, decision };
    }
    default:
      return null;
  }
}
