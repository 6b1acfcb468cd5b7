// History floods (pushState/replaceState in a loop) and popstate re-pushing
// (the page pushes again as soon as Back is pressed). Hot path: a page may call
// these a million times, so each call costs a counter tick; events go out at
// thresholds only.
import { report } from './channel';
import { counter, tick } from './counter';
import { state } from './disarm';
import { listen, now, win } from './safe';
import { answer, wrapMethod } from './wrap';

const REPUSH_WINDOW_MS = 1000;

export function watchHistory(): void {
  let lastPopstate = -1e9;
  let afterPopstate = 0;
  let afterPopstateNext = 1;
  listen(win, 'popstate', () => (lastPopstate = now()), true);
  for (const method of ['pushState', 'replaceState'] as const) {
    const calls = counter();
    let firstCall = 0;
    wrapMethod(History.prototype, method, () => {
      if (state.disarmed) return answer(undefined);
      let due = tick(calls);
      if (calls.count === 1) firstCall = now();
      if (method === 'pushState' && lastPopstate > 0 && now() - lastPopstate < REPUSH_WINDOW_MS) {
        if (++afterPopstate >= afterPopstateNext) {
          afterPopstateNext = afterPopstate < 3 ? afterPopstate + 1 : afterPopstate * 2;
          due = true;
        }
      }
      if (!due) return;
      report({ kind: 'history-push', method, count: calls.count, elapsedMs: ~~(now() - firstCall), afterPopstate });
    });
  }
}
