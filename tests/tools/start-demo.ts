// `npm start`: opens Chromium with the built extension on a local, clearly labelled
// simulated fake warning. With a display the browser stays open for you to try; without
// one it runs headless, clicks the page as a victim would and prints what the extension saw.
import { resolve } from 'node:path';
import { findTabId, openExtensionPage, sendFromExtensionPage } from '../support/extension-api';
import { launchWithExtension } from '../support/extension-browser';
import { startServer } from '../support/server';

const DEMO_HOST = 'fake-warning-demo.fwb.test';

interface Status {
  url: string | null;
  eventCounts: Record<string, number>;
  verdict: { level: string; score: number; reasons: { key: string; params: string[] }[]; phoneNumbers: string[] };
}

export async function main(): Promise<void> {
  const server = await startServer();
  server.mount(DEMO_HOST, resolve(import.meta.dirname, '../fixtures/demo'));
  const demoUrl = `http://${DEMO_HOST}/fake-warning-demo.html`;
  const headed = Boolean(process.env.DISPLAY) && !process.env.CI;
  const browser = await launchWithExtension('chromium', { proxyPort: server.port, headless: !headed });
  const page = await browser.newPage(demoUrl);
  console.log(`start: opened the simulated fake warning at ${demoUrl} (served locally; no network).`);
  if (headed) {
    console.log('start: click in the page to trigger it. Close the browser window to end.');
    await browser.closed;
    await server.close();
    return;
  }
  await page.click(640, 400);
  const control = await openExtensionPage(browser);
  const tabId = await findTabId(control, demoUrl).catch(() => -1);
  let status: Status | null = null;
  const deadline = Date.now() + 3000;
  while (Date.now() < deadline) {
    if (tabId >= 0) status = await sendFromExtensionPage<Status>(control, 'get-tab-status', { tabId });
    if (status?.verdict.level === 'scam') break;
    await new Promise((done) => setTimeout(done, 100));
  }
  const finalUrl = await page.url();
  console.log('start: no display, so Chromium ran headless. What the extension saw after one click:');
  console.log(`  behaviour events: ${JSON.stringify(status?.eventCounts ?? {})}`);
  console.log(`  verdict: ${status?.verdict.level ?? 'unknown'} (score ${status?.verdict.score ?? 0})`);
  for (const reason of status?.verdict.reasons ?? []) console.log(`    - ${reason.key} ${reason.params.join(' ')}`);
  if (status?.verdict.phoneNumbers.length) console.log(`  phone numbers (do not call): ${status.verdict.phoneNumbers.join(', ')}`);
  console.log(`  the tab now shows: ${finalUrl.startsWith(browser.extensionOrigin) ? 'the extension’s warning page' : finalUrl}`);
  await browser.close();
  await server.close();
}
