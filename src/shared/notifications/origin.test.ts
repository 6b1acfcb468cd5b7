import { describe, expect, it } from 'vitest';
import { originPattern, webOrigin } from './origin';

describe('webOrigin', () => {
  it.each([
    ['https://news.example.com/a/b?c#d', 'https://news.example.com'],
    ['http://fixtures.fwb.test:8080/x', 'http://fixtures.fwb.test:8080'],
    ['HTTPS://EXAMPLE.COM', 'https://example.com'],
  ])('%s → %s', (url, origin) => expect(webOrigin(url)).toBe(origin));

  it.each([
    'chrome-extension://abc/page.html',
    'about:blank',
    'file:///tmp/x.html',
    'not a url',
    '',
    undefined,
    null,
    'https://*.example.com/',
    'http://a*b.example/',
  ])('no web origin for %s', (url) => {
    expect(webOrigin(url)).toBeNull();
  });
});

describe('originPattern', () => {
  it('names scheme, exact host and port, with the path wildcard Chrome requires', () => {
    expect(originPattern('https://scam.example.com')).toBe('https://scam.example.com:443/*');
    expect(originPattern('http://fixtures.fwb.test')).toBe('http://fixtures.fwb.test:80/*');
    expect(originPattern('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080/*');
  });

  it('refuses anything but a plain origin, so it never makes a wildcard', () => {
    expect(() => originPattern('https://*.example.com')).toThrow();
    expect(() => originPattern('https://a.example/path')).toThrow();
    expect(originPattern('http://[::1]:8080')).toBe('http://[::1]:8080/*');
    expect(originPattern('https://xn--fiq228c.example')).toBe('https://xn--fiq228c.example:443/*');
  });

  it('never widens to subdomains or other schemes', () => {
    const pattern = originPattern('https://push.example.com');
    expect(pattern).not.toContain('*.');
    expect(pattern.startsWith('https://')).toBe(true);
  });
});
