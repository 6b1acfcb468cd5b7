import { describe, expect, it } from 'vitest';
import { type ArrowCandidate, pointsAtPrompt } from './arrows';

const text = (label: string, over: Partial<ArrowCandidate> = {}): ArrowCandidate => ({ kind: 'text', label, top: 10, width: 60, height: 60, fontPx: 64, ...over });
const image = (label: string, over: Partial<ArrowCandidate> = {}): ArrowCandidate => ({ kind: 'element', label, top: 0, width: 120, height: 160, fontPx: 0, ...over });

describe('pointsAtPrompt', () => {
  it.each([
    ['a big ↖ at the top', text('↖')],
    ['a big ⬆ with words', text('⬆ Click Allow')],
    ['a pointing hand emoji', text('👆')],
    ['an arrow image at the top', image('arrow.gif')],
    ['an image whose alt says 矢印', image('img_01.png 矢印')],
  ])('sees %s', (_name, candidate) => {
    expect(pointsAtPrompt(candidate, 800)).toBe(true);
  });

  it.each([
    ['a small ↑ (a link icon)', text('↑', { fontPx: 14 })],
    ['a big ↑ far down the page', text('↑', { top: 900 })],
    ['a big arrow below the first 40 % of a small window', text('↑', { top: 250 }), 500],
    ['a ↓ (not pointing up)', text('↓')],
    ['a hidden arrow', image('arrow.png', { width: 0, height: 0 })],
    ['a carousel arrow', image('slick-arrow slick-next')],
    ['a back-to-top arrow', image('arrow-up scroll-to-top')],
    ['a small arrow icon', image('arrow.svg', { width: 16, height: 16 })],
    ['a big picture that is not an arrow', image('hero.jpg')],
  ])('ignores %s', (_name, candidate, viewportHeight = 800) => {
    expect(pointsAtPrompt(candidate, viewportHeight)).toBe(false);
  });
});
