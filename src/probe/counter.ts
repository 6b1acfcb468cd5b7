// Running counts reported at thresholds rather than on every call, so a page
// calling an API in a hot loop costs an increment and a comparison per call.

export interface Counter {
  count: number;
  next: number;
}

export const counter = (): Counter => ({ count: 0, next: 1 });

import { nextThreshold } from '../shared/report-thresholds';

export { nextThreshold };

/** Counts one call; true when the count reaches a reporting threshold. */
export function tick(c: Counter): boolean {
  if (++c.count < c.next) return false;
  c.next = nextThreshold(c.count);
  return true;
}
