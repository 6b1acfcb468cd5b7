import browser from 'webextension-polyfill';
import type { SettingsIssue } from '../../shared/settings-validate';

export interface PolicyRead {
  /** The raw policy object, or undefined when no policy applies. */
  value: unknown;
  readError?: SettingsIssue;
  /** Set when the read took too long: resolves once the browser answers after all. */
  late?: Promise<unknown>;
}

// Chromium answers storage.managed only once its policy service is ready, which
// can take seconds after the browser starts. Protection must not wait for it:
// after this long the settings apply without policy, and again once it arrives.
export const MANAGED_READ_TIMEOUT_MS = 1000;

/**
 * Reads the enterprise policy (Chrome/Edge: 3rdparty policy filtered by
 * managed-schema.json; Firefox: policies.json 3rdparty.Extensions, unfiltered).
 * Never throws: an unreadable policy leaves the defaults and user settings in force.
 */
export async function readPolicy(timeoutMs = MANAGED_READ_TIMEOUT_MS): Promise<PolicyRead> {
  const read = browser.storage.managed.get();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<'timed-out'>((done) => (timer = setTimeout(() => done('timed-out'), timeoutMs)));
  try {
    const value = await Promise.race([read, timedOut]);
    if (value === 'timed-out') {
      return { value: undefined, readError: { key: '*', problem: 'unreadable', detail: 'the browser has not answered yet' }, late: read.catch(() => undefined) };
    }
    return { value: Object.keys(value).length > 0 ? value : undefined };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Firefox's way of saying "no policy for this extension".
    if (/managed storage manifest not found/i.test(message)) return { value: undefined };
    console.warn('[fake-warning-blocker] could not read the managed policy:', message);
    return { value: undefined, readError: { key: '*', problem: 'unreadable', detail: message.slice(0, 200) } };
  } finally {
    clearTimeout(timer);
  }
}
