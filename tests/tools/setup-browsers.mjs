// Installs Debian's chromium and firefox-esr when they are missing (idempotent).
// `npx playwright install` cannot be used: browsers come from the distribution.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const wanted = [
  { pkg: 'chromium', paths: [process.env.CHROMIUM_PATH, '/usr/bin/chromium'] },
  { pkg: 'firefox-esr', paths: [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr'] },
];
const missing = wanted.filter(({ paths }) => !paths.some((path) => path && existsSync(path))).map(({ pkg }) => pkg);
if (missing.length === 0) {
  console.log('setup:browsers: chromium and firefox-esr are installed.');
  process.exit(0);
}
const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
console.log(`setup:browsers: installing ${missing.join(' ')} with apt-get…`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execSync(`${sudo}apt-get update -qq`, { stdio: 'inherit', env });
execSync(`${sudo}apt-get install -y -qq --no-install-recommends ${missing.join(' ')}`, { stdio: 'inherit', env });
