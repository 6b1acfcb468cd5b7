// Sites' notification records in storage.local (kept across restarts: blocks are
// enforced from them, and the options page lists them).
import browser from 'webextension-polyfill';
import { emptySite, type NotificationSite, pruneSites } from '../../shared/notifications/sites';

export const SITES_KEY = 'notificationSites';

interface StoredSites {
  version: 1;
  sites: Record<string, NotificationSite>;
}

async function load(): Promise<Record<string, NotificationSite>> {
  const stored = (await browser.storage.local.get(SITES_KEY))[SITES_KEY] as Partial<StoredSites> | undefined;
  return stored?.version === 1 && stored.sites && typeof stored.sites === 'object' ? stored.sites : {};
}

let chain: Promise<unknown> = Promise.resolve();
function serialise<T>(task: () => Promise<T>): Promise<T> {
  const next = chain.then(task, task);
  chain = next.catch(() => undefined);
  return next;
}

export function allSites(): Promise<Record<string, NotificationSite>> {
  return serialise(load);
}

export async function getSite(origin: string): Promise<NotificationSite | undefined> {
  return (await allSites())[origin];
}

/**
 * Changes one site's record; `change` gets the current one (or a fresh one) and returns
 * the new one, or null to leave storage as it is. Returns [before, after].
 */
export function updateSite(
  origin: string,
  change: (site: NotificationSite, existed: boolean) => NotificationSite | null,
): Promise<[NotificationSite | undefined, NotificationSite | undefined]> {
  return serialise(async () => {
    const sites = await load();
    const before = sites[origin];
    const after = change(before ?? emptySite(origin, Date.now()), before !== undefined);
    if (!after) return [before, before];
    await browser.storage.local.set({ [SITES_KEY]: { version: 1, sites: pruneSites({ ...sites, [origin]: after }) } satisfies StoredSites });
    return [before, after];
  });
}
