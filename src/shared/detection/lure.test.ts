import { describe, expect, it } from 'vitest';
import cases from './fixtures/lure-cases.json' with { type: 'json' };
import { findLure } from './lure';
import { matchForm } from './normalize';

interface LureCase {
  lang: string;
  text: string;
  lure: boolean;
}

describe('notification-lure text (fixtures/lure-cases.json)', () => {
  it.each((cases as LureCase[]).map((c) => [`${c.lang} ${c.lure ? 'lure' : 'not a lure'}: ${c.text}`, c] as const))('%s', (_name, c) => {
    expect(findLure(matchForm(c.text)) !== null).toBe(c.lure);
  });

  it('has a lure and an honest request in every language it knows, en and ja first', () => {
    for (const lang of ['en', 'ja', 'fr', 'de', 'es']) {
      const mine = (cases as LureCase[]).filter((c) => c.lang === lang);
      expect(mine.some((c) => c.lure), `lure ${lang}`).toBe(true);
      expect(mine.some((c) => !c.lure), `not a lure ${lang}`).toBe(true);
    }
  });

  it('sees through full-width letters, look-alike letters and zero-width characters', () => {
    expect(findLure(matchForm('Ｃｌｉｃｋ　Ａｌｌｏｗ to continue'))).not.toBeNull();
    expect(findLure(matchForm('Сlick Аllow if you are not a robot'))).not.toBeNull(); // Cyrillic С and А
    expect(findLure(matchForm('Click Al\u200blow to play'))).not.toBeNull();
  });

  it('returns the instruction it found', () => {
    expect(findLure(matchForm('Please click "Allow" to continue'))).toBe('click allow');
    expect(findLure(matchForm('「許可」を押して続行'))).toBe('許可を押');
  });

  it('judges the purpose near the instruction, not anywhere in a long block', () => {
    const filler = ' lorem ipsum dolor sit amet'.repeat(8);
    expect(findLure(matchForm(`Notifications for new messages: click Allow.${filler} Continue reading the article`))).toBeNull();
  });
});
