// Hidden cursor. Checked where it matters, under the pointer: on a mouse move
// (at most every 250 ms, one getComputedStyle), on entering or leaving full screen, and
// in the top frame once the page has loaded and painted (html/body): right at `load` the
// style is often stale, and reading it forces a style recalculation of the whole page.
// Other frames (ads, mostly) are checked only when the pointer is over them. Reported once per kind of element: html/body ('document'), a
// <video> or <canvas> (players and games hide the cursor too), or another element
// covering most of the viewport ('other', an overlay).
import type { FullscreenTarget } from '../shared/probe-events';
import { report } from './channel';
import { onDisarm, state } from './disarm';
import { classifyElement } from './fullscreen';
import { body, createElement, doc, documentElement, eventTarget, getter, listen, method, now, safeSetTimeout, strSlice, uncurry, win } from './safe';

const computedStyle = uncurry(win.getComputedStyle) as (window: Window, element: Element) => CSSStyleDeclaration;
const propertyValue = method<string>(CSSStyleDeclaration.prototype, 'getPropertyValue');
const rect = method<DOMRect>(Element.prototype, 'getBoundingClientRect');
const rectWidth = getter<number>(DOMRectReadOnly.prototype, 'width');
const rectHeight = getter<number>(DOMRectReadOnly.prototype, 'height');
const innerWidth = getter<number>(win, 'innerWidth');
const innerHeight = getter<number>(win, 'innerHeight');
const setProperty = method(CSSStyleDeclaration.prototype, 'setProperty');
const inlineStyle = getter<CSSStyleDeclaration>(HTMLElement.prototype, 'style');
const append = method(Node.prototype, 'appendChild');
const isConnected = getter<boolean>(Node.prototype, 'isConnected');
const setText = getOwnSetter(Node.prototype, 'textContent');
const nextFrame = method<number>(win, 'requestAnimationFrame') as (window: Window, callback: () => void) => number | undefined;

function getOwnSetter(owner: object, name: string): (self: unknown, value: string) => void {
  const set = Object.getOwnPropertyDescriptor(owner, name)?.set;
  return set ? (uncurry(set) as (self: unknown, value: string) => void) : () => {};
}

const seen: Partial<Record<FullscreenTarget, true>> = {};
let lastCheck = -1e9;

function hidden(element: Element): boolean {
  const cursor = propertyValue(computedStyle(win, element), 'cursor');
  return typeof cursor === 'string' && (cursor === 'none' || strSlice(cursor, -5) === ' none');
}

function coversViewport(element: Element): boolean {
  const box = rect(element);
  const width = rectWidth(box) ?? 0;
  const height = rectHeight(box) ?? 0;
  return width * height >= 0.8 * (innerWidth(win) ?? 0) * (innerHeight(win) ?? 0);
}

function check(element: unknown): void {
  if (typeof element !== 'object' || element === null) return;
  if (!hidden(element as Element)) return;
  if (state.disarmed) {
    setProperty(inlineStyle(element), 'cursor', 'auto', 'important');
    return;
  }
  const target = classifyElement(element);
  if (seen[target] || (target === 'other' && !coversViewport(element as Element))) return;
  seen[target] = true;
  report({ kind: 'cursor-hidden', target });
}

function checkPage(): void {
  try {
    check(body(doc));
    check(documentElement(doc));
  } catch {
    // Never break the page.
  }
}

/** After the next paint, when the browser has just computed the style anyway (never, in a hidden tab: the mouse check remains). */
function checkPageAfterPaint(): void {
  nextFrame(win, () => safeSetTimeout(checkPage, 0));
}

let restoreStyle: HTMLElement | undefined;
function restoreCursor(): void {
  if (!restoreStyle) {
    restoreStyle = createElement(doc, 'style');
    setText(restoreStyle, 'html,body,body *{cursor:auto!important}');
  }
  if (!isConnected(restoreStyle)) append(documentElement(doc), restoreStyle);
}

export function watchCursor(): void {
  listen(
    doc,
    'mousemove',
    (event) => {
      try {
        const time = now();
        if (time - lastCheck < 250) return;
        lastCheck = time;
        if (state.disarmed) restoreCursor();
        check(eventTarget(event));
      } catch {
        // Never break the page.
      }
    },
    { capture: true, passive: true },
  );
  if (win === win.top) listen(win, 'load', checkPageAfterPaint);
  listen(doc, 'fullscreenchange', checkPage);
  onDisarm(restoreCursor);
}
