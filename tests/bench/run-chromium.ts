// The Chromium part of the bench: every figure, each against a baseline browser
// without the extension measured in the same run.
import type { TestServer } from '../support/server';
import { launchChromium, type ChromiumInstance } from './chromium';
import { guardDialogs, loadPairs, tracedVisits, workerMemory, type PageReport, type TracedVisit, type WorkerMemory } from './chromium-measure';
import { sample, type BenchCase } from './corpus';
import { measureLatency, type BeaconBox, type Driver, type LatencyResult } from './latency';
import type { BenchOptions } from './options';
import { PATHOLOGICAL_ORIGIN, pathologicalPages, type PathologicalScale } from './pathological';
import { median, summarize, type Summary } from './stats';
import type { LongTask } from './trace-analysis';

export const VIEWPORT = { width: 1280, height: 800 };
const NAVIGATION_TIMEOUT_MS = 20_000;
/** A victim looks at the page before clicking; the extension may use this time to read it. */
export const BEFORE_CLICK_MS = 800;

export interface BenignPage {
  id: string;
  /** Thread time (see trace-analysis.ts); extensionWallMs is the wall-clock figure. */
  extensionMs: number | null;
  extensionWallMs: number | null;
  busyMs: number | null;
  longTasks: LongTask[];
  loadWithMs: number | null;
  loadWithoutMs: number | null;
  loadRatio: number | null;
  topFunctions: { fn: string; ms: number }[];
  error?: string;
}

export interface PathologicalResult {
  id: string;
  what: string;
  /** See PathologicalPage.callsWrappedApi. */
  callsWrappedApi: boolean;
  without: { loadMs: number | null; page: PageReport | null; busyMs: number | null; longTasks: LongTask[]; error?: string };
  with: { loadMs: number | null; page: PageReport | null; busyMs: number | null; extensionMs: number | null; extensionWallMs: number | null; maxExtensionPerTaskMs: number | null; longTasks: LongTask[]; topFunctions: { fn: string; ms: number }[]; error?: string };
  /** Page's own work time (or cost per operation for the hot loops) with / without, as the page measures it. */
  workRatio: number | null;
  /** The page's main-thread time with / without. */
  busyRatio: number | null;
}

export interface ScamReport {
  cases: LatencyResult[];
  baseline: LatencyResult[];
  clickToExitMs: Summary;
  clickToWarningMs: Summary;
  blockedBeforeClick: number;
  noBlock: number;
}

export interface ChromiumReport {
  extensionOrigin: string;
  benign: {
    pages: BenignPage[];
    extensionMs: Summary;
    extensionWallMs: Summary;
    loadRatioMedian: number | null;
    loadRatios: Summary;
    longTasks: number;
    longTasksAttributable: number;
    sampleIntervalMs: number | null;
  } | null;
  pathological: PathologicalResult[] | null;
  scam: ScamReport | null;
  memory: { label: string; memory: WorkerMemory }[];
  /** How long each part took (s), to keep the full run under 10 minutes. */
  seconds: Record<string, number>;
}

const started = Date.now();
const log = (text: string) => console.log(`bench[chromium] ${Math.round((Date.now() - started) / 1000)} s: ${text}`);
const progress = (what: string, total: number) => (done: number) => {
  if (done === total || done % 10 === 0) log(`${what} ${done}/${total}`);
};

function chromiumDriver(instance: ChromiumInstance): Driver {
  return {
    warningPrefix: instance.extensionOrigin ? `${instance.extensionOrigin}src/ui/warning/` : null,
    otherUrls: async () => instance.context.pages().map((page) => page.url()),
    async newPage() {
      const page = await instance.context.newPage();
      guardDialogs(page);
      return {
        goto: async (url, timeoutMs) => void (await page.goto(url, { waitUntil: 'load', timeout: timeoutMs })),
        evaluate: <T>(source: string) => page.evaluate(source) as Promise<T>,
        click: (x, y) => page.mouse.click(x, y),
        url: async () => page.url(),
        close: () => page.close({ runBeforeUnload: false }),
      };
    },
  };
}

async function benign(base: ChromiumInstance, ext: ChromiumInstance, cases: BenchCase[], options: BenchOptions, memory: ChromiumReport['memory']): Promise<ChromiumReport['benign']> {
  log(`benign: tracing ${cases.length} pages with the extension`);
  const traced = await tracedVisits(
    ext,
    cases.map((kase) => ({ label: kase.id, url: kase.url })),
    { settleMs: 300, batch: 25, hires: true, navigationTimeoutMs: NAVIGATION_TIMEOUT_MS, onProgress: progress('traced', cases.length) },
  );
  memory.push({ label: 'after traced benign pass', memory: await workerMemory(ext) });
  log(`benign: loading ${cases.length} pages with and without the extension, ${options.reps} passes`);
  const pairs = await loadPairs(
    base,
    ext,
    cases.map((kase) => kase.url),
    {
      reps: options.reps,
      navigationTimeoutMs: NAVIGATION_TIMEOUT_MS,
      onProgress: progress('load pairs', cases.length * options.reps),
      afterRep: async (rep) => void memory.push({ label: `after benign load pass ${rep + 1}`, memory: await workerMemory(ext) }),
    },
  );
  const pages: BenignPage[] = cases.map((kase, index) => {
    const visit = traced[index] as TracedVisit;
    const pair = pairs[index];
    // The fastest run of each: load on a shared machine only ever adds time.
    const withMs = pair?.withMs.length ? Math.min(...pair.withMs) : null;
    const withoutMs = pair?.withoutMs.length ? Math.min(...pair.withoutMs) : null;
    return {
      id: kase.id,
      extensionMs: visit.trace?.extensionMs ?? null,
      extensionWallMs: visit.trace?.extensionWallMs ?? null,
      busyMs: visit.trace?.busyMs ?? null,
      longTasks: visit.trace?.longTasks ?? [],
      loadWithMs: withMs,
      loadWithoutMs: withoutMs,
      loadRatio: withMs !== null && withoutMs ? withMs / withoutMs : null,
      topFunctions: visit.trace?.topFunctions ?? [],
      ...(visit.ok ? {} : { error: visit.error }),
    };
  });
  const ratios = pages.map((page) => page.loadRatio).filter((value): value is number => value !== null);
  const longTasks = pages.flatMap((page) => page.longTasks);
  return {
    pages,
    extensionMs: summarize(pages.map((page) => page.extensionMs).filter((value): value is number => value !== null)),
    extensionWallMs: summarize(pages.map((page) => page.extensionWallMs).filter((value): value is number => value !== null)),
    loadRatioMedian: median(ratios),
    loadRatios: summarize(ratios),
    longTasks: longTasks.length,
    longTasksAttributable: longTasks.filter((task) => task.attributable).length,
    sampleIntervalMs: traced.find((visit) => visit.trace?.sampleIntervalMs)?.trace?.sampleIntervalMs ?? null,
  };
}

async function pathological(base: ChromiumInstance, ext: ChromiumInstance, scale: PathologicalScale): Promise<PathologicalResult[]> {
  const pages = pathologicalPages(scale);
  const results: PathologicalResult[] = [];
  for (const page of pages) {
    log(`pathological: ${page.id} (${page.what})`);
    const visit = { label: page.id, url: PATHOLOGICAL_ORIGIN + page.path, waitDoneMs: page.timeoutMs };
    // Both traced, so both pay the same tracing overhead; order alternates per page.
    const order = results.length % 2 ? [ext, base] : [base, ext];
    const runs = new Map<ChromiumInstance, TracedVisit>();
    for (const instance of order) {
      const [run] = await tracedVisits(instance, [visit], { settleMs: 300, batch: 1, hires: true, navigationTimeoutMs: page.timeoutMs });
      runs.set(instance, run as TracedVisit);
    }
    const without = runs.get(base) as TracedVisit;
    const withExt = runs.get(ext) as TracedVisit;
    // Per-operation cost when the page repeats one operation until a time cap, else total work time.
    const unit = (report: PageReport | null) => (typeof report?.unitUs === 'number' ? report.unitUs : report?.workMs);
    const workWith = unit(withExt.page);
    const workWithout = unit(without.page);
    results.push({
      id: page.id,
      what: page.what,
      callsWrappedApi: page.callsWrappedApi === true,
      without: {
        loadMs: without.loadMs,
        page: without.page,
        busyMs: without.trace?.busyMs ?? null,
        longTasks: without.trace?.longTasks ?? [],
        ...(without.ok ? {} : { error: without.error }),
      },
      with: {
        loadMs: withExt.loadMs,
        page: withExt.page,
        busyMs: withExt.trace?.busyMs ?? null,
        extensionMs: withExt.trace?.extensionMs ?? null,
        extensionWallMs: withExt.trace?.extensionWallMs ?? null,
        maxExtensionPerTaskMs: withExt.trace?.maxExtensionPerTaskMs ?? null,
        longTasks: withExt.trace?.longTasks ?? [],
        topFunctions: withExt.trace?.topFunctions ?? [],
        ...(withExt.ok ? {} : { error: withExt.error }),
      },
      workRatio: workWith !== undefined && workWithout ? workWith / workWithout : null,
      busyRatio: withExt.trace?.busyMs != null && without.trace?.busyMs ? withExt.trace.busyMs / without.trace.busyMs : null,
    });
  }
  return results;
}

async function scam(base: ChromiumInstance, ext: ChromiumInstance, cases: BenchCase[], beacons: BeaconBox, options: BenchOptions): Promise<ScamReport> {
  const timing = { navigationTimeoutMs: NAVIGATION_TIMEOUT_MS, viewport: VIEWPORT, beforeClickMs: BEFORE_CLICK_MS };
  const withExt: LatencyResult[] = [];
  const baseline: LatencyResult[] = [];
  const extDriver = chromiumDriver(ext);
  const baseDriver = chromiumDriver(base);
  const baselineIds = new Set(sample(cases, options.baselineScamCount).map((kase) => kase.id));
  // Pop-ups a kit opens after the click are closed before the next case.
  const keep = new Set([...base.context.pages(), ...ext.context.pages()]);
  const closePopups = async () => {
    for (const page of [...base.context.pages(), ...ext.context.pages()]) if (!keep.has(page)) await page.close({ runBeforeUnload: false }).catch(() => {});
  };
  for (const [index, kase] of cases.entries()) {
    withExt.push(await measureLatency(extDriver, beacons, kase, { ...timing, afterClickMs: options.blockWaitMs }));
    await closePopups();
    if (baselineIds.has(kase.id)) baseline.push(await measureLatency(baseDriver, beacons, kase, { ...timing, afterClickMs: 300 }));
    await closePopups();
    progress('scam pages', cases.length)(index + 1);
  }
  const exits = withExt.map((result) => result.clickToExitMs).filter((value): value is number => value !== null);
  const warnings = withExt.map((result) => result.clickToWarningMs).filter((value): value is number => value !== null);
  return {
    cases: withExt,
    baseline,
    clickToExitMs: summarize(exits),
    clickToWarningMs: summarize(warnings),
    blockedBeforeClick: withExt.filter((result) => result.blockedBeforeClick).length,
    noBlock: withExt.filter((result) => !result.blockedBeforeClick && result.clickToWarningMs === null).length,
  };
}

export async function runChromium(
  server: TestServer,
  extensionDir: string,
  corpus: { benign: BenchCase[]; scam: BenchCase[] } | null,
  beacons: BeaconBox,
  scale: PathologicalScale,
  options: BenchOptions,
): Promise<ChromiumReport> {
  const base = await launchChromium(server.port, null);
  const ext = await launchChromium(server.port, extensionDir);
  const report: ChromiumReport = { extensionOrigin: ext.extensionOrigin ?? '', benign: null, pathological: null, scam: null, memory: [], seconds: {} };
  const timed = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    const start = Date.now();
    try {
      return await run();
    } finally {
      report.seconds[name] = Math.round((Date.now() - start) / 1000);
    }
  };
  try {
    // Warm both browsers up (first navigation, caches) before measuring anything.
    for (const instance of [base, ext]) {
      const page = await instance.context.newPage();
      await page.goto(`${PATHOLOGICAL_ORIGIN}/frame.html`).catch(() => {});
      await page.close();
    }
    report.memory.push({ label: 'start', memory: await workerMemory(ext) });
    if (corpus && options.sections.includes('benign')) report.benign = await timed('benign', () => benign(base, ext, corpus.benign, options, report.memory));
    if (options.sections.includes('pathological')) {
      report.pathological = await timed('pathological', () => pathological(base, ext, scale));
      report.memory.push({ label: 'after pathological pages', memory: await workerMemory(ext) });
    }
    if (corpus && options.sections.includes('scam')) {
      report.scam = await timed('scam', () => scam(base, ext, corpus.scam, beacons, options));
      report.memory.push({ label: 'after scam pages', memory: await workerMemory(ext) });
    }
  } finally {
    await base.close();
    await ext.close();
  }
  return report;
}
