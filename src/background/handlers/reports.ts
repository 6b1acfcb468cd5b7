import browser, { type Runtime } from 'webextension-polyfill';
import type { ReportService } from '../../shared/reports/services';
import { reportFormUrl, servicesForLanguage } from '../../shared/reports/services';
import { deliveryState } from '../../shared/reports/outbox';
import { hostOf as siteHost } from '../../shared/site-patterns';
import type { ScamReportV1 } from '../../shared/reports/schema';
import { recordHistory } from '../history/store';
import { blockForSender } from '../protection/actions';
import { flushOutbox, reportStatuses } from '../reports/outbox';
import { reportFalsePositive, reportScam } from '../reports/service';
import { allowSite, isSiteAllowed, unallowSite } from '../reports/site-allow';
import { getSettings, getSettingsWithPolicy } from '../settings/store';
import type { Handlers } from './types';

function sourceOf(sender: Runtime.MessageSender): ScamReportV1['source'] {
  const path = sender.url ? new URL(sender.url).pathname : '';
  if (path.includes('/ui/popup/')) return 'popup';
  if (path.includes('/ui/warning/')) return 'warning-page';
  return 'other';
}

/** The tab the report is about: the one named, else the sender's own tab (the warning page). */
function tabOf(tabId: number | undefined, sender: Runtime.MessageSender): number | undefined {
  return tabId ?? (sender.tab?.id !== undefined && sender.tab.id >= 0 ? sender.tab.id : undefined);
}

export const reportsHandlers: Handlers<
  | 'report-page'
  | 'report-false-positive'
  | 'set-site-paused'
  | 'get-report-options'
  | 'open-report-forms'
  | 'get-report-status'
  | 'retry-reports'
> = {
  async 'report-page'(payload, sender) {
    if (!(await getSettingsWithPolicy()).allowUserReports) throw new Error('reports are turned off by policy');
    // From the warning page: the block id must be this tab's, and the report is about the page it blocked.
    const blocked = payload.blockId ? await blockForSender(payload.blockId, sender) : null;
    return reportScam({
      url: blocked?.url ?? payload.url,
      tabId: tabOf(payload.tabId, sender),
      blockId: payload.blockId,
      comment: payload.comment,
      screenshot: payload.includeScreenshot ?? false,
      source: sourceOf(sender),
    });
  },
  'report-false-positive': (payload, sender) =>
    reportFalsePositive({
      url: payload.url,
      tabId: tabOf(payload.tabId, sender),
      blockId: payload.blockId,
      comment: payload.comment,
      source: sourceOf(sender),
    }),
  async 'set-site-paused'(payload) {
    const host = siteHost(payload.url);
    if (!host) throw new Error('not a web page');
    if (!(await getSettings()).allowUserOverride) throw new Error('policy does not allow pausing protection');
    if (payload.paused) await allowSite(host);
    else await unallowSite(host);
    await recordHistory({ kind: payload.paused ? 'site-paused' : 'site-resumed', url: payload.url, data: { host } });
    return { paused: await isSiteAllowed(host) };
  },
  async 'get-report-options'(payload) {
    const settings = await getSettings();
    const host = payload.url ? siteHost(payload.url) : null;
    return {
      allowUserReports: settings.allowUserReports,
      allowUserOverride: settings.allowUserOverride,
      endpointConfigured: settings.reportEndpoint.trim() !== '',
      screenshotRequired: settings.includeScreenshots,
      siteAllowed: host ? await isSiteAllowed(host) : false,
      // The language our messages are shown in, and the browser's: either one being Japanese is enough.
      services: servicesForLanguage(browser.i18n.getMessage('popupMessagesLocale'), browser.i18n.getUILanguage()),
    };
  },
  async 'open-report-forms'(payload, sender) {
    const opened: { service: ReportService; url: string; tabId: number | null }[] = [];
    for (const [index, service] of payload.services.entries()) {
      const url = reportFormUrl(service, payload.url);
      // Only the last opens in front, so the user sees one form and finds the others next to it.
      const tab = await browser.tabs.create({
        url,
        active: index === payload.services.length - 1,
        ...(sender.tab?.windowId !== undefined ? { windowId: sender.tab.windowId } : {}),
      });
      opened.push({ service, url, tabId: tab.id ?? null });
    }
    return { opened };
  },
  async 'get-report-status'(payload) {
    const statuses = await reportStatuses(payload.reportIds);
    return {
      reports: statuses.map(({ reportId, item }) => ({
        reportId,
        delivery: item ? deliveryState(item) : 'local-only',
        lastError: item?.lastError ?? null,
      })),
    };
  },
  'retry-reports': () => flushOutbox(true),
};
