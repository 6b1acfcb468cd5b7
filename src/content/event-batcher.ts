import type { ProbeEvent } from '../shared/probe-events';

const MAX_BATCH = 100;

/**
 * Collects events and hands them over in batches at most once per `delayMs`,
 * so a page calling a wrapped API in a hot loop cannot flood the service worker.
 */
export function createBatcher(flush: (events: ProbeEvent[]) => void, delayMs: number) {
  let pending: ProbeEvent[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (event: ProbeEvent) => {
    if (pending.length < MAX_BATCH) pending.push(event);
    timer ??= setTimeout(() => {
      timer = undefined;
      const batch = pending;
      pending = [];
      flush(batch);
    }, delayMs);
  };
}
