// Phone numbers a page pushes. Runs in the service worker only: libphonenumber-js
// with full metadata is far too heavy for the per-frame content script.
import { type CountryCode, findNumbers, type PhoneNumber } from 'libphonenumber-js/max';

// Regions to try for numbers written without a country code, by language.
// A Japanese page writing "(0101) 505 755 6579" dials +1 through Japan's 010 prefix;
// parsing it as JP resolves that, the same way "0044 …" resolves on a German page.
const REGIONS_BY_LANG: Record<string, CountryCode[]> = {
  en: ['US', 'GB', 'CA', 'AU'],
  ja: ['JP'],
  fr: ['FR', 'CA', 'BE', 'CH'],
  de: ['DE', 'AT', 'CH'],
  es: ['ES', 'MX', 'AR'],
  it: ['IT'],
  pt: ['PT', 'BR'],
};
const MAX_REGIONS = 6;
// "9.2-9.2 11.9": decimals (scores, SVG paths, versions) are not phone digit groups.
const DECIMAL = /(?:^|\D)\d{1,3}\.\d(?:\D|$)/;

/** Regions to parse with: from the page language, the browser locale, then US. */
export function regionsFor(pageLang: string, browserLocale: string): CountryCode[] {
  const regions: CountryCode[] = [];
  const add = (region: string | undefined) => {
    const upper = region?.toUpperCase();
    if (upper && /^[A-Z]{2}$/.test(upper) && !regions.includes(upper as CountryCode)) regions.push(upper as CountryCode);
  };
  for (const tag of [pageLang, browserLocale]) {
    const [lang, region] = tag.toLowerCase().split(/[-_]/);
    if (region && region.length === 2) add(region);
    for (const r of REGIONS_BY_LANG[lang ?? ''] ?? []) add(r);
  }
  add('US');
  return regions.slice(0, MAX_REGIONS);
}

export interface PhoneHit {
  e164: string;
  /** International format, for display ("do not call"). */
  display: string;
  tollFree: boolean;
  /** Index of the text (block) it was found in. */
  source: number;
}

function describe(number: PhoneNumber, source: number): PhoneHit {
  const type = number.getType();
  return {
    e164: number.number,
    display: number.formatInternational(),
    tollFree: type === 'TOLL_FREE' || type === 'SHARED_COST' || type === 'PREMIUM_RATE',
    source,
  };
}

/** Every valid phone number in `texts` (cleaned text, one entry per block), once per block. */
export function findPhones(texts: readonly string[], regions: readonly CountryCode[], maxHits = 200): PhoneHit[] {
  const hits: PhoneHit[] = [];
  texts.forEach((text, source) => {
    if (hits.length >= maxHits || !/\d{2}/.test(text)) return;
    // Quick reject: a phone number needs at least 8 digits near each other.
    if (!/\d(?:[\s().\-/]*\d){7}/.test(text)) return;
    // The first region that reads a stretch of text as a valid number wins it.
    const taken: Array<[number, number]> = [];
    const seen = new Set<string>();
    for (const region of regions) {
      for (const found of findNumbers(text, { defaultCountry: region, v2: true })) {
        if (taken.some(([start, end]) => found.startsAt < end && found.endsAt > start)) continue;
        if (!found.number.isValid() || DECIMAL.test(text.slice(found.startsAt, found.endsAt))) continue;
        taken.push([found.startsAt, found.endsAt]);
        if (seen.has(found.number.number)) continue;
        seen.add(found.number.number);
        hits.push(describe(found.number, source));
      }
    }
  });
  return hits.slice(0, maxHits);
}
