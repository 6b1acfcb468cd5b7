import { isBlockId } from '../block-id';
import { NOTIFICATION_REASONS, type NotificationReason } from '../notifications/decide';
import { webOrigin } from '../notifications/origin';
import { arrayOf, bool, type Check, object, oneOf, str, ValidationError } from '../validate';
import type { MessageSpec } from './spec';

export type PagePermission = 'default' | 'granted' | 'denied';
export const pagePermission = oneOf<PagePermission>('default', 'granted', 'denied');
const reasons: Check<NotificationReason[]> = (value, path) => [...new Set(arrayOf(oneOf(...NOTIFICATION_REASONS), NOTIFICATION_REASONS.length)(value, path))];

const origin: Check<string> = (value, path) => {
  const text = str(300)(value, path);
  if (webOrigin(text) !== text) throw new ValidationError(`${path}: expected an http(s) origin`);
  return text;
};

const blockId: Check<string> = (value, path) => {
  if (!isBlockId(value)) throw new ValidationError(`${path}: expected a block id`);
  return value;
};

// The site a content-tier message is about is always its sender's origin, never a payload field:
// a page can at most make the extension refuse or block its own notifications.
export const NOTIFICATIONS_MESSAGES = {
  /** Content script: it refused a request (or, in monitor mode, would have), and why. */
  'notification-decided': {
    from: 'content',
    payload: object({ api: oneOf('Notification', 'PushManager'), reasons, monitored: bool }),
  },
  /** Content script: after a prompt it let through, the site's permission changed (the user answered). */
  'notification-permission': { from: 'content', payload: object({ permission: pagePermission }) },
  /** Options page: the sites seen allowed to show notifications, and those blocked. */
  'notifications-list': { from: 'extension-page', payload: object({}) },
  /** Options page: block or unblock one site. */
  'notifications-set-blocked': { from: 'extension-page', payload: object({ origin, blocked: bool }) },
  /** Warning page: what happened to the blocked site's notification permission. */
  'notifications-block-notice': { from: 'extension-page', payload: object({ blockId }) },
} satisfies Record<string, MessageSpec<unknown>>;

/** 'kept': flagged and blocked, but Firefox keeps the permission the user gave it (the user must remove it). */
export type NotificationSiteState = 'granted' | 'blocked' | 'revoked' | 'kept' | 'refused';

export interface NotificationSiteView {
  origin: string;
  state: NotificationSiteState;
  /** When it reached this state. */
  since: number;
  reasons: NotificationReason[];
  /** Chrome: the browser's own setting for the site now; null where it cannot be read (Firefox). */
  browserSetting: 'allow' | 'block' | 'ask' | null;
}

export interface NotificationSitesView {
  sites: NotificationSiteView[];
  /** The browser lets the extension change sites' notification permission (Chrome's contentSettings). */
  browserManaged: boolean;
  /** Unblocking is a user override: refused when policy sets allowUserOverride to false. */
  canUnblock: boolean;
}

/**
 * What the warning page says about notifications: 'revoked' (the permission was taken
 * back), 'kept' (the site has permission and the browser does not let the extension
 * remove it: Firefox), 'refused' (it asked on this page and was refused), or 'none'.
 */
export interface NotificationBlockNotice {
  origin: string;
  state: 'revoked' | 'kept' | 'refused' | 'none';
}

export interface NotificationsResponses {
  'notification-decided': { recorded: boolean };
  'notification-permission': { recorded: boolean };
  'notifications-list': NotificationSitesView;
  'notifications-set-blocked': { blocked: boolean };
  'notifications-block-notice': NotificationBlockNotice;
}
