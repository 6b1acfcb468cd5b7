// The probe reports running counts at thresholds only (see src/probe/counter.ts); whoever
// reads its reports (the content script's effects watcher) knows from this how far a count
// may have gone unreported.

/** The threshold after `n` in 1, 2, 3, 5, 10, 20, 50, 100, 200, 500, 1000, … */
export function nextThreshold(n: number): number {
  if (n < 3) return n + 1;
  if (n < 5) return 5;
  let scale = 1;
  while (n >= scale * 10) scale *= 10;
  const digit = n / scale;
  return digit < 2 ? 2 * scale : digit < 5 ? 5 * scale : 10 * scale;
}
