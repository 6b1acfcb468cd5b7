// The extension's own security (issue #11): what the built packages expose and ask for, and
// what a hostile page can make the extension's pages do. Static checks read dist/ (build
// first); the rest runs in both browsers.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findTabId, openExtensionPage, sendFromExtensionPage } from '../support/extension-api';
import { distDir, type TestPage } from '../support/extension-browser';
import { BROWSERS, FIXTURE_ORIGIN, openSession, type Session } from '../support/session';
import { blockRecord, getLocal, pause, setUserSettings, waitInPage } from '../support/warning-helpers';

const WARNING_PATH = 'src/ui/warning/index.html';

type Manifest = Record<string, unknown> & { permissions?: string[]; host_permissions?: string[]; content_security_policy?: { extension_pages?: string } };

/**
 * Why each permission is asked for, and where the built code uses it. A permission the
 * manifest asks for without an entry here, or whose API the bundles never call, fails.
 */
const PERMISSION_USES: Record<string, { why: string; uses: RegExp[] }> = {
  storage: { why: 'settings, history and the report queue (local), per-tab detection state (session), enterprise policy (managed)', uses: [/\.storage\.local\./, /\.storage\.session\./, /\.storage\.managed\./] },
  tabs: { why: 'the address and title of tabs (tabs.get/query, onUpdated): which page a verdict, a report or a download is about', uses: [/\.tabs\.(get|query)\(/, /\.tabs\.onUpdated\.addListener/] },
  alarms: { why: 'retrying undelivered reports after the service worker stopped', uses: [/\.alarms\.create\(/, /\.alarms\.onAlarm\.addListener/] },
  downloads: { why: 'remote-access guard: pause or cancel a remote-control tool download until the user decides', uses: [/\.downloads\.(pause|cancel)\(/, /\.downloads\.onCreated\.addListener/] },
  scripting: { why: 'remote-access guard: read the text of the page a download came from', uses: [/\.scripting\.executeScript\(/] },
  // Chrome build only: Firefox has no contentSettings, and its manifest does not ask for it.
  contentSettings: { why: "notification protection: block or take back one exact origin's notification permission", uses: [/contentSettings\?\.notifications/] },
};
const HOST_PERMISSION_USES: Record<string, { why: string; uses: RegExp[] }> = {
  '<all_urls>': { why: 'thumbnail of the blocked page (tabs.captureVisibleTab), reading the page a download came from (scripting), content scripts on every site', uses: [/\.captureVisibleTab\(/, /\.scripting\.executeScript\(/] },
};

function readDist(target: 'chrome' | 'firefox'): { manifest: Manifest; code: string } {
  const dir = distDir(target === 'chrome' ? 'chromium' : 'firefox');
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`${dir} is missing: run npm run build first`);
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const files: string[] = [];
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(at, entry.name));
      // The polyfill names every API in its metadata: it proves nothing about use.
      else if (entry.name.endsWith('.js') && !entry.name.includes('browser-polyfill')) files.push(join(at, entry.name));
    }
  };
  walk(dir);
  return { manifest, code: files.map((file) => readFileSync(file, 'utf8')).join('\n') };
}

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name as string, values]),
  );
}

describe.each(['chrome', 'firefox'] as const)('the built %s package', (target) => {
  const { manifest, code } = readDist(target);

  it('protects its pages with a strict content security policy', () => {
    const csp = directives(manifest.content_security_policy?.extension_pages ?? '');
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    for (const name of ['object-src', 'base-uri', 'form-action', 'frame-ancestors', 'frame-src']) expect(csp.get(name), name).toEqual(["'none'"]);
    // Pictures only from the package or a data: URL (the blocked page's thumbnail).
    expect(csp.get('img-src')).toEqual(["'self'", 'data:']);
    // Reports only over HTTPS (plain http for loopback and .test, the test receivers).
    expect(csp.get('connect-src')).toEqual(['https:', 'http://127.0.0.1:*', 'http://localhost:*', 'http://*.test:*']);
    for (const [name, values] of csp) {
      for (const value of values) {
        expect(value, name).not.toMatch(/unsafe/);
        expect(['*', 'http:', 'blob:', 'filesystem:'], name).not.toContain(value);
        if (name !== 'img-src') expect(value, name).not.toBe('data:');
      }
    }
    expect(manifest.content_security_policy).not.toHaveProperty('sandbox');
  });

  it('cannot be messaged or probed by web pages: no externally_connectable, no web-accessible files', () => {
    expect(manifest).not.toHaveProperty('externally_connectable');
    // Any file listed would let pages detect the extension; should one ever be needed, Chrome
    // must randomise its URL per session.
    const resources = (manifest.web_accessible_resources ?? []) as { resources: string[]; use_dynamic_url?: boolean }[];
    expect(resources).toEqual([]);
  });

  it('asks only for permissions it uses, each for a stated reason', () => {
    expect(manifest).not.toHaveProperty('optional_permissions');
    expect(manifest).not.toHaveProperty('optional_host_permissions');
    for (const permission of manifest.permissions ?? []) {
      const use = PERMISSION_USES[permission];
      expect(use, `'${permission}' is asked for without a reason in PERMISSION_USES`).toBeDefined();
      for (const pattern of use?.uses ?? []) expect(code, `'${permission}' (${use?.why}): no ${pattern} in the bundles`).toMatch(pattern);
    }
    for (const host of manifest.host_permissions ?? []) {
      const use = HOST_PERMISSION_USES[host];
      expect(use, `host permission '${host}' without a reason`).toBeDefined();
      for (const pattern of use?.uses ?? []) expect(code, `'${host}' (${use?.why}): no ${pattern} in the bundles`).toMatch(pattern);
    }
    // APIs that would need a permission the manifest lacks are not called either (nothing left half-removed).
    // (contentSettings is looked up at run time and absent in Firefox, whose build shares the code.)
    for (const [permission, use] of Object.entries(PERMISSION_USES)) {
      if (permission === 'contentSettings') continue;
      if (!(manifest.permissions ?? []).includes(permission)) for (const pattern of use.uses) expect(code).not.toMatch(pattern);
    }
    expect((manifest.permissions ?? []).includes('contentSettings')).toBe(target === 'chrome');
    for (const api of ['webRequest', 'declarativeNetRequest', 'cookies', 'history', 'bookmarks', 'management', 'nativeMessaging', 'debugger', 'proxy', 'privacy', 'webNavigation', 'notifications']) {
      expect(manifest.permissions ?? [], api).not.toContain(api);
    }
    // Content scripts run on web pages only.
    for (const script of (manifest.content_scripts ?? []) as { matches: string[] }[]) expect(script.matches).toEqual(['http://*/*', 'https://*/*']);
  });
});

describe.each(BROWSERS)('the extension’s own pages against a hostile page in %s', (browserName) => {
  let session: Session;
  let control: TestPage;
  const isWarning = (url: string) => url.startsWith(session.browser.extensionOrigin + WARNING_PATH);

  beforeAll(async () => {
    session = await openSession(browserName);
    control = await openExtensionPage(session.browser);
    await setUserSettings(control, {});
  });
  afterAll(async () => session?.close());

  /** Gets the markup-laden scam page blocked; returns its tab, now showing the warning page. */
  async function blocked(): Promise<{ page: TestPage; tabId: number; blockUrl: string }> {
    const url = `${FIXTURE_ORIGIN}/security/markup-scam.html?q=<svg onload=alert(7)>#<img src=x onerror=alert(8)>`;
    const page = await session.browser.newPage(url);
    const tabId = await findTabId(control, `${FIXTURE_ORIGIN}/security/markup-scam.html`);
    await page.bringToFront();
    await page.click(400, 300);
    await page.waitForUrl(isWarning, 15_000);
    await waitInPage(page, 'the warning page', () => document.documentElement.dataset.state === 'ready');
    return { page, tabId, blockUrl: await page.url() };
  }

  it('shows what the blocked page said only as text, runs nothing it brought, links nowhere it chose', async () => {
    const { page } = await blocked();
    const origin = session.browser.extensionOrigin;
    const shown = await page.evaluate(() => ({
      handlers: [...document.querySelectorAll('*')].flatMap((el) => el.getAttributeNames().filter((name) => name.startsWith('on')).map((name) => `${el.tagName}.${name}`)),
      embedded: document.querySelectorAll('iframe, frame, object, embed, base, form, meta[http-equiv]').length,
      scripts: [...document.scripts].map((script) => ({ type: script.type, src: script.src, inline: script.textContent?.trim() ?? '' })),
      images: [...document.images].map((img) => ({ id: img.id, src: img.getAttribute('src') ?? '' })),
      links: [...document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href),
      reasons: [...document.querySelectorAll('#reasons li')].map((li) => ({ text: li.textContent ?? '', elements: li.children.length })),
      phones: [...document.querySelectorAll('#phones li')].map((li) => li.textContent ?? ''),
      address: document.getElementById('address')?.textContent ?? '',
    }));
    expect(shown.handlers).toEqual([]);
    expect(shown.embedded).toBe(0);
    for (const script of shown.scripts) expect(script).toMatchObject({ type: 'module', src: expect.stringMatching(new RegExp(`^${origin}`)), inline: '' });
    for (const image of shown.images) expect(image.id === 'thumbnail' && (image.src === '' || image.src.startsWith('data:image/jpeg;base64,')), JSON.stringify(image)).toBe(true);
    for (const link of shown.links) expect(link.startsWith(origin), link).toBe(true);
    // Reasons are plain text: no element inside, attacker markup (if echoed) appears as characters.
    for (const reason of shown.reasons) expect(reason.elements, reason.text).toBe(0);
    const speech = shown.reasons.find((reason) => reason.text.includes('onerror'));
    if (speech) expect(speech.text).toContain('<img src=x onerror=alert(6)>');
    console.log(`[security] ${browserName}: reasons shown ${JSON.stringify(shown.reasons.map((r) => r.text))}`);
    expect(shown.phones.join(' ')).toMatch(/888.*555.*0142/);
    expect(shown.address).toContain('fixtures.fwb.test');
    expect(shown.address).not.toContain('<svg');
    await page.close();
  });

  it('enforces its content security policy: no string code, no inline script or handler, no foreign script', async () => {
    const page = await openExtensionPage(session.browser, WARNING_PATH);
    // Planted the way injected markup would act: the page itself runs (or refuses) them later.
    // (Code evaluated by the test driver is exempt from CSP, so eval is tested through setTimeout.)
    const outcome = await page.evaluate(async () => {
      const w = window as unknown as Record<string, unknown>;
      const inline = document.createElement('script');
      inline.textContent = 'window.inlineRan = true';
      document.head.append(inline);
      const holder = document.createElement('div');
      holder.innerHTML = '<img src="data:," onerror="window.handlerRan = true" onload="window.handlerRan = true">';
      document.body.append(holder);
      (setTimeout as unknown as (code: string, ms: number) => void)('window.stringTimerRan = true', 0);
      const remote = document.createElement('script');
      remote.src = 'http://attacker.fwb.test/x.js';
      const remoteLoaded = new Promise<string>((done) => {
        remote.onload = () => done('loaded');
        remote.onerror = () => done('refused');
      });
      document.head.append(remote);
      const result = await remoteLoaded;
      await new Promise((done) => setTimeout(done, 300));
      return { inlineRan: w.inlineRan === true, handlerRan: w.handlerRan === true, stringTimerRan: w.stringTimerRan === true, remote: result };
    });
    expect(outcome).toEqual({ inlineRan: false, handlerRan: false, stringTimerRan: false, remote: 'refused' });
    expect(session.server.requests.some((r) => r.host === 'attacker.fwb.test')).toBe(false);
    await page.close();
  });

  it('a web page can neither open nor frame the warning page, even with a real block id, nor continue past it', async () => {
    const { page: warning, tabId, blockUrl } = await blocked();
    const before = await blockRecord(control, blockUrl);
    expect(before).toBeDefined();
    const attacker = await session.browser.newPage(`${FIXTURE_ORIGIN}/detection/benign-phone-brand.html`);
    const attackerUrl = await attacker.url();
    const tried = await attacker.evaluate(`(async () => {
      const outcome = {};
      const frame = document.createElement('iframe');
      try {
        frame.src = ${JSON.stringify(blockUrl)};
        document.body.append(frame);
        await new Promise((done) => setTimeout(done, 1000));
        try { outcome.framed = frame.contentDocument ? frame.contentDocument.URL : 'no document'; } catch (e) { outcome.framed = 'cross-origin'; }
      } catch (e) { outcome.framed = 'refused: ' + e.message; }
      try { outcome.opened = window.open(${JSON.stringify(blockUrl)}) === null ? 'null' : 'a window'; } catch (e) { outcome.opened = 'refused: ' + e.message; }
      // Asked after this script has answered: the navigation must not race the driver's reply.
      setTimeout(() => { location.href = ${JSON.stringify(blockUrl)}; }, 100);
      outcome.navigated = 'asked';
      return outcome;
    })()`);
    await pause(1500);
    // The attacker's tab did not get the warning page (Chromium shows its own "blocked" error page
    // instead, Firefox stays); the block is untouched (not consumed, not continued).
    const attackerNow = await attacker.url().catch(() => 'unreadable');
    expect(isWarning(attackerNow), attackerNow).toBe(false);
    expect([attackerUrl, 'chrome-error://chromewebdata/']).toContain(attackerNow);
    console.log(`[security] ${browserName}: framing/opening the warning page from a web page: ${JSON.stringify(tried)}`);
    expect(await blockRecord(control, blockUrl)).toEqual(before);
    const sessionKeys = (await control.evaluate(`(async () => Object.keys(await (globalThis.browser ?? globalThis.chrome).storage.session.get(null)))()`)) as string[];
    expect(sessionKeys.filter((key) => key.startsWith('protection-continued'))).toEqual([]);
    expect(await warning.url()).toBe(blockUrl);
    // No other tab shows the warning page: a window the attacker opened holds the browser's error page.
    const locations: string[] = [];
    for (const other of await session.browser.pages()) locations.push(await other.evaluate(() => location.href).catch(() => 'gone'));
    expect(locations.filter(isWarning), JSON.stringify(locations)).toEqual([blockUrl]);
    expect(tabId).toBeGreaterThan(0);
    await attacker.close();
    await warning.close();
  });

  it.runIf(browserName === 'chromium')(
    'from a content script, nothing that changes settings, allow lists or policy, continues past a block or reads history is accepted',
    async () => {
      const { page: warning, blockUrl } = await blocked();
      const blockId = new URL(blockUrl).searchParams.get('block');
      const page = await session.browser.newPage(`${FIXTURE_ORIGIN}/detection/benign-phone-brand.html`);
      const settingsBefore = await getLocal(control, 'userSettings');
      const historyBefore = await getLocal(control, 'history');
      const attempts: [string, unknown][] = [
        ['set-user-settings', { changes: { protectionEnabled: false, allowList: ['fixtures.fwb.test'] } }],
        ['protection-allow-site', { blockId }],
        ['protection-continue', { blockId }],
        ['protection-get-block', { blockId }],
        ['history-list', {}],
        ['history-export', {}],
        ['history-clear', {}],
        ['get-settings-state', {}],
        ['report-page', { url: `${FIXTURE_ORIGIN}/`, blockId }],
        ['set-site-paused', { url: `${FIXTURE_ORIGIN}/`, paused: true }],
        ['get-tab-status', { tabId: 1 }],
      ];
      for (const [type, payload] of attempts) {
        const reply = (await page.evaluateInContentScript(`chrome.runtime.sendMessage(${JSON.stringify({ type, payload })})`)) as { ok: boolean; error?: string };
        expect(reply, type).toEqual({ ok: false, error: `message.type: '${type}' is only accepted from extension pages` });
      }
      // The one thing a content script may ask about protection: whether to start disarmed.
      expect(await page.evaluateInContentScript(`chrome.runtime.sendMessage({ type: 'frame-start', payload: { docId: 'security-test-0001' } })`)).toEqual({
        ok: true,
        value: { disarm: false, notifications: null },
      });
      expect(await getLocal(control, 'userSettings')).toEqual(settingsBefore);
      expect(await getLocal(control, 'history')).toEqual(historyBefore);
      expect(await blockRecord(control, blockUrl)).toBeDefined();
      expect(await sendFromExtensionPage(control, 'get-settings-state', {})).toMatchObject({ settings: { protectionEnabled: true, allowList: [] } });
      await page.close();
      await warning.close();
    },
  );
});
