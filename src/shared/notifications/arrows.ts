// Lure pages draw a big arrow at the top of the page, pointing at where the
// browser's permission prompt appears ("↖ Click Allow"). Pure: the content script
// passes in what it measured.

export interface ArrowCandidate {
  /** 'text': a text node's text; 'element': an image's or element's file name, alt, class and id. */
  kind: 'text' | 'element';
  label: string;
  top: number;
  width: number;
  height: number;
  /** CSS pixels of the text's font (0 for elements). */
  fontPx: number;
}

// Arrows pointing up (the prompt is above the page): ↑ ↖ ↗ ⇑ ⇖ ⬆ ⬉ ⇧ ☝ 👆
const UP_ARROW = /[\u2191\u2196\u2197\u21d1\u21d6\u2b06\u2b09\u21e7\u261d\u{1f446}]/u;
const ARROW_NAME = /arrow|pfeil|fl[eè]che|flecha|freccia|矢印/i;
// Arrows of carousels, menus and "back to top" buttons, which do not point at a prompt.
const OTHER_ARROW = /left|right|down|prev|next|back|chevron|caret|drop|select|scroll|slide|slick|swiper|menu|toggle|top/i;

/** Smallest arrow (px) that reads as "look up there" rather than an icon. */
export const MIN_ARROW_PX = 40;
/** The prompt sits above the page: the arrow must be in the top of the first screen. */
export const MAX_ARROW_TOP_PX = 300;

/** Whether a label names an arrow that may point at the prompt (cheap: check it before measuring). */
export function isArrowLabel(kind: ArrowCandidate['kind'], label: string): boolean {
  return kind === 'text' ? UP_ARROW.test(label) : ARROW_NAME.test(label) && !OTHER_ARROW.test(label);
}

export function pointsAtPrompt(candidate: ArrowCandidate, viewportHeight: number): boolean {
  const { kind, label, top, width, height, fontPx } = candidate;
  if (width <= 0 || height <= 0 || top + height < 0) return false;
  if (top > Math.min(MAX_ARROW_TOP_PX, viewportHeight * 0.4)) return false;
  const size = kind === 'text' ? fontPx : Math.max(width, height);
  return size >= MIN_ARROW_PX && isArrowLabel(kind, label);
}
