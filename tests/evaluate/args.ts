import type { BrowserName } from '../support/browser-paths';

export interface EvaluateArgs {
  corpus: string;
  browser: BrowserName;
  out: string | null;
  only: string[] | null;
  concurrency: number;
  settleMs: number;
}

export class UsageError extends Error {}

export const USAGE =
  'usage: npm run evaluate -- --corpus DIR [--browser chromium|firefox] [--out FILE.json] [--only ID,...] [--concurrency N] [--settle MS]\n' +
  '       npm run evaluate:corpus   (the shared corpus in both browsers, JSON to artifacts/evaluate-<browser>.json)';

function positiveInt(option: string, value: string, max: number): number {
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > max) {
    throw new UsageError(`${option} must be a whole number from 1 to ${max}, got '${value}'`);
  }
  return Number(value);
}

export function parseArgs(argv: string[]): EvaluateArgs {
  const args: EvaluateArgs = { corpus: '', browser: 'chromium', out: null, only: null, concurrency: 4, settleMs: 5000 };
  for (let index = 0; index < argv.length; index++) {
    const raw = argv[index] as string;
    const [option, inline] = raw.startsWith('--') && raw.includes('=') ? [raw.slice(0, raw.indexOf('=')), raw.slice(raw.indexOf('=') + 1)] : [raw, undefined];
    const value = () => {
      const next = inline ?? argv[++index];
      if (next === undefined || (inline === undefined && next.startsWith('--'))) throw new UsageError(`${option} needs a value`);
      return next;
    };
    switch (option) {
      case '--corpus':
        args.corpus = value();
        break;
      case '--browser': {
        const browser = value();
        if (browser !== 'chromium' && browser !== 'firefox') throw new UsageError(`--browser must be chromium or firefox, got '${browser}'`);
        args.browser = browser;
        break;
      }
      case '--out':
        args.out = value();
        break;
      case '--only':
        args.only = value()
          .split(',')
          .map((id) => id.trim())
          .filter(Boolean);
        break;
      case '--concurrency':
        args.concurrency = positiveInt(option, value(), 16);
        break;
      case '--settle':
        args.settleMs = positiveInt(option, value(), 120_000);
        break;
      default:
        throw new UsageError(`unknown argument '${raw}'`);
    }
  }
  if (!args.corpus) throw new UsageError('--corpus DIR is required');
  return args;
}
