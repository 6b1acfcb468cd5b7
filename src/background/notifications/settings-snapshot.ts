// The settings notification protection decides with, fast. Right after the browser
// starts, the first read of enterprise policy (storage.managed) can take seconds
// (measured: 3.2 s in Chromium), longer than a page waits for an answer (the probe
// holds a request 300 ms). The last settings seen are kept, without secrets, and
// used only while the first read is still under way.
import browser from 'webextension-polyfill';
import type { Settings } from '../../shared/settings';
import { getSettings } from '../settings/store';

export type NotificationSettings = Pick<Settings, 'protectionEnabled' | 'notificationProtection' | 'mode' | 'allowList' | 'allowUserOverride'>;

const SNAPSHOT_KEY = 'notificationSettingsSnapshot';
/** How long to wait for the real settings before using the snapshot. */
const PATIENCE_MS = 150;
let remembered = '';

function pick(settings: Settings): NotificationSettings {
  const { protectionEnabled, notificationProtection, mode, allowList, allowUserOverride } = settings;
  return { protectionEnabled, notificationProtection, mode, allowList, allowUserOverride };
}

function remember(settings: NotificationSettings): void {
  const text = JSON.stringify(settings);
  if (text === remembered) return;
  remembered = text;
  void browser.storage.local.set({ [SNAPSHOT_KEY]: settings }).catch(() => {});
}

function isSnapshot(value: unknown): value is NotificationSettings {
  const v = value as Partial<NotificationSettings> | undefined;
  return typeof v?.protectionEnabled === 'boolean' && typeof v.notificationProtection === 'boolean' && typeof v.mode === 'string' && Array.isArray(v.allowList);
}

export async function notificationSettings(): Promise<NotificationSettings> {
  const fresh = getSettings().then((settings) => {
    const picked = pick(settings);
    remember(picked);
    return picked;
  });
  const quick = await Promise.race([fresh, new Promise<null>((done) => setTimeout(() => done(null), PATIENCE_MS))]);
  if (quick) return quick;
  const snapshot = (await browser.storage.local.get(SNAPSHOT_KEY))[SNAPSHOT_KEY];
  return isSnapshot(snapshot) ? snapshot : fresh;
}
