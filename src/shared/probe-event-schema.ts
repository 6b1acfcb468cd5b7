import type { ProbeEvent, ProbeEventKind } from './probe-events';
import { arrayOf, bool, type Check, isPlainObject, num, object, oneOf, optional, str, ValidationError } from './validate';

const target = oneOf('document', 'video', 'canvas', 'other');
const count = optional(num);
const userGesture = optional(bool);

const shapes: Record<ProbeEventKind, Check<object>> = {
  'fullscreen-request': object({ target, userGesture: bool, count, playing: optional(bool), refused: optional(bool) }),
  'keyboard-lock': object({ keys: arrayOf(str(40), 300), includesEscape: bool, userGesture }),
  'pointer-lock': object({ target, userGesture }),
  'cursor-hidden': object({ target: optional(target) }),
  'audio-loop': object({
    source: oneOf('media', 'webaudio'),
    detail: str(200),
    count,
    media: optional(oneOf('audio', 'video')),
    userGesture,
  }),
  oscillator: object({ count, frequency: optional(num), userGesture }),
  speech: object({ text: str(1000), lang: str(40), count }),
  beforeunload: object({ via: optional(oneOf('addEventListener', 'property', 'attribute')), count }),
  'history-push': object({
    count: num,
    method: optional(oneOf('pushState', 'replaceState')),
    elapsedMs: optional(num),
    afterPopstate: optional(num),
  }),
  dialog: object({ dialog: oneOf('alert', 'confirm', 'prompt', 'print'), count: num, text: str(1000) }),
  'window-open': object({ count: num, userGesture }),
  'key-swallow': object({ keys: arrayOf(str(40), 50) }),
  'contextmenu-block': object({ count }),
  'window-move': object({ method: optional(oneOf('moveTo', 'moveBy', 'resizeTo', 'resizeBy')), count }),
  'notification-request': object({
    api: oneOf('Notification', 'PushManager', 'permissions-query'),
    userGesture: bool,
    count: num,
    requestId: optional(str(64)),
  }),
  disarmed: object({}),
  'canvas-text': object({ lines: arrayOf(object({ text: str(300), px: num }), 40) }),
};

/** Checks an event that came from the page world; throws ValidationError when malformed. */
export function parseProbeEvent(value: unknown, path = 'event'): ProbeEvent {
  if (!isPlainObject(value)) throw new ValidationError(`${path}: expected an object`);
  const kind = value.kind;
  if (typeof kind !== 'string' || !Object.hasOwn(shapes, kind)) {
    throw new ValidationError(`${path}.kind: unknown probe event kind`);
  }
  const fields = shapes[kind as ProbeEventKind](value, path);
  return { ...fields, kind } as ProbeEvent;
}
