import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { decideAction, lastSafeUrl, pageKey, sameSite } from './decide';

const scam = { settings: DEFAULT_SETTINGS, url: 'http://scam.test/x', level: 'scam' as const, continued: false };

describe('decideAction', () => {
  it('blocks a scam verdict by default', () => {
    expect(decideAction(scam)).toBe('block');
  });
  it('does nothing for lower levels or when protection is off', () => {
    expect(decideAction({ ...scam, level: 'suspicious' })).toBe('none');
    expect(decideAction({ ...scam, level: 'safe' })).toBe('none');
    expect(decideAction({ ...scam, settings: { ...DEFAULT_SETTINGS, protectionEnabled: false } })).toBe('none');
  });
  it('never acts on an allow-listed site; subdomains only through a "*." entry', () => {
    const settings = { ...DEFAULT_SETTINGS, allowList: ['scam.test'] };
    expect(decideAction({ ...scam, settings })).toBe('none');
    expect(decideAction({ ...scam, settings, url: 'http://www.scam.test/' })).toBe('block');
    expect(decideAction({ ...scam, settings, url: 'http://notscam.test/' })).toBe('block');
    const withSubdomains = { ...DEFAULT_SETTINGS, allowList: ['*.scam.test'] };
    expect(decideAction({ ...scam, settings: withSubdomains, url: 'http://www.scam.test/' })).toBe('none');
  });
  it('follows the mode', () => {
    expect(decideAction({ ...scam, settings: { ...DEFAULT_SETTINGS, mode: 'warn' } })).toBe('warn');
    expect(decideAction({ ...scam, settings: { ...DEFAULT_SETTINGS, mode: 'monitor' } })).toBe('log');
  });
  it('only neutralises a page the user continued to', () => {
    expect(decideAction({ ...scam, continued: true })).toBe('neutralise');
    expect(decideAction({ ...scam, continued: true, settings: { ...DEFAULT_SETTINGS, mode: 'monitor' } })).toBe('log');
  });
});

describe('helpers', () => {
  it('sameSite compares origins', () => {
    expect(sameSite('http://a.test/1', 'http://a.test/2?x')).toBe(true);
    expect(sameSite('http://a.test/', 'https://a.test/')).toBe(false);
    expect(sameSite('http://a.test/', undefined)).toBe(false);
    expect(sameSite('nonsense', 'nonsense')).toBe(false);
  });
  it('pageKey drops the fragment only', () => {
    expect(pageKey('http://a.test/p?q=1#frag')).toBe('http://a.test/p?q=1');
    expect(pageKey('http://a.test/p')).toBe('http://a.test/p');
  });
  it('lastSafeUrl picks the latest page of another site', () => {
    const recent = ['http://news.test/', 'http://ads.test/r', 'http://scam.test/', 'http://scam.test/#1'];
    expect(lastSafeUrl(recent, 'http://scam.test/#2')).toBe('http://ads.test/r');
    expect(lastSafeUrl(['http://scam.test/'], 'http://scam.test/')).toBeNull();
    expect(lastSafeUrl(['chrome://newtab/', 'about:blank'], 'http://scam.test/')).toBeNull();
  });
});
