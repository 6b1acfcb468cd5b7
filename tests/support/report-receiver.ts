// A small reference receiver for the report endpoint, for tests (not a product
// server). It answers like a well-behaved endpoint should: checks the bearer
// token and the body against the v1 schema (validateReport), deduplicates on
// reportId, 202 for a new report, 200 for one it already has, 400/401/405/415
// for bad requests. It can be taken "down" (connections are cut) to test retries.
//
// Use with the test server, which is the browsers' proxy:
//   const receiver = createReportReceiver({ token: 'secret' });
//   server.route('reports.fwb.test', receiver.handler);   // endpoint http://reports.fwb.test/v1/reports
// or standalone: startReportReceiver(8787) → http://127.0.0.1:8787/v1/reports
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ScamReportV1, validateReport } from '../../src/shared/reports/schema';

export const RECEIVER_PATH = '/v1/reports';

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  status: number;
  error?: string;
}

export interface ReportReceiver {
  /** For server.route(host, handler): answers requests to RECEIVER_PATH. */
  handler(request: IncomingMessage, response: ServerResponse, path: string): boolean;
  /** Accepted reports, one per reportId, in arrival order. */
  reports: ScamReportV1[];
  /** Every request, including refused and duplicate ones. */
  requests: ReceivedRequest[];
  /** 'down': cut every connection (as if the host were unreachable). */
  setAvailable(available: boolean): void;
  waitForReports(count: number, timeoutMs: number): Promise<ScamReportV1[]>;
}

const MAX_BODY = 12 * 1024 * 1024;

export function createReportReceiver(options: { token?: string } = {}): ReportReceiver {
  const reports: ScamReportV1[] = [];
  const requests: ReceivedRequest[] = [];
  let available = true;

  const answer = (response: ServerResponse, record: ReceivedRequest, status: number, body: object): true => {
    record.status = status;
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    return true;
  };

  const handler: ReportReceiver['handler'] = (request, response, path) => {
    if (path.split('?')[0] !== RECEIVER_PATH) return false;
    const record: ReceivedRequest = { method: request.method ?? '', path, headers: request.headers, status: 0 };
    requests.push(record);
    if (!available) {
      record.error = 'down';
      request.socket.destroy();
      return true;
    }
    if (request.method !== 'POST') return answer(response, record, 405, { error: 'POST only' });
    if (options.token && request.headers.authorization !== `Bearer ${options.token}`) {
      return answer(response, record, 401, { error: 'bad or missing bearer token' });
    }
    if (!String(request.headers['content-type']).startsWith('application/json')) {
      return answer(response, record, 415, { error: 'JSON only' });
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    request.on('end', () => {
      if (size > MAX_BODY) return void answer(response, record, 413, { error: 'too large' });
      let report: ScamReportV1;
      try {
        report = validateReport(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch (error) {
        record.error = error instanceof Error ? error.message : String(error);
        return void answer(response, record, 400, { error: record.error });
      }
      if (reports.some((known) => known.reportId === report.reportId)) {
        return void answer(response, record, 200, { status: 'duplicate', reportId: report.reportId });
      }
      reports.push(report);
      answer(response, record, 202, { status: 'accepted', reportId: report.reportId });
    });
    return true;
  };

  return {
    handler,
    reports,
    requests,
    setAvailable: (value) => void (available = value),
    async waitForReports(count, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (reports.length < count) {
        if (Date.now() > deadline) {
          const seen = requests.map((r) => `${r.method} ${r.status}${r.error ? ` (${r.error})` : ''}`).join(', ');
          throw new Error(`Timed out after ${timeoutMs} ms waiting for ${count} report(s); requests so far: ${seen || 'none'}`);
        }
        await new Promise((done) => setTimeout(done, 100));
      }
      return reports;
    },
  };
}

/** Runs the receiver on its own port (for trying an organisation setup by hand). */
export async function startReportReceiver(port = 0, options: { token?: string } = {}): Promise<{ receiver: ReportReceiver; server: Server; url: string }> {
  const receiver = createReportReceiver(options);
  const server = createServer((request, response) => {
    if (!receiver.handler(request, response, request.url ?? '/')) response.writeHead(404).end();
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  return { receiver, server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${RECEIVER_PATH}` };
}
