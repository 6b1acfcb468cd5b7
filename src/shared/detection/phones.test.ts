import { describe, expect, it } from 'vitest';
import { findPhones, regionsFor } from './phones';
import { cleanText } from './normalize';

// Numbers are fictional (555-01xx) or the format examples scam kits use; never call them.
const CASES: Array<{ lang: string; text: string; e164: string; tollFree?: boolean }> = [
  { lang: 'en', text: 'Call Microsoft Support: +1-888-555-0199 (Toll Free)', e164: '+18885550199', tollFree: true },
  { lang: 'en', text: 'Call 1-(805) 555-0142 now', e164: '+18055550142' },
  { lang: 'en', text: 'UK helpline 0800 555 0142', e164: '+448005550142', tollFree: true },
  { lang: 'ja', text: 'サポート窓口 050-5555-0199 までお電話ください', e164: '+815055550199' },
  { lang: 'ja', text: 'フリーダイヤル 0120-555-019', e164: '+81120555019', tollFree: true },
  { lang: 'ja', text: '携帯 080-5555-0199', e164: '+818055550199' },
  { lang: 'ja', text: '(0101) 505 755 0142 にお電話ください', e164: '+15057550142' },
  { lang: 'ja', text: '０５０－５５５５－０１９９', e164: '+815055550199' },
  { lang: 'fr', text: 'Appelez le 09 70 50 01 42', e164: '+33970500142' },
  { lang: 'fr', text: 'Appelez le +33 1 99 00 01 42', e164: '+33199000142' },
  { lang: 'de', text: 'Rufen Sie 030 5550 0142 an', e164: '+493055500142' },
  { lang: 'de', text: 'Hotline 0044 7418 555014', e164: '+447418555014' },
  { lang: 'de-AT', text: 'Hotline 0660-9661921', e164: '+436609661921' },
  { lang: 'en', text: 'International toll free +800 1234 5678', e164: '+80012345678', tollFree: true },
];

describe('phone extraction', () => {
  it.each(CASES.map((c) => [`${c.lang}: ${c.text}`, c] as const))('%s', (_name, c) => {
    const hits = findPhones([cleanText(c.text)], regionsFor(c.lang, 'en-US'));
    expect(hits.map((h) => h.e164)).toContain(c.e164);
    if (c.tollFree !== undefined) expect(hits.find((h) => h.e164 === c.e164)?.tollFree).toBe(c.tollFree);
  });

  it('reads digits split by zero-width characters once cleaned', () => {
    const hits = findPhones([cleanText('1\u200B-888-\u200C555-01\u200D99')], regionsFor('en', 'en-US'));
    expect(hits.map((h) => h.e164)).toEqual(['+18885550199']);
  });

  it.each(['Version 2.2.25.7 released 2024-01-12', 'Scores 9.2-9.2 11.9-22.9', 'Order #12345678', 'IP 192.168.100.200'])(
    'finds no phone number in %s',
    (text) => {
      expect(findPhones([text], regionsFor('en', 'en-US'))).toEqual([]);
    },
  );

  it('counts each number once per text even when several regions read it', () => {
    const hits = findPhones(['+1-888-555-0199 and again'], ['US', 'CA', 'GB']);
    expect(hits).toHaveLength(1);
  });

  it('takes regions from the page language, then the browser locale, then US', () => {
    expect(regionsFor('ja', 'fr-FR').slice(0, 2)).toEqual(['JP', 'FR']);
    expect(regionsFor('de-AT', 'en-US')[0]).toBe('AT');
    expect(regionsFor('', '')).toEqual(['US']);
  });
});
