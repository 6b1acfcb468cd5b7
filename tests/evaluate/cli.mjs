// Entry point of `npm run evaluate`. Node 20 cannot run TypeScript by itself
// (--experimental-strip-types arrived in 22.6), so the harness is loaded through
// Vite's module runner (already installed for the build), which also resolves the
// extension-less imports the TypeScript sources use.
import { runnerImport } from 'vite';

const { module } = await runnerImport(new URL('./main.ts', import.meta.url).pathname);
process.exitCode = await module.main(process.argv.slice(2));
