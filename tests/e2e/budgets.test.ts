// Performance budgets that can be checked without timing anything (issue #10): the
// bytes every frame of every web page receives from the built extension. Times are
// measured by `npm run bench` against a same-run baseline; they are too noisy for CI.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUDGETS } from '../bench/budgets';
import { injectedBytes, isolatedBytes } from '../bench/bytes';
import { distDir } from '../support/extension-browser';

describe.each(['chromium', 'firefox'] as const)('injected bytes of the %s build', (browser) => {
  const measured = injectedBytes(distDir(browser));
  const listing = measured.files.map((file) => `${file.path} (${file.world}): ${file.bytes} B, gzip ${file.gzip} B`).join('\n');

  it('injects a probe into the page world and a content script, at least', () => {
    expect(measured.files.some((file) => file.world === 'MAIN'), listing).toBe(true);
    expect(measured.files.some((file) => file.world === 'ISOLATED'), listing).toBe(true);
  });

  it(`stays within ${BUDGETS.injectedBytesPerFrame / 1024} KB (minified) per frame`, () => {
    expect(measured.bytes, `injected per frame:\n${listing}`).toBeLessThanOrEqual(BUDGETS.injectedBytesPerFrame);
  });

  it(`keeps the content script within ${BUDGETS.contentScriptBytesPerFrame / 1024} KB (minified) per frame`, () => {
    expect(isolatedBytes(measured), `injected per frame:\n${listing}`).toBeLessThanOrEqual(BUDGETS.contentScriptBytesPerFrame);
  });

  it('does not bundle webextension-polyfill into what every frame runs (src/platform/runtime-api.ts replaces it)', () => {
    const withPolyfill = measured.files.filter((file) => readFileSync(join(measured.distDir, file.path), 'utf8').includes('webextension-polyfill'));
    expect(withPolyfill.map((file) => file.path)).toEqual([]);
  });
});
