// One small interface over playwright-core (Chromium) and puppeteer-core over
// WebDriver BiDi (Firefox), so every end-to-end test runs unchanged in both.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page as PlaywrightPage } from 'playwright-core';
import puppeteer, { type Browser as PuppeteerBrowser, type Page as PuppeteerPage } from 'puppeteer-core';
import { type BrowserName, browserPath } from './browser-paths';

export type { BrowserName };

export const FIREFOX_EXTENSION_ID = 'fake-warning-blocker@fwb.example.org';
// Fixed so tests can open moz-extension:// pages; Firefox otherwise picks a random UUID per profile.
const FIREFOX_EXTENSION_UUID = '5f1c6a2e-3c1b-4d58-9a57-7f0c2b9e4a11';

export interface TestPage {
  goto(url: string): Promise<void>;
  /** The document's current address (read from the page: Firefox does not track extension-page navigations). */
  url(): Promise<string>;
  evaluate<R>(fn: string | (() => R | Promise<R>)): Promise<R>;
  click(x: number, y: number, options?: { button?: 'left' | 'right' }): Promise<void>;
  press(key: string): Promise<void>;
  waitFor(predicate: string, timeoutMs?: number): Promise<void>;
  waitForUrl(test: (url: string) => boolean, timeoutMs?: number): Promise<void>;
  screenshot(path: string): Promise<void>;
  /** Makes the page's tab active and its window focused: Firefox grants full screen only to a focused window. */
  bringToFront(): Promise<void>;
  /** Calls `handler` for every dialog the page opens (alert, confirm, prompt, beforeunload); it must answer it. */
  onDialog(handler: (dialog: PageDialog) => void): void;
  /** Calls `handler` for every window the page opens (window.open, target=_blank). */
  onPopup(handler: (popup: TestPage) => void): void;
  /**
   * From now on, JavaScript dialogs (alert/confirm/prompt/beforeunload) of this tab are
   * left open, as a user who does not know what to do would leave them, and recorded:
   * see dialogs(). Without it, Chromium (Playwright) dismisses dialogs at once and
   * Firefox (BiDi) leaves them open unrecorded.
   */
  trackDialogs(): Promise<void>;
  /**
   * Dialogs seen since trackDialogs(), and the messages of those still open as far as the
   * protocol's events tell (Firefox sends no "closed" event for a prompt that a navigation
   * aborts: use dismissOpenDialog() for the truth).
   */
  dialogs(): DialogRecord;
  /**
   * Asks the browser itself whether a dialog is open in this tab now, by trying to dismiss
   * it: true when one was open (it is dismissed), false when there was none. Needs trackDialogs().
   */
  dismissOpenDialog(): Promise<boolean>;
  /** Closes the page without running beforeunload handlers. */
  close(): Promise<void>;
  /**
   * Evaluates `expression` (awaited, result by value) in this extension's content-script
   * world of the page's top frame: what a compromised or confused content script could do.
   * Chromium only (DevTools protocol); Firefox does not expose content-script sandboxes to
   * WebDriver BiDi, so there it rejects.
   */
  evaluateInContentScript(expression: string): Promise<unknown>;
}

export interface DialogRecord {
  seen: number;
  open: string[];
}

function dialogTracker() {
  const record: DialogRecord = { seen: 0, open: [] };
  return {
    record,
    opened(message: string) {
      record.seen++;
      record.open.push(message);
    },
    closed() {
      record.open.shift();
    },
  };
}

export interface PageDialog {
  type: string;
  message: string;
  accept(): Promise<void>;
  dismiss(): Promise<void>;
}

export interface ExtensionBrowser {
  name: BrowserName;
  /** Base URL of the extension's pages, e.g. chrome-extension://ID/ */
  extensionOrigin: string;
  newPage(url?: string): Promise<TestPage>;
  pages(): Promise<TestPage[]>;
  /**
   * Ends the extension's background context the way the browser does when it is idle or
   * killed, and lets it start again on the next event: Chromium stops the service worker
   * (CDP Target.closeTarget, as chrome://serviceworker-internals "Stop" does); Firefox
   * reloads the extension (runtime.reload), which also drops its alarms and in-memory state.
   * Extension pages are closed by the Firefox reload; open new ones afterwards.
   */
  restartBackground(): Promise<void>;
  /**
   * Calls `handler` for every request the browser reports for its pages (frames and popups
   * included) and, in Chromium, its service workers: with where it came from. Requests the
   * proxy sees but no handler call explains came from somewhere else (see network-silence.test.ts).
   */
  onRequest(handler: (request: ObservedRequest) => void): Promise<void>;
  /** Waits for the page at exactly `url` (e.g. a window an extension page opened) and returns it. */
  pageAt(url: string, timeoutMs?: number): Promise<TestPage>;
  close(): Promise<void>;
  /** Resolves when the browser goes away (e.g. the user closed its window). */
  closed: Promise<void>;
}

export interface ObservedRequest {
  url: string;
  method: string;
  /** 'page': a web page or its frames; 'extension': one of the extension's pages or its service worker; 'worker': another worker. */
  source: 'page' | 'extension' | 'worker';
}

export interface LaunchOptions {
  extensionDir?: string;
  /** The local test server's port: every request goes through it as a proxy. */
  proxyPort: number;
  /** Firefox only: extra preferences (e.g. policies for enterprise tests). */
  firefoxPrefs?: Record<string, unknown>;
  /** Save downloads here under their real file names, without asking (both browsers). */
  downloadsDir?: string;
  chromiumArgs?: string[];
  /**
   * Chromium only: written as the profile's Default/Preferences before launch, as if the
   * user had set it in an earlier session (e.g. a site already allowed to show notifications).
   */
  chromiumPreferences?: Record<string, unknown>;
  /**
   * Origins (e.g. 'http://chat.fwb.test') that already have notification permission when the
   * browser starts, granted the way the user would: Chromium stores it in the profile's
   * preferences (a real content setting that extensions can read and override); Firefox sets
   * the site permission over WebDriver BiDi (permissions.setPermission).
   */
  notificationsGranted?: string[];
  /** Default true; `npm start` shows the browser when there is a display. */
  headless?: boolean;
  viewport?: { width: number; height: number };
}

async function pollUntil(check: () => Promise<boolean> | boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 25));
  }
}

function wrapPlaywright(page: PlaywrightPage): TestPage {
  const tracker = dialogTracker();
  let tracking = false;
  let cdp: CDPSession | undefined;
  return {
    goto: async (url) => void (await page.goto(url, { waitUntil: 'load' })),
    url: async () => page.url(),
    evaluate: (fn) => page.evaluate(fn as () => never),
    click: (x, y, options) => page.mouse.click(x, y, { button: options?.button ?? 'left' }),
    press: (key) => page.keyboard.press(key),
    waitFor: async (predicate, timeoutMs = 5000) => void (await page.waitForFunction(predicate, undefined, { timeout: timeoutMs })),
    waitForUrl: (test, timeoutMs = 5000) => pollUntil(() => test(page.url()), timeoutMs, 'a URL'),
    screenshot: async (path) => void (await page.screenshot({ path })),
    async trackDialogs() {
      if (tracking) return;
      tracking = true;
      // A 'dialog' listener stops Playwright's auto-dismissal; the DevTools events say when a
      // dialog really closes (also when the browser closes it because the tab navigated).
      page.on('dialog', () => {});
      cdp = await page.context().newCDPSession(page);
      cdp.on('Page.javascriptDialogOpening', (event) => tracker.opened(event.message));
      cdp.on('Page.javascriptDialogClosed', () => tracker.closed());
      await cdp.send('Page.enable');
    },
    dialogs: () => structuredClone(tracker.record),
    async dismissOpenDialog() {
      if (!cdp) throw new Error('call trackDialogs() first');
      // Fails with "No dialog is showing" when there is none.
      return cdp.send('Page.handleJavaScriptDialog', { accept: false }).then(
        () => true,
        () => false,
      );
    },
    bringToFront: () => page.bringToFront(),
    onDialog: (handler) =>
      void page.on('dialog', (dialog) =>
        handler({ type: dialog.type(), message: dialog.message(), accept: () => dialog.accept(), dismiss: () => dialog.dismiss() }),
      ),
    onPopup: (handler) => void page.on('popup', (popup) => handler(wrapPlaywright(popup))),
    close: () => page.close({ runBeforeUnload: false }),
    async evaluateInContentScript(expression) {
      const session = await page.context().newCDPSession(page);
      try {
        const contexts: { id: number; origin: string; auxData?: { frameId?: string; isDefault?: boolean } }[] = [];
        session.on('Runtime.executionContextCreated', (event) => contexts.push(event.context));
        await session.send('Runtime.enable');
        const { frameTree } = await session.send('Page.getFrameTree');
        const world = contexts.find(
          (c) => c.origin.startsWith('chrome-extension://') && c.auxData?.frameId === frameTree.frame.id && c.auxData?.isDefault === false,
        );
        if (!world) throw new Error('no content-script world in this page');
        const { result, exceptionDetails } = await session.send('Runtime.evaluate', { expression, contextId: world.id, awaitPromise: true, returnByValue: true });
        if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
        return result.value as unknown;
      } finally {
        await session.detach().catch(() => {});
      }
    },
  };
}

// Firefox never reports a moz-extension:// navigation as finished over BiDi, so for
// extension pages we start the navigation and wait for the document ourselves.
/** Pages the tests opened at an extension address: BiDi keeps reporting them as about:blank. */
const extensionPages = new WeakSet<PuppeteerPage>();

async function gotoPuppeteer(page: PuppeteerPage, url: string): Promise<void> {
  if (!url.startsWith('moz-extension:')) {
    extensionPages.delete(page);
    await page.goto(url, { waitUntil: 'load' });
    return;
  }
  extensionPages.add(page);
  page.goto(url, { waitUntil: 'load', timeout: 60_000 }).catch(() => {});
  const loaded = async () => {
    try {
      const [href, state] = await page.evaluate(() => [location.href, document.readyState]);
      return href === url && state === 'complete';
    } catch {
      return false;
    }
  };
  await pollUntil(loaded, 10_000, `navigation to ${url}`);
}

interface BidiPromptEvent {
  context: string;
  message?: string;
}
interface BidiConnection {
  on(event: string, listener: (params: BidiPromptEvent) => void): void;
  send(method: string, params: object): Promise<unknown>;
}

const contextOf = (page: PuppeteerPage) => (page.mainFrame() as unknown as { _id: string })._id;
const connectionOf = (page: PuppeteerPage) => (page.browser() as unknown as { connection: BidiConnection }).connection;

function wrapPuppeteer(page: PuppeteerPage): TestPage {
  const tracker = dialogTracker();
  let tracking = false;
  // Dismiss alert/confirm/prompt like Playwright does by default, so tests behave the same in
  // both browsers, unless the test tracks dialogs (then they stay open, as for a real user)
  // or answers them itself (onDialog).
  let answeredByTest = false;
  page.on('dialog', (dialog) => {
    if (!tracking && !answeredByTest) void dialog.dismiss().catch(() => {});
  });
  return {
    goto: (url) => gotoPuppeteer(page, url),
    url: () => page.evaluate(() => location.href).catch(() => page.url()),
    evaluate: (fn) => page.evaluate(fn as () => never),
    click: (x, y, options) => page.mouse.click(x, y, { button: options?.button ?? 'left' }),
    // Playwright-style chords ('Control+u'), which puppeteer's press() does not take.
    async press(chord) {
      const keys = chord.length > 1 ? chord.split('+') : [chord];
      const key = keys.pop() as string;
      for (const modifier of keys) await page.keyboard.down(modifier as never);
      await page.keyboard.press(key as never);
      for (const modifier of keys.reverse()) await page.keyboard.up(modifier as never);
    },
    waitFor: async (predicate, timeoutMs = 5000) =>
      void (await page.waitForFunction(predicate, { timeout: timeoutMs, polling: 50 })),
    waitForUrl: (test, timeoutMs = 5000) =>
      pollUntil(async () => test(await page.evaluate(() => location.href).catch(() => page.url())), timeoutMs, 'a URL'),
    screenshot: async (path) => void (await page.screenshot({ path: path as `${string}.png` })),
    async trackDialogs() {
      if (tracking) return;
      tracking = true;
      // Puppeteer's BiDi session leaves prompts open ('ignore'); its Dialog objects do not
      // report closing, so listen to the protocol's own prompt events for this tab.
      const context = contextOf(page);
      const connection = connectionOf(page);
      connection.on('browsingContext.userPromptOpened', (event) => {
        if (event.context === context) tracker.opened(event.message ?? '');
      });
      connection.on('browsingContext.userPromptClosed', (event) => {
        if (event.context === context) tracker.closed();
      });
    },
    dialogs: () => structuredClone(tracker.record),
    async dismissOpenDialog() {
      if (!tracking) throw new Error('call trackDialogs() first');
      // Fails with "no such alert" when there is none.
      return connectionOf(page)
        .send('browsingContext.handleUserPrompt', { context: contextOf(page), accept: false })
        .then(
          () => true,
          () => false,
        );
    },
    bringToFront: () => page.bringToFront(),
    onDialog(handler) {
      answeredByTest = true;
      page.on('dialog', (dialog) =>
        handler({ type: dialog.type(), message: dialog.message(), accept: () => dialog.accept(), dismiss: () => dialog.dismiss() }),
      );
    },
    onPopup: (handler) => void page.on('popup', (popup) => popup && handler(wrapPuppeteer(popup))),
    close: () => page.close({ runBeforeUnload: false }),
    evaluateInContentScript: () => Promise.reject(new Error('Firefox does not expose content-script sandboxes to WebDriver BiDi')),
  };
}

/** Chromium profile preferences with `origins` allowed to show notifications (as the user's "Allow" stores it). */
function withNotificationGrants(preferences: Record<string, unknown>, origins: string[]): Record<string, unknown> {
  if (!origins.length) return preferences;
  const exceptions: Record<string, unknown> = {};
  for (const origin of origins) {
    const url = new URL(origin);
    const port = url.port || (url.protocol === 'https:' ? '443' : '80');
    exceptions[`${url.protocol}//${url.hostname}:${port},*`] = { setting: 1, last_modified: '13300000000000000' };
  }
  return { ...preferences, profile: { content_settings: { exceptions: { notifications: exceptions } } } };
}

async function launchChromium(options: LaunchOptions, extensionDir: string): Promise<ExtensionBrowser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'fwb-chromium-'));
  const preferences = withNotificationGrants(options.chromiumPreferences ?? {}, options.notificationsGranted ?? []);
  if (Object.keys(preferences).length) {
    mkdirSync(join(userDataDir, 'Default'));
    writeFileSync(join(userDataDir, 'Default', 'Preferences'), JSON.stringify(preferences));
  }
  const context: BrowserContext = await chromium.launchPersistentContext(userDataDir, {
    executablePath: browserPath('chromium'),
    headless: options.headless ?? true,
    viewport: options.viewport ?? { width: 1280, height: 800 },
    ...(options.downloadsDir ? { acceptDownloads: true, downloadsPath: options.downloadsDir } : {}),
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      `--proxy-server=http://127.0.0.1:${options.proxyPort}`,
      '--proxy-bypass-list=<-loopback>',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-features=HttpsUpgrades,HttpsFirstBalancedModeAutoEnable',
      '--autoplay-policy=no-user-gesture-required',
      ...(options.chromiumArgs ?? []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionOrigin = /^chrome-extension:\/\/[a-p]{32}\//.exec(worker.url())?.[0];
  if (!extensionOrigin) throw new Error(`Unexpected service worker URL ${worker.url()}`);
  if (options.downloadsDir) {
    // Playwright saves downloads under random names ('allowAndName'); 'allow' keeps the
    // real file name, as a user's browser does, so the extension sees 'AnyDesk.exe'.
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: options.downloadsDir, eventsEnabled: true });
  }
  return {
    name: 'chromium',
    extensionOrigin,
    async newPage(url) {
      const page = wrapPlaywright(await context.newPage());
      if (url) await page.goto(url);
      return page;
    },
    pages: async () => context.pages().map(wrapPlaywright),
    closed: new Promise((done) => context.once('close', () => done())),
    async restartBackground() {
      const helper = await context.newPage();
      try {
        const cdp = await context.newCDPSession(helper);
        const { targetInfos } = await cdp.send('Target.getTargets');
        const workers = targetInfos.filter((target) => target.type === 'service_worker' && target.url.startsWith(extensionOrigin));
        if (!workers.length) throw new Error('The extension service worker is not running');
        for (const worker of workers) await cdp.send('Target.closeTarget', { targetId: worker.targetId });
        await pollUntil(
          async () => !(await cdp.send('Target.getTargets')).targetInfos.some((t) => t.type === 'service_worker' && t.url.startsWith(extensionOrigin)),
          5000,
          'the service worker to stop',
        );
      } finally {
        await helper.close();
      }
    },
    async onRequest(handler) {
      context.on('request', (request) => {
        let source: ObservedRequest['source'] = 'page';
        const worker = request.serviceWorker();
        if (worker) source = worker.url().startsWith(extensionOrigin) ? 'extension' : 'worker';
        else {
          try {
            if (request.frame().url().startsWith(extensionOrigin)) source = 'extension';
          } catch {
            source = 'worker';
          }
        }
        handler({ url: request.url(), method: request.method(), source });
      });
    },
    async pageAt(url, timeoutMs = 10_000) {
      let found: PlaywrightPage | undefined;
      await pollUntil(() => Boolean((found = context.pages().find((page) => page.url() === url))), timeoutMs, `a page at ${url}`);
      return wrapPlaywright(found as PlaywrightPage);
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Firefox saves every download to `dir` without a dialog. */
export function firefoxDownloadPrefs(dir: string): Record<string, unknown> {
  return {
    'browser.download.folderList': 2,
    'browser.download.dir': dir,
    'browser.download.useDownloadDir': true,
    'browser.download.always_ask_before_handling_new_types': false,
    'browser.helperApps.neverAsk.saveToDisk': 'application/octet-stream',
    'browser.download.alwaysOpenPanel': false,
  };
}

async function launchFirefox(options: LaunchOptions, extensionDir: string): Promise<ExtensionBrowser> {
  const browser: PuppeteerBrowser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: browserPath('firefox'),
    protocol: 'webDriverBiDi',
    headless: true,
    // Firefox 153+ lets WebDriver open moz-extension:// pages only with system access.
    args: ['--remote-allow-system-access'],
    defaultViewport: options.viewport ?? { width: 1280, height: 800 },
    extraPrefsFirefox: {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': options.proxyPort,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': options.proxyPort,
      'network.proxy.allow_hijacking_localhost': true,
      'network.proxy.no_proxies_on': '',
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'dom.security.https_first': false,
      // Quiet the browser's own background services; the proxy refuses them anyway.
      'app.update.enabled': false,
      'app.normandy.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'browser.safebrowsing.downloads.enabled': false,
      'browser.safebrowsing.provider.mozilla.updateURL': '',
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      'services.settings.server': 'http://127.0.0.1:1/',
      'extensions.getAddons.cache.enabled': false,
      'extensions.update.enabled': false,
      'browser.region.network.url': '',
      'browser.topsites.contile.enabled': false,
      'browser.newtabpage.activity-stream.feeds.system.topstories': false,
      'network.dns.disablePrefetch': true,
      'network.prefetch-next': false,
      'media.autoplay.default': 0,
      'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_EXTENSION_ID]: FIREFOX_EXTENSION_UUID }),
      ...(options.downloadsDir ? firefoxDownloadPrefs(options.downloadsDir) : {}),
      ...options.firefoxPrefs,
    },
  });
  await browser.installExtension(extensionDir);
  for (const origin of options.notificationsGranted ?? []) {
    await browser.defaultBrowserContext().setPermission(origin, { permission: { name: 'notifications' }, state: 'granted' });
  }
  return {
    name: 'firefox',
    extensionOrigin: `moz-extension://${FIREFOX_EXTENSION_UUID}/`,
    async newPage(url) {
      const page = wrapPuppeteer(await browser.newPage());
      if (url) await page.goto(url);
      return page;
    },
    pages: async () => (await browser.pages()).map(wrapPuppeteer),
    closed: new Promise((done) => browser.once('disconnected', () => done())),
    async restartBackground() {
      const origin = `moz-extension://${FIREFOX_EXTENSION_UUID}/`;
      const page = wrapPuppeteer(await browser.newPage());
      await page.goto(`${origin}src/ui/options/index.html`);
      // The page goes away with the reload; the call never answers.
      void page.evaluate(() => void (globalThis as unknown as { browser: { runtime: { reload(): void } } }).browser.runtime.reload()).catch(() => {});
      const answers = async () => {
        const probe = wrapPuppeteer(await browser.newPage());
        try {
          await probe.goto(`${origin}src/ui/options/index.html`);
          return await probe.evaluate(async () => {
            const api = (globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean }> } } }).browser;
            return (await api.runtime.sendMessage({ type: 'history-list', payload: {} }))?.ok === true;
          });
        } catch {
          return false;
        } finally {
          await probe.close().catch(() => {});
        }
      };
      // The reload closes the extension's pages: once this one is gone, the old background is too.
      await pollUntil(() => page.evaluate(() => false).catch(() => true), 10_000, 'the extension to unload');
      await pollUntil(answers, 15_000, 'the reloaded extension to answer');
    },
    async onRequest(handler) {
      const origin = `moz-extension://${FIREFOX_EXTENSION_UUID}/`;
      const watched = new WeakSet<PuppeteerPage>();
      const watch = (page: PuppeteerPage | null) => {
        if (!page || watched.has(page)) return;
        watched.add(page);
        page.on('request', (request) => {
          let frameUrl = '';
          try {
            frameUrl = request.frame()?.url() ?? '';
          } catch {
            // A frame already gone.
          }
          // A fetch() of an extension page comes without a frame, and BiDi reports such pages as about:blank.
          const fromExtension = frameUrl.startsWith(origin) || page.url().startsWith(origin) || extensionPages.has(page);
          handler({ url: request.url(), method: request.method(), source: fromExtension ? 'extension' : 'page' });
        });
      };
      browser.on('targetcreated', (target) => void target.page().then(watch, () => {}));
      for (const page of await browser.pages()) watch(page);
    },
    async pageAt(url, timeoutMs = 10_000) {
      let found: PuppeteerPage | undefined;
      // page.url() here, not the wrapper's url(): evaluating in every open page could hang on a busy one.
      const check = async () => Boolean((found = (await browser.pages()).find((page) => page.url() === url)));
      await pollUntil(check, timeoutMs, `a page at ${url}`);
      return wrapPuppeteer(found as PuppeteerPage);
    },
    close: () => browser.close(),
  };
}

export function distDir(name: BrowserName): string {
  const root = process.env.FWB_DIST_DIR ?? resolve(import.meta.dirname, '../../dist');
  return resolve(root, name === 'chromium' ? 'chrome' : 'firefox');
}

/** Launches the browser with the built extension loaded, as a user would have it. */
export function launchWithExtension(name: BrowserName, options: LaunchOptions): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir ?? distDir(name);
  return name === 'chromium' ? launchChromium(options, extensionDir) : launchFirefox(options, extensionDir);
}
