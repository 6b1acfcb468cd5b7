// Compiles word lists into one regular expression each. Latin terms must start
// at a word start (so "ip" does not match "ship"); CJK terms match anywhere.

const escape = (term: string) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uff00-\uffef]/;

export function compileTerms(terms: readonly string[], flags = 'gu'): RegExp {
  const sorted = [...new Set(terms)].sort((a, b) => b.length - a.length);
  const parts = sorted.map((term) => (CJK.test(term[0] ?? '') ? escape(term) : `(?<![\\p{L}\\p{N}])${escape(term)}`));
  return new RegExp(parts.join('|'), flags);
}

/** Distinct terms of `re` found in `text`, at most `max`. */
export function findTerms(re: RegExp, text: string, max = 50): string[] {
  const found = new Set<string>();
  re.lastIndex = 0;
  for (const match of text.matchAll(re)) {
    found.add(match[0]);
    if (found.size >= max) break;
  }
  return [...found];
}
