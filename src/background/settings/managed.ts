import browser from 'webextension-polyfill';
import type { SettingsIssue } from '../../shared/settings-validate';

export interface PolicyRead {
  /** The raw policy object, or undefined when no policy applies. */
  value: unknown;
  readError?: SettingsIssue;
  /** The browser did not answer in time; `late` settles when (if ever) it does. */
  late?: Promise<unknown>;
}

/**
 * Headless Chromium without any policy was seen never to answer storage.managed.get():
 * every getSettings() caller (protection, history, reports) then waited forever, and with
 * them the detection of the tab whose verdict they were handling.
 */
export const POLICY_READ_TIMEOUT_MS = 2000;

/**
 * Reads the enterprise policy (Chrome/Edge: 3rdparty policy filtered by
 * managed-schema.json; Firefox: policies.json 3rdparty.Extensions, unfiltered).
 * Never throws: an unreadable policy leaves the defaults and user settings in force.
 */
export async function readPolicy(): Promise<PolicyRead> {
  try {
    const read = browser.storage.managed.get();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<'timeout'>((done) => (timer = setTimeout(() => done('timeout'), POLICY_READ_TIMEOUT_MS)));
    const value = await Promise.race([read, timedOut]).finally(() => clearTimeout(timer));
    if (value === 'timeout') {
      console.warn('[fake-warning-blocker] the managed policy did not answer in time; going on without it for now');
      const detail = `no answer within ${POLICY_READ_TIMEOUT_MS} ms`;
      return { value: undefined, readError: { key: '*', problem: 'unreadable', detail }, late: read.catch(() => undefined) };
    }
    return { value: Object.keys(value).length > 0 ? value : undefined };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Firefox's way of saying "no policy for this extension".
    if (/managed storage manifest not found/i.test(message)) return { value: undefined };
    console.warn('[fake-warning-blocker] could not read the managed policy:', message);
    return { value: undefined, readError: { key: '*', problem: 'unreadable', detail: message.slice(0, 200) } };
  }
}
