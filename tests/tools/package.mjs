// Writes store-ready zips of both builds to artifacts/ (run through `npm run package`).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
for (const target of ['chrome', 'firefox']) {
  const filename = `fake-warning-blocker-${target}-${version}.zip`;
  execFileSync(
    'npx',
    ['web-ext', 'build', '--source-dir', `dist/${target}`, '--artifacts-dir', 'artifacts', '--filename', filename, '--overwrite-dest'],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  console.log(`package: artifacts/${filename}`);
}
