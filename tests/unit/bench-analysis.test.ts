// The bench's pure parts: percentiles, trace attribution, injected-byte counting.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pathologicalCost } from '../bench/pathological-cost';
import type { PathologicalResult } from '../bench/run-chromium';
import { check } from '../bench/budgets';
import { injectedBytes } from '../bench/bytes';
import { median, percentile, summarize } from '../bench/stats';
import { analyseTrace, keepEvent, overlap, union, type TraceEvent } from '../bench/trace-analysis';

const EXT = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/';
const PID = 7;
const TID = 7;

describe('stats', () => {
  it('uses nearest-rank percentiles, so a small sample’s p95 is its maximum', () => {
    expect(percentile([5, 1, 3], 50)).toBe(3);
    expect(percentile([5, 1, 3], 95)).toBe(5);
    expect(percentile(Array.from({ length: 100 }, (_, i) => i + 1), 95)).toBe(95);
    expect(percentile([], 50)).toBeNull();
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(summarize([2, 9, 4])).toEqual({ n: 3, p50: 4, p95: 9, max: 9 });
  });
});

describe('intervals', () => {
  it('merges overlaps and measures inside a window', () => {
    const merged = union([
      { start: 10, end: 20 },
      { start: 15, end: 30 },
      { start: 40, end: 50 },
    ]);
    expect(merged).toEqual([
      { start: 10, end: 30 },
      { start: 40, end: 50 },
    ]);
    expect(overlap(merged, 25, 45)).toBe(10);
  });
});

/** A renderer main thread whose profile has one node per frame spec; samples every 100 µs. */
function trace(samples: string[][], extra: TraceEvent[] = [], deltas = samples.map(() => 100)): TraceEvent[] {
  const nodes: { id: number; parent?: number; callFrame: { url: string; functionName: string } }[] = [{ id: 1, callFrame: { url: '', functionName: '(root)' } }];
  const ids = new Map<string, number>();
  const sampleIds = samples.map((stack) => {
    let parent = 1;
    let path = '';
    for (const frame of stack) {
      path += `>${frame}`;
      let id = ids.get(path);
      if (!id) {
        id = nodes.length + 1;
        ids.set(path, id);
        const [url, functionName] = frame.split('#') as [string, string];
        nodes.push({ id, parent, callFrame: { url, functionName: functionName ?? '' } });
      }
      parent = id;
    }
    return parent;
  });
  return [
    { name: 'thread_name', pid: PID, tid: TID, ts: 0, args: { name: 'CrRendererMain' } },
    { name: 'TracingStartedInBrowser', pid: 1, tid: 1, ts: 0, args: { data: { frames: [{ processId: PID, url: 'http://page.test/' }] } } },
    { name: 'Profile', pid: PID, tid: TID, ts: 1000, id: '0x1', args: { data: { startTime: 1000 } } },
    {
      name: 'ProfileChunk',
      pid: PID,
      tid: TID,
      ts: 1000,
      id: '0x1',
      args: { data: { cpuProfile: { nodes, samples: [...sampleIds, 1] }, timeDeltas: [0, ...deltas] } },
    },
    ...extra,
  ];
}

const PAGE = 'http://page.test/app.js#loop';
const WRAPPER = `${EXT}src/probe/main.iife.js#wrapped`;
const CONTENT = `${EXT}src/content/main.iife.js#gather`;
const NATIVE = '#querySelectorAll';

describe('analyseTrace', () => {
  const window = [{ label: 'page', start: 0, end: 1e9 }];

  it('charges work the extension started, including the native calls it makes', () => {
    const [result] = analyseTrace(trace([[CONTENT], [CONTENT, NATIVE], [PAGE], [PAGE]]), EXT, window);
    expect(result?.extensionMs).toBeCloseTo(0.2);
    expect(result?.topFunctions[0]?.fn).toMatch(/^gather src\/content\/main\.iife\.js/);
  });

  it('charges a wrapper’s own code but not the wrapped API when the page calls it', () => {
    const [result] = analyseTrace(trace([[PAGE, WRAPPER], [PAGE, WRAPPER, '#pushState'], [PAGE, WRAPPER, '#pushState'], [PAGE]]), EXT, window);
    expect(result?.extensionMs).toBeCloseTo(0.1);
  });

  it('adds compile and evaluation events of extension scripts and counts long tasks it causes', () => {
    const events = trace([[PAGE]], [
      { name: 'EvaluateScript', pid: PID, tid: TID, ts: 10_000, dur: 30_000, args: { data: { url: `${EXT}src/content/main.iife.js` } } },
      { name: 'RunTask', pid: PID, tid: TID, ts: 5_000, dur: 60_000 },
      { name: 'RunTask', pid: PID, tid: TID, ts: 100_000, dur: 200_000 },
      { name: 'RunTask', pid: PID, tid: TID, ts: 110_000, dur: 5_000 },
    ]);
    const [result] = analyseTrace(events, EXT, window);
    expect(result?.extensionMs).toBeCloseTo(30);
    expect(result?.busyMs).toBeCloseTo(260);
    expect(result?.longTasks.map((task) => [task.durationMs, task.attributable])).toEqual([
      [60, true],
      [200, false],
    ]);
  });

  it('does not charge the time the OS gave to other processes (this machine is shared)', () => {
    // Five samples 100 µs apart, then one extension sample followed by a 5 ms gap.
    const [result] = analyseTrace(trace([[PAGE], [PAGE], [PAGE], [PAGE], [CONTENT], [PAGE]], [], [100, 100, 100, 100, 5000, 100]), EXT, window);
    expect(result?.extensionMs).toBeCloseTo(0.2);
    expect(result?.extensionWallMs).toBeCloseTo(5);
  });

  it('uses the thread time of script events when the trace has it', () => {
    const events = trace([[PAGE]], [
      { name: 'EvaluateScript', pid: PID, tid: TID, ts: 10_000, dur: 10_000, tdur: 2_000, args: { data: { url: `${EXT}src/probe/main.iife.js` } } },
      { name: 'v8.compile', pid: PID, tid: TID, ts: 10_100, dur: 5_000, tdur: 1_000, args: { data: { url: `${EXT}src/probe/main.iife.js` } } },
      { name: 'RunTask', pid: PID, tid: TID, ts: 9_000, dur: 80_000, tdur: 40_000 },
    ]);
    const [result] = analyseTrace(events, EXT, window);
    expect(result?.extensionMs).toBeCloseTo(2);
    expect(result?.extensionWallMs).toBeCloseTo(10);
    expect(result?.busyMs).toBeCloseTo(40);
    expect(result?.longTasks).toEqual([]);
  });

  it('ignores threads that never ran a web page (extension pages, browser UI)', () => {
    const events = trace([[CONTENT]]).map((event) => (event.name === 'TracingStartedInBrowser' ? { ...event, args: { data: { frames: [] } } } : event));
    expect(analyseTrace(events, EXT, window)[0]?.extensionMs).toBe(0);
  });

  it('keeps only the events it needs from a long trace', () => {
    expect(keepEvent({ name: 'RunTask', pid: 1, tid: 1, ts: 0, dur: 500 }, EXT)).toBe(false);
    expect(keepEvent({ name: 'RunTask', pid: 1, tid: 1, ts: 0, dur: 5000 }, EXT)).toBe(true);
    expect(keepEvent({ name: 'FunctionCall', pid: 1, tid: 1, ts: 0, args: { data: { url: 'http://x/' } } }, EXT)).toBe(false);
    expect(keepEvent({ name: 'FunctionCall', pid: 1, tid: 1, ts: 0, args: { data: { url: `${EXT}a.js` } } }, EXT)).toBe(true);
  });
});

describe('injectedBytes', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('counts every file injected into web pages, following module imports, and nothing else', () => {
    dir = mkdtempSync(join(tmpdir(), 'fwb-bytes-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'probe.js'), 'x'.repeat(100));
    writeFileSync(join(dir, 'loader.js'), '(async()=>{await import(chrome.runtime.getURL("assets/chunk.js"))})()');
    writeFileSync(join(dir, 'assets/chunk.js'), 'import{a}from"./dep.js";import("./dep.js");' + 'y'.repeat(50));
    writeFileSync(join(dir, 'assets/dep.js'), 'export const a=1');
    writeFileSync(join(dir, 'only-example.js'), 'z'.repeat(999));
    writeFileSync(
      join(dir, 'manifest.json'),
      JSON.stringify({
        content_scripts: [
          { matches: ['http://*/*', 'https://*/*'], js: ['probe.js'], world: 'MAIN' },
          { matches: ['<all_urls>'], js: ['loader.js'] },
          { matches: ['chrome-extension://*/*'], js: ['only-example.js'] },
        ],
      }),
    );
    const result = injectedBytes(dir);
    expect(result.files.map((file) => [file.path, file.world])).toEqual([
      ['probe.js', 'MAIN'],
      ['loader.js', 'ISOLATED'],
      ['assets/chunk.js', 'ISOLATED'],
      ['assets/dep.js', 'ISOLATED'],
    ]);
    expect(result.bytes).toBe(result.files.reduce((sum, file) => sum + file.bytes, 0));
    expect(result.gzip).toBeGreaterThan(0);
  });
});

describe('budget check', () => {
  it('is N/A, never PASS, when the figure could not be measured', () => {
    expect(check('x', 'x', null, 1, String).status).toBe('N/A');
    expect(check('x', 'x', 1, 1, String).status).toBe('PASS');
    expect(check('x', 'x', 1.01, 1, String).status).toBe('FAIL');
  });
});

describe('pathologicalCost', () => {
  const task = (durationMs: number, attributable: boolean) => ({ start: 0, durationMs, wallMs: durationMs, extensionMs: attributable ? durationMs : 0, attributable });
  const page = (callsWrappedApi: boolean): PathologicalResult => ({
    id: 'p',
    what: 'p',
    callsWrappedApi,
    without: { loadMs: 10, page: null, busyMs: 185, longTasks: [task(140, false)] },
    with: { loadMs: 10, page: null, busyMs: 189, extensionMs: 237, extensionWallMs: 300, maxExtensionPerTaskMs: 148, longTasks: [task(148, true)], topFunctions: [] },
    workRatio: 0.9,
    busyRatio: 1.02,
  });

  it('takes the profile’s figure and attributed long tasks on ordinary pages', () => {
    expect(pathologicalCost(page(false))).toEqual({ ms: 237, longTasks: 1, method: 'profile' });
  });

  it('on a page living inside a wrapped API, takes thread time with minus without, and only long tasks the page does not make alone', () => {
    const cost = pathologicalCost(page(true));
    expect(cost.method).toBe('with-minus-without');
    expect(cost.ms).toBeCloseTo(4);
    expect(cost.longTasks).toBe(0);
    const slower = page(true);
    slower.with.busyMs = 400;
    slower.with.longTasks.push(task(90, true));
    expect(pathologicalCost(slower)).toEqual({ ms: 215, longTasks: 1, method: 'with-minus-without' });
  });

  it('is not measured when either run has no trace', () => {
    const missing = page(true);
    missing.without.busyMs = null;
    expect(pathologicalCost(missing).ms).toBeNull();
  });
});
