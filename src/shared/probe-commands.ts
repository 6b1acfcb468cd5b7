// Commands the content script sends to the page-world probe (see probe-channel.ts).

export type ProbeCommand =
  /** Neutralise the page now and keep it neutralised: exit full screen, release locks,
   *  silence audio and speech, and turn dialog/unload/history/open traps into no-ops. */
  | { command: 'disarm' }
  /** Answer to a held notification-permission request (notifications issue). */
  | { command: 'notification-decision'; requestId: string; decision: 'deny' | 'allow-prompt' };
