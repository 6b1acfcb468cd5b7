import type { FullscreenTarget } from '../shared/probe-events';
import { report } from './channel';
import { wrapMethod } from './wrap';

export function classifyElement(element: unknown): FullscreenTarget {
  if (element === document.documentElement || element === document.body) return 'document';
  if (element instanceof HTMLVideoElement) return 'video';
  if (element instanceof HTMLCanvasElement) return 'canvas';
  return 'other';
}

function userGesture(): boolean {
  return navigator.userActivation?.isActive ?? false;
}

export function watchFullscreen(): void {
  wrapMethod(Element.prototype, 'requestFullscreen', (self) => {
    report({ kind: 'fullscreen-request', target: classifyElement(self), userGesture: userGesture() });
  });
}
