import type { TestPage } from './extension-browser';

/** Reads until `done` holds, or fails with the last value seen. */
export async function poll<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Waits until an expression is true in a page. Works in extension pages, whose CSP
 * forbids the string compilation TestPage.waitFor relies on.
 */
export function until(page: TestPage, expression: string, timeoutMs = 5000): Promise<unknown> {
  return poll(() => page.evaluate(expression), (value) => value === true, timeoutMs, expression);
}
