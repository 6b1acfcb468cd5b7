import { describe, expect, it } from 'vitest';
import { cleanText, matchForm } from './normalize';

describe('normalisation', () => {
  it.each([
    ['full-width digits and letters', '０１２０－１２３－４５６ Ｍｉｃｒｏｓｏｆｔ', '0120-123-456 Microsoft'],
    ['zero-width characters inside words and numbers', 'Micro\u200Bsoft 1\u200C8\u200D00\uFEFF', 'Microsoft 1800'],
    ['soft hyphen and bidi marks', 'Win\u00ADdows\u202E', 'Windows'],
    ['half-width katakana', 'ｳｲﾙｽ', 'ウイルス'],
  ])('cleanText: %s', (_what, input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });

  it.each([
    ['Cyrillic look-alikes in a brand', 'Місrоsоft', 'microsoft'],
    ['Greek look-alikes', 'Αpple ѕеcurity', 'apple security'],
    ['Latin accents dropped, Japanese voiced marks kept', 'Votre ordinateur est bloqué — ブロック', 'votre ordinateur est bloque — ブロック'],
    ['whitespace collapsed', '  Your\n\tPC  ', 'your pc'],
    ['Greek and Cyrillic capitals (folded before lower case: Η is H, Ν is N, Μ is M)', 'ΜΙСRΟSΟFΤ WΙΝDΟWS DЕFЕΝDЕR', 'microsoft windows defender'],
    ['Cherokee capitals', 'ᎪᏢᏢᏞᎬ'.replace('Ꮮ', 'L'), 'apple'],
    ['accented Greek and Cyrillic look-alikes (ό, ѐ) fold once bare', 'Micrόsoft Dеfѐnder', 'microsoft defender'],
    ['German umlaut', 'Schließen Sie nicht', 'schließen sie nicht'],
  ])('matchForm: %s', (_what, input, expected) => {
    expect(matchForm(input)).toBe(expected);
  });

  it('leaves ordinary Latin text alone (no false folding)', () => {
    expect(matchForm('Hello world 123')).toBe('hello world 123');
  });
});
