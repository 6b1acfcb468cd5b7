// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { fontPx, linesOf, type Spot } from './canvas';

const spot = (canvas: number, x: number, y: number, text: string, px = 20, width = text.length * px * 0.5): Spot => ({
  key: `${canvas}:${x}:${y}`, canvas, x, y, end: x + width, px, text,
});

/** Draws `text` one character per call, as a kit dodging text hooks does (spaces skipped, a gap left). */
function spelled(canvas: number, x: number, y: number, text: string, px = 20): Spot[] {
  const spots: Spot[] = [];
  for (const ch of text) {
    if (ch !== ' ') spots.push(spot(canvas, x, y, ch, px));
    x += px * 0.5;
  }
  return spots;
}

describe('canvas text', () => {
  it.each([
    ['24px sans-serif', 24],
    ['bold 12.5px Arial', 12.5],
    ['italic small-caps 30px/2 serif', 30],
    ['1em serif', 0],
    ['px', 0],
    ['', 0],
    ['99999px x', 0],
  ])('font size of %j is %d', (font, px) => expect(fontPx(font)).toBe(px));

  it('joins whole lines and single characters into lines, left to right, with spaces at the gaps', () => {
    const spots = [
      ...spelled(1, 20, 170, 'Your computer is infected'),
      spot(1, 20, 50, 'Windows Defender Security Center', 30),
      ...spelled(1, 20, 250, 'Call +1-888-555-0142', 36).reverse(),
    ];
    expect(linesOf(spots)).toEqual([
      { text: 'Windows Defender Security Center', px: 30 },
      { text: 'Your computer is infected', px: 20 },
      { text: 'Call +1-888-555-0142', px: 36 },
    ]);
  });

  it('keeps canvases and baselines apart, and tolerates a baseline off by a pixel', () => {
    const lines = linesOf([spot(2, 0, 10, 'second'), spot(1, 0, 10, 'first'), spot(1, 60, 11, 'line'), spot(1, 0, 60, 'below')]);
    expect(lines.map((line) => line.text)).toEqual(['first line', 'below', 'second']);
  });

  it('bounds its output: at most 40 lines of at most 300 characters', () => {
    const many = Array.from({ length: 100 }, (_, i) => spot(1, 0, i * 40, `line ${i}`));
    expect(linesOf(many)).toHaveLength(40);
    const long = Array.from({ length: 500 }, (_, i) => spot(1, i * 10, 0, 'x', 20, 10));
    expect(linesOf(long)[0]?.text.length).toBe(300);
  });
});
