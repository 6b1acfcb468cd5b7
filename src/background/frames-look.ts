import browser from 'webextension-polyfill';
import { LOOK_COMMAND } from '../shared/messages/detection';
import { LOCK_SCREEN_KINDS, type ProbeEvent } from '../shared/probe-events';

// Subframes read nothing until their tab behaves like a lock screen (most are ads, and
// reading every frame of every page cost more than all the rest of the extension). Once a
// frame of the tab does, every frame is asked to read what it shows: a kit may tell its
// story in a frame other than the one that locks the screen.

/** A kit may add its frame after it locked the screen: its tab is asked again, at most this often. */
export const ASK_AGAIN_MS = 1000;
/** Tabs remembered (the oldest is forgotten first); forgetting one costs at most one more question. */
const MAX_TABS = 200;

const askedAt = new Map<number, number>();

/** Whether these events call for the tab's frames to look, now. */
export function shouldAskFrames(tabId: number, events: readonly ProbeEvent[], now: number): boolean {
  if (!events.some((event) => LOCK_SCREEN_KINDS.has(event.kind))) return false;
  if (now - (askedAt.get(tabId) ?? -Infinity) < ASK_AGAIN_MS) return false;
  askedAt.delete(tabId);
  askedAt.set(tabId, now);
  if (askedAt.size > MAX_TABS) askedAt.delete(askedAt.keys().next().value as number);
  return true;
}

/** Asks every frame of the tab to read its text, when its events are what a lock screen does. */
export function askFramesToLook(tabId: number, events: readonly ProbeEvent[], now = Date.now()): void {
  if (!shouldAskFrames(tabId, events, now)) return;
  // Frames without a content script (yet) do not answer: nothing to wait for.
  browser.tabs.sendMessage(tabId, LOOK_COMMAND).catch(() => {});
}
