// The harness measures the extension as built: dist/<target>, rebuilt first when it is
// missing or older than anything it is built from.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { distDir, type BrowserName } from '../support/extension-browser';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
const SOURCES = ['src', 'icons', 'manifest.json', 'vite.config.ts', 'package.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

/** Why dist must be rebuilt, or null when it is up to date. */
export function staleReason(browser: BrowserName): string | null {
  const manifest = join(distDir(browser), 'manifest.json');
  if (!existsSync(manifest)) return `${distDir(browser)} has no build`;
  const built = statSync(manifest).mtimeMs;
  const newest = Math.max(...SOURCES.map((source) => newestMtime(join(REPO_ROOT, source))));
  return newest > built ? `${distDir(browser)} is older than the sources` : null;
}

/** Builds the extension for `browser` when needed; throws when the build fails. */
export function ensureBuilt(browser: BrowserName, log: (line: string) => void): void {
  const reason = staleReason(browser);
  if (!reason) return;
  const script = browser === 'chromium' ? 'build:chrome' : 'build:firefox';
  log(`evaluate: ${reason}; running npm run ${script}`);
  const result = spawnSync('npm', ['run', '--silent', script], { cwd: REPO_ROOT, stdio: ['ignore', 2, 2] });
  if (result.status !== 0) throw new Error(`npm run ${script} failed (exit ${result.status ?? result.signal})`);
}
