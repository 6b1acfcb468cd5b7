// Remote-access guard end to end, in both browsers. Installers are served by the
// test proxy under the vendors' host names over http (the proxy cannot serve
// https; the guard matches host and file name, not the scheme). Scam context is
// driven through its public inputs: settings in storage.local 'userSettings', and
// the flagged-visit records the guard keeps in storage.local for verdicts it hears
// from the detector (remote-guard-scam.test.ts covers the real detector path).
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type DownloadState, type GatedFile, listDownloads, readRemoteGuardLog, remoteWarningPage, serveGatedFile, waitFor } from '../support/downloads';
import { openExtensionPage, sendFromExtensionPage } from '../support/extension-api';
import type { TestPage } from '../support/extension-browser';
import { BROWSERS, openSession, type Session } from '../support/session';

const REMOTE_FIXTURES = resolve(import.meta.dirname, '../fixtures/remote');
const SITE = 'http://remote.fwb.test';
const SCAM_HOST = 'scam-lock.fwb.test';
const INSTALLER_URL = 'http://download.anydesk.com/AnyDesk.exe';
const JOIN_URL = 'http://start.teamviewer.com/1234567890';

interface LogEntry {
  kind: string;
  url: string;
  outcome: string;
  toolId: string;
  reasons: string[];
  flaggedUrl: string | null;
  fileName: string | null;
}

describe.each(BROWSERS)('remote-access guard in %s', (browserName) => {
  let session: Session;
  let downloadsDir: string;
  let ext: TestPage;
  let installer: GatedFile;
  let opened: TestPage[] = [];

  beforeAll(async () => {
    downloadsDir = mkdtempSync(join(tmpdir(), 'fwb-downloads-'));
    session = await openSession(browserName, { downloadsDir });
    session.server.mount('remote.fwb.test', REMOTE_FIXTURES);
    session.server.mount(SCAM_HOST, REMOTE_FIXTURES);
    session.server.mount('start.teamviewer.com', REMOTE_FIXTURES);
    session.server.route('start.teamviewer.com', (_request, response, path) => {
      if (!path.startsWith('/1234567890')) return false;
      response.writeHead(302, { location: '/join.html?id=1234567890' }).end();
      return true;
    });
    installer = serveGatedFile(session.server, 'download.anydesk.com', '/AnyDesk.exe', 'AnyDesk.exe');
    ext = await openExtensionPage(session.browser);
  });

  afterAll(async () => {
    await session?.close();
    if (downloadsDir) rmSync(downloadsDir, { recursive: true, force: true });
  });

  beforeEach(async () => {
    installer.hold();
    await ext.evaluate(`(async () => {
      const api = globalThis.browser ?? globalThis.chrome;
      await api.storage.local.remove(['userSettings', 'remoteGuardFlagged', 'history']);
      for (const item of await api.downloads.search({})) {
        if (item.state === 'in_progress') await api.downloads.cancel(item.id).catch(() => {});
        await api.downloads.erase({ id: item.id });
      }
    })()`);
    for (const file of readdirSync(downloadsDir)) rmSync(join(downloadsDir, file), { force: true });
  });

  afterEach(async () => {
    installer.release();
    for (const page of opened) await page.close().catch(() => {});
    opened = [];
  });

  const storageSet = (items: Record<string, unknown>) =>
    ext.evaluate(`(async () => { const api = globalThis.browser ?? globalThis.chrome; await api.storage.local.set(${JSON.stringify(items)}); })()`);
  const setSettings = (settings: Record<string, unknown>) => storageSet({ userSettings: settings });
  const flagPage = (url: string, minutesAgo: number) =>
    storageSet({ remoteGuardFlagged: [{ tabId: 999, url, level: 'scam', time: Date.now() - minutesAgo * 60_000 }] });
  const readLog = () => readRemoteGuardLog<LogEntry>(ext);
  const installerDownloads = async (): Promise<DownloadState[]> =>
    (await listDownloads(ext)).filter((item) => item.url === INSTALLER_URL).sort((a, b) => b.id - a.id);

  async function open(url: string): Promise<TestPage> {
    const page = await session.browser.newPage(url);
    opened.push(page);
    return page;
  }

  async function clickDownloadOn(pageUrl: string): Promise<TestPage> {
    const page = await open(pageUrl);
    await page.evaluate(`document.getElementById('download').click()`);
    return page;
  }

  async function warningPage(): Promise<TestPage> {
    const page = await remoteWarningPage(session.browser);
    opened.push(page);
    return page;
  }

  // Extension pages forbid eval, which waitForFunction needs: poll with evaluate instead.
  const waitForState = (page: TestPage, state: string) =>
    waitFor(`warning page state '${state}'`, () => page.evaluate(`document.getElementById('remote-warning')?.dataset.state ?? ''`), (value) => value === state);
  const click = (page: TestPage, id: string) => page.evaluate(`document.getElementById(${JSON.stringify(id)}).click()`);

  /** Chrome pauses the download; Firefox's downloads.pause cancels it (nothing kept), see the README. */
  function expectHeld(item: DownloadState | undefined): void {
    if (browserName === 'chromium') expect(item).toMatchObject({ state: 'in_progress', paused: true });
    else expect(item).toMatchObject({ state: 'interrupted' });
    expect(item?.bytesReceived ?? 0).toBeLessThan(installer.size);
  }

  const fileOnDisk = () => join(downloadsDir, 'AnyDesk.exe');

  it('pauses AnyDesk.exe after a flagged page, shows the warning, and cancel removes it', async () => {
    await setSettings({ remoteGuardMode: 'always-warn' });
    await clickDownloadOn(`${SITE}/download.html`);
    const warning = await warningPage();
    await waitForState(warning, 'pending');

    const text = await warning.evaluate(() => document.body.innerText);
    expect(text).toContain('AnyDesk');
    expect(await warning.evaluate(() => document.querySelectorAll('#remote-conditions li').length)).toBe(4);
    expect(await warning.evaluate(() => (document.getElementById('remote-continue') as HTMLElement).hidden)).toBe(false);
    expectHeld((await installerDownloads())[0]);

    await click(warning, 'remote-cancel');
    await waitForState(warning, 'cancelled');
    installer.release();
    const [item] = await waitFor('the cancelled download', installerDownloads, ([first]) => first?.state === 'interrupted');
    expect(item?.error).toBe('USER_CANCELED');
    expect((await installerDownloads()).some((download) => download.state === 'complete')).toBe(false);
    expect(existsSync(fileOnDisk())).toBe(false);
    expect((await readLog()).map((entry) => entry.outcome)).toEqual(['cancelled', 'warned']);
  });

  it('completes the download when the user chooses to continue', async () => {
    await setSettings({ remoteGuardMode: 'always-warn' });
    await clickDownloadOn(`${SITE}/download.html`);
    const warning = await warningPage();
    await waitForState(warning, 'pending');
    expectHeld((await installerDownloads())[0]);

    await click(warning, 'remote-continue');
    await waitForState(warning, 'continued');
    installer.release();
    await waitFor('the completed download', installerDownloads, (items) => items.some((item) => item.state === 'complete'));
    expect(statSync(fileOnDisk()).size).toBe(installer.size);
    expect((await readLog()).map((entry) => entry.outcome)).toEqual(['continued', 'warned']);
  });

  it('leaves the same download untouched without scam context', async () => {
    await clickDownloadOn(`${SITE}/download.html`);
    // The guard looked at it (and recorded that it let it through) before we check it was not held.
    const log = await waitFor('the guard’s decision', readLog, (entries) => entries.length > 0);
    expect(log).toMatchObject([{ outcome: 'allowed', toolId: 'anydesk', kind: 'download', reasons: [] }]);
    expect((await installerDownloads())[0]).toMatchObject({ state: 'in_progress', paused: false });

    installer.release();
    await waitFor('the completed download', installerDownloads, ([item]) => item?.state === 'complete');
    expect(statSync(fileOnDisk()).size).toBe(installer.size);
    const pages = await Promise.all((await session.browser.pages()).map((page) => page.url().catch(() => '')));
    expect(pages.filter((url) => url.includes('remote-warning'))).toEqual([]);
  });

  it('cancels it under policy block, without a way to continue', async () => {
    await setSettings({ remoteGuardMode: 'block' });
    await clickDownloadOn(`${SITE}/download.html`);
    const warning = await warningPage();
    await waitForState(warning, 'blocked');
    expect(await warning.evaluate(() => (document.getElementById('remote-continue') as HTMLElement).hidden)).toBe(true);

    installer.release();
    await waitFor('the cancelled download', installerDownloads, ([item]) => item?.state === 'interrupted');
    expect(existsSync(fileOnDisk())).toBe(false);
    expect((await readLog()).map((entry) => entry.outcome)).toEqual(['blocked']);
  });

  it('holds it within the time window after a flagged page', async () => {
    await flagPage(`http://${SCAM_HOST}/lock.html?phone=18885550199`, 5);
    await clickDownloadOn(`${SITE}/download.html`);
    const warning = await warningPage();
    await waitForState(warning, 'pending');
    expect(await warning.evaluate(() => document.getElementById('remote-reasons')?.textContent ?? '')).toContain(SCAM_HOST);
    expectHeld((await installerDownloads())[0]);
    await click(warning, 'remote-cancel');
    await waitForState(warning, 'cancelled');
    expect((await readLog())[1]).toMatchObject({ outcome: 'warned', reasons: ['recent-flagged-page'], flaggedUrl: `http://${SCAM_HOST}/lock.html?phone=18885550199` });
  });

  it('lets it through once the time window has passed, unless it comes from the flagged site', async () => {
    await flagPage(`http://${SCAM_HOST}/lock.html`, 90);
    await clickDownloadOn(`${SITE}/download.html`);
    await waitFor('the guard’s decision', readLog, (entries) => entries.length > 0);
    expect((await readLog())[0]).toMatchObject({ outcome: 'allowed' });
    installer.release();
    await waitFor('the completed download', installerDownloads, ([item]) => item?.state === 'complete');

    installer.hold();
    await clickDownloadOn(`http://${SCAM_HOST}/download.html`);
    const warning = await warningPage();
    await waitForState(warning, 'pending');
    await waitFor('the guard’s record', readLog, (entries) => entries.some((entry) => entry.outcome === 'warned'));
    expect((await readLog())[0]).toMatchObject({ outcome: 'warned', reasons: ['opened-from-flagged-page'] });
    await click(warning, 'remote-cancel');
    await waitForState(warning, 'cancelled');
  });

  it('holds it when the page it comes from pushes the tool with a phone number', async () => {
    await clickDownloadOn(`${SITE}/pitch.html`);
    const warning = await warningPage();
    await waitForState(warning, 'pending');
    await waitFor('the guard’s record', readLog, (entries) => entries.some((entry) => entry.outcome === 'warned'));
    expect((await readLog())[0]).toMatchObject({ outcome: 'warned', reasons: ['page-pushes-remote-tool'], flaggedUrl: `${SITE}/pitch.html` });
    await click(warning, 'remote-cancel');
    await waitForState(warning, 'cancelled');
  });

  it('cancels the held download when the warning tab is closed', async () => {
    await setSettings({ remoteGuardMode: 'always-warn' });
    await clickDownloadOn(`${SITE}/download.html`);
    const warning = await warningPage();
    await waitForState(warning, 'pending');
    await warning.close();
    await waitFor('the guard’s record', readLog, (entries) => entries[0]?.outcome === 'closed');
    installer.release();
    await waitFor('the cancelled download', installerDownloads, ([item]) => item?.state === 'interrupted');
    expect(existsSync(fileOnDisk())).toBe(false);
  });

  it('shows the same warning instead of a session join page in scam context', async () => {
    await flagPage(`http://${SCAM_HOST}/lock.html`, 5);
    const page = await open(`${SITE}/download.html`);
    await page.evaluate(`document.getElementById('join').click()`);
    await page.waitForUrl((url) => url.includes('remote-warning'), 10_000);
    await waitForState(page, 'pending');
    expect(await page.evaluate(() => document.getElementById('remote-lead')?.textContent ?? '')).toContain('start.teamviewer.com');

    await click(page, 'remote-continue');
    await page.waitForUrl((url) => url.startsWith('http://start.teamviewer.com/join.html'), 10_000);
    await page.waitFor(`document.getElementById('join-page') !== null`);
    const log = await readLog();
    expect(log.map((entry) => `${entry.kind}:${entry.outcome}`)).toEqual(['page:continued', 'page:warned']);
    expect(log[1]).toMatchObject({ toolId: 'teamviewer', reasons: ['recent-flagged-page'] });
    // Chrome reports the URL after the server's redirect, Firefox may report the first one.
    expect(log[1]?.url.startsWith(new URL(JOIN_URL).origin)).toBe(true);
  });

  it('answers a case only to its own warning page, once; web pages cannot reach it', async () => {
    await setSettings({ remoteGuardMode: 'always-warn' });
    const source = await clickDownloadOn(`${SITE}/download.html`);
    const warning = await warningPage();
    await waitForState(warning, 'pending');
    const warningUrl = await warning.url();
    const id = new URL(warningUrl).searchParams.get('id') ?? '';
    expect(id).toMatch(/^[0-9a-f]{32}$/);

    // Another extension page (the options page) may neither read nor answer it.
    await expect(sendFromExtensionPage(ext, 'remote-guard-case', { id })).rejects.toThrow(/only the warning page/);
    await expect(sendFromExtensionPage(ext, 'remote-guard-decide', { id, decision: 'continue' })).rejects.toThrow(/only the warning page/);
    // A web page can neither load the warning page nor message the extension.
    expect(await source.evaluate(`fetch(${JSON.stringify(warningUrl)}).then(() => 'loaded', () => 'blocked')`)).toBe('blocked');
    // The warning page cannot answer with a made-up id.
    await expect(sendFromExtensionPage(warning, 'remote-guard-decide', { id: '0'.repeat(32), decision: 'continue' })).rejects.toThrow(/no open case/);
    expectHeld((await installerDownloads())[0]);

    await click(warning, 'remote-cancel');
    await waitForState(warning, 'cancelled');
    await expect(sendFromExtensionPage(warning, 'remote-guard-decide', { id, decision: 'continue' })).rejects.toThrow(/no open case/);
    installer.release();
    await waitFor('the cancelled download', installerDownloads, ([item]) => item?.state === 'interrupted');
    expect(existsSync(fileOnDisk())).toBe(false);
  });
});
