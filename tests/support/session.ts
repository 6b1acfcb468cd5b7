// Per-browser test session: one local server + one browser with the extension.
import { resolve } from 'node:path';
import { type BrowserName, type ExtensionBrowser, launchWithExtension, type LaunchOptions } from './extension-browser';
import { startServer, type TestServer } from './server';

export const FIXTURE_HOST = 'fixtures.fwb.test';
export const FIXTURE_ORIGIN = `http://${FIXTURE_HOST}`;
export const FIXTURES_DIR = resolve(import.meta.dirname, '../fixtures/pages');

export interface Session {
  server: TestServer;
  browser: ExtensionBrowser;
  close(): Promise<void>;
}

export interface SessionHooks {
  /**
   * Runs once the server listens (its port is known) and before the browser starts,
   * e.g. to write a policy naming an address on the test server.
   */
  beforeLaunch?(server: TestServer): void | Promise<void>;
}

export async function openSession(name: BrowserName, options: Partial<LaunchOptions> = {}, hooks: SessionHooks = {}): Promise<Session> {
  const server = await startServer();
  server.mount(FIXTURE_HOST, FIXTURES_DIR);
  let browser: ExtensionBrowser;
  try {
    await hooks.beforeLaunch?.(server);
    browser = await launchWithExtension(name, { proxyPort: server.port, ...options });
  } catch (error) {
    await server.close();
    throw error;
  }
  return {
    server,
    browser,
    async close() {
      await browser.close().catch(() => {});
      await server.close();
    },
  };
}

export const BROWSERS: BrowserName[] = (process.env.FWB_BROWSERS?.split(',') as BrowserName[] | undefined) ?? [
  'chromium',
  'firefox',
];
