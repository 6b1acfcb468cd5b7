// Helpers for the warning-page tests: settings and tab facts read through the
// extension's own APIs from one of its pages.
import type { TabStatus } from '../../src/shared/protocol';
import { sendFromExtensionPage } from './extension-api';
import type { TestPage } from './extension-browser';

export interface TabFacts {
  url: string;
  title: string;
  muted: boolean;
  windowState: string;
}

async function run<T>(page: TestPage, body: string): Promise<T> {
  return page.evaluate(`(async () => { const api = globalThis.browser ?? globalThis.chrome; ${body} })()`) as Promise<T>;
}

/** Replaces the user settings the settings store reads (storage.local 'userSettings'). */
export function setUserSettings(page: TestPage, settings: Record<string, unknown>): Promise<void> {
  return run(page, `await api.storage.local.set({ userSettings: ${JSON.stringify(settings)} });`);
}

export function getLocal<T>(page: TestPage, key: string): Promise<T | undefined> {
  return run(page, `return (await api.storage.local.get(${JSON.stringify(key)}))[${JSON.stringify(key)}];`);
}

/** Facts about a tab, or null when it no longer exists. */
export function tabFacts(page: TestPage, tabId: number): Promise<TabFacts | null> {
  return run(
    page,
    `try {
      const tab = await api.tabs.get(${tabId});
      const win = await api.windows.get(tab.windowId);
      return { url: tab.url ?? '', title: tab.title ?? '', muted: Boolean(tab.mutedInfo && tab.mutedInfo.muted), windowState: win.state };
    } catch (e) { return null; }`,
  );
}

export async function allTabUrls(page: TestPage): Promise<string[]> {
  return run(page, `return (await api.tabs.query({})).map((t) => t.url ?? '');`);
}

export async function waitUntil<T>(what: string, check: () => Promise<T | null | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

/** Clicks an element of an extension page by id (a real click event, from the page itself). */
export async function clickById(page: TestPage, id: string): Promise<void> {
  await page.evaluate(`document.getElementById(${JSON.stringify(id)}).click()`);
}

/** The state a simulated page (tests/fixtures/pages/sim-*.html) put in its title, or null. */
export function simStateFromTitle(title: string): Record<string, unknown> | null {
  const match = /\[sim (\{.*\})\]$/.exec(title);
  return match ? (JSON.parse(match[1] as string) as Record<string, unknown>) : null;
}

export const pause = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** The id of the tab whose URL is exactly `url`. */
export async function tabIdOf(page: TestPage, url: string): Promise<number> {
  return waitUntil(`a tab at ${url}`, () =>
    run<number | null>(page, `return (await api.tabs.query({})).find((t) => t.url === ${JSON.stringify(url)})?.id ?? null;`),
  );
}

/** The URLs of the extension pages opened from tab `openerTabId`. */
export function extensionTabsOpenedBy(page: TestPage, openerTabId: number): Promise<string[]> {
  return run(
    page,
    `const origin = api.runtime.getURL('');
    return (await api.tabs.query({})).filter((t) => t.openerTabId === ${openerTabId} && (t.url ?? '').startsWith(origin)).map((t) => t.url);`,
  );
}

/**
 * Waits until `predicate` holds in the page. A function, not a string: extension pages'
 * CSP forbids evaluating strings, which Playwright's waitForFunction does for string predicates.
 */
export function waitInPage(page: TestPage, what: string, predicate: () => boolean, timeoutMs = 10_000): Promise<true> {
  return waitUntil(what, async () => (await page.evaluate(predicate).catch(() => false)) || null, timeoutMs) as Promise<true>;
}

/** The background's record of a block (storage.session), while it has not been acted on. */
export function blockRecord<T = Record<string, unknown>>(page: TestPage, warningUrl: string): Promise<T | undefined> {
  const key = `protection-block:${new URL(warningUrl).searchParams.get('block')}`;
  return run(page, `return (await api.storage.session.get(${JSON.stringify(key)}))[${JSON.stringify(key)}];`);
}

/** The level of the detector's verdict for a tab (get-tab-status). */
export async function verdictLevel(page: TestPage, tabId: number): Promise<TabStatus['verdict']['level']> {
  return (await sendFromExtensionPage<TabStatus>(page, 'get-tab-status', { tabId })).verdict.level;
}
