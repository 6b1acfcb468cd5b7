import { describe, expect, it } from 'vitest';
import { reportFormUrl, servicesForLanguage } from './services';
import { hostMatches, isHostListed, siteHost } from './site';

describe('public report services', () => {
  it('fills in the page address, encoded', () => {
    const page = 'http://scam.example/p?a=1&b=2#x';
    expect(new URL(reportFormUrl('google', page)).searchParams.get('url')).toBe(page);
    expect(new URL(reportFormUrl('microsoft', page)).searchParams.get('url')).toBe(page);
    expect(reportFormUrl('google', page)).toMatch(/^https:\/\/safebrowsing\.google\.com\/safebrowsing\/report_phish\/\?url=/);
    expect(reportFormUrl('microsoft', page)).toMatch(/^https:\/\/www\.microsoft\.com\/en-us\/wdsi\/support\/report-unsafe-site-guest\?url=/);
  });

  it('offers the IPA consultation desk for Japanese only', () => {
    expect(servicesForLanguage('ja')).toContain('ipa');
    expect(servicesForLanguage('ja-JP')).toContain('ipa');
    expect(servicesForLanguage('en-US')).not.toContain('ipa');
    expect(servicesForLanguage('ja', 'en-US')).toContain('ipa');
    expect(servicesForLanguage('en', 'en-GB')).not.toContain('ipa');
  });
});

describe('allow-list hosts', () => {
  it('takes the host of web pages only', () => {
    expect(siteHost('https://Sub.Example.com:8080/x')).toBe('sub.example.com');
    expect(siteHost('chrome://settings')).toBeNull();
    expect(siteHost('not a url')).toBeNull();
  });

  it('matches exact hosts, *.domain patterns and URL entries', () => {
    expect(hostMatches('example.com', 'example.com')).toBe(true);
    expect(hostMatches('a.example.com', 'example.com')).toBe(false);
    expect(hostMatches('a.example.com', '*.example.com')).toBe(true);
    expect(hostMatches('badexample.com', '*.example.com')).toBe(false);
    expect(hostMatches('example.com', 'https://example.com/path')).toBe(true);
    expect(isHostListed('x.test', ['', 'y.test', 'x.test'])).toBe(true);
  });
});
