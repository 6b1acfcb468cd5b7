// Full screen, pointer lock and keyboard lock: what a lock screen is made of.
import type { FullscreenTarget } from '../shared/probe-events';
import { report } from './channel';
import { counter, tick } from './counter';
import { onDisarm, state } from './disarm';
import { body, doc, documentElement, getter, isArray, listen, localName, method, promiseThen, refusal, textOf, userGesture } from './safe';
import { answer, wrapMethod } from './wrap';

const paused = getter<boolean>(HTMLMediaElement.prototype, 'paused');

const ownerDocument = getter<Document | null>(Node.prototype, 'ownerDocument');

export function classifyElement(element: unknown): FullscreenTarget {
  if (element === documentElement(doc) || element === body(doc)) return 'document';
  // Another frame's page root, reached through this frame's functions (a page borrowing a fresh iframe's API).
  const owner = ownerDocument(element) ?? doc;
  if (owner !== doc && (element === documentElement(owner) || element === body(owner))) return 'document';
  const name = localName(element);
  return name === 'video' ? 'video' : name === 'canvas' ? 'canvas' : 'other';
}

const ignore = (): void => {};
function settle(result: unknown): void {
  if (result && typeof (result as Promise<unknown>).then === 'function') promiseThen(result as Promise<unknown>, undefined, ignore);
}

// Set by the service worker once a whole-page full-screen request would make this page a scam:
// the request is then refused (and reported) rather than granted and taken back a moment later.
const refusing = { wholePage: false };

export function refuseWholePageFullscreen(refuse: boolean): void {
  refusing.wholePage = refuse;
}

function watchFullscreen(): void {
  const requests = counter();
  for (const name of ['requestFullscreen', 'webkitRequestFullscreen', 'webkitRequestFullScreen', 'mozRequestFullScreen']) {
    const refuse = () => answer(name === 'requestFullscreen' ? refusal('TypeError', 'Permissions check failed') : undefined);
    wrapMethod(Element.prototype, name, (self) => {
      if (state.disarmed) return refuse();
      const reporting = tick(requests);
      if (!reporting && !refusing.wholePage) return;
      const target = classifyElement(self);
      const refused = refusing.wholePage && target === 'document';
      if (reporting) {
        report({
          kind: 'fullscreen-request',
          target,
          userGesture: userGesture(),
          count: requests.count,
          ...(target === 'video' ? { playing: paused(self) === false } : {}),
          ...(refused ? { refused } : {}),
        });
      }
      if (refused) return refuse();
    });
  }
  const proto = Document.prototype;
  const element = getter(proto, 'fullscreenElement');
  const webkitElement = getter(proto, 'webkitFullscreenElement');
  const exit = method(proto, 'exitFullscreen');
  const webkitExit = method(proto, 'webkitExitFullscreen');
  const leave = () => {
    if (element(doc)) settle(exit(doc));
    else if (webkitElement(doc)) webkitExit(doc);
  };
  onDisarm(leave);
  const keepOut = () => state.disarmed && leave();
  listen(doc, 'fullscreenchange', keepOut);
  listen(doc, 'webkitfullscreenchange', keepOut);
}

function watchPointerLock(): void {
  wrapMethod(Element.prototype, 'requestPointerLock', (self) => {
    if (state.disarmed) return answer(refusal());
    report({ kind: 'pointer-lock', target: classifyElement(self), userGesture: userGesture() });
  });
  const locked = getter(Document.prototype, 'pointerLockElement');
  const exit = method(Document.prototype, 'exitPointerLock');
  const release = () => locked(doc) && exit(doc);
  onDisarm(release);
  listen(doc, 'pointerlockchange', () => state.disarmed && release());
}

function watchKeyboardLock(): void {
  const keyboard = (navigator as Navigator & { keyboard?: object }).keyboard;
  if (!keyboard) return;
  const proto = Object.getPrototypeOf(keyboard) as object;
  const unlock = method(proto, 'unlock');
  wrapMethod(proto, 'lock', (_self, args) => {
    if (state.disarmed) return answer(refusal('AbortError'));
    const requested = args[0];
    const keys: string[] = [];
    if (isArray(requested)) {
      for (let i = 0; i < requested.length && i < 300; i++) keys[keys.length] = textOf(requested[i], 40);
    }
    let includesEscape = keys.length === 0;
    for (let i = 0; i < keys.length; i++) if (keys[i] === 'Escape') includesEscape = true;
    report({ kind: 'keyboard-lock', keys, includesEscape, userGesture: userGesture() });
  });
  onDisarm(() => unlock(keyboard));
}

export function watchLocks(): void {
  watchFullscreen();
  watchPointerLock();
  watchKeyboardLock();
}
