// Text drawn on a canvas (fillText/strokeText) is invisible to a walk of the DOM, and
// some kits draw their whole warning there, even one character at a time. The probe
// remembers what was last drawn at each spot and hands the lines it makes up to the
// content script, which reads them like the page's own text. Bounded: a game redrawing
// its score at the same spot replaces one entry; at most MAX_SPOTS spots are kept.
import type { CanvasTextLine } from '../shared/probe-events';
import { report } from './channel';
import { getter, method, safeSetTimeout, SafeWeakMap, strSlice, textOf, uncurry, wmGet, wmSet } from './safe';
import { type Hook, wrapMethod } from './wrap';

const MAX_SPOTS = 300;
const MAX_DRAW_CHARS = 200;
const MAX_LINES = 40;
const MAX_LINE_CHARS = 300;
const FLUSH_MS = 150;

export interface Spot {
  key: string;
  canvas: number;
  x: number;
  y: number;
  /** Where the drawn text ends (x + its measured width). */
  end: number;
  px: number;
  text: string;
}

const round = Math.round;
const abs = Math.abs;
const max = Math.max;
const objectCreate = Object.create;
const sortArray = uncurry(Array.prototype.sort) as <T>(list: T[], compare: (a: T, b: T) => number) => T[];
const indexOf = uncurry(String.prototype.indexOf) as (text: string, search: string) => number;
const charCodeAt = uncurry(String.prototype.charCodeAt) as (text: string, index: number) => number;

const ring: (Spot | undefined)[] = [];
let next = 0;
const slots = objectCreate(null) as Record<string, number>;
const canvasIds = new SafeWeakMap<object, number>();
let canvases = 0;
let flushPending = false;
let lastReported = '';

/** Font size in px from a canvas `font` value ("bold 24px sans-serif"), or 0. */
export function fontPx(font: string): number {
  const at = indexOf(font, 'px');
  if (at <= 0) return 0;
  let start = at;
  while (start > 0) {
    const code = charCodeAt(font, start - 1);
    if (!((code >= 48 && code <= 57) || code === 46)) break;
    start--;
  }
  const size = +strSlice(font, start, at);
  return size > 0 && size < 1000 ? size : 0;
}

function visible(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (charCodeAt(text, i) > 32 && charCodeAt(text, i) !== 160) return true;
  return false;
}

/** Joins the spots into lines: same canvas and baseline, left to right, a space where a gap is. */
export function linesOf(spots: Spot[]): CanvasTextLine[] {
  sortArray(spots, (a, b) => a.canvas - b.canvas || a.y - b.y || a.x - b.x);
  const lines: CanvasTextLine[] = [];
  let line: CanvasTextLine | undefined;
  let last: Spot | undefined;
  for (let i = 0; i < spots.length; i++) {
    const spot = spots[i] as Spot;
    const tolerance = max(2, spot.px * 0.3);
    if (!line || !last || last.canvas !== spot.canvas || abs(spot.y - last.y) > tolerance) {
      if (lines.length >= MAX_LINES) break;
      line = { text: spot.text, px: spot.px };
      lines[lines.length] = line;
    } else {
      const gap = spot.x - last.end;
      line.text += (gap > max(1, spot.px * 0.25) ? ' ' : '') + spot.text;
      line.px = max(line.px, spot.px);
    }
    if (line.text.length > MAX_LINE_CHARS) line.text = strSlice(line.text, 0, MAX_LINE_CHARS);
    last = spot;
  }
  return lines;
}

function flush(): void {
  flushPending = false;
  const spots: Spot[] = [];
  for (let i = 0; i < ring.length; i++) {
    const spot = ring[i];
    if (spot) spots[spots.length] = spot;
  }
  const lines = linesOf(spots);
  let serialised = '';
  for (let i = 0; i < lines.length; i++) serialised += `${(lines[i] as CanvasTextLine).text}\n`;
  if (serialised === lastReported) return;
  lastReported = serialised;
  report({ kind: 'canvas-text', lines });
}

function remember(spot: Spot): void {
  const slot = slots[spot.key];
  if (slot !== undefined) {
    const current = ring[slot];
    if (current && current.text === spot.text) return;
    ring[slot] = spot;
  } else {
    const old = ring[next];
    if (old) delete slots[old.key];
    ring[next] = spot;
    slots[spot.key] = next;
    next = (next + 1) % MAX_SPOTS;
  }
  if (!flushPending) {
    flushPending = true;
    safeSetTimeout(flush, FLUSH_MS);
  }
}

function watchContext(proto: object | undefined): void {
  if (!proto) return;
  const canvasOf = getter<object>(proto, 'canvas');
  const fontOf = getter<string>(proto, 'font');
  const measure = method<TextMetrics>(proto, 'measureText');
  const width = getter<number>(typeof TextMetrics === 'undefined' ? undefined : TextMetrics.prototype, 'width');
  const onDraw: Hook = (self, args) => {
    const [drawn, x, y] = args;
    if (typeof drawn !== 'string' && typeof drawn !== 'number') return;
    if (typeof x !== 'number' || typeof y !== 'number' || !(x > -1000 && x < 20000 && y > -1000 && y < 20000)) return;
    const text = textOf(drawn, MAX_DRAW_CHARS);
    if (!visible(text)) return;
    const canvas = canvasOf(self);
    if (!canvas) return;
    let id = wmGet(canvasIds, canvas) as number | undefined;
    if (id === undefined) wmSet(canvasIds, canvas, (id = ++canvases));
    const key = `${id}:${round(x)}:${round(y)}`;
    const current = slots[key];
    if (current !== undefined && ring[current]?.text === text) return;
    const measured = width(measure(self, text));
    remember({ key, canvas: id, x, y, end: x + (typeof measured === 'number' ? measured : 0), px: fontPx(fontOf(self) ?? ''), text });
  };
  wrapMethod(proto, 'fillText', onDraw);
  wrapMethod(proto, 'strokeText', onDraw);
}

export function watchCanvasText(): void {
  watchContext(typeof CanvasRenderingContext2D === 'undefined' ? undefined : CanvasRenderingContext2D.prototype);
  watchContext(typeof OffscreenCanvasRenderingContext2D === 'undefined' ? undefined : OffscreenCanvasRenderingContext2D.prototype);
}
