import { describe, expect, it } from 'vitest';
import { counter, nextThreshold, tick } from './counter';

describe('reporting thresholds', () => {
  it('follow 1, 2, 3, 5, 10, 20, 50, 100, … so early calls are all seen and floods cost a few events', () => {
    const thresholds = [1];
    while (thresholds.length < 14) thresholds.push(nextThreshold(thresholds[thresholds.length - 1] as number));
    expect(thresholds).toEqual([1, 2, 3, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000]);
  });

  it('a million calls report 20 times, with the exact count each time', () => {
    const c = counter();
    const reported: number[] = [];
    for (let i = 0; i < 1_000_000; i++) if (tick(c)) reported.push(c.count);
    expect(reported).toHaveLength(20);
    expect(reported.slice(-3)).toEqual([200_000, 500_000, 1_000_000]);
    expect(c.count).toBe(1_000_000);
  });
});
