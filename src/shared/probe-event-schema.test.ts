import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseProbeEvent } from './probe-event-schema';
import { PROBE_EVENT_KINDS, type ProbeEvent } from './probe-events';
import { ValidationError } from './validate';

// One minimal and one complete example per kind: the minimal ones are what the first
// version of the probe sent, and must keep parsing (consumers rely on that).
const MINIMAL: ProbeEvent[] = [
  { kind: 'fullscreen-request', target: 'document', userGesture: true },
  { kind: 'keyboard-lock', keys: [], includesEscape: true },
  { kind: 'pointer-lock', target: 'canvas' },
  { kind: 'cursor-hidden' },
  { kind: 'audio-loop', source: 'media', detail: 'loop' },
  { kind: 'oscillator' },
  { kind: 'speech', text: 'hello', lang: 'en' },
  { kind: 'beforeunload' },
  { kind: 'history-push', count: 3 },
  { kind: 'dialog', dialog: 'alert', count: 1, text: 'x' },
  { kind: 'window-open', count: 1 },
  { kind: 'key-swallow', keys: ['Escape'] },
  { kind: 'contextmenu-block' },
  { kind: 'window-move' },
  { kind: 'notification-request', api: 'Notification', userGesture: false, count: 1 },
  { kind: 'disarmed' },
  { kind: 'canvas-text', lines: [] },
];

const COMPLETE: ProbeEvent[] = [
  { kind: 'fullscreen-request', target: 'video', userGesture: true, count: 2, playing: true },
  { kind: 'keyboard-lock', keys: ['Escape'], includesEscape: true, userGesture: true },
  { kind: 'pointer-lock', target: 'canvas', userGesture: false },
  { kind: 'cursor-hidden', target: 'document' },
  { kind: 'audio-loop', source: 'webaudio', detail: 'buffer-repeat', count: 5, media: 'audio', userGesture: false },
  { kind: 'oscillator', count: 10, frequency: 880, userGesture: true },
  { kind: 'speech', text: 'hello', lang: 'en', count: 3 },
  { kind: 'beforeunload', via: 'attribute', count: 1 },
  { kind: 'history-push', count: 100, method: 'replaceState', elapsedMs: 12, afterPopstate: 2 },
  { kind: 'contextmenu-block', count: 2 },
  { kind: 'window-move', method: 'resizeTo', count: 5 },
  { kind: 'notification-request', api: 'PushManager', userGesture: true, count: 1, requestId: '1-2' },
  { kind: 'canvas-text', lines: [{ text: 'Call +1-888-555-0142', px: 36 }] },
];

describe('probe event schema', () => {
  it('covers every kind', () => {
    expect(MINIMAL.map((e) => e.kind).sort()).toEqual([...PROBE_EVENT_KINDS].sort());
  });

  it.each([...MINIMAL, ...COMPLETE])('accepts %o unchanged', (event) => {
    expect(parseProbeEvent(JSON.parse(JSON.stringify(event)))).toEqual(event);
  });

  it('drops unknown fields and truncates long text', () => {
    const parsed = parseProbeEvent({ kind: 'speech', text: 'x'.repeat(5000), lang: 'en', extra: { nested: 1 } });
    expect(parsed).toEqual({ kind: 'speech', text: 'x'.repeat(1000), lang: 'en' });
  });

  it.each([
    { kind: 'history-push', count: 'many' },
    { kind: 'history-push', count: 1, method: 'go' },
    { kind: 'audio-loop', source: 'media', detail: 'loop', media: 'radio' },
    { kind: 'notification-request', api: 'Notification', userGesture: true, count: 1, requestId: 7 },
    { kind: '__proto__' },
    { kind: 'toString' },
  ])('rejects %o', (value) => {
    expect(() => parseProbeEvent(value)).toThrow(ValidationError);
  });

  it('only ever fails with a ValidationError, whatever a page forges', () => {
    const kind = fc.oneof(fc.constantFrom(...PROBE_EVENT_KINDS), fc.string());
    const forged = fc.oneof(fc.jsonValue(), fc.dictionary(fc.string(), fc.jsonValue()).chain((d) => kind.map((k) => ({ ...d, kind: k }))));
    fc.assert(
      fc.property(forged, (value) => {
        try {
          parseProbeEvent(value);
        } catch (error) {
          expect(error).toBeInstanceOf(ValidationError);
        }
      }),
    );
  });
});
