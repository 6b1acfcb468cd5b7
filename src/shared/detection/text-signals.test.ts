import { describe, expect, it } from 'vitest';
import cases from './fixtures/lexicon-cases.json' with { type: 'json' };
import { matchForm } from './normalize';
import { emptySignals, readSignals } from './text-signals';

interface LexiconCase {
  lang: string;
  text: string;
  claims?: string[];
  brands?: string[];
  none?: boolean;
}

const read = (text: string) => readSignals(matchForm(text), emptySignals());

describe('scare language and brands per language (fixtures/lexicon-cases.json)', () => {
  it.each((cases as LexiconCase[]).map((c) => [`${c.lang}: ${c.text}`, c] as const))('%s', (_name, c) => {
    const signals = read(c.text);
    if (c.none) {
      expect(Object.keys(signals.claims)).toEqual([]);
      expect(signals.brands).toEqual([]);
      return;
    }
    for (const claim of c.claims ?? []) expect(Object.keys(signals.claims)).toContain(claim);
    for (const brand of c.brands ?? []) expect(signals.brands).toContain(brand);
  });

  it('covers at least en, ja, fr, de, es, it, pt with a positive and a negative example', () => {
    for (const lang of ['en', 'ja', 'fr', 'de', 'es', 'it', 'pt']) {
      const mine = (cases as LexiconCase[]).filter((c) => c.lang === lang);
      expect(mine.some((c) => c.claims?.length), `positive ${lang}`).toBe(true);
      expect(mine.some((c) => c.none), `negative ${lang}`).toBe(true);
    }
  });
});

describe('other text signals', () => {
  it.each([
    ['Error code: 0x800VDS', '0X800VDS'],
    ['エラーコード: DW6VB36', 'DW6VB36'],
    ['Fehlercode #0x268d3', '0X268D3'],
    ["Code d'erreur 02V7HGTVB", '02V7HGTVB'],
  ])('error code in %s', (text, code) => {
    expect(read(text).errorCode).toBe(code);
  });

  it.each(['Call us at 0800 123 4567', 'Error: file not found', 'Model ABCDEF, code name "Jupiter"'])('no error code in %s', (text) => {
    expect(read(text).errorCode).toBeNull();
  });

  it('sees a fake scan: scan words, or several listed malware names', () => {
    expect(read('Quick scan in progress… 47 threats found').scan).toBe(true);
    expect(read('Threat Detected! Trojan.Fakealert.356 Adware.win-32.Look2me.ab').malwareNames.length).toBeGreaterThanOrEqual(2);
    expect(read('We scanned the documents for the archive').scan).toBe(false);
    expect(read('The trojan horse of Greek myth').malwareNames).toEqual([]);
  });

  it('sees a countdown only with a clock and a time word', () => {
    expect(read('Your computer will be disabled in 04:59 minutes').countdown).toBe(true);
    expect(read('あと 30 秒でデータが削除されます 残り').countdown).toBe(true);
    expect(read('Opening hours 09:00 to 17:00').countdown).toBe(false);
  });

  it('sees the visitor’s IP address shown back to them', () => {
    expect(read('IP Address: 203.0.113.42 Location: Tokyo').ipShown).toBe('203.0.113.42');
    expect(read('IPアドレス：198.51.100.7').ipShown).toBe('198.51.100.7');
    expect(read('Version 10.0.19045.3803 of Windows').ipShown).toBeNull();
    expect(read('the ship sailed 1.2.3.4 miles').ipShown).toBeNull();
  });

  it('sees notification lures', () => {
    expect(read('Click Allow to confirm you are not a robot').lure).toBe(true);
    expect(read('「許可」をクリックしてください').lure).toBe(true);
    expect(read('Allow cookies?').lure).toBe(false);
  });
});
