import type { ProbeEvent, ProbeEventKind } from './probe-events';
import { arrayOf, bool, type Check, isPlainObject, num, object, oneOf, str, ValidationError } from './validate';

const target = oneOf('document', 'video', 'canvas', 'other');

const shapes: Record<ProbeEventKind, Check<object>> = {
  'fullscreen-request': object({ target, userGesture: bool }),
  'keyboard-lock': object({ keys: arrayOf(str(40), 300), includesEscape: bool }),
  'pointer-lock': object({ target }),
  'cursor-hidden': object({}),
  'audio-loop': object({ source: oneOf('media', 'webaudio'), detail: str(200) }),
  oscillator: object({}),
  speech: object({ text: str(1000), lang: str(40) }),
  beforeunload: object({}),
  'history-push': object({ count: num }),
  dialog: object({ dialog: oneOf('alert', 'confirm', 'prompt', 'print'), count: num, text: str(1000) }),
  'window-open': object({ count: num }),
  'key-swallow': object({ keys: arrayOf(str(40), 50) }),
  'contextmenu-block': object({}),
  'window-move': object({}),
  'notification-request': object({
    api: oneOf('Notification', 'PushManager', 'permissions-query'),
    userGesture: bool,
    count: num,
  }),
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
