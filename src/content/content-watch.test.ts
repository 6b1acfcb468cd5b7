// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContentEvidence } from '../shared/detection/content-evidence';
import { isEmptyEvidence, watchContent } from './content-watch';

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

describe('watchContent', () => {
  const texts = (sent: ContentEvidence[]) => sent.map((evidence) => evidence.blocks.map((block) => block.text).join(' | '));
  // Mutation records are delivered in a microtask; the throttle is a timer.
  const settle = async (ms: number) => {
    await Promise.resolve();
    await vi.advanceTimersByTimeAsync(ms);
  };

  beforeEach(() => {
    vi.useFakeTimers();
    document.body.innerHTML = '<p>first</p>';
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reports the page once ready, then again after it changes, with every change made meanwhile', async () => {
    const sent: ContentEvidence[] = [];
    watchContent((evidence) => sent.push(evidence));
    await settle(200);
    expect(texts(sent)).toEqual(['first']);

    document.body.insertAdjacentHTML('beforeend', '<p>second</p>');
    await Promise.resolve();
    // Made while the gather is due, when nothing is observed: the gather still reads it.
    document.body.insertAdjacentHTML('beforeend', '<p>third</p>');
    await settle(500);
    expect(texts(sent)).toEqual(['first', 'first | second | third']);

    // Observed again after that gather.
    document.querySelector('p')!.textContent = 'changed';
    await settle(500);
    expect(texts(sent)).toEqual(['first', 'first | second | third', 'changed | second | third']);
  });

  it('does not report the same evidence twice', async () => {
    const sent: ContentEvidence[] = [];
    watchContent((evidence) => sent.push(evidence));
    await settle(200);
    document.body.setAttribute('class', 'x');
    await settle(500);
    expect(sent).toHaveLength(1);
  });
});
