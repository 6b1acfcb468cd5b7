// Dialog loops (alert/confirm/prompt/print), window.open floods and window
// moving/resizing. These live on the window object itself.
import { report } from './channel';
import { counter, tick } from './counter';
import { state } from './disarm';
import { textOf, userGesture, win } from './safe';
import { answer, wrapMethod } from './wrap';

const DISARMED_ANSWER = { alert: undefined, confirm: false, prompt: null, print: undefined } as const;

export function watchDialogs(): void {
  for (const dialog of ['alert', 'confirm', 'prompt', 'print'] as const) {
    const calls = counter();
    wrapMethod(win, dialog, (_self, args) => {
      if (state.disarmed) return answer(DISARMED_ANSWER[dialog]);
      if (tick(calls)) report({ kind: 'dialog', dialog, count: calls.count, text: dialog === 'print' ? '' : textOf(args[0]) });
    });
  }
  const opened = counter();
  wrapMethod(win, 'open', () => {
    if (state.disarmed) return answer(null);
    if (tick(opened)) report({ kind: 'window-open', count: opened.count, userGesture: userGesture() });
  });
  for (const method of ['moveTo', 'moveBy', 'resizeTo', 'resizeBy'] as const) {
    const calls = counter();
    wrapMethod(win, method, () => {
      if (state.disarmed) return answer(undefined);
      if (tick(calls)) report({ kind: 'window-move', method, count: calls.count });
    });
  }
}
