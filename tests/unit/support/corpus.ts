// Reads the shared corpus (never copied into the repo) for the grid test.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export const CORPUS_DIR = resolve(process.env.CORPUS_DIR ?? resolve(import.meta.dirname, '../../../../shared/corpus'));

export interface CorpusCase {
  id: string;
  label: 'scam' | 'benign';
  family: string;
  lang: string;
  entry: string;
  url: string;
  dir: string;
}

export function corpusAvailable(): boolean {
  return existsSync(join(CORPUS_DIR, 'cases.tsv'));
}

export function readCases(): CorpusCase[] {
  const lines = readFileSync(join(CORPUS_DIR, 'cases.tsv'), 'utf8').split('\n');
  const header = (lines.shift() ?? '').split('\t');
  const col = (name: string) => header.indexOf(name);
  return lines
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => line.split('\t'))
    .map((f) => ({
      id: f[col('id')] ?? '',
      label: (f[col('label')] === 'scam' ? 'scam' : 'benign') as CorpusCase['label'],
      family: f[col('family')] ?? '',
      lang: f[col('lang')] ?? '',
      entry: f[col('entry')] ?? '',
      url: f[col('url')] ?? '',
      dir: join(CORPUS_DIR, 'cases', f[col('id')] ?? ''),
    }));
}

const MAX_SCRIPT = 3_000_000;

/** Local file for a script src: relative to the entry, or an absolute URL whose path was copied into the case. */
function localScript(c: CorpusCase, src: string): string | null {
  const entryDir = dirname(join(c.dir, c.entry));
  let path = src.split(/[?#]/)[0] ?? '';
  const candidates: string[] = [];
  if (/^(?:https?:)?\/\//i.test(path)) {
    const pathname = decodeURIComponent(new URL(path, 'http://x/').pathname);
    candidates.push(join(c.dir, pathname), join(c.dir, pathname.split('/').slice(2).join('/')), join(entryDir, pathname));
  } else {
    try {
      path = decodeURIComponent(path);
    } catch {
      // keep as is
    }
    candidates.push(path.startsWith('/') ? join(c.dir, path) : resolve(entryDir, path));
  }
  for (const file of candidates) {
    if (!file.startsWith(c.dir)) continue;
    if (existsSync(file) && statSync(file).isFile() && statSync(file).size < MAX_SCRIPT) return readFileSync(file, 'utf8');
  }
  return null;
}

/** The page's scripts: inline ones, local src'd files, and inline on* handlers. */
export function pageScripts(c: CorpusCase, html: string): string {
  const parts: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const src = /\bsrc\s*=\s*["']?([^"'\s>]+)/i.exec(m[1] ?? '')?.[1];
    if (src) parts.push(localScript(c, src) ?? '');
    parts.push(m[2] ?? '');
  }
  for (const m of html.matchAll(/\son[a-z]+\s*=\s*("[^"]*"|'[^']*')/gi)) parts.push(m[1] ?? '');
  return parts.join('\n;\n');
}
