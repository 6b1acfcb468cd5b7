// Command line of `npm run bench` (arguments after `--`).
export type Section = 'bytes' | 'benign' | 'pathological' | 'scam';
export type BenchBrowser = 'chromium' | 'firefox';

export interface BenchOptions {
  quick: boolean;
  browsers: BenchBrowser[];
  sections: Section[];
  corpus: string | null;
  out: string;
  strict: boolean;
  /** Passes over the benign pages for the load ratio (each pass loads every page with and without). */
  reps: number;
  /** Benign and scam pages to use (all in full mode). */
  benignCount: number;
  scamCount: number;
  /** Firefox figures use samples of the corpus, to keep the full run under 10 minutes. */
  firefoxBenignCount: number;
  firefoxScamCount: number;
  /** Scam pages also clicked without the extension (shows the kits do lock the screen here). */
  baselineScamCount: number;
  /** How long after the click a block may take before the page counts as not blocked (ms). */
  blockWaitMs: number;
}

export const USAGE = `usage: npm run bench -- [--quick] [--browsers=chromium,firefox] [--only=bytes,benign,pathological,scam]
                        [--corpus=DIR] [--out=artifacts/bench.json] [--reps=N] [--strict]
  --quick     a small subset (smoke run, ~2 min); default is the full run (< 10 min on 2 cores)
  --browsers  which browsers (default chromium,firefox; Firefox gives load ratio and latency only)
  --only      run only these sections
  --corpus    corpus folder (default CORPUS_DIR or ../shared/corpus)
  --strict    exit 1 when a budget fails (default: report only; CI checks byte counts in vitest)`;

export function parseOptions(args: string[]): BenchOptions {
  const value = (name: string) => args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
  const unknown = args.filter((arg) => !/^--(quick|strict|help|browsers=.+|only=.+|corpus=.+|out=.+|reps=\d+)$/.test(arg));
  if (unknown.length || args.includes('--help')) throw new Error(`${unknown.length ? `unknown argument(s): ${unknown.join(' ')}\n` : ''}${USAGE}`);
  const quick = args.includes('--quick');
  const browsers = (value('browsers') ?? 'chromium,firefox').split(',').filter(Boolean) as BenchBrowser[];
  if (browsers.some((name) => name !== 'chromium' && name !== 'firefox')) throw new Error(`--browsers takes chromium and/or firefox\n${USAGE}`);
  const sections = (value('only') ?? 'bytes,benign,pathological,scam').split(',').filter(Boolean) as Section[];
  if (sections.some((name) => !['bytes', 'benign', 'pathological', 'scam'].includes(name))) throw new Error(`--only takes bytes,benign,pathological,scam\n${USAGE}`);
  return {
    quick,
    browsers,
    sections,
    corpus: value('corpus') ?? null,
    out: value('out') ?? 'artifacts/bench.json',
    strict: args.includes('--strict'),
    reps: Number(value('reps') ?? 2),
    benignCount: quick ? 8 : Infinity,
    scamCount: quick ? 5 : Infinity,
    firefoxBenignCount: quick ? 4 : 12,
    firefoxScamCount: quick ? 3 : 16,
    baselineScamCount: quick ? 5 : 10,
    blockWaitMs: 1200,
  };
}
