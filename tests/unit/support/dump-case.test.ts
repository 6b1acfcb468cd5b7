import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { it } from 'vitest';
import { gatherContent } from '../../../src/content/gather';
import { readCases } from './corpus';

it.skipIf(!process.env.DUMP_CASE)('dump', async () => {
  const c = readCases().find((x) => x.id === process.env.DUMP_CASE);
  if (!c) return;
  const html = readFileSync(join(c.dir, c.entry), 'utf8');
  const window = new Window({ url: 'http://x.test/', settings: { disableJavaScriptFileLoading: true } });
  window.document.write(html);
  const e = gatherContent(window.document as unknown as Document, { budgetMs: 5000, maxNodes: 6000, includeFrames: true, now: () => performance.now() });
  console.log(JSON.stringify({ ...e, blocks: e.blocks.map((b) => b.text) }, null, 1).slice(0, 6000));
  await window.happyDOM.close();
});
