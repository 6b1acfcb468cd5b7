import { describe, expect, it } from 'vitest';
import { analyseContent, mergeFindings } from './analyse';
import { BLOCK_FLAGS, type ContentEvidence } from './content-evidence';

const frame = (blocks: Array<string | { text: string; px?: number; flags?: number }>, extra: Partial<ContentEvidence> = {}): ContentEvidence => ({
  url: 'http://page.test/',
  lang: 'en',
  title: '',
  blocks: blocks.map((b) => (typeof b === 'string' ? { text: b, px: 0, flags: 0 } : { px: 0, flags: 0, ...b })),
  attrs: [],
  cssLogo: false,
  progressBars: 0,
  truncated: false,
  ...extra,
});

describe('content analysis', () => {
  it('joins a number whose digits sit in separate block elements', () => {
    const findings = analyseContent([frame(['Call now', '1', '-888', '-555', '-01', '99', 'Thank you'])], 'en-US');
    expect(findings.phones.map((p) => p.e164)).toEqual(['+18885550199']);
  });

  it('does not glue unrelated numbers in ordinary text', () => {
    const findings = analyseContent([frame(['Chapter 1', 'Page 2', 'Total: 888 items'])], 'en-US');
    expect(findings.phones).toEqual([]);
  });

  it('rates how hard a number is pushed: size, overlay, repetition, call words', () => {
    const big = analyseContent([frame([{ text: '+1-888-555-0199', px: 32 }, 'Call support now'])], 'en-US').phones[0];
    expect(big).toMatchObject({ prominent: true, callWords: true, tollFree: true });
    const overlay = analyseContent([frame([{ text: '+1 805 555 0142', flags: BLOCK_FLAGS.overlay }])], 'en-US').phones[0];
    expect(overlay?.prominent).toBe(true);
    const quiet = analyseContent([frame(['Our office: +1 805 555 0142'])], 'en-US').phones[0];
    expect(quiet).toMatchObject({ prominent: false, callWords: false });
    const repeated = analyseContent([frame(['+1 805 555 0142', 'again +1 805 555 0142'])], 'en-US').phones[0];
    expect(repeated).toMatchObject({ count: 2, prominent: true });
  });

  it('reads brands from image file names and attributes', () => {
    const findings = analyseContent([frame([], { attrs: ['windows-defender_logo.png', 'McAfee Total Protection'] })], 'en-US');
    expect(findings.signals.brands).toEqual(expect.arrayContaining(['Windows', 'McAfee']));
  });

  it('uses the page language for numbers without a country code', () => {
    const ja = analyseContent([frame(['お電話ください 050-5555-0199'], { lang: 'ja' })], 'en-US');
    expect(ja.phones[0]?.e164).toBe('+815055550199');
  });

  it('merges frames: claims from one, brand and number from another', () => {
    const a = analyseContent([frame(['Your computer is infected'])], 'en-US');
    const b = analyseContent([frame(['Microsoft support', 'Call +1-888-555-0199', 'Call +1-888-555-0199'])], 'en-US');
    const merged = mergeFindings([a, b]);
    expect(Object.keys(merged.signals.claims)).toContain('infected');
    expect(merged.signals.brands).toContain('Microsoft');
    expect(merged.phones[0]).toMatchObject({ e164: '+18885550199', count: 2 });
  });
});
