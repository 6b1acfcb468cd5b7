import browser, { type Runtime } from 'webextension-polyfill';
import type { BlockView } from '../../shared/messages/protection';
import { hostOf } from '../../shared/site-patterns';
import { getSettings } from '../settings/store';
import { allowSiteForUser } from './allow';
import { pendingWarningTabs, WARNING_PAGE } from './protect';
import { type BlockRecord, consumeBlock, getBlock, markContinued } from './state';

/**
 * The block a warning page may act on: the id must be one the background issued,
 * the sender must be our warning page, in the very tab the id was issued for.
 * Anything else is refused with the same error, so ids cannot be probed.
 */
export async function blockForSender(blockId: string, sender: Runtime.MessageSender): Promise<BlockRecord> {
  const refused = new Error('unknown block');
  const warningPage = browser.runtime.getURL(WARNING_PAGE);
  if (!sender.url || sender.url.split('?')[0] !== warningPage || sender.tab?.id === undefined) throw refused;
  let record = await getBlock(blockId);
  if (!record) {
    const pending = pendingWarningTabs.get(blockId);
    if (pending) {
      await pending.catch(() => {});
      record = await getBlock(blockId);
    }
  }
  if (!record || record.warningTabId !== sender.tab.id) throw refused;
  return record;
}

export async function blockView(record: BlockRecord): Promise<BlockView> {
  const settings = await getSettings();
  return {
    url: record.url,
    verdict: record.verdict,
    thumbnail: record.thumbnail,
    canGoBack: record.lastSafeUrl !== null,
    allowOverride: settings.allowUserOverride,
    allowReports: settings.allowUserReports,
    mode: record.mode,
    blockedAt: record.blockedAt,
    supportContact: settings.supportContact,
  };
}

async function closeWarningTabIfSeparate(record: BlockRecord): Promise<void> {
  if (record.warningTabId !== record.tabId) await browser.tabs.remove(record.warningTabId).catch(() => {});
}

export async function leave(record: BlockRecord, to: 'back' | 'close'): Promise<void> {
  await consumeBlock(record);
  if (to === 'close' || !record.lastSafeUrl) {
    await browser.tabs.remove([...new Set([record.tabId, record.warningTabId])]).catch(() => {});
    return;
  }
  await browser.tabs.update(record.tabId, {
    url: record.lastSafeUrl,
    active: true,
    ...(record.mutedByUs ? { muted: false } : {}),
  });
  await closeWarningTabIfSeparate(record);
}

async function requireOverride(): Promise<void> {
  if (!(await getSettings()).allowUserOverride) throw new Error('overrides are disabled by settings');
}

/** "Continue anyway": this URL in this tab loads, disarmed at once and never blocked again there. */
export async function continueAnyway(record: BlockRecord): Promise<void> {
  await requireOverride();
  await markContinued(record.tabId, record.url);
  await consumeBlock(record);
  if (record.mode === 'block') {
    await browser.tabs.update(record.tabId, { url: record.url });
  } else {
    await browser.tabs.update(record.tabId, { active: true });
    await closeWarningTabIfSeparate(record);
  }
}

/** "This is not a scam": the site goes on the user's allow list, and the page loads normally. */
export async function allowSite(record: BlockRecord): Promise<void> {
  await requireOverride();
  const host = hostOf(record.url);
  if (!host) throw new Error('nothing to allow');
  await allowSiteForUser(host, record);
  await consumeBlock(record);
  const unmute = record.mutedByUs ? { muted: false } : {};
  if (record.mode === 'block') {
    await browser.tabs.update(record.tabId, { url: record.url, ...unmute });
  } else {
    await browser.tabs.update(record.tabId, { active: true, ...unmute });
    await closeWarningTabIfSeparate(record);
  }
}
