import browser from 'webextension-polyfill';
import type { SettingsIssue } from '../../shared/settings-validate';

export interface PolicyRead {
  /** The raw policy object, or undefined when no policy applies. */
  value: unknown;
  readError?: SettingsIssue;
}

/**
 * Reads the enterprise policy (Chrome/Edge: 3rdparty policy filtered by
 * managed-schema.json; Firefox: policies.json 3rdparty.Extensions, unfiltered).
 * Never throws: an unreadable policy leaves the defaults and user settings in force.
 */
export async function readPolicy(): Promise<PolicyRead> {
  try {
    const value = await browser.storage.managed.get();
    return { value: Object.keys(value).length > 0 ? value : undefined };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Firefox's way of saying "no policy for this extension".
    if (/managed storage manifest not found/i.test(message)) return { value: undefined };
    console.warn('[fake-warning-blocker] could not read the managed policy:', message);
    return { value: undefined, readError: { key: '*', problem: 'unreadable', detail: message.slice(0, 200) } };
  }
}
