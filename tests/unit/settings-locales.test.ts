import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
type Messages = Record<string, { message: string; placeholders?: Record<string, unknown> }>;
const load = (lang: string): Messages => JSON.parse(readFileSync(join(root, 'src/locales', lang, 'settings.json'), 'utf8'));
const placeholdersIn = (text: string) => [...text.matchAll(/\$([A-Z_]+)\$/g)].map((m) => m[1]).sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [join(dir, entry.name)] : [],
  );
}

describe('settings locale files', () => {
  const en = load('en');
  const ja = load('ja');

  it('have the same keys and placeholders in en and ja', () => {
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
    for (const [key, { message, placeholders }] of Object.entries(en)) {
      const other = ja[key];
      expect(placeholdersIn(other?.message ?? ''), key).toEqual(placeholdersIn(message));
      expect(Object.keys(other?.placeholders ?? {}).sort(), key).toEqual(Object.keys(placeholders ?? {}).sort());
      expect(placeholdersIn(message).map((name) => name?.toLowerCase()), key).toEqual(Object.keys(placeholders ?? {}).sort());
    }
  });

  it('define every settings message the code asks for', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(join(root, 'src/ui'))) {
      for (const match of readFileSync(file, 'utf8').matchAll(/'(settings[A-Z][A-Za-z]+)'/g)) used.add(match[1] as string);
    }
    expect(used.size).toBeGreaterThan(20);
    expect([...used].filter((key) => !(key in en))).toEqual([]);
  });
});
