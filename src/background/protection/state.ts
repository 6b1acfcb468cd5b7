import browser from 'webextension-polyfill';
import type { ProtectionMode } from '../../shared/settings';
import type { Verdict } from '../../shared/verdict';
import { pageKey, sameSite } from './decide';

// Protection state lives in storage.session (not readable by content scripts in
// Chrome; cleared with the browser session) so a worker restart loses nothing.

export interface BlockRecord {
  blockId: string;
  /** The tab that showed the blocked page. */
  tabId: number;
  /** The tab showing the warning page: the same tab in 'block' mode, a new one in 'warn' mode. */
  warningTabId: number;
  url: string;
  verdict: Verdict;
  thumbnail: string | null;
  lastSafeUrl: string | null;
  mode: Extract<ProtectionMode, 'block' | 'warn'>;
  /** We muted the tab (it was not muted before), so leaving to a safe page unmutes it. */
  mutedByUs: boolean;
  blockedAt: number;
  /** From the verdict to the tab muted, out of window full screen and the page told to neutralise itself. */
  neutraliseMs: number;
}

const blockKey = (blockId: string) => `protection-block:${blockId}`;
const tabBlockKey = (tabId: number) => `protection-tab-block:${tabId}`;
const continuedKey = (tabId: number) => `protection-continued:${tabId}`;
const recentKey = (tabId: number) => `protection-recent:${tabId}`;

const MAX_RECENT = 12;
const session = () => browser.storage.session;

/** Saves a block as the tab's current one; an earlier block of the tab is dropped (its id stops working). */
export async function saveBlock(record: BlockRecord): Promise<void> {
  const previous = (await session().get(tabBlockKey(record.tabId)))[tabBlockKey(record.tabId)] as string | undefined;
  if (previous && previous !== record.blockId) await session().remove(blockKey(previous));
  await session().set({ [blockKey(record.blockId)]: record, [tabBlockKey(record.tabId)]: record.blockId });
}

/** The tab's current, not yet acted on, block. */
export async function currentBlock(tabId: number): Promise<BlockRecord | null> {
  const blockId = (await session().get(tabBlockKey(tabId)))[tabBlockKey(tabId)] as string | undefined;
  return blockId ? getBlock(blockId) : null;
}

export async function getBlock(blockId: string): Promise<BlockRecord | null> {
  const stored = (await session().get(blockKey(blockId)))[blockKey(blockId)] as BlockRecord | undefined;
  return stored ?? null;
}

/** Removes a block once the user acted on it: its id is then worthless. */
export async function consumeBlock(record: BlockRecord): Promise<void> {
  await session().remove([blockKey(record.blockId), tabBlockKey(record.tabId)]);
}

export async function markContinued(tabId: number, url: string): Promise<void> {
  const key = continuedKey(tabId);
  const list = ((await session().get(key))[key] as string[] | undefined) ?? [];
  if (!list.includes(pageKey(url))) list.push(pageKey(url));
  await session().set({ [key]: list.slice(-20) });
}

export async function isContinued(tabId: number, url: string): Promise<boolean> {
  const key = continuedKey(tabId);
  const list = ((await session().get(key))[key] as string[] | undefined) ?? [];
  return list.includes(pageKey(url));
}

// One entry per visit of a site (the latest URL on it), so a history flood on one
// site cannot push the previous site out of the list.
const recentQueues = new Map<number, Promise<void>>();
export function rememberUrl(tabId: number, url: string): Promise<void> {
  const task = async () => {
    const key = recentKey(tabId);
    const list = ((await session().get(key))[key] as string[] | undefined) ?? [];
    const last = list[list.length - 1];
    if (last === url) return;
    if (sameSite(last, url)) list[list.length - 1] = url;
    else list.push(url);
    await session().set({ [key]: list.slice(-MAX_RECENT) });
  };
  const next = (recentQueues.get(tabId) ?? Promise.resolve()).then(task, task);
  recentQueues.set(tabId, next);
  return next;
}

export async function recentUrls(tabId: number): Promise<string[]> {
  const key = recentKey(tabId);
  return ((await session().get(key))[key] as string[] | undefined) ?? [];
}

export async function forgetProtectionTab(tabId: number): Promise<void> {
  recentQueues.delete(tabId);
  const key = tabBlockKey(tabId);
  const blockId = (await session().get(key))[key] as string | undefined;
  await session().remove([key, continuedKey(tabId), recentKey(tabId), ...(blockId ? [blockKey(blockId)] : [])]);
}
