// Grid test: every corpus case through the SAME gatherer the content script runs
// (on happy-dom, scripts off, no network) and the pure verdict. Behaviour comes
// from tests/unit/support/static-behaviour.ts, a documented approximation of what
// a first click would trigger (the real probe is exercised in the e2e tests).
// Every scam must reach 'scam'; every benign page must stay at most 'suspicious'.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { gatherContent } from '../../src/content/gather';
import { analyseContent } from '../../src/shared/detection/analyse';
import { addProbeEvents, emptyBehaviour } from '../../src/shared/detection/behaviour';
import { type Assessment, assess } from '../../src/shared/detection/score';
import { type CorpusCase, CORPUS_DIR, corpusAvailable, pageScripts, readCases } from './support/corpus';
import { staticBehaviour } from './support/static-behaviour';

async function assessCase(c: CorpusCase): Promise<Assessment> {
  const html = readFileSync(join(c.dir, c.entry), 'utf8');
  const url = c.url || `http://${c.id.toLowerCase().replace(/[^a-z0-9-]/g, '-').slice(0, 60)}.corpus.test/${c.entry}`;
  const window = new Window({
    url,
    settings: { disableJavaScriptFileLoading: true, navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true } },
  });
  try {
    window.document.write(html);
    const frame = gatherContent(window.document as unknown as Document, {
      budgetMs: 5_000,
      maxNodes: 6000,
      includeFrames: true,
      now: () => performance.now(),
    });
    const behaviour = addProbeEvents(emptyBehaviour(), staticBehaviour(pageScripts(c, html), html));
    return assess({ url, content: analyseContent([frame], 'en-US'), behaviour });
  } finally {
    await window.happyDOM.close();
  }
}

// Scam cases this static grid cannot judge, with the reason (from the corpus notes). Their
// verdicts are printed, not asserted; the e2e evaluation serves them in a real browser.
// Keep this list short and honest: a case leaves it as soon as the grid can see it.
const STATIC_LIMITS: Record<string, string> = {
  'browlock-fr-uuuuu': 'the lock text is fetched at run time with jQuery .load(), per browser',
  'ms-lock-fr-darkviet12-eroxks': 'the page body is a base64 blob written by script at run time',
  'other-und-digitalstars30-fbnewtest': 'the whole page is obfuscated (Function()), nothing to read statically',
  'other-en-msfthelp-invoice': 'content only, no lock/alarm/trap: by design never a scam from content alone',
};

const results: Array<{ c: CorpusCase; a: Assessment }> = [];

function explain(a: Assessment): string {
  const weights = Object.entries(a.weights).filter(([, w]) => w > 0).map(([k, w]) => `${k}=${w}`).join(' ');
  const reasons = a.reasons.map((r) => `${r.key}(${r.params.join('|')})`).join(', ');
  return `${a.verdict.level} [${weights}] ${reasons}`;
}

describe.skipIf(!corpusAvailable())('corpus grid', () => {
  const cases = corpusAvailable() ? readCases() : [];
  afterAll(() => {
    const rows = new Map<string, { n: number; scam: number; suspicious: number }>();
    for (const { c, a } of results) {
      for (const key of [`${c.label}/${c.family}`, `${c.label}/lang=${c.lang}`]) {
        const row = rows.get(key) ?? { n: 0, scam: 0, suspicious: 0 };
        row.n++;
        if (a.verdict.level === 'scam') row.scam++;
        if (a.verdict.level === 'suspicious') row.suspicious++;
        rows.set(key, row);
      }
    }
    const table = [...rows.entries()].sort().map(([key, r]) => `${key.padEnd(40)} n=${r.n} scam=${r.scam} suspicious=${r.suspicious}`);
    const notes = results
      .filter(({ c, a }) => (c.label === 'benign' && a.verdict.level !== 'safe') || STATIC_LIMITS[c.id])
      .map(({ c, a }) => `${c.label} ${c.id}: ${explain(a)}${STATIC_LIMITS[c.id] ? `  [static limit: ${STATIC_LIMITS[c.id]}]` : ''}`);
    console.log(`\ncorpus grid (${CORPUS_DIR}):\n${table.join('\n')}\n\n${notes.join('\n')}`);
  });

  it.each(cases.map((c) => [c.id, c] as const))('%s', async (_id, c) => {
    const a = await assessCase(c);
    results.push({ c, a });
    if (STATIC_LIMITS[c.id]) return;
    if (c.label === 'scam') expect(a.verdict.level, explain(a)).toBe('scam');
    else expect(a.verdict.level, explain(a)).not.toBe('scam');
  });

  it('lists only existing scam cases as static limits', () => {
    for (const id of Object.keys(STATIC_LIMITS)) expect(cases.find((c) => c.id === id)?.label, id).toBe('scam');
  });
});

if (!corpusAvailable()) {
  console.warn(`\n\n!!!!! CORPUS NOT FOUND at ${CORPUS_DIR}: the corpus grid test is SKIPPED. Set CORPUS_DIR. !!!!!\n\n`);
}
