// The Firefox part: figures Firefox lets a test read, i.e. page-load time with and
// without the extension (a sample of the benign corpus) and detection latency on the
// scam corpus. Firefox offers no per-extension main-thread attribution or background
// heap over WebDriver BiDi, so those stay Chromium-only.
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { browserPath } from '../support/browser-paths';
import { FIREFOX_EXTENSION_ID } from '../support/extension-browser';
import type { TestServer } from '../support/server';
import { sample, type BenchCase } from './corpus';
import { measureLatency, type BeaconBox, type Driver, type LatencyResult } from './latency';
import type { BenchOptions } from './options';
import { median, summarize, type Summary } from './stats';
import { BEFORE_CLICK_MS, VIEWPORT } from './run-chromium';

const UUID = '8d0c1f6e-5b3a-4c2e-9f71-0a6b2d4e8c35';
const NAVIGATION_TIMEOUT_MS = 20_000;

export interface FirefoxReport {
  benign: { pages: { id: string; withMs: number | null; withoutMs: number | null; ratio: number | null }[]; loadRatioMedian: number | null; loadRatios: Summary } | null;
  seconds: number;
  scam: { cases: LatencyResult[]; baseline: LatencyResult[]; clickToExitMs: Summary; clickToWarningMs: Summary; blockedBeforeClick: number; noBlock: number } | null;
}

const started = Date.now();
const log = (text: string) => console.log(`bench[firefox] ${Math.round((Date.now() - started) / 1000)} s: ${text}`);

async function launchFirefox(proxyPort: number, extensionDir: string | null): Promise<Browser> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: browserPath('firefox'),
    protocol: 'webDriverBiDi',
    headless: true,
    args: ['--remote-allow-system-access'],
    defaultViewport: VIEWPORT,
    extraPrefsFirefox: {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxyPort,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxyPort,
      'network.proxy.allow_hijacking_localhost': true,
      'network.proxy.no_proxies_on': '',
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'dom.security.https_first': false,
      'app.update.enabled': false,
      'app.normandy.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      'services.settings.server': 'http://127.0.0.1:1/',
      'extensions.update.enabled': false,
      'network.dns.disablePrefetch': true,
      'network.prefetch-next': false,
      'media.autoplay.default': 0,
      'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_EXTENSION_ID]: UUID }),
    },
  });
  if (extensionDir) await browser.installExtension(extensionDir);
  return browser;
}

function guard(page: Page): void {
  page.on('dialog', (dialog) => void (dialog.type() === 'beforeunload' ? dialog.accept() : dialog.dismiss()).catch(() => {}));
}

const href = (page: Page) => page.evaluate(() => location.href).catch(() => page.url());

function firefoxDriver(browser: Browser, withExtension: boolean): Driver {
  return {
    warningPrefix: withExtension ? `moz-extension://${UUID}/src/ui/warning/` : null,
    otherUrls: async () => Promise.all((await browser.pages()).map(href)),
    async newPage() {
      const page = await browser.newPage();
      guard(page);
      return {
        goto: async (url, timeoutMs) => void (await page.goto(url, { waitUntil: 'load', timeout: timeoutMs })),
        evaluate: <T>(source: string) => page.evaluate(source) as Promise<T>,
        click: (x, y) => page.mouse.click(x, y),
        url: () => href(page),
        close: () => page.close(),
      };
    },
  };
}

async function loadMs(page: Page, url: string): Promise<number | null> {
  try {
    await page.goto(url, { waitUntil: 'load', timeout: NAVIGATION_TIMEOUT_MS });
    const handle = await page.waitForFunction(
      () => {
        const entry = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
        return entry && entry.loadEventEnd > 0 ? entry.loadEventEnd : false;
      },
      { timeout: 5000, polling: 20 },
    );
    return (await handle.jsonValue()) as number;
  } catch {
    return null;
  }
}

export async function runFirefox(
  server: TestServer,
  extensionDir: string,
  corpus: { benign: BenchCase[]; scam: BenchCase[] },
  beacons: BeaconBox,
  options: BenchOptions,
): Promise<FirefoxReport> {
  const report: FirefoxReport = { benign: null, scam: null, seconds: 0 };
  const start = Date.now();
  const base = await launchFirefox(server.port, null);
  const ext = await launchFirefox(server.port, extensionDir);
  try {
    if (options.sections.includes('benign') && corpus.benign.length) {
      log(`benign: loading ${corpus.benign.length} pages with and without the extension, ${options.reps} passes`);
      const basePage = await base.newPage();
      const extPage = await ext.newPage();
      guard(basePage);
      guard(extPage);
      const pages = corpus.benign.map((kase) => ({ id: kase.id, url: kase.url, with: [] as number[], without: [] as number[] }));
      for (let rep = 0; rep < options.reps; rep++) {
        for (const [index, page] of pages.entries()) {
          const order: [Page, number[]][] = [
            [basePage, page.without],
            [extPage, page.with],
          ];
          if ((index + rep) % 2) order.reverse();
          for (const [tab, into] of order) {
            const ms = await loadMs(tab, page.url);
            if (ms !== null) into.push(ms);
            await tab.goto('about:blank').catch(() => {});
          }
        }
      }
      const rows = pages.map((page) => {
        const withMs = page.with.length ? Math.min(...page.with) : null;
        const withoutMs = page.without.length ? Math.min(...page.without) : null;
        return { id: page.id, withMs, withoutMs, ratio: withMs !== null && withoutMs ? withMs / withoutMs : null };
      });
      const ratios = rows.map((row) => row.ratio).filter((value): value is number => value !== null);
      report.benign = { pages: rows, loadRatioMedian: median(ratios), loadRatios: summarize(ratios) };
    }
    if (options.sections.includes('scam') && corpus.scam.length) {
      log(`scam: clicking ${corpus.scam.length} pages`);
      const timing = { navigationTimeoutMs: NAVIGATION_TIMEOUT_MS, viewport: VIEWPORT, beforeClickMs: BEFORE_CLICK_MS };
      const cases: LatencyResult[] = [];
      const baseline: LatencyResult[] = [];
      const baselineIds = new Set(sample(corpus.scam, Math.ceil(options.baselineScamCount / 2)).map((kase) => kase.id));
      const keep = new Set([...(await base.pages()), ...(await ext.pages())]);
      const closePopups = async () => {
        for (const page of [...(await base.pages()), ...(await ext.pages())]) if (!keep.has(page)) await page.close().catch(() => {});
      };
      for (const kase of corpus.scam) {
        cases.push(await measureLatency(firefoxDriver(ext, true), beacons, kase, { ...timing, afterClickMs: options.blockWaitMs }));
        await closePopups();
        if (baselineIds.has(kase.id)) baseline.push(await measureLatency(firefoxDriver(base, false), beacons, kase, { ...timing, afterClickMs: 300 }));
        await closePopups();
      }
      const values = (pick: (result: LatencyResult) => number | null) => cases.map(pick).filter((value): value is number => value !== null);
      report.scam = {
        cases,
        baseline,
        clickToExitMs: summarize(values((result) => result.clickToExitMs)),
        clickToWarningMs: summarize(values((result) => result.clickToWarningMs)),
        blockedBeforeClick: cases.filter((result) => result.blockedBeforeClick).length,
        noBlock: cases.filter((result) => !result.blockedBeforeClick && result.clickToWarningMs === null).length,
      };
    }
  } finally {
    await base.close().catch(() => {});
    await ext.close().catch(() => {});
    report.seconds = Math.round((Date.now() - start) / 1000);
  }
  return report;
}
