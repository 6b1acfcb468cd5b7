/**
 * Runs one tab's tasks one after another, in the order they were queued (a task that fails
 * does not stop the next). A tab's chain is let go once it is idle, so the map holds busy tabs
 * only, not every tab ever seen.
 */
export function perTabQueue(): <T>(tabId: number, task: () => Promise<T>) => Promise<T> {
  const queues = new Map<number, Promise<unknown>>();
  return <T>(tabId: number, task: () => Promise<T>): Promise<T> => {
    const next = (queues.get(tabId) ?? Promise.resolve()).then(task, task);
    queues.set(tabId, next);
    const release = () => {
      if (queues.get(tabId) === next) queues.delete(tabId);
    };
    next.then(release, release);
    return next;
  };
}
