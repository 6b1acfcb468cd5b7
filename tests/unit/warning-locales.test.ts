import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The warning and help texts: same keys in en and ja, same $n placeholders, no empty message.
const load = (lang: string, file: string) =>
  JSON.parse(readFileSync(resolve(import.meta.dirname, `../../src/locales/${lang}/${file}`), 'utf8')) as Record<string, { message: string }>;
const placeholders = (message: string) => [...message.matchAll(/\$(\d)/g)].map((m) => m[1]).sort();

describe.each(['warning.json', 'help.json'])('%s', (file) => {
  const en = load('en', file);
  const ja = load('ja', file);
  it('has the same keys in en and ja', () => {
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
  });
  it('keeps placeholders and has no empty message', () => {
    for (const [key, { message }] of Object.entries(en)) {
      expect(message.trim(), key).not.toBe('');
      expect(ja[key]?.message.trim(), key).not.toBe('');
      expect(placeholders(ja[key]?.message ?? ''), key).toEqual(placeholders(message));
    }
  });
  it('prefixes keys by area (reason keys follow the verdict contract)', () => {
    const prefix = file === 'help.json' ? 'help' : 'warning';
    for (const key of Object.keys(en)) expect(key.startsWith(prefix) || key.startsWith('reason'), key).toBe(true);
  });
});
