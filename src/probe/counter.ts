// Running counts reported at thresholds rather than on every call, so a page
// calling an API in a hot loop costs an increment and a comparison per call.

export interface Counter {
  count: number;
  next: number;
}

export const counter = (): Counter => ({ count: 0, next: 1 });

/** The threshold after `n` in 1, 2, 3, 5, 10, 20, 50, 100, 200, 500, 1000, … */
export function nextThreshold(n: number): number {
  if (n < 3) return n + 1;
  if (n < 5) return 5;
  let scale = 1;
  while (n >= scale * 10) scale *= 10;
  const digit = n / scale;
  return digit < 2 ? 2 * scale : digit < 5 ? 5 * scale : 10 * scale;
}

/** Counts one call; true when the count reaches a reporting threshold. */
export function tick(c: Counter): boolean {
  if (++c.count < c.next) return false;
  c.next = nextThreshold(c.count);
  return true;
}
