import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryEntry, HistoryExport } from '../../src/shared/history/entry';
import { openExtensionPage, sendFromExtensionPage, setUserSettings } from '../support/extension-api';
import type { TestPage } from '../support/extension-browser';
import { BROWSERS, FIXTURE_ORIGIN, FIXTURES_DIR, openSession, type Session } from '../support/session';
import { until } from '../support/wait';

const OPTIONS = 'src/ui/options/index.html';
const shownKinds = (page: TestPage) =>
  page.evaluate(`[...document.querySelectorAll('#history-list .history-entry')].map((e) => e.dataset.kind)`) as Promise<string[]>;

describe.each(BROWSERS)('history in %s', (browserName) => {
  let session: Session;
  let admin: TestPage;
  const list = async () => (await sendFromExtensionPage<{ entries: HistoryEntry[] }>(admin, 'history-list', {})).entries;

  beforeAll(async () => {
    session = await openSession(browserName);
    session.server.mount('other.fwb.test', FIXTURES_DIR);
    admin = await openExtensionPage(session.browser);
    // Four real entries, made the way users make them (oldest first).
    const page = `${FIXTURE_ORIGIN}/report-target.html`;
    await sendFromExtensionPage(admin, 'set-site-paused', { url: page, paused: true });
    await sendFromExtensionPage(admin, 'set-site-paused', { url: page, paused: false });
    await sendFromExtensionPage(admin, 'report-page', { url: `${page}?reported`, comment: 'call 0120-000-000 they said' });
    await sendFromExtensionPage(admin, 'report-false-positive', { url: 'http://other.fwb.test/report-target.html' });
  });
  afterAll(async () => session?.close());

  it('lists every entry newest first, with filters', async () => {
    const options = await session.browser.newPage(session.browser.extensionOrigin + OPTIONS);
    await until(options, `document.querySelectorAll('#history-list .history-entry').length === 4`);
    expect(await shownKinds(options)).toEqual(['false-positive', 'report', 'site-resumed', 'site-paused']);
    expect(await options.evaluate(`document.querySelector('[data-kind="report"] .history-detail').textContent.length > 0`)).toBe(true);

    await options.evaluate(`(() => { const s = document.getElementById('history-filter-kind'); s.value = 'report'; s.dispatchEvent(new Event('change')); })()`);
    expect(await shownKinds(options)).toEqual(['report']);
    await options.evaluate(`(() => { const s = document.getElementById('history-filter-kind'); s.value = ''; s.dispatchEvent(new Event('change')); })()`);
    await options.evaluate(`(() => { const i = document.getElementById('history-search'); i.value = 'other.fwb'; i.dispatchEvent(new Event('input')); })()`);
    expect(await shownKinds(options)).toEqual(['false-positive']);
    await options.evaluate(`(() => { const i = document.getElementById('history-search'); i.value = 'no such thing'; i.dispatchEvent(new Event('input')); })()`);
    expect(await shownKinds(options)).toEqual([]);
    await options.close();
  });

  it('deletes one entry from the page', async () => {
    const options = await session.browser.newPage(session.browser.extensionOrigin + OPTIONS);
    await until(options, `document.querySelectorAll('#history-list .history-entry').length === 4`);
    await options.evaluate(`document.querySelector('[data-kind="site-resumed"] .history-delete').click()`);
    await until(options, `document.querySelectorAll('#history-list .history-entry').length === 3`);
    expect((await list()).map((e) => e.kind)).toEqual(['false-positive', 'report', 'site-paused']);
    await options.close();
  });

  it('round-trips an export: delete all, import the file, same history', async () => {
    const exported = await sendFromExtensionPage<HistoryExport>(admin, 'history-export', {});
    expect(exported).toMatchObject({ format: 'fake-warning-blocker-history', version: 1 });
    expect(exported.entries).toHaveLength(3);
    const before = await list();

    const options = await session.browser.newPage(session.browser.extensionOrigin + OPTIONS);
    await until(options, `document.querySelectorAll('#history-list .history-entry').length === 3`);
    await options.evaluate(`(() => { window.confirm = () => true; document.getElementById('history-delete-all').click(); })()`);
    await until(options, `document.querySelector('#history-list .history-empty') !== null`);
    expect(await list()).toEqual([]);

    // Import through the page's file input, as a user picking the exported file.
    await options.evaluate(`(() => {
      const input = document.getElementById('history-import-file');
      const transfer = new DataTransfer();
      transfer.items.add(new File([${JSON.stringify(JSON.stringify(exported))}], 'history.json', { type: 'application/json' }));
      input.files = transfer.files;
      input.dispatchEvent(new Event('change'));
    })()`);
    await until(options, `document.querySelectorAll('#history-list .history-entry').length === 3`);
    expect(await list()).toEqual(before);
    expect(await options.evaluate(`document.getElementById('history-message').textContent.includes('3')`)).toBe(true);

    // Importing the same file again adds nothing.
    const again = await sendFromExtensionPage<{ imported: number; skipped: number }>(admin, 'history-import', { file: exported });
    expect(again).toEqual({ imported: 0, skipped: 3 });
    await options.close();
  });

  it('keeps the history across a background restart and prunes the oldest beyond historyLimit', async () => {
    const before = await list();
    await admin.close();
    await session.browser.restartBackground();
    admin = await openExtensionPage(session.browser);
    expect(await list()).toEqual(before);

    await setUserSettings(admin, { historyLimit: 3 });
    const page = `${FIXTURE_ORIGIN}/report-target.html?limit`;
    await sendFromExtensionPage(admin, 'set-site-paused', { url: page, paused: true });
    await sendFromExtensionPage(admin, 'set-site-paused', { url: page, paused: false });
    const after = await list();
    expect(after.map((e) => e.kind)).toEqual(['site-resumed', 'site-paused', 'false-positive']);
    await setUserSettings(admin, {});
  });

  it('refuses a file that is not a history export', async () => {
    await expect(sendFromExtensionPage(admin, 'history-import', { file: { entries: [] } })).rejects.toThrow(/not a Fake Warning Blocker history/);
  });
});
