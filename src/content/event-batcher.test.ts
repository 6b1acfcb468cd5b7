import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProbeEvent } from '../shared/probe-events';
import { createBatcher } from './event-batcher';

describe('createBatcher', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('hands events over in one batch after the delay', () => {
    const batches: ProbeEvent[][] = [];
    const add = createBatcher((events) => batches.push(events), 20);
    add({ kind: 'beforeunload' });
    add({ kind: 'cursor-hidden' });
    expect(batches).toEqual([]);
    vi.advanceTimersByTime(20);
    expect(batches).toEqual([[{ kind: 'beforeunload' }, { kind: 'cursor-hidden' }]]);
  });

  it('caps a flood at 100 events per batch', () => {
    const batches: ProbeEvent[][] = [];
    const add = createBatcher((events) => batches.push(events), 20);
    for (let i = 0; i < 10_000; i++) add({ kind: 'history-push', count: i });
    vi.advanceTimersByTime(20);
    expect(batches).toHaveLength(1);
    expect(batches[0]).toHaveLength(100);
  });

  it('hands an urgent event over at once, with what waited before it, and keeps batching after it', () => {
    const batches: ProbeEvent[][] = [];
    const add = createBatcher((events) => batches.push(events), 20);
    add({ kind: 'beforeunload' });
    add({ kind: 'fullscreen-request', target: 'document', userGesture: true, refused: true }, true);
    expect(batches).toEqual([[{ kind: 'beforeunload' }, { kind: 'fullscreen-request', target: 'document', userGesture: true, refused: true }]]);
    vi.advanceTimersByTime(20);
    expect(batches).toHaveLength(1);
    add({ kind: 'cursor-hidden' });
    vi.advanceTimersByTime(20);
    expect(batches).toEqual([expect.any(Array), [{ kind: 'cursor-hidden' }]]);
  });
});
