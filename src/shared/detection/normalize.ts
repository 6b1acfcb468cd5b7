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

// Capitals, folded BEFORE lower-casing: lower case loses what they look like (Greek Η looks
// like H but η like n, Ν like N but ν like v, Μ like M but μ like u). "ΜΙСRΟSΟFΤ WΙΝDΟWS".
const CAPITAL_HOMOGLYPHS: Record<string, string> = {
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X',
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', У: 'Y', Х: 'X',
  Ѕ: 'S', І: 'I', Ј: 'J', Ԛ: 'Q', Ԝ: 'W', Ү: 'Y', Һ: 'H', Ӏ: 'I', Ꭺ: 'A', Ᏼ: 'B', Ꮯ: 'C', Ꭰ: 'D', Ꭼ: 'E', Ꮋ: 'H', Ꮖ: 'I', Ꮶ: 'K', Ꮇ: 'M', Ꮲ: 'P', Ꮪ: 'S', Ꭲ: 'T', Ꮃ: 'W',
};
const CAPITAL_RE = new RegExp(`[${Object.keys(CAPITAL_HOMOGLYPHS).join('')}]`, 'g');

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
  // Accents first: "Micrόsoft" hides a Greek ό (omicron with tonos) that only folds once bare.
  const bare = cleanText(text).normalize('NFKD').replace(LATIN_DIACRITICS, '');
  return bare
    .replace(CAPITAL_RE, (char) => CAPITAL_HOMOGLYPHS[char] ?? char)
    .toLowerCase()
    .replace(HOMOGLYPH_RE, (char) => HOMOGLYPHS[char] ?? char)
    // Lower-casing can bring marks back (İ becomes i + a combining dot).
    .normalize('NFKD')
    .replace(LATIN_DIACRITICS, '')
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim();
}
