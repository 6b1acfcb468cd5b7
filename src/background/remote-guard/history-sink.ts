import type { RemoteAccessDecision } from '../../shared/history/entry';
import type { ContextReason } from '../../shared/remote-context';
import type { RemoteGuardMode } from '../../shared/settings';
import { recordHistory } from '../history/store';

// The one place the remote-access guard writes to the user's local history.

export type RemoteGuardOutcome = RemoteAccessDecision;
// 'allowed': recognised, not in scam context (or the mode allows it), left alone.
// 'warned': paused (download) or replaced by the warning page (page), waiting for the user.
// 'blocked': stopped by policy (mode 'block' or no user override).
// 'closed': the warning tab was closed without a choice, so the download was cancelled.

export interface RemoteGuardEvent {
  time: number;
  kind: 'download' | 'page';
  outcome: RemoteGuardOutcome;
  toolId: string;
  toolName: string;
  url: string;
  fileName: string | null;
  mode: RemoteGuardMode;
  reasons: ContextReason[];
  /** The flagged page that put the user in scam context, if any. */
  flaggedUrl: string | null;
}

export async function recordRemoteGuardEvent(event: RemoteGuardEvent): Promise<void> {
  await recordHistory({
    kind: 'remote-access-warning',
    time: event.time,
    url: event.url,
    data: {
      tool: event.toolName,
      toolId: event.toolId,
      target: event.kind,
      decision: event.outcome,
      fileName: event.fileName,
      mode: event.mode,
      contextReasons: event.reasons,
      flaggedUrl: event.flaggedUrl,
    },
  });
}
