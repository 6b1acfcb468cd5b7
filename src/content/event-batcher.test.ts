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
});

describe('createBatcher with urgent events', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());
  const urgent = (event: ProbeEvent) => event.kind === 'fullscreen-request';
  const fullscreen: ProbeEvent = { kind: 'fullscreen-request', target: 'document', userGesture: true };

  it('hands an urgent event over at once, with what was pending', () => {
    const batches: ProbeEvent[][] = [];
    const add = createBatcher((events) => batches.push(events), 20, urgent, () => Date.now());
    add({ kind: 'beforeunload' });
    add(fullscreen);
    expect(batches).toEqual([[{ kind: 'beforeunload' }, fullscreen]]);
    vi.advanceTimersByTime(20);
    expect(batches).toHaveLength(1);
  });

  it('batches a hot loop of urgent events: at most one at once per delay, the rest with the timer', () => {
    const batches: ProbeEvent[][] = [];
    const add = createBatcher((events) => batches.push(events), 20, urgent, () => Date.now());
    for (let ms = 0; ms < 100; ms++) {
      for (let i = 0; i < 1000; i++) add(fullscreen);
      vi.advanceTimersByTime(1);
    }
    // 100 ms: 5 urgent hand-overs and at most 5 timer ones, each capped at 100 events.
    expect(batches.length).toBeLessThanOrEqual(10);
    expect(batches.every((batch) => batch.length <= 100)).toBe(true);
  });
});
