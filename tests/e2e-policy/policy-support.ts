// Shared by the enterprise policy tests: sessions started under a machine-wide
// policy file, and reading the extension's settings state from an extension page.
import type { SettingsView } from '../../src/shared/protocol';
import type { BrowserName, TestPage } from '../support/extension-browser';
import { openExtensionPage, sendFromExtensionPage } from '../support/extension-api';
import type { TestServer } from '../support/server';
import { openSession, type Session } from '../support/session';
import { installChromiumPolicy, installFirefoxPolicy, type PolicyFile } from './policy-files';

export const OPTIONS_PATH = 'src/ui/options/index.html';
export const POPUP_PATH = 'src/ui/popup/index.html';

export interface PolicySession extends Session {
  /** The policy file; for Firefox already removed (Firefox reads it only at startup). */
  policy: PolicyFile;
}

/**
 * Starts `browserName` under `values` as our extension's policy. Chromium watches
 * its policy folder, so its file stays until close(); Firefox's policies.json is
 * removed (and any previous one restored) as soon as the browser has started,
 * so other Firefox instances on this machine are affected for seconds at most.
 * `values` may be a function of the session's test server, for policies that name
 * an address on it (its port is known only once it listens, before the browser starts).
 */
export async function openPolicySession(
  browserName: BrowserName,
  values: unknown | ((server: TestServer) => unknown),
): Promise<PolicySession> {
  let policy: PolicyFile | undefined;
  let session: Session;
  try {
    session = await openSession(browserName, {}, {
      beforeLaunch(server) {
        const resolved = typeof values === 'function' ? (values as (server: TestServer) => unknown)(server) : values;
        policy = browserName === 'chromium' ? installChromiumPolicy(resolved) : installFirefoxPolicy(resolved);
      },
    });
  } catch (error) {
    policy?.remove();
    throw error;
  } finally {
    if (browserName === 'firefox') policy?.remove();
  }
  const installed = policy as PolicyFile;
  // Chromium answers storage.managed only once its policy service is ready (seconds after start); until then
  // the extension runs on defaults and says the policy is unreadable. Tests start once the policy has arrived.
  const page = await openExtensionPage(session.browser);
  try {
    await waitForState(page, (state) => !state.policyIssues.some((issue) => issue.key === '*' && issue.problem === 'unreadable'), 30_000);
  } finally {
    await page.close();
  }
  return {
    ...session,
    policy: installed,
    async close() {
      try {
        await session.close();
      } finally {
        installed.remove();
      }
    },
  };
}

export function getState(page: TestPage): Promise<SettingsView> {
  return sendFromExtensionPage<SettingsView>(page, 'get-settings-state', {});
}

/** Polls the extension's settings state until `accept` holds. */
export async function waitForState(page: TestPage, accept: (state: SettingsView) => boolean, timeoutMs: number): Promise<SettingsView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await getState(page);
    if (accept(state)) return state;
    if (Date.now() > deadline) throw new Error(`settings state never matched; last: ${JSON.stringify(state)}`);
    await new Promise((done) => setTimeout(done, 250));
  }
}

/** Sends set-user-settings and returns the error text, or null when it was accepted. */
export async function trySetUserSettings(page: TestPage, changes: Record<string, unknown>): Promise<string | null> {
  try {
    await sendFromExtensionPage(page, 'set-user-settings', { changes });
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * Polls a JavaScript expression until it is true. TestPage.waitFor cannot be used on
 * Chromium extension pages: Playwright evaluates string predicates with eval(), which
 * the extension pages' CSP forbids.
 */
export async function waitUntil(page: TestPage, expression: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      last = await page.evaluate(`(() => ${expression})()`);
    } catch (error) {
      last = error;
    }
    if (last === true) return;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${expression} (last: ${String(last)})`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

export async function openOptions(session: Session): Promise<TestPage> {
  const page = await openExtensionPage(session.browser, OPTIONS_PATH);
  await waitUntil(page, `document.getElementById('settings-section')?.dataset.ready === 'true'`, 10_000);
  return page;
}
