// Reads a corpus (cases.tsv + cases/<id>/…, format in ../shared/corpus/README.md)
// and checks every row, so a bad corpus fails before any browser starts, naming the line.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, normalize, resolve, sep } from 'node:path';

export type Label = 'scam' | 'benign';

export interface CorpusCase {
  id: string;
  label: Label;
  family: string;
  lang: string;
  /** Path of the entry page inside the case folder (forward slashes). */
  entry: string;
  /** Absolute folder holding the case's files. */
  dir: string;
  /** The address the case is served under (always http). */
  url: URL;
  /** True when the corpus gave no `url` and the harness picked a neutral hostname. */
  neutralUrl: boolean;
  /** Line of cases.tsv the case came from (1-based). */
  line: number;
}

export class CorpusError extends Error {}

const REQUIRED = ['id', 'label', 'family', 'lang', 'entry', 'url'] as const;
const NEUTRAL_DOMAIN = 'case.fwb.test';

/** A DNS label made from a case id: lower case, [a-z0-9-], at most 63 characters. */
export function hostLabel(id: string): string {
  const label = id
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 63)
    .replace(/-$/, '');
  return label || 'case';
}

function caseUrl(raw: string, id: string, entry: string, usedHosts: Set<string>): { url: URL; neutral: boolean } {
  if (raw) return { url: new URL(raw), neutral: false };
  let host = `${hostLabel(id)}.${NEUTRAL_DOMAIN}`;
  for (let n = 2; usedHosts.has(host); n++) host = `${hostLabel(id).slice(0, 58)}-${n}.${NEUTRAL_DOMAIN}`;
  usedHosts.add(host);
  return { url: new URL(`http://${host}/${entry.split('/').map(encodeURIComponent).join('/')}`), neutral: true };
}

function checkUrl(raw: string): string | null {
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return `url '${raw}' is not an absolute URL`;
  }
  if (url.protocol === 'https:') return `url '${raw}' uses https, which the local server cannot serve (use http://)`;
  if (url.protocol !== 'http:') return `url '${raw}' must use http://`;
  return null;
}

/** Loads and validates `dir`/cases.tsv. Throws CorpusError listing every bad line. */
export function loadCorpus(dir: string): CorpusCase[] {
  const root = resolve(dir);
  const tsv = join(root, 'cases.tsv');
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new CorpusError(`corpus folder ${root} does not exist`);
  if (!existsSync(tsv)) throw new CorpusError(`${tsv} does not exist (a corpus needs cases.tsv and cases/<id>/)`);

  const lines = readFileSync(tsv, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = (lines[0] ?? '').split('\t').map((name) => name.trim());
  const missing = REQUIRED.filter((name) => !header.includes(name));
  if (missing.length) throw new CorpusError(`${tsv} line 1: header lacks column(s) ${missing.join(', ')}`);
  const column = Object.fromEntries(REQUIRED.map((name) => [name, header.indexOf(name)])) as Record<(typeof REQUIRED)[number], number>;

  const problems: string[] = [];
  const cases: CorpusCase[] = [];
  const ids = new Map<string, number>();
  const usedHosts = new Set<string>();
  lines.slice(1).forEach((text, index) => {
    const line = index + 2;
    if (!text.trim()) return;
    const cells = text.split('\t');
    const cell = (name: (typeof REQUIRED)[number]) => (cells[column[name]] ?? '').trim();
    const id = cell('id');
    if (id.startsWith('#')) return;
    const fail = (why: string) => problems.push(`${tsv} line ${line}${id ? ` (${id})` : ''}: ${why}`);
    if (cells.length !== header.length) {
      fail(`expected ${header.length} tab-separated columns, found ${cells.length}`);
      return;
    }
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(id)) return void fail(`id '${id}' must be a folder name ([A-Za-z0-9._-])`);
    if (ids.has(id)) return void fail(`id '${id}' repeats line ${ids.get(id)}`);
    ids.set(id, line);
    const label = cell('label');
    if (label !== 'scam' && label !== 'benign') return void fail(`label '${label}' must be scam or benign`);
    const family = cell('family');
    if (!family) return void fail('family is empty');
    const entry = cell('entry').replace(/\\/g, '/');
    const caseDir = join(root, 'cases', id);
    const entryFile = normalize(join(caseDir, entry));
    if (!entry || !entryFile.startsWith(caseDir + sep)) return void fail(`entry '${entry}' must be a path inside cases/${id}/`);
    if (!existsSync(entryFile) || !statSync(entryFile).isFile()) return void fail(`entry file cases/${id}/${entry} does not exist`);
    const urlProblem = checkUrl(cell('url'));
    if (urlProblem) return void fail(urlProblem);
    const { url, neutral } = caseUrl(cell('url'), id, entry, usedHosts);
    cases.push({ id, label, family, lang: cell('lang') || 'und', entry, dir: caseDir, url, neutralUrl: neutral, line });
  });
  if (problems.length) {
    const shown = problems.slice(0, 20).join('\n');
    throw new CorpusError(problems.length > 20 ? `${shown}\n… and ${problems.length - 20} more` : shown);
  }
  if (!cases.length) throw new CorpusError(`${tsv} lists no cases`);
  return cases;
}
