// Turns the measured figures into PASS / FAIL / N/A lines, one per budget.
import { BUDGETS, check, count, kb, ms, pathologicalLimitMs, ratio, type BudgetResult } from './budgets';
import { isolatedBytes, type InjectedBytes } from './bytes';
import { pathologicalCost } from './pathological-cost';
import type { FirefoxReport } from './run-firefox';
import type { ChromiumReport } from './run-chromium';

export interface Measured {
  bytes: Partial<Record<'chrome' | 'firefox', InjectedBytes>>;
  chromium: ChromiumReport | null;
  firefox: FirefoxReport | null;
}

export function evaluateBudgets(measured: Measured): BudgetResult[] {
  const results: BudgetResult[] = [];
  for (const [target, bytes] of Object.entries(measured.bytes)) {
    results.push(check(`bytes-${target}`, `injected per frame (${target}) ≤ ${kb(BUDGETS.injectedBytesPerFrame)} minified`, bytes?.bytes ?? null, BUDGETS.injectedBytesPerFrame, kb, bytes ? `gzip ${kb(bytes.gzip)}` : undefined));
    const isolated = bytes ? isolatedBytes(bytes) : null;
    results.push(check(`content-bytes-${target}`, `content script per frame (${target}) ≤ ${kb(BUDGETS.contentScriptBytesPerFrame)} minified`, isolated, BUDGETS.contentScriptBytesPerFrame, kb, 'isolated world only'));
  }
  const chromium = measured.chromium;
  if (chromium) {
    const benign = chromium.benign;
    results.push(check('main-thread-p95', `extension main-thread time p95 ≤ ${ms(BUDGETS.extensionMainThreadP95Ms)} (benign corpus, chromium)`, benign?.extensionMs.p95 ?? null, BUDGETS.extensionMainThreadP95Ms, ms, benign ? `p50 ${ms(benign.extensionMs.p50 ?? 0)}, max ${ms(benign.extensionMs.max ?? 0)}, n=${benign.extensionMs.n}` : undefined));
    const pathological = chromium.pathological ?? [];
    const traced = benign !== null || pathological.length > 0;
    const attributable = (benign?.longTasksAttributable ?? 0) + pathological.reduce((sum, page) => sum + pathologicalCost(page).longTasks, 0);
    results.push(check('long-tasks', `long tasks (> ${BUDGETS.longTaskMs} ms) caused by the extension = 0 (all traced pages)`, traced ? attributable : null, 0, count));
    results.push(check('load-ratio', `page-load time with/without median ≤ ${BUDGETS.loadRatioMedian} (benign, chromium)`, benign?.loadRatioMedian ?? null, BUDGETS.loadRatioMedian, ratio, benign ? `p95 ${ratio(benign.loadRatios.p95 ?? 0)}, n=${benign.loadRatios.n}` : undefined));
    for (const page of pathological) {
      const busy = page.with.busyMs ?? 0;
      const limit = pathologicalLimitMs(busy);
      const blocked = page.with.error ?? page.without.error;
      const cost = pathologicalCost(page);
      const how = cost.method === 'profile' ? '' : `; thread time with − without (profile, an upper bound: ${ms(page.with.extensionMs ?? 0)})`;
      results.push(check(`pathological-${page.id}`, `bounded on ${page.id}: extension time ≤ max(${BUDGETS.pathologicalFloorMs} ms, ${BUDGETS.pathologicalShare * 100}% of page time)`, blocked ? null : cost.ms, limit, ms, blocked ? `not measured: ${blocked}` : `limit ${ms(limit)}; work with/without ${page.workRatio === null ? 'n/a' : ratio(page.workRatio)}${how}`));
    }
    const scam = chromium.scam;
    const note = scam ? `n=${scam.clickToWarningMs.n}, blocked before click ${scam.blockedBeforeClick}, no block ${scam.noBlock}` : undefined;
    results.push(check('click-to-exit', `click → full screen exited p95 ≤ ${ms(BUDGETS.clickToExitP95Ms)} (scam, chromium)`, scam?.clickToExitMs.p95 ?? null, BUDGETS.clickToExitP95Ms, ms, scam ? `n=${scam.clickToExitMs.n}` : undefined));
    results.push(check('click-to-warning', `click → warning page p95 ≤ ${ms(BUDGETS.clickToWarningP95Ms)} (scam, chromium)`, scam?.clickToWarningMs.p95 ?? null, BUDGETS.clickToWarningP95Ms, ms, note));
    results.push(...memoryBudgets(chromium));
  }
  const firefox = measured.firefox;
  if (firefox) {
    results.push(check('load-ratio-firefox', `page-load time with/without median ≤ ${BUDGETS.loadRatioMedian} (benign sample, firefox)`, firefox.benign?.loadRatioMedian ?? null, BUDGETS.loadRatioMedian, ratio, firefox.benign ? `n=${firefox.benign.loadRatios.n}` : undefined));
    results.push(check('click-to-exit-firefox', `click → full screen exited p95 ≤ ${ms(BUDGETS.clickToExitP95Ms)} (scam, firefox)`, firefox.scam?.clickToExitMs.p95 ?? null, BUDGETS.clickToExitP95Ms, ms));
    results.push(check('click-to-warning-firefox', `click → warning page p95 ≤ ${ms(BUDGETS.clickToWarningP95Ms)} (scam, firefox)`, firefox.scam?.clickToWarningMs.p95 ?? null, BUDGETS.clickToWarningP95Ms, ms));
  }
  return results;
}

function memoryBudgets(chromium: ChromiumReport): BudgetResult[] {
  const passes = chromium.memory.filter((entry) => entry.label.startsWith('after benign load pass'));
  const first = passes[0]?.memory;
  const last = passes[passes.length - 1]?.memory;
  const comparable = passes.length >= 2 && first && last;
  const heapGrowth = comparable && first.heapUsed !== null && last.heapUsed !== null ? last.heapUsed - first.heapUsed : null;
  const storage = (entry: typeof first) => (entry && entry.storageLocal !== null ? entry.storageLocal + (entry.storageSession ?? 0) : null);
  const storageGrowth = comparable && storage(first) !== null && storage(last) !== null ? (storage(last) as number) - (storage(first) as number) : null;
  const end = chromium.memory[chromium.memory.length - 1]?.memory;
  return [
    check('worker-heap-growth', `service-worker heap growth between benign passes ≤ ${kb(BUDGETS.workerHeapGrowthBytes)}`, heapGrowth, BUDGETS.workerHeapGrowthBytes, (value) => `${value >= 0 ? '+' : ''}${kb(value)}`, end?.heapUsed != null ? `heap at end ${kb(end.heapUsed)}` : end?.error),
    check('storage-growth', `extension storage growth between benign passes ≤ ${kb(BUDGETS.storageGrowthBytes)}`, storageGrowth, BUDGETS.storageGrowthBytes, (value) => `${value >= 0 ? '+' : ''}${value} B`, end?.storageLocal != null ? `local ${end.storageLocal} B, session ${end.storageSession ?? 'n/a'} B at end` : undefined),
  ];
}
