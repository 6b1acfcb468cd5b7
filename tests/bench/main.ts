// `npm run bench`: what the extension costs pages and how fast it reacts, measured in
// real browsers against a baseline without the extension in the same run.
// Run: npm run bench [-- --quick] (see options.ts); method and limits: notes/README.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { distDir } from '../support/extension-browser';
import { startServer } from '../support/server';
import { injectedBytes, type InjectedBytes } from './bytes';
import { corpusDir, loadCases, sample, serveCases, type BenchCase } from './corpus';
import { evaluateBudgets } from './evaluate-budgets';
import { BeaconBox } from './latency';
import { parseOptions } from './options';
import { FULL_SCALE, QUICK_SCALE, servePathological } from './pathological';
import { printReport } from './report';
import { runChromium, type ChromiumReport } from './run-chromium';
import { runFirefox, type FirefoxReport } from './run-firefox';

export async function main(args: string[]): Promise<void> {
  let options;
  try {
    options = parseOptions(args);
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 2;
    return;
  }
  const started = Date.now();
  const repoRoot = resolve(import.meta.dirname, '../..');
  const scale = options.quick ? QUICK_SCALE : FULL_SCALE;

  const bytes: Partial<Record<'chrome' | 'firefox', InjectedBytes>> = {};
  if (options.sections.includes('bytes')) {
    bytes.chrome = injectedBytes(distDir('chromium'));
    bytes.firefox = injectedBytes(distDir('firefox'));
  }

  const dir = options.corpus ? resolve(options.corpus) : corpusDir();
  const loaded = loadCases(dir);
  let corpus: { benign: BenchCase[]; scam: BenchCase[] } | null = null;
  if ('missing' in loaded) {
    console.warn(`\n!!! bench: CORPUS NOT FOUND (${loaded.missing}). Set CORPUS_DIR. Corpus figures are skipped (n/a).\n`);
  } else {
    corpus = {
      benign: sample(loaded.cases.filter((kase) => kase.label === 'benign'), options.benignCount),
      scam: sample(loaded.cases.filter((kase) => kase.label === 'scam'), options.scamCount),
    };
  }
  console.log(
    `bench: ${options.quick ? 'quick' : 'full'} run, browsers ${options.browsers.join('+')}, ${corpus ? `${corpus.benign.length} benign + ${corpus.scam.length} scam pages from ${dir}` : 'no corpus'}; ` +
      `load average ${loadavg().map((value) => value.toFixed(1)).join(' ')} on ${cpus().length} cores (numbers on a busy machine are noisy)`,
  );

  const server = await startServer();
  if (corpus) serveCases(server, [...corpus.benign, ...corpus.scam]);
  servePathological(server, scale);
  const beacons = new BeaconBox(server);
  let chromium: ChromiumReport | null = null;
  let firefox: FirefoxReport | null = null;
  const browserSections = options.sections.some((section) => section !== 'bytes');
  try {
    if (browserSections && options.browsers.includes('chromium')) {
      chromium = await runChromium(server, distDir('chromium'), corpus, beacons, scale, options);
    }
    if (browserSections && options.browsers.includes('firefox') && corpus) {
      firefox = await runFirefox(server, distDir('firefox'), { benign: sample(corpus.benign, options.firefoxBenignCount), scam: sample(corpus.scam, options.firefoxScamCount) }, beacons, options);
    }
  } finally {
    await server.close();
  }

  const budgets = evaluateBudgets({ bytes, chromium, firefox });
  const elapsedS = Math.round((Date.now() - started) / 1000);
  printReport({ bytes, chromium, firefox, budgets });
  const out = resolve(repoRoot, options.out);
  if (!existsSync(dirname(out))) mkdirSync(dirname(out), { recursive: true });
  const leaked = server.requests.filter((request) => request.method === 'CONNECT').length;
  writeFileSync(
    out,
    `${JSON.stringify(
      {
        meta: { mode: options.quick ? 'quick' : 'full', date: new Date().toISOString(), elapsedS, browsers: options.browsers, corpus: corpus ? dir : null, cores: cpus().length, loadAverage: loadavg(), refusedHttps: leaked },
        bytes,
        chromium,
        firefox,
        budgets,
      },
      null,
      1,
    )}\n`,
  );
  console.log(`\nbench: ${budgets.filter((b) => b.status === 'FAIL').length} FAIL, ${budgets.filter((b) => b.status === 'PASS').length} PASS, ${budgets.filter((b) => b.status === 'N/A').length} N/A; wrote ${out} in ${elapsedS} s`);
  if (options.strict && budgets.some((budget) => budget.status === 'FAIL')) process.exitCode = 1;
}
