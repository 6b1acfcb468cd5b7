// Reporting under an organisation's policy. The report endpoint and token, and whether
// users may report or override, are policy-only settings (issues #7/#8: reports go to
// the organisation's endpoint when policy sets one), so these tests set them through
// the browsers' real policy files. One browser launch per policy and browser.
//
// The endpoint is the test server itself (loopback: Firefox upgrades other http URLs
// to https), so each policy is written once the server listens, before the browser starts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../src/shared/history/entry';
import type { ReportOutcome } from '../../src/shared/messages/reports';
import { findTabId, openExtensionPage, readLocalStorage, sendFromExtensionPage } from '../support/extension-api';
import type { BrowserName, TestPage } from '../support/extension-browser';
import { createReportReceiver, RECEIVER_PATH, type ReportReceiver } from '../support/report-receiver';
import type { TestServer } from '../support/server';
import { BROWSERS, FIXTURE_ORIGIN, FIXTURES_DIR } from '../support/session';
import { poll, until } from '../support/wait';
import { getState, openPolicySession, POPUP_PATH, type PolicySession, waitForState } from './policy-support';

const RECEIVER_HOST = '127.0.0.1';
const TOKEN = 'test-token-1234';
const endpointOf = (server: TestServer) => `http://${RECEIVER_HOST}:${server.port}${RECEIVER_PATH}`;

/** Opens a session under `policy`, with a report receiver at the policy's endpoint. */
async function openReportingSession(
  browserName: BrowserName,
  policy: (endpoint: string) => Record<string, unknown>,
): Promise<{ session: PolicySession; receiver: ReportReceiver; admin: TestPage; endpoint: string }> {
  const session = await openPolicySession(browserName, (server: TestServer) => policy(endpointOf(server)));
  const endpoint = endpointOf(session.server);
  const receiver = createReportReceiver({ token: TOKEN });
  session.server.route(RECEIVER_HOST, receiver.handler);
  session.server.mount('allow-me.fwb.test', FIXTURES_DIR);
  const admin = await openExtensionPage(session.browser);
  // Precondition: the service worker has the policy (token kept in the worker, only flagged as set).
  await waitForState(admin, (state) => state.settings.reportEndpoint === endpoint && state.reportTokenSet, 10_000);
  return { session, receiver, admin, endpoint };
}

const popupUrl = (session: PolicySession, tabId: number) => `${session.browser.extensionOrigin}${POPUP_PATH}?tabId=${tabId}`;
const visible = (page: TestPage, id: string) =>
  page.evaluate(`(() => { const e = document.getElementById(${JSON.stringify(id)}); return !e.hidden && !e.closest('[hidden]'); })()`) as Promise<boolean>;

describe.each(BROWSERS)('reporting under policy in %s', (browserName) => {
  describe('a policy with a report endpoint and token', () => {
    let session: PolicySession;
    let receiver: ReportReceiver;
    let admin: TestPage;
    let ENDPOINT: string;

    beforeAll(async () => {
      ({ session, receiver, admin, endpoint: ENDPOINT } = await openReportingSession(browserName, (endpoint) => ({
        reportEndpoint: endpoint,
        reportToken: TOKEN,
      })));
    });
    afterAll(async () => session?.close());

    const historyEntries = async () => (await sendFromExtensionPage<{ entries: HistoryEntry[] }>(admin, 'history-list', {})).entries;

    it('sends a report made in the popup to the endpoint with a schema-valid body, once', async () => {
      const target = `${FIXTURE_ORIGIN}/report-target.html?case=popup`;
      const page = await session.browser.newPage(`${FIXTURE_ORIGIN}/report-redirect.html?case=popup`);
      await page.waitForUrl((url) => url === target);
      const tabId = await findTabId(admin, target);

      const popup = await session.browser.newPage(popupUrl(session, tabId));
      await until(popup, `document.getElementById('status-site').textContent === 'fixtures.fwb.test'`);
      await popup.evaluate(() => (document.getElementById('action-report') as HTMLButtonElement).click());
      await popup.evaluate(() => {
        (document.getElementById('report-comment') as HTMLTextAreaElement).value = 'It told me to call Microsoft.';
        (document.getElementById('report-send') as HTMLButtonElement).click();
      });
      await until(popup, `document.getElementById('report-delivery').dataset.state === 'delivered'`, 15_000);

      const [report] = await receiver.waitForReports(1, 10_000);
      expect(report).toMatchObject({
        schemaVersion: 1,
        kind: 'scam',
        page: { url: target, title: 'Report target page' },
        comment: 'It told me to call Microsoft.',
        screenshot: null,
        source: 'popup',
        client: { extensionVersion: '0.1.0' },
      });
      expect(report?.page.chain).toContainEqual({ url: `${FIXTURE_ORIGIN}/report-redirect.html?case=popup`, via: 'navigation' });
      expect(report?.client.browser.name.toLowerCase()).toContain(browserName === 'chromium' ? 'chrom' : 'firefox');
      const request = receiver.requests.find((r) => r.status === 202);
      expect(request?.headers.authorization).toBe(`Bearer ${TOKEN}`);
      expect(request?.headers['idempotency-key']).toBe(report?.reportId);

      const entry = (await historyEntries()).find((e) => e.kind === 'report' && e.url === target);
      expect(entry?.data).toMatchObject({ reportId: report?.reportId, delivery: 'delivered', comment: 'It told me to call Microsoft.' });

      // The same page reported again moments later is the same report: nothing new is sent.
      const again = await sendFromExtensionPage<ReportOutcome>(admin, 'report-page', { tabId, url: target });
      expect(again).toMatchObject({ duplicate: true, reportId: report?.reportId, delivery: 'delivered' });
      expect(receiver.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
      await popup.close();
      await page.close();
    });

    it('delivers a report made while the endpoint is down once it is back, across a background restart', async () => {
      const target = `${FIXTURE_ORIGIN}/report-target.html?case=offline`;
      const page = await session.browser.newPage(target);
      const tabId = await findTabId(admin, target);
      receiver.setAvailable(false);
      const before = receiver.reports.length;

      const outcome = await sendFromExtensionPage<ReportOutcome>(admin, 'report-page', { tabId, url: target, comment: 'offline' });
      expect(outcome.delivery).toBe('retrying');
      expect(receiver.requests.some((r) => r.error === 'down')).toBe(true);
      const outbox = await readLocalStorage<{ reportId: string; state: string; nextAttemptAt: number }[]>(admin, 'reportOutbox');
      expect(outbox?.find((item) => item.reportId === outcome.reportId)?.state).toBe('pending');

      await admin.close();
      await session.browser.restartBackground();
      receiver.setAvailable(true);

      // The alarm set for the first retry (30 s after the failure) wakes the background again,
      // and the restarted worker still has the policy's endpoint and token.
      const reports = await receiver.waitForReports(before + 1, 60_000);
      expect(reports.at(-1)).toMatchObject({ reportId: outcome.reportId, page: { url: target }, comment: 'offline' });

      admin = await openExtensionPage(session.browser);
      const entry = await poll(
        async () => (await historyEntries()).find((e) => e.kind === 'report' && e.url === target),
        (found) => found?.kind === 'report' && found.data.delivery === 'delivered',
        10_000,
        'the history entry to show the delivery',
      );
      expect(entry?.data).toMatchObject({ reportId: outcome.reportId });
      await page.close();
    }, 120_000);

    it('allows the site after a not-a-scam report and sends that report too', async () => {
      const target = 'http://allow-me.fwb.test/report-target.html';
      const page = await session.browser.newPage(target);
      const tabId = await findTabId(admin, target);
      const before = receiver.reports.length;
      // One of the user's own settings: allowing the site must keep it.
      await sendFromExtensionPage(admin, 'set-user-settings', { changes: { remoteGuardWindowMinutes: 45 } });

      const outcome = await sendFromExtensionPage<ReportOutcome & { siteAllowed: boolean }>(admin, 'report-false-positive', {
        tabId,
        url: target,
        comment: 'This is my bank',
      });
      expect(outcome.siteAllowed).toBe(true);
      const settings = await readLocalStorage<{ allowList: string[]; remoteGuardWindowMinutes: number }>(admin, 'userSettings');
      expect(settings?.allowList).toContain('allow-me.fwb.test');
      expect(settings?.remoteGuardWindowMinutes).toBe(45);
      expect((await getState(admin)).settings.reportEndpoint).toBe(ENDPOINT);

      const reports = await receiver.waitForReports(before + 1, 10_000);
      expect(reports.at(-1)).toMatchObject({ kind: 'false-positive', page: { url: target }, comment: 'This is my bank' });
      const options = await sendFromExtensionPage<{ siteAllowed: boolean }>(admin, 'get-report-options', { url: target });
      expect(options.siteAllowed).toBe(true);
      const entry = (await historyEntries()).find((e) => e.kind === 'false-positive');
      expect(entry?.data).toMatchObject({ siteAllowed: true, delivery: 'delivered' });
      await page.close();
    });

    it('takes no screenshot unless asked, and says so when it cannot take one', async () => {
      // Screenshots need the activeTab grant that opening the real toolbar popup gives; a test
      // cannot click the toolbar button, so this checks the refusal paths and what the user is told.
      const target = `${FIXTURE_ORIGIN}/report-target.html?case=screenshot`;
      const page = await session.browser.newPage(target);
      const tabId = await findTabId(admin, target);
      const before = receiver.reports.length;

      const without = await sendFromExtensionPage<ReportOutcome>(admin, 'report-page', { tabId, url: target });
      expect(without.screenshot).toBe(false);
      const [report] = (await receiver.waitForReports(before + 1, 10_000)).slice(-1);
      expect(report?.screenshot).toBeNull();

      const popup = await session.browser.newPage(popupUrl(session, tabId));
      await until(popup, `!document.getElementById('action-report').hidden`);
      await popup.evaluate(() => {
        (document.getElementById('action-report') as HTMLButtonElement).click();
        (document.getElementById('report-screenshot') as HTMLInputElement).checked = true;
        (document.getElementById('report-send') as HTMLButtonElement).click();
      });
      await until(popup, `!document.getElementById('report-result').hidden`, 15_000);
      // The page is reported again within minutes: the earlier report stands and nothing new is claimed.
      expect(await popup.evaluate(`document.getElementById('report-screenshot-note').hidden`)).toBe(true);

      const other = `${FIXTURE_ORIGIN}/report-target.html?case=screenshot-2`;
      await page.goto(other);
      const popup2 = await session.browser.newPage(popupUrl(session, tabId));
      await until(popup2, `document.getElementById('status-site').textContent === 'fixtures.fwb.test'`);
      await popup2.evaluate(() => {
        (document.getElementById('action-report') as HTMLButtonElement).click();
        (document.getElementById('report-screenshot') as HTMLInputElement).checked = true;
        (document.getElementById('report-send') as HTMLButtonElement).click();
      });
      await until(popup2, `!document.getElementById('report-result').hidden`, 15_000);
      expect(await popup2.evaluate(`document.getElementById('report-screenshot-note').hidden`)).toBe(false);
      const [second] = (await receiver.waitForReports(before + 2, 10_000)).slice(-1);
      expect(second).toMatchObject({ page: { url: other }, screenshot: null });
      await popup.close();
      await popup2.close();
      await page.close();
    });
  });

  describe('a policy that sets an endpoint but allows neither user reports nor overrides', () => {
    let session: PolicySession;
    let receiver: ReportReceiver;
    let admin: TestPage;
    const target = `${FIXTURE_ORIGIN}/report-target.html?popup`;
    let tabId: number;

    beforeAll(async () => {
      ({ session, receiver, admin } = await openReportingSession(browserName, (endpoint) => ({
        reportEndpoint: endpoint,
        reportToken: TOKEN,
        allowUserReports: false,
        allowUserOverride: false,
      })));
      await session.browser.newPage(target);
      tabId = await findTabId(admin, target);
    });
    afterAll(async () => session?.close());

    it('popup hides what policy forbids', async () => {
      const popup = await session.browser.newPage(popupUrl(session, tabId));
      await until(popup, `document.getElementById('status').dataset.level !== 'loading'`);
      expect(await visible(popup, 'override-locked')).toBe(true);
      expect(await visible(popup, 'action-pause')).toBe(false);
      expect(await visible(popup, 'action-report')).toBe(false);
      await expect(sendFromExtensionPage(admin, 'report-page', { tabId, url: target })).rejects.toThrow(/turned off by policy/);
      await popup.close();
    });

    it('keeps a report on the device only, and allows no site, when policy says so', async () => {
      const url = 'http://allow-me.fwb.test/report-target.html?case=locked';
      const outcome = await sendFromExtensionPage<ReportOutcome & { siteAllowed: boolean }>(admin, 'report-false-positive', { url });
      expect(outcome).toMatchObject({ siteAllowed: false, delivery: 'local-only' });
      // A report that would be sent is sent before the reply: nothing reached the endpoint the policy names.
      expect(receiver.requests).toHaveLength(0);
      await expect(sendFromExtensionPage(admin, 'set-site-paused', { url, paused: true })).rejects.toThrow(/policy/);
    });
  });
});
