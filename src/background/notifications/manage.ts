// The options page's list of sites and its block/unblock, and the warning page's
// notice about the blocked site's notifications.
import type { Runtime } from 'webextension-polyfill';
import type { NotificationBlockNotice, NotificationSitesView, NotificationSiteView } from '../../shared/messages/notifications';
import { webOrigin } from '../../shared/notifications/origin';
import { noticeState, siteState, withBlock, withoutBlock } from '../../shared/notifications/sites';
import { blockForSender } from '../protection/actions';
import { getSettings } from '../settings/store';
import { blockInBrowser, browserManagesNotifications, browserSetting, unblockInBrowser } from './browser-setting';
import { recordNotification } from './record';
import { allSites, getSite, updateSite } from './site-store';

const MAX_LISTED = 200;

export async function listSites(): Promise<NotificationSitesView> {
  const [sites, settings] = await Promise.all([allSites(), getSettings()]);
  const listed = Object.values(sites)
    .map((site) => ({ site, state: siteState(site) }))
    .filter((entry): entry is { site: (typeof entry)['site']; state: NonNullable<(typeof entry)['state']> } => entry.state !== null)
    .sort((a, b) => b.state.since - a.state.since)
    .slice(0, MAX_LISTED);
  const views: NotificationSiteView[] = await Promise.all(
    listed.map(async ({ site, state }) => ({
      origin: site.origin,
      state: state.state,
      since: state.since,
      reasons: site.reasons,
      browserSetting: await browserSetting(site.origin).catch(() => null),
    })),
  );
  return { sites: views, browserManaged: browserManagesNotifications(), canUnblock: settings.allowUserOverride };
}

export async function setSiteBlocked(origin: string, blocked: boolean): Promise<{ blocked: boolean }> {
  const now = Date.now();
  if (blocked) {
    await updateSite(origin, (site) => withBlock(site, 'user', [], now));
    await blockInBrowser(origin);
    await recordNotification({ url: '', origin, decision: 'user-blocked', why: [] });
    return { blocked: true };
  }
  // Unblocking is an override of protection: organisations can take it away.
  if (!(await getSettings()).allowUserOverride) throw new Error('managed by your organisation: allowUserOverride');
  const [before] = await updateSite(origin, (site, existed) => (existed ? withoutBlock(site, now) : null));
  if (before?.blockedAt === undefined) return { blocked: false };
  const stillBlocked = Object.values(await allSites())
    .filter((site) => site.blockedAt !== undefined && site.origin !== origin)
    .map((site) => site.origin);
  await unblockInBrowser(stillBlocked);
  await recordNotification({ url: '', origin, decision: 'unblocked', why: [] });
  return { blocked: false };
}

export async function blockNotice(blockId: string, sender: Runtime.MessageSender, waitFor: (origin: string) => Promise<void>): Promise<NotificationBlockNotice> {
  const record = await blockForSender(blockId, sender);
  const origin = webOrigin(record.url);
  if (!origin) return { origin: '', state: 'none' };
  await waitFor(origin);
  return { origin, state: noticeState(await getSite(origin), record.blockedAt) };
}
