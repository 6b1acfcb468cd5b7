import browser from 'webextension-polyfill';
import type { ContextReason } from '../../shared/remote-context';
import type { RemoteGuardMode } from '../../shared/settings';

// Open remote-guard cases (a held download or a replaced session page), keyed by an
// unguessable one-time id. They live in storage.session so a worker restart keeps
// them, and never in a place a web page can read.

export const REMOTE_WARNING_PATH = 'src/ui/remote-warning/index.html';
const CASES_KEY = 'remoteGuardCases';
const ALLOW_KEY = 'remoteGuardAllow';
const CASE_TTL_MS = 24 * 60 * 60 * 1000;
const ALLOW_TTL_MS = 60_000;

export interface RemoteGuardCase {
  id: string;
  kind: 'download' | 'page';
  action: 'warn' | 'block';
  toolId: string;
  toolName: string;
  /** The download's final URL or the session page's URL. */
  url: string;
  fileName: string | null;
  downloadId: number | null;
  /** The tab showing the warning (page cases: the tab that was on the session page). */
  warningTabId: number | null;
  mode: RemoteGuardMode;
  reasons: ContextReason[];
  flaggedUrl: string | null;
  createdAt: number;
}

export function newCaseId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function warningPageUrl(id: string): string {
  return `${browser.runtime.getURL(REMOTE_WARNING_PATH)}?id=${id}`;
}

let queue: Promise<unknown> = Promise.resolve();
function serialise<T>(task: () => Promise<T>): Promise<T> {
  const next = queue.then(task, task);
  queue = next.catch(() => {});
  return next;
}

async function readCases(): Promise<Record<string, RemoteGuardCase>> {
  const stored = (await browser.storage.session.get(CASES_KEY))[CASES_KEY];
  return typeof stored === 'object' && stored !== null ? (stored as Record<string, RemoteGuardCase>) : {};
}

export function saveCase(entry: RemoteGuardCase): Promise<void> {
  return serialise(async () => {
    const cases = await readCases();
    for (const [id, old] of Object.entries(cases)) if (entry.createdAt - old.createdAt > CASE_TTL_MS) delete cases[id];
    cases[entry.id] = entry;
    await browser.storage.session.set({ [CASES_KEY]: cases });
  });
}

export async function getCase(id: string): Promise<RemoteGuardCase | null> {
  return (await readCases())[id] ?? null;
}

/** Removes and returns a case: each id is answered once. */
export function takeCase(id: string): Promise<RemoteGuardCase | null> {
  return serialise(async () => {
    const cases = await readCases();
    const entry = cases[id] ?? null;
    if (entry) {
      delete cases[id];
      await browser.storage.session.set({ [CASES_KEY]: cases });
    }
    return entry;
  });
}

export async function findCases(predicate: (entry: RemoteGuardCase) => boolean): Promise<RemoteGuardCase[]> {
  return Object.values(await readCases()).filter(predicate);
}

interface Allowance {
  key: string;
  until: number;
}

/** After "continue": the restarted download, by its URL (used once). */
export const downloadAllowance = (url: string) => `download:${url}`;
/** After "continue": this tool's session pages in this tab, redirects included, for a minute. */
export const pageAllowance = (tabId: number, toolId: string) => `page:${tabId}:${toolId}`;

async function readAllowances(now: number): Promise<Allowance[]> {
  const stored = (await browser.storage.session.get(ALLOW_KEY))[ALLOW_KEY];
  return (Array.isArray(stored) ? (stored as Allowance[]) : []).filter((entry) => entry.until > now);
}

export function allow(key: string): Promise<void> {
  return serialise(async () => {
    const now = Date.now();
    const list = await readAllowances(now);
    list.push({ key, until: now + ALLOW_TTL_MS });
    await browser.storage.session.set({ [ALLOW_KEY]: list });
  });
}

/** Whether `key` was allowed; a download allowance is used up by the check. */
export function isAllowed(key: string, consume: boolean): Promise<boolean> {
  return serialise(async () => {
    const list = await readAllowances(Date.now());
    const index = list.findIndex((entry) => entry.key === key);
    if (index >= 0 && consume) {
      list.splice(index, 1);
      await browser.storage.session.set({ [ALLOW_KEY]: list });
    }
    return index >= 0;
  });
}
