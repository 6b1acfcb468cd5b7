import { runnerImport } from 'vite';
const { module } = await runnerImport(process.argv[2]);
process.exitCode = await module.main(process.argv.slice(3));
