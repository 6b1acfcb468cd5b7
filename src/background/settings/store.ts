import browser from 'webextension-polyfill';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/settings';

// Minimal store: defaults overlaid with the user's settings. The enterprise issue
// adds validation and managed policy on top; callers only use getSettings().

const USER_SETTINGS_KEY = 'userSettings';

export async function getSettings(): Promise<Settings> {
  const stored = (await browser.storage.local.get(USER_SETTINGS_KEY))[USER_SETTINGS_KEY];
  return { ...DEFAULT_SETTINGS, ...(typeof stored === 'object' && stored !== null ? stored : {}) };
}
