import type { ExtensionBrowser, TestPage } from './extension-browser';

/**
 * Opens one of the extension's own pages (options by default) to act through the
 * extension's APIs: in Chromium `chrome`, in Firefox `browser`, both promise-based.
 */
export async function openExtensionPage(browser: ExtensionBrowser, path = 'src/ui/options/index.html'): Promise<TestPage> {
  return browser.newPage(browser.extensionOrigin + path);
}

/** Sends a protocol message from an extension page and returns the reply. */
export async function sendFromExtensionPage<T>(page: TestPage, type: string, payload: unknown): Promise<T> {
  const source = `(async () => {
    const api = globalThis.browser ?? globalThis.chrome;
    return api.runtime.sendMessage(${JSON.stringify({ type, payload })});
  })()`;
  const reply = (await page.evaluate(source)) as { ok: boolean; value?: T; error?: string };
  if (!reply?.ok) throw new Error(`'${type}' failed: ${reply?.error ?? 'no reply'}`);
  return reply.value as T;
}

/** The tab id of the first tab whose URL starts with `urlPrefix`. */
export async function findTabId(page: TestPage, urlPrefix: string): Promise<number> {
  const source = `(async () => {
    const api = globalThis.browser ?? globalThis.chrome;
    const tabs = await api.tabs.query({});
    const tab = tabs.find((t) => (t.url ?? '').startsWith(${JSON.stringify(urlPrefix)}));
    return tab ? tab.id : -1;
  })()`;
  const id = (await page.evaluate(source)) as number;
  if (id < 0) throw new Error(`No tab open at ${urlPrefix}`);
  return id;
}

/** Replaces the user's settings (storage.local 'userSettings', read by the settings store). */
export async function setUserSettings(page: TestPage, settings: Record<string, unknown>): Promise<void> {
  await page.evaluate(`(async () => {
    const api = globalThis.browser ?? globalThis.chrome;
    await api.storage.local.set({ userSettings: ${JSON.stringify(settings)} });
  })()`);
}

/** Reads one key of the extension's storage.local. */
export async function readLocalStorage<T>(page: TestPage, key: string): Promise<T | undefined> {
  return (await page.evaluate(`(async () => {
    const api = globalThis.browser ?? globalThis.chrome;
    return (await api.storage.local.get(${JSON.stringify(key)}))[${JSON.stringify(key)}];
  })()`)) as T | undefined;
}

/** Every open tab's id and address (pendingUrl while a navigation has not committed). */
export async function listTabs(page: TestPage): Promise<{ id: number; url: string }[]> {
  return (await page.evaluate(`(async () => {
    const api = globalThis.browser ?? globalThis.chrome;
    const tabs = await api.tabs.query({});
    return tabs.map((t) => ({ id: t.id, url: t.pendingUrl || t.url || '' }));
  })()`)) as { id: number; url: string }[];
}
