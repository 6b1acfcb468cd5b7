// Typed events the page-world probe reports about what a page does.
// Each kind carries just enough detail for the verdict to judge it.
// Compatibility: kinds and fields are only ever added; fields added after the
// first version are optional so older consumers keep working.
//
// `count` fields are running counts in this document; the probe reports at
// thresholds (1, 2, 3, 5, 10, 20, 50, 100, 200, 500, …, see src/probe/counter.ts),
// not on every call, so a hot loop yields a few events with growing counts.

export type FullscreenTarget = 'document' | 'video' | 'canvas' | 'other';

/** How a media element or Web Audio source repeats: `loop` flag, restarted again and again, looping buffer. */
export type AudioLoopDetail = 'loop' | 'repeat' | 'buffer-loop' | 'buffer-repeat';

export type ProbeEvent =
  | {
      kind: 'fullscreen-request';
      target: FullscreenTarget;
      userGesture: boolean;
      count?: number;
      /** For a <video> target: whether it was playing (a video player, not a lock screen). */
      playing?: boolean;
      /** Refused outright: the service worker had said such a request would make the page a scam. */
      refused?: boolean;
    }
  | { kind: 'keyboard-lock'; keys: string[]; includesEscape: boolean; userGesture?: boolean }
  | { kind: 'pointer-lock'; target: FullscreenTarget; userGesture?: boolean }
  /** The cursor is hidden (`cursor: none`) on the page (`document`: html/body) or on a large element. */
  | { kind: 'cursor-hidden'; target?: FullscreenTarget }
  | {
      kind: 'audio-loop';
      source: 'media' | 'webaudio';
      /** One of AudioLoopDetail (typed as string for older producers). */
      detail: string;
      count?: number;
      media?: 'audio' | 'video';
      userGesture?: boolean;
    }
  | { kind: 'oscillator'; count?: number; frequency?: number; userGesture?: boolean }
  | { kind: 'speech'; text: string; lang: string; count?: number }
  | { kind: 'beforeunload'; via?: 'addEventListener' | 'property' | 'attribute'; count?: number }
  | {
      kind: 'history-push';
      count: number;
      method?: 'pushState' | 'replaceState';
      /** Time since the first call of this method in this document. */
      elapsedMs?: number;
      /** Calls made within a second after a popstate (Back pressed, page pushes again). */
      afterPopstate?: number;
    }
  | { kind: 'dialog'; dialog: 'alert' | 'confirm' | 'prompt' | 'print'; count: number; text: string }
  | { kind: 'window-open'; count: number; userGesture?: boolean }
  /** Keys whose default action the page cancelled (all so far), e.g. Escape, F11, Alt+F4, Ctrl+W. */
  | { kind: 'key-swallow'; keys: string[] }
  | { kind: 'contextmenu-block'; count?: number }
  | { kind: 'window-move'; method?: 'moveTo' | 'moveBy' | 'resizeTo' | 'resizeBy'; count?: number }
  | {
      kind: 'notification-request';
      api: 'Notification' | 'PushManager' | 'permissions-query';
      userGesture: boolean;
      count: number;
      /** Present when the probe holds the request until a 'notification-decision' command (see probe-commands.ts). */
      requestId?: string;
    }
  /** The probe has neutralised the page after a 'disarm' command. */
  | { kind: 'disarmed' }
  /**
   * Text the page drew on its canvases, as lines (the latest at each spot). Kept by the
   * content script as page text for the detector; not sent on as behaviour.
   */
  | { kind: 'canvas-text'; lines: CanvasTextLine[] };

export interface CanvasTextLine {
  text: string;
  /** Largest font size on the line in CSS px (0 when unknown). */
  px: number;
}

export type ProbeEventKind = ProbeEvent['kind'];

export const PROBE_EVENT_KINDS: readonly ProbeEventKind[] = [
  'fullscreen-request',
  'keyboard-lock',
  'pointer-lock',
  'cursor-hidden',
  'audio-loop',
  'oscillator',
  'speech',
  'beforeunload',
  'history-push',
  'dialog',
  'window-open',
  'key-swallow',
  'contextmenu-block',
  'window-move',
  'notification-request',
  'disarmed',
  'canvas-text',
];

/**
 * What a lock screen does. Each earns the page a closer look at what it shows: the frame
 * that did it reads its text at once, and the service worker asks the tab's other frames
 * (which read nothing until then, see src/content/main.iife.ts) to do the same.
 */
export const LOCK_SCREEN_KINDS: ReadonlySet<ProbeEventKind> = new Set<ProbeEventKind>([
  'fullscreen-request', 'keyboard-lock', 'pointer-lock', 'audio-loop', 'oscillator', 'speech', 'dialog', 'history-push', 'window-open',
]);
