// Serves the running cases from the local test server (which is also the browser's
// proxy) and answers everything else locally, counting it: a request for another
// host is "foreign" (charged to the case whose page sent it, by Referer), HTTPS is
// refused by the proxy and counted here. Nothing reaches the network.
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, normalize, posix, sep } from 'node:path';
import { BROWSER_SERVICE_HOSTS, contentTypeFor, type RequestRecord, type TestServer } from '../support/server';
import type { CorpusCase } from './corpus';

export const HARNESS_HOST = 'harness.fwb.test';

export interface CaseTraffic {
  /** Files of the case served. */
  served: number;
  /** Requests for the case's own host that the case folder cannot answer (404). */
  missing: number;
  /** Requests the case's pages sent to other hosts (answered 404 locally). */
  foreign: number;
  /** HTTPS connections refused: to the case's own host, or to another while this case ran alone. */
  https: number;
  /** Other hosts the case contacted (https://host for refused HTTPS). */
  foreign_hosts: string[];
  /** Paths of the case's host that the case folder lacks (first 20). */
  missing_paths: string[];
}

export interface TrafficSummary {
  served: number;
  missing: number;
  foreign: number;
  https: number;
  /** Requests and HTTPS connections that no running case could be charged with, by host. */
  unattributed: Record<string, number>;
  /** The browser's own update/sign-in traffic (refused like everything else). */
  browser_service: number;
  /** Requests that got no local answer (should always be 0). */
  unanswered: number;
}

const emptyTraffic = (): CaseTraffic => ({ served: 0, missing: 0, foreign: 0, https: 0, foreign_hosts: [], missing_paths: [] });

function caseFile(kase: CorpusCase, rawPath: string): string | null {
  let pathname: string;
  try {
    pathname = decodeURIComponent(rawPath.split('?')[0] ?? '/');
  } catch {
    return null;
  }
  const entryPath = decodeURIComponent(kase.url.pathname);
  if (pathname === entryPath) return join(kase.dir, kase.entry);
  // Relative references resolve against the entry's folder, which the URL may place anywhere.
  const base = entryPath.slice(0, entryPath.lastIndexOf('/') + 1);
  const entryDir = posix.dirname(kase.entry);
  const candidates = [
    pathname.startsWith(base) ? join(kase.dir, entryDir, pathname.slice(base.length)) : null,
    join(kase.dir, pathname),
  ];
  for (const candidate of candidates) {
    if (!candidate) continue;
    let file = normalize(candidate);
    if (file !== kase.dir && !file.startsWith(kase.dir + sep)) continue;
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (existsSync(file) && statSync(file).isFile()) return file;
  }
  return null;
}

function refererHost(request: IncomingMessage): string | null {
  const referer = request.headers.referer;
  if (!referer) return null;
  try {
    return new URL(referer).hostname.toLowerCase();
  } catch {
    return null;
  }
}

export class CaseServer {
  private readonly active = new Map<string, { kase: CorpusCase; traffic: CaseTraffic }>();
  private readonly summary: TrafficSummary = {
    served: 0,
    missing: 0,
    foreign: 0,
    https: 0,
    unattributed: {},
    browser_service: 0,
    unanswered: 0,
  };
  private seenRecords = 0;

  // CONNECT requests bypass routes; look at them often, while their case is still running.
  private readonly connectTimer: NodeJS.Timeout;

  constructor(private readonly server: TestServer) {
    server.route('*', (request, response, path) => this.handle(request, response, path));
    this.connectTimer = setInterval(() => this.collectConnects(), 100);
    this.connectTimer.unref();
  }

  /** A blank page each case's window opens first, so the harness can find the tab by its unique address. */
  harnessUrl(slot: number): string {
    return `http://${HARNESS_HOST}/tab/${slot}`;
  }

  /** Starts serving a case under its URL's host. Two cases with the same host must not run at once. */
  activate(kase: CorpusCase): CaseTraffic {
    const host = kase.url.hostname.toLowerCase();
    if (this.active.has(host)) throw new Error(`host ${host} is already serving case ${this.active.get(host)?.kase.id}`);
    this.collectConnects();
    const traffic = emptyTraffic();
    this.active.set(host, { kase, traffic });
    return traffic;
  }

  deactivate(kase: CorpusCase): void {
    this.collectConnects();
    this.active.delete(kase.url.hostname.toLowerCase());
  }

  isHostBusy(host: string): boolean {
    return this.active.has(host.toLowerCase());
  }

  /**
   * Charges HTTPS connections, which carry no Referer: to the case whose own host they
   * are for, else to the running case when only one runs, else to nobody.
   */
  collectConnects(): void {
    const records = this.server.requests;
    for (; this.seenRecords < records.length; this.seenRecords++) {
      const record = records[this.seenRecords] as RequestRecord;
      if (record.method !== 'CONNECT') continue;
      this.summary.https++;
      const own = this.active.get(record.host.toLowerCase());
      if (own) {
        own.traffic.https++;
        continue;
      }
      if (BROWSER_SERVICE_HOSTS.test(record.host)) {
        this.summary.browser_service++;
        continue;
      }
      const only = this.active.size === 1 ? [...this.active.values()][0] : undefined;
      const name = `https://${record.host}`;
      if (only) {
        only.traffic.https++;
        if (!only.traffic.foreign_hosts.includes(name)) only.traffic.foreign_hosts.push(name);
      } else {
        this.summary.unattributed[name] = (this.summary.unattributed[name] ?? 0) + 1;
      }
    }
  }

  /** Final counts; stops watching for HTTPS connections. */
  totals(): TrafficSummary {
    clearInterval(this.connectTimer);
    this.collectConnects();
    this.summary.unanswered = this.server.requests.filter((record) => record.status === 0).length;
    return structuredClone(this.summary);
  }

  private handle(request: IncomingMessage, response: ServerResponse, path: string): boolean {
    const host = (request.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const url = /^https?:\/\//i.test(request.url ?? '') ? new URL(request.url as string) : null;
    const target = url ? url.hostname.toLowerCase() : host;
    if (target === HARNESS_HOST) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      response.end('<!doctype html><meta charset="utf-8"><title>evaluate</title>');
      return true;
    }
    const own = this.active.get(target);
    if (own) {
      const file = caseFile(own.kase, path);
      if (file) {
        own.traffic.served++;
        this.summary.served++;
        response.writeHead(200, { 'content-type': contentTypeFor(file), 'cache-control': 'no-store' });
        createReadStream(file).pipe(response);
      } else {
        own.traffic.missing++;
        if (own.traffic.missing_paths.length < 20) own.traffic.missing_paths.push(path);
        this.summary.missing++;
        response.writeHead(404, { 'content-type': 'text/plain' }).end('not in this case (local test server)');
      }
      return true;
    }
    const from = refererHost(request);
    const sender = from ? this.active.get(from) : undefined;
    if (sender) {
      sender.traffic.foreign++;
      this.summary.foreign++;
      if (!sender.traffic.foreign_hosts.includes(target)) sender.traffic.foreign_hosts.push(target);
    } else if (BROWSER_SERVICE_HOSTS.test(target)) {
      this.summary.browser_service++;
    } else {
      this.summary.unattributed[target] = (this.summary.unattributed[target] ?? 0) + 1;
    }
    response.writeHead(404, { 'content-type': 'text/plain' }).end('not found (local test server)');
    return true;
  }
}
