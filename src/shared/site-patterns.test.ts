import { describe, expect, it } from 'vitest';
import { findMatchingPattern, matchesSiteList, parseSitePattern } from './site-patterns';

describe('parseSitePattern', () => {
  it.each([
    ['Example.COM', 'example.com'],
    ['  support.example.com ', 'support.example.com'],
    ['*.example.co.jp', '*.example.co.jp'],
    ['HTTPS://intranet.example/helpdesk/*', 'https://intranet.example/helpdesk/*'],
    ['*://example.com/a', '*://example.com/a'],
    ['192.168.0.10', '192.168.0.10'],
    ['例え.jp', 'xn--r8jz45g.jp'],
    ['https://support.example.jp/サポート/*', 'https://support.example.jp/%E3%82%B5%E3%83%9D%E3%83%BC%E3%83%88/*'],
  ])('normalises %j to %j', (input, text) => {
    expect(parseSitePattern(input)?.text).toBe(text);
  });

  it.each(['', '*', '*.com', 'exa mple.com', 'example.com:8080', 'ftp://example.com', 'user@example.com', '-bad-.com', '*.10.0.0.1', 'a'.repeat(501), `example.jp/${'あ'.repeat(60)}`, 'example.jp/\ud800'])(
    'rejects %j',
    (input) => {
      expect(parseSitePattern(input)).toBeNull();
    },
  );
});

describe('findMatchingPattern', () => {
  it('matches a path written in Japanese, as the browser encodes it', () => {
    const [pattern] = ['support.example.jp/サポート/*'].map((entry) => parseSitePattern(entry)?.text ?? '');
    expect(findMatchingPattern('https://support.example.jp/サポート/faq', [pattern as string])).toBe(pattern);
    expect(findMatchingPattern('https://support.example.jp/%E3%82%B5%E3%83%9D%E3%83%BC%E3%83%88/faq', [pattern as string])).toBe(pattern);
    expect(findMatchingPattern('https://support.example.jp/other', [pattern as string])).toBeNull();
  });

  it('matches the full host name only, never a suffix', () => {
    expect(findMatchingPattern('https://example.com/x', ['example.com'])).toBe('example.com');
    expect(findMatchingPattern('https://evil-example.com/', ['example.com'])).toBeNull();
    expect(findMatchingPattern('https://a.example.com/', ['example.com'])).toBeNull();
    expect(findMatchingPattern('https://example.com.evil.test/', ['example.com'])).toBeNull();
  });

  it('matches subdomains and the domain itself only with "*."', () => {
    const list = ['*.example.com'];
    expect(findMatchingPattern('https://a.b.example.com/', list)).toBe('*.example.com');
    expect(findMatchingPattern('https://example.com/', list)).toBe('*.example.com');
    expect(findMatchingPattern('https://badexample.com/', list)).toBeNull();
  });

  it('honours scheme and path prefixes with wildcards', () => {
    const list = ['https://intranet.example/help*/faq'];
    expect(findMatchingPattern('https://intranet.example/helpdesk/faq?q=1', list)).toBe(list[0]);
    expect(findMatchingPattern('http://intranet.example/helpdesk/faq', list)).toBeNull();
    expect(findMatchingPattern('https://intranet.example/other', list)).toBeNull();
  });

  it('answers yes/no through matchesSiteList', () => {
    expect(matchesSiteList('http://intranet.example/', ['intranet.example'])).toBe(true);
    expect(matchesSiteList('http://www.intranet.example/', ['intranet.example'])).toBe(false);
  });

  it('ignores non-web URLs, unparsable URLs and invalid entries', () => {
    expect(findMatchingPattern('file:///etc/passwd', ['*://example.com'])).toBeNull();
    expect(findMatchingPattern('not a url', ['example.com'])).toBeNull();
    expect(findMatchingPattern('https://example.com/', ['*', 'exa mple', 'example.com'])).toBe('example.com');
  });
});
