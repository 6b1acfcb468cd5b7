import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Every message the remote-access warning uses exists in en and ja with the same placeholders.
const root = resolve(import.meta.dirname, '../../..');
type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const load = (lang: string) => JSON.parse(readFileSync(resolve(root, `src/locales/${lang}/remote.json`), 'utf8')) as Messages;
const en = load('en');
const ja = load('ja');
const html = readFileSync(resolve(import.meta.dirname, 'index.html'), 'utf8');
const script = readFileSync(resolve(import.meta.dirname, 'main.ts'), 'utf8');

describe('remote-warning messages', () => {
  it('has the same keys and placeholders in en and ja', () => {
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
    for (const [key, entry] of Object.entries(en)) {
      expect(Object.keys(ja[key]?.placeholders ?? {}), key).toEqual(Object.keys(entry.placeholders ?? {}));
      for (const name of Object.keys(entry.placeholders ?? {})) {
        expect(entry.message, `${key} en uses $${name}$`).toContain(`$${name.toUpperCase()}$`);
        expect(ja[key]?.message, `${key} ja uses $${name}$`).toContain(`$${name.toUpperCase()}$`);
      }
    }
  });

  it('defines every key the page and its script use, all prefixed by the area', () => {
    const used = new Set([...html.matchAll(/data-i18n="([^"]+)"/g), ...script.matchAll(/'(remote[A-Z]\w+)'/g)].map((match) => match[1] as string));
    expect(used.size).toBeGreaterThan(20);
    for (const key of used) expect(en, key).toHaveProperty(key);
    for (const key of Object.keys(en)) expect(key.startsWith('remote')).toBe(true);
  });
});
