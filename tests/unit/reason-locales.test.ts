// Every reason key the detector can emit exists in en and ja with the same placeholders,
// so the popup and warning page can render it with i18n.getMessage(key, params).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const load = (lang: string) => JSON.parse(readFileSync(resolve(root, `src/locales/${lang}/reasons.json`), 'utf8')) as Record<string, { message: string }>;
const placeholders = (message: string) => [...new Set(message.match(/\$\d/g) ?? [])].sort();

describe('reason messages', () => {
  const en = load('en');
  const ja = load('ja');
  const source = readFileSync(resolve(root, 'src/shared/detection/reasons.ts'), 'utf8');
  const used = [...new Set(source.match(/'reason[A-Z]\w+'/g)?.map((k) => k.slice(1, -1)) ?? [])];

  it('every key used by the detector is in en and ja', () => {
    expect(used.length).toBeGreaterThan(20);
    for (const key of used) {
      expect(en[key], `en ${key}`).toBeDefined();
      expect(ja[key], `ja ${key}`).toBeDefined();
    }
  });

  it('en and ja have the same keys and placeholders, and no unused keys', () => {
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en)) {
      expect(placeholders(ja[key]?.message ?? ''), key).toEqual(placeholders(en[key]?.message ?? ''));
      expect(used, `unused key ${key}`).toContain(key);
    }
  });
});
