// What the page did, summed over all frames of the tab: a small plain object that
// is cheap to keep in storage.session and to score again on every new event.
import type { FullscreenTarget, ProbeEvent } from '../probe-events';

export interface BehaviourSummary {
  fullscreen: Record<FullscreenTarget, number>;
  keyboardLock: number;
  keyboardLockEscape: boolean;
  pointerLock: Record<FullscreenTarget, number>;
  cursorHidden: number;
  audioLoop: number;
  oscillator: number;
  /** Spoken texts (first few). */
  speech: string[];
  beforeunload: number;
  /** Highest history.pushState count reported. */
  historyPush: number;
  /** Highest dialog count reported, and the first few dialog texts. */
  dialogs: number;
  dialogTexts: string[];
  windowOpen: number;
  swallowedKeys: string[];
  contextmenuBlock: number;
  windowMove: number;
  notificationRequest: number;
}

const MAX_TEXTS = 5;
const MAX_TEXT_CHARS = 300;
const MAX_KEYS = 20;

export function emptyBehaviour(): BehaviourSummary {
  const targets = (): Record<FullscreenTarget, number> => ({ document: 0, video: 0, canvas: 0, other: 0 });
  return {
    fullscreen: targets(), keyboardLock: 0, keyboardLockEscape: false, pointerLock: targets(), cursorHidden: 0, audioLoop: 0,
    oscillator: 0, speech: [], beforeunload: 0, historyPush: 0, dialogs: 0, dialogTexts: [], windowOpen: 0, swallowedKeys: [],
    contextmenuBlock: 0, windowMove: 0, notificationRequest: 0,
  };
}

function pushText(list: string[], text: string): void {
  const trimmed = text.trim().slice(0, MAX_TEXT_CHARS);
  if (trimmed && list.length < MAX_TEXTS && !list.includes(trimmed)) list.push(trimmed);
}

/** Folds probe events into the summary (mutates and returns it). */
export function addProbeEvents(summary: BehaviourSummary, events: readonly ProbeEvent[]): BehaviourSummary {
  for (const event of events) {
    switch (event.kind) {
      case 'fullscreen-request': summary.fullscreen[event.target]++; break;
      case 'keyboard-lock':
        summary.keyboardLock++;
        summary.keyboardLockEscape ||= event.includesEscape || event.keys.length === 0;
        break;
      case 'pointer-lock': summary.pointerLock[event.target]++; break;
      case 'cursor-hidden': summary.cursorHidden++; break;
      case 'audio-loop': summary.audioLoop++; break;
      case 'oscillator': summary.oscillator++; break;
      case 'speech': pushText(summary.speech, event.text); break;
      case 'beforeunload': summary.beforeunload++; break;
      case 'history-push': summary.historyPush = Math.max(summary.historyPush, event.count); break;
      case 'dialog':
        summary.dialogs = Math.max(summary.dialogs, event.count);
        pushText(summary.dialogTexts, event.text);
        break;
      case 'window-open': summary.windowOpen = Math.max(summary.windowOpen, event.count); break;
      case 'key-swallow':
        for (const key of event.keys) if (summary.swallowedKeys.length < MAX_KEYS && !summary.swallowedKeys.includes(key)) summary.swallowedKeys.push(key);
        break;
      case 'contextmenu-block': summary.contextmenuBlock++; break;
      case 'window-move': summary.windowMove++; break;
      case 'notification-request': summary.notificationRequest = Math.max(summary.notificationRequest + 1, event.count); break;
    }
  }
  return summary;
}
