import type { DeliveryState, ScreenshotLeftOut } from '../history/entry';
import { REPORT_SERVICES, type ReportService } from '../reports/services';
import { arrayOf, bool, type Check, num, object, oneOf, optional, str, ValidationError } from '../validate';
import type { MessageSpec } from './spec';

const pageUrl: Check<string> = (value, path) => {
  const text = str(8000)(value, path);
  if (!/^https?:\/\//i.test(text)) throw new ValidationError(`${path}: expected an http(s) URL`);
  return text;
};

const tabId = optional(num);
const blockId = optional(str(100));
const comment = optional(str(2000));

export const REPORTS_MESSAGES = {
  /**
   * Report a page as a scam (popup, warning page's "Report this page"). The
   * background collects the facts (verdict, chain, title, screenshot when asked or
   * required by policy), records it in the history, and queues it for the
   * organisation's endpoint when one is set. tabId defaults to the sender's tab.
   */
  'report-page': {
    from: 'extension-page',
    payload: object({ tabId, blockId, url: pageUrl, comment, includeScreenshot: optional(bool) }),
  },
  /** "This page is not a scam": a false-positive report, and the site is allowed unless policy forbids it. */
  'report-false-positive': { from: 'extension-page', payload: object({ tabId, blockId, url: pageUrl, comment }) },
  /** Pause / resume protection on the page's site (refused when policy sets allowUserOverride false). */
  'set-site-paused': { from: 'extension-page', payload: object({ url: pageUrl, paused: bool }) },
  /** What the popup may offer for a page: report, override, whether the site is allowed. */
  'get-report-options': { from: 'extension-page', payload: object({ url: optional(pageUrl) }) },
  /** Opens the public report forms (and IPA's consultation page) with the URL filled in. */
  'open-report-forms': {
    from: 'extension-page',
    payload: object({ url: pageUrl, services: arrayOf(oneOf(...REPORT_SERVICES), 3) }),
  },
  /** Delivery state of earlier reports. */
  'get-report-status': { from: 'extension-page', payload: object({ reportIds: arrayOf(str(100), 50) }) },
  /** Try to deliver every undelivered report now (including rejected ones). */
  'retry-reports': { from: 'extension-page', payload: object({}) },
} satisfies Record<string, MessageSpec<unknown>>;

export interface ReportOutcome {
  reportId: string;
  historyId: string;
  delivery: DeliveryState;
  /** True when this repeats a report already queued or just delivered (nothing new is sent). */
  duplicate: boolean;
  /** A screenshot goes with the report. */
  screenshot: boolean;
  /** Why the screenshot asked for was left out to stay within the storage budget. */
  screenshotLeftOut?: ScreenshotLeftOut;
}

export interface ReportOptions {
  allowUserReports: boolean;
  allowUserOverride: boolean;
  endpointConfigured: boolean;
  /** Policy asks for a screenshot with every report. */
  screenshotRequired: boolean;
  /** The page's site is on the allow list (paused or reported as not a scam). */
  siteAllowed: boolean;
  services: ReportService[];
}

export interface ReportsResponses {
  'report-page': ReportOutcome;
  'report-false-positive': ReportOutcome & { siteAllowed: boolean };
  'set-site-paused': { paused: boolean };
  'get-report-options': ReportOptions;
  'open-report-forms': { opened: { service: ReportService; url: string; tabId: number | null }[] };
  'get-report-status': { reports: { reportId: string; delivery: DeliveryState; lastError: string | null }[] };
  'retry-reports': { attempted: number; delivered: number };
}
