import type { ContextReason } from '../remote-context';
import type { SupportContact } from '../settings';
import { type Check, object, oneOf, ValidationError } from '../validate';
import type { MessageSpec } from './spec';

/** Case ids are 128-bit random hex strings minted by the background. */
const caseId: Check<string> = (value, path) => {
  if (typeof value !== 'string' || !/^[0-9a-f]{32}$/.test(value)) throw new ValidationError(`${path}: expected a case id`);
  return value;
};

export type RemoteGuardDecision = 'cancel' | 'continue';

export const REMOTE_GUARD_MESSAGES = {
  /** Remote-warning page: what it is warning about (only the page opened for this id may ask). */
  'remote-guard-case': { from: 'extension-page', payload: object({ id: caseId }) },
  /** Remote-warning page: the user's answer; accepted once, only from the page opened for this id. */
  'remote-guard-decide': { from: 'extension-page', payload: object({ id: caseId, decision: oneOf<RemoteGuardDecision>('cancel', 'continue') }) },
} satisfies Record<string, MessageSpec<unknown>>;

export interface RemoteGuardCaseView {
  kind: 'download' | 'page';
  /** 'warn': the user may continue; 'block': policy stopped it. */
  action: 'warn' | 'block';
  blockedBy: 'policy-block' | 'no-override' | null;
  toolName: string;
  fileName: string | null;
  /** Host of the download or session page. */
  host: string;
  reasons: ContextReason[];
  /** Host of the flagged page that put the user in scam context. */
  flaggedHost: string | null;
  supportContact: SupportContact | null;
}

export interface RemoteGuardResponses {
  'remote-guard-case': RemoteGuardCaseView;
  'remote-guard-decide': { outcome: 'cancelled' | 'continued' };
}
