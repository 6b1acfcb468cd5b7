// An in-memory stand-in for webextension-polyfill, enough to run background modules in
// unit tests: storage areas that copy values like the real ones (structured clone) and
// fire storage.onChanged, a runtime with an id and URLs, and tabs that record calls.
// Use: vi.mock('webextension-polyfill', async () => (await import('./support/fake-browser')).polyfillModule())
// then `fakeBrowser()` to reach the same instance.

type Listener = (...args: never[]) => unknown;

function event() {
  const listeners: Listener[] = [];
  return {
    addListener: (listener: Listener) => void listeners.push(listener),
    removeListener: (listener: Listener) => void listeners.splice(listeners.indexOf(listener), 1),
    hasListener: (listener: Listener) => listeners.includes(listener),
    fire: (...args: unknown[]) => listeners.map((listener) => (listener as (...a: unknown[]) => unknown)(...args)),
  };
}

export interface StorageArea {
  data: Record<string, unknown>;
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
  clear(): Promise<void>;
  /** Makes get() never answer (as headless Chromium's storage.managed was seen to do). */
  hang: boolean;
  /** Like Chrome's QUOTA_BYTES: a set() that would pass it fails and changes nothing (keys + JSON, UTF-8). */
  quotaBytes: number;
  /** Bytes in use, counted as the quota counts them. */
  bytesInUse(): number;
}

const utf8 = (text: string) => Buffer.byteLength(text, 'utf8');
const entryBytes = (key: string, value: unknown) => utf8(key) + utf8(JSON.stringify(value) ?? '');

function area(name: string, changed: ReturnType<typeof event>): StorageArea {
  const store: StorageArea = {
    data: {},
    hang: false,
    quotaBytes: Infinity,
    bytesInUse: () => Object.entries(store.data).reduce((sum, [key, value]) => sum + entryBytes(key, value), 0),
    get(keys) {
      if (store.hang) return new Promise(() => {});
      const wanted = keys === undefined || keys === null ? Object.keys(store.data) : typeof keys === 'string' ? [keys] : keys;
      const out: Record<string, unknown> = {};
      for (const key of wanted) if (key in store.data) out[key] = structuredClone(store.data[key]);
      return Promise.resolve(out);
    },
    set(items) {
      if (Number.isFinite(store.quotaBytes)) {
        const after = { ...store.data, ...items };
        const used = Object.entries(after).reduce((sum, [key, value]) => sum + entryBytes(key, value), 0);
        if (used > store.quotaBytes) return Promise.reject(new Error(`QUOTA_BYTES quota exceeded (${used} > ${store.quotaBytes})`));
      }
      const changes: Record<string, { oldValue?: unknown; newValue?: unknown }> = {};
      for (const [key, value] of Object.entries(items)) {
        changes[key] = { oldValue: store.data[key], newValue: structuredClone(value) };
        store.data[key] = structuredClone(value);
      }
      changed.fire(changes, name);
      return Promise.resolve();
    },
    remove(keys) {
      for (const key of typeof keys === 'string' ? [keys] : keys) delete store.data[key];
      return Promise.resolve();
    },
    clear() {
      store.data = {};
      return Promise.resolve();
    },
  };
  return store;
}

export function createFakeBrowser() {
  const onChanged = event();
  const tabs = new Map<number, { id: number; url: string; windowId: number; active: boolean; title?: string }>();
  const calls: { api: string; args: unknown[] }[] = [];
  const record = (api: string) => (...args: unknown[]) => {
    calls.push({ api, args });
    return Promise.resolve(undefined);
  };
  return {
    calls,
    tabsById: tabs,
    storage: {
      local: area('local', onChanged),
      session: area('session', onChanged),
      managed: area('managed', onChanged),
      sync: area('sync', onChanged),
      onChanged,
    },
    runtime: {
      id: 'fwb-test-extension',
      getURL: (path: string) => `chrome-extension://fwb-test-extension/${path.replace(/^\//, '')}`,
      getManifest: () => ({ version: '0.1.0', manifest_version: 3 }),
      getPlatformInfo: () => Promise.resolve({ os: 'linux', arch: 'x86-64' }),
      onMessage: event(),
      sendMessage: record('runtime.sendMessage'),
    },
    i18n: { getUILanguage: () => 'en-US', getMessage: (key: string) => key },
    tabs: {
      get: (id: number) => (tabs.has(id) ? Promise.resolve(structuredClone(tabs.get(id))) : Promise.reject(new Error(`No tab with id: ${id}`))),
      query: () => Promise.resolve([...tabs.values()].map((tab) => structuredClone(tab))),
      update: record('tabs.update'),
      create: record('tabs.create'),
      remove: record('tabs.remove'),
      sendMessage: record('tabs.sendMessage'),
      captureVisibleTab: record('tabs.captureVisibleTab'),
      onUpdated: event(),
      onRemoved: event(),
      onCreated: event(),
    },
    windows: { get: () => Promise.resolve({ id: 1, state: 'normal' }), update: record('windows.update') },
    alarms: { create: record('alarms.create'), clear: record('alarms.clear'), get: () => Promise.resolve(undefined), onAlarm: event() },
    downloads: {
      search: () => Promise.resolve([]),
      cancel: record('downloads.cancel'),
      pause: record('downloads.pause'),
      resume: record('downloads.resume'),
      erase: record('downloads.erase'),
      removeFile: record('downloads.removeFile'),
      download: record('downloads.download'),
      onCreated: event(),
      onChanged: event(),
    },
    scripting: { executeScript: record('scripting.executeScript') },
  };
}

export type FakeBrowser = ReturnType<typeof createFakeBrowser>;

// Shared through globalThis: vi.resetModules() (a worker restart) loads this module afresh,
// and the test and the restarted worker must still reach the same browser.
const holder = globalThis as typeof globalThis & { __fwbFakeBrowser?: { current: FakeBrowser } };
const instance = (holder.__fwbFakeBrowser ??= { current: createFakeBrowser() });

/** The fake every mocked import of webextension-polyfill returns. */
export const fakeBrowser = (): FakeBrowser => instance.current;

/**
 * A service-worker restart: a new browser object (no listeners, nothing in flight) over the
 * same stored data, local and session alike (storage.session survives a worker restart).
 * Reset the module registry (vi.resetModules) and import the worker again afterwards.
 */
export function restartWorker(): FakeBrowser {
  const old = instance.current;
  const next = createFakeBrowser();
  for (const name of ['local', 'session', 'managed', 'sync'] as const) next.storage[name].data = old.storage[name].data;
  for (const [id, tab] of old.tabsById) next.tabsById.set(id, tab);
  instance.current = next;
  return next;
}

/** The module object for vi.mock('webextension-polyfill', …). */
export function polyfillModule(): { default: FakeBrowser } {
  // Looked up on every use, so modules imported after restartWorker() reach the new browser.
  const current = new Proxy({} as FakeBrowser, { get: (_target, key) => instance.current[key as keyof FakeBrowser] });
  return { default: current };
}
