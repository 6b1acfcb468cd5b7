// The content script's side of notification protection: how to judge a frame's
// requests, and what it refused. The site is always the sender's own origin.
import type { Runtime } from 'webextension-polyfill';
import type { PagePermission } from '../../shared/messages/notifications';
import type { NotificationContext, NotificationReason } from '../../shared/notifications/decide';
import { webOrigin } from '../../shared/notifications/origin';
import { type NotificationSite, recentRefusals, withBlock, withRefusal } from '../../shared/notifications/sites';
import { matchesSiteList } from '../../shared/site-patterns';
import type { VerdictLevel } from '../../shared/verdict';
import { isContinued } from '../protection/state';
import { getSettings } from '../settings/store';
import { type NotificationSettings, notificationSettings } from './settings-snapshot';
import { tabStatus } from '../tab-state';
import { blockInBrowser } from './browser-setting';
import { recordNotification } from './record';
import { getSite, updateSite } from './site-store';

/** Reasons that make the extension block the site from now on, not only refuse this request. */
const BLOCKING: readonly NotificationReason[] = ['scam-page', 'suspicious-page', 'lure-text', 'lure-arrow', 'repeated'];

export function protectsSite(settings: NotificationSettings, url: string): boolean {
  return settings.protectionEnabled && settings.notificationProtection && !matchesSiteList(url, settings.allowList);
}

function senderSite(sender: Runtime.MessageSender): { origin: string; url: string; tabId: number } {
  const origin = webOrigin(sender.url);
  const tabId = sender.tab?.id;
  if (!origin || tabId === undefined || !sender.url) throw new Error('notification messages must come from a web page');
  return { origin, url: sender.url, tabId };
}

/** The tab's verdict when it is about this site; a page the user "continued" to is a known scam. */
async function pageLevel(tabId: number, origin: string, topUrl: string | undefined): Promise<VerdictLevel> {
  const [status, continued] = await Promise.all([tabStatus(tabId), topUrl ? isContinued(tabId, topUrl) : false]);
  if (continued && webOrigin(topUrl) === origin) return 'scam';
  return webOrigin(status.url) === origin ? status.verdict.level : 'safe';
}

/** Notes that the site has permission (the user allowed it); the first time, in the history too. */
export async function noteGranted(origin: string, url: string): Promise<boolean> {
  const [before] = await updateSite(origin, (site) => (site.grantedAt === undefined ? { ...site, grantedAt: Date.now(), updatedAt: Date.now() } : null));
  if (before?.grantedAt !== undefined) return false;
  return recordNotification({ url, origin, decision: 'granted', why: [] });
}

async function notePermission(origin: string, url: string, permission: PagePermission): Promise<boolean> {
  if (permission === 'granted') return noteGranted(origin, url);
  // The permission was taken back in the browser (by the user or by us): no longer "allowed".
  await updateSite(origin, (site, existed) => {
    if (!existed || site.grantedAt === undefined) return null;
    const rest: NotificationSite = { ...site, updatedAt: Date.now() };
    delete rest.grantedAt;
    return rest;
  });
  return false;
}

export async function notificationContext(permission: PagePermission, sender: Runtime.MessageSender): Promise<NotificationContext> {
  const { origin, url, tabId } = senderSite(sender);
  const [settings, site, level] = await Promise.all([notificationSettings(), getSite(origin), pageLevel(tabId, origin, sender.tab?.url)]);
  void notePermission(origin, url, permission).catch(() => {});
  return {
    protect: protectsSite(settings, url),
    monitor: settings.mode === 'monitor',
    blocked: site?.blockedAt !== undefined,
    level,
    recentRefusals: recentRefusals(site, Date.now()),
  };
}

export function permissionChanged(permission: PagePermission, sender: Runtime.MessageSender): Promise<boolean> {
  const { origin, url } = senderSite(sender);
  return notePermission(origin, url, permission);
}

export interface Refusal {
  api: string;
  reasons: NotificationReason[];
  monitored: boolean;
}

/** A frame refused a request (or would have, in monitor mode): remember it, block the site if it must be. */
export async function requestRefused(refusal: Refusal, sender: Runtime.MessageSender): Promise<boolean> {
  const { origin, url } = senderSite(sender);
  const settings = await getSettings();
  // Settings may have changed since the frame asked: a page cannot make us act against them.
  if (!protectsSite(settings, url) || !refusal.reasons.length) return false;
  const entry = { url, origin, why: refusal.reasons, api: refusal.api };
  if (refusal.monitored || settings.mode === 'monitor') return recordNotification({ ...entry, decision: 'monitored' });
  const block = refusal.reasons.some((reason) => BLOCKING.includes(reason));
  const now = Date.now();
  await updateSite(origin, (site) =>
    block ? withBlock(withRefusal(site, refusal.reasons, now), 'extension', refusal.reasons, now) : withRefusal(site, refusal.reasons, now),
  );
  if (block) await blockInBrowser(origin).catch((error: unknown) => console.error('[fake-warning-blocker] could not block notifications:', error));
  return recordNotification({ ...entry, decision: block ? 'blocked' : 'denied' });
}
