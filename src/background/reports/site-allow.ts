// Sites the user allowed ("This page is not a scam") or paused protection on.
// The exact host goes into the user's allow list through the settings store,
// which refuses when policy locks the list (allowUserOverride false does).
import { matchesSiteList } from '../../shared/site-patterns';
import { getSettings, getSettingsState, setUserSettings } from '../settings/store';

let chain: Promise<unknown> = Promise.resolve();
function serialise<T>(task: () => Promise<T>): Promise<T> {
  const next = chain.then(task, task);
  chain = next.catch(() => undefined);
  return next;
}

async function userAllowList(): Promise<string[]> {
  return [...((await getSettingsState()).userSettings.allowList ?? [])];
}

export async function isSiteAllowed(host: string): Promise<boolean> {
  const { allowList } = await getSettings();
  return matchesSiteList(`https://${host}/`, allowList) || matchesSiteList(`http://${host}/`, allowList);
}

/** Adds the host; false when policy does not let users allow sites. */
export function allowSite(host: string): Promise<boolean> {
  return serialise(async () => {
    const state = await getSettingsState();
    if (!state.settings.allowUserOverride || state.locked.includes('allowList')) return false;
    const list = await userAllowList();
    if (!list.includes(host)) await setUserSettings({ allowList: [...list, host] });
    return true;
  });
}

export function unallowSite(host: string): Promise<void> {
  return serialise(async () => {
    const list = await userAllowList();
    if (list.includes(host)) await setUserSettings({ allowList: list.filter((entry) => entry !== host) });
  });
}
