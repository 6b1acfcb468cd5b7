// `npm run evaluate`: the built extension in a real browser over a corpus of pages.
// Exit 0 when the run completed (whatever detection did), 2 for bad arguments or a
// bad corpus, 1 when it could not run (no browser, build failed, browser died).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { type BrowserName, browserPath } from '../support/browser-paths';
import { type EvaluateArgs, parseArgs, USAGE, UsageError } from './args';
import { ensureBuilt, REPO_ROOT } from './build';
import { CorpusError, type CorpusCase, loadCorpus } from './corpus';
import { reportLines } from './report';
import { runEvaluation } from './run';

const out = (line: string) => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

class CannotRun extends Error {}

function selectCases(all: CorpusCase[], only: string[] | null): CorpusCase[] {
  if (!only) return all;
  const known = new Set(all.map((kase) => kase.id));
  const unknown = only.filter((id) => !known.has(id));
  if (unknown.length) throw new CorpusError(`--only names case(s) not in cases.tsv: ${unknown.join(', ')}`);
  return all.filter((kase) => only.includes(kase.id));
}

async function evaluate(args: EvaluateArgs): Promise<void> {
  const cases = selectCases(loadCorpus(args.corpus), args.only);
  try {
    browserPath(args.browser);
    ensureBuilt(args.browser, err);
  } catch (error) {
    throw new CannotRun(error instanceof Error ? error.message : String(error));
  }
  err(`evaluate: ${cases.length} case(s) in ${args.browser}, ${args.concurrency} at a time, settle ${args.settleMs} ms`);
  let result;
  try {
    result = await runEvaluation(cases, { browser: args.browser, concurrency: args.concurrency, settleMs: args.settleMs, log: err });
  } catch (error) {
    throw new CannotRun(error instanceof Error ? error.message : String(error));
  }
  const harnessFailures = result.cases.filter((record) => record.errors.some((error) => error.startsWith('harness:'))).length;
  if (harnessFailures > cases.length / 2) {
    throw new CannotRun(`${harnessFailures} of ${cases.length} cases could not be run (see the errors above); the browser may have died`);
  }
  if (args.out) {
    const file = resolve(args.out);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify({ corpus: resolve(args.corpus), ...result }, null, 2)}\n`);
    err(`evaluate: wrote ${file}`);
  }
  for (const line of reportLines(result, resolve(args.corpus))) out(line);
}

function fail(error: unknown): number {
  if (error instanceof UsageError) {
    err(`evaluate: ${error.message}\n${USAGE}`);
    return 2;
  }
  if (error instanceof CorpusError) {
    err(`evaluate: bad corpus: ${error.message}`);
    return 2;
  }
  err(`evaluate: could not run: ${error instanceof Error ? error.message : String(error)}`);
  return 1;
}

/** `npm run evaluate:corpus`: the shared corpus (CORPUS_DIR) in both browsers. */
async function evaluateSharedCorpus(argv: string[]): Promise<number> {
  const corpus = process.env.CORPUS_DIR ?? resolve(REPO_ROOT, '../shared/corpus');
  let status = 0;
  for (const browser of ['chromium', 'firefox'] as BrowserName[]) {
    if (browser !== 'chromium') out('');
    const outFile = join(REPO_ROOT, 'artifacts', `evaluate-${browser}.json`);
    try {
      await evaluate(parseArgs([...argv, '--corpus', corpus, '--browser', browser, '--out', outFile]));
    } catch (error) {
      status = Math.max(status, fail(error));
    }
  }
  return status;
}

export async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'corpus') return evaluateSharedCorpus(argv.slice(1));
  try {
    await evaluate(parseArgs(argv));
    return 0;
  } catch (error) {
    return fail(error);
  }
}
