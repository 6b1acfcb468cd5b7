import browser from 'webextension-polyfill';
import type { ProbeEvent } from '../shared/probe-events';
import type { TabStatus } from '../shared/protocol';
import { SAFE_VERDICT } from '../shared/verdict';

// Per-tab state lives in storage.session so a service-worker restart loses nothing.

const key = (tabId: number) => `tab:${tabId}`;

interface StoredTabState {
  url: string | null;
  eventCounts: Record<string, number>;
}

async function read(tabId: number): Promise<StoredTabState> {
  const stored = (await browser.storage.session.get(key(tabId)))[key(tabId)] as StoredTabState | undefined;
  return stored ?? { url: null, eventCounts: {} };
}

// Updates of one tab are chained so concurrent messages do not overwrite each other.
const queues = new Map<number, Promise<unknown>>();
function serialise<T>(tabId: number, task: () => Promise<T>): Promise<T> {
  const next = (queues.get(tabId) ?? Promise.resolve()).then(task, task);
  queues.set(tabId, next);
  return next;
}

export function recordProbeEvents(tabId: number, url: string | null, events: ProbeEvent[]): Promise<void> {
  return serialise(tabId, async () => {
    const state = await read(tabId);
    if (url && state.url !== url) {
      state.url = url;
      state.eventCounts = {};
    }
    for (const event of events) state.eventCounts[event.kind] = (state.eventCounts[event.kind] ?? 0) + 1;
    await browser.storage.session.set({ [key(tabId)]: state });
  });
}

export async function tabStatus(tabId: number): Promise<TabStatus> {
  const state = await read(tabId);
  return { tabId, url: state.url, eventCounts: state.eventCounts, verdict: SAFE_VERDICT };
}

export function forgetTab(tabId: number): Promise<void> {
  return serialise(tabId, () => browser.storage.session.remove(key(tabId)));
}
