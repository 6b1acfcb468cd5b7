// Text normalisation for matching: scam pages hide words and numbers from naive
// filters with full-width characters, zero-width characters, look-alike letters
// from other scripts and digits split across elements.

// Zero-width and invisible formatting characters (ZWSP, ZWNJ, ZWJ, word joiner,
// BOM, soft hyphen, Mongolian vowel separator, invisible operators, bidi marks).
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

// Cyrillic and Greek letters that look like Latin ones ("Міcrosoft" with a Cyrillic М and і).
const HOMOGLYPHS: Record<string, string> = {
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x',
  і: 'i', ї: 'i', ј: 'j', ѕ: 's', ԁ: 'd', һ: 'h', ԛ: 'q', ԝ: 'w', ӏ: 'l', ɡ: 'g', ո: 'n', ս: 'u',
  α: 'a', β: 'b', ε: 'e', η: 'n', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', ϲ: 'c',
};
const HOMOGLYPH_RE = new RegExp(`[${Object.keys(HOMOGLYPHS).join('')}]`, 'g');

// Latin diacritics only: Japanese voiced marks (U+3099/U+309A) must survive.
const LATIN_DIACRITICS = /[\u0300-\u036f]/g;

/** Removes invisible characters and applies NFKC (full-width letters and digits become ASCII). */
export function cleanText(text: string): string {
  return text.replace(INVISIBLE, '').normalize('NFKC');
}

/**
 * The form all lexicon matching runs on: cleaned, lower case, look-alike letters
 * folded to Latin, Latin accents dropped, whitespace collapsed.
 */
export function matchForm(text: string): string {
  return cleanText(text)
    .toLowerCase()
    .replace(HOMOGLYPH_RE, (char) => HOMOGLYPHS[char] ?? char)
    .normalize('NFKD')
    .replace(LATIN_DIACRITICS, '')
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim();
}
