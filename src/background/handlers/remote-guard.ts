import { decideCase, viewCase } from '../remote-guard/decide';
import type { Handlers } from './types';

export const remoteGuardHandlers: Handlers<'remote-guard-case' | 'remote-guard-decide'> = {
  'remote-guard-case': (payload, sender) => viewCase(payload.id, sender),
  'remote-guard-decide': (payload, sender) => decideCase(payload.id, payload.decision, sender),
};
