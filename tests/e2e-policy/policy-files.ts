// Machine-wide browser policy files for the enterprise tests. Every file written
// here is removed again (or the previous file restored) in the test's cleanup, on
// process exit and on SIGINT/SIGTERM, because other test runs on this machine see it too.
import { existsSync, mkdirSync, readFileSync, renameSync, rmdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CHROME_EXTENSION_ID, GECKO_ID } from '../../vite.config';

export { CHROME_EXTENSION_ID, GECKO_ID };

/** Debian's chromium reads managed policies here (Google Chrome: /etc/opt/chrome/policies/managed). */
export const CHROMIUM_POLICY_DIR = '/etc/chromium/policies/managed';
/**
 * Firefox on Linux reads /etc/firefox/policies/policies.json first (MOZ_SYSTEM_POLICIES; Debian's
 * firefox-esr too, not /etc/firefox-esr/…), then <install dir>/distribution/policies.json
 * (/usr/lib/firefox-esr/distribution/). Both verified with firefox-esr 153 on Debian 12; the
 * first wins, so the tests write it. FWB_FIREFOX_POLICY_FILE overrides it for other systems.
 */
export const FIREFOX_POLICY_FILE = process.env.FWB_FIREFOX_POLICY_FILE ?? '/etc/firefox/policies/policies.json';

const cleanups = new Set<() => void>();
let exitHooked = false;

function register(cleanup: () => void): () => void {
  if (!exitHooked) {
    exitHooked = true;
    const runAll = () => {
      for (const fn of [...cleanups]) fn();
    };
    process.on('exit', runAll);
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        runAll();
        process.kill(process.pid, signal);
      });
    }
  }
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    cleanups.delete(once);
    cleanup();
  };
  cleanups.add(once);
  return once;
}

/** mkdir -p that returns the directories it created (deepest first), so cleanup can remove exactly those. */
function makeDirs(dir: string): string[] {
  const created: string[] = [];
  for (let current = dir; !existsSync(current); current = dirname(current)) created.push(current);
  mkdirSync(dir, { recursive: true });
  return created;
}

function removeDirsIfEmpty(dirs: string[]): void {
  for (const dir of dirs) {
    try {
      rmdirSync(dir);
    } catch {
      return; // not empty (someone else's file) or gone: leave it
    }
  }
}

function writeAtomically(file: string, content: string): void {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, content);
  renameSync(temp, file);
}

export interface PolicyFile {
  path: string;
  /** Replaces the extension's policy values (Chromium notices within seconds). */
  update(values: unknown): void;
  remove(): void;
}

/** A uniquely named Chromium policy file giving our extension `values` through 3rdparty. */
export function installChromiumPolicy(values: unknown): PolicyFile {
  const created = makeDirs(CHROMIUM_POLICY_DIR);
  const path = join(CHROMIUM_POLICY_DIR, `fwb-e2e-${process.pid}-${Date.now()}.json`);
  const write = (policyValues: unknown) =>
    writeAtomically(path, JSON.stringify({ '3rdparty': { extensions: { [CHROME_EXTENSION_ID]: policyValues } } }, null, 2));
  write(values);
  let removed = false;
  const remove = register(() => {
    removed = true;
    if (existsSync(path)) unlinkSync(path);
    removeDirsIfEmpty(created);
  });
  const update = (policyValues: unknown) => {
    if (removed) throw new Error('policy file already removed');
    write(policyValues);
  };
  return { path, update, remove };
}

/**
 * Writes Firefox's policies.json with `values` for our extension (3rdparty.Extensions),
 * keeping any existing file aside and restoring it on remove(). Firefox reads the file
 * once at startup, so remove() right after the browser has started.
 */
export function installFirefoxPolicy(values: unknown): PolicyFile {
  const path = FIREFOX_POLICY_FILE;
  const backup = `${path}.fwb-e2e-backup`;
  if (existsSync(backup)) throw new Error(`${backup} exists: another policy test is running or one crashed. Restore it by hand.`);
  const created = makeDirs(dirname(path));
  if (existsSync(path)) renameSync(path, backup);
  const write = (policyValues: unknown) =>
    writeAtomically(path, JSON.stringify({ policies: { '3rdparty': { Extensions: { [GECKO_ID]: policyValues } } } }, null, 2));
  const remove = register(() => {
    if (existsSync(path)) unlinkSync(path);
    if (existsSync(backup)) renameSync(backup, path);
    removeDirsIfEmpty(created);
  });
  try {
    write(values);
  } catch (error) {
    remove();
    throw error;
  }
  return { path, update: write, remove };
}

export function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}
