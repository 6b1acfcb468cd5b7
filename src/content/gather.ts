// Gathers a frame's content as plain evidence within a time and size budget:
// visible and not-yet-revealed text (kits hide the lock screen until the first
// click), the title, alt/title attributes, image file names, open shadow roots and
// the CSS logo colours. The same code runs in the browser and, on happy-dom, in
// the corpus grid test.
import { BLOCK_FLAGS, type ContentEvidence, CONTENT_LIMITS, type TextBlock } from '../shared/detection/content-evidence';
import { hasLogoColours } from '../shared/detection/css-logo';
import { MAX_RUN_RECTS, readTinyRun } from './visual-order';

export interface GatherOptions {
  budgetMs: number;
  maxNodes: number;
  /** Walk into same-origin iframes (off in the browser: every frame runs its own gatherer). */
  includeFrames: boolean;
  now: () => number;
  /** An element's shadow root, closed ones too where the browser shows them to extensions (default: open ones). */
  shadowRootOf?: (element: Element) => ShadowRoot | null;
  /** Told about every shadow root walked (the watcher observes them: the document's observer does not see inside). */
  onShadowRoot?: (root: ShadowRoot) => void;
  /** Text from outside the DOM (drawn on canvases), added after the page's own blocks. */
  extraBlocks?: readonly TextBlock[];
}

export const DEFAULT_GATHER: GatherOptions = { budgetMs: 10, maxNodes: 6000, includeFrames: false, now: () => performance.now() };

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'HEAD', 'META', 'LINK', 'OBJECT', 'EMBED', 'CANVAS', 'PATH']);
const INLINE = new Set([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'BIG', 'CITE', 'CODE', 'DATA', 'DFN', 'EM', 'FONT', 'I', 'KBD', 'LABEL', 'MARK', 'Q', 'S', 'SAMP',
  'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'TT', 'U', 'VAR', 'WBR', 'IMG', 'NOBR', 'BLINK',
]);
const EMPHASIS = new Set(['A', 'BUTTON', 'H1', 'H2', 'H3', 'STRONG', 'B']);
const MAX_CSS_CHARS = 300_000;
const MAX_RULES = 3000;
/** The time budget only applies past this many nodes: a busy CPU must not cut a small page short. */
const MIN_NODES = 1500;
/** Blocks that may hold a phone number get layout facts (size, overlay); only a few, they cost a style read each. */
const PHONE_LIKE = /[\d\uff10-\uff19][\d\uff10-\uff19\s().\-/\u3000\uff0d\u2010-\u2015\u200b-\u200d\ufeff]{7,}[\d\uff10-\uff19]/;
const MAX_DESCRIBED = 24;

function fileName(src: string | null): string {
  if (!src || src.startsWith('data:')) return '';
  const path = src.split(/[?#]/)[0] ?? '';
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1)).slice(0, CONTENT_LIMITS.attrChars);
}

function safeDecode(src: string | null): string {
  try {
    return fileName(src);
  } catch {
    return '';
  }
}

export function gatherContent(doc: Document, options: GatherOptions = DEFAULT_GATHER): ContentEvidence {
  const started = options.now();
  const blocks: TextBlock[] = [];
  const attrs = new Set<string>();
  let css = '';
  let chars = 0;
  let nodes = 0;
  let progressBars = 0;
  let described = 0;
  let truncated = false;
  let current = '';
  let currentFlags = 0;
  const view = doc.defaultView;

  const addAttr = (value: string | null) => {
    const text = value?.trim().slice(0, CONTENT_LIMITS.attrChars);
    if (text && attrs.size < CONTENT_LIMITS.attrs) attrs.add(text);
  };
  const flush = (owner: Element | null) => {
    const room = Math.min(CONTENT_LIMITS.blockChars, CONTENT_LIMITS.totalChars - chars);
    const text = current.replace(/\s+/g, ' ').trim().slice(0, room);
    current = '';
    if (!text || blocks.length >= CONTENT_LIMITS.blocks) return;
    chars += text.length;
    const phoneLike = described < MAX_DESCRIBED && PHONE_LIKE.test(text);
    if (phoneLike) described++;
    blocks.push(phoneLike ? describeBlock(text, owner, currentFlags, view) : { text, px: 0, flags: currentFlags });
  };
  const outOfBudget = () => {
    if (truncated) return true;
    if (++nodes > options.maxNodes || chars >= CONTENT_LIMITS.totalChars || (nodes >= MIN_NODES && nodes % 32 === 0 && options.now() - started > options.budgetMs)) {
      truncated = true;
    }
    return truncated;
  };

  const walk = (node: Node, blockOwner: Element | null, depth: number): void => {
    if (outOfBudget() || depth > 256) return;
    if (node.nodeType === 3) {
      current += node.nodeValue ?? '';
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 11) return;
    const el = node.nodeType === 1 ? (node as Element) : null;
    const tag = el?.tagName.toUpperCase() ?? '';
    if (el) {
      // Most elements have no attributes: one call instead of eight.
      const attributed = el.hasAttributes();
      if (attributed) {
        const style = el.getAttribute('style');
        if (style && css.length < MAX_CSS_CHARS) css += `;${style}`;
      }
      if (SKIP.has(tag)) return;
      if (attributed) {
        addAttr(el.getAttribute('alt'));
        addAttr(el.getAttribute('title'));
        addAttr(el.getAttribute('aria-label'));
        addAttr(el.getAttribute('placeholder'));
        if (tag === 'IMG' || tag === 'VIDEO' || tag === 'AUDIO' || tag === 'SOURCE') addAttr(safeDecode(el.getAttribute('src')));
        if (tag === 'INPUT' && /^(button|submit)$/i.test(el.getAttribute('type') ?? '')) current += ` ${el.getAttribute('value') ?? ''} `;
      }
      if (tag === 'PROGRESS' || (attributed && (el.getAttribute('role') === 'progressbar' || /progress/i.test(el.getAttribute('class') ?? '')))) progressBars++;
      if (tag === 'BR') {
        current += ' ';
        return;
      }
    }
    const block = el !== null && !INLINE.has(tag);
    if (block) {
      flush(blockOwner);
      currentFlags = EMPHASIS.has(tag) ? BLOCK_FLAGS.emphasis : 0;
    } else if (el && EMPHASIS.has(tag)) {
      currentFlags |= BLOCK_FLAGS.emphasis;
    }
    const owner = block ? el : blockOwner;
    const shadow = el && (options.shadowRootOf ? options.shadowRootOf(el) : el.shadowRoot);
    if (shadow) {
      options.onShadowRoot?.(shadow);
      walk(shadow, owner, depth + 1);
    }
    // Kits keep the lock screen in a <template> and stamp it out on the first click.
    if (tag === 'TEMPLATE') walk((el as HTMLTemplateElement).content, owner, depth + 1);
    if (tag === 'IFRAME' && options.includeFrames) {
      const inner = frameDocument(el);
      if (inner?.body) walk(inner.body, null, depth + 1);
      flush(null);
    }
    // Words cut into one element per character and put in order by CSS: read them as shown.
    const run = el && !shadow ? readTinyRun(el, view, layout) : null;
    if (run !== null) {
      nodes += el?.childElementCount ?? 0;
      current += run;
    } else {
      // Siblings rather than childNodes: no NodeList (and its isolated-world wrapper) per element. A <template>
      // was read through its content (happy-dom also lists that content as the element's children). Out of
      // budget, stop: stepping over the remaining siblings of a wide page costs as much as reading them.
      for (let child = tag === 'TEMPLATE' ? null : node.firstChild; child && !truncated; child = child.nextSibling) walk(child, owner, depth + 1);
    }
    if (block) flush(owner);
  };

  const layout = { rects: MAX_RUN_RECTS };
  walk(doc.body ?? doc.documentElement, null, 0);
  flush(null);
  for (const extra of options.extraBlocks ?? []) {
    const room = Math.min(CONTENT_LIMITS.blockChars, CONTENT_LIMITS.totalChars - chars);
    const text = extra.text.replace(/\s+/g, ' ').trim().slice(0, room);
    if (!text || blocks.length >= CONTENT_LIMITS.blocks) break;
    chars += text.length;
    blocks.push({ text, px: extra.px, flags: extra.flags });
  }
  for (const style of Array.from(doc.querySelectorAll('style')).slice(0, 50)) {
    if (css.length < MAX_CSS_CHARS) css += (style.textContent ?? '').slice(0, MAX_CSS_CHARS - css.length);
  }
  if (options.now() - started < options.budgetMs) css += linkedCss(doc, MAX_CSS_CHARS - css.length, () => options.now() - started > options.budgetMs);

  return {
    url: doc.location?.href ?? '',
    lang: (doc.documentElement.getAttribute('lang') ?? '').slice(0, 20),
    title: (doc.title ?? '').slice(0, CONTENT_LIMITS.titleChars),
    blocks,
    attrs: [...attrs],
    cssLogo: hasLogoColours(css),
    progressBars: Math.min(progressBars, 1000),
    truncated,
  };
}

function frameDocument(el: Element | null): Document | null {
  try {
    return (el as HTMLIFrameElement | null)?.contentDocument ?? null;
  } catch {
    return null;
  }
}

/** Rules of same-origin linked style sheets (cross-origin ones throw and are skipped). */
function linkedCss(doc: Document, room: number, overBudget: () => boolean): string {
  let css = '';
  let rules = 0;
  try {
    for (const sheet of Array.from(doc.styleSheets ?? [])) {
      if (!sheet.href) continue;
      try {
        for (const rule of Array.from(sheet.cssRules)) {
          if (++rules > MAX_RULES || css.length > room || (rules % 100 === 0 && overBudget())) return css;
          css += rule.cssText;
        }
      } catch {
        // Cross-origin sheet.
      }
    }
  } catch {
    // No CSSOM: nothing to add.
  }
  return css;
}

function describeBlock(text: string, owner: Element | null, flags: number, view: Window | null): TextBlock {
  if (!owner || !view) return { text, px: 0, flags };
  try {
    const style = view.getComputedStyle(owner);
    const px = Math.round(Number.parseFloat(style.fontSize) || 0);
    const rect = owner.getBoundingClientRect();
    if (rect.width === 0 && rect.height === 0) flags |= BLOCK_FLAGS.hidden;
    else if (rect.top < view.innerHeight) flags |= BLOCK_FLAGS.aboveFold;
    for (let el: Element | null = owner, i = 0; el && i < 8; el = el.parentElement, i++) {
      if (view.getComputedStyle(el).position === 'fixed') {
        flags |= BLOCK_FLAGS.overlay;
        break;
      }
    }
    return { text, px, flags };
  } catch {
    return { text, px: 0, flags };
  }
}
