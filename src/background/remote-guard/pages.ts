import browser, { type Tabs } from 'webextension-polyfill';
import { matchRemoteSessionPage } from '../../shared/remote-tools';
import { assessRemoteAccess } from './assess';
import { isAllowed, newCaseId, pageAllowance, type RemoteGuardCase, saveCase, warningPageUrl } from './cases';
import { recordRemoteGuardEvent } from './history-sink';

// Remote-session pages (join/PIN pages, the "share my screen" page, Quick Assist's
// Store page): in scam context the tab is sent to the warning page instead.

const RECENT_MS = 3000;
/** Last session-page URL seen per tab: a redirect chain reports the same URL more than once. */
const lastSeen = new Map<number, { url: string; time: number }>();

export async function onRemoteTabUpdated(tabId: number, changeInfo: Tabs.OnUpdatedChangeInfoType, tab: Tabs.Tab): Promise<void> {
  const url = changeInfo.url;
  if (!url) return;
  const tool = matchRemoteSessionPage(url);
  if (!tool) return;
  const now = Date.now();
  const last = lastSeen.get(tabId);
  if (last && last.url === url && now - last.time < RECENT_MS) return;
  lastSeen.set(tabId, { url, time: now });
  if (await isAllowed(pageAllowance(tabId, tool.id), false)) return;

  const opener = tab.openerTabId !== undefined ? await browser.tabs.get(tab.openerTabId).catch(() => null) : null;
  const sourceUrls = opener?.url ? [opener.url] : [];
  const assessment = await assessRemoteAccess(sourceUrls, opener?.url ? { url: opener.url } : 'none');
  if (assessment.mode === 'off') return;
  const event = { kind: 'page' as const, toolId: tool.id, toolName: tool.name, url, fileName: null, mode: assessment.mode, reasons: assessment.reasons, flaggedUrl: assessment.flaggedUrl };
  if (assessment.action === 'allow') {
    await recordRemoteGuardEvent({ ...event, time: now, outcome: 'allowed' });
    return;
  }
  const entry: RemoteGuardCase = { ...event, id: newCaseId(), action: assessment.action, downloadId: null, warningTabId: tabId, createdAt: now };
  await saveCase(entry);
  await browser.tabs.update(tabId, { url: warningPageUrl(entry.id) });
  await recordRemoteGuardEvent({ ...event, time: now, outcome: assessment.action === 'block' ? 'blocked' : 'warned' });
}
