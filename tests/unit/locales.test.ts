// Meta-test: every message in src/locales/en exists in every other locale, in the
// same file, with the same placeholders ($1…$9 and named $NAME$), and nothing extra.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../src/locales');
const LOCALES = readdirSync(ROOT).filter((name) => name !== 'en');
const FILES = readdirSync(join(ROOT, 'en')).filter((name) => name.endsWith('.json'));

interface Message {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

function load(locale: string, file: string): Record<string, Message> {
  return JSON.parse(readFileSync(join(ROOT, locale, file), 'utf8')) as Record<string, Message>;
}

/** Positional ($1) and named ($name$) placeholders a message uses, sorted. */
function placeholders(message: Message): string[] {
  const found = new Set<string>();
  for (const match of message.message.matchAll(/\$(\d)|\$([a-z0-9_@]+)\$/gi)) found.add(match[1] ? `$${match[1]}` : `$${match[2]?.toLowerCase()}$`);
  for (const [name, { content }] of Object.entries(message.placeholders ?? {})) found.add(`${name.toLowerCase()}=${content}`);
  return [...found].sort();
}

describe('locales', () => {
  it('has a Japanese locale and message files', () => {
    expect(LOCALES).toContain('ja');
    expect(FILES.length).toBeGreaterThan(0);
  });

  describe.each(LOCALES)('%s', (locale) => {
    it.each(FILES)('%s has the same keys as en', (file) => {
      const en = load('en', file);
      const other = load(locale, file);
      const missing = Object.keys(en).filter((key) => !(key in other));
      const extra = Object.keys(other).filter((key) => !(key in en));
      expect({ missing, extra }, `src/locales/${locale}/${file}: add the missing keys, remove the extra ones`).toEqual({ missing: [], extra: [] });
    });

    it.each(FILES)('%s uses the same placeholders as en', (file) => {
      const en = load('en', file);
      const other = load(locale, file);
      const mismatched = Object.keys(en)
        .filter((key) => key in other)
        .filter((key) => JSON.stringify(placeholders(en[key] as Message)) !== JSON.stringify(placeholders(other[key] as Message)))
        .map((key) => `${key}: en ${placeholders(en[key] as Message).join(' ')} / ${locale} ${placeholders(other[key] as Message).join(' ')}`);
      expect(mismatched).toEqual([]);
    });

    it.each(FILES)('%s has no empty messages', (file) => {
      const empty = Object.entries(load(locale, file)).filter(([, value]) => !value.message?.trim()).map(([key]) => key);
      expect(empty).toEqual([]);
    });
  });

  it('uses each key once across all files of a locale (the build merges them)', () => {
    for (const locale of ['en', ...LOCALES]) {
      const seen = new Map<string, string>();
      const duplicates: string[] = [];
      for (const file of readdirSync(join(ROOT, locale)).filter((name) => name.endsWith('.json'))) {
        for (const key of Object.keys(load(locale, file))) {
          if (seen.has(key)) duplicates.push(`${locale}: ${key} in ${seen.get(key)} and ${file}`);
          seen.set(key, file);
        }
      }
      expect(duplicates).toEqual([]);
    }
  });

  it('keeps every other locale to the files en has', () => {
    for (const locale of LOCALES) {
      const extra = readdirSync(join(ROOT, locale)).filter((name) => name.endsWith('.json') && !FILES.includes(name));
      expect(extra, `src/locales/${locale}: files without an en counterpart`).toEqual([]);
    }
  });
});
