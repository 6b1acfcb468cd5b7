import { describe, expect, it } from 'vitest';
import { hostOf, matchesSiteList, parseSiteEntry } from './site-match';

describe('matchesSiteList', () => {
  it('matches the host itself and its subdomains', () => {
    expect(matchesSiteList('https://example.com/a', ['example.com'])).toBe(true);
    expect(matchesSiteList('http://www.example.com/', ['example.com'])).toBe(true);
    expect(matchesSiteList('http://a.b.example.com:8080/x?y', ['example.com'])).toBe(true);
  });

  it('does not match look-alike hosts or parents', () => {
    expect(matchesSiteList('https://evilexample.com/', ['example.com'])).toBe(false);
    expect(matchesSiteList('https://example.com.evil.test/', ['example.com'])).toBe(false);
    expect(matchesSiteList('https://example.com/', ['www.example.com'])).toBe(false);
  });

  it('ignores case, a trailing dot, a wildcard prefix, scheme and port in entries', () => {
    expect(matchesSiteList('https://WWW.Example.COM./', ['Example.com'])).toBe(true);
    expect(matchesSiteList('https://x.example.com/', ['*.example.com'])).toBe(true);
    expect(matchesSiteList('http://example.com/', ['https://example.com:443'])).toBe(true);
  });

  it('treats an entry with a path as a URL prefix on that exact host', () => {
    const list = ['scam.test/promo/'];
    expect(matchesSiteList('http://scam.test/promo/page.html', list)).toBe(true);
    expect(matchesSiteList('http://scam.test/other', list)).toBe(false);
    expect(matchesSiteList('http://sub.scam.test/promo/page.html', list)).toBe(false);
  });

  it('never uses a single label or an IP address as a suffix', () => {
    expect(matchesSiteList('https://example.com/', ['com'])).toBe(false);
    expect(matchesSiteList('http://10.0.0.1/', ['0.0.1'])).toBe(false);
    expect(matchesSiteList('http://10.0.0.1/', ['10.0.0.1'])).toBe(true);
    expect(matchesSiteList('http://localhost/', ['localhost'])).toBe(true);
  });

  it('matches nothing for empty or malformed entries and non-web URLs', () => {
    expect(matchesSiteList('https://example.com/', ['', '   ', 'http://', '*'])).toBe(false);
    expect(matchesSiteList('chrome://settings/', ['settings'])).toBe(false);
    expect(matchesSiteList('not a url', ['example.com'])).toBe(false);
  });
});

describe('hostOf / parseSiteEntry', () => {
  it('reads hosts of web URLs only', () => {
    expect(hostOf('https://Sub.Example.com./x')).toBe('sub.example.com');
    expect(hostOf('moz-extension://abc/page.html')).toBeNull();
  });
  it('parses entries into host and optional path', () => {
    expect(parseSiteEntry(' https://Example.com/A?b ')).toEqual({ host: 'example.com', pathPrefix: '/a?b' });
    expect(parseSiteEntry('example.com/')).toEqual({ host: 'example.com', pathPrefix: null });
  });
});
