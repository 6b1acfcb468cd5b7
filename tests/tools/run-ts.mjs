// Runs a TypeScript entry point with Vite's module runner (Node 20 cannot strip types):
//   node tests/tools/run-ts.mjs tests/tools/start-demo.ts [args…]
import { resolve } from 'node:path';
import { runnerImport } from 'vite';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node tests/tools/run-ts.mjs <file.ts> [args…]');
  process.exit(2);
}
process.argv = [process.argv[0], resolve(entry), ...args];
const { module } = await runnerImport(resolve(entry), { configFile: false, logLevel: 'error' });
if (typeof module.main === 'function') await module.main(args);
