// Installer downloads served by the test proxy under a vendor's host name (over
// http: the proxy cannot serve https), with the body held back until the test
// releases it, so "paused before it finished" is deterministic, not a race.
import type { ExtensionBrowser, TestPage } from './extension-browser';
import type { TestServer } from './server';

export interface GatedFile {
  /** Lets the current and every later request finish. */
  release(): void;
  /** Holds the bodies of requests that start from now on. */
  hold(): void;
  requests(): number;
  readonly size: number;
}

export function serveGatedFile(server: TestServer, host: string, path: string, fileName: string, size = 256 * 1024): GatedFile {
  const body = Buffer.alloc(size, 0x4d);
  let open: Promise<void> = Promise.resolve();
  let openGate = () => {};
  const hold = () => {
    open = new Promise((done) => (openGate = done));
  };
  hold();
  let count = 0;
  const headers = {
    'content-type': 'application/octet-stream',
    'content-disposition': `attachment; filename="${fileName}"`,
    'accept-ranges': 'bytes',
    etag: '"fwb-test-1"',
    'cache-control': 'no-store',
  };
  server.route(host, (request, response, requestPath) => {
    if (requestPath.split('?')[0] !== path) return false;
    count += 1;
    const range = /^bytes=(\d+)-$/.exec(request.headers.range ?? '');
    const start = range ? Math.min(Number(range[1]), size) : 0;
    if (range) {
      response.writeHead(206, { ...headers, 'content-range': `bytes ${start}-${size - 1}/${size}`, 'content-length': size - start });
    } else {
      response.writeHead(200, { ...headers, 'content-length': size });
    }
    const first = Math.min(start + 64 * 1024, size);
    response.write(body.subarray(start, first));
    void open.then(() => {
      if (!response.destroyed) response.end(body.subarray(first));
    });
    return true;
  });
  return {
    size,
    release: () => openGate(),
    hold,
    requests: () => count,
  };
}

export interface DownloadState {
  id: number;
  url: string;
  filename: string;
  state: 'in_progress' | 'interrupted' | 'complete';
  paused: boolean;
  error?: string | null;
  bytesReceived: number;
}

/** downloads.search({}) from one of the extension's pages. */
export async function listDownloads(extensionPage: TestPage): Promise<DownloadState[]> {
  return extensionPage.evaluate(`(async () => {
    const api = globalThis.browser ?? globalThis.chrome;
    return (await api.downloads.search({})).map(({ id, url, filename, state, paused, error, bytesReceived }) => ({ id, url, filename, state, paused, error, bytesReceived }));
  })()`);
}

export async function waitFor<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The remote-access warning page, once the guard has opened it. */
export async function remoteWarningPage(browser: ExtensionBrowser, timeoutMs = 10_000): Promise<TestPage> {
  const prefix = `${browser.extensionOrigin}src/ui/remote-warning/index.html?id=`;
  const found = await waitFor(
    'the remote-access warning page',
    async () => {
      for (const page of await browser.pages()) if ((await page.url().catch(() => '')).startsWith(prefix)) return page;
      return null;
    },
    (page) => page !== null,
    timeoutMs,
  );
  return found as TestPage;
}

/** The guard's records in the local history, newest first, in the guard's own event shape. */
export async function readRemoteGuardLog<T>(extensionPage: TestPage): Promise<T[]> {
  return extensionPage.evaluate(
    `(async () => {
      const api = globalThis.browser ?? globalThis.chrome;
      const stored = (await api.storage.local.get('history')).history;
      return (stored?.entries ?? [])
        .filter((entry) => entry.kind === 'remote-access-warning')
        .map(({ time, url, data }) => ({
          time, url, kind: data.target, outcome: data.decision, toolId: data.toolId, toolName: data.tool,
          fileName: data.fileName, mode: data.mode, reasons: data.contextReasons, flaggedUrl: data.flaggedUrl,
        }));
    })()`,
  );
}
