import { describe, expect, it } from 'vitest';
import { reportFormUrl, servicesForLanguage } from './services';

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
