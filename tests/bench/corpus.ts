// Reads the corpus (cases.tsv, see ../shared/corpus/README.md) and serves each case
// from the local server under its own URL, or under a neutral host of the same site
// (so Chromium keeps the pages in one renderer process, as it would for one site).
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { join, normalize, posix, resolve, sep } from 'node:path';
import { contentTypeFor, type TestServer } from '../support/server';

export type Label = 'scam' | 'benign';

export interface BenchCase {
  id: string;
  label: Label;
  family: string;
  entry: string;
  dir: string;
  url: string;
}

export const NEUTRAL_DOMAIN = 'corpus.fwb.test';


export function corpusDir(): string {
  return resolve(process.env.CORPUS_DIR ?? resolve(import.meta.dirname, '../../../shared/corpus'));
}

function hostLabel(id: string): string {
  return id.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '').slice(0, 63).replace(/-$/, '') || 'case';
}

/** The corpus cases, or null (with the reason) when the corpus is absent. */
export function loadCases(dir: string): { cases: BenchCase[] } | { missing: string } {
  const tsv = join(dir, 'cases.tsv');
  if (!existsSync(tsv)) return { missing: `${tsv} not found` };
  const [headerLine = '', ...lines] = readFileSync(tsv, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = headerLine.split('\t').map((name) => name.trim());
  const col = (name: string) => header.indexOf(name);
  const cases: BenchCase[] = [];
  const hosts = new Set<string>();
  for (const line of lines) {
    const cells = line.split('\t');
    const id = (cells[col('id')] ?? '').trim();
    if (!id || id.startsWith('#')) continue;
    const label = (cells[col('label')] ?? '').trim();
    if (label !== 'scam' && label !== 'benign') continue;
    const entry = (cells[col('entry')] ?? '').trim().replace(/\\/g, '/');
    const caseDir = join(dir, 'cases', id);
    if (!entry || !existsSync(join(caseDir, entry))) continue;
    let url = (cells[col('url')] ?? '').trim();
    if (!/^http:\/\//.test(url)) {
      let host = `${hostLabel(id)}.${NEUTRAL_DOMAIN}`;
      for (let n = 2; hosts.has(host); n++) host = `${hostLabel(id).slice(0, 58)}-${n}.${NEUTRAL_DOMAIN}`;
      hosts.add(host);
      url = `http://${host}/${entry.split('/').map(encodeURIComponent).join('/')}`;
    }
    cases.push({ id, label, family: (cells[col('family')] ?? '').trim(), entry, dir: caseDir, url });
  }
  return { cases };
}

function caseFile(kase: BenchCase, rawPath: string): string | null {
  let pathname: string;
  try {
    pathname = decodeURIComponent(rawPath.split('?')[0] ?? '/');
  } catch {
    return null;
  }
  const entryPath = decodeURIComponent(new URL(kase.url).pathname);
  if (pathname === entryPath) return join(kase.dir, kase.entry);
  const base = entryPath.slice(0, entryPath.lastIndexOf('/') + 1);
  const candidates = [pathname.startsWith(base) ? join(kase.dir, posix.dirname(kase.entry), pathname.slice(base.length)) : null, join(kase.dir, pathname)];
  for (const candidate of candidates) {
    if (!candidate) continue;
    let file = normalize(candidate);
    if (!file.startsWith(kase.dir + sep)) continue;
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (existsSync(file) && statSync(file).isFile()) return file;
  }
  return null;
}

/** Serves every case from the local server; anything a case lacks is answered 404 by the server. */
export function serveCases(server: TestServer, cases: BenchCase[]): void {
  for (const kase of cases) {
    server.route(new URL(kase.url).hostname, (_request, response, path) => {
      const file = caseFile(kase, path);
      if (!file) return false;
      response.writeHead(200, { 'content-type': contentTypeFor(file), 'cache-control': 'no-store' });
      createReadStream(file).pipe(response);
      return true;
    });
  }
}

/** Every `step`-th case, so a quick run still covers the corpus's variety. */
export function sample<T>(items: T[], count: number): T[] {
  if (count >= items.length) return items;
  const step = items.length / count;
  return Array.from({ length: count }, (_, index) => items[Math.floor(index * step)] as T);
}
