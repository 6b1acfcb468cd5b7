// Detection latency on scam pages: a click in the middle of the page, as a victim
// would, then the time until full screen is exited and until the tab shows the
// warning page. Times are read in the page (performance.timeOrigin + event.timeStamp
// for the click, fullscreenchange + polling for the state) and sent by
// navigator.sendBeacon to the local server, because the page is replaced by the warning
// page, which reports its own DOMContentLoaded time.
import type { IncomingMessage } from 'node:http';
import type { TestServer } from '../support/server';

export const BEACON_HOST = 'bench-beacon.fwb.test';

/** What the latency run needs from a browser page (Playwright or Puppeteer). */
export interface DriverPage {
  goto(url: string, timeoutMs: number): Promise<void>;
  evaluate<T>(source: string): Promise<T>;
  click(x: number, y: number): Promise<void>;
  /** Current URL of the tab (must not throw while it navigates). */
  url(): Promise<string>;
  close(): Promise<void>;
}

export interface Driver {
  newPage(): Promise<DriverPage>;
  /** URL prefix of the warning page, or null without the extension. */
  warningPrefix: string | null;
  /** Extra pages a block might have opened, checked for the warning page (URLs). */
  otherUrls(): Promise<string[]>;
}

export interface LatencyResult {
  id: string;
  ok: boolean;
  error?: string;
  /** The page was on the warning page before the click (blocked on content alone). */
  blockedBeforeClick: boolean;
  enteredFullscreen: boolean;
  /**
   * The kit asked for full screen after the click and never got it before the warning page: the
   * extension refused the request outright (its text had already told the story). clickToExitMs
   * is then 0: the victim saw no moment of full screen.
   */
  refusedFullscreen: boolean;
  /** The kit's own part: some ask for full screen only after a timer or an animation. */
  clickToRequestMs: number | null;
  /** The kit's own part: some lock the screen only after a timer or an animation. */
  clickToEnterMs: number | null;
  clickToExitMs: number | null;
  clickToWarningMs: number | null;
  /** Full screen was still on when the run gave up. */
  stillFullscreen: boolean;
  /**
   * Full screen ended with the navigation to the warning page (no exit seen before the
   * page went away): clickToExitMs is then the warning page time, an upper bound.
   */
  exitByNavigation: boolean;
}

interface Beacon {
  token: string;
  kind: 'click' | 'request' | 'enter' | 'exit';
  t: number;
}

export class BeaconBox {
  private readonly beacons: Beacon[] = [];

  constructor(server: TestServer) {
    server.route(BEACON_HOST, (request: IncomingMessage, response, path) => {
      const token = path.replace(/^\//, '').split('?')[0] ?? '';
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        try {
          const parsed = JSON.parse(body) as { kind: Beacon['kind']; t: number };
          this.beacons.push({ token, kind: parsed.kind, t: parsed.t });
        } catch {
          // Not ours.
        }
        response.writeHead(204, { 'access-control-allow-origin': '*' }).end();
      });
      return true;
    });
  }

  first(token: string, kind: Beacon['kind']): number | null {
    return this.beacons.find((beacon) => beacon.token === token && beacon.kind === kind)?.t ?? null;
  }
}

function recorderSource(token: string): string {
  return `(() => {
    const beacon = Navigator.prototype.sendBeacon, nav = navigator, origin = performance.timeOrigin;
    const post = (kind, t) => { try { beacon.call(nav, 'http://${BEACON_HOST}/${token}', JSON.stringify({ kind, t })); } catch {} };
    let on = !!document.fullscreenElement;
    const check = () => {
      const now = !!document.fullscreenElement;
      if (now !== on) { on = now; post(now ? 'enter' : 'exit', origin + performance.now()); }
    };
    addEventListener('pointerdown', (event) => { if (event.isTrusted) post('click', origin + event.timeStamp); }, { capture: true, once: true });
    // Asked for full screen: wrapped on top of whatever the page has (kits look the method up when they call it).
    for (const name of ['requestFullscreen', 'webkitRequestFullscreen', 'webkitRequestFullScreen', 'mozRequestFullScreen']) {
      const request = Element.prototype[name];
      if (typeof request !== 'function') continue;
      Element.prototype[name] = function (...args) { post('request', origin + performance.now()); return request.apply(this, args); };
    }
    document.addEventListener('fullscreenchange', check, true);
    setInterval(check, 5);
    return on;
  })()`;
}

const WARNING_TIME = `(() => {
  const entry = performance.getEntriesByType('navigation')[0];
  return performance.timeOrigin + (entry && entry.domContentLoadedEventEnd > 0 ? entry.domContentLoadedEventEnd : performance.now());
})()`;

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

export async function measureLatency(
  driver: Driver,
  beacons: BeaconBox,
  kase: { id: string; url: string },
  options: { beforeClickMs: number; afterClickMs: number; navigationTimeoutMs: number; viewport: { width: number; height: number } },
): Promise<LatencyResult> {
  const token = `${kase.id}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const result: LatencyResult = {
    id: kase.id,
    ok: true,
    blockedBeforeClick: false,
    enteredFullscreen: false,
    refusedFullscreen: false,
    clickToRequestMs: null,
    clickToEnterMs: null,
    clickToExitMs: null,
    clickToWarningMs: null,
    stillFullscreen: false,
    exitByNavigation: false,
  };
  const isWarning = (url: string) => driver.warningPrefix !== null && url.startsWith(driver.warningPrefix);
  const page = await driver.newPage();
  try {
    await page.goto(kase.url, options.navigationTimeoutMs).catch(() => {});
    await sleep(options.beforeClickMs);
    if (isWarning(await page.url())) {
      result.blockedBeforeClick = true;
      return result;
    }
    await page.evaluate(recorderSource(token));
    await page.click(Math.round(options.viewport.width / 2), Math.round(options.viewport.height / 2));
    const deadline = Date.now() + options.afterClickMs;
    let warningAt: number | null = null;
    while (Date.now() < deadline) {
      const url = await page.url();
      if (isWarning(url)) {
        await sleep(50);
        warningAt = await page.evaluate<number>(WARNING_TIME).catch(() => Date.now());
        break;
      }
      if (driver.warningPrefix && (await driver.otherUrls()).some(isWarning)) {
        warningAt = Date.now();
        break;
      }
      await sleep(20);
    }
    if (!warningAt) {
      await sleep(100);
      result.stillFullscreen = await page.evaluate<boolean>('!!document.fullscreenElement').catch(() => false);
    } else {
      await sleep(300); // let the beacons of the replaced page arrive
    }
    const click = beacons.first(token, 'click');
    const enter = beacons.first(token, 'enter');
    const exit = beacons.first(token, 'exit');
    result.enteredFullscreen = enter !== null;
    if (click === null) throw new Error('the click never reached the page');
    if (enter !== null) result.clickToEnterMs = enter - click;
    if (exit !== null) result.clickToExitMs = exit - click;
    if (warningAt !== null) result.clickToWarningMs = warningAt - click;
    const request = beacons.first(token, 'request');
    if (request !== null) result.clickToRequestMs = request - click;
    if (request !== null && enter === null && warningAt !== null) {
      result.refusedFullscreen = true;
      result.clickToExitMs = 0;
    }
    if (enter !== null && exit === null && warningAt !== null) {
      result.exitByNavigation = true;
      result.clickToExitMs = warningAt - click;
    }
  } catch (error) {
    result.ok = false;
    result.error = String(error).split('\n')[0];
  } finally {
    await page.close().catch(() => {});
  }
  return result;
}
