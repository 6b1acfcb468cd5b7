// beforeunload traps ("Leave site?"), whichever way the handler is installed:
// addEventListener, the onbeforeunload property (window or body) or the HTML attribute.
import { report } from './channel';
import { counter, tick } from './counter';
import { onDisarm, state } from './disarm';
import { doc, eventType, findDescriptor, getter, listen, stopImmediately, uncurry, win } from './safe';
import { answer, wrapMethod, wrapSetter } from './wrap';

export function watchUnload(): void {
  const listeners = counter();
  const properties = counter();
  wrapMethod(EventTarget.prototype, 'addEventListener', (self, args) => {
    if (args[0] !== 'beforeunload' || self !== win) return;
    if (state.disarmed) return answer(undefined);
    if (tick(listeners)) report({ kind: 'beforeunload', via: 'addEventListener', count: listeners.count });
  });
  const onProperty = (_self: unknown, args: unknown[]) => {
    if (state.disarmed) return answer(undefined);
    if (typeof args[0] === 'function' && tick(properties)) report({ kind: 'beforeunload', via: 'property', count: properties.count });
  };
  const rawSetter = findDescriptor(win, 'onbeforeunload')?.[1].set;
  const setHandler = rawSetter ? uncurry(rawSetter) : undefined;
  wrapSetter(win, 'onbeforeunload', onProperty);
  wrapSetter(HTMLBodyElement.prototype, 'onbeforeunload', onProperty);
  if (typeof HTMLFrameSetElement !== 'undefined') wrapSetter(HTMLFrameSetElement.prototype, 'onbeforeunload', onProperty);

  // <body onbeforeunload="…"> is compiled by the browser without calling the setter.
  const handler = getter<unknown>(win, 'onbeforeunload');
  listen(doc, 'DOMContentLoaded', () => {
    if (properties.count === 0 && handler(win)) report({ kind: 'beforeunload', via: 'attribute' });
  });

  // Registered first, so once disarmed no page handler runs and no prompt can appear.
  listen(win, 'beforeunload', (event) => state.disarmed && stopImmediately(event), true);
  onDisarm(() => setHandler?.(win, null));

  // Belt and braces for handlers that run anyway: returnValue and preventDefault do nothing.
  const ignoredOnceDisarmed = (self: unknown) => (state.disarmed && eventType(self) === 'beforeunload' ? answer(undefined) : undefined);
  wrapSetter(Event.prototype, 'returnValue', ignoredOnceDisarmed);
  if (typeof BeforeUnloadEvent !== 'undefined') wrapSetter(BeforeUnloadEvent.prototype, 'returnValue', ignoredOnceDisarmed);
}
