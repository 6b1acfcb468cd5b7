import browser, { type Downloads } from 'webextension-polyfill';
import { baseName, matchRemoteDownload, type RemoteToolMatch } from '../../shared/remote-tools';
import { assessRemoteAccess } from './assess';
import { allow, downloadAllowance, isAllowed, newCaseId, type RemoteGuardCase, saveCase, warningPageUrl } from './cases';
import { recordRemoteGuardEvent } from './history-sink';

// Remote-tool downloads: recognise on creation (URL) or once the file name is
// known (Chrome names the file after onCreated), hold in scam context, open the
// warning page. Firefox implements downloads.pause as a cancel without partial
// data (canResume stays false), so "continue" there starts the download again.

type Item = Downloads.DownloadItem & { finalUrl?: string };

/** Downloads already handled by this worker, so onCreated + the file-name change do not both act. */
const seen = new Set<number>();

export async function onRemoteDownloadCreated(item: Item): Promise<void> {
  if (seen.has(item.id) || item.state !== 'in_progress') return;
  const match = matchRemoteDownload({ url: item.url, finalUrl: item.finalUrl, filename: item.filename });
  if (match) await handle(item, match);
}

export async function onRemoteDownloadChanged(delta: Downloads.OnChangedDownloadDeltaType): Promise<void> {
  if (!delta.filename?.current || seen.has(delta.id)) return;
  const [item] = (await browser.downloads.search({ id: delta.id })) as Item[];
  if (!item || item.state === 'interrupted') return;
  const match = matchRemoteDownload({ url: item.url, finalUrl: item.finalUrl, filename: item.filename });
  if (match) await handle(item, match);
}

async function handle(item: Item, match: RemoteToolMatch): Promise<void> {
  seen.add(item.id);
  const url = item.finalUrl || item.url;
  if ((await isAllowed(downloadAllowance(url), true)) || (url !== item.url && (await isAllowed(downloadAllowance(item.url), true)))) return;
  const sourceUrls = item.referrer ? [item.referrer] : [];
  const assessment = await assessRemoteAccess(sourceUrls, { url: item.referrer || undefined });
  if (assessment.mode === 'off') return;
  const fileName = item.filename ? baseName(item.filename) : baseName(new URL(url).pathname) || null;
  const event = { kind: 'download' as const, toolId: match.tool.id, toolName: match.tool.name, url, fileName, mode: assessment.mode, reasons: assessment.reasons, flaggedUrl: assessment.flaggedUrl };
  if (assessment.action === 'allow') {
    await recordRemoteGuardEvent({ ...event, time: Date.now(), outcome: 'allowed' });
    return;
  }
  // Hold first, then talk: every millisecond counts while the installer downloads.
  await holdDownload(item.id, assessment.action);
  const entry: RemoteGuardCase = {
    ...event,
    id: newCaseId(),
    action: assessment.action,
    downloadId: item.id,
    warningTabId: null,
    createdAt: Date.now(),
  };
  await saveCase(entry);
  const tab = await browser.tabs.create({ url: warningPageUrl(entry.id), active: true });
  await saveCase({ ...entry, warningTabId: tab.id ?? null });
  await recordRemoteGuardEvent({ ...event, time: Date.now(), outcome: assessment.action === 'block' ? 'blocked' : 'warned' });
}

async function currentState(id: number): Promise<Item | undefined> {
  return ((await browser.downloads.search({ id })) as Item[])[0];
}

/** Chrome pauses the download; Firefox's pause cancels it (continuing starts it again); policy cancels it. */
async function holdDownload(id: number, action: 'warn' | 'block'): Promise<void> {
  if (action === 'block') await cancelDownload(id);
  else await browser.downloads.pause(id).catch(() => {});
}

/** Cancels a held download; a download that finished before it could be held is deleted from disk. */
export async function cancelDownload(id: number): Promise<void> {
  const item = await currentState(id);
  if (item?.state === 'in_progress') await browser.downloads.cancel(id).catch(() => {});
  else if (item?.state === 'complete') await browser.downloads.removeFile(id).catch(() => {});
}

export async function continueDownload(entry: RemoteGuardCase): Promise<void> {
  if (entry.downloadId === null) return;
  const item = await currentState(entry.downloadId);
  if (item?.state === 'complete') return;
  if (item?.state === 'in_progress') {
    if (!item.paused) return;
    try {
      await browser.downloads.resume(entry.downloadId);
      return;
    } catch {
      // Not resumable: drop it and download it again below.
      await browser.downloads.cancel(entry.downloadId).catch(() => {});
    }
  }
  await allow(downloadAllowance(entry.url));
  await browser.downloads.download({ url: entry.url, ...(entry.fileName ? { filename: entry.fileName } : {}), conflictAction: 'uniquify', saveAs: false });
  await browser.downloads.erase({ id: entry.downloadId }).catch(() => {});
}
