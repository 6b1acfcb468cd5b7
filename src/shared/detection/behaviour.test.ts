import { describe, expect, it } from 'vitest';
import type { ProbeEvent } from '../probe-events';
import { addProbeEvents, emptyBehaviour } from './behaviour';
import { behaviourReasons } from './reasons';

describe('behaviour summary', () => {
  it('counts full screen by target and keeps the highest flood counts', () => {
    const b = addProbeEvents(emptyBehaviour(), [
      { kind: 'fullscreen-request', target: 'document', userGesture: true },
      { kind: 'fullscreen-request', target: 'video', userGesture: true },
      { kind: 'history-push', count: 3 },
      { kind: 'history-push', count: 12 },
      { kind: 'dialog', dialog: 'alert', count: 4, text: 'Virus!' },
      { kind: 'dialog', dialog: 'alert', count: 4, text: 'Virus!' },
    ]);
    expect(b.fullscreen).toMatchObject({ document: 1, video: 1 });
    expect(b.historyPush).toBe(12);
    expect(b.dialogs).toBe(4);
    expect(b.dialogTexts).toEqual(['Virus!']);
  });

  it('caps stored texts and keys', () => {
    const events = Array.from({ length: 50 }, (_, i) => ({ kind: 'speech' as const, text: `line ${i} ${'x'.repeat(1000)}`, lang: 'en' }));
    const b = addProbeEvents(emptyBehaviour(), events);
    expect(b.speech.length).toBeLessThanOrEqual(5);
    expect(b.speech.every((t) => t.length <= 300)).toBe(true);
  });

  it.each([
    ['full screen of the page is a lock', [{ kind: 'fullscreen-request', target: 'document', userGesture: true }], 'reasonFullscreenPage'],
    ['keyboard lock including Esc', [{ kind: 'keyboard-lock', keys: ['Escape'], includesEscape: true }], 'reasonKeyboardLockEscape'],
    ['a looping alarm', [{ kind: 'audio-loop', source: 'media', detail: 'alarm.mp3' }], 'reasonAudioLoop'],
    ['a history flood', [{ kind: 'history-push', count: 30 }], 'reasonHistoryFlood'],
    ['a dialog loop', [{ kind: 'dialog', dialog: 'confirm', count: 3, text: '' }], 'reasonDialogLoop'],
    ['a window flood', [{ kind: 'window-open', count: 5 }], 'reasonWindowFlood'],
  ] as Array<[string, ProbeEvent[], string]>)('%s gives a reason', (_what, events, key) => {
    expect(behaviourReasons(addProbeEvents(emptyBehaviour(), events)).map((r) => r.key)).toContain(key);
  });

  it.each([
    ['full screen of a video', [{ kind: 'fullscreen-request', target: 'video', userGesture: true }]],
    ['full screen of a game canvas', [{ kind: 'fullscreen-request', target: 'canvas', userGesture: true }]],
    ['pointer lock on a canvas', [{ kind: 'pointer-lock', target: 'canvas' }]],
    ['one pushState (a single-page app)', [{ kind: 'history-push', count: 1 }]],
    ['one alert', [{ kind: 'dialog', dialog: 'alert', count: 1, text: 'Saved' }]],
  ] as Array<[string, ProbeEvent[]]>)('%s gives no lock or trap reason', (_what, events) => {
    const reasons = behaviourReasons(addProbeEvents(emptyBehaviour(), events));
    expect(reasons.filter((r) => r.category === 'lock' || r.category === 'trap')).toEqual([]);
  });
});
