// Collects the facts of one report into the versioned schema (shared/reports/schema.ts).
import browser from 'webextension-polyfill';
import { REPORT_SCHEMA_ID, REPORT_TITLE_MAX_CHARS, REPORT_URL_MAX_CHARS, type ReportKind, type ScamReportV1 } from '../../shared/reports/schema';
import { tabStatus } from '../tab-state';
import { chainFor } from './chain';

export interface ReportRequest {
  kind: ReportKind;
  url: string;
  tabId?: number;
  blockId?: string;
  comment?: string;
  screenshot: boolean;
  source: ScamReportV1['source'];
}

const sameDocument = (a: string | null | undefined, b: string) => !!a && a.split('#')[0] === b.split('#')[0];

/** The tab's verdict when the tab state is about this page; null when the extension knows nothing of it. */
async function verdictFor(
  tabId: number | undefined,
  url: string,
): Promise<{ verdict: ScamReportV1['verdict']; phoneNumbers: string[] }> {
  if (tabId === undefined) return { verdict: null, phoneNumbers: [] };
  const status = await tabStatus(tabId);
  if (!sameDocument(status.url, url)) return { verdict: null, phoneNumbers: [] };
  const { level, score, reasons, phoneNumbers } = status.verdict;
  const described = reasons.map((reason) => {
    const text = browser.i18n.getMessage(reason.key, reason.params);
    return { key: reason.key, params: reason.params, category: reason.category, weight: reason.weight, ...(text ? { text } : {}) };
  });
  return { verdict: { level, score, reasons: described }, phoneNumbers };
}

async function browserInfo(): Promise<{ name: string; version: string }> {
  const runtime = browser.runtime as typeof browser.runtime & { getBrowserInfo?: () => Promise<{ name: string; version: string }> };
  if (runtime.getBrowserInfo) {
    const info = await runtime.getBrowserInfo();
    return { name: info.name, version: info.version };
  }
  const match = /(Edg|Chrome|Chromium)\/([\d.]+)/.exec(navigator.userAgent);
  const name = match?.[1] === 'Edg' ? 'Edge' : (match?.[1] ?? __BUILD_TARGET__);
  return { name, version: match?.[2] ?? 'unknown' };
}

/** A screenshot of the page only when it is what the tab shows right now, and it is visible in its window. */
async function captureScreenshot(tabId: number | undefined, url: string): Promise<ScamReportV1['screenshot']> {
  if (tabId === undefined) return null;
  try {
    const tab = await browser.tabs.get(tabId);
    if (!tab.active || !sameDocument(tab.url, url) || tab.windowId === undefined) return null;
    const dataUrl = await browser.tabs.captureVisibleTab(tab.windowId, { format: 'jpeg', quality: 60 });
    const base64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
    return base64 ? { mediaType: 'image/jpeg', dataBase64: base64 } : null;
  } catch (error) {
    console.warn('[fake-warning-blocker] screenshot not taken:', error);
    return null;
  }
}

async function pageTitle(tabId: number | undefined, url: string, fromChain: string | null): Promise<string | null> {
  if (fromChain) return fromChain;
  if (tabId === undefined) return null;
  const tab = await browser.tabs.get(tabId).catch(() => null);
  return tab && sameDocument(tab.url, url) && tab.title ? tab.title : null;
}

export async function buildReport(request: ReportRequest): Promise<ScamReportV1> {
  const { chain, title } = await chainFor(request.tabId, request.url);
  const { verdict, phoneNumbers } = await verdictFor(request.tabId, request.url);
  const platform = await browser.runtime.getPlatformInfo().catch(() => ({ os: 'unknown' }));
  return {
    schema: REPORT_SCHEMA_ID,
    schemaVersion: 1,
    reportId: crypto.randomUUID(),
    kind: request.kind,
    createdAt: new Date().toISOString(),
    page: { url: request.url.slice(0, REPORT_URL_MAX_CHARS), title: (await pageTitle(request.tabId, request.url, title))?.slice(0, REPORT_TITLE_MAX_CHARS) ?? null, chain },
    verdict,
    phoneNumbers,
    comment: request.comment?.trim() ? request.comment.trim() : null,
    screenshot: request.screenshot ? await captureScreenshot(request.tabId, request.url) : null,
    client: {
      extensionVersion: browser.runtime.getManifest().version,
      browser: await browserInfo(),
      platform: platform.os,
      locale: browser.i18n.getUILanguage(),
    },
    source: request.source,
    blockId: request.blockId ?? null,
  };
}
