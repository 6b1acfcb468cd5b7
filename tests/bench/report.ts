// Prints the bench tables. Every figure with the extension is shown next to the
// baseline measured in the same run.
import { pathologicalCost } from './pathological-cost';
import type { BudgetResult } from './budgets';
import type { InjectedBytes } from './bytes';
import type { FirefoxReport } from './run-firefox';
import type { PageReport } from './chromium-measure';
import type { ChromiumReport } from './run-chromium';
import type { LatencyResult } from './latency';
import { type Summary, summarize } from './stats';

const f = (value: number | null | undefined, digits = 2) => (value === null || value === undefined || !Number.isFinite(value) ? 'n/a' : value.toFixed(digits));
const pad = (text: string, width: number) => (text.length >= width ? text : text + ' '.repeat(width - text.length));

export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, column) => pad(cell, widths[column] as number)).join('  ').trimEnd();
  return [line(headers), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

const work = (page: PageReport | null) =>
  typeof page?.unitUs === 'number' ? `${f(page.unitUs, 2)} µs/call` : page?.workMs === undefined ? 'n/a' : `${f(page.workMs, 0)} ms`;

/** The page's own secondary figures (timer lag, frames, calls), with / without. */
function extras(withExt: PageReport | null, without: PageReport | null): string {
  const keys = ['lagP95Ms', 'frames', 'frameP95Ms', 'calls', 'mutations'].filter((key) => typeof withExt?.[key] === 'number' || typeof without?.[key] === 'number');
  return keys.map((key) => `${key} ${f(withExt?.[key] as number | undefined, 0)} / ${f(without?.[key] as number | undefined, 0)}`).join(', ');
}

const summary = (s: Summary | undefined, digits = 2) => (s && s.n ? `${f(s.p50, digits)} / ${f(s.p95, digits)} / ${f(s.max, digits)} (n=${s.n})` : 'n/a');

export function printReport(report: {
  bytes: Partial<Record<string, InjectedBytes>>;
  chromium: ChromiumReport | null;
  firefox: FirefoxReport | null;
  budgets: BudgetResult[];
}): void {
  const out: string[] = [];
  const section = (title: string) => out.push('', `== ${title}`);
  if (Object.keys(report.bytes).length) {
    section('Injected into every frame (built, minified)');
    const rows: string[][] = [];
    for (const [target, bytes] of Object.entries(report.bytes)) {
      if (!bytes) continue;
      for (const file of bytes.files) rows.push([target, file.path, file.world, String(file.bytes), String(file.gzip)]);
      rows.push([target, 'total', '', String(bytes.bytes), String(bytes.gzip)]);
    }
    out.push(table(['build', 'file', 'world', 'bytes', 'gzip'], rows));
  }
  const chromium = report.chromium;
  if (chromium?.benign) {
    const benign = chromium.benign;
    section('Chromium, benign corpus');
    out.push(
      table(
        ['figure', 'p50 / p95 / max', 'note'],
        [
          ['extension main-thread time per page (ms)', summary(benign.extensionMs), `thread time; sampling every ${f(benign.sampleIntervalMs, 3)} ms`],
          ['  the same, wall clock (ms)', summary(benign.extensionWallMs), 'includes waits for a busy CPU'],
          ['page-load time ratio with/without', summary(benign.loadRatios, 3), `median ${f(benign.loadRatioMedian, 3)}`],
          ['long tasks > 50 ms (all / caused by extension)', `${benign.longTasks} / ${benign.longTasksAttributable}`, ''],
        ],
      ),
    );
    const heavy = [...benign.pages].sort((a, b) => (b.extensionMs ?? 0) - (a.extensionMs ?? 0)).slice(0, 5);
    out.push('', 'pages with the most extension time (and where it went):');
    for (const page of heavy) {
      out.push(`  ${f(page.extensionMs)} ms  ${page.id}${page.error ? `  (${page.error})` : ''}`);
      for (const fn of page.topFunctions.slice(0, 3)) out.push(`      ${f(fn.ms)} ms  ${fn.fn}`);
    }
    const failed = benign.pages.filter((page) => page.error);
    if (failed.length) out.push(`pages with errors: ${failed.length} (${failed.slice(0, 5).map((page) => page.id).join(', ')}${failed.length > 5 ? ', …' : ''})`);
  }
  if (chromium?.pathological) {
    section('Chromium, pathological pages (both runs traced; "work" is what the page measures itself)');
    out.push(
      table(
        ['page', 'ext ms (profile)', 'ext ms (budget)', 'ext wall ms', 'max ext/task', 'long tasks (ext)', 'page cpu ms with', 'without', 'work with', 'work without', 'ratio', 'page also measured (with / without)'],
        chromium.pathological.map((page) => [
          page.id,
          f(page.with.extensionMs, 1),
          `${f(pathologicalCost(page).ms, 1)}${pathologicalCost(page).method === 'profile' ? '' : ' (with − without)'}`,
          f(page.with.extensionWallMs, 1),
          f(page.with.maxExtensionPerTaskMs, 1),
          `${page.with.longTasks.length} (${page.with.longTasks.filter((task) => task.attributable).length})`,
          f(page.with.busyMs, 0),
          f(page.without.busyMs, 0),
          work(page.with.page),
          work(page.without.page),
          `${f(page.workRatio, 3)}${page.with.error || page.without.error ? ` (${page.with.error ?? page.without.error})` : ''}`,
          extras(page.with.page, page.without.page),
        ]),
      ),
    );
    for (const page of chromium.pathological.filter((p) => (p.with.extensionMs ?? 0) >= 20)) {
      out.push(`  ${page.id}: ${page.with.topFunctions.slice(0, 3).map((fn) => `${f(fn.ms, 1)} ms ${fn.fn}`).join('; ')}`);
    }
  }
  const latency = (browser: string, scam: ChromiumReport['scam'] | FirefoxReport['scam']) => {
    if (!scam) return;
    section(`${browser}, scam corpus: click → …`);
    const entered = scam.baseline.filter((result) => result.enteredFullscreen).length;
    /** p50 / p95 / max of a figure over the cases that have it. */
    const over = (pick: (result: LatencyResult) => number | null) =>
      summary(summarize(scam.cases.flatMap((result) => { const value = pick(result); return value === null ? [] : [value]; })), 0);
    out.push(
      table(
        ['figure', 'p50 / p95 / max (ms)'],
        [
          ['click → full screen entered (the kit)', over((r) => r.clickToEnterMs)],
          ['click → full screen exited (refused = 0)', summary(scam.clickToExitMs, 0)],
          ['  the same, kits that got full screen', over((r) => (r.refusedFullscreen ? null : r.clickToExitMs))],
          ['full screen entered → exited (the extension)', over((r) => (r.clickToEnterMs !== null && r.clickToExitMs !== null && !r.exitByNavigation ? r.clickToExitMs - r.clickToEnterMs : null))],
          ['click → warning page', summary(scam.clickToWarningMs, 0)],
          ['click → full screen requested (the kit)', over((r) => r.clickToRequestMs)],
          ['full screen requested → warning page (the extension)', over((r) => (r.clickToRequestMs !== null && r.clickToWarningMs !== null ? r.clickToWarningMs - r.clickToRequestMs : null))],
        ],
      ),
      '',
      `pages: ${scam.cases.length}; blocked before the click: ${scam.blockedBeforeClick}; no block after the click: ${scam.noBlock}; ` +
        `full screen refused outright (never full screen): ${scam.cases.filter((result) => result.refusedFullscreen).length}; ` +
        `full screen exited only by the navigation: ${scam.cases.filter((result) => result.exitByNavigation).length}; still full screen: ${scam.cases.filter((result) => result.stillFullscreen).length}`,
      `baseline (no extension): ${entered}/${scam.baseline.length} pages went full screen on the click; errors: ${scam.cases.filter((result) => !result.ok).length}`,
    );
  };
  latency('Chromium', chromium?.scam ?? null);
  if (chromium?.memory.length) {
    section('Chromium service worker (after a forced GC)');
    out.push(
      table(
        ['when', 'heap used', 'storage.local', 'storage.session'],
        chromium.memory.map(({ label, memory }) => [
          label,
          memory.heapUsed === null ? `n/a${memory.error ? ` (${memory.error})` : ''}` : `${(memory.heapUsed / 1024).toFixed(0)} KB`,
          memory.storageLocal === null ? 'n/a' : `${memory.storageLocal} B`,
          memory.storageSession === null ? 'n/a' : `${memory.storageSession} B`,
        ]),
      ),
    );
  }
  if (report.firefox?.benign) {
    section('Firefox, benign sample');
    out.push(`page-load time ratio with/without: ${summary(report.firefox.benign.loadRatios, 3)}, median ${f(report.firefox.benign.loadRatioMedian, 3)}`);
  }
  latency('Firefox', report.firefox?.scam ?? null);
  const timings = [
    ...Object.entries(chromium?.seconds ?? {}).map(([part, seconds]) => `chromium ${part} ${seconds} s`),
    ...(report.firefox ? [`firefox ${report.firefox.seconds} s`] : []),
  ];
  if (timings.length) out.push('', `time taken: ${timings.join(', ')}`);
  section('Budgets');
  out.push(table(['', 'budget', 'measured', 'note'], report.budgets.map((budget) => [budget.status, budget.budget, budget.measured, budget.note ?? ''])));
  console.log(out.join('\n'));
}
