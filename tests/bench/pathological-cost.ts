// The extension's cost on one pathological page, as the budget reads it. Pure, unit-tested.
import type { PathologicalResult } from './run-chromium';

export interface PathologicalCost {
  /** Extension main-thread time (ms), or null when not measured. */
  ms: number | null;
  /** Long tasks (> 50 ms) the extension caused. */
  longTasks: number;
  /** 'profile': sampled in the extension's code; 'with-minus-without': the page's thread time with minus without. */
  method: 'profile' | 'with-minus-without';
}

/**
 * On most pages, the profile's attribution (trace-analysis.ts). On a page that spends its time
 * inside a wrapped API, the profile charges the browser's own function to the wrapper (V8 shows
 * no frame for it), so the cost is what the page's main thread took with the extension minus
 * without, and a long task counts only when there are more than the page makes by itself.
 */
export function pathologicalCost(page: PathologicalResult): PathologicalCost {
  const profiled = page.with.longTasks.filter((task) => task.attributable).length;
  if (!page.callsWrappedApi) return { ms: page.with.extensionMs, longTasks: profiled, method: 'profile' };
  const { busyMs: withMs } = page.with;
  const { busyMs: withoutMs } = page.without;
  return {
    ms: withMs === null || withoutMs === null ? null : Math.max(0, withMs - withoutMs),
    longTasks: Math.max(0, page.with.longTasks.length - page.without.longTasks.length),
    method: 'with-minus-without',
  };
}
