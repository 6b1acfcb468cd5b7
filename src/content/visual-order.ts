// Words cut into one element per character and put back in reading order only by CSS
// (flex `order`, `row-reverse`, absolute positions), often with hidden decoy characters
// between them: read in document order they say nothing. This reads such runs in the
// order they are shown, from the cells' boxes.

const SKIP_CELLS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS']);

/** Runs of one-character elements: at least this many, at most that many (a word, a line). */
const MIN_RUN = 4;
const MAX_RUN = 120;
/** Layout reads allowed per gather for them. */
export const MAX_RUN_RECTS = 600;

interface Cell {
  text: string;
  left: number;
  right: number;
  top: number;
  height: number;
}

/**
 * When every child of `el` is an element holding at most two characters (and nothing else
 * but white space sits between them), their text in the order they are SHOWN: rows top to
 * bottom, left to right, a space where a gap is, hidden or zero-size cells (decoys) left out.
 * Without layout (no sizes at all) the document order. Null when `el` is not such a run.
 */
export function readTinyRun(el: Element, view: Window | null, layout: { rects: number }): string | null {
  const count = el.childElementCount;
  if (count < MIN_RUN || count > MAX_RUN || el.tagName === 'TR' || el.tagName === 'SELECT') return null;
  for (let node = el.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3) {
      if ((node.nodeValue ?? '').trim()) return null;
      continue;
    }
    if (node.nodeType !== 1) continue;
    const child = node as Element;
    if (child.firstElementChild || SKIP_CELLS.has(child.tagName.toUpperCase()) || (child.textContent ?? '').length > 2) return null;
  }
  const children = Array.from(el.children);
  const texts = children.map((child) => child.textContent ?? '');
  if (!view || layout.rects < count) return texts.join('');
  layout.rects -= count;
  const cells: Cell[] = [];
  children.forEach((child, i) => {
    const box = child.getBoundingClientRect();
    if (box.width > 0 && box.height > 0) cells.push({ text: texts[i] ?? '', left: box.left, right: box.right, top: box.top, height: box.height });
  });
  if (!cells.length) return texts.join('');
  cells.sort((a, b) => a.top - b.top);
  const rows: Cell[][] = [];
  for (const cell of cells) {
    const row = rows[rows.length - 1];
    const first = row?.[0];
    if (row && first && cell.top - first.top < first.height / 2) row.push(cell);
    else rows.push([cell]);
  }
  return rows
    .map((row) => {
      row.sort((a, b) => a.left - b.left);
      let text = '';
      row.forEach((cell, i) => {
        const previous = row[i - 1];
        if (previous && cell.left - previous.right > cell.height * 0.3) text += ' ';
        text += cell.text;
      });
      return text;
    })
    .join(' ');
}
