// <audio>/<video>: a looping or again-and-again restarted alarm. Every play is seen
// through the 'play' event (capturing on window for elements in the document, and
// on the element itself once play() was called on it, for detached `new Audio()`).
import { report } from './channel';
import { nextThreshold } from './counter';
import { onDisarm, state } from './disarm';
import {
  doc,
  eventTarget,
  eventType,
  getter,
  listen,
  localName,
  method,
  refusal,
  SafeWeakMap,
  uncurry,
  userGesture,
  win,
  wmGet,
  wmHas,
  wmSet,
} from './safe';
import { answer, wrapMethod } from './wrap';

const proto = HTMLMediaElement.prototype;
const isLoop = getter<boolean>(proto, 'loop');
const isMuted = getter<boolean>(proto, 'muted');
const volume = getter<number>(proto, 'volume');
const pause = method(proto, 'pause');
const isPaused = getter<boolean>(proto, 'paused');
const mutedSetter = Object.getOwnPropertyDescriptor(proto, 'muted')?.set;
const setMuted = mutedSetter ? uncurry(mutedSetter) : () => {};
const querySelectorAll = method<ArrayLike<Element>>(Document.prototype, 'querySelectorAll');

interface Seen {
  plays: number;
  next: number;
  loopReported: boolean;
}
const seen = new SafeWeakMap<object, Seen>();
const watchedDirectly = new SafeWeakMap<object, true>();
/** Elements that played, so disarm reaches those outside the document too. */
const played: HTMLMediaElement[] = [];
const MAX_TRACKED = 500;
let lastEvent: Event | undefined;

function silence(element: HTMLMediaElement): void {
  pause(element);
  setMuted(element, true);
}

function onMediaEvent(event: Event): void {
  if (event === lastEvent) return;
  lastEvent = event;
  const element = eventTarget(event) as HTMLMediaElement | null;
  if (!element) return;
  const isPlay = eventType(event) === 'play';
  if (state.disarmed) {
    if (isPlay) silence(element);
    return;
  }
  let entry = wmGet(seen, element) as Seen | undefined;
  if (!entry) {
    entry = { plays: 0, next: 3, loopReported: false };
    wmSet(seen, element, entry);
    if (played.length < MAX_TRACKED) played[played.length] = element;
  }
  if ((!isPlay && isPaused(element)) || isMuted(element) || volume(element) === 0) return;
  if (isPlay) entry.plays++;
  const media = localName(element) === 'video' ? 'video' : 'audio';
  if (isLoop(element) && !entry.loopReported) {
    entry.loopReported = true;
    report({ kind: 'audio-loop', source: 'media', detail: 'loop', media, count: entry.plays, userGesture: userGesture() });
  } else if (isPlay && entry.plays >= entry.next) {
    entry.next = nextThreshold(entry.plays);
    report({ kind: 'audio-loop', source: 'media', detail: 'repeat', media, count: entry.plays, userGesture: userGesture() });
  }
}

function safely(event: Event): void {
  try {
    onMediaEvent(event);
  } catch {
    // Never break the page.
  }
}

export function watchMedia(): void {
  listen(win, 'play', safely, true);
  // A muted loop that becomes audible is an alarm too.
  listen(win, 'volumechange', safely, true);
  wrapMethod(proto, 'play', (self) => {
    if (state.disarmed) return answer(refusal());
    if (typeof self === 'object' && self !== null && !wmHas(watchedDirectly, self)) {
      wmSet(watchedDirectly, self, true);
      listen(self as EventTarget, 'play', safely);
      listen(self as EventTarget, 'volumechange', safely);
    }
  });
  onDisarm(() => {
    for (let i = 0; i < played.length; i++) silence(played[i] as HTMLMediaElement);
    const inDocument = querySelectorAll(doc, 'audio,video');
    if (inDocument) for (let i = 0; i < inDocument.length; i++) silence(inDocument[i] as HTMLMediaElement);
  });
}
