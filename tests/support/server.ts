// A local HTTP server that is also the browsers' HTTP proxy, so every request a
// test browser makes ends here: pages are served by hostname and path from local
// directories, and anything else is answered 404 locally and recorded. HTTPS
// (CONNECT) is refused. Nothing leaves the machine.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.php': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.ogg': 'audio/ogg',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.exe': 'application/octet-stream',
};

// Hosts the browsers themselves contact (updates, settings, sign-in); refused like
// everything else, and listed so tests can tell the browser's traffic from a page's
// or the extension's.
export const BROWSER_SERVICE_HOSTS = /(^|\.)(google\.com|googleapis\.com|gstatic\.com|gvt1\.com|mozilla\.com|mozilla\.net|mozilla\.org|firefox\.com)$/;

export interface RequestRecord {
  host: string;
  path: string;
  method: string;
  status: number;
  /** The Origin and Referer headers, when sent: an extension's own requests carry its origin. */
  origin?: string;
  referer?: string;
}

export type Handler = (request: IncomingMessage, response: ServerResponse, path: string) => boolean | void;

export interface TestServer {
  port: number;
  origin: string;
  /** Every request seen, in order. */
  requests: RequestRecord[];
  /** Serves files below `dir` for `host` (a hostname, or '*' for any host without its own mount). */
  mount(host: string, dir: string): void;
  unmount(host: string): void;
  /**
   * A handler tried before static files for `host`; return true when it answered.
   * Handlers for '*' are tried for every host, after the host's own.
   */
  route(host: string, handler: Handler): void;
  close(): Promise<void>;
}

/** The Content-Type the server sends for a file (text always as UTF-8). */
export function contentTypeFor(file: string): string {
  return TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

function resolveInside(root: string, urlPath: string): string | null {
  const decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  const candidate = normalize(join(root, decoded));
  if (!candidate.startsWith(resolve(root))) return null;
  if (existsSync(candidate) && statSync(candidate).isDirectory()) return join(candidate, 'index.html');
  return candidate;
}

export async function startServer(): Promise<TestServer> {
  const mounts = new Map<string, string>();
  const routes = new Map<string, Handler[]>();
  const requests: RequestRecord[] = [];

  const server: Server = createServer((request, response) => {
    let host = (request.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    let path = request.url ?? '/';
    if (/^https?:\/\//i.test(path)) {
      const absolute = new URL(path);
      host = absolute.hostname.toLowerCase();
      path = absolute.pathname + absolute.search;
    }
    const record: RequestRecord = { host, path, method: request.method ?? 'GET', status: 0 };
    if (typeof request.headers.origin === 'string') record.origin = request.headers.origin;
    if (typeof request.headers.referer === 'string') record.referer = request.headers.referer;
    requests.push(record);
    response.on('finish', () => (record.status = response.statusCode));

    for (const handler of [...(routes.get(host) ?? []), ...(routes.get('*') ?? [])]) {
      if (handler(request, response, path)) return;
    }
    const root = mounts.get(host) ?? (host === '127.0.0.1' || host === 'localhost' ? undefined : mounts.get('*'));
    const file = root ? resolveInside(root, path) : null;
    if (!file || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found (local test server)');
      return;
    }
    response.writeHead(200, {
      'content-type': contentTypeFor(file),
      'cache-control': 'no-store',
    });
    createReadStream(file).pipe(response);
  });
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('connect', (request: IncomingMessage, socket: Socket) => {
    requests.push({ host: (request.url ?? '').replace(/:\d+$/, ''), path: '', method: 'CONNECT', status: 403 });
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });

  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    requests,
    mount: (host, dir) => mounts.set(host.toLowerCase(), resolve(dir)),
    unmount: (host) => mounts.delete(host.toLowerCase()),
    route: (host, handler) => routes.set(host.toLowerCase(), [...(routes.get(host.toLowerCase()) ?? []), handler]),
    close: () =>
      new Promise<void>((done) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => done());
      }),
  };
}
