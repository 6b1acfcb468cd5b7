import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CorpusError, hostLabel, loadCorpus } from '../../evaluate/corpus';

const HEADER = 'id\tlabel\tfamily\tlang\tentry\turl\tsource_repo\tsource_commit\tsource_path\tlicence\tnotes';
const row = (cells: Partial<Record<'id' | 'label' | 'family' | 'lang' | 'entry' | 'url', string>>) =>
  [cells.id ?? 'a', cells.label ?? 'scam', cells.family ?? 'other', cells.lang ?? 'en', cells.entry ?? 'index.html', cells.url ?? '', '', '', '', '', ''].join('\t');

let dir = '';
function corpus(lines: string[], files: string[] = ['a/index.html']): string {
  dir = mkdtempSync(join(tmpdir(), 'fwb-corpus-'));
  writeFileSync(join(dir, 'cases.tsv'), `${lines.join('\n')}\n`);
  for (const file of files) {
    mkdirSync(join(dir, 'cases', file, '..'), { recursive: true });
    writeFileSync(join(dir, 'cases', file), '<p>x</p>');
  }
  return dir;
}
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('loadCorpus', () => {
  it('reads cases, skips comments and blank lines, and gives neutral hosts when url is empty', () => {
    const cases = loadCorpus(corpus([HEADER, '# note', '', row({ id: 'a', label: 'benign', lang: '' })]));
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ id: 'a', label: 'benign', lang: 'und', neutralUrl: true, line: 4 });
    expect(cases[0]?.url.href).toBe('http://a.case.fwb.test/index.html');
  });

  it('keeps the given url', () => {
    const [kase] = loadCorpus(corpus([HEADER, row({ url: 'http://learn.example.com/en-us/page' })]));
    expect(kase?.url.href).toBe('http://learn.example.com/en-us/page');
    expect(kase?.neutralUrl).toBe(false);
  });

  it.each([
    [row({}).split('\t').slice(0, 5).join('\t'), 'line 2 (a): expected 11 tab-separated columns, found 5'],
    [row({ label: 'maybe' }), "line 2 (a): label 'maybe' must be scam or benign"],
    [row({ entry: 'missing.html' }), 'line 2 (a): entry file cases/a/missing.html does not exist'],
    [row({ entry: '../../etc/passwd' }), "line 2 (a): entry '../../etc/passwd' must be a path inside cases/a/"],
    [row({ url: 'https://example.com/' }), 'uses https, which the local server cannot serve'],
    [row({ id: 'a/b' }), "id 'a/b' must be a folder name"],
  ])('names the line of a bad row: %s', (bad, message) => {
    expect(() => loadCorpus(corpus([HEADER, bad]))).toThrow(CorpusError);
    expect(() => loadCorpus(corpus([HEADER, bad]))).toThrow(message);
  });

  it('reports repeated ids and a header without the needed columns', () => {
    expect(() => loadCorpus(corpus([HEADER, row({}), row({})]))).toThrow("line 3 (a): id 'a' repeats line 2");
    expect(() => loadCorpus(corpus(['id\tlabel', 'a\tscam']))).toThrow('line 1: header lacks column(s) family, lang, entry, url');
  });

  it('refuses a missing folder and an empty corpus', () => {
    expect(() => loadCorpus('/nonexistent/corpus')).toThrow('does not exist');
    expect(() => loadCorpus(corpus([HEADER]))).toThrow('lists no cases');
  });
});

describe('hostLabel', () => {
  it('makes a DNS label from any id', () => {
    expect(hostLabel('readability__base-url.base_element')).toBe('readability-base-url-base-element');
    expect(hostLabel('x'.repeat(80))).toHaveLength(63);
    expect(hostLabel('__')).toBe('case');
  });
});
