// One small interface over playwright-core (Chromium) and puppeteer-core over
// WebDriver BiDi (Firefox), so every end-to-end test runs unchanged in both.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page as PlaywrightPage } from 'playwright-core';
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
  click(x: number, y: number): Promise<void>;
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
  /** Closes the page without running beforeunload handlers. */
  close(): Promise<void>;
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
  /** Waits for the page at exactly `url` (e.g. a window an extension page opened) and returns it. */
  pageAt(url: string, timeoutMs?: number): Promise<TestPage>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  extensionDir?: string;
  /** The local test server's port: every request goes through it as a proxy. */
  proxyPort: number;
  /** Firefox only: extra preferences (e.g. policies for enterprise tests). */
  firefoxPrefs?: Record<string, unknown>;
  chromiumArgs?: string[];
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
  return {
    goto: async (url) => void (await page.goto(url, { waitUntil: 'load' })),
    url: async () => page.url(),
    evaluate: (fn) => page.evaluate(fn as () => never),
    click: (x, y) => page.mouse.click(x, y),
    press: (key) => page.keyboard.press(key),
    waitFor: async (predicate, timeoutMs = 5000) => void (await page.waitForFunction(predicate, undefined, { timeout: timeoutMs })),
    waitForUrl: (test, timeoutMs = 5000) => pollUntil(() => test(page.url()), timeoutMs, 'a URL'),
    screenshot: async (path) => void (await page.screenshot({ path })),
    bringToFront: () => page.bringToFront(),
    onDialog: (handler) =>
      void page.on('dialog', (dialog) =>
        handler({ type: dialog.type(), message: dialog.message(), accept: () => dialog.accept(), dismiss: () => dialog.dismiss() }),
      ),
    onPopup: (handler) => void page.on('popup', (popup) => handler(wrapPlaywright(popup))),
    close: () => page.close({ runBeforeUnload: false }),
  };
}

// Firefox never reports a moz-extension:// navigation as finished over BiDi, so for
// extension pages we start the navigation and wait for the document ourselves.
async function gotoPuppeteer(page: PuppeteerPage, url: string): Promise<void> {
  if (!url.startsWith('moz-extension:')) {
    await page.goto(url, { waitUntil: 'load' });
    return;
  }
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

function wrapPuppeteer(page: PuppeteerPage): TestPage {
  return {
    goto: (url) => gotoPuppeteer(page, url),
    url: () => page.evaluate(() => location.href).catch(() => page.url()),
    evaluate: (fn) => page.evaluate(fn as () => never),
    click: (x, y) => page.mouse.click(x, y),
    press: (key) => page.keyboard.press(key as never),
    waitFor: async (predicate, timeoutMs = 5000) =>
      void (await page.waitForFunction(predicate, { timeout: timeoutMs, polling: 50 })),
    waitForUrl: (test, timeoutMs = 5000) =>
      pollUntil(async () => test(await page.evaluate(() => location.href).catch(() => page.url())), timeoutMs, 'a URL'),
    screenshot: async (path) => void (await page.screenshot({ path: path as `${string}.png` })),
    bringToFront: () => page.bringToFront(),
    onDialog: (handler) =>
      void page.on('dialog', (dialog) =>
        handler({ type: dialog.type(), message: dialog.message(), accept: () => dialog.accept(), dismiss: () => dialog.dismiss() }),
      ),
    onPopup: (handler) => void page.on('popup', (popup) => popup && handler(wrapPuppeteer(popup))),
    close: () => page.close({ runBeforeUnload: false }),
  };
}

async function launchChromium(options: LaunchOptions, extensionDir: string): Promise<ExtensionBrowser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'fwb-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(userDataDir, {
    executablePath: browserPath('chromium'),
    headless: true,
    viewport: options.viewport ?? { width: 1280, height: 800 },
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
  return {
    name: 'chromium',
    extensionOrigin,
    async newPage(url) {
      const page = wrapPlaywright(await context.newPage());
      if (url) await page.goto(url);
      return page;
    },
    pages: async () => context.pages().map(wrapPlaywright),
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
      ...options.firefoxPrefs,
    },
  });
  await browser.installExtension(extensionDir);
  return {
    name: 'firefox',
    extensionOrigin: `moz-extension://${FIREFOX_EXTENSION_UUID}/`,
    async newPage(url) {
      const page = wrapPuppeteer(await browser.newPage());
      if (url) await page.goto(url);
      return page;
    },
    pages: async () => (await browser.pages()).map(wrapPuppeteer),
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
