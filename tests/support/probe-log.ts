// Reads what this extension's probe saw in a tab, through the content script's
// diagnostics answer (src/content/probe-remote.ts), from one of our extension pages.
import type { ProbeEvent } from '../../src/shared/probe-events';
import type { TestPage } from './extension-browser';

export async function probeLog(extensionPage: TestPage, tabId: number, frameId = 0): Promise<ProbeEvent[]> {
  const source = `(async () => {
    const api = globalThis.browser ?? globalThis.chrome;
    const reply = await api.tabs.sendMessage(${tabId}, { type: 'fwb:probe-log' }, { frameId: ${frameId} });
    return reply ? reply.events : null;
  })()`;
  const events = (await extensionPage.evaluate(source)) as ProbeEvent[] | null;
  if (!events) throw new Error(`No probe log from tab ${tabId}`);
  return events;
}

/** Polls the log until `predicate` holds (events reach the content script synchronously, but tests act asynchronously). */
export async function waitForEvents(
  extensionPage: TestPage,
  tabId: number,
  predicate: (events: ProbeEvent[]) => boolean,
  timeoutMs = 5000,
): Promise<ProbeEvent[]> {
  const deadline = Date.now() + timeoutMs;
  let events: ProbeEvent[] = [];
  for (;;) {
    events = await probeLog(extensionPage, tabId);
    if (predicate(events)) return events;
    if (Date.now() > deadline) return events;
    await new Promise((done) => setTimeout(done, 50));
  }
}

/** Asks the content script of every frame of the tab to disarm the page. */
export async function disarmTab(extensionPage: TestPage, tabId: number): Promise<void> {
  await extensionPage.evaluate(`(async () => {
    const api = globalThis.browser ?? globalThis.chrome;
    await api.tabs.sendMessage(${tabId}, { type: 'fwb:probe-disarm' });
  })()`);
}

export const ofKind = <K extends ProbeEvent['kind']>(events: ProbeEvent[], kind: K) =>
  events.filter((event): event is Extract<ProbeEvent, { kind: K }> => event.kind === kind);
