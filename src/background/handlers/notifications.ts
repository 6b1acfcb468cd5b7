import { blockNotice, listSites, setSiteBlocked } from '../notifications/manage';
import { permissionChanged, requestRefused } from '../notifications/requests';
import { revocationOf } from '../notifications/revoke';
import type { Handlers } from './types';

export const notificationsHandlers: Handlers<
  | 'notification-decided'
  | 'notification-permission'
  | 'notifications-list'
  | 'notifications-set-blocked'
  | 'notifications-block-notice'
> = {
  'notification-decided': async (payload, sender) => ({ recorded: await requestRefused(payload, sender) }),
  'notification-permission': async (payload, sender) => ({ recorded: await permissionChanged(payload.permission, sender) }),
  'notifications-list': () => listSites(),
  'notifications-set-blocked': (payload) => setSiteBlocked(payload.origin, payload.blocked),
  'notifications-block-notice': (payload, sender) => blockNotice(payload.blockId, sender, revocationOf),
};
