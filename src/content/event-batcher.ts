import type { ProbeEvent } from '../shared/probe-events';

const MAX_BATCH = 100;

/**
 * Collects events and hands them over in batches at most once per `delayMs`,
 * so a page calling a wrapped API in a hot loop cannot flood the service worker.
 * An urgent event (what a lock screen does) goes at once, with whatever is pending:
 * the block must not wait for the batch. Urgent hand-overs are themselves limited
 * to one per `delayMs`, so a hot loop of urgent calls is batched like any other.
 */
export function createBatcher(flush: (events: ProbeEvent[]) => void, delayMs: number, isUrgent: (event: ProbeEvent) => boolean = () => false, now = () => performance.now()) {
  let pending: ProbeEvent[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastUrgent = -Infinity;
  const handOver = () => {
    clearTimeout(timer);
    timer = undefined;
    const batch = pending;
    pending = [];
    flush(batch);
  };
  return (event: ProbeEvent) => {
    if (pending.length < MAX_BATCH) pending.push(event);
    if (isUrgent(event) && now() - lastUrgent >= delayMs) {
      lastUrgent = now();
      handOver();
      return;
    }
    timer ??= setTimeout(handOver, delayMs);
  };
}
