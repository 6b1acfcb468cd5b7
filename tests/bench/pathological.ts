// Pathological pages, generated in memory at run time and served by a route handler
// (nothing large is committed). Each page sets window.__fwbBench = { done: true, … }
// when its work is over, with what it measured itself, so the same page can be timed
// with and without the extension.
import type { TestServer } from '../support/server';

export const PATHOLOGICAL_HOST = 'pathological.bench.fwb.test';
export const PATHOLOGICAL_ORIGIN = `http://${PATHOLOGICAL_HOST}`;

export interface PathologicalPage {
  id: string;
  /** What the page does, for the table. */
  what: string;
  path: string;
  /** How long the bench waits for window.__fwbBench.done (ms). Pages report workMs, and unitUs when they repeat one operation. */
  timeoutMs: number;
  /**
   * The page spends its time inside an API the probe wraps. V8's profile does not show the
   * browser's own function under the wrapper, so its cost is charged to the wrapper: here the
   * extension's cost is read as the page's thread time with minus without instead.
   */
  callsWrappedApi?: true;
}

export interface PathologicalScale {
  /** Mutation storm duration (s). */
  seconds: number;
  /** rAF audio duration (s). */
  audioSeconds: number;
  /** history.pushState calls in that hot loop (see hotPushState). */
  pushStateCalls: number;
  /** addEventListener + removeEventListener pairs in the other hot loop. */
  listenerCalls: number;
  /** Cap on the hot loop's duration (s), so a slow wrapper cannot stall the run. */
  hotLoopCapSeconds: number;
}

export const FULL_SCALE: PathologicalScale = { seconds: 10, audioSeconds: 5, pushStateCalls: 1_000, listenerCalls: 1_000_000, hotLoopCapSeconds: 3 };
export const QUICK_SCALE: PathologicalScale = { seconds: 3, audioSeconds: 3, pushStateCalls: 300, listenerCalls: 200_000, hotLoopCapSeconds: 3 };

const WORDS = 'the of security update account privacy support settings browser network computer storage service window help article news weather 安全 更新 設定 お知らせ 記事'.split(' ');

function words(count: number, seed: number): string {
  const out: string[] = [];
  let x = seed;
  for (let index = 0; index < count; index++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out.push(WORDS[x % WORDS.length] as string);
  }
  return out.join(' ');
}

const page = (title: string, body: string, script = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}<script>${script}</script></body></html>`;

// Reports done at the load event, with the page's own load timing.
const DONE_AT_LOAD = `addEventListener('load', () => setTimeout(() => { window.__fwbBench = { done: true, workMs: performance.now() }; }, 0));`;

function dom100k(): string {
  // 50,000 elements, each with a text node: 100,000 DOM nodes.
  const parts: string[] = [];
  for (let index = 0; index < 50_000; index++) parts.push(index % 10 === 0 ? `<div>${index} ${words(3, index)}</div>` : `<span>${index}</span>`);
  return page('100k DOM nodes', parts.join(''), DONE_AT_LOAD);
}

function text10mb(): string {
  const paragraph = words(160, 7);
  const count = Math.ceil((10 * 1024 * 1024) / (paragraph.length + 7));
  return page('10 MB of text', `<article>${`<p>${paragraph}</p>`.repeat(count)}</article>`, DONE_AT_LOAD);
}

function mutationStorm(scale: PathologicalScale): string {
  // 10 mutations every 10 ms = 1000 per second; the page records how late its timer runs.
  return page(
    'Mutation storm',
    '<main id="m"></main>',
    `addEventListener('load', () => {
      const main = document.getElementById('m'), lags = [], started = performance.now(), end = started + ${scale.seconds * 1000};
      let mutations = 0, expected = started + 10;
      const tick = () => {
        const now = performance.now();
        lags.push(Math.max(0, now - expected));
        for (let i = 0; i < 10; i++, mutations++) {
          const kind = mutations % 4;
          if (kind === 0) { const p = document.createElement('p'); p.textContent = 'item ' + mutations; main.appendChild(p); }
          else if (kind === 1) main.firstChild && main.removeChild(main.firstChild);
          else if (kind === 2) main.setAttribute('data-n', String(mutations));
          else if (main.lastChild) main.lastChild.textContent = 'changed ' + mutations;
        }
        if (now < end) { expected += 10; setTimeout(tick, Math.max(0, expected - performance.now())); return; }
        lags.sort((a, b) => a - b);
        window.__fwbBench = { done: true, workMs: performance.now() - started, mutations, lagP95Ms: lags[Math.floor(lags.length * 0.95)] ?? 0, lagMaxMs: lags[lags.length - 1] ?? 0 };
      };
      setTimeout(tick, 10);
    });`,
  );
}

function iframes200(): string {
  const frames = Array.from({ length: 200 }, (_, index) => `<iframe src="/frame.html?${index}" width="60" height="40"></iframe>`).join('');
  return page('200 iframes', frames, DONE_AT_LOAD);
}

const frame = () => page('frame', `<p>${words(40, 3)}</p>`);

function hotPushState(scale: PathologicalScale): string {
  // Calls history.pushState in a tight loop (a wrapped API). Not 1M times: in Chromium each
  // call costs about a millisecond and queues work in the browser process, which then
  // stays unresponsive for seconds after the loop (measured: 2,000 calls ≈ 3 s of loop +
  // 12 s of backlog), so the page makes a fixed number of calls and the figure is the
  // cost per call with / without. Firefox throws after a rate limit.
  return page(
    'Hot loop: history.pushState',
    '<p>hot loop</p>',
    `addEventListener('load', () => setTimeout(() => {
      const target = ${scale.pushStateCalls}, cap = ${scale.hotLoopCapSeconds * 1000}, started = performance.now();
      let calls = 0, errors = 0;
      while (calls < target) {
        for (let i = 0; i < 20; i++, calls++) { try { history.pushState({ n: calls }, '', '#s' + (calls & 7)); } catch { errors++; } }
        if (performance.now() - started > cap) break;
      }
      const workMs = performance.now() - started;
      window.__fwbBench = { done: true, workMs, calls, errors, unitUs: (workMs * 1000) / calls };
    }, 50));`,
  );
}

function hotListeners(scale: PathologicalScale): string {
  // addEventListener is wrapped by the probe (leave-page traps) and natively cheap, so
  // this loop shows the wrapper's own per-call cost.
  return page(
    'Hot loop: addEventListener',
    '<p>hot loop</p>',
    `addEventListener('load', () => setTimeout(() => {
      const target = ${scale.listenerCalls}, cap = ${scale.hotLoopCapSeconds * 1000}, started = performance.now(), f = () => {};
      let calls = 0;
      while (calls < target) {
        for (let i = 0; i < 1000; i++, calls++) { const type = i & 1 ? 'keydown' : 'click'; document.addEventListener(type, f); document.removeEventListener(type, f); }
        if (performance.now() - started > cap) break;
      }
      const workMs = performance.now() - started;
      window.__fwbBench = { done: true, workMs, calls, unitUs: (workMs * 1000) / calls };
    }, 50));`,
  );
}

function rafAudio(scale: PathologicalScale): string {
  // Every animation frame restarts an <audio> and starts a short oscillator: the
  // alarm pattern of many kits, at the highest rate a page can drive it.
  return page(
    'rAF audio restarts',
    '<audio id="a" src="/beep.wav" preload="auto"></audio>',
    `addEventListener('load', () => {
      const audio = document.getElementById('a'), started = performance.now(), end = started + ${scale.audioSeconds * 1000}, gaps = [];
      let context = null, frames = 0, last = started;
      try { context = new AudioContext(); } catch {}
      const frame = (now) => {
        gaps.push(now - last); last = now; frames++;
        try { audio.currentTime = 0; const p = audio.play(); p && p.catch(() => {}); } catch {}
        try { if (context) { const o = context.createOscillator(); o.connect(context.destination); o.start(); o.stop(context.currentTime + 0.01); } } catch {}
        if (performance.now() < end) { requestAnimationFrame(frame); return; }
        try { audio.pause(); context && context.close(); } catch {}
        gaps.sort((a, b) => a - b);
        window.__fwbBench = { done: true, workMs: performance.now() - started, frames, frameP95Ms: gaps[Math.floor(gaps.length * 0.95)] ?? 0 };
      };
      requestAnimationFrame(frame);
    });`,
  );
}

function beepWav(): Buffer {
  // 50 ms of a quiet 880 Hz tone, 8 kHz mono 8-bit PCM.
  const samples = 400;
  const buffer = Buffer.alloc(44 + samples);
  buffer.write('RIFF', 0);
  buffer.writeUInt32LE(36 + samples, 4);
  buffer.write('WAVEfmt ', 8);
  buffer.writeUInt32LE(16, 16);
  buffer.writeUInt16LE(1, 20);
  buffer.writeUInt16LE(1, 22);
  buffer.writeUInt32LE(8000, 24);
  buffer.writeUInt32LE(8000, 28);
  buffer.writeUInt16LE(1, 32);
  buffer.writeUInt16LE(8, 34);
  buffer.write('data', 36);
  buffer.writeUInt32LE(samples, 40);
  for (let index = 0; index < samples; index++) buffer[44 + index] = 128 + Math.round(20 * Math.sin((2 * Math.PI * 880 * index) / 8000));
  return buffer;
}

export function pathologicalPages(scale: PathologicalScale): PathologicalPage[] {
  const loopMs = scale.hotLoopCapSeconds * 1000 + 15_000;
  return [
    { id: 'dom-100k', what: '100k DOM nodes', path: '/dom-100k.html', timeoutMs: 30_000 },
    { id: 'text-10mb', what: '10 MB of text', path: '/text-10mb.html', timeoutMs: 45_000 },
    { id: 'mutation-storm', what: `1000 mutations/s for ${scale.seconds} s`, path: '/mutation-storm.html', timeoutMs: scale.seconds * 1000 + 20_000 },
    { id: 'iframes-200', what: '200 same-origin iframes', path: '/iframes-200.html', timeoutMs: 45_000 },
    { id: 'hot-pushstate', what: `${scale.pushStateCalls.toLocaleString('en')} × history.pushState`, path: '/hot-pushstate.html', timeoutMs: loopMs + 30_000, callsWrappedApi: true },
    { id: 'hot-listeners', what: `${scale.listenerCalls.toLocaleString('en')} × add/removeEventListener (cap ${scale.hotLoopCapSeconds} s)`, path: '/hot-listeners.html', timeoutMs: loopMs, callsWrappedApi: true },
    { id: 'raf-audio', what: `audio restart every frame for ${scale.audioSeconds} s`, path: '/raf-audio.html', timeoutMs: scale.audioSeconds * 1000 + 20_000, callsWrappedApi: true },
  ];
}

/** Serves the pathological pages; bodies are generated up front, so no page load waits for them. */
export function servePathological(server: TestServer, scale: PathologicalScale): void {
  const generators: Record<string, () => string | Buffer> = {
    '/dom-100k.html': dom100k,
    '/text-10mb.html': text10mb,
    '/mutation-storm.html': () => mutationStorm(scale),
    '/iframes-200.html': iframes200,
    '/frame.html': frame,
    '/hot-pushstate.html': () => hotPushState(scale),
    '/hot-listeners.html': () => hotListeners(scale),
    '/raf-audio.html': () => rafAudio(scale),
    '/beep.wav': beepWav,
  };
  const cache = new Map<string, Buffer>();
  for (const [path, generate] of Object.entries(generators)) {
    const made = generate();
    cache.set(path, typeof made === 'string' ? Buffer.from(made, 'utf8') : made);
  }
  server.route(PATHOLOGICAL_HOST, (_request, response, rawPath) => {
    const path = rawPath.split('?')[0] ?? '/';
    const body = cache.get(path);
    if (!body) return false;
    response.writeHead(200, {
      'content-type': path.endsWith('.wav') ? 'audio/wav' : 'text/html; charset=utf-8',
      'content-length': body.length,
      'cache-control': 'no-store',
    });
    response.end(body);
    return true;
  });
}
