// A big arrow at the top of the page pointing at the browser's permission prompt,
// measured when the page asks (rare), within capped walks. Judged by the pure
// pointsAtPrompt (src/shared/notifications/arrows.ts).
import { type ArrowCandidate, isArrowLabel, pointsAtPrompt } from '../shared/notifications/arrows';

const MAX_ELEMENTS = 80;
const MAX_TEXT_NODES = 3000;

function seen(kind: ArrowCandidate['kind'], label: string, element: Element, viewportHeight: number): boolean {
  if (!isArrowLabel(kind, label)) return false;
  const box = element.getBoundingClientRect();
  const fontPx = kind === 'text' ? parseFloat(getComputedStyle(element).fontSize) || 0 : 0;
  return pointsAtPrompt({ kind, label, top: box.top, width: box.width, height: box.height, fontPx }, viewportHeight);
}

export function promptArrowShown(doc: Document = document): boolean {
  try {
    const height = innerHeight;
    const elements = doc.querySelectorAll('img,svg,[class*=arrow i],[id*=arrow i],[alt*=arrow i]');
    for (let i = 0; i < elements.length && i < MAX_ELEMENTS; i++) {
      const element = elements[i] as Element;
      const src = (element.getAttribute('src') ?? '').split(/[?#]/)[0] as string;
      const name = src.startsWith('data:') ? '' : src.slice(src.lastIndexOf('/') + 1);
      if (seen('element', `${name} ${element.getAttribute('alt')} ${element.getAttribute('class')} ${element.id}`, element, height)) return true;
    }
    const walker = doc.createTreeWalker(doc.body ?? doc, NodeFilter.SHOW_TEXT);
    for (let n = 0, node = walker.nextNode(); node && n < MAX_TEXT_NODES; n++, node = walker.nextNode()) {
      const text = node.nodeValue ?? '';
      if (text.length < 80 && node.parentElement && seen('text', text, node.parentElement, height)) return true;
    }
  } catch {
    // Unsure: no arrow.
  }
  return false;
}
