// The browser's own per-site notification setting. Chrome (and Edge) let an
// extension read and override it through chrome.contentSettings; Firefox has no
// such API, so there every function here reports that it cannot.
import { originPattern } from '../../shared/notifications/origin';

export type BrowserSetting = 'allow' | 'block' | 'ask';

interface NotificationsSetting {
  get(details: { primaryUrl: string }): Promise<{ setting: string }>;
  set(details: { primaryPattern: string; setting: BrowserSetting }): Promise<void>;
  clear(details: Record<string, never>): Promise<void>;
}

function api(): NotificationsSetting | null {
  if (__BUILD_TARGET__ !== 'chrome') return null;
  const chrome = (globalThis as { chrome?: { contentSettings?: { notifications?: NotificationsSetting } } }).chrome;
  return chrome?.contentSettings?.notifications ?? null;
}

/** Whether the extension can change sites' notification permission in this browser. */
export const browserManagesNotifications = (): boolean => api() !== null;

export async function browserSetting(origin: string): Promise<BrowserSetting | null> {
  const settings = api();
  if (!settings) return null;
  const { setting } = await settings.get({ primaryUrl: `${origin}/` });
  return setting === 'allow' || setting === 'block' || setting === 'ask' ? setting : null;
}

// Unblocking clears every rule and sets the others again: nothing may run in between.
let chain: Promise<unknown> = Promise.resolve();
function serialise<T>(task: () => Promise<T>): Promise<T> {
  const next = chain.then(task, task);
  chain = next.catch(() => undefined);
  return next;
}

/** Sets the site's notification setting to "block" (that origin only). False where the browser has no such API. */
export function blockInBrowser(origin: string): Promise<boolean> {
  return serialise(async () => {
    const settings = api();
    if (!settings) return false;
    await settings.set({ primaryPattern: originPattern(origin), setting: 'block' });
    return true;
  });
}

/**
 * Removes the extension's rule for one site, giving it back whatever the user had chosen
 * in the browser before. Chrome can only clear all of an extension's rules at once, so
 * the rules of the sites that stay blocked are set again.
 */
export function unblockInBrowser(stillBlocked: readonly string[]): Promise<boolean> {
  return serialise(async () => {
    const settings = api();
    if (!settings) return false;
    await settings.clear({});
    for (const origin of stillBlocked) await settings.set({ primaryPattern: originPattern(origin), setting: 'block' });
    return true;
  });
}
