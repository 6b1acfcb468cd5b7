// Keys and right-clicks the page swallows. Checked after the event has been
// dispatched to every listener (a zero-delay timer from our capturing listener,
// the first to run), by reading `defaultPrevented`: this catches preventDefault(),
// `returnValue = false` and `return false` from an on-handler alike.
// Once disarmed, the page no longer sees those keys or right-clicks at all, and
// its preventDefault() on them does nothing.
import { report } from './channel';
import { counter, tick } from './counter';
import { state } from './disarm';
import { watchedCombo } from './keys';
import { defaultPrevented, eventType, getter, listen, safeSetTimeout, stopImmediately, win } from './safe';
import { answer, wrapMethod } from './wrap';

const proto = KeyboardEvent.prototype;
const keyOf = getter<string>(proto, 'key');
const ctrlKey = getter<boolean>(proto, 'ctrlKey');
const metaKey = getter<boolean>(proto, 'metaKey');
const altKey = getter<boolean>(proto, 'altKey');
const shiftKey = getter<boolean>(proto, 'shiftKey');

function comboOf(event: unknown): string | null {
  const key = keyOf(event);
  if (typeof key !== 'string') return null;
  return watchedCombo({
    key,
    ctrlKey: ctrlKey(event) === true,
    metaKey: metaKey(event) === true,
    altKey: altKey(event) === true,
    shiftKey: shiftKey(event) === true,
  });
}

/** Whether the page's attempt to cancel this event is ignored once disarmed. */
function protectedEvent(event: unknown): boolean {
  const type = eventType(event);
  if (type === 'contextmenu' || type === 'beforeunload') return true;
  return (type === 'keydown' || type === 'keyup' || type === 'keypress') && comboOf(event) !== null;
}

export function watchSwallowing(): void {
  const swallowed: string[] = [];
  const blockedMenus = counter();

  const onKey = (event: Event) => {
    if (!event.isTrusted) return;
    const combo = comboOf(event);
    if (combo === null) return;
    if (state.disarmed) return stopImmediately(event);
    safeSetTimeout(() => {
      if (!defaultPrevented(event)) return;
      for (let i = 0; i < swallowed.length; i++) if (swallowed[i] === combo) return;
      if (swallowed.length >= 50) return;
      swallowed[swallowed.length] = combo;
      const keys: string[] = [];
      for (let i = 0; i < swallowed.length; i++) keys[i] = swallowed[i] as string;
      report({ kind: 'key-swallow', keys });
    }, 0);
  };
  const onMenu = (event: Event) => {
    if (!event.isTrusted) return;
    if (state.disarmed) return stopImmediately(event);
    safeSetTimeout(() => {
      if (defaultPrevented(event) && tick(blockedMenus)) report({ kind: 'contextmenu-block', count: blockedMenus.count });
    }, 0);
  };
  listen(win, 'keydown', onKey, true);
  listen(win, 'keyup', (event) => state.disarmed && event.isTrusted && comboOf(event) !== null && stopImmediately(event), true);
  listen(win, 'contextmenu', onMenu, true);

  wrapMethod(Event.prototype, 'preventDefault', (self) => (state.disarmed && protectedEvent(self) ? answer(undefined) : undefined));
}
