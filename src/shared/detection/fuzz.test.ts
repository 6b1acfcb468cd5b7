// Property-based tests of the pure detector: whatever a page puts in its text and whatever
// its (validated) probe events say, the normaliser and the detector never throw, answer
// within a time bound, return a well-formed verdict, and never call content alone a scam.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ProbeEvent } from '../probe-events';
import { parseProbeEvent } from '../probe-event-schema';
import { addProbeEvents, emptyBehaviour } from './behaviour';
import { CONTENT_LIMITS, type ContentEvidence } from './content-evidence';
import { cleanText, matchForm } from './normalize';
import { detect } from './score';

const LEVELS = ['safe', 'suspicious', 'scam'];
const CATEGORIES = ['lock', 'alarm', 'trap', 'claim', 'brand', 'call', 'place', 'lure'];

// Pieces scam pages and hostile inputs are made of, so random text hits the interesting paths.
const PIECES = [
  'Microsoft', 'Windows Defender', 'Apple', 'McAfee', 'infected', 'has been blocked', 'Call', 'call now', 'Toll Free', '電話',
  'ウイルスに感染', 'サポート', '0120', '050', '+1', '(888)', '555', '0199', '-', '.', ' ', '\u200b', '\u200d', '\u202e', '\u00ad',
  'Μ', 'Ι', 'С', 'о', 'і', '０', '１', '８', '－', '＋', 'é', '\u0301', '\ud83d\ude00', '\ud800', '1.2.3.4', '0x800VDS', 'Error code:',
  '192.168.0.1', '((((((', '))))', '1 1 1 1', '\n\t',
];
const pieceText = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((parts) => parts.join(''));
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  pieceText,
  fc.constantFrom('1'.repeat(600), '1 '.repeat(300), `${'('.repeat(300)}${'1'.repeat(300)}`, '+1-888-555-0199 '.repeat(37)),
);

const block = fc.record({ text: anyText, px: fc.oneof(fc.integer({ min: 0, max: 400 }), fc.constant(0)), flags: fc.integer({ min: 0, max: 15 }) });
const frame: fc.Arbitrary<ContentEvidence> = fc.record({
  url: fc.oneof(fc.webUrl(), fc.constant('http://1.2.3.4/x'), fc.constant('https://a1b2c3.web.core.windows.net/'), fc.string()),
  lang: fc.oneof(fc.constantFrom('', 'en', 'ja', 'fr-CA', 'de_AT', 'zz-ZZ', 'x'), fc.string({ maxLength: 20 })),
  title: anyText.map((t) => t.slice(0, CONTENT_LIMITS.titleChars)),
  blocks: fc.array(block, { maxLength: 20 }),
  attrs: fc.array(anyText.map((t) => t.slice(0, CONTENT_LIMITS.attrChars)), { maxLength: 10 }),
  cssLogo: fc.boolean(),
  progressBars: fc.integer({ min: 0, max: 1000 }),
  truncated: fc.boolean(),
});

// Events as the background receives them: anything, kept only if the schema accepts it.
const target = fc.constantFrom('document', 'video', 'canvas', 'other');
const rawEvent = fc.oneof(
  fc.record({ kind: fc.constant('fullscreen-request'), target, userGesture: fc.boolean(), count: fc.nat(), playing: fc.boolean() }),
  fc.record({ kind: fc.constant('keyboard-lock'), keys: fc.array(fc.string({ maxLength: 40 }), { maxLength: 5 }), includesEscape: fc.boolean() }),
  fc.record({ kind: fc.constant('pointer-lock'), target }),
  fc.record({ kind: fc.constant('cursor-hidden'), target }),
  fc.record({ kind: fc.constant('audio-loop'), source: fc.constantFrom('media', 'webaudio'), detail: fc.string({ maxLength: 20 }) }),
  fc.record({ kind: fc.constant('oscillator'), count: fc.nat(), frequency: fc.double({ noNaN: true, noDefaultInfinity: true }) }),
  fc.record({ kind: fc.constant('speech'), text: anyText, lang: fc.string({ maxLength: 40 }) }),
  fc.record({ kind: fc.constant('beforeunload') }),
  fc.record({ kind: fc.constant('history-push'), count: fc.integer({ min: -5, max: 1e9 }) }),
  fc.record({ kind: fc.constant('dialog'), dialog: fc.constantFrom('alert', 'confirm', 'prompt', 'print'), count: fc.nat(), text: anyText }),
  fc.record({ kind: fc.constant('window-open'), count: fc.nat() }),
  fc.record({ kind: fc.constant('key-swallow'), keys: fc.array(fc.string({ maxLength: 40 }), { maxLength: 50 }) }),
  fc.record({ kind: fc.constant('contextmenu-block') }),
  fc.record({ kind: fc.constant('window-move') }),
  fc.record({ kind: fc.constant('notification-request'), api: fc.constantFrom('Notification', 'PushManager'), userGesture: fc.boolean(), count: fc.nat() }),
  fc.record({ kind: fc.constant('disarmed') }),
  fc.anything(),
);
const events = fc.array(rawEvent, { maxLength: 30 }).map((raw) =>
  raw.flatMap((value): ProbeEvent[] => {
    try {
      return [parseProbeEvent(value)];
    } catch {
      return [];
    }
  }),
);

function timed<T>(run: () => T): [T, number] {
  const start = performance.now();
  const result = run();
  return [result, performance.now() - start];
}

describe('text normaliser (property-based)', () => {
  it('never throws, drops invisible characters, and is idempotent', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const clean = cleanText(text);
        expect(clean).not.toMatch(/[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\u00ad]/);
        const form = matchForm(text);
        expect(form).toBe(form.trim());
        expect(matchForm(form)).toBe(form);
      }),
      { numRuns: 2000 },
    );
  });

  it('stays fast on the largest page text (40 000 characters of anything)', () => {
    fc.assert(
      fc.property(fc.array(anyText, { minLength: 200, maxLength: 200 }), (parts) => {
        const text = parts.join(' ').padEnd(CONTENT_LIMITS.totalChars, '\u200b1').slice(0, CONTENT_LIMITS.totalChars);
        const [, ms] = timed(() => matchForm(text));
        expect(ms).toBeLessThan(250);
      }),
      { numRuns: 20 },
    );
  });
});

describe('detector (property-based)', () => {
  it('never throws and always gives a well-formed verdict, silent when safe', () => {
    fc.assert(
      fc.property(fc.array(frame, { minLength: 1, maxLength: 3 }), events, fc.oneof(fc.webUrl(), fc.string()), (frames, evts, url) => {
        const [verdict, ms] = timed(() => detect(frames, addProbeEvents(emptyBehaviour(), evts), url));
        expect(ms).toBeLessThan(1000);
        expect(LEVELS).toContain(verdict.level);
        expect(Number.isFinite(verdict.score) && verdict.score >= 0).toBe(true);
        expect(verdict.phoneNumbers.length).toBeLessThanOrEqual(3);
        for (const reason of verdict.reasons) {
          expect(CATEGORIES).toContain(reason.category);
          expect(reason.key).toMatch(/^reason[A-Z]\w+$/);
          expect(Number.isFinite(reason.weight)).toBe(true);
          for (const param of reason.params) expect(typeof param).toBe('string');
        }
        if (verdict.level === 'safe') expect(verdict).toMatchObject({ reasons: [], phoneNumbers: [] });
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  it('never calls content alone a scam, whatever the page says', () => {
    fc.assert(
      fc.property(fc.array(frame, { minLength: 1, maxLength: 3 }), fc.oneof(fc.webUrl(), fc.constant('http://1.2.3.4/')), (frames, url) => {
        expect(detect(frames, emptyBehaviour(), url).level).not.toBe('scam');
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  it('answers within a bound for the largest, most phone-like evidence a frame may send', () => {
    // 40 000 characters in 600-character blocks crowded with number-like text: the phone
    // search (libphonenumber over up to six regions) is the costly part. Measured ~0.1–0.6 s
    // on a loaded 2-core machine; the bound leaves room for that load.
    const crowded = [
      Array.from({ length: 60 }, (_, i) => `call ${i} (0${i}) 555-${i}${i}`).join(' '),
      Array.from({ length: 40 }, (_, i) => `０５０－５５５５－０１${String(i).padStart(2, '0')}`).join('、'),
      '1 '.repeat(300),
    ];
    for (const text of crowded) {
      const blocks = Array.from({ length: Math.floor(CONTENT_LIMITS.totalChars / 600) }, () => ({ text: text.slice(0, 600), px: 40, flags: 15 }));
      const evidence: ContentEvidence = { url: 'http://x.test/', lang: 'en', title: '', blocks, attrs: [], cssLogo: true, progressBars: 0, truncated: true };
      const [, ms] = timed(() => detect([evidence], emptyBehaviour(), 'http://x.test/', 'ja-JP'));
      expect(ms, text.slice(0, 30)).toBeLessThan(3000);
    }
  }, 60_000);
});
