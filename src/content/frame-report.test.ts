import { describe, expect, it } from 'vitest';
import type { ContentEvidence } from '../shared/detection/content-evidence';
import { isEmptyEvidence } from './frame-report';

const blank: ContentEvidence = { url: 'https://ads.example/frame', lang: 'en', title: '', blocks: [], attrs: [], cssLogo: false, progressBars: 0, truncated: true };

describe('isEmptyEvidence', () => {
  it('is empty when only the frame facts (url, lang, truncated) are set', () => {
    expect(isEmptyEvidence(blank)).toBe(true);
  });

  it.each<[string, Partial<ContentEvidence>]>([
    ['a title', { title: 'Windows Defender' }],
    ['a text block', { blocks: [{ text: 'Call support', px: 0, flags: 0 }] }],
    ['an attribute', { attrs: ['warning.png'] }],
    ['logo colours', { cssLogo: true }],
    ['a progress bar', { progressBars: 1 }],
  ])('is not empty with %s', (_what, extra) => {
    expect(isEmptyEvidence({ ...blank, ...extra })).toBe(false);
  });

  it('counts a kind of evidence it does not know yet', () => {
    expect(isEmptyEvidence({ ...blank, newSignal: ['x'] } as ContentEvidence)).toBe(false);
  });
});
