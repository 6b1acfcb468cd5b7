import browser, { type Runtime } from 'webextension-polyfill';
import type { RemoteGuardCaseView, RemoteGuardDecision } from '../../shared/messages/remote-guard';
import { getSettings } from '../settings/store';
import { allow, findCases, getCase, pageAllowance, type RemoteGuardCase, takeCase, warningPageUrl } from './cases';
import { cancelDownload, continueDownload } from './downloads';
import { recordRemoteGuardEvent, type RemoteGuardOutcome } from './history-sink';

// Answers from the warning page. Only our remote-warning page, opened for this very
// case id (and, once known, in the tab we opened for it), may read or answer a case;
// each case is answered once.

function assertWarningPageFor(entry: RemoteGuardCase, sender: Runtime.MessageSender): void {
  let page: URL;
  try {
    page = new URL(sender.url ?? '');
  } catch {
    throw new Error('remote guard: unknown sender page');
  }
  const expected = new URL(warningPageUrl(entry.id));
  if (page.origin + page.pathname !== expected.origin + expected.pathname || page.searchParams.get('id') !== entry.id) {
    throw new Error('remote guard: only the warning page for this case may use it');
  }
  if (entry.warningTabId !== null && sender.tab?.id !== entry.warningTabId) {
    throw new Error('remote guard: the case belongs to another tab');
  }
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}

export async function viewCase(id: string, sender: Runtime.MessageSender): Promise<RemoteGuardCaseView> {
  const entry = await getCase(id);
  if (!entry) throw new Error('remote guard: no open case with this id');
  assertWarningPageFor(entry, sender);
  const settings = await getSettings();
  return {
    kind: entry.kind,
    action: entry.action,
    blockedBy: entry.action === 'warn' ? null : entry.mode === 'block' ? 'policy-block' : 'no-override',
    toolName: entry.toolName,
    fileName: entry.fileName,
    host: hostOf(entry.url) ?? '',
    reasons: entry.reasons,
    flaggedHost: hostOf(entry.flaggedUrl),
    supportContact: settings.supportContact,
  };
}

function record(entry: RemoteGuardCase, outcome: RemoteGuardOutcome): Promise<void> {
  const { kind, toolId, toolName, url, fileName, mode, reasons, flaggedUrl } = entry;
  return recordRemoteGuardEvent({ time: Date.now(), kind, outcome, toolId, toolName, url, fileName, mode, reasons, flaggedUrl });
}

export async function decideCase(id: string, decision: RemoteGuardDecision, sender: Runtime.MessageSender): Promise<{ outcome: 'cancelled' | 'continued' }> {
  const open = await getCase(id);
  if (!open) throw new Error('remote guard: no open case with this id');
  assertWarningPageFor(open, sender);
  if (decision === 'continue' && open.action !== 'warn') throw new Error('remote guard: policy does not allow continuing');
  const entry = await takeCase(id);
  if (!entry) throw new Error('remote guard: this case was already answered');

  if (decision === 'continue') {
    if (entry.kind === 'download') await continueDownload(entry);
    else if (entry.warningTabId !== null) {
      await allow(pageAllowance(entry.warningTabId, entry.toolId));
      await browser.tabs.update(entry.warningTabId, { url: entry.url });
    }
  } else if (entry.kind === 'download' && entry.downloadId !== null) {
    await cancelDownload(entry.downloadId);
  }
  const outcome = decision === 'continue' ? 'continued' : 'cancelled';
  await record(entry, outcome);
  return { outcome };
}

/** The warning tab went away without an answer: the default action (cancel) applies. */
export async function onWarningTabRemoved(tabId: number): Promise<void> {
  for (const open of await findCases((entry) => entry.warningTabId === tabId)) {
    const entry = await takeCase(open.id);
    if (!entry) continue;
    if (entry.action === 'block') continue;
    if (entry.kind === 'download' && entry.downloadId !== null) await cancelDownload(entry.downloadId);
    await record(entry, 'closed');
  }
}
