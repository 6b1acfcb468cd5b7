// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { readTinyRun } from './visual-order';

beforeEach(() => {
  document.body.innerHTML = '';
});

/** Puts `text`'s characters in a row of cells, in the document order `order` gives, each drawn at its reading position. */
function row(text: string, order: (indexes: number[]) => number[], options: { decoysEvery?: number; top?: (i: number) => number } = {}): HTMLElement {
  const parent = document.createElement('div');
  const chars = [...text];
  for (const i of order(chars.map((_, i) => i))) {
    const cell = document.createElement('span');
    cell.textContent = chars[i] ?? '';
    const left = i * 10;
    const top = options.top?.(i) ?? 0;
    cell.getBoundingClientRect = () => ({ left, right: left + 9, top, bottom: top + 20, width: 9, height: 20, x: left, y: top, toJSON: () => ({}) });
    parent.append(cell, document.createTextNode('\n'));
    if (options.decoysEvery && i % options.decoysEvery === 0) {
      const decoy = document.createElement('span');
      decoy.textContent = 'q';
      decoy.getBoundingClientRect = () => ({ left: 0, right: 0, top: 0, bottom: 0, width: 0, height: 0, x: 0, y: 0, toJSON: () => ({}) });
      parent.append(decoy);
    }
  }
  document.body.append(parent);
  return parent;
}

const shuffled = (indexes: number[]) => indexes.map((i) => [(i * 7919) % 31, i] as const).sort((a, b) => a[0] - b[0]).map(([, i]) => i);

describe('reading one-character cells in the order they are shown', () => {
  it('puts a shuffled run back in reading order', () => {
    expect(readTinyRun(row('Microsoft', shuffled), window, { rects: 600 })).toBe('Microsoft');
  });

  it('reads a reversed run (row-reverse) the right way round', () => {
    expect(readTinyRun(row('has been blocked', (i) => [...i].reverse()), window, { rects: 600 })).toBe('has been blocked');
  });

  it('leaves out hidden decoy characters (no box)', () => {
    expect(readTinyRun(row('infected', (i) => i, { decoysEvery: 2 }), window, { rects: 600 })).toBe('infected');
  });

  it('reads rows top to bottom and puts a space where cells are apart', () => {
    const parent = row('ab', (i) => i);
    const far = document.createElement('span');
    far.textContent = 'c';
    far.getBoundingClientRect = () => ({ left: 100, right: 109, top: 0, bottom: 20, width: 9, height: 20, x: 100, y: 0, toJSON: () => ({}) });
    const below = document.createElement('span');
    below.textContent = 'd';
    below.getBoundingClientRect = () => ({ left: 0, right: 9, top: 40, bottom: 60, width: 9, height: 20, x: 0, y: 40, toJSON: () => ({}) });
    parent.prepend(below, far);
    expect(readTinyRun(parent, window, { rects: 600 })).toBe('ab c d');
  });

  it('keeps document order without layout (no boxes at all) or past its budget of box reads', () => {
    const parent = row('abcd', (i) => [...i].reverse());
    for (const cell of parent.children) (cell as HTMLElement).getBoundingClientRect = () => new DOMRect(0, 0, 0, 0);
    expect(readTinyRun(parent, window, { rects: 600 })).toBe('dcba');
    expect(readTinyRun(row('wxyz', (i) => [...i].reverse()), window, { rects: 3 })).toBe('zyxw');
  });

  it('is not a run: fewer than four cells, longer texts, nested elements, text between cells, table rows', () => {
    expect(readTinyRun(row('abc', (i) => i), window, { rects: 600 })).toBeNull();
    document.body.innerHTML = '<div id="a"><span>ab</span><span>abc</span><span>a</span><span>b</span></div>'
      + '<div id="b"><span><b>a</b></span><span>b</span><span>c</span><span>d</span></div>'
      + '<div id="c"><span>a</span>text<span>b</span><span>c</span><span>d</span></div>'
      + '<table><tr id="d"><td>1</td><td>2</td><td>3</td><td>4</td></tr></table>';
    for (const id of ['a', 'b', 'c', 'd']) expect(readTinyRun(document.getElementById(id) as Element, window, { rects: 600 }), id).toBeNull();
  });
});
