// Privacy: browsing the corpus (real scam kits and ordinary pages) with the extension
// installed, the extension ITSELF makes no network request at all. Pages make plenty; the
// question is who asked. Two independent checks:
//  1. Every request reaches the local proxy (the browsers have no other way out). Each one is
//     matched against the requests the browser reports for its web pages (frames and popups
//     too: Playwright / WebDriver BiDi network events). What no web page explains came from
//     somewhere else: the extension's service worker or pages, or the browser's own services
//     (known hosts, favicons). A canary fetch from an extension page at the end proves the
//     method notices what it should.
//  2. No request carries an extension origin (Origin/Referer chrome-extension:// or moz-extension://).
// Content scripts and the probe run inside pages, so their requests would be reported as the
// page's: the static check below shows their bundles hold no way to make one.
//
// CI runs a sample (two cases per family, ~1 min per browser); the whole corpus:
//   FWB_CORPUS_FULL=1 npx vitest run --project e2e tests/e2e/network-silence.test.ts   (npm run test:network-corpus)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseServer } from '../evaluate/case-server';
import { type CorpusCase, loadCorpus } from '../evaluate/corpus';
import { distDir, type ObservedRequest, type TestPage } from '../support/extension-browser';
import { openExtensionPage } from '../support/extension-api';
import { BROWSER_SERVICE_HOSTS, type RequestRecord } from '../support/server';
import { BROWSERS, openSession, type Session } from '../support/session';
import { pause } from '../support/warning-helpers';
import { CORPUS_DIR, corpusAvailable } from '../unit/support/corpus';

const FULL = process.env.FWB_CORPUS_FULL === '1';
/** Cases per corpus family in the CI sample (FWB_CORPUS_PER_FAMILY=1 halves the run). */
const PER_FAMILY = Number(process.env.FWB_CORPUS_PER_FAMILY ?? 2) === 1 ? 1 : 2;
const EXTENSION_ORIGIN = /^(chrome|moz)-extension:/;

if (!corpusAvailable()) {
  console.warn(`\n*** network-silence: no corpus at ${CORPUS_DIR} (set CORPUS_DIR). The corpus browse is SKIPPED. ***\n`);
}

function sample(cases: CorpusCase[]): CorpusCase[] {
  if (FULL) return cases;
  const byFamily = new Map<string, CorpusCase[]>();
  for (const kase of [...cases].sort((a, b) => a.id.localeCompare(b.id))) {
    const key = `${kase.label}/${kase.family}`;
    byFamily.set(key, [...(byFamily.get(key) ?? []), kase]);
  }
  return [...byFamily.values()].flatMap((family) =>
    family.length <= PER_FAMILY ? family : ((PER_FAMILY === 1 ? [family[0]] : [family[0], family[family.length - 1]]) as CorpusCase[]),
  );
}

/** The request as the proxy sees it: CONNECT host for https, method + host + path for http. */
function proxyKey(record: RequestRecord): string {
  return record.method === 'CONNECT' ? `CONNECT ${record.host}` : `${record.method} ${record.host}${record.path}`;
}
function observedKey(request: ObservedRequest): string | null {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return null;
  }
  if (url.protocol === 'https:') return `CONNECT ${url.hostname}`;
  if (url.protocol !== 'http:') return null;
  return `${request.method} ${url.hostname}${url.pathname}${url.search}`;
}

/** Proxy requests no web page's reported request explains (browser service traffic aside). */
function unexplained(records: RequestRecord[], pageRequests: ObservedRequest[]): RequestRecord[] {
  const available = new Map<string, number>();
  for (const request of pageRequests) {
    const key = observedKey(request);
    if (key) available.set(key, (available.get(key) ?? 0) + 1);
  }
  // A tunnel (https, wss) shows the proxy its host only: one to a host the pages talked to is
  // theirs (the browsers open several per host, and drivers do not report WebSockets as requests).
  const pageHosts = new Set(pageRequests.flatMap((request) => (URL.canParse(request.url) ? [new URL(request.url).hostname] : [])));
  return records.filter((record) => {
    if (BROWSER_SERVICE_HOSTS.test(record.host)) return false;
    if (record.method === 'CONNECT' && pageHosts.has(record.host)) return false;
    const key = proxyKey(record);
    const left = available.get(key) ?? 0;
    if (left > 0) {
      available.set(key, left - 1);
      return false;
    }
    // The browser fetches a page's icon by itself (/favicon.ico or its <link rel=icon>), as a page load.
    return !(record.method === 'GET' && /\.ico(\?|$)|favicon/i.test(record.path) && pageHosts.has(record.host));
  });
}

describe.each(['chrome', 'firefox'] as const)('the %s content script and probe', (target) => {
  it('hold no way to make a network request', () => {
    const dir = join(distDir(target === 'chrome' ? 'chromium' : 'firefox'), 'src');
    const files: string[] = [];
    const walk = (at: string) => {
      for (const entry of readdirSync(at, { withFileTypes: true })) {
        if (entry.isDirectory()) walk(join(at, entry.name));
        else if (/\/(content|probe)\/.*\.js$/.test(join(at, entry.name))) files.push(join(at, entry.name));
      }
    };
    expect(existsSync(dir), `${dir}: run npm run build first`).toBe(true);
    walk(dir);
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const file of files) {
      const code = readFileSync(file, 'utf8');
      for (const api of [/\bfetch\(/, /XMLHttpRequest/, /sendBeacon/, /WebSocket/, /EventSource/, /\bnew Image\b/, /importScripts/, /\burl\(/i, /\.src\s*=/, /\bsetAttribute\(\s*["'](src|href|srcset|poster|data)["']/]) {
        expect(code, `${file} contains ${api}`).not.toMatch(api);
      }
    }
  });
});

describe.skipIf(!corpusAvailable()).each(BROWSERS)('browsing the corpus in %s', (browserName) => {
  let session: Session;
  let cases: CorpusCase[];
  let caseServer: CaseServer;
  const pageRequests: ObservedRequest[] = [];
  const extensionRequests: ObservedRequest[] = [];

  beforeAll(async () => {
    cases = sample(loadCorpus(CORPUS_DIR));
    session = await openSession(browserName);
    caseServer = new CaseServer(session.server);
    await session.browser.onRequest((request) => {
      // Only what goes over the network: not the extension's own files, data: or blob: URLs.
      if (!/^(https?|wss?):/.test(request.url)) return;
      (request.source === 'extension' ? extensionRequests : pageRequests).push(request);
    });
  });
  afterAll(async () => session?.close());

  it('the extension itself sends nothing while pages (scam kits among them) load, get clicked and get blocked', async () => {
    const start = session.server.requests.length;
    const started = Date.now();
    for (const kase of cases) {
      caseServer.activate(kase);
      let page: TestPage | undefined;
      try {
        page = await session.browser.newPage();
        page.onPopup((popup) => void popup.close().catch(() => {}));
        await Promise.race([page.goto(kase.url.href).catch(() => {}), pause(15_000)]);
        await page.bringToFront().catch(() => {});
        await Promise.race([page.click(400, 300).catch(() => {}), pause(5000)]);
        await pause(1500);
      } finally {
        await page?.close().catch(() => {});
        caseServer.deactivate(kase);
      }
    }
    await pause(1000);
    const records = session.server.requests.slice(start);
    const fromExtensionOrigin = records.filter((record) => EXTENSION_ORIGIN.test(record.origin ?? '') || EXTENSION_ORIGIN.test(record.referer ?? ''));
    const left = unexplained(records, pageRequests);
    console.log(
      `[network] ${browserName}: ${cases.length} cases in ${Math.round((Date.now() - started) / 1000)} s, ${records.length} requests at the proxy, ` +
        `${pageRequests.length} reported for pages, unexplained ${left.length}, with an extension origin ${fromExtensionOrigin.length}, from extension contexts ${extensionRequests.length}`,
    );
    expect(left.map(proxyKey)).toEqual([]);
    expect(fromExtensionOrigin.map(proxyKey)).toEqual([]);
    expect(extensionRequests).toEqual([]);

    // The canary: a request an extension page makes is one of those the method must notice.
    const control = await openExtensionPage(session.browser);
    const before = session.server.requests.length;
    const canaryOutcome = await control.evaluate(`fetch('http://canary.fwb.test/from-an-extension-page').then((r) => 'status ' + r.status, (e) => String(e))`);
    await pause(1000);
    const canary = session.server.requests.slice(before);
    const noticed = unexplained(canary, pageRequests).map(proxyKey);
    const byOrigin = canary.filter((record) => EXTENSION_ORIGIN.test(record.origin ?? '') || EXTENSION_ORIGIN.test(record.referer ?? ''));
    console.log(`[network] ${browserName}: canary (${String(canaryOutcome)}) noticed as unexplained ${JSON.stringify(noticed)}, by origin ${byOrigin.length}, by the driver ${extensionRequests.length}`);
    expect(noticed).toContain('GET canary.fwb.test/from-an-extension-page');
    await control.close();
  }, FULL ? 3_600_000 : 600_000);
});
