// What a page DID, seen from this isolated world rather than through the probe's wrappers:
// a page that calls full screen, pointer lock or pushState through functions taken from
// another realm (a script-less sandboxed iframe is never instrumented in Chromium) steps
// around the wrappers, not around the effects. Reported as the probe would report them,
// only when the probe did not already (no double counting).
import type { FullscreenTarget, ProbeEvent } from '../shared/probe-events';
import { nextThreshold } from '../shared/report-thresholds';

/** The probe's own report of the same thing counts if it came this recently. */
const PROBE_WINDOW_MS = 1000;
/** history.length is checked this often for the first MAX_HISTORY_CHECKS seconds of a page. */
const HISTORY_CHECK_MS = 1000;
const MAX_HISTORY_CHECKS = 300;
const HISTORY_FLOOD = 3;
const AFTER_INPUT_MS = 500;

export interface EffectsWatcher {
  /** Feed every probe event here, so effects the probe saw are not reported twice. */
  probeSaw(event: ProbeEvent): void;
  /** Looks at history.length now (also done on a timer). */
  checkHistory(): void;
  /** Registers the listeners again (after document.open() removed every listener of the page). */
  relisten(): void;
}

function classify(element: Element): FullscreenTarget {
  if (element === document.documentElement || element === document.body) return 'document';
  const name = element.localName;
  return name === 'video' ? 'video' : name === 'canvas' ? 'canvas' : 'other';
}

function userGesture(): boolean {
  return (navigator as Navigator & { userActivation?: { isActive: boolean } }).userActivation?.isActive ?? false;
}

export function watchEffects(report: (event: ProbeEvent) => void): EffectsWatcher {
  let probeFullscreenAt = -Infinity;
  let probePointerLockAt = -Infinity;
  let probePushes = 0;
  let reportedPushes = 0;
  // The session history is the tab's, shared by all its frames: the top frame alone watches it.
  const top = window === window.top;
  const startLength = top ? history.length : 0;

  const onFullscreen = () => {
    const element = document.fullscreenElement ?? (document as Document & { webkitFullscreenElement?: Element | null }).webkitFullscreenElement;
    if (!element || performance.now() - probeFullscreenAt < PROBE_WINDOW_MS) return;
    report({ kind: 'fullscreen-request', target: classify(element), userGesture: userGesture() });
  };
  const onPointerLock = () => {
    const element = document.pointerLockElement;
    if (!element || performance.now() - probePointerLockAt < PROBE_WINDOW_MS) return;
    report({ kind: 'pointer-lock', target: classify(element), userGesture: userGesture() });
  };
  const checkHistory = () => {
    if (!top) return;
    // Entries this document added without loading a new one (capped at 50 by browsers).
    const added = history.length - startLength;
    // The probe reports its count at thresholds: below the next one, it may have seen them all.
    if (added < HISTORY_FLOOD || added < nextThreshold(probePushes) || added <= reportedPushes) return;
    reportedPushes = added;
    report({ kind: 'history-push', method: 'pushState', count: added });
  };
  // Kits flood the history from the click handler, which runs after pointerdown.
  const checkSoon = () => setTimeout(checkHistory, AFTER_INPUT_MS);
  const listeners: [EventTarget, string, () => void][] = [
    [document, 'fullscreenchange', onFullscreen],
    [document, 'webkitfullscreenchange', onFullscreen],
    [document, 'pointerlockchange', onPointerLock],
    ...(top ? ([[window, 'pointerdown', checkSoon], [window, 'keydown', checkSoon]] as [EventTarget, string, () => void][]) : []),
  ];
  const relisten = () => {
    for (const [target, type, listener] of listeners) target.addEventListener(type, listener, { capture: true, passive: true });
  };
  relisten();
  if (top) {
    let checks = 0;
    const timer = setInterval(() => {
      checkHistory();
      if (++checks >= MAX_HISTORY_CHECKS) clearInterval(timer);
    }, HISTORY_CHECK_MS);
  }

  return {
    probeSaw(event) {
      if (event.kind === 'fullscreen-request') probeFullscreenAt = performance.now();
      else if (event.kind === 'pointer-lock') probePointerLockAt = performance.now();
      else if (event.kind === 'history-push' && event.method !== 'replaceState') probePushes = Math.max(probePushes, event.count);
    },
    checkHistory,
    relisten,
  };
}
