import type { ProbeEvent } from '../shared/probe-events';

const MAX_BATCH = 100;

/**
 * Collects events and hands them over in batches at most once per `delayMs`,
 * so a page calling a wrapped API in a hot loop cannot flood the service worker.
 * An `urgent` event goes at once, with whatever waited before it.
 */
export function createBatcher(flush: (events: ProbeEvent[]) => void, delayMs: number) {
  let pending: ProbeEvent[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const handOver = () => {
    clearTimeout(timer);
    timer = undefined;
    const batch = pending;
    pending = [];
    flush(batch);
  };
  return (event: ProbeEvent, urgent = false) => {
    if (pending.length < MAX_BATCH) pending.push(event);
    if (urgent) handOver();
    else timer ??= setTimeout(handOver, delayMs);
  };
}
