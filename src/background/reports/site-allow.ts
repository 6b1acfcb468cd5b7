// Sites the user allowed ("This page is not a scam") or paused protection on.
// They go into the user's allow list (storage.local 'userSettings'.allowList),
// which getSettings() returns and the detector and warning page honour.
// Policy (settings.allowUserOverride false) forbids both.
import browser from 'webextension-polyfill';
import { isHostListed } from '../../shared/reports/site';
import { getSettings } from '../settings/store';

const USER_SETTINGS_KEY = 'userSettings';

async function updateUserAllowList(change: (list: string[]) => string[]): Promise<void> {
  const stored = (await browser.storage.local.get(USER_SETTINGS_KEY))[USER_SETTINGS_KEY];
  const settings = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const list = Array.isArray(settings.allowList) ? settings.allowList.filter((item): item is string => typeof item === 'string') : [];
  await browser.storage.local.set({ [USER_SETTINGS_KEY]: { ...settings, allowList: change(list) } });
}

let chain: Promise<unknown> = Promise.resolve();
function serialise<T>(task: () => Promise<T>): Promise<T> {
  const next = chain.then(task, task);
  chain = next.catch(() => undefined);
  return next;
}

export async function isSiteAllowed(host: string): Promise<boolean> {
  return isHostListed(host, (await getSettings()).allowList);
}

/** Adds the host; false when policy does not let users allow sites. */
export function allowSite(host: string): Promise<boolean> {
  return serialise(async () => {
    if (!(await getSettings()).allowUserOverride) return false;
    await updateUserAllowList((list) => (list.includes(host) ? list : [...list, host]));
    return true;
  });
}

export function unallowSite(host: string): Promise<void> {
  return serialise(() => updateUserAllowList((list) => list.filter((entry) => entry !== host)));
}
