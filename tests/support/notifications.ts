// Helpers for the notification-protection tests: the browser's own notification
// setting (Chromium), what a fixture page asked and got, and the extension's records.
import type { HistoryEntry } from '../../src/shared/history/entry';
import { sendFromExtensionPage } from './extension-api';
import type { TestPage } from './extension-browser';
import { poll } from './wait';

export interface Asked {
  result: string;
  ms: number | null;
  permissionAfter: string | null;
  notification?: boolean;
}

/** What tests/fixtures/pages/notifications/ask.js recorded: one entry per request. */
export function asked(page: TestPage): Promise<Asked[]> {
  return page.evaluate(() => (window as unknown as { asked: Asked[] }).asked);
}

/** Waits until the page's first request has an answer (or `timeoutMs` passes) and returns it. */
export async function firstAnswer(page: TestPage, timeoutMs = 3000): Promise<Asked | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const first = (await asked(page))[0];
    if ((first && first.result !== 'pending') || Date.now() > deadline) return first;
    await new Promise((done) => setTimeout(done, 50));
  }
}

/** Chromium: the effective notification content setting for an origin ('allow' | 'block' | 'ask'). */
export function browserSetting(extensionPage: TestPage, origin: string): Promise<string> {
  return extensionPage.evaluate(`chrome.contentSettings.notifications.get({ primaryUrl: ${JSON.stringify(`${origin}/`)} }).then((d) => d.setting)`);
}

/**
 * Chromium: the site's setting as the browser itself keeps it, without any of the
 * extension's rules. Removes ALL of the extension's notification rules: use it last.
 * A browser prompt that was shown and answered (headless Chromium answers "block" at
 * once) leaves its answer here; a request the extension refused never reached it: 'ask'.
 */
export async function browserOwnSetting(extensionPage: TestPage, origin: string): Promise<string> {
  await extensionPage.evaluate(`chrome.contentSettings.notifications.clear({})`);
  return browserSetting(extensionPage, origin);
}

export async function notificationEntries(extensionPage: TestPage, origin: string): Promise<HistoryEntry[]> {
  const { entries } = await sendFromExtensionPage<{ entries: HistoryEntry[] }>(extensionPage, 'history-list', {});
  return entries.filter((entry) => entry.kind === 'notification-decision' && entry.data.origin === origin);
}

/** Waits until the service worker has read a frame's text of a tab and found notification-lure text in it. */
export function lureSeen(extensionPage: TestPage, tabId: number, timeoutMs = 5000): Promise<unknown> {
  const read = () =>
    extensionPage.evaluate(`(async () => {
      const api = globalThis.browser ?? globalThis.chrome;
      const state = (await api.storage.session.get('tab:${tabId}'))['tab:${tabId}'];
      return Object.values(state?.frames ?? {}).some((frame) => frame?.findings?.signals?.lure === true);
    })()`);
  return poll(read, (seen) => seen === true, timeoutMs, `lure text seen in tab ${tabId}`);
}

/** Waits for the history to hold `count` notification entries about `origin` (newest first) and returns them. */
export function entriesFor(extensionPage: TestPage, origin: string, count = 1): Promise<HistoryEntry[]> {
  // A ceiling, not a timing: the history write comes after the decision's message, and 5 s once ran out on a loaded machine.
  return poll(() => notificationEntries(extensionPage, origin), (entries) => entries.length >= count, 10_000, `${count} history entries for ${origin}`);
}

/** What a fixture page of the same site recorded (tests/fixtures/pages/notifications/ask.js keeps it in localStorage). */
export async function askedOnSite(sitePage: TestPage, file: string): Promise<Asked[]> {
  const text = await sitePage.evaluate(`localStorage.getItem('asked:/notifications/${file}')`);
  return typeof text === 'string' ? (JSON.parse(text) as Asked[]) : [];
}
