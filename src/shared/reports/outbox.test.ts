import { describe, expect, it } from 'vitest';
import {
  applyAttempt,
  backoffDelay,
  classifyStatus,
  dedupeKeyFor,
  deliveryState,
  DUPLICATE_WINDOW_MS,
  dueItems,
  findDuplicate,
  INVALID_ENDPOINT_ERROR,
  MAX_BACKOFF_MS,
  nextWakeUp,
  type OutboxItem,
  parseRetryAfter,
  pruneOutbox,
} from './outbox';

const item = (overrides: Partial<OutboxItem> = {}): OutboxItem => ({
  reportId: 'r1',
  historyId: 'h1',
  dedupeKey: dedupeKeyFor('scam', 'https://scam.example/a'),
  body: {} as OutboxItem['body'],
  state: 'pending',
  attempts: 0,
  createdAt: 0,
  nextAttemptAt: 0,
  ...overrides,
});

describe('report outbox rules', () => {
  it('backs off from 30 s and never waits longer than the cap', () => {
    expect(backoffDelay(1)).toBe(30_000);
    const delays = Array.from({ length: 20 }, (_, i) => backoffDelay(i + 1));
    expect(delays.every((delay, i) => i === 0 || delay >= (delays[i - 1] ?? 0))).toBe(true);
    expect(Math.max(...delays)).toBe(MAX_BACKOFF_MS);
  });

  it('counts 2xx and 409 as delivered, retries 408/429/5xx, gives up on other 4xx', () => {
    expect(classifyStatus(202, null, 0)).toEqual({ ok: true });
    expect(classifyStatus(409, null, 0)).toEqual({ ok: true });
    expect(classifyStatus(503, null, 0)).toMatchObject({ ok: false, permanent: false });
    expect(classifyStatus(429, '120', 0)).toMatchObject({ ok: false, permanent: false, retryAfterMs: 120_000 });
    expect(classifyStatus(401, null, 0)).toMatchObject({ ok: false, permanent: true });
    expect(classifyStatus(400, null, 0)).toMatchObject({ ok: false, permanent: true });
  });

  it('reads Retry-After as seconds or a date, bounded', () => {
    expect(parseRetryAfter('5', 0)).toBe(5000);
    expect(parseRetryAfter(new Date(60_000).toUTCString(), 0)).toBe(60_000);
    expect(parseRetryAfter('99999999', 0)).toBe(MAX_BACKOFF_MS);
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
  });

  it('moves an item through retrying to delivered, keeping its report id', () => {
    const failed = applyAttempt(item(), { ok: false, permanent: false, error: 'TypeError: Failed to fetch' }, 1000);
    expect(failed).toMatchObject({ state: 'pending', attempts: 1, nextAttemptAt: 31_000 });
    expect(deliveryState(failed)).toBe('retrying');
    const delivered = applyAttempt(failed, { ok: true }, 40_000);
    expect(delivered).toMatchObject({ state: 'delivered', deliveredAt: 40_000, reportId: 'r1' });
    expect(deliveryState(delivered)).toBe('delivered');
  });

  it('keeps a rejected item (never silently dropped) and marks an invalid endpoint', () => {
    const rejected = applyAttempt(item(), { ok: false, permanent: true, error: 'HTTP 401' }, 5);
    expect(deliveryState(rejected)).toBe('rejected');
    expect(pruneOutbox([rejected], 10 ** 12)).toHaveLength(1);
    const invalid = applyAttempt(item(), { ok: false, permanent: false, error: INVALID_ENDPOINT_ERROR }, 5);
    expect(deliveryState(invalid)).toBe('invalid-endpoint');
  });

  it('waits for the longer of back-off and Retry-After', () => {
    const next = applyAttempt(item(), { ok: false, permanent: false, error: 'HTTP 503', retryAfterMs: 600_000 }, 0);
    expect(next.nextAttemptAt).toBe(600_000);
  });

  it('finds due items and the next wake-up', () => {
    const items = [item({ reportId: 'a', nextAttemptAt: 10 }), item({ reportId: 'b', nextAttemptAt: 50 }), item({ reportId: 'c', state: 'delivered' })];
    expect(dueItems(items, 20).map((i) => i.reportId)).toEqual(['a']);
    expect(nextWakeUp(items)).toBe(10);
    expect(nextWakeUp([item({ state: 'rejected' })])).toBeNull();
  });

  it('treats the same page reported again while pending, or just after delivery, as a duplicate', () => {
    const key = dedupeKeyFor('scam', 'https://scam.example/a#x');
    expect(key).toBe(dedupeKeyFor('scam', 'https://scam.example/a'));
    expect(findDuplicate([item()], key, 0)).toBeDefined();
    const delivered = item({ state: 'delivered', deliveredAt: 1000 });
    expect(findDuplicate([delivered], key, 1000 + DUPLICATE_WINDOW_MS - 1)).toBeDefined();
    expect(findDuplicate([delivered], key, 1000 + DUPLICATE_WINDOW_MS)).toBeUndefined();
    expect(findDuplicate([item()], dedupeKeyFor('false-positive', 'https://scam.example/a'), 0)).toBeUndefined();
  });

  it('prunes delivered items after a week only', () => {
    const week = 7 * 24 * 3600 * 1000;
    const delivered = item({ state: 'delivered', deliveredAt: 0 });
    expect(pruneOutbox([delivered], week - 1)).toHaveLength(1);
    expect(pruneOutbox([delivered], week)).toHaveLength(0);
  });
});
