import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../evaluate/args';

describe('parseArgs', () => {
  it('has the documented defaults', () => {
    expect(parseArgs(['--corpus', 'c'])).toEqual({ corpus: 'c', browser: 'chromium', out: null, only: null, concurrency: 4, settleMs: 5000 });
  });

  it('reads every option, with a space or =', () => {
    expect(parseArgs(['--corpus=c', '--browser', 'firefox', '--out', 'o.json', '--only', 'a, b', '--concurrency=2', '--settle', '800'])).toEqual({
      corpus: 'c',
      browser: 'firefox',
      out: 'o.json',
      only: ['a', 'b'],
      concurrency: 2,
      settleMs: 800,
    });
  });

  it.each([
    [[], '--corpus DIR is required'],
    [['--corpus', 'c', '--browser', 'safari'], '--browser must be chromium or firefox'],
    [['--corpus', 'c', '--concurrency', '0'], '--concurrency must be a whole number'],
    [['--corpus', 'c', '--settle', 'soon'], '--settle must be a whole number'],
    [['--corpus', '--out', 'x'], '--corpus needs a value'],
    [['--corpus', 'c', '--fast'], "unknown argument '--fast'"],
  ])('rejects %j', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(UsageError);
    expect(() => parseArgs(argv)).toThrow(message);
  });
});
