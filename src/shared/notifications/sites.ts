// What the extension knows about each site's notification permission (stored by
// the service worker in storage.local), and the views derived from it. Pure.
import type { NotificationSiteState } from '../messages/notifications';
import type { NotificationReason } from './decide';

export interface NotificationSite {
  origin: string;
  /** Seen with notification permission (the user allowed it in the browser). */
  grantedAt?: number;
  /** Blocked: every request refused by the extension, and (Chrome) the browser's own setting is "block". */
  blockedAt?: number;
  blockedBy?: 'extension' | 'user';
  /** Chrome: its permission was taken back when it was flagged. */
  revokedAt?: number;
  /** Firefox: flagged while it had permission, which the browser does not let extensions take back. */
  keptAt?: number;
  /** Why it was blocked or last refused. */
  reasons: NotificationReason[];
  /** Times of the latest refusals, oldest first (at most MAX_REFUSALS). */
  refusals: number[];
  updatedAt: number;
}

export const MAX_REFUSALS = 10;
export const MAX_SITES = 300;
/** Refusals older than this do not make a later request "repeated". */
export const REFUSAL_MEMORY_MS = 7 * 24 * 3600_000;
/** How long before a block a permission change still counts as part of it (warning page notice). */
export const NOTICE_WINDOW_MS = 10 * 60_000;

export function emptySite(origin: string, now: number): NotificationSite {
  return { origin, reasons: [], refusals: [], updatedAt: now };
}

export function siteState(site: NotificationSite): { state: NotificationSiteState; since: number } | null {
  if (site.blockedAt !== undefined) {
    if (site.revokedAt !== undefined) return { state: 'revoked', since: site.revokedAt };
    // Firefox: once the user has removed the permission (the page says so on its next visit), just blocked.
    if (site.keptAt !== undefined && site.grantedAt !== undefined) return { state: 'kept', since: site.keptAt };
    return { state: 'blocked', since: site.blockedAt };
  }
  if (site.grantedAt !== undefined) return { state: 'granted', since: site.grantedAt };
  const last = site.refusals[site.refusals.length - 1];
  return last !== undefined ? { state: 'refused', since: last } : null;
}

export function recentRefusals(site: NotificationSite | undefined, now: number): number {
  return site ? site.refusals.filter((time) => now - time < REFUSAL_MEMORY_MS).length : 0;
}

export function withRefusal(site: NotificationSite, reasons: NotificationReason[], now: number): NotificationSite {
  return { ...site, reasons, refusals: [...site.refusals, now].slice(-MAX_REFUSALS), updatedAt: now };
}

export function withBlock(site: NotificationSite, by: 'extension' | 'user', reasons: NotificationReason[], now: number): NotificationSite {
  return { ...site, blockedAt: now, blockedBy: by, reasons, updatedAt: now };
}

/** Unblocked by the user: the extension forgets the block and the refusals that led to it. */
export function withoutBlock(site: NotificationSite, now: number): NotificationSite {
  const rest: NotificationSite = { ...site, reasons: [], refusals: [], updatedAt: now };
  delete rest.blockedAt;
  delete rest.blockedBy;
  delete rest.revokedAt;
  delete rest.keptAt;
  return rest;
}

/** Keeps at most `max` sites: every blocked one (they are enforced), then the most recently changed. */
export function pruneSites(sites: Record<string, NotificationSite>, max = MAX_SITES): Record<string, NotificationSite> {
  const all = Object.values(sites);
  if (all.length <= max) return sites;
  const kept = all.sort((a, b) => Number(b.blockedAt !== undefined) - Number(a.blockedAt !== undefined) || b.updatedAt - a.updatedAt).slice(0, max);
  return Object.fromEntries(kept.map((site) => [site.origin, site]));
}

/** What the warning page, shown at `blockedAt`, should say about the site's notifications. */
export function noticeState(site: NotificationSite | undefined, blockedAt: number): 'revoked' | 'kept' | 'refused' | 'none' {
  if (!site) return 'none';
  const recent = (time: number | undefined) => time !== undefined && time >= blockedAt - NOTICE_WINDOW_MS;
  if (recent(site.revokedAt)) return 'revoked';
  if (recent(site.keptAt)) return 'kept';
  if (recent(site.refusals[site.refusals.length - 1]) || (recent(site.blockedAt) && site.blockedBy === 'extension')) return 'refused';
  return 'none';
}
