// When a page is flagged: its frames hear the verdict at once (so they refuse
// requests), and a scam site that already has notification permission loses it
// (Chrome), or, where the browser does not allow that (Firefox), its push
// subscriptions are ended and the warning page tells the user how to remove it.
import browser from 'webextension-polyfill';
import { NOTIFICATIONS_COMMAND_TYPE, type NotificationsCommand } from '../../shared/notifications/commands';
import { webOrigin } from '../../shared/notifications/origin';
import { withBlock } from '../../shared/notifications/sites';
import { getSettings } from '../settings/store';
import type { VerdictChange } from '../verdict-events';
import { blockInBrowser, browserManagesNotifications, browserSetting } from './browser-setting';
import { recordNotification } from './record';
import { protectsSite } from './requests';
import { getSite, updateSite } from './site-store';

/** Revocations under way, by origin: the warning page waits for its site's before it says anything. */
const running = new Map<string, Promise<void>>();

export function revocationOf(origin: string): Promise<void> {
  return running.get(origin) ?? Promise.resolve();
}

/**
 * Asks the flagged page itself (Firefox): its permission, and if it has one, to end its
 * push subscriptions. Undefined when the page is gone (already replaced by the warning page).
 */
async function askPage(tabId: number): Promise<{ permission: string; unsubscribed: number } | undefined> {
  const command: NotificationsCommand = { type: NOTIFICATIONS_COMMAND_TYPE, command: 'unsubscribe-push' };
  try {
    const reply = (await browser.tabs.sendMessage(tabId, command, { frameId: 0 })) as { permission?: unknown; unsubscribed?: unknown } | undefined;
    if (typeof reply?.permission !== 'string') return undefined;
    return { permission: reply.permission, unsubscribed: typeof reply.unsubscribed === 'number' ? reply.unsubscribed : 0 };
  } catch {
    return undefined;
  }
}

async function revoke(change: VerdictChange, origin: string): Promise<void> {
  const settings = await getSettings();
  if (!protectsSite(settings, change.url)) return;
  const monitor = settings.mode === 'monitor';
  const entry = { url: change.url, origin, why: ['scam-page' as const] };
  const now = Date.now();
  if (browserManagesNotifications()) {
    if ((await browserSetting(origin)) !== 'allow') return;
    if (monitor) {
      await recordNotification({ ...entry, decision: 'monitored' });
      return;
    }
    await blockInBrowser(origin);
    await updateSite(origin, (site) => ({ ...withBlock(site, 'extension', ['scam-page'], now), revokedAt: now }));
    await recordNotification({ ...entry, decision: 'revoked' });
    return;
  }
  // Firefox: the page itself says whether it has permission, or, if it is already gone,
  // what it said when it started.
  const page = monitor ? undefined : await askPage(change.tabId);
  const granted = page ? page.permission === 'granted' : (await getSite(origin))?.grantedAt !== undefined;
  if (!granted) return;
  if (monitor) {
    await recordNotification({ ...entry, decision: 'monitored' });
    return;
  }
  await updateSite(origin, (site) => ({ ...withBlock(site, 'extension', ['scam-page'], now), grantedAt: site.grantedAt ?? now, keptAt: now }));
  await recordNotification({ ...entry, decision: 'kept', ...(page ? { pushUnsubscribed: page.unsubscribed } : {}) });
}

/**
 * onVerdictChange listener (registered at the top level of the worker). Returns at once:
 * the tab's detection waits for its verdict listeners, and this work can wait for a page.
 */
export function onNotificationVerdict(change: VerdictChange): void {
  const { level } = change.verdict;
  if (level === 'safe') return;
  const command: NotificationsCommand = { type: NOTIFICATIONS_COMMAND_TYPE, command: 'level', level, url: change.url };
  void browser.tabs.sendMessage(change.tabId, command).catch(() => {});
  const origin = webOrigin(change.url);
  if (level !== 'scam' || change.previousLevel === 'scam' || !origin) return;
  // Registered before anything awaits, so a warning page asking right away waits for it.
  const work = revoke(change, origin)
    .catch((error: unknown) => console.error('[fake-warning-blocker] notification revocation failed:', error))
    .finally(() => {
      if (running.get(origin) === work) running.delete(origin);
    });
  running.set(origin, work);
}
