import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayUrl, elideMiddle } from './url-display';

describe('elideMiddle', () => {
  it('keeps short text unchanged', () => {
    expect(elideMiddle('abc', 5)).toBe('abc');
  });
  it('never exceeds the limit and keeps both ends', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.integer({ min: 2, max: 120 }), (text, max) => {
        const out = elideMiddle(text, max);
        const inLength = Array.from(text).length;
        if (inLength <= max) {
          expect(out).toBe(text);
          return;
        }
        expect(Array.from(out).length).toBe(max);
        const cut = out.indexOf('…');
        expect(text.startsWith(out.slice(0, cut))).toBe(true);
        expect(text.endsWith(out.slice(cut + 1))).toBe(true);
      }),
    );
  });
  it('does not split surrogate pairs', () => {
    const out = elideMiddle('😀'.repeat(50), 10);
    expect(out).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });
});

describe('displayUrl', () => {
  it('separates the origin from the rest', () => {
    expect(displayUrl('http://scam.test/a/b?c=1#d')).toEqual({
      origin: 'http://scam.test',
      rest: '/a/b?c=1#d',
      full: 'http://scam.test/a/b?c=1#d',
    });
  });
  it('shortens a long path but keeps the host whole', () => {
    const url = `https://support-microsoft.example.net/${'x'.repeat(500)}/end`;
    const shown = displayUrl(url, 60);
    expect(shown.origin).toBe('https://support-microsoft.example.net');
    expect(Array.from(shown.rest).length).toBe(60);
    expect(shown.rest.endsWith('/end')).toBe(true);
  });
  it('removes invisible and direction-changing characters', () => {
    const shown = displayUrl('http://bank.test/\u202Egnp.exe\u200B');
    expect(shown.full).toBe('http://bank.test/gnp.exe');
  });
  it('shows international hosts in punycode', () => {
    expect(displayUrl('http://аpple.test/').origin).toBe('http://xn--pple-43d.test');
  });
  it('shows markup as text only (callers use textContent): the string is not altered into HTML', () => {
    expect(displayUrl('http://x.test/<img src=x onerror=alert(1)>').rest).toBe('/%3Cimg%20src=x%20onerror=alert(1)%3E');
  });
});
