// Typed events the page-world probe reports about what a page does.
// Each kind carries just enough detail for the verdict to judge it.

export type FullscreenTarget = 'document' | 'video' | 'canvas' | 'other';

export type ProbeEvent =
  | { kind: 'fullscreen-request'; target: FullscreenTarget; userGesture: boolean }
  | { kind: 'keyboard-lock'; keys: string[]; includesEscape: boolean }
  | { kind: 'pointer-lock'; target: FullscreenTarget }
  | { kind: 'cursor-hidden' }
  | { kind: 'audio-loop'; source: 'media' | 'webaudio'; detail: string }
  | { kind: 'oscillator' }
  | { kind: 'speech'; text: string; lang: string }
  | { kind: 'beforeunload' }
  | { kind: 'history-push'; count: number }
  | { kind: 'dialog'; dialog: 'alert' | 'confirm' | 'prompt' | 'print'; count: number; text: string }
  | { kind: 'window-open'; count: number }
  | { kind: 'key-swallow'; keys: string[] }
  | { kind: 'contextmenu-block' }
  | { kind: 'window-move' }
  | { kind: 'notification-request'; api: 'Notification' | 'PushManager' | 'permissions-query'; userGesture: boolean; count: number };

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
];
