import { existsSync } from 'node:fs';

export type BrowserName = 'chromium' | 'firefox';

const CANDIDATES: Record<BrowserName, { env: string; paths: string[] }> = {
  chromium: { env: 'CHROMIUM_PATH', paths: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'] },
  firefox: { env: 'FIREFOX_PATH', paths: ['/usr/bin/firefox-esr', '/usr/bin/firefox'] },
};

/** The browser executable to test with, or an error that says how to get one. */
export function browserPath(name: BrowserName): string {
  const { env, paths } = CANDIDATES[name];
  const fromEnv = process.env[env];
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`${env}=${fromEnv} does not exist.`);
    return fromEnv;
  }
  const found = paths.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      `No ${name} found (looked in ${paths.join(', ')}). Install it with 'npm run setup:browsers' ` +
        `(Debian/Ubuntu: apt-get install chromium firefox-esr) or set ${env} to its path.`,
    );
  }
  return found;
}
