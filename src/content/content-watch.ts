// Runs the gatherer when the page is ready and again when it changes (throttled,
// bounded), and sends the evidence when it differs from the last report.
import type { ContentEvidence, TextBlock } from '../shared/detection/content-evidence';
import { DEFAULT_GATHER, gatherContent } from './gather';

const CHANGE_DELAY_MS = 250;
const AFTER_INPUT_DELAY_MS = 60;
const IDLE_TIMEOUT_MS = 150;
/** Gathers per document; a page that never stops changing is looked at less and less often. */
const MAX_GATHERS = 60;
/**
 * Extra gathers when the page starts to behave like a lock screen. A kit can wait until the
 * watcher has backed off or given up (60 gathers of a page ticking a clock take about 40 s)
 * and only then show its warning and lock: its behaviour always earns another look.
 */
const MAX_BEHAVIOUR_GATHERS = 20;
/** Shadow roots observed for changes (the document's observer does not see into them). */
const MAX_SHADOW_ROOTS = 50;
/**
 * Below this much text a page is looked at again with closed shadow roots opened. Asking the
 * browser for an element's closed root is an extension API call per element, which costs more
 * than the rest of the walk; a page that hides its warning there shows next to nothing else,
 * or behaves like a lock screen, which opens them from then on.
 */
export const SPARSE_TEXT_CHARS = 200;

export interface WatchOptions {
  /** Text from outside the DOM (drawn on canvases), read with the page's own. */
  extraBlocks?: () => readonly TextBlock[];
  /** Reads closed shadow roots too (costly: used on sparse pages and once the page behaved like a lock screen). */
  closedShadowRootOf?: (element: Element) => ShadowRoot | null;
  /** Called when document.open() replaced the document's content and removed every listener. */
  onDocumentReplaced?: () => void;
  /**
   * Reads nothing, and watches nothing, until the first behaved(): for frames whose text
   * matters only once the tab behaves like a lock screen (most subframes are ads).
   */
  lazy?: boolean;
}

export interface ContentWatcher {
  /** Something outside the DOM changed (canvas text): gather again, within the usual budget. */
  changed(): void;
  /** The page did something a lock screen does: gather again soon, even past the budget (a lazy watcher starts here). */
  behaved(): void;
}

function textLength(evidence: ContentEvidence): number {
  let chars = evidence.title.length;
  for (const block of evidence.blocks) chars += block.text.length;
  return chars;
}

export function watchContent(send: (evidence: ContentEvidence) => void, options: WatchOptions = {}): ContentWatcher {
  let gathers = 0;
  let behaviourGathers = 0;
  let pending = false;
  let last = '';
  let observer: MutationObserver | undefined;
  const observedRoots = new WeakSet<ShadowRoot>();
  let observedCount = 0;
  let root: Element | null = null;
  let awake = !options.lazy;

  const observe = (target: Node) => observer?.observe(target, {
    subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['style', 'class', 'hidden', 'src', 'alt'],
  });
  const onShadowRoot = (shadow: ShadowRoot) => {
    if (observedRoots.has(shadow) || observedCount >= MAX_SHADOW_ROOTS) return;
    observedRoots.add(shadow);
    observedCount++;
    observe(shadow);
  };

  let lockScreen = false;
  const gatherWith = (shadowRootOf: WatchOptions['closedShadowRootOf']) =>
    gatherContent(document, { ...DEFAULT_GATHER, shadowRootOf, onShadowRoot, extraBlocks: options.extraBlocks?.() });
  const gather = () => {
    const closed = options.closedShadowRootOf;
    let evidence = gatherWith(lockScreen ? closed : undefined);
    if (!lockScreen && closed && textLength(evidence) < SPARSE_TEXT_CHARS) evidence = gatherWith(closed);
    const serialised = JSON.stringify(evidence);
    if (serialised === last) return;
    last = serialised;
    send(evidence);
  };
  const run = () => {
    pending = false;
    try {
      if (++gathers >= MAX_GATHERS) observer?.disconnect();
      if (gathers > MAX_GATHERS) return;
      gather();
    } catch {
      // Never break the page.
    }
  };
  // Off the page's critical path: run when the main thread is idle (or soon anyway).
  const idle = (task: () => void) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: IDLE_TIMEOUT_MS });
    else task();
  };
  // Throttle, not debounce: a page animating a progress bar must not postpone the gather forever.
  const schedule = (delay: number) => {
    if (pending) return;
    pending = true;
    setTimeout(() => idle(run), delay * (1 + Math.floor(gathers / 15)));
  };
  let behaviourPending = false;
  const behaved = () => {
    lockScreen = true;
    wake();
    if (!last && root) {
      // Nothing read yet (the page acted before its first idle moment): read it now, inside the
      // page's call, before a dialog loop can block the page and a block freezes the verdict
      // without what the page says. Once per document: `last` is set by the first reading.
      try {
        gather();
      } catch {
        // Never break the page.
      }
    }
    if (behaviourPending || behaviourGathers >= MAX_BEHAVIOUR_GATHERS || !root) return;
    behaviourPending = true;
    behaviourGathers++;
    setTimeout(() => {
      behaviourPending = false;
      try {
        gather();
      } catch {
        // Never break the page.
      }
    }, AFTER_INPUT_DELAY_MS);
  };

  const afterInput = () => schedule(AFTER_INPUT_DELAY_MS);
  const listen = () => {
    // Kits reveal the lock screen on the first click: look again right after input.
    for (const type of ['pointerdown', 'keydown']) addEventListener(type, afterInput, { capture: true, passive: true });
  };
  const onMutation = () => {
    // document.open() swapped the page's root element and removed every event listener.
    if (document.documentElement && document.documentElement !== root) {
      root = document.documentElement;
      listen();
      options.onDocumentReplaced?.();
    }
    schedule(CHANGE_DELAY_MS);
  };
  const watch = () => {
    // Before the first gather, which reports the shadow roots to observe.
    observer = new MutationObserver(onMutation);
    observe(document);
    listen();
  };
  const start = () => {
    root = document.documentElement;
    if (!awake) return;
    pending = true;
    watch();
    idle(run);
  };
  // Woken before DOMContentLoaded, start() does the rest.
  function wake(): void {
    if (awake) return;
    awake = true;
    if (root) watch();
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
  return { changed: () => awake && root && schedule(CHANGE_DELAY_MS), behaved };
}
